"""The SPARQL 1.1 Service Description answered by GET /sparql without a query."""

from __future__ import annotations

import pyoxigraph as ox

from policykg.server.sparql.formats import GRAPH_FORMATS, RESULT_FORMATS

_FORMAT_IRIS = {
    "json": "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
    "xml": "http://www.w3.org/ns/formats/SPARQL_Results_XML",
    "csv": "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
    "tsv": "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    "ttl": "http://www.w3.org/ns/formats/Turtle",
    "nt": "http://www.w3.org/ns/formats/N-Triples",
    "jsonld": "http://www.w3.org/ns/formats/JSON-LD",
    "rdfxml": "http://www.w3.org/ns/formats/RDF_XML",
}


def service_description(endpoint_url: str, writable: bool) -> str:
    """Turtle describing the endpoint: languages, result formats, and that the default graph is the union."""
    languages = ["sd:SPARQL11Query"] + (["sd:SPARQL11Update"] if writable else [])
    formats = ", ".join(f"<{_FORMAT_IRIS[name]}>" for name in [*RESULT_FORMATS, *GRAPH_FORMATS])
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<{endpoint_url}> a sd:Service ;
  sd:endpoint <{endpoint_url}> ;
  dcterms:title "policykg SPARQL endpoint" ;
  dcterms:description "Chinese government policy documents as a knowledge graph. The default graph is the union of all named graphs; SERVICE and LOAD are disabled; every query has a time limit and a row cap." ;
  sd:supportedLanguage {", ".join(languages)} ;
  sd:resultFormat {formats} ;
  sd:feature sd:UnionDefaultGraph ;
  sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""


def render(endpoint_url: str, writable: bool, graph_format: str) -> bytes:
    """The description in the graph format the caller accepts."""
    turtle = service_description(endpoint_url, writable)
    if graph_format == "ttl":
        return turtle.encode("utf-8")
    triples = [quad.triple for quad in ox.parse(turtle, format=ox.RdfFormat.TURTLE)]
    return ox.serialize(triples, format=GRAPH_FORMATS[graph_format][0])
