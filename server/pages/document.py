"""Document: metadata and validity, the structured text with an anchor per clause, units, incentives,
programmes, cross-references both ways, its leadership group, and its source text."""

from __future__ import annotations

from collections import defaultdict
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from policykg.server.errors import NotFound
from policykg.server.pages import rendering, routing, validity
from policykg.server.pages.incentive_data import FIGURES, incentive_item
from policykg.server.pages.marks import highlight
from policykg.server.pages.page import Page, PageQueries, Table
from policykg.server.pages.sparql_text import iri, label_patterns
from policykg.server.pages.urls import Urls, clause_anchor
from policykg.server.pages.values import plain, ref, text
from policykg.server.query_runner import QueryRunner

router = APIRouter()


def _metadata(doc: str) -> str:
    return f"""
SELECT DISTINCT ?number ?title ?notice ?issued ?printed ?from ?until ?rule ?note ?derivation ?draft ?public
       ?recipients ?copies ?source ?file ?issuer ?issuer_label ?issuer_label_en ?area ?area_label ?area_label_en
WHERE {{
  {doc} a pol:PolicyDocument .
  OPTIONAL {{ {doc} eli:id_local ?number }}
  OPTIONAL {{ {doc} dcterms:title ?title }}
  OPTIONAL {{ {doc} pol:noticeTitle ?notice }}
  OPTIONAL {{ {doc} eli:date_document ?issued }}
  OPTIONAL {{ {doc} pol:printedDate ?printed }}
  OPTIONAL {{ {doc} eli:first_date_entry_in_force ?from }}
  OPTIONAL {{ {doc} eli:date_no_longer_in_force ?until }}
  OPTIONAL {{ {doc} pol:entryIntoForceRule ?rule }}
  OPTIONAL {{ {doc} pol:validityNote ?note }}
  OPTIONAL {{ {doc} pol:validityDerivation ?derivation }}
  OPTIONAL {{ {doc} pol:draft ?draft }}
  OPTIONAL {{ {doc} pol:publicRelease ?public }}
  OPTIONAL {{ {doc} pol:recipients ?recipients }}
  OPTIONAL {{ {doc} pol:copiesTo ?copies }}
  OPTIONAL {{ {doc} prov:wasDerivedFrom ?source . OPTIONAL {{ ?source dcterms:identifier ?file }} }}
  OPTIONAL {{ {doc} eli:passed_by ?issuer .
    {label_patterns("issuer", "issuer_label")} }}
  OPTIONAL {{ {doc} pol:jurisdiction ?area .
    {label_patterns("area", "area_label")} }}
}}"""


def _text_items(doc: str) -> str:
    return f"""
SELECT DISTINCT ?item ?kind ?part_kind ?path ?marker ?depth ?heading ?text ?start ?open WHERE {{
  {{ ?item a pol:Clause ; pol:document {doc} . BIND("clause" AS ?kind) }}
  UNION {{ ?item a pol:DocumentPart ; pol:document {doc} . BIND("part" AS ?kind)
           OPTIONAL {{ ?item pol:partKind ?part_kind }} }}
  UNION {{ ?item a pol:UnplacedText ; pol:document {doc} . BIND("unplaced" AS ?kind) }}
  OPTIONAL {{ ?item pol:path ?path }}
  OPTIONAL {{ ?item pol:marker ?marker }}
  OPTIONAL {{ ?item pol:depth ?depth }}
  OPTIONAL {{ ?item pol:heading ?heading }}
  OPTIONAL {{ ?item pol:text ?text }}
  OPTIONAL {{ ?item pol:sourceStart ?start }}
  OPTIONAL {{ ?item pol:unitsOpenEnded ?open }}
}}
ORDER BY ?start ?item"""


def _units(doc: str) -> str:
    return f"""
SELECT DISTINCT ?clause ?unit ?lead ?label ?label_en WHERE {{
  ?clause pol:document {doc} ; pol:responsibleUnit ?unit .
  BIND(EXISTS {{ ?clause pol:leadUnit ?unit }} AS ?lead)
  {label_patterns("unit", "label")}
}}"""


def _incentives(doc: str) -> str:
    return f"""
SELECT DISTINCT ?incentive ?clause ?amount ?kind ?rate ?qualifier ?evidence ?start WHERE {{
  ?incentive a pol:Incentive ; pol:document {doc} .
  OPTIONAL {{ ?incentive pol:inClause ?clause }}
  {FIGURES}
}}"""


def _programmes(doc: str) -> str:
    return f"""
SELECT DISTINCT ?programme ?label ?label_en ?clause WHERE {{
  ?programme a pol:Programme ; pol:mentionedInDocument {doc} .
  OPTIONAL {{ ?programme pol:mentionedIn ?clause . ?clause pol:document {doc} }}
  {label_patterns("programme", "label")}
}}
ORDER BY ?label"""


