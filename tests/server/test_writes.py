"""Curator writes: SPARQL Update and the Graph Store Protocol, behind the bearer token, seen by later queries."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import DOC1, GRAPH2, TOKEN, running_server
from policykg.server.settings import Settings

AUTH = {"authorization": f"Bearer {TOKEN}"}
NEW_GRAPH = "https://w3id.org/policykg/id/graph/999999/curated"


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    from conftest import build_store

    store = build_store(tmp_path_factory.mktemp("writable"))
    with running_server(Settings(store_dir=store, write_token=TOKEN), with_pages=False) as running:
        with running.client() as http:
            yield http


def ask(http, pattern: str) -> bool:
    response = http.get("/sparql", params={"query": f"ASK {{ {pattern} }}"})
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


def test_writes_without_or_with_a_wrong_token_are_refused(writable):
    update = f"INSERT DATA {{ GRAPH <{NEW_GRAPH}> {{ <{DOC1}> <http://example.org/p> 'refused' }} }}"
    missing = writable.post("/sparql/update", data={"update": update})
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = writable.post("/sparql/update", data={"update": update}, headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 403
    put = writable.put("/rdf-graphs/service", params={"graph": NEW_GRAPH}, content=b"", headers={"content-type": "text/turtle"})
    assert put.status_code == 401
    assert not ask(writable, "?s <http://example.org/p> 'refused'")


def test_an_update_with_the_token_is_visible_to_the_next_query(writable):
    update = f"INSERT DATA {{ GRAPH <{NEW_GRAPH}> {{ <{DOC1}> <http://example.org/p> 'by update' }} }}"
    response = writable.post(
        "/sparql/update", content=update.encode(), headers={**AUTH, "content-type": "application/sparql-update"}
    )
    assert response.status_code == 204, response.text
    assert ask(writable, f"<{DOC1}> <http://example.org/p> 'by update'")
    # update= on /sparql works too, with the token
    delete = f"DELETE DATA {{ GRAPH <{NEW_GRAPH}> {{ <{DOC1}> <http://example.org/p> 'by update' }} }}"
    assert writable.post("/sparql", data={"update": delete}, headers=AUTH).status_code == 204
    assert not ask(writable, f"<{DOC1}> <http://example.org/p> 'by update'")


def test_a_malformed_update_is_400(writable):
    response = writable.post("/sparql/update", data={"update": "INSERT DATA { <a> }"}, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["message"].startswith("error at")


def test_graph_store_put_get_post_delete(writable):
    target = {"graph": NEW_GRAPH + "/gsp"}
    turtle = f"<{DOC1}> <http://example.org/note> '第一'@zh .".encode()
    created = writable.put("/rdf-graphs/service", params=target, content=turtle, headers={**AUTH, "content-type": "text/turtle"})
    assert created.status_code == 201, created.text
    got = writable.get("/rdf-graphs/service", params=target, headers={"accept": "application/n-triples"})
    assert got.status_code == 200
    triples = [quad.triple for quad in ox.parse(got.content, format=ox.RdfFormat.N_TRIPLES)]
    assert [triple.object for triple in triples] == [ox.Literal("第一", language="zh")]

    more = f'<{DOC1}> <http://example.org/note> "second" .'.encode()
    added = writable.post("/rdf-graphs/service", params=target, content=more, headers={**AUTH, "content-type": "application/n-triples"})
    assert added.status_code == 204
    assert ask(writable, f"GRAPH <{target['graph']}> {{ <{DOC1}> <http://example.org/note> 'second', '第一'@zh }}")

    replaced = writable.put("/rdf-graphs/service", params=target, content=more, headers={**AUTH, "content-type": "text/turtle"})
    assert replaced.status_code == 204
    assert not ask(writable, f"GRAPH <{target['graph']}> {{ ?s ?p '第一'@zh }}")

    deleted = writable.delete("/rdf-graphs/service", params=target, headers=AUTH)
    assert deleted.status_code == 204
    assert writable.get("/rdf-graphs/service", params=target).status_code == 404
    assert writable.delete("/rdf-graphs/service", params=target, headers=AUTH).status_code == 404


def test_graph_store_reads_an_existing_document_graph(writable):
    response = writable.get("/rdf-graphs/service", params={"graph": GRAPH2}, headers={"accept": "text/turtle"})
    assert response.status_code == 200
    assert "测试市人工智能产业若干政策" in response.text
    assert writable.get("/rdf-graphs/service").status_code == 400


def test_writes_are_off_without_a_configured_token(client):
    response = client.delete("/rdf-graphs/service", params={"graph": GRAPH2}, headers=AUTH)
    assert response.status_code == 403
    assert "writes are disabled" in response.json()["message"]
    assert client.get("/rdf-graphs/service", params={"graph": GRAPH2}).status_code == 200
