"""Build the web application from its settings: endpoint, linked data, browser pages. No module-level store."""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.concurrency import run_in_threadpool

from policykg.server.context import AppContext
from policykg.server.error_responses import handle_routing_error, handle_server_error
from policykg.server.errors import ServerError
from policykg.server.query_runner import QueryRunner
from policykg.server.settings import Settings


def create_app(settings: Settings, runner: QueryRunner | None = None, with_pages: bool = True) -> FastAPI:
    """The whole server for one store; `runner` may be given by a caller that manages its own;
    `with_pages=False` serves only the endpoint and linked data (no HTML browser pages)."""
    runner = runner or QueryRunner(
        settings.store_dir, timeout=settings.query_timeout, max_rows=settings.max_rows, workers=settings.workers
    )
    context = AppContext(settings=settings, runner=runner)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(runner.start)
        yield
        await run_in_threadpool(runner.close)

    app = FastAPI(title="policykg", lifespan=lifespan, docs_url="/-/api", redoc_url=None, openapi_url="/-/openapi.json")
    app.state.context = context
    app.add_exception_handler(ServerError, handle_server_error)
    app.add_exception_handler(StarletteHTTPException, handle_routing_error)

    from policykg.server import linked_data
    from policykg.server.sparql import endpoint, graph_store

    endpoint.mount(app, context)
    graph_store.mount(app, context)
    linked_data.mount(app, context)
    if with_pages and importlib.util.find_spec("policykg.server.pages") is not None:
        from policykg.server import pages

        if hasattr(pages, "mount"):  # the browser pages, when installed
            pages.mount(app, context)
    return app
