"""Any resource under /id/ viewed in a browser: its own page where the browser has one, else its triples."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from policykg.server.context import AppContext
from policykg.server.errors import NotFound
from policykg.server.pages import rendering
from policykg.server.pages.page import Page, PageQueries, Table
from policykg.server.pages.sparql_text import iri as sparql_iri
from policykg.server.pages.urls import Urls
from policykg.server.query_runner import QueryRunner

LIMIT = 500


def resource_page(runner: QueryRunner, urls: Urls, resource_iri: str) -> Page:
    """What the graph says about one resource, and which resources point at it."""
    node = sparql_iri(resource_iri)
    queries = PageQueries(runner)
    outgoing = queries.select("Statements about it", f"SELECT DISTINCT ?p ?o WHERE {{ {node} ?p ?o }} ORDER BY ?p ?o LIMIT {LIMIT}")
    incoming = queries.select("Statements pointing at it",
                              f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {node} }} ORDER BY ?p ?s LIMIT {LIMIT}")
    if not outgoing and not incoming:
        raise NotFound(f"nothing is known about <{resource_iri}>")
    data = {"iri": resource_iri, "short": urls.short(resource_iri), "outgoing": outgoing, "incoming": incoming}
    tables = [Table("outgoing", ["p", "o"], "Statements"), Table("incoming", ["s", "p"], "Pointing here")]
    return Page("resource.html", urls.short(resource_iri), data, tables, queries.used, queries.truncated)


def render_resource(request: Request, context: AppContext, resource_iri: str) -> Response:
    """HTML for /id/...: a redirect to the app page that shows the resource, or a page of its triples."""
    urls = Urls(context.settings.base)
    if getattr(request.app.state, "pages_context", None) is None:
        return _without_pages(context, urls, resource_iri)  # an app built with_pages=False has no pages to link to
    page_url = urls.page(resource_iri)
    if not page_url.startswith("/id/"):
        return RedirectResponse(page_url, status_code=303)
    return rendering.render(request, urls, resource_page(context.runner, urls, resource_iri), "html")


def _without_pages(context: AppContext, urls: Urls, resource_iri: str) -> Response:
    """The linked-data module's own minimal HTML, for an app that serves no browser pages."""
    from policykg.server.linked_data import describe_query, render_fallback_html

    triples = context.runner.construct(describe_query(resource_iri))
    if not triples:
        raise NotFound(f"nothing is known about <{resource_iri}>")
    return HTMLResponse(render_fallback_html(resource_iri, urls.linked_data(resource_iri), triples, context.settings.base))
