"""Search: a plain text match (SPARQL CONTAINS) over document titles, clause text, agency names, programmes."""

from __future__ import annotations

from fastapi import APIRouter, Request

from policykg.server.pages import routing
from policykg.server.pages.page import Page, PageQueries, Table
from policykg.server.pages.sparql_text import label_patterns, string
from policykg.server.pages.urls import Urls
from policykg.server.pages.values import plain, ref, text
from policykg.server.query_runner import QueryRunner

router = APIRouter()

LIMIT = 200
MAX_QUERY = 100


def _documents(needle: str) -> str:
    return f"""
SELECT DISTINCT ?doc ?title ?number WHERE {{
  ?doc a pol:PolicyDocument .
  OPTIONAL {{ ?doc dcterms:title ?title }}
  OPTIONAL {{ ?doc eli:id_local ?number }}
  OPTIONAL {{ ?doc pol:noticeTitle ?notice }}
  FILTER(CONTAINS(STR(?title), {needle}) || CONTAINS(STR(?number), {needle}) || CONTAINS(STR(?notice), {needle}))
}}
ORDER BY ?title LIMIT {LIMIT}"""


def _clauses(needle: str) -> str:
    return f"""
SELECT DISTINCT ?clause ?path ?text ?doc ?doc_title WHERE {{
  ?clause a pol:Clause ; pol:text ?text ; pol:document ?doc .
  FILTER(CONTAINS(?text, {needle}))
  OPTIONAL {{ ?clause pol:path ?path }}
  OPTIONAL {{ ?doc dcterms:title ?doc_title }}
}}
ORDER BY ?doc ?clause LIMIT {LIMIT}"""


def _agencies(needle: str) -> str:
    return f"""
SELECT DISTINCT ?agency ?label ?label_en ?area_label WHERE {{
  ?agency a ?type . FILTER(?type IN (pol:Agency, org:Organization))
  {{ ?agency skos:prefLabel ?name }} UNION {{ ?agency skos:altLabel ?name }}
  FILTER(CONTAINS(LCASE(STR(?name)), LCASE({needle})))
  {label_patterns("agency", "label")}
  OPTIONAL {{ ?agency pol:jurisdiction ?area .
    OPTIONAL {{ ?area skos:prefLabel ?area_label FILTER(LANG(?area_label) = 'zh') }} }}
}}
ORDER BY ?label LIMIT {LIMIT}"""


def _programmes(needle: str) -> str:
    return f"""
SELECT DISTINCT ?programme ?label ?area_label WHERE {{
  ?programme a pol:Programme ; skos:prefLabel ?label .
  FILTER(CONTAINS(STR(?label), {needle}))
  OPTIONAL {{ ?programme pol:jurisdiction ?area .
    OPTIONAL {{ ?area skos:prefLabel ?area_label FILTER(LANG(?area_label) = 'zh') }} }}
}}
ORDER BY ?label LIMIT {LIMIT}"""


def snippet(body: str, needle: str, width: int = 40) -> dict[str, str]:
    """The words around the first match, split so the template can mark the match."""
    at = body.find(needle)
    if at < 0:
        return {"before": body[: 2 * width], "match": "", "after": ""}
    start, end = max(0, at - width), at + len(needle)
    return {"before": ("…" if start else "") + body[start:at], "match": body[at:end],
            "after": body[end:end + width] + ("…" if end + width < len(body) else "")}


def search_page(runner: QueryRunner, urls: Urls, q: str) -> Page:
    """Documents, clauses, agencies and programmes whose text contains `q`."""
    q = q.strip()[:MAX_QUERY]
    queries = PageQueries(runner)
    data: dict = {"q": q, "documents": [], "clauses": [], "agencies": [], "programmes": []}
    if q:
        needle = string(q)
        data["documents"] = [{"document": ref(urls, r["doc"], r["title"] or r["number"]), "number": plain(r["number"])}
                             for r in queries.select("Documents", _documents(needle))]
        data["clauses"] = [{"clause": ref(urls, r["clause"], r["path"]),
                            "document": ref(urls, r["doc"], r["doc_title"]),
                            "snippet": snippet(text(r["text"]), q), "text": plain(r["text"])}
                           for r in queries.select("Clauses", _clauses(needle))]
        seen: set[str] = set()
        for r in queries.select("Agencies", _agencies(needle)):
            if text(r["agency"]) not in seen:
                seen.add(text(r["agency"]))
                data["agencies"].append({"agency": ref(urls, r["agency"], r["label"], r["label_en"]),
                                         "jurisdiction": plain(r["area_label"])})
        data["programmes"] = [{"programme": ref(urls, r["programme"], r["label"]),
                               "jurisdiction": plain(r["area_label"])}
                              for r in queries.select("Programmes", _programmes(needle))]
    tables = [Table("clauses", ["clause", "document", "text"], "Clauses"),
              Table("documents", ["document", "number"], "Documents"),
              Table("agencies", ["agency", "jurisdiction"], "Agencies"),
              Table("programmes", ["programme", "jurisdiction"], "Programmes")]
    title = f"搜索 “{q}”" if q else "搜索 Search"
    return Page("search.html", title, data, tables, queries.used, queries.truncated)


def _search(request: Request, urls: Urls) -> Page:
    """The search page for `?q=`."""
    return search_page(routing.runner(request), urls, request.query_params.get("q", ""))


routing.add_listing(router, "/search", _search)
