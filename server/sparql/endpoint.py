"""Routes of the SPARQL 1.1 Protocol: /sparql (queries; updates only with the token) and /sparql/update."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from policykg.server.context import AppContext
from policykg.server.errors import BadRequest
from policykg.server.query_runner import Answer
from policykg.server.sparql import description
from policykg.server.sparql.auth import require_writer
from policykg.server.sparql.formats import choose, graph_media_type, results_media_type
from policykg.server.sparql.protocol import SparqlRequest, read_sparql_request

TRUNCATED_HEADER = "X-Policykg-Truncated"


def mount(app: FastAPI, context: AppContext) -> None:
    """Add the protocol routes to `app`."""

    @app.api_route("/sparql", methods=["GET", "POST", "HEAD"], include_in_schema=False)
    async def sparql(request: Request) -> Response:
        parsed = await read_sparql_request(request)
        if parsed.update is not None:
            return await _update(request, parsed, context)
        if parsed.query is None:
            if request.method == "POST":
                raise BadRequest("a POST to /sparql needs a 'query' (or, with the write token, an 'update')")
            return _description(request, parsed, context)
        return await _query(parsed, context)

    @app.post("/sparql/update", include_in_schema=False)
    async def sparql_update(request: Request) -> Response:
        parsed = await read_sparql_request(request)
        if parsed.update is None:
            raise BadRequest("POST an 'update' form field or an application/sparql-update body")
        return await _update(request, parsed, context)


async def _query(parsed: SparqlRequest, context: AppContext) -> Response:
    choice = choose(parsed.accept, parsed.format)
    answer = await run_in_threadpool(
        context.runner.query,
        parsed.query,
        dataset=parsed.dataset,
        results_format=choice.results,
        graph_format=choice.graph,
    )
    return answer_response(answer)


def answer_response(answer: Answer) -> Response:
    """A serialised answer as a response; a cut answer says so in a header and, for JSON, in the body."""
    media_type = graph_media_type(answer.format) if answer.kind == "graph" else results_media_type(answer.format)
    headers = {"Vary": "Accept"}
    body = answer.body
    if answer.truncated:
        headers[TRUNCATED_HEADER] = "true"
        if answer.format == "json" and body.startswith(b"{"):
            body = b'{"truncated":true,' + body[1:]
    return Response(body, media_type=media_type, headers=headers)


async def _update(request: Request, parsed: SparqlRequest, context: AppContext) -> Response:
    require_writer(request, context.settings)
    if parsed.dataset is not None:
        raise BadRequest("using-graph-uri / using-named-graph-uri are not supported; write USING in the update")
    await run_in_threadpool(context.runner.update, parsed.update)
    return Response(status_code=204)


def _description(request: Request, parsed: SparqlRequest, context: AppContext) -> Response:
    browser = not parsed.format and "text/html" in (parsed.accept or "")
    graph_format = "ttl" if browser else choose(parsed.accept, parsed.format).graph
    endpoint_url = str(request.url.replace(query="", fragment=""))
    body = description.render(endpoint_url, bool(context.settings.write_token), graph_format)
    return Response(body, media_type=graph_media_type(graph_format), headers={"Vary": "Accept"})
