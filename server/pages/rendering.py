"""Render one Page as HTML, JSON or CSV, chosen by the URL's suffix."""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from policykg.server.errors import NotFound
from policykg.server.pages import money
from policykg.server.pages.page import Page
from policykg.server.pages.urls import Urls, with_suffix
from policykg.server.pages.values import is_ref, plain

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def term_kind(value: Any) -> str:
    """What the `_term.html` macro should draw: a ref, an IRI, a literal, a blank node, a list or a plain value."""
    if is_ref(value):
        return "ref"
    if isinstance(value, ox.NamedNode):
        return "iri"
    if isinstance(value, ox.Literal):
        return "literal"
    if isinstance(value, ox.BlankNode):
        return "bnode"
    if isinstance(value, list):
        return "list"
    if value is None:
        return "none"
    return "value"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja environment (autoescaping on for every template)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["wan"] = money.in_wan
    env.filters["yuan"] = money.in_yuan
    env.filters["percent"] = money.percent
    env.filters["term_kind"] = term_kind
    return env


def to_json(value: Any) -> Any:
    """Page data as JSON values: terms become plain values, refs stay objects."""
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return plain(value)
    return value


def _cell(value: Any) -> str:
    """One CSV cell: refs by label, lists joined with '; ', terms by value."""
    if is_ref(value):
        return value["label"] or value["iri"]
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    value = to_json(value)
    return "" if value is None else str(value)


def _iri_cell(value: Any) -> str:
    """The IRI(s) behind a ref column."""
    if is_ref(value):
        return value["iri"]
    if isinstance(value, (list, tuple)):
        return "; ".join(_iri_cell(item) for item in value)
    return ""


def to_csv(page: Page, table_key: str | None) -> str:
    """One table of the page as CSV; a column of links becomes a label column and an `_iri` column."""
    table = page.table(table_key)
    if table is None:
        raise NotFound(f"this page has no table {table_key!r}")
    rows = page.data.get(table.key) or []
    link_columns = {
        column for column in table.columns
        if any(is_ref(row.get(column)) or (isinstance(row.get(column), list) and any(is_ref(v) for v in row[column]))
               for row in rows)
    }
    header: list[str] = []
    for column in table.columns:
        header.append(column)
        if column in link_columns:
            header.append(column + "_iri")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        cells = []
        for column in table.columns:
            cells.append(_cell(row.get(column)))
            if column in link_columns:
                cells.append(_iri_cell(row.get(column)))
        writer.writerow(cells)
    return out.getvalue()


def render(request: Request, urls: Urls, page: Page, fmt: str) -> Response:
    """The page in the requested format: `.json` (whole context), `.csv` (`?_table=` picks a table) or HTML."""
    if fmt == "json":
        body = {
            "title": page.title,
            **to_json(page.data),
            "truncated": page.truncated,
            "sparql": [{"title": q.title, "query": q.sparql, "href": urls.query(q.sparql)} for q in page.queries],
        }
        return JSONResponse(body)
    if fmt == "csv":
        return Response(to_csv(page, request.query_params.get("_table")), media_type="text/csv; charset=utf-8")
    query_string = ("?" + request.url.query) if request.url.query else ""
    path = request.url.path
    twins = {fmt_name: with_suffix(path, fmt_name) + query_string for fmt_name in ("json", "csv")}
    html = environment().get_template(page.template).render(
        page=page, data=page.data, urls=urls, twins=twins, query_string=query_string,
        table_csv=lambda key: with_suffix(path, "csv") + _join_query(query_string, "_table", key),
    )
    return HTMLResponse(html)


def _join_query(query_string: str, key: str, value: str) -> str:
    """Add one parameter to an existing query string."""
    extra = urlencode({key: value})
    return (query_string + "&" + extra) if query_string else "?" + extra
