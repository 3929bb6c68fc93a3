"""Work sent to a store process and the answer it sends back: plain picklable data, executed in the worker.

This module runs inside the worker processes, so it imports nothing heavier than pyoxigraph.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from policykg.server.sparql.formats import GRAPH_FORMATS, RESULT_FORMATS, graph_format_for_media_type

PREFIXES = {
    "pol": "https://w3id.org/policykg/ontology#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class QueryJob:
    """A read query and how to answer it."""

    sparql: str
    union_default: bool = True  # default graph = union of all graphs (ignored when default_graphs is set)
    default_graphs: tuple[str, ...] | None = None  # protocol `default-graph-uri`s
    named_graphs: tuple[str, ...] | None = None  # protocol `named-graph-uri`s
    results_format: str = "json"
    graph_format: str = "ttl"
    max_rows: int = 10000


@dataclass(frozen=True)
class UpdateJob:
    """A SPARQL Update, run by the writer process."""

    sparql: str


@dataclass(frozen=True)
class GraphJob:
    """A Graph Store Protocol operation on one graph (`graph` None means the store's default graph)."""

    operation: str  # "get" | "put" | "post" | "delete"
    graph: str | None
    data: bytes = b""
    media_type: str = ""  # of `data`
    graph_format: str = "ttl"  # of the answer to "get"


@dataclass(frozen=True)
class Reply:
    """What a worker answers: serialised bytes and what they hold, or an error it could name."""

    kind: str  # "solutions" | "boolean" | "graph" | "done" | "ready" | "error"
    body: bytes = b""
    truncated: bool = False
    count: int = 0  # rows or triples in the body
    error: str = ""  # "syntax" | "missing" | "store" | "value"
    message: str = ""
    created: bool = False  # a Graph Store PUT/POST made a graph that did not exist


def execute(store: ox.Store, job: QueryJob | UpdateJob | GraphJob) -> Reply:
    """Run one job against the worker's store; engine errors become error replies, never exceptions."""
    try:
        if isinstance(job, QueryJob):
            return _query(store, job)
        if isinstance(job, UpdateJob):
            store.update(job.sparql)
            store.flush()
            return Reply("done")
        return _graph(store, job)
    except SyntaxError as error:
        return Reply("error", error="syntax", message=str(error))
    except OSError as error:
        return Reply("error", error="store", message=str(error))
    except (ValueError, TypeError) as error:
        return Reply("error", error="value", message=str(error))


def _query(store: ox.Store, job: QueryJob) -> Reply:
    options: dict = {}
    if job.default_graphs is not None:
        options["default_graph"] = [ox.NamedNode(iri) for iri in job.default_graphs]
    elif job.union_default:
        options["use_default_graph_as_union"] = True
    if job.named_graphs is not None:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in job.named_graphs]
    result = store.query(job.sparql, **options)
    if isinstance(result, ox.QueryBoolean):
        return Reply("boolean", body=result.serialize(format=RESULT_FORMATS[job.results_format][0]), count=1)
    if isinstance(result, ox.QuerySolutions):
        return _solutions(result, job)
    triples, truncated = _take(result, job.max_rows)
    body = ox.serialize(triples, format=GRAPH_FORMATS[job.graph_format][0], prefixes=_prefixes_for(job.graph_format))
    return Reply("graph", body=body, truncated=truncated, count=len(triples))


def _take(iterator, limit: int) -> tuple[list, bool]:
    """The first `limit` items and whether there were more (reads at most one past the limit)."""
    taken = []
    for item in iterator:
        if len(taken) == limit:
            return taken, True
        taken.append(item)
    return taken, False


def _solutions(result: ox.QuerySolutions, job: QueryJob) -> Reply:
    """Serialise at most `max_rows` solutions: re-read the kept rows as TSV (terms in N-Triples syntax)
    so pyoxigraph writes every format from the same, cut, solution sequence."""
    variables = [variable.value for variable in result.variables]
    rows, truncated = _take(result, job.max_rows)
    if not variables:
        body = b'{"head":{"vars":[]},"results":{"bindings":[' + b",".join(b"{}" for _ in rows) + b"]}}"
        kept = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
    else:
        lines = ["\t".join("?" + name for name in variables)]
        for row in rows:
            lines.append("\t".join("" if row[name] is None else str(row[name]) for name in variables))
        kept = ox.parse_query_results("\n".join(lines) + "\n", ox.QueryResultsFormat.TSV)
    return Reply(
        "solutions",
        body=kept.serialize(format=RESULT_FORMATS[job.results_format][0]),
        truncated=truncated,
        count=len(rows),
    )


def _prefixes_for(graph_format: str) -> dict[str, str] | None:
    return PREFIXES if graph_format in ("ttl", "rdfxml") else None


def _graph(store: ox.Store, job: GraphJob) -> Reply:
    target = ox.DefaultGraph() if job.graph is None else ox.NamedNode(job.graph)
    exists = job.graph is None or store.contains_named_graph(target)
    if job.operation == "get":
        if not exists:
            return Reply("error", error="missing", message=f"no graph <{job.graph}> in the store")
        triples = [quad.triple for quad in store.quads_for_pattern(None, None, None, target)]
        body = ox.serialize(triples, format=GRAPH_FORMATS[job.graph_format][0], prefixes=_prefixes_for(job.graph_format))
        return Reply("graph", body=body, count=len(triples))
    if job.operation == "delete":
        if not exists:
            return Reply("error", error="missing", message=f"no graph <{job.graph}> in the store")
        if job.graph is None:
            store.clear_graph(target)
        else:
            store.remove_graph(target)
        store.flush()
        return Reply("done")
    rdf_format = graph_format_for_media_type(job.media_type)
    if rdf_format is None:
        return Reply("error", error="value", message=f"cannot read a graph sent as {job.media_type!r}")
    parsed = list(ox.parse(job.data, format=rdf_format))
    if any(not isinstance(quad.graph_name, ox.DefaultGraph) for quad in parsed):
        return Reply("error", error="value", message="send one graph (Turtle, N-Triples, RDF/XML, JSON-LD), not a dataset")
    quads = [ox.Quad(quad.subject, quad.predicate, quad.object, target) for quad in parsed]
    if job.operation == "put" and exists:
        store.clear_graph(target)
    store.extend(quads)
    if job.graph is not None and not quads:
        store.add_graph(target)
    store.flush()
    return Reply("done", count=len(quads), created=not exists)
