"""Agency: every clause and incentive it leads or shares, grouped by document, with totals; the agencies it
shares clauses with; seats held in leadership groups; its names. Also the list of all agencies."""

from __future__ import annotations


from fastapi import APIRouter, Request
from fastapi.responses import Response

from policykg.server.errors import NotFound
from policykg.server.pages import rendering, routing
from policykg.server.pages.incentive_data import FIGURES, incentive_item
from policykg.server.pages.page import Page, PageQueries, Table
from policykg.server.pages.sparql_text import iri, label_patterns
from policykg.server.pages.urls import Urls
from policykg.server.pages.values import plain, ref, text
from policykg.server.query_runner import QueryRunner

router = APIRouter()


def _about(agency: str) -> str:
    return f"""
SELECT DISTINCT ?type ?label ?label_en ?area ?area_label ?area_label_en ?parent ?parent_label ?parent_label_en
       ?key ?unresolved WHERE {{
  {agency} a ?type .
  FILTER(?type IN (pol:Agency, org:Organization))
  OPTIONAL {{ {agency} skos:prefLabel ?label FILTER(LANG(?label) = 'zh') }}
  OPTIONAL {{ {agency} skos:prefLabel ?label_en FILTER(LANG(?label_en) = 'en') }}
  OPTIONAL {{ {agency} pol:jurisdiction ?area .
    {label_patterns("area", "area_label")} }}
  OPTIONAL {{ {agency} org:subOrganizationOf ?parent .
    {label_patterns("parent", "parent_label")} }}
  OPTIONAL {{ {agency} pol:gazetteerKey ?key }}
  OPTIONAL {{ {agency} pol:unresolved ?unresolved }}
}}"""


def _names(agency: str) -> str:
    return f"""
SELECT DISTINCT ?name ?kind WHERE {{
  {{ {agency} skos:prefLabel ?name . BIND("preferred" AS ?kind) }}
  UNION {{ {agency} skos:altLabel ?name . BIND("alternative" AS ?kind) }}
}}
ORDER BY ?kind ?name"""


def _clauses(agency: str) -> str:
    return f"""
SELECT DISTINCT ?doc ?doc_title ?doc_number ?clause ?path ?heading ?start ?lead ?units WHERE {{
  ?clause pol:responsibleUnit {agency} ; pol:document ?doc .
  BIND(EXISTS {{ ?clause pol:leadUnit {agency} }} AS ?lead)
  {{ SELECT ?clause (COUNT(DISTINCT ?unit) AS ?units) WHERE {{
      ?clause pol:responsibleUnit {agency} ; pol:responsibleUnit ?unit }} GROUP BY ?clause }}
  OPTIONAL {{ ?clause pol:path ?path }}
  OPTIONAL {{ ?clause pol:heading ?heading }}
  OPTIONAL {{ ?clause pol:sourceStart ?start }}
  OPTIONAL {{ ?doc dcterms:title ?doc_title }}
  OPTIONAL {{ ?doc eli:id_local ?doc_number }}
}}
ORDER BY ?doc ?start"""


def _incentives(agency: str) -> str:
    return f"""
# Incentives in the clauses the agency is named in, or in their sub-clauses (units often sit on the parent).
SELECT DISTINCT ?incentive ?doc ?unit_clause ?lead ?amount ?kind ?rate ?qualifier ?evidence ?start WHERE {{
  ?unit_clause pol:responsibleUnit {agency} .
  ?incentive a pol:Incentive ; pol:inClause/eli:is_part_of* ?unit_clause ; pol:document ?doc .
  BIND(EXISTS {{ ?unit_clause pol:leadUnit {agency} }} AS ?lead)
  {FIGURES}
}}"""


def _partners(agency: str) -> str:
    return f"""
SELECT ?other ?label ?label_en (COUNT(DISTINCT ?clause) AS ?shared) WHERE {{
  ?clause pol:responsibleUnit {agency}, ?other .
  FILTER(?other != {agency})
  {label_patterns("other", "label")}
}}
GROUP BY ?other ?label ?label_en
ORDER BY DESC(?shared) ?label"""


