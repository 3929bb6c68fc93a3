"""Validating document graphs in worker processes gives exactly what one process gives."""

from __future__ import annotations

import rdflib

from policykg.validate.load import split_by_graph
from policykg.validate.per_graph import validate_graphs


def test_parallel_validation_equals_serial(corpus_build):
    graphs = split_by_graph(corpus_build.quads)
    # one broken graph, so that there are violations to compare, not only warnings
    name = sorted(graphs)[0]
    broken = rdflib.Graph()
    for triple in graphs[name]:
        if str(triple[1]) != "https://w3id.org/policykg/ontology#path":
            broken.add(triple)
    graphs = {**graphs, name: broken}
    serial = validate_graphs(graphs, workers=1)
    parallel = validate_graphs(graphs, workers=2)
    assert serial.violations and parallel.results == serial.results
    assert parallel.conforms is False and parallel.graphs == serial.graphs == len(graphs)
    assert len(parallel.report) == len(serial.report)
