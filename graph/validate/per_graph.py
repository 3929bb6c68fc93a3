"""Validate each document's named graph on its own: fast (pyshacl is slow on big graphs) and local."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox
import pyshacl
import rdflib

from policykg.validate.load import split_by_graph
from policykg.validate.report import ValidationOutcome, ValidationResult, merge_reports, read_results
from policykg.validate.shapes import load_ontology, load_shapes


def validate_graph(
    data: rdflib.Graph, graph_name: str | None = None, *, with_ontology: bool = False
) -> tuple[list[ValidationResult], rdflib.Graph]:
    """Validate one graph against the shapes; returns located results and pyshacl's report graph.

    The shapes do not need the class hierarchy, so the ontology is only mixed in on request
    (`with_ontology`), into a copy: the caller's graph is never changed.
    """
    _, report, _ = pyshacl.validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology() if with_ontology else None,
        inference="none",
        allow_warnings=True,
        inplace=False,
    )
    name = graph_name if graph_name is not None else str(data.identifier)
    return read_results(report, data, name), report


def validate_graphs(graphs: Mapping[str, rdflib.Graph], *, with_ontology: bool = False) -> ValidationOutcome:
    """Validate every graph separately and gather the results into one outcome and one report."""
    results: list[ValidationResult] = []
    reports: list[rdflib.Graph] = []
    for name in sorted(graphs):
        graph_results, report = validate_graph(graphs[name], name, with_ontology=with_ontology)
        results.extend(graph_results)
        reports.append(report)
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationOutcome(results=results, graphs=len(graphs), report=merge_reports(reports, conforms))


def validate_quads(quads: Iterable[ox.Quad], *, with_ontology: bool = False) -> ValidationOutcome:
    """Validate built quads per named graph (the ontology's graph is skipped): what `policykg build` calls."""
    return validate_graphs(split_by_graph(quads), with_ontology=with_ontology)
