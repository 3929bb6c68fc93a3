"""The SHACL shapes: they pass SHACL-for-SHACL, accept a correct graph, and each catches the break it is for."""

from __future__ import annotations

import functools
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from rdflib.namespace import RDF, SH

from policykg.validate import validate_graph, validate_quads
from policykg.validate.load import split_by_graph
from policykg.validate.shapes import SHAPES_NS, load_shapes

HERE = Path(__file__).parent
FIXTURE = HERE / "shapes" / "valid" / "jinan-2020-39.trig"

_spec = importlib.util.spec_from_file_location("shape_cases", HERE / "shapes" / "cases.py")
cases = importlib.util.module_from_spec(_spec)
sys.modules["shape_cases"] = cases  # dataclasses look their module up here
_spec.loader.exec_module(cases)


CORPUS = Path(__file__).parents[1] / "examples" / "documents"


@functools.lru_cache(maxsize=1)
def built_quads() -> tuple[ox.Quad, ...]:
    """The bundled corpus, built once by the real builder."""
    from policykg.build import build_corpus

    return tuple(build_corpus(sorted(str(p) for p in CORPUS.glob("*.txt"))).quads)


def built_graphs() -> dict[str, rdflib.Graph]:
    """A fresh copy of each built document graph (tests edit them), in graph-name order."""
    return dict(sorted(split_by_graph(built_quads()).items()))


def fixture_graph() -> rdflib.Graph:
    """The hand-written document graph (a fresh copy each time: tests edit it)."""
    graphs = split_by_graph(ox.parse(path=str(FIXTURE)))
    assert len(graphs) == 1
    return next(iter(graphs.values()))


def result_keys(graph: rdflib.Graph) -> set[tuple]:
    """Every result of validating the graph, as comparable tuples."""
    results, _ = validate_graph(graph)
    return {(r.shape, r.path, r.severity, r.focus, r.value, r.component, r.message_en) for r in results}


def local(shape_iri: str) -> str:
    return shape_iri[len(str(SHAPES_NS)):] if shape_iri.startswith(str(SHAPES_NS)) else shape_iri


def test_shapes_pass_shacl_for_shacl():
    conforms, _, text = pyshacl.validate(rdflib.Graph(), shacl_graph=load_shapes(), meta_shacl=True)
    assert conforms, text


def test_every_constraint_has_a_message_in_chinese_and_english():
    shapes = load_shapes()
    constrained = set(shapes.subjects(RDF.type, SH.PropertyShape)) | set(shapes.subjects(SH.targetClass, None)) \
        | set(shapes.subjects(SH.targetSubjectsOf, None)) | set(shapes.objects(None, SH.sparql))
    missing = []
    for node in constrained:
        if (node, SH.sparql, None) in shapes or (node, SH.property, None) in shapes and (node, SH["or"], None) not in shapes:
            continue  # messages live on its property shapes or SPARQL constraint
        languages = {m.language for m in shapes.objects(node, SH.message)}
        if not {"zh", "en"} <= languages:
            missing.append(str(node))
    assert not missing, f"shapes without a zh and an en message: {sorted(missing)}"


def test_correct_graph_gives_no_results():
    results, _ = validate_graph(fixture_graph())
    assert results == [], [r.line() for r in results]


# Classes the bundled corpus does not contain: their cases run on the hand-written graph.
NOT_IN_CORPUS = {"UnplacedText"}


def graph_for(case) -> tuple[str, rdflib.Graph]:
    """The first built document graph the case's update changes (else the hand-written graph), updated."""
    candidates = list(built_graphs().items()) if case.id.split("-")[0] not in NOT_IN_CORPUS else []
    for name, graph in candidates + [("fixture", fixture_graph())]:
        before = set(graph)
        graph.update(case.update)
        if set(graph) != before:
            return name, graph
    raise AssertionError(f"the update changes no graph: {case.description}")


@pytest.mark.parametrize("case", cases.CASES, ids=[c.id for c in cases.CASES])
def test_each_break_is_caught_by_its_shape_alone(case):
    name, broken = graph_for(case)
    assert (name == "fixture") == (case.id.split("-")[0] in NOT_IN_CORPUS), name
    pristine = built_graphs()[name] if name != "fixture" else fixture_graph()
    new = result_keys(broken) - result_keys(pristine)
    assert new, f"no result for: {case.description}"
    shown = sorted(map(str, new))
    assert {local(k[0]) for k in new} == set(case.shapes), shown
    assert {k[2] for k in new if local(k[0]) == case.id} == {case.severity}, shown


def test_bundled_corpus_conforms():
    outcome = validate_quads(built_quads())
    assert outcome.graphs == len(list(CORPUS.glob("*.txt")))
    assert outcome.conforms, outcome.text()


