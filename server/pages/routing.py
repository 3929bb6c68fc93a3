"""What every page route needs from the request: the app context, the URL builder, the day statuses refer to."""

from __future__ import annotations

import datetime as dt
import re

from fastapi import Request

from policykg.server.context import AppContext
from policykg.server.errors import BadRequest, NotFound
from policykg.server.pages.urls import FORMATS, Urls, split_format

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEGMENT = re.compile(r"^[A-Za-z0-9_().\-]+$")


def app_context(request: Request) -> AppContext:
    """The AppContext the pages were mounted with."""
    return request.app.state.pages_context


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
