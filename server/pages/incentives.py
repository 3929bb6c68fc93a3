"""Incentives: one table of every incentive with facets (GET parameters) and sorting; and one incentive's page.

Facets: `area` (GB/T 2260 code; sub-areas included), `agency` (`{area}/{key}` of an agency), `role`
(`lead`: the agency — or, without one, any unit — leads the clause; `shared`: named but not leading),
`kind` (max, fixed, budget, rate), `min` / `max` (yuan), `in_force` (yes / no, as of `as_of`), `sort`.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response

from policykg.server.errors import BadRequest, NotFound
from policykg.server.pages import rendering, routing, validity
from policykg.server.pages.incentive_data import DOCUMENT_FIELDS, FIGURES, KINDS, incentive_item
from policykg.server.pages.marks import highlight
from policykg.server.pages.page import Page, PageQueries, Table
from policykg.server.pages.sparql_text import date, iri, label_patterns
from policykg.server.pages.urls import Urls
from policykg.server.pages.values import plain, ref, text
from policykg.server.query_runner import QueryRunner

router = APIRouter()

SORTS = {
    "document": "?doc ?start ?incentive",
    "amount": "?amount ?doc ?incentive",
    "-amount": "DESC(?amount) ?doc ?incentive",
    "jurisdiction": "?area ?doc ?start ?incentive",
}
_AGENCY = re.compile(r"^[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+$")
_CODE = re.compile(r"^[0-9A-Za-z]+$")


@dataclass(frozen=True)
class Facets:
    """The filters and order a visitor chose, checked; each becomes a SPARQL pattern."""

    area: str = ""
    agency: str = ""
    role: str = ""
    kind: str = ""
    min: float | None = None
    max: float | None = None
    in_force: str = ""
    sort: str = "document"

    @classmethod
    def from_params(cls, params) -> "Facets":
        """Read and check the query parameters; anything malformed is the caller's error."""
        def number(name: str) -> float | None:
            raw = params.get(name) or ""
            if not raw:
                return None
            try:
                value = float(raw)
            except ValueError as error:
                raise BadRequest(f"{name} must be a number of yuan") from error
            if not math.isfinite(value):
                raise BadRequest(f"{name} must be a finite number of yuan")
            return value

        facets = cls(area=params.get("area", ""), agency=params.get("agency", ""), role=params.get("role", ""),
                     kind=params.get("kind", ""), min=number("min"), max=number("max"),
                     in_force=params.get("in_force", ""), sort=params.get("sort", "") or "document")
        checks = [
            (not facets.area or _CODE.match(facets.area), "area must be an area code such as 370100"),
            (not facets.agency or _AGENCY.match(facets.agency), "agency must look like 370100/science-technology"),
            (facets.role in ("", "lead", "shared"), "role must be lead or shared"),
            (facets.kind in ("", *KINDS), "kind must be one of " + ", ".join(KINDS)),
            (facets.in_force in ("", "yes", "no"), "in_force must be yes or no"),
            (facets.sort in SORTS, "sort must be one of " + ", ".join(SORTS)),
        ]
        for ok, message in checks:
            if not ok:
                raise BadRequest(message)
        return facets

    def params(self, **changes) -> dict[str, str]:
        """These facets as query parameters, with some changed (None or "" removes one)."""
        current = self.values()
        current.update({k: ("" if v is None else str(v)) for k, v in changes.items()})
        return {k: v for k, v in current.items() if v}

    def values(self) -> dict[str, str]:
        """Every facet as text, empty where not chosen (the form shows them all)."""
        return {"area": self.area, "agency": self.agency, "role": self.role, "kind": self.kind,
                "min": _number_text(self.min), "max": _number_text(self.max), "in_force": self.in_force,
                "sort": "" if self.sort == "document" else self.sort}


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def incentives_sparql(urls: Urls, facets: Facets, today: str) -> str:
    """The one SELECT behind the table, with a pattern per chosen facet."""
    filters = []
    if facets.area:
        filters.append(f"?doc pol:jurisdiction/pol:partOf* {iri(urls.area_iri(facets.area))} .")
    unit = iri(urls.agency_iri(*facets.agency.split("/", 1))) if facets.agency else "?some_unit"
    if facets.agency or facets.role:
        filters.append(f"?incentive pol:inClause/eli:is_part_of* ?unit_clause . ?unit_clause pol:responsibleUnit {unit} .")
    if facets.role == "lead":
        filters.append(f"?unit_clause pol:leadUnit {unit} .")
    elif facets.role == "shared":
        filters.append(f"FILTER NOT EXISTS {{ ?incentive pol:inClause/eli:is_part_of* ?lead_clause . "
                       f"?lead_clause pol:leadUnit {unit} }}")
    if facets.kind:
        filters.append(f'FILTER(?kind = "{facets.kind}")')
    if facets.min is not None:
        filters.append(f"FILTER(?amount >= {facets.min!r})")
    if facets.max is not None:
        filters.append(f"FILTER(?amount <= {facets.max!r})")
    if facets.in_force:
        condition = validity.in_force_condition(date(today))
        filters.append(f"FILTER({condition})" if facets.in_force == "yes" else f"FILTER(!({condition}))")
    wheres = "\n  ".join(filters)
    return f"""
SELECT DISTINCT ?incentive ?doc ?doc_title ?doc_number ?area ?area_label ?area_label_en ?clause ?path
       ?from ?until ?draft ?amount ?kind ?rate ?qualifier ?evidence ?start WHERE {{
  ?incentive a pol:Incentive ; pol:document ?doc .
  OPTIONAL {{ ?incentive pol:inClause ?clause . OPTIONAL {{ ?clause pol:path ?path }} }}
  {DOCUMENT_FIELDS}
  {FIGURES}
  {wheres}
}}
ORDER BY {SORTS[facets.sort]}"""