def _references(doc: str) -> str:
    return f"""
SELECT DISTINCT ?other ?direction ?number ?title ?in_corpus WHERE {{
  {{ {doc} eli:cites ?other . BIND("cites" AS ?direction) }}
  UNION {{ ?other eli:cites {doc} . BIND("cited_by" AS ?direction) }}
  OPTIONAL {{ ?other eli:id_local ?number }}
  OPTIONAL {{ ?other dcterms:title ?title }}
  BIND(EXISTS {{ ?other prov:wasDerivedFrom ?source }} AS ?in_corpus)
}}
ORDER BY ?direction ?title"""


def _groups(doc: str) -> str:
    return f"""
SELECT DISTINCT ?group ?label ?office ?office_label ?office_label_en
       (COUNT(DISTINCT ?seat) AS ?seats) WHERE {{
  ?group pol:establishedBy {doc} .
  OPTIONAL {{ ?group skos:prefLabel ?label }}
  OPTIONAL {{ ?group org:hasMembership ?seat }}
  OPTIONAL {{ ?group pol:officeAt ?office .
    {label_patterns("office", "office_label")} }}
}}
GROUP BY ?group ?label ?office ?office_label ?office_label_en"""


def document_page(runner: QueryRunner, urls: Urls, doc_iri: str, today: str) -> Page:
    """Everything the graph says about one document."""
    doc = iri(doc_iri)
    queries = PageQueries(runner)
    meta_rows = queries.select("Document metadata", _metadata(doc))
    if not meta_rows:
        raise NotFound(f"no document {doc_iri}")
    meta = meta_rows[0]
    issuers = _unique(ref(urls, r["issuer"], r["issuer_label"], r["issuer_label_en"]) for r in meta_rows)
    status = validity.status(today, plain(meta["from"]), plain(meta["until"]), plain(meta["draft"]))

    units: dict[str, list[dict]] = defaultdict(list)
    for row in queries.select("Responsible units per clause", _units(doc)):
        unit = ref(urls, row["unit"], row["label"], row["label_en"])
        unit["lead"] = bool(plain(row["lead"]))
        units[text(row["clause"])].append(unit)
    for unit_list in units.values():
        unit_list.sort(key=lambda u: (not u["lead"], u["label"]))

    incentives_by_clause: dict[str, list[dict]] = defaultdict(list)
    incentives = []
    for row in queries.select("Incentives", _incentives(doc)):
        item = incentive_item(urls, row)
        item["clause"] = ref(urls, row["clause"], None)
        incentives.append(item)
        incentives_by_clause[text(row["clause"]) or ""].append(item)
    incentives.sort(key=lambda i: i["number"])

    programme_rows = queries.select("Programmes", _programmes(doc))
    programmes_by_clause: dict[str, list[dict]] = defaultdict(list)
    programmes: dict[str, dict] = {}
    for row in programme_rows:
        programme = programmes.setdefault(text(row["programme"]), {
            "programme": ref(urls, row["programme"], row["label"], row["label_en"]), "clauses": []})
        if row["clause"] is not None:
            programme["clauses"].append(ref(urls, row["clause"], None))
            programmes_by_clause[text(row["clause"])].append(programme["programme"])

    items = []
    for row in queries.select("Structured text", _text_items(doc)):
        item_iri = text(row["item"])
        clause_incentives = sorted(incentives_by_clause.get(item_iri, []), key=lambda i: i["number"])
        items.append({
            "iri": item_iri,
            "kind": plain(row["kind"]),
            "part_kind": plain(row["part_kind"]),
            "anchor": clause_anchor(item_iri) if plain(row["kind"]) == "clause" else None,
            "path": plain(row["path"]),
            "marker": plain(row["marker"]),
            "depth": plain(row["depth"]) or 1,
            "heading": plain(row["heading"]),
            "segments": highlight(_without_marker(plain(row["text"]) or "", plain(row["marker"])),
                                  [i["evidence"] for i in clause_incentives]),
            "lines": [line.strip() for line in (plain(row["text"]) or "").splitlines() if line.strip()],
            "units": units.get(item_iri, []),
            "units_open_ended": bool(plain(row["open"])),
            "incentives": clause_incentives,
            "programmes": programmes_by_clause.get(item_iri, []),
        })
    for item in incentives:
        if item["clause"]:
            path = next((i["path"] for i in items if i["iri"] == item["clause"]["iri"]), None)
            item["clause"]["label"] = path or item["clause"]["label"]

    references = {"cites": [], "cited_by": []}
    for row in queries.select("Cross-references both ways", _references(doc)):
        references[plain(row["direction"])].append({
            "document": ref(urls, row["other"], row["title"] or row["number"]),
            "number": plain(row["number"]),
            "in_corpus": bool(plain(row["in_corpus"])),
        })

    groups = [{
        "group": ref(urls, row["group"], row["label"]),
        "office": ref(urls, row["office"], row["office_label"], row["office_label_en"]),
        "seats": plain(row["seats"]),
    } for row in queries.select("Leadership group", _groups(doc))]

    clauses = [
        {"clause": {"iri": i["iri"], "href": urls.page(i["iri"]), "label": i["path"], "label_en": None},
         "path": i["path"], "heading": i["heading"], "depth": i["depth"],
         "lead_units": [u for u in i["units"] if u["lead"]], "responsible_units": i["units"],
         "incentives": len(i["incentives"])}
        for i in items if i["kind"] == "clause"
    ]
    title = plain(meta["title"]) or plain(meta["number"]) or doc_iri
    data = {
        "document": {"iri": doc_iri, "href": urls.page(doc_iri), "label": title, "label_en": None},
        "number": plain(meta["number"]),
        "title": plain(meta["title"]),
        "notice_title": plain(meta["notice"]),
        "issued": plain(meta["issued"]),
        "printed": plain(meta["printed"]),
        "in_force_from": plain(meta["from"]),
        "in_force_until": plain(meta["until"]),
        "entry_into_force_rule": plain(meta["rule"]),
        "validity_note": plain(meta["note"]),
        "validity_derivation": plain(meta["derivation"]),
        "draft": plain(meta["draft"]),
        "public_release": plain(meta["public"]),
        "recipients": plain(meta["recipients"]),
        "copies_to": plain(meta["copies"]),
        "as_of": today,
        "status": status,
        "status_label": validity.STATUSES[status][0],
        "status_label_en": validity.STATUSES[status][1],
        "issuers": issuers,
        "jurisdiction": ref(urls, meta["area"], meta["area_label"], meta["area_label_en"]),
        "source": {"file": plain(meta["file"]), "iri": plain(meta["source"]),
                   "href": urls.document_source(doc_iri)} if meta["source"] is not None else None,
        "in_corpus": meta["source"] is not None,
        "money": sum(i["amount"] or 0 for i in incentives),
        "text": items,
        "clauses": clauses,
        "incentives": incentives,
        "programmes": list(programmes.values()),
        "cites": references["cites"],
        "cited_by": references["cited_by"],
        "groups": groups,
    }
    tables = [
        Table("clauses", ["path", "clause", "heading", "depth", "lead_units", "responsible_units", "incentives"],
              "Clauses"),
        Table("incentives", ["incentive", "clause", "amount", "kind", "rate", "qualifier", "evidence"], "Incentives"),
        Table("programmes", ["programme", "clauses"], "Programmes"),
        Table("cites", ["document", "number", "in_corpus"], "Cites"),
        Table("cited_by", ["document", "number", "in_corpus"], "Cited by"),
    ]
    return Page("document.html", title, data, tables, queries.used, queries.truncated)