def test_every_shape_with_a_target_or_property_has_a_case():
    shapes = load_shapes()
    named = {local(str(s)) for s in shapes.subjects(RDF.type, SH.PropertyShape)}
    named |= {local(str(s)) for s in shapes.subjects(SH.sparql, None)}
    named |= {local(str(s)) for s in shapes.subjects(SH["or"], None) if (s, SH.targetClass, None) in shapes}
    covered = set().union(*(c.shapes for c in cases.CASES))
    assert named - covered == set(), f"shapes no case breaks: {sorted(named - covered)}"


def test_readable_report_names_document_clause_and_offsets():
    graph = fixture_graph()
    graph.update(cases.PREFIXES + """
        DELETE { ?i pol:rate ?r } WHERE { ?i a pol:Incentive ; pol:rate ?r }""")
    outcome = validate_quads(_as_quads(graph))
    assert not outcome.conforms and len(outcome.violations) == 1
    text = outcome.text()
    assert "polsh:IncentiveHasFigureShape" in text
    assert "济政字〔2020〕39号" in text and "clause 一/2" in text and "(chars 900-908)" in text
    assert "激励缺少金额或比例 / incentive has neither amount nor rate" in text


def test_per_document_check_is_reported_at_the_clause():
    graph = fixture_graph()
    graph.update(cases.PREFIXES + '''
        DELETE { ?c pol:path "一/2" } INSERT { ?c pol:path "二/2" } WHERE { ?c pol:path "一/2" }''')
    outcome = validate_quads(_as_quads(graph))
    assert [r.location.clause_path for r in outcome.violations] == ["二/2"]
    assert "clause 二/2 (chars 812-1530)" in outcome.text()


def test_warnings_alone_conform():
    graph = fixture_graph()
    graph.update(cases.PREFIXES + """
        DELETE { ?d eli:date_document ?x } WHERE { ?d prov:wasDerivedFrom ?s ; eli:date_document ?x }""")
    outcome = validate_quads(_as_quads(graph))
    assert outcome.conforms and len(outcome.warnings) == 1 and not outcome.violations


def _as_quads(graph: rdflib.Graph) -> list[ox.Quad]:
    """The graph's triples as quads in a named graph, the way the builder hands them over."""
    name = ox.NamedNode(str(graph.identifier))
    data = graph.serialize(format="nt")
    return [ox.Quad(t.subject, t.predicate, t.object, name) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


# --- the command line ---------------------------------------------------------------------------------


def run_validate(argv: list[str]) -> subprocess.CompletedProcess:
    """Run the real `policykg validate` command in a child process."""
    return subprocess.run([sys.executable, "-m", "policykg.cli", "validate", *argv],
                          capture_output=True, text=True, timeout=300)


def test_cli_exit_codes_and_report(tmp_path):
    ok = run_validate([str(FIXTURE)])
    assert ok.returncode == 0 and "Conforms: 0 violation(s)" in ok.stdout

    broken = tmp_path / "broken.nq"
    graph = fixture_graph()
    graph.update(cases.PREFIXES + 'DELETE { ?c pol:path ?p } INSERT { ?c pol:path "一/2x" } WHERE { ?c pol:path "一/2" ; pol:path ?p }')
    broken.write_bytes(ox.serialize(_as_quads(graph), format=ox.RdfFormat.N_QUADS))
    report = tmp_path / "report.ttl"
    failed = run_validate([str(broken), "--report", str(report)])
    assert failed.returncode == 1, failed.stderr
    assert "polsh:Clause-path" in failed.stdout and "clause 一/2x" in failed.stdout

    parsed = rdflib.Graph().parse(report, format="turtle")
    roots = list(parsed.subjects(RDF.type, SH.ValidationReport))
    assert len(roots) == 1 and parsed.value(roots[0], SH.conforms) == rdflib.Literal(False)
    assert len(list(parsed.objects(roots[0], SH.result))) == 1

    as_json = run_validate([str(broken), "--format", "json"])
    assert as_json.returncode == 1 and json.loads(as_json.stdout)["violations"] == 1

    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", "utf-8")
    for argv in ([str(bad)], [str(tmp_path / "missing.nq")], ["--store", str(tmp_path / "no-store")]):
        error = run_validate(argv)
        assert error.returncode == 2 and "Traceback" not in error.stderr and error.stderr.startswith("policykg validate:")


def test_cli_validates_a_built_store(tmp_path):
    from policykg.build import build_into_store

    store_dir = tmp_path / "store"
    build_into_store(sorted(str(p) for p in CORPUS.glob("*.txt")), store_dir)
    done = run_validate(["--store", str(store_dir)])
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"in {len(list(CORPUS.glob('*.txt')))} graph(s)" in done.stdout