def _seats(agency: str) -> str:
    return f"""
SELECT DISTINCT ?seat ?person ?name ?role_label ?post ?group ?group_label ?doc ?doc_title ?office WHERE {{
  {{ ?seat pol:postIn {agency} ; org:organization ?group . BIND(false AS ?office)
     OPTIONAL {{ ?seat org:member ?person . OPTIONAL {{ ?person foaf:name ?name }} }}
     OPTIONAL {{ ?seat org:role ?role . OPTIONAL {{ ?role skos:prefLabel ?role_label FILTER(LANG(?role_label) = 'zh') }} }}
     OPTIONAL {{ ?seat pol:postTitle ?post }} }}
  UNION {{ ?group pol:officeAt {agency} . BIND(true AS ?office) }}
  OPTIONAL {{ ?group skos:prefLabel ?group_label }}
  OPTIONAL {{ ?group pol:establishedBy ?doc . OPTIONAL {{ ?doc dcterms:title ?doc_title }} }}
}}
ORDER BY ?group ?office ?seat"""


def _issued(agency: str) -> str:
    return f"""
SELECT DISTINCT ?doc ?title ?number ?issued WHERE {{
  ?doc eli:passed_by {agency} .
  OPTIONAL {{ ?doc dcterms:title ?title }}
  OPTIONAL {{ ?doc eli:id_local ?number }}
  OPTIONAL {{ ?doc eli:date_document ?issued }}
}}
ORDER BY DESC(?issued)"""


def agency_page(runner: QueryRunner, urls: Urls, agency_iri: str) -> Page:
    """What one agency is responsible for, with whom, and where it sits."""
    agency = iri(agency_iri)
    queries = PageQueries(runner)
    about = queries.select("Agency", _about(agency))
    if not about:
        raise NotFound(f"no agency {agency_iri}")
    first = about[0]
    names = queries.select("Names and aliases", _names(agency))

    documents: dict[str, dict] = {}
    clauses = []
    for row in queries.select("Clauses it leads or shares", _clauses(agency)):
        doc_key = text(row["doc"])
        group = documents.setdefault(doc_key, {
            "document": ref(urls, row["doc"], row["doc_title"] or row["doc_number"]),
            "number": plain(row["doc_number"]), "clauses": [], "incentives": [], "money": 0})
        clause = {
            "document": group["document"],
            "clause": ref(urls, row["clause"], row["path"]),
            "path": plain(row["path"]),
            "heading": plain(row["heading"]),
            "role": "lead" if plain(row["lead"]) else "shared",
            "units": plain(row["units"]),
        }
        group["clauses"].append(clause)
        clauses.append(clause)

    by_incentive: dict[str, dict] = {}
    for row in queries.select("Incentives in those clauses", _incentives(agency)):
        key = text(row["incentive"])
        item = by_incentive.get(key)
        if item is None:
            item = incentive_item(urls, row)
            item["document"] = ref(urls, row["doc"], None)
            item["role"] = "shared"
            by_incentive[key] = item
        if plain(row["lead"]):
            item["role"] = "lead"
    incentives = sorted(by_incentive.values(), key=lambda i: (i["document"]["iri"], i["number"]))
    for item in incentives:
        group = documents.get(item["document"]["iri"])
        if group is None:
            continue
        item["document"] = group["document"]
        group["incentives"].append(item)
        group["money"] += item["amount"] or 0

    partners = [{"agency": ref(urls, r["other"], r["label"], r["label_en"]), "shared_clauses": plain(r["shared"])}
                for r in queries.select("Agencies it shares clauses with", _partners(agency))]
    seats = [{
        "group": ref(urls, r["group"], r["group_label"]),
        "document": ref(urls, r["doc"], r["doc_title"]),
        "office": bool(plain(r["office"])),
        "person": ref(urls, r["person"], r["name"]),
        "role": plain(r["role_label"]),
        "post": plain(r["post"]),
    } for r in queries.select("Seats in leadership groups", _seats(agency))]
    issued = [{"document": ref(urls, r["doc"], r["title"] or r["number"]), "number": plain(r["number"]),
               "issued": plain(r["issued"])} for r in queries.select("Documents it issued", _issued(agency))]

    label = plain(first["label"]) or agency_iri.rsplit("/", 1)[-1]
    data = {
        "agency": ref(urls, agency_iri, first["label"], first["label_en"]),
        "label": label,
        "label_en": plain(first["label_en"]),
        "is_agency": any(text(r["type"]).endswith("#Agency") for r in about),
        "jurisdiction": ref(urls, first["area"], first["area_label"], first["area_label_en"]),
        "parent": ref(urls, first["parent"], first["parent_label"], first["parent_label_en"]),
        "gazetteer_key": plain(first["key"]),
        "unresolved": bool(plain(first["unresolved"])),
        "names": [plain(r["name"]) for r in names if plain(r["kind"]) == "preferred"],
        "aliases": [plain(r["name"]) for r in names if plain(r["kind"]) == "alternative"],
        "totals": {
            "documents": len(documents),
            "clauses": len(clauses),
            "lead_clauses": sum(1 for c in clauses if c["role"] == "lead"),
            "incentives": len(incentives),
            "lead_incentives": sum(1 for i in incentives if i["role"] == "lead"),
            "money": sum(i["amount"] or 0 for i in incentives),
            "lead_money": sum(i["amount"] or 0 for i in incentives if i["role"] == "lead"),
        },
        "documents": list(documents.values()),
        "clauses": clauses,
        "incentives": incentives,
        "partners": partners,
        "seats": seats,
        "issued": issued,
    }
    tables = [
        Table("clauses", ["document", "clause", "heading", "role", "units"], "Clauses"),
        Table("incentives", ["incentive", "document", "role", "amount", "kind", "rate", "qualifier", "evidence"],
              "Incentives"),
        Table("partners", ["agency", "shared_clauses"], "Shares clauses with"),
        Table("seats", ["group", "person", "role", "post", "office", "document"], "Leadership seats"),
        Table("issued", ["document", "number", "issued"], "Documents issued"),
    ]
    return Page("agency.html", label, data, tables, queries.used, queries.truncated)


