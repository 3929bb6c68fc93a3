"""What the lexer lets through: keywords count only outside strings, IRIs and comments."""

from __future__ import annotations

import pytest

from policykg.server.errors import QueryRefused
from policykg.server.sparql.safety import check_query, check_update, shape_of


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?service WHERE { ?s ex:service "SERVICE" . <http://x/SERVICE> a ?o } # SERVICE <http://evil>',
        "SELECT * WHERE { ?s ?p '''a \"SERVICE\" b''' }",
        "PREFIX service: <http://e/> SELECT * WHERE { ?s service:p ?o }",
    ],
)
def test_service_inside_names_strings_and_comments_is_not_a_keyword(query):
    assert not check_query(query).has_service


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://x> { ?s ?p ?o } }",
        "select * where { Service Silent <http://x> { ?s ?p ?o } }",
        r"SELECT * WHERE { \u0053ERVICE <http://x> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o .SERVICE ?e { ?s ?p ?o } }",
    ],
)
def test_service_keyword_is_refused(query):
    with pytest.raises(QueryRefused, match="SERVICE is disabled"):
        check_query(query)


def test_updates_are_told_apart_from_queries():
    assert shape_of("PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b 'select' }").is_update
    assert shape_of("# SELECT\nDELETE WHERE { ?s ?p ?o }").is_update
    assert not shape_of("PREFIX insert: <http://e/> SELECT * WHERE { ?s insert:p ?o }").is_update
    with pytest.raises(QueryRefused, match="Update"):
        check_query("CLEAR ALL")


def test_load_is_refused_but_a_graph_called_load_is_not():
    with pytest.raises(QueryRefused, match="LOAD is disabled"):
        check_update("load <http://x/data.ttl>")
    assert not check_update("INSERT DATA { GRAPH <http://x/LOAD> { <a:b> <a:c> 'LOAD' } }").has_load


def test_from_is_noticed():
    assert shape_of("SELECT * FROM <http://g> WHERE { ?s ?p ?o }").has_from
    assert not shape_of("SELECT ?from WHERE { ?from ?p ?o }").has_from
