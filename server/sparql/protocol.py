"""Read a SPARQL 1.1 Protocol request (GET, POST form, POST direct body) into one plain description."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.datastructures import MultiDict
from starlette.requests import Request

from policykg.server.errors import BadRequest
from policykg.server.query_runner import Dataset

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@dataclass
class SparqlRequest:
    """What the caller asked: a query or an update, over which graphs, answered in which format."""

    query: str | None = None
    update: str | None = None
    dataset: Dataset | None = None
    format: str | None = None  # the `format=` parameter (json, xml, csv, tsv, ttl, nt, jsonld, rdfxml)
    accept: str | None = None


def _single(params: MultiDict, name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise BadRequest(f"give the parameter '{name}' once, not {len(values)} times")
    return values[0] if values else None


def _dataset(params: MultiDict, default_name: str, named_name: str) -> Dataset | None:
    default_graphs = [value for value in params.getlist(default_name) if value]
    named_graphs = [value for value in params.getlist(named_name) if value]
    if not default_graphs and not named_graphs:
        return None
    return Dataset(default_graphs=default_graphs or None, named_graphs=named_graphs or None)


async def read_sparql_request(request: Request) -> SparqlRequest:
    """Parse the request the way the protocol allows; 400 for anything else."""
    params = MultiDict(request.query_params.multi_items())
    accept = request.headers.get("accept")
    if request.method in ("GET", "HEAD"):
        if "update" in params:
            raise BadRequest("SPARQL Update must be sent with POST")
        return SparqlRequest(
            query=_single(params, "query"),
            dataset=_dataset(params, "default-graph-uri", "named-graph-uri"),
            format=_single(params, "format"),
            accept=accept,
        )
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in FORM_TYPES:
        form = await request.form()
        fields = MultiDict([*params.multi_items(), *((key, str(value)) for key, value in form.multi_items())])
        query, update = _single(fields, "query"), _single(fields, "update")
        if query is not None and update is not None:
            raise BadRequest("send either 'query' or 'update', not both")
        names = ("using-graph-uri", "using-named-graph-uri") if update is not None else ("default-graph-uri", "named-graph-uri")
        return SparqlRequest(query, update, _dataset(fields, *names), _single(fields, "format"), accept)
    body = (await request.body()).decode("utf-8", errors="strict") if content_type else ""
    if content_type == "application/sparql-query":
        return SparqlRequest(query=body, dataset=_dataset(params, "default-graph-uri", "named-graph-uri"),
                             format=_single(params, "format"), accept=accept)
    if content_type == "application/sparql-update":
        return SparqlRequest(update=body, dataset=_dataset(params, "using-graph-uri", "using-named-graph-uri"),
                             format=_single(params, "format"), accept=accept)
    raise BadRequest(
        "POST a form (application/x-www-form-urlencoded with query= or update=), "
        "or a body of type application/sparql-query or application/sparql-update"
    )
