"""What every page route needs from the request: the app context, the URL builder, the day statuses refer to."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import Response

from policykg.server.context import AppContext
from policykg.server.errors import BadRequest, NotFound
from policykg.server.pages import rendering
from policykg.server.pages.page import Page
from policykg.server.pages.urls import FORMATS, Urls, split_format, with_suffix
from policykg.server.query_runner import QueryRunner

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEGMENT = re.compile(r"^[A-Za-z0-9_().\-]+$")


def app_context(request: Request) -> AppContext:
    """The AppContext the pages were mounted with."""
    return request.app.state.pages_context


def runner(request: Request) -> QueryRunner:
    """The QueryRunner every page's SPARQL goes through."""
    return app_context(request).runner


def urls(request: Request) -> Urls:
    """The URL builder for the base this server publishes."""
    return Urls(app_context(request).settings.base)


def as_of(request: Request) -> str:
    """The day statuses are computed for: `?as_of=YYYY-MM-DD`, else today."""
    value = request.query_params.get("as_of") or dt.date.today().isoformat()
    if not _ISO_DATE.match(value):
        raise BadRequest("as_of must be a date written YYYY-MM-DD")
    return value


def segment(value: str) -> str:
    """A path segment that goes into an IRI: IRIs are ASCII and readable, so anything else cannot name a resource."""
    if not _SEGMENT.match(value):
        raise NotFound(f"no resource is named {value!r}")
    return value


def page_format(fmt: str) -> str:
    """A twin's suffix: html, json or csv."""
    if fmt not in FORMATS:
        raise NotFound(f"no format {fmt!r}: pages come as html, json or csv")
    return fmt


def resource_segment(value: str) -> tuple[str, str]:
    """The last path segment of a resource page: its identifier and the format its suffix asks for."""
    name, fmt = split_format(value)
    return segment(name), fmt


PageBuilder = Callable[[Request, Urls], Page]


@dataclass(frozen=True)
class ListingRoutes:
    """The two routes of a page that is not about one resource: its HTML, and its `.json` / `.csv` twin."""

    build: PageBuilder

    def html(self, request: Request) -> Response:
        return self.respond(request, "html")

    def twin(self, request: Request, fmt: str) -> Response:
        return self.respond(request, page_format(fmt))

    def respond(self, request: Request, fmt: str) -> Response:
        page_urls = urls(request)
        return rendering.render(request, page_urls, self.build(request, page_urls), fmt)


def add_listing(router: APIRouter, path: str, build: PageBuilder) -> None:
    """Serve the page `build` returns at `path` and its twins where `Urls` links them (`/x.json`, `/index.csv`)."""
    routes = ListingRoutes(build)
    name = path.strip("/") or "home"
    router.add_api_route(path, routes.html, methods=["GET"], name=name, include_in_schema=False)
    router.add_api_route(with_suffix(path, "{fmt}"), routes.twin, methods=["GET"], name=name + "_twin",
                         include_in_schema=False)