def _units(incentive: str | None = None) -> str:
    """The units of every incentive, or only of `incentive` (a SPARQL IRI)."""
    only = f"VALUES ?incentive {{ {incentive} }}\n  " if incentive else ""
    return f"""
# The units named for each incentive's clause or the clauses that contain it.
SELECT DISTINCT ?incentive ?unit ?lead ?label ?label_en WHERE {{
  {only}?incentive a pol:Incentive ; pol:inClause/eli:is_part_of* ?clause .
  ?clause pol:responsibleUnit ?unit .
  BIND(EXISTS {{ ?clause pol:leadUnit ?unit }} AS ?lead)
  {label_patterns("unit", "label")}
}}"""


def _units_by_incentive(urls: Urls, rows: list[dict]) -> dict[str, list[dict]]:
    """Each incentive's units, once each, leads first: a unit that leads any of the clauses leads the incentive."""
    units: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in rows:
        unit = ref(urls, row["unit"], row["label"], row["label_en"])
        known = units[text(row["incentive"])].setdefault(unit["iri"], unit | {"lead": False})
        known["lead"] = known["lead"] or bool(plain(row["lead"]))
    return {key: sorted(found.values(), key=lambda u: (not u["lead"], u["label"])) for key, found in units.items()}


def incentives_page(runner: QueryRunner, urls: Urls, facets: Facets, today: str) -> Page:
    """Every incentive matching the facets, with counts per facet value over the rows shown."""
    queries = PageQueries(runner)
    rows = queries.select("Incentives", incentives_sparql(urls, facets, today))
    units = _units_by_incentive(urls, queries.select("Units responsible for each incentive", _units()))
    incentives, seen = [], set()
    for row in rows:
        key = text(row["incentive"])
        if key in seen:
            continue
        seen.add(key)
        item = _placed_item(urls, row, today)
        its_units = units.get(key, [])
        item.update({
            "lead_units": [u for u in its_units if u["lead"]],
            "units": its_units,
            "in_force": item["status"] == "in_force",
        })
        incentives.append(item)
    data = {
        "as_of": today,
        "facets": facets.values(),
        "count": len(incentives),
        "money": sum(i["amount"] or 0 for i in incentives),
        "facet_counts": _facet_counts(urls, incentives, facets),
        "incentives": incentives,
    }
    columns = ["incentive", "document", "document_number", "jurisdiction", "clause", "amount", "kind", "rate",
               "qualifier", "lead_units", "units", "in_force", "evidence"]
    return Page("incentives.html", "扶持政策 Incentives", data, [Table("incentives", columns, "Incentives")],
                queries.used, queries.truncated)


