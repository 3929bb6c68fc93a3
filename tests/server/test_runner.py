"""The QueryRunner the pages build on, called directly (no HTTP): terms out, typed errors, caps."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import DOC1, DOC2
from policykg.server.errors import QueryRefused, QuerySyntaxError, QueryTimeout
from policykg.server.query_runner import QueryRunner


@pytest.fixture(scope="module")
def runner(built_store):
    running = QueryRunner(built_store, timeout=1.5, max_rows=5, workers=1)
    running.start()
    yield running
    running.close()


def test_select_gives_terms_and_unbound_as_none(runner):
    result = runner.select(
        f"SELECT ?title ?missing WHERE {{ <{DOC1}> <http://purl.org/dc/terms/title> ?title "
        "OPTIONAL { ?title <http://example.org/none> ?missing } }"
    )
    assert result.variables == ["title", "missing"]
    assert result.rows == [{"title": ox.Literal("测试市算力券管理办法", language="zh"), "missing": None}]
    assert result.truncated is False


def test_select_is_capped(runner):
    result = runner.select("SELECT * WHERE { ?s ?p ?o }")
    assert len(result.rows) == 5
    assert result.truncated is True


def test_construct_and_ask(runner):
    cites = "<http://data.europa.eu/eli/ontology#cites>"
    triples = runner.construct(f"CONSTRUCT {{ <{DOC2}> {cites} ?o }} WHERE {{ <{DOC2}> {cites} ?o }}")
    assert ox.Triple(ox.NamedNode(DOC2), ox.NamedNode("http://data.europa.eu/eli/ontology#cites"), ox.NamedNode(DOC1)) in triples
    assert runner.ask(f"ASK {{ <{DOC2}> ?p <{DOC1}> }}") is True


def test_typed_errors(runner):
    with pytest.raises(QuerySyntaxError, match="error at"):
        runner.select("SELECT ?s WHERE {")
    with pytest.raises(QueryRefused):
        runner.select("ASK { ?s ?p ?o }")
    with pytest.raises(QueryRefused, match="SERVICE"):
        runner.ask("ASK { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")


def test_a_timeout_kills_the_worker_and_a_new_one_answers(runner):
    with pytest.raises(QueryTimeout):
        runner.select("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }")
    assert runner.ask(f"ASK {{ <{DOC1}> ?p ?o }}") is True
