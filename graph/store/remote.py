"""Any SPARQL 1.1 server as the store (Oxigraph server, Fuseki, QLever, GraphDB, Virtuoso): the graph goes in
one named graph at a time through the Graph Store Protocol, queries go out through the SPARQL protocol."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import httpx
import pyoxigraph as ox

from policykg.errors import QueryError, StoreError


@dataclass(frozen=True)
class RemoteEndpoint:
    """The three addresses of a SPARQL 1.1 server. Defaults fit `oxigraph serve` (/query, /update, /store);
    Fuseki's are {dataset}/query, {dataset}/update and {dataset}/data."""

    query_url: str
    update_url: str
    store_url: str
    timeout: float = 60.0

    @classmethod
    def at(cls, base: str, query: str | None = None, update: str | None = None, store: str | None = None) -> "RemoteEndpoint":
        """The endpoint of a server at `base`, with any address that differs from Oxigraph's given explicitly."""
        base = base.rstrip("/")
        return cls(query or base + "/query", update or base + "/update", store or base + "/store")

    def _client(self) -> httpx.Client:
        return httpx.Client(timeout=self.timeout)

    def replace_contents(self, quads: Iterable[ox.Quad]) -> int:
        """Drop everything on the server and put each named graph in with one PUT; returns the graphs sent."""
        by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
        for quad in quads:
            if isinstance(quad.graph_name, ox.NamedNode):
                by_graph[quad.graph_name.value].append(quad.triple)
        with self._client() as client:
            self._send(client, "POST", self.update_url, content="DROP ALL".encode(),
                       headers={"content-type": "application/sparql-update"})
            for graph, triples in sorted(by_graph.items()):
                body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
                self._send(client, "PUT", self.store_url, params={"graph": graph}, content=body,
                           headers={"content-type": "application/n-triples"})
        return len(by_graph)

    def query(self, sparql: str, accept: str = "text/csv") -> bytes:
        """Run a query on the server and return its answer as the server serialised it."""
        with self._client() as client:
            response = client.post(self.query_url, content=sparql.encode("utf-8"),
                                   headers={"content-type": "application/sparql-query", "accept": accept})
        if response.status_code == 400:
            raise QueryError(f"{self.query_url} rejected the query: {response.text.strip()[:500]}")
        if response.status_code >= 300:
            raise StoreError(f"{self.query_url} answered {response.status_code}: {response.text.strip()[:500]}")
        return response.content

    def _send(self, client: httpx.Client, method: str, url: str, **kwargs) -> None:
        try:
            response = client.request(method, url, **kwargs)
        except httpx.HTTPError as error:
            raise StoreError(f"cannot reach {url}: {error}") from error
        if response.status_code >= 300:
            raise StoreError(f"{method} {url} answered {response.status_code}: {response.text.strip()[:500]}")