def _without_marker(body: str, marker: str | None) -> str:
    """A clause's text without the marker it starts with, which the page prints as the clause's anchor link."""
    stripped = body.lstrip("-–• \t")
    if marker and stripped.startswith(marker):
        return stripped[len(marker):].lstrip()
    return body


def source_text(runner: QueryRunner, doc_iri: str) -> str:
    """The decoded source text a document was built from (pol:content of its source)."""
    queries = PageQueries(runner)
    rows = queries.select("Source text", f"""
SELECT ?content WHERE {{ {iri(doc_iri)} prov:wasDerivedFrom ?source . ?source pol:content ?content }} LIMIT 1""")
    if not rows or rows[0]["content"] is None:
        raise NotFound(f"no source text is stored for {doc_iri}")
    return text(rows[0]["content"])


def _unique(refs) -> list[dict]:
    """Refs without repeats or Nones, in order."""
    seen, out = set(), []
    for item in refs:
        if item and item["iri"] not in seen:
            seen.add(item["iri"])
            out.append(item)
    return out


@router.get("/documents/{area}/{slug}", include_in_schema=False)
def document(request: Request, area: str, slug: str) -> Response:
    """A document's page, or its `.json` / `.csv` twin."""
    name, fmt = routing.resource_segment(slug)
    urls = routing.urls(request)
    doc_iri = urls.document_iri(routing.segment(area), name)
    page = document_page(routing.app_context(request).runner, urls, doc_iri, routing.as_of(request))
    return rendering.render(request, urls, page, fmt)


@router.get("/documents/{area}/{slug}/source.txt", include_in_schema=False)
def document_source(request: Request, area: str, slug: str) -> Response:
    """The text the document was built from, as plain UTF-8."""
    urls = routing.urls(request)
    doc_iri = urls.document_iri(routing.segment(area), routing.segment(slug))
    return PlainTextResponse(source_text(routing.app_context(request).runner, doc_iri))