AGENCIES = f"""
SELECT DISTINCT ?agency ?label ?label_en ?area ?area_label ?area_label_en ?clauses ?lead_clauses WHERE {{
  {{ SELECT DISTINCT ?agency WHERE {{ ?agency a pol:Agency }} }}
  OPTIONAL {{ SELECT ?agency (COUNT(DISTINCT ?clause) AS ?clauses) WHERE {{ ?clause pol:responsibleUnit ?agency }}
             GROUP BY ?agency }}
  OPTIONAL {{ SELECT ?agency (COUNT(DISTINCT ?clause) AS ?lead_clauses) WHERE {{ ?clause pol:leadUnit ?agency }}
             GROUP BY ?agency }}
  {label_patterns("agency", "label")}
  OPTIONAL {{ ?agency pol:jurisdiction ?area .
    {label_patterns("area", "area_label")} }}
}}
ORDER BY ?area_label DESC(?clauses) ?label"""


def agencies_page(runner: QueryRunner, urls: Urls) -> Page:
    """Every agency with how many clauses it is named in and leads."""
    queries = PageQueries(runner)
    seen: set[str] = set()
    agencies = []
    for row in queries.select("Agencies with their clause counts", AGENCIES):
        if text(row["agency"]) in seen:
            continue
        seen.add(text(row["agency"]))
        agencies.append({
            "agency": ref(urls, row["agency"], row["label"], row["label_en"]),
            "jurisdiction": ref(urls, row["area"], row["area_label"], row["area_label_en"]),
            "clauses": plain(row["clauses"]) or 0,
            "lead_clauses": plain(row["lead_clauses"]) or 0,
        })
    return Page("agencies.html", "部门 Agencies", {"agencies": agencies},
                [Table("agencies", ["agency", "jurisdiction", "clauses", "lead_clauses"], "Agencies")],
                queries.used, queries.truncated)


def _agencies(request: Request, urls: Urls) -> Page:
    """All agencies."""
    return agencies_page(routing.runner(request), urls)


routing.add_listing(router, "/agencies", _agencies)


@router.get("/agencies/{area}/{key}", include_in_schema=False)
def agency(request: Request, area: str, key: str) -> Response:
    """An agency's page, or its `.json` / `.csv` twin."""
    name, fmt = routing.resource_segment(key)
    urls = routing.urls(request)
    page = agency_page(routing.app_context(request).runner, urls, urls.agency_iri(routing.segment(area), name))
    return rendering.render(request, urls, page, fmt)
