"""SPARQL 1.1 Protocol behaviour of /sparql over a real store and the real server."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from conftest import DOC1, DOC2, GRAPH1, GRAPH2

TITLES = "SELECT ?doc ?title WHERE { ?doc <http://purl.org/dc/terms/title> ?title } ORDER BY ?doc"
FIXTURE_TITLES = (
    "SELECT ?doc ?title WHERE { ?doc <http://purl.org/dc/terms/title> ?title "
    "FILTER(STRSTARTS(STR(?doc), 'https://w3id.org/policykg/id/doc/999999/')) } ORDER BY ?doc"
)


def bindings(response) -> list[dict]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    return response.json()["results"]["bindings"]


def docs_in(response) -> set[str]:
    return {row["doc"]["value"] for row in bindings(response)}


def test_get_post_form_and_post_body_give_the_same_answer(client):
    by_get = bindings(client.get("/sparql", params={"query": FIXTURE_TITLES}))
    by_form = bindings(client.post("/sparql", data={"query": FIXTURE_TITLES}))
    by_body = bindings(
        client.post("/sparql", content=FIXTURE_TITLES.encode(), headers={"content-type": "application/sparql-query"})
    )
    assert by_get == by_form == by_body
    assert [row["doc"]["value"] for row in by_get] == [DOC1, DOC2]
    assert by_get[0]["title"] == {"type": "literal", "value": "测试市算力券管理办法", "xml:lang": "zh"}


def test_default_graph_is_the_union_of_named_graphs(client):
    assert {DOC1, DOC2} <= docs_in(client.get("/sparql", params={"query": TITLES}))


def test_default_graph_uri_restricts_the_default_graph(client):
    response = client.get("/sparql", params={"query": TITLES, "default-graph-uri": GRAPH1})
    assert docs_in(response) == {DOC1}


def test_named_graph_uri_restricts_graph_patterns(client):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = bindings(client.post("/sparql", data={"query": query, "named-graph-uri": GRAPH2}))
    assert [row["g"]["value"] for row in rows] == [GRAPH2]


def test_from_selects_a_graph_of_the_store(client):
    query = f"SELECT ?doc FROM <{GRAPH2}> WHERE {{ ?doc <http://purl.org/dc/terms/title> ?t }}"
    assert docs_in(client.get("/sparql", params={"query": query})) == {DOC2}


@pytest.mark.parametrize(
    ("how", "value", "media_type"),
    [
        ("format", "json", "application/sparql-results+json"),
        ("format", "xml", "application/sparql-results+xml"),
        ("format", "csv", "text/csv"),
        ("format", "tsv", "text/tab-separated-values"),
        ("accept", "application/sparql-results+xml", "application/sparql-results+xml"),
        ("accept", "text/csv", "text/csv"),
        ("accept", "text/tab-separated-values;q=0.9, image/png;q=0.1", "text/tab-separated-values"),
    ],
)
def test_select_result_formats(client, how, value, media_type):
    params = {"query": FIXTURE_TITLES}
    headers = {}
    if how == "format":
        params["format"] = value
    else:
        headers["accept"] = value
    response = client.get("/sparql", params=params, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    assert "测试市算力券管理办法" in response.text
    if media_type in ("application/sparql-results+json", "application/sparql-results+xml", "text/tab-separated-values"):
        fmt = ox.QueryResultsFormat.from_media_type(media_type)
        rows = list(ox.parse_query_results(response.content, fmt))
        assert [row["doc"].value for row in rows] == [DOC1, DOC2]


def test_ask(client):
    yes = client.get("/sparql", params={"query": f"ASK {{ <{DOC2}> ?p <{DOC1}> }}"})
    no = client.get("/sparql", params={"query": f"ASK {{ <{DOC1}> ?p <{DOC2}> }}"})
    assert yes.json() == {"head": {}, "boolean": True}
    assert no.json()["boolean"] is False


@pytest.mark.parametrize(
    ("how", "value", "rdf_format"),
    [
        ("accept", "text/turtle", ox.RdfFormat.TURTLE),
        ("accept", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("accept", "application/ld+json", ox.RdfFormat.JSON_LD),
        ("accept", "application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("format", "ttl", ox.RdfFormat.TURTLE),
        ("format", "nt", ox.RdfFormat.N_TRIPLES),
        ("format", "jsonld", ox.RdfFormat.JSON_LD),
        ("format", "rdfxml", ox.RdfFormat.RDF_XML),
    ],
)
def test_construct_and_describe_formats(client, how, value, rdf_format):
    for query in (f"CONSTRUCT {{ <{DOC2}> ?p ?o }} WHERE {{ <{DOC2}> ?p ?o }}", f"DESCRIBE <{DOC2}>"):
        params, headers = {"query": query}, {}
        if how == "format":
            params["format"] = value
        else:
            headers["accept"] = value
        response = client.get("/sparql", params=params, headers=headers)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith(rdf_format.media_type)
        triples = {quad.triple for quad in ox.parse(response.content, format=rdf_format)}
        cites = ox.Triple(ox.NamedNode(DOC2), ox.NamedNode("http://data.europa.eu/eli/ontology#cites"), ox.NamedNode(DOC1))
        assert cites in triples


def test_malformed_query_is_400_with_the_parser_message(client):
    response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p }"})
    assert response.status_code == 400
    message = response.json()["message"]
    assert message.startswith("error at 1:")


def test_get_without_query_describes_the_service(client, server):
    response = client.get("/sparql", headers={"accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    triples = {quad.triple for quad in ox.parse(response.content, format=ox.RdfFormat.TURTLE)}
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoint = ox.NamedNode(f"{server.url}/sparql")
    assert ox.Triple(endpoint, ox.NamedNode(f"{sd}endpoint"), endpoint) in triples
    assert ox.Triple(endpoint, ox.NamedNode(f"{sd}feature"), ox.NamedNode(f"{sd}UnionDefaultGraph")) in triples
    # the read-only server does not claim SPARQL Update
    assert ox.Triple(endpoint, ox.NamedNode(f"{sd}supportedLanguage"), ox.NamedNode(f"{sd}SPARQL11Update")) not in triples


def test_updates_are_refused_on_the_query_endpoint(client):
    insert = f"INSERT DATA {{ <{DOC1}> <http://example.org/p> 'x' }}"
    as_query = client.post("/sparql", data={"query": insert})
    assert as_query.status_code == 400
    assert "Update" in as_query.json()["message"]
    as_update = client.post("/sparql", data={"update": insert})
    assert as_update.status_code == 403
    assert "writes are disabled" in as_update.json()["message"]
    update_by_get = client.get("/sparql", params={"update": insert})
    assert update_by_get.status_code == 400
    after = client.get("/sparql", params={"query": f"ASK {{ <{DOC1}> <http://example.org/p> ?o }}"})
    assert after.json()["boolean"] is False


def test_results_beyond_the_row_cap_are_cut_and_marked(client, server):
    cap = server.settings.max_rows
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    body = response.json()
    assert response.headers["x-policykg-truncated"] == "true"
    assert body["truncated"] is True
    assert len(body["results"]["bindings"]) == cap
    csv = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", "format": "csv"})
    assert csv.headers["x-policykg-truncated"] == "true"
    assert len(csv.text.strip().splitlines()) == cap + 1  # header + rows
    graph = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"})
    assert graph.headers["x-policykg-truncated"] == "true"
    assert len(list(ox.parse(graph.content, format=ox.RdfFormat.N_TRIPLES))) == cap
    small = client.get("/sparql", params={"query": FIXTURE_TITLES})
    assert "x-policykg-truncated" not in small.headers
    assert "truncated" not in small.json()


def test_nothing_acceptable_is_406(client):
    response = client.get("/sparql", params={"query": FIXTURE_TITLES}, headers={"accept": "image/png"})
    assert response.status_code == 406
    unknown = client.get("/sparql", params={"query": FIXTURE_TITLES, "format": "yaml"})
    assert unknown.status_code == 406


def test_literal_with_tab_and_newline_survives_every_format(client):
    query = f"SELECT ?text WHERE {{ <{DOC1}/clause/1> <https://w3id.org/policykg/ontology#text> ?text }}"
    expected = "对购买算力服务的企业给予最高100万元补贴。\t（责任单位：市科技局）"
    for fmt in ("json", "xml", "tsv"):
        response = client.get("/sparql", params={"query": query, "format": fmt})
        media = ox.QueryResultsFormat.from_extension(fmt)
        rows = list(ox.parse_query_results(response.content, media))
        assert rows[0]["text"].value == expected, fmt
    assert json.loads(client.get("/sparql", params={"query": query}).text)["results"]["bindings"][0]["text"]["value"] == expected
