"""Dereferencing /id/... and /ontology: content negotiation, suffixes, and what the description holds."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import DOC1, DOC2

PATH1 = "/id/doc/999999/ceshizi-2024-1"
AGENCY = "https://w3id.org/policykg/id/agency/999999/government"
PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")


def triples_of(response, rdf_format) -> set[ox.Triple]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(rdf_format.media_type)
    return {quad.triple for quad in ox.parse(response.content, format=rdf_format)}


@pytest.mark.parametrize(
    ("accept", "suffix", "rdf_format"),
    [
        ("text/turtle", ".ttl", ox.RdfFormat.TURTLE),
        ("application/ld+json", ".jsonld", ox.RdfFormat.JSON_LD),
        ("application/n-triples", ".nt", ox.RdfFormat.N_TRIPLES),
    ],
)
def test_data_by_accept_and_by_suffix_agree(client, accept, suffix, rdf_format):
    by_accept = triples_of(client.get(PATH1, headers={"accept": accept}), rdf_format)
    by_suffix = triples_of(client.get(PATH1 + suffix, headers={"accept": "text/html"}), rdf_format)
    assert by_accept == by_suffix
    doc = ox.NamedNode(DOC1)
    assert ox.Triple(doc, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("测试市算力券管理办法", language="zh")) in by_accept
    # the labels of what it points to come along, but not the rest of their description
    assert ox.Triple(ox.NamedNode(AGENCY), PREF_LABEL, ox.Literal("测试市人民政府", language="zh")) in by_accept
    assert not any(triple.subject == ox.NamedNode(AGENCY) and triple.predicate != PREF_LABEL for triple in by_accept)
    # everything not about the document itself is a label of something the document points to
    objects = {triple.object for triple in by_accept if triple.subject == doc}
    labels = {"http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2000/01/rdf-schema#label",
              "http://purl.org/dc/terms/title", "http://xmlns.com/foaf/0.1/name", "http://purl.org/dc/terms/identifier",
              "http://data.europa.eu/eli/ontology#id_local"}
    others = [t for t in by_accept if t.subject != doc]
    assert others and all(t.subject in objects and t.predicate.value in labels for t in others)


def test_browsers_get_html(client):
    response = client.get(PATH1, headers={"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "测试市算力券管理办法" in response.text
    # links to other resources under the base stay on this server
    assert 'href="/id/agency/999999/government"' in response.text


def test_a_plain_client_gets_turtle(client):
    response = client.get("/id/doc/999999/ceshizi-2024-2", headers={"accept": "*/*"})
    triples = triples_of(response, ox.RdfFormat.TURTLE)
    assert ox.Triple(ox.NamedNode(DOC2), ox.NamedNode("http://data.europa.eu/eli/ontology#cites"), ox.NamedNode(DOC1)) in triples


def test_unknown_resources_are_404(client):
    assert client.get("/id/doc/999999/no-such-doc.ttl").status_code == 404
    assert client.get("/id/doc/999999/bad%3Eiri", headers={"accept": "text/turtle"}).status_code == 404


def test_unacceptable_is_406(client):
    assert client.get(PATH1, headers={"accept": "image/png"}).status_code == 406


def test_ontology_as_turtle_and_html(client):
    turtle = triples_of(client.get("/ontology", headers={"accept": "text/turtle"}), ox.RdfFormat.TURTLE)
    clause = ox.NamedNode("https://w3id.org/policykg/ontology#Clause")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    assert ox.Triple(clause, label, ox.Literal("clause", language="en")) in turtle
    as_jsonld = triples_of(client.get("/ontology.jsonld"), ox.RdfFormat.JSON_LD)
    assert len(as_jsonld) == len(turtle)
    def ground(triples):
        return {t for t in triples if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)}

    assert ground(as_jsonld) == ground(turtle)
    html = client.get("/ontology", headers={"accept": "text/html"})
    assert html.headers["content-type"].startswith("text/html")
    assert 'id="Clause"' in html.text
    assert "条款" in html.text
