"""Leadership groups: a 领导小组 with its members in order, its office, and the document that set it up."""

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


def _about(group: str) -> str:
    return f"""
SELECT DISTINCT ?label ?doc ?doc_title ?doc_number ?office ?office_label ?office_label_en WHERE {{
  {group} a pol:LeadingGroup .
  OPTIONAL {{ {group} skos:prefLabel ?label }}
  OPTIONAL {{ {group} pol:establishedBy ?doc .
    OPTIONAL {{ ?doc dcterms:title ?doc_title }} OPTIONAL {{ ?doc eli:id_local ?doc_number }} }}
  OPTIONAL {{ {group} pol:officeAt ?office .
    {label_patterns("office", "office_label")} }}
}}"""


def _members(group: str) -> str:
    return f"""
SELECT DISTINCT ?seat ?ordinal ?person ?name ?role ?role_label ?role_label_en ?post
       ?agency ?agency_label ?agency_label_en WHERE {{
  {group} org:hasMembership ?seat .
  OPTIONAL {{ ?seat pol:ordinal ?ordinal }}
  OPTIONAL {{ ?seat org:member ?person . OPTIONAL {{ ?person foaf:name ?name }} }}
  OPTIONAL {{ ?seat org:role ?role .
    OPTIONAL {{ ?role skos:prefLabel ?role_label FILTER(LANG(?role_label) = 'zh') }}
    OPTIONAL {{ ?role skos:prefLabel ?role_label_en FILTER(LANG(?role_label_en) = 'en') }} }}
  OPTIONAL {{ ?seat pol:postTitle ?post }}
  OPTIONAL {{ ?seat pol:postIn ?agency .
    {label_patterns("agency", "agency_label")} }}
}}
ORDER BY ?ordinal ?seat"""


def group_page(runner: QueryRunner, urls: Urls, group_iri: str) -> Page:
    """A leadership group and its seats."""
    group = iri(group_iri)
    queries = PageQueries(runner)
    about = queries.select("Leadership group", _about(group))
    if not about:
        raise NotFound(f"no leadership group {group_iri}")
    first = about[0]
    members = [{
        "ordinal": plain(r["ordinal"]),
        "person": ref(urls, r["person"], r["name"]),
        "role": plain(r["role_label"]),
        "role_en": plain(r["role_label_en"]),
        "post": plain(r["post"]),
        "agency": ref(urls, r["agency"], r["agency_label"], r["agency_label_en"]),
    } for r in queries.select("Members", _members(group))]
    label = plain(first["label"]) or group_iri
    data = {
        "group": ref(urls, group_iri, first["label"]),
        "label": label,
        "document": ref(urls, first["doc"], first["doc_title"] or first["doc_number"]),
        "office": ref(urls, first["office"], first["office_label"], first["office_label_en"]),
        "members": members,
    }
    return Page("group.html", label, data,
                [Table("members", ["ordinal", "person", "role", "post", "agency"], "Members")],
                queries.used, queries.truncated)


@router.get("/groups/{area}/{slug}/{number}", include_in_schema=False)
def group(request: Request, area: str, slug: str, number: str) -> Response:
    """A leadership group's page, or its `.json` / `.csv` twin."""
    stem, fmt = routing.resource_segment(number)
    urls = routing.urls(request)
    group_iri = urls.group_iri(routing.segment(area), routing.segment(slug), stem)
    return rendering.render(request, urls, group_page(routing.app_context(request).runner, urls, group_iri), fmt)
