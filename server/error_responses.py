"""The one place a typed error becomes a response: a small HTML page for browsers, JSON for everyone else.

Data addresses always answer JSON, whatever the Accept header says: the SPARQL endpoint (`/sparql`,
`/sparql/update`), the Graph Store (`/rdf-graphs/...`) and the `.json` twins of pages. Elsewhere a request
that prefers text/html to JSON (a browser) gets an HTML page with the same status; any other client gets JSON.
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from policykg.server.errors import ServerError
from policykg.server.sparql.formats import parse_accept

DATA_PREFIXES = ("/sparql", "/rdf-graphs")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def wants_html(path: str, accept: str | None) -> bool:
    """True for a browser asking for a page: not a data address, and text/html ranks above JSON in Accept."""
    if path.startswith(DATA_PREFIXES) or path.endswith(".json"):
        return False
    ranges = parse_accept(accept)
    html = next((rank for rank, media in enumerate(ranges) if media in HTML_TYPES), None)
    json = next((rank for rank, media in enumerate(ranges) if media == "application/json"), len(ranges))
    return html is not None and html < json


def handle_server_error(request: Request, error: ServerError) -> Response:
    """The error's status and headers with an HTML page or a JSON body `{error, status, message}`."""
    if wants_html(request.url.path, request.headers.get("accept")):
        return HTMLResponse(error_page(request, error), status_code=error.status, headers=error.headers)
    body = {"error": error.title, "status": error.status, "message": error.message}
    return JSONResponse(body, status_code=error.status, headers=error.headers)


def handle_routing_error(request: Request, error: StarletteHTTPException) -> Response:
    """Errors raised by routing itself (no such route, method not allowed) answer like our own errors."""
    typed = next((cls for cls in ServerError.__subclasses__() if cls.status == error.status_code), None)
    answer = (typed or ServerError)(str(error.detail), headers=dict(error.headers or {}))
    if typed is None:
        answer.status, answer.title, answer.title_zh = error.status_code, HTTPStatus(error.status_code).phrase, ""
    return handle_server_error(request, answer)


def error_page(request: Request, error: ServerError) -> str:
    """The error in the browser's base template (autoescaped, like every page)."""
    from policykg.server.pages.rendering import environment
    from policykg.server.pages.urls import Urls

    urls = Urls(request.app.state.context.settings.base)
    return environment().get_template("error.html").render(error=error, urls=urls)
