"""Pieces of SPARQL text the pages share: the prefixes, and safe embedding of user-given values."""

from __future__ import annotations

import pyoxigraph as ox

from policykg.vocabulary import SPARQL_PREFIXES

PREFIXES = SPARQL_PREFIXES


def iri(value: str) -> str:
    """An IRI as SPARQL text; pyoxigraph rejects anything that is not a valid IRI, so nothing can break out."""
    return str(ox.NamedNode(value))


def string(value: str) -> str:
    """A string literal as SPARQL text, escaped by the engine's own serializer."""
    return str(ox.Literal(value))


def date(value: str) -> str:
    """An xsd:date literal as SPARQL text (the value must be YYYY-MM-DD)."""
    return str(ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))


def label_patterns(var: str, out: str) -> str:
    """OPTIONAL patterns binding ?{out} and ?{out}_en to the zh and en skos:prefLabel of ?{var}."""
    return (
        f"OPTIONAL {{ ?{var} skos:prefLabel ?{out} FILTER(LANG(?{out}) = 'zh') }}\n"
        f"  OPTIONAL {{ ?{var} skos:prefLabel ?{out}_en FILTER(LANG(?{out}_en) = 'en') }}"
    )
