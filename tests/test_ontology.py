"""The ontology: it parses, documents every pol: term in zh and en, and declares every term the graph uses."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH

from policykg.validate.shapes import load_ontology, load_shapes

POL = "https://w3id.org/policykg/ontology#"
ONTOLOGY_FILE = Path(__file__).parents[1] / "ontology" / "policykg.ttl"
FIXTURE = Path(__file__).parent / "shapes" / "valid" / "jinan-2020-39.trig"
DOCS = Path(__file__).parents[1] / "docs"
# Vocabularies whose classes shapes may target without declaring them here.
KNOWN_EXTERNAL = (
    "http://www.w3.org/ns/org#",
    "http://xmlns.com/foaf/0.1/",
    "http://www.w3.org/ns/prov#",
    "http://data.europa.eu/eli/ontology#",
)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load_ontology()


def pol_terms(ontology: rdflib.Graph) -> set[rdflib.URIRef]:
    return {s for s in ontology.subjects(RDF.type, None) if isinstance(s, rdflib.URIRef) and str(s).startswith(POL)}


def test_turtle_parses_and_declares_the_ontology():
    graph = rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")
    assert (rdflib.URIRef("https://w3id.org/policykg/ontology"), RDF.type, OWL.Ontology) in graph
    # pyoxigraph, which loads it into stores, must read it too
    assert len(list(ox.parse(path=str(ONTOLOGY_FILE)))) == len(graph)


def test_every_pol_term_has_labels_and_comments_in_zh_and_en(ontology):
    missing = []
    for term in pol_terms(ontology):
        for predicate in (RDFS.label, RDFS.comment):
            languages = {o.language for o in ontology.objects(term, predicate)}
            if not {"zh", "en"} <= languages:
                missing.append(f"{term} {predicate}")
    assert not missing, missing


def test_every_pol_property_has_a_domain_and_a_range(ontology):
    properties = {t for t in pol_terms(ontology) if any((t, RDF.type, k) in ontology for k in PROPERTY_TYPES)}
    assert len(properties) > 30
    missing = [str(p) for p in properties if ontology.value(p, RDFS.domain) is None or ontology.value(p, RDFS.range) is None]
    assert not missing, missing


def test_alignments(ontology):
    pol, eli, org = rdflib.Namespace(POL), rdflib.Namespace(KNOWN_EXTERNAL[3]), rdflib.Namespace(KNOWN_EXTERNAL[0])
    for sub, sup in [(pol.PolicyDocument, eli.LegalResource), (pol.Clause, eli.LegalResourceSubdivision),
                     (pol.Agency, org.Organization), (pol.LeadingGroup, org.OrganizationalCollaboration),
                     (pol.AdministrativeArea, eli.AdministrativeArea)]:
        assert (sub, RDFS.subClassOf, sup) in ontology
    assert (pol.leadUnit, RDFS.subPropertyOf, pol.responsibleUnit) in ontology
    assert (pol.responsibleUnit, RDFS.subPropertyOf, eli.responsibility_of_agent) in ontology
    for role in ("GroupLeader", "DeputyGroupLeader", "GroupMember", "OfficeDirector"):
        assert (pol[role], RDF.type, org.Role) in ontology
        labels = {o.language for o in ontology.objects(pol[role], rdflib.URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))}
        assert labels == {"zh", "en"}


def test_every_pol_term_in_the_docs_is_declared(ontology):
    import re

    named = set()
    for doc in ("vocabulary.md", "graph-shape.md"):
        named |= set(re.findall(r"pol:([A-Za-z][A-Za-z0-9]*)", (DOCS / doc).read_text("utf-8")))
    declared = {str(t)[len(POL):] for t in pol_terms(ontology)}
    assert named - declared == set()


def used_pol_terms(quads) -> set[str]:
    """Every pol: IRI a graph uses as subject, predicate, object or class."""
    used = set()
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(POL):
                used.add(term.value)
    return used


def test_every_pol_term_used_by_the_graph_is_declared(ontology):
    from policykg.build import build_corpus

    corpus = Path(__file__).parents[1] / "examples" / "documents"
    quads = build_corpus(sorted(str(p) for p in corpus.glob("*.txt"))).quads
    used = used_pol_terms(quads) | used_pol_terms(ox.parse(path=str(FIXTURE)))
    declared = {str(t) for t in pol_terms(ontology)}
    assert used and used - declared == set()


def test_every_shape_target_class_is_declared_or_external(ontology):
    declared = {t for t in ontology.subjects(RDF.type, OWL.Class)}
    targets = set(load_shapes().objects(None, SH.targetClass))
    undeclared = [str(t) for t in targets if t not in declared and not str(t).startswith(KNOWN_EXTERNAL)]
    assert targets and not undeclared, undeclared
