"""Areas: a province, city or district with its documents, agencies and programmes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from policykg.server.errors import NotFound
from policykg.server.pages import rendering, routing
from policykg.server.pages.page import Page, PageQueries, Table
from policykg.server.pages.sparql_text import iri, label_patterns
from policykg.server.pages.urls import Urls
from policykg.server.pages.values import plain, ref, text
from policykg.server.query_runner import QueryRunner

router = APIRouter()


def _about(area: str) -> str:
    return f"""
SELECT DISTINCT ?label ?label_en ?notation ?same ?parent ?parent_label ?parent_label_en WHERE {{
  {area} a pol:AdministrativeArea .
  OPTIONAL {{ {area} skos:prefLabel ?label FILTER(LANG(?label) = 'zh') }}
  OPTIONAL {{ {area} skos:prefLabel ?label_en FILTER(LANG(?label_en) = 'en') }}
  OPTIONAL {{ {area} skos:notation ?notation }}
  OPTIONAL {{ {area} owl:sameAs ?same }}
  OPTIONAL {{ {area} pol:partOf ?parent .
    {label_patterns("parent", "parent_label")} }}
}}"""


def _members(area: str) -> str:
    return f"""
SELECT DISTINCT ?kind ?item ?label ?label_en WHERE {{
  {{ ?item pol:partOf {area} ; a pol:AdministrativeArea . BIND("area" AS ?kind)
     {label_patterns("item", "label")} }}
  UNION {{ ?item a pol:PolicyDocument ; pol:jurisdiction {area} . BIND("document" AS ?kind)
     OPTIONAL {{ ?item dcterms:title ?label }} }}
  UNION {{ ?item a pol:Agency ; pol:jurisdiction {area} . BIND("agency" AS ?kind)
     {label_patterns("item", "label")} }}
  UNION {{ ?item a pol:Programme ; pol:jurisdiction {area} . BIND("programme" AS ?kind)
     {label_patterns("item", "label")} }}
}}
ORDER BY ?kind ?label"""


def area_page(runner: QueryRunner, urls: Urls, area_iri: str) -> Page:
    """One administrative area and what belongs to it."""
    area = iri(area_iri)
    queries = PageQueries(runner)
    about = queries.select("Area", _about(area))
    if not about:
        raise NotFound(f"no area {area_iri}")
    first = about[0]
    lists: dict[str, list] = {"area": [], "document": [], "agency": [], "programme": []}
    seen: set[str] = set()
    for row in queries.select("Sub-areas, documents, agencies and programmes", _members(area)):
        key = text(row["item"])
        if key in seen:
            continue
        seen.add(key)
        lists[plain(row["kind"])].append({"item": ref(urls, row["item"], row["label"], row["label_en"])})
    label = plain(first["label"]) or area_iri.rsplit("/", 1)[-1]
    data = {
        "area": ref(urls, area_iri, first["label"], first["label_en"]),
        "label": label,
        "label_en": plain(first["label_en"]),
        "notation": plain(first["notation"]),
        "same_as": [plain(r["same"]) for r in about if r["same"] is not None],
        "part_of": ref(urls, first["parent"], first["parent_label"], first["parent_label_en"]),
        "parts": lists["area"],
        "documents": lists["document"],
        "agencies": lists["agency"],
        "programmes": lists["programme"],
    }
    tables = [Table(key, ["item"], title) for key, title in
              (("documents", "Documents"), ("agencies", "Agencies"), ("programmes", "Programmes"),
               ("parts", "Sub-areas"))]
    return Page("area.html", label, data, tables, queries.used, queries.truncated)


@router.get("/areas/{code}", include_in_schema=False)
def area(request: Request, code: str) -> Response:
    """An area's page, or its `.json` / `.csv` twin."""
    stem, fmt = routing.resource_segment(code)
    urls = routing.urls(request)
    return rendering.render(request, urls, area_page(routing.app_context(request).runner, urls,
                                                     urls.area_iri(stem)), fmt)