def _facet_counts(urls: Urls, incentives: list[dict], facets: Facets) -> dict[str, list[dict]]:
    """For each facet, its values among the rows with how many rows each has and the link that selects it."""
    areas: Counter = Counter()
    area_refs = {}
    agencies: Counter = Counter()
    agency_refs = {}
    for item in incentives:
        if item["jurisdiction"]:
            areas[item["jurisdiction"]["iri"]] += 1
            area_refs[item["jurisdiction"]["iri"]] = item["jurisdiction"]
        for unit in item["units"]:
            agencies[unit["iri"]] += 1
            agency_refs[unit["iri"]] = unit
    tail = len(urls.id_base)

    def agency_param(agency_iri: str) -> str:
        return agency_iri[tail:].removeprefix("agency/")

    return {
        "area": [{"value": area_refs[k], "count": n,
                  "href": urls.incentives(**facets.params(area=k.rsplit("/", 1)[-1]))}
                 for k, n in areas.most_common()],
        "agency": [{"value": agency_refs[k], "count": n,
                    "href": urls.incentives(**facets.params(agency=agency_param(k)))}
                   for k, n in agencies.most_common(30)],
        "kind": [{"value": {"label": KINDS[k][0] + " " + KINDS[k][1]}, "count": n,
                  "href": urls.incentives(**facets.params(kind=k))}
                 for k, n in Counter(i["kind"] for i in incentives).most_common()],
        "in_force": [{"value": {"label": "有效 in force" if k else "无效或草案 not in force"}, "count": n,
                      "href": urls.incentives(**facets.params(in_force="yes" if k else "no"))}
                     for k, n in Counter(i["in_force"] for i in incentives).most_common()],
    }


def _placed_item(urls: Urls, row: dict, today: str) -> dict:
    """An incentive's figures with where it stands: its document, jurisdiction, clause and status today
    (the DOCUMENT_FIELDS and FIGURES bindings of one row)."""
    item = incentive_item(urls, row)
    item.update({
        "document": ref(urls, row["doc"], row["doc_title"] or row["doc_number"]),
        "document_number": plain(row["doc_number"]),
        "jurisdiction": ref(urls, row["area"], row["area_label"], row["area_label_en"]),
        "clause": ref(urls, row["clause"], row["path"]),
        "status": validity.status(today, plain(row["from"]), plain(row["until"]), plain(row["draft"])),
    })
    return item


def incentive_page(runner: QueryRunner, urls: Urls, incentive_iri: str, today: str) -> Page:
    """One incentive: its figures, the clause that grants it, the units responsible, the document."""
    incentive = iri(incentive_iri)
    queries = PageQueries(runner)
    rows = queries.select("Incentive", f"""
SELECT DISTINCT ?incentive ?doc ?doc_title ?doc_number ?clause ?path ?heading ?clause_text ?from ?until ?draft
       ?area ?area_label ?area_label_en ?amount ?kind ?rate ?qualifier ?evidence ?start WHERE {{
  BIND({incentive} AS ?incentive)
  ?incentive a pol:Incentive ; pol:document ?doc .
  OPTIONAL {{ ?incentive pol:inClause ?clause .
    OPTIONAL {{ ?clause pol:path ?path }} OPTIONAL {{ ?clause pol:heading ?heading }}
    OPTIONAL {{ ?clause pol:text ?clause_text }} }}
  {DOCUMENT_FIELDS}
  {FIGURES}
}}""")
    if not rows:
        raise NotFound(f"no incentive {incentive_iri}")
    row = rows[0]
    units = _units_by_incentive(urls, queries.select("Responsible units", _units(incentive)))
    item = _placed_item(urls, row, today)
    item.update({
        "heading": plain(row["heading"]),
        "clause_segments": highlight(plain(row["clause_text"]) or "", [plain(row["evidence"])]),
        "units": units.get(incentive_iri, []),
        "status_label": validity.STATUSES[item["status"]][0],
        "as_of": today,
    })
    title = f"{item['incentive']['label']} · {plain(row['doc_title']) or plain(row['doc_number']) or ''}"
    return Page("incentive.html", title, item, [Table("units", ["units"], "Units")], queries.used,
                queries.truncated)


def _incentives(request: Request, urls: Urls) -> Page:
    """The incentives table, filtered by the facets in the query string."""
    facets = Facets.from_params(request.query_params)
    return incentives_page(routing.runner(request), urls, facets, routing.as_of(request))


routing.add_listing(router, "/incentives", _incentives)


@router.get("/incentives/{area}/{slug}/{number}", include_in_schema=False)
def incentive(request: Request, area: str, slug: str, number: str) -> Response:
    """One incentive's page, or its `.json` / `.csv` twin."""
    stem, fmt = routing.resource_segment(number)
    urls = routing.urls(request)
    incentive_iri = urls.incentive_iri(routing.segment(area), routing.segment(slug), stem)
    page = incentive_page(routing.app_context(request).runner, urls, incentive_iri, routing.as_of(request))
    return rendering.render(request, urls, page, fmt)
