"""The browser: HTML pages over the graph, each with .json and .csv twins, and the SPARQL that built it.

`mount(app, context)` adds the routes; each module holds one page: a function that returns the page's
context (a `Page`) from SPARQL run through the QueryRunner, and the plain `def` routes that render it.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from policykg.server.context import AppContext
from policykg.server.pages.resource import render_resource

__all__ = ["mount", "render_resource"]

STATIC = Path(__file__).resolve().parent.parent / "static"


def mount(app: FastAPI, context: AppContext) -> None:
    """Add the browser's pages and its static files to the app (the context is read from app.state)."""
    from policykg.server.pages import (
        agency, area, document, group, home, incentives, person, programme, query, search,
    )

    app.state.pages_context = context
    for module in (home, document, agency, incentives, programme, person, group, area, search, query):
        app.include_router(module.router)
    app.mount("/-/static", StaticFiles(directory=str(STATIC)), name="static")
