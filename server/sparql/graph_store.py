"""The SPARQL 1.1 Graph Store HTTP Protocol (indirect identification) at /rdf-graphs/service.

Reads are open; PUT, POST and DELETE need the write token and go through the single writer.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from policykg.server.context import AppContext
from policykg.server.errors import BadRequest, NotAcceptable
from policykg.server.sparql.auth import require_writer
from policykg.server.sparql.formats import DEFAULT_GRAPH, GRAPH_FORMATS, best_of, graph_media_type

PATH = "/rdf-graphs/service"


def target_graph(request: Request) -> str | None:
    """The graph a request names: `?graph=IRI`, or None for `?default`; 400 for neither or both."""
    params = request.query_params
    graphs = params.getlist("graph")
    if "default" in params and graphs:
        raise BadRequest("name either ?default or ?graph=IRI, not both")
    if "default" in params:
        return None
    if len(graphs) != 1 or not graphs[0]:
        raise BadRequest("name the graph with ?graph=IRI (once), or ?default for the default graph")
    return graphs[0]


def mount(app: FastAPI, context: AppContext) -> None:
    """Add the graph store routes to `app`."""
    runner = context.runner

    @app.api_route(PATH, methods=["GET", "HEAD"], include_in_schema=False)
    async def get_graph(request: Request) -> Response:
        graph = target_graph(request)
        fmt = request.query_params.get("format") or best_of(request.headers.get("accept"), GRAPH_FORMATS, DEFAULT_GRAPH)
        if fmt not in GRAPH_FORMATS:
            raise NotAcceptable(f"graphs are served as {', '.join(GRAPH_FORMATS)}")
        body = await run_in_threadpool(runner.get_graph, graph, fmt)
        return Response(body, media_type=graph_media_type(fmt), headers={"Vary": "Accept"})

    @app.api_route(PATH, methods=["PUT", "POST"], include_in_schema=False)
    async def write_graph(request: Request) -> Response:
        require_writer(request, context.settings)
        graph = target_graph(request)
        media_type = request.headers.get("content-type", "")
        data = await request.body()
        write = runner.put_graph if request.method == "PUT" else runner.post_graph
        outcome = await run_in_threadpool(write, graph, data, media_type)
        return Response(status_code=201 if outcome.created else 204)

    @app.delete(PATH, include_in_schema=False)
    async def delete_graph(request: Request) -> Response:
        require_writer(request, context.settings)
        graph = target_graph(request)
        await run_in_threadpool(runner.delete_graph, graph)
        return Response(status_code=204)
