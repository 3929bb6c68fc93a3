"""Read quads from a file, a store or an iterable and split them into one rdflib graph per named graph."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import XSD

from policykg.errors import InputError, StoreError
from policykg.validate.shapes import ONTOLOGY_IRI

# The graph name under which triples of the default graph (a Turtle file, say) are validated.
DEFAULT_GRAPH = "urn:policykg:default-graph"
_XSD_STRING = str(XSD.string)
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
    """The rdflib twin of a pyoxigraph term (plain strings stay plain, as rdflib's parsers make them)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))
    raise TypeError(f"cannot validate an RDF term of type {type(term).__name__}")


def graph_key(graph_name: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> str:
    """A stable string naming the graph a quad is in."""
    if isinstance(graph_name, ox.DefaultGraph):
        return DEFAULT_GRAPH
    return graph_name.value


def split_by_graph(quads: Iterable[ox.Quad], skip: Iterable[str] = (ONTOLOGY_IRI,)) -> dict[str, rdflib.Graph]:
    """One rdflib graph per named graph (the default graph counts as one), leaving out `skip`."""
    skipped = set(skip)
    graphs: dict[str, rdflib.Graph] = {}
    for quad in quads:
        key = graph_key(quad.graph_name)
        if key in skipped:
            continue
        graph = graphs.get(key)
        if graph is None:
            graph = graphs[key] = rdflib.Graph(identifier=rdflib.URIRef(key))
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graphs


def read_file_quads(path: str | Path) -> list[ox.Quad]:
    """All quads in an RDF file, the format known by its extension (.nq, .trig, .ttl, .nt …)."""
    file = Path(path)
    if not file.is_file():
        raise InputError(str(file), "no such file")
    try:
        rdf_format = ox.RdfFormat.from_extension(file.suffix.lstrip("."))
    except ValueError:
        rdf_format = None
    if rdf_format is None:
        raise InputError(str(file), f"unknown RDF file extension {file.suffix!r} (use .nq, .trig, .ttl or .nt)")
    try:
        return list(ox.parse(path=str(file), format=rdf_format))
    except SyntaxError as error:
        raise InputError(str(file), f"not valid {rdf_format.name}: {error}") from error
    except (OSError, ValueError) as error:
        raise InputError(str(file), str(error)) from error


def read_store_quads(directory: str | Path) -> list[ox.Quad]:
    """All quads of an on-disk store, opened read-only so that a running server is not disturbed."""
    folder = Path(directory)
    if not folder.is_dir():
        raise StoreError(f"no store at {folder}")
    try:
        store = ox.Store.read_only(str(folder))
        return list(store.quads_for_pattern(None, None, None, None))
    except (OSError, ValueError) as error:
        raise StoreError(f"cannot read the store at {folder}: {error}") from error
