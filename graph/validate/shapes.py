"""The shapes and the ontology as rdflib graphs, read once from the installed package data."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import rdflib

SHAPES_PACKAGE = "policykg.shapes"
ONTOLOGY_PACKAGE = "policykg.ontology"
ONTOLOGY_IRI = "https://w3id.org/policykg/ontology"
SHAPES_NS = rdflib.Namespace("https://w3id.org/policykg/shapes#")


def _parse_package_turtle(package: str) -> rdflib.Graph:
    """Every .ttl file shipped in a package, parsed into one graph."""
    graph = rdflib.Graph()
    for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".ttl"):
            graph.parse(data=entry.read_text("utf-8"), format="turtle")
    return graph


@lru_cache(maxsize=1)
def load_shapes() -> rdflib.Graph:
    """All SHACL shapes in shapes/*.ttl; cached, so treat the graph as read-only."""
    return _parse_package_turtle(SHAPES_PACKAGE)


@lru_cache(maxsize=1)
def load_ontology() -> rdflib.Graph:
    """The ontology in ontology/*.ttl; cached, so treat the graph as read-only."""
    return _parse_package_turtle(ONTOLOGY_PACKAGE)
