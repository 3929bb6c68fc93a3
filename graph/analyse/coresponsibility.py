"""Which agencies work together: agencies as nodes, an edge for every clause they share, weighted by count.

SPARQL finds the pairs (in Oxigraph); networkx answers what SPARQL cannot say well: who is central, which
agencies form clusters of joint work.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from policykg.vocabulary import SPARQL_PREFIXES

PAIRS = SPARQL_PREFIXES + """
SELECT ?a ?b (COUNT(DISTINCT ?clause) AS ?shared) WHERE {
  ?clause pol:responsibleUnit ?a, ?b .
  FILTER(STR(?a) < STR(?b))
} GROUP BY ?a ?b
"""
LABELS = SPARQL_PREFIXES + """
SELECT DISTINCT ?a ?label WHERE { ?a a pol:Agency ; skos:prefLabel ?label
  FILTER(lang(?label) = "zh") }
"""


@dataclass(frozen=True)
class AgencyStanding:
    """One agency's place in the network of joint responsibility."""

    iri: str
    label: str
    partners: int  # agencies it shares at least one clause with
    shared_clauses: int  # sum of edge weights
    centrality: float  # betweenness: how often it sits between two other agencies
    cluster: int  # community number (greedy modularity), 0 for the largest


def coresponsibility_graph(store: ox.Store) -> nx.Graph:
    """The weighted co-responsibility graph of every agency in the store."""
    graph = nx.Graph()
    for row in store.query(LABELS, use_default_graph_as_union=True):
        graph.add_node(row["a"].value, label=row["label"].value)
    for row in store.query(PAIRS, use_default_graph_as_union=True):
        graph.add_edge(row["a"].value, row["b"].value, weight=int(row["shared"].value))
    return graph


def standings(graph: nx.Graph) -> list[AgencyStanding]:
    """Every agency with partners, most connected first."""
    connected = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    if connected.number_of_nodes() == 0:
        return []
    centrality = nx.betweenness_centrality(connected, weight=None)
    communities = sorted(nx.community.greedy_modularity_communities(connected, weight="weight"), key=len, reverse=True)
    cluster_of = {node: i for i, members in enumerate(communities) for node in members}
    result = [
        AgencyStanding(
            iri=node,
            label=graph.nodes[node].get("label", node),
            partners=connected.degree(node),
            shared_clauses=int(connected.degree(node, weight="weight")),
            centrality=round(centrality[node], 6),
            cluster=cluster_of[node],
        )
        for node in connected
    ]
    return sorted(result, key=lambda s: (-s.shared_clauses, -s.partners, s.iri))
