"""The one way the server queries its store: checked, time-limited, row-capped, in killable worker processes.

Blocking: call it from plain `def` routes or through `starlette.concurrency.run_in_threadpool`, never from
inside `async def`. Queries always run on Oxigraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from policykg.server.errors import BadRequest, NotFound, QueryRefused, QuerySyntaxError, WorkerFailed
from policykg.server.sparql.jobs import GraphJob, QueryJob, Reply, UpdateJob
from policykg.server.sparql.safety import check_query, check_update
from policykg.server.sparql.workers import WorkerPool

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass
class SelectResult:
    """Rows of a SELECT, each a dict from variable name to term (None when unbound)."""

    variables: list[str]
    rows: list[dict[str, Term | None]]
    truncated: bool = False  # more rows existed than the row cap allowed


@dataclass
class Dataset:
    """The RDF dataset a query runs over, as the SPARQL protocol lets a caller name it."""

    default_graphs: list[str] | None = None  # `default-graph-uri`; None = union of all graphs
    named_graphs: list[str] | None = None  # `named-graph-uri`; None = every graph in the store


@dataclass
class Answer:
    """A serialised query answer, ready to send."""

    kind: str  # "solutions" | "boolean" | "graph"
    body: bytes
    format: str  # short name from policykg.server.sparql.formats
    truncated: bool = False
    count: int = 0


@dataclass
class GraphWrite:
    """The outcome of a Graph Store Protocol write."""

    created: bool
    triples: int = 0


class QueryRunner:
    """Runs SPARQL against the store in `store_dir` with a time limit and a row cap."""

    def __init__(self, store_dir: str | Path, *, timeout: float = 10.0, max_rows: int = 10000, workers: int = 2):
        self.store_dir = Path(store_dir)
        self.timeout = timeout
        self.max_rows = max_rows
        self._pool = WorkerPool(self.store_dir, size=workers, wait_limit=max(30.0, 3 * timeout))

    def start(self) -> None:
        """Create the store if it does not exist yet, then start the worker processes."""
        if not (self.store_dir / "CURRENT").exists():
            self.store_dir.mkdir(parents=True, exist_ok=True)
            store = ox.Store(str(self.store_dir))
            store.flush()
            del store
        self._pool.start()

    def close(self) -> None:
        """Stop the worker processes."""
        self._pool.close()

    # -- reads ---------------------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        dataset: Dataset | None = None,
        results_format: str = "json",
        graph_format: str = "ttl",
        timeout: float | None = None,
    ) -> Answer:
        """Run any read query and return its answer serialised (SELECT/ASK in `results_format`, graphs in `graph_format`)."""
        shape = check_query(sparql)
        dataset = dataset or Dataset()
        job = QueryJob(
            sparql=sparql,
            union_default=not shape.has_from,  # a query's own FROM picks graphs of the store, never a download
            default_graphs=tuple(dataset.default_graphs) if dataset.default_graphs is not None else None,
            named_graphs=tuple(dataset.named_graphs) if dataset.named_graphs is not None else None,
            results_format=results_format,
            graph_format=graph_format,
            max_rows=self.max_rows,
        )
        reply = _checked(self._pool.run(job, self._limit(timeout)))
        fmt = graph_format if reply.kind == "graph" else results_format
        return Answer(reply.kind, reply.body, fmt, reply.truncated, reply.count)

    def select(self, sparql: str, timeout: float | None = None) -> SelectResult:
        """Run a SELECT and return its rows as pyoxigraph terms."""
        answer = self.query(sparql, results_format="json", timeout=timeout)
        if answer.kind != "solutions":
            raise QueryRefused("select() needs a SELECT query")
        solutions = ox.parse_query_results(answer.body, ox.QueryResultsFormat.JSON)
        variables = [variable.value for variable in solutions.variables]
        rows = [{name: solution[name] for name in variables} for solution in solutions]
        return SelectResult(variables, rows, answer.truncated)

    def construct(self, sparql: str, timeout: float | None = None) -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE and return its triples."""
        answer = self.query(sparql, graph_format="nt", timeout=timeout)
        if answer.kind != "graph":
            raise QueryRefused("construct() needs a CONSTRUCT or DESCRIBE query")
        return [quad.triple for quad in ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES)]

    def ask(self, sparql: str, timeout: float | None = None) -> bool:
        """Run an ASK and return its answer."""
        answer = self.query(sparql, results_format="json", timeout=timeout)
        if answer.kind != "boolean":
            raise QueryRefused("ask() needs an ASK query")
        return bool(ox.parse_query_results(answer.body, ox.QueryResultsFormat.JSON))

    def get_graph(self, graph: str | None, graph_format: str = "ttl") -> bytes:
        """The whole of one graph (None: the store's default graph), serialised; NotFound if absent."""
        reply = _checked(self._pool.run(GraphJob("get", graph, graph_format=graph_format), self.timeout))
        return reply.body

    # -- writes (callers check authorisation) --------------------------------------------------------------

    def update(self, sparql: str, timeout: float | None = None) -> None:
        """Apply a SPARQL Update through the single writer; following queries see it."""
        check_update(sparql)
        _checked(self._pool.write(UpdateJob(sparql), self._limit(timeout)))

    def put_graph(self, graph: str | None, data: bytes, media_type: str) -> GraphWrite:
        """Replace one graph with the RDF in `data`."""
        return self._write_graph("put", graph, data, media_type)

    def post_graph(self, graph: str | None, data: bytes, media_type: str) -> GraphWrite:
        """Add the RDF in `data` to one graph."""
        return self._write_graph("post", graph, data, media_type)

    def delete_graph(self, graph: str | None) -> None:
        """Remove one graph (empty the default graph); NotFound if absent."""
        _checked(self._pool.write(GraphJob("delete", graph), self.timeout))

    def _write_graph(self, operation: str, graph: str | None, data: bytes, media_type: str) -> GraphWrite:
        reply = _checked(self._pool.write(GraphJob(operation, graph, data, media_type), self.timeout))
        return GraphWrite(created=reply.created, triples=reply.count)

    def _limit(self, timeout: float | None) -> float:
        return self.timeout if timeout is None else min(timeout, self.timeout)


def _checked(reply: Reply) -> Reply:
    """Turn a worker's error reply into the typed error it stands for."""
    if reply.kind != "error":
        return reply
    if reply.error == "syntax":
        raise QuerySyntaxError(reply.message)
    if reply.error == "missing":
        raise NotFound(reply.message)
    if reply.error == "value":
        raise BadRequest(reply.message)
    raise WorkerFailed(reply.message)
