"""Validate each document's named graph on its own: fast (pyshacl is slow on big graphs) and local."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor

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


# Below this many graphs, starting worker processes costs more than it saves.
PARALLEL_FROM = 8


def _validate_one(job: tuple[rdflib.Graph, str, bool]) -> tuple[list[ValidationResult], rdflib.Graph]:
    data, name, with_ontology = job
    return validate_graph(data, name, with_ontology=with_ontology)


def _worker_count(graphs: int) -> int:
    if graphs < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def validate_graphs(
    graphs: Mapping[str, rdflib.Graph], *, with_ontology: bool = False, workers: int | None = None
) -> ValidationOutcome:
    """Validate every graph separately and gather the results into one outcome and one report.

    Graphs are independent, so from PARALLEL_FROM graphs on they are validated in one process per core
    (forked, so the parsed shapes are shared); `workers` overrides the count."""
    names = sorted(graphs)
    jobs = [(graphs[name], name, with_ontology) for name in names]
    workers = _worker_count(len(names)) if workers is None else workers
    if workers > 1:
        load_shapes(), with_ontology and load_ontology()  # parse once, before forking
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            outcomes = list(pool.map(_validate_one, jobs, chunksize=max(1, len(jobs) // (4 * workers))))
    else:
        outcomes = [_validate_one(job) for job in jobs]
    results: list[ValidationResult] = [r for graph_results, _ in outcomes for r in graph_results]
    reports: list[rdflib.Graph] = [report for _, report in outcomes]
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationOutcome(results=results, graphs=len(graphs), report=merge_reports(reports, conforms))


def validate_quads(quads: Iterable[ox.Quad], *, with_ontology: bool = False) -> ValidationOutcome:
    """Validate built quads per named graph (the ontology's graph is skipped): what `policykg build` calls."""
    return validate_graphs(split_by_graph(quads), with_ontology=with_ontology)
