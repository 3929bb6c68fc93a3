"""Programmes: one named scheme (算力券 …) with where it is mentioned and the same name elsewhere; and the list."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from policykg.server.errors import NotFound
from policykg.server.pages import rendering, routing
from policykg.server.pages.page import Page, PageQueries, Table
from policykg.server.pages.sparql_text import iri, label_patterns
from policykg.server.pages.urls import Urls
from policykg.server.pages.values import plain, ref
from policykg.server.query_runner import QueryRunner

router = APIRouter()


def _about(programme: str) -> str:
    return f"""
SELECT DISTINCT ?label ?label_en ?area ?area_label ?area_label_en WHERE {{
  {programme} a pol:Programme .
  OPTIONAL {{ {programme} skos:prefLabel ?label FILTER(LANG(?label) = 'zh') }}
  OPTIONAL {{ {programme} skos:prefLabel ?label_en FILTER(LANG(?label_en) = 'en') }}
  OPTIONAL {{ {programme} pol:jurisdiction ?area .
    {label_patterns("area", "area_label")} }}
}}"""


def _mentions(programme: str) -> str:
    return f"""
SELECT DISTINCT ?doc ?doc_title ?doc_number ?clause ?path ?heading ?text WHERE {{
  {{ {programme} pol:mentionedIn ?clause . ?clause pol:document ?doc .
     OPTIONAL {{ ?clause pol:path ?path }} OPTIONAL {{ ?clause pol:heading ?heading }}
     OPTIONAL {{ ?clause pol:text ?text }} }}
  UNION {{ {programme} pol:mentionedInDocument ?doc .
           FILTER NOT EXISTS {{ {programme} pol:mentionedIn ?any . ?any pol:document ?doc }} }}
  OPTIONAL {{ ?doc dcterms:title ?doc_title }}
  OPTIONAL {{ ?doc eli:id_local ?doc_number }}
}}
ORDER BY ?doc ?path"""


def _elsewhere(programme: str) -> str:
    return f"""
SELECT DISTINCT ?other ?area ?area_label ?area_label_en WHERE {{
  {programme} skos:prefLabel ?name .
  ?other a pol:Programme ; skos:prefLabel ?name .
  FILTER(?other != {programme})
  OPTIONAL {{ ?other pol:jurisdiction ?area .
    {label_patterns("area", "area_label")} }}
}}"""


def programme_page(runner: QueryRunner, urls: Urls, programme_iri: str) -> Page:
    """One programme: where it appears, and programmes of the same name in other jurisdictions."""
    programme = iri(programme_iri)
    queries = PageQueries(runner)
    about = queries.select("Programme", _about(programme))
    if not about:
        raise NotFound(f"no programme {programme_iri}")
    first = about[0]
    mentions = [{
        "document": ref(urls, r["doc"], r["doc_title"] or r["doc_number"]),
        "clause": ref(urls, r["clause"], r["path"]),
        "heading": plain(r["heading"]),
        "text": plain(r["text"]),
    } for r in queries.select("Where it is mentioned", _mentions(programme))]
    elsewhere = [{"programme": ref(urls, r["other"], first["label"]),
                  "jurisdiction": ref(urls, r["area"], r["area_label"], r["area_label_en"])}
                 for r in queries.select("The same name in other jurisdictions", _elsewhere(programme))]
    label = plain(first["label"]) or programme_iri.rsplit("/", 1)[-1]
    data = {
        "programme": ref(urls, programme_iri, first["label"], first["label_en"]),
        "label": label,
        "jurisdiction": ref(urls, first["area"], first["area_label"], first["area_label_en"]),
        "mentions": mentions,
        "elsewhere": elsewhere,
    }
    tables = [Table("mentions", ["document", "clause", "heading"], "Mentions"),
              Table("elsewhere", ["programme", "jurisdiction"], "Same name elsewhere")]
    return Page("programme.html", label, data, tables, queries.used, queries.truncated)


PROGRAMMES = f"""
SELECT DISTINCT ?programme ?label ?area ?area_label ?area_label_en ?documents WHERE {{
  {{ SELECT ?programme (COUNT(DISTINCT ?doc) AS ?documents) WHERE {{
      ?programme a pol:Programme . OPTIONAL {{ ?programme pol:mentionedInDocument ?doc }} }} GROUP BY ?programme }}
  OPTIONAL {{ ?programme skos:prefLabel ?label FILTER(LANG(?label) = 'zh') }}
  OPTIONAL {{ ?programme pol:jurisdiction ?area .
    {label_patterns("area", "area_label")} }}
}}
ORDER BY ?label ?area_label"""


def programmes_page(runner: QueryRunner, urls: Urls) -> Page:
    """Every programme, with the jurisdictions that use the same name side by side."""
    queries = PageQueries(runner)
    programmes = [{
        "programme": ref(urls, r["programme"], r["label"]),
        "name": plain(r["label"]),
        "jurisdiction": ref(urls, r["area"], r["area_label"], r["area_label_en"]),
        "documents": plain(r["documents"]) or 0,
    } for r in queries.select("Programmes", PROGRAMMES)]
    by_name: dict[str, list[dict]] = {}
    for item in programmes:
        by_name.setdefault(item["name"] or item["programme"]["label"], []).append(item)
    data = {"programmes": programmes,
            "names": [{"name": name, "programmes": items} for name, items in by_name.items()]}
    return Page("programmes.html", "项目 Programmes", data,
                [Table("programmes", ["programme", "jurisdiction", "documents"], "Programmes")],
                queries.used, queries.truncated)


def _programmes(request: Request, urls: Urls) -> Page:
    """All programmes."""
    return programmes_page(routing.runner(request), urls)


routing.add_listing(router, "/programmes", _programmes)


@router.get("/programmes/{area}/{name}", include_in_schema=False)
def programme(request: Request, area: str, name: str) -> Response:
    """A programme's page, or its `.json` / `.csv` twin."""
    stem, fmt = routing.resource_segment(name)
    urls = routing.urls(request)
    page = programme_page(routing.app_context(request).runner, urls, urls.programme_iri(routing.segment(area), stem))
    return rendering.render(request, urls, page, fmt)
