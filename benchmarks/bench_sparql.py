"""Queries per second through the HTTP endpoint versus pyoxigraph called directly, same store, same run.

    python benchmarks/bench_sparql.py [--triples N] [--seconds S]

The ratio shows what the protocol, the worker processes and serialisation cost on top of the engine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "server"))
from conftest import running_server  # noqa: E402  (the same real-server harness the tests use)

from policykg.server.settings import Settings  # noqa: E402

POL = "https://w3id.org/policykg/ontology#"
QUERIES = {
    "lookup": "SELECT ?t WHERE { <https://w3id.org/policykg/id/doc/xx/d-7> <http://purl.org/dc/terms/title> ?t }",
    "filter-100": f"SELECT ?c ?x WHERE {{ ?c <{POL}text> ?x FILTER(CONTAINS(?x, '算力')) }} LIMIT 100",
    "group-by": f"SELECT ?d (SUM(?a) AS ?total) WHERE {{ ?i <{POL}document> ?d ; <{POL}amount> ?a }} GROUP BY ?d",
}


def synthetic_store(directory: Path, documents: int) -> int:
    """A policy-shaped store: documents in their own graphs, clauses with text, incentives with amounts."""
    store = ox.Store(str(directory))
    quads = []
    for n in range(documents):
        doc = ox.NamedNode(f"https://w3id.org/policykg/id/doc/xx/d-{n}")
        graph = ox.NamedNode(f"https://w3id.org/policykg/id/graph/xx/d-{n}")
        quads.append(ox.Quad(doc, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal(f"政策 {n}", language="zh"), graph))
        for c in range(10):
            clause = ox.NamedNode(f"{doc.value}/clause/{c}")
            text = "支持算力券发放" if c % 3 == 0 else "加强组织领导"
            quads.append(ox.Quad(clause, ox.NamedNode(f"{POL}text"), ox.Literal(f"{text} {n}.{c}"), graph))
            quads.append(ox.Quad(clause, ox.NamedNode(f"{POL}document"), doc, graph))
            incentive = ox.NamedNode(f"{doc.value}/incentive/{c}")
            quads.append(ox.Quad(incentive, ox.NamedNode(f"{POL}document"), doc, graph))
            quads.append(ox.Quad(incentive, ox.NamedNode(f"{POL}amount"), ox.Literal(str(1000 * c), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")), graph))
    store.bulk_extend(quads)
    store.flush()
    store.optimize()
    del store
    return len(quads)


def rate(call, seconds: float) -> float:
    """Calls per second of `call` over about `seconds`."""
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        call()
        count += 1
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000, help="synthetic documents (about 41 triples each)")
    parser.add_argument("--seconds", type=float, default=3.0, help="time spent per query and per path")
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="bench-sparql-"))
    triples = synthetic_store(directory, args.documents)
    direct = ox.Store.read_only(str(directory))
    print(f"{triples} quads; {args.seconds:g} s per measurement")
    print(f"{'query':<12} {'direct q/s':>11} {'endpoint q/s':>13} {'ratio':>7}")
    with running_server(Settings(store_dir=directory, max_rows=100000), with_pages=False) as server:
        with httpx.Client(base_url=server.url, timeout=60) as http:
            for name, query in QUERIES.items():
                def through_endpoint(query=query):
                    response = http.get("/sparql", params={"query": query})
                    response.raise_for_status()
                    return response.content

                def directly(query=query):
                    return direct.query(query, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.JSON)

                through_endpoint()  # warm both workers' caches
                through_endpoint()
                direct_rate = rate(directly, args.seconds)
                endpoint_rate = rate(through_endpoint, args.seconds)
                print(f"{name:<12} {direct_rate:>11.1f} {endpoint_rate:>13.1f} {endpoint_rate / direct_rate:>7.2f}")


if __name__ == "__main__":
    main()
