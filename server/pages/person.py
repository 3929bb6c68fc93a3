"""People: a person named in a leadership group, with every seat they hold."""

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


def _seats(person: str) -> str:
    return f"""
SELECT DISTINCT ?name ?seat ?role_label ?role_label_en ?post ?ordinal ?group ?group_label ?doc ?doc_title
       ?agency ?agency_label ?agency_label_en WHERE {{
  {person} a foaf:Person .
  OPTIONAL {{ {person} foaf:name ?name }}
  OPTIONAL {{
    ?seat org:member {person} ; org:organization ?group .
    OPTIONAL {{ ?seat org:role ?role .
      OPTIONAL {{ ?role skos:prefLabel ?role_label FILTER(LANG(?role_label) = 'zh') }}
      OPTIONAL {{ ?role skos:prefLabel ?role_label_en FILTER(LANG(?role_label_en) = 'en') }} }}
    OPTIONAL {{ ?seat pol:postTitle ?post }}
    OPTIONAL {{ ?seat pol:ordinal ?ordinal }}
    OPTIONAL {{ ?group skos:prefLabel ?group_label }}
    OPTIONAL {{ ?group pol:establishedBy ?doc . OPTIONAL {{ ?doc dcterms:title ?doc_title }} }}
    OPTIONAL {{ ?seat pol:postIn ?agency .
      {label_patterns("agency", "agency_label")} }}
  }}
}}
ORDER BY ?group ?ordinal"""


def person_page(runner: QueryRunner, urls: Urls, person_iri: str) -> Page:
    """One person and their seats in leadership groups."""
    queries = PageQueries(runner)
    rows = queries.select("Person and seats", _seats(iri(person_iri)))
    if not rows:
        raise NotFound(f"no person {person_iri}")
    name = plain(rows[0]["name"]) or person_iri.rsplit("/", 1)[-1]
    seats = [{
        "group": ref(urls, r["group"], r["group_label"]),
        "role": plain(r["role_label"]),
        "role_en": plain(r["role_label_en"]),
        "post": plain(r["post"]),
        "agency": ref(urls, r["agency"], r["agency_label"], r["agency_label_en"]),
        "document": ref(urls, r["doc"], r["doc_title"]),
    } for r in rows if r["seat"] is not None]
    data = {"person": ref(urls, person_iri, rows[0]["name"]), "name": name, "seats": seats}
    return Page("person.html", name, data,
                [Table("seats", ["group", "role", "post", "agency", "document"], "Seats")],
                queries.used, queries.truncated)


@router.get("/people/{area}/{name}", include_in_schema=False)
def person(request: Request, area: str, name: str) -> Response:
    """A person's page, or its `.json` / `.csv` twin."""
    stem, fmt = routing.resource_segment(name)
    urls = routing.urls(request)
    page = person_page(routing.app_context(request).runner, urls, urls.person_iri(routing.segment(area), stem))
    return rendering.render(request, urls, page, fmt)
