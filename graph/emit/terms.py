"""The vocabularies the emitter writes, as pyoxigraph terms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pyoxigraph as ox

from policykg.vocabulary import NAMESPACES


class Namespace:
    """Attribute access to the terms of one vocabulary: POL.Clause → <…ontology#Clause>."""

    def __init__(self, base: str):
        self._base = base

    def __getattr__(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(self._base + name)

    def __getitem__(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(self._base + name)


POL, ELI, ORG, SKOS, DCTERMS, FOAF, PROV, OWL, XSD = (
    Namespace(NAMESPACES[p]) for p in ("pol", "eli", "org", "skos", "dcterms", "foaf", "prov", "owl", "xsd")
)
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

# role label as written -> role individual
ROLES = {"组长": POL.GroupLeader, "副组长": POL.DeputyGroupLeader, "成员": POL.GroupMember, "办公室主任": POL.OfficeDirector}


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


def plain(text: str) -> ox.Literal:
    return ox.Literal(text)


def xsd_date(value: date) -> ox.Literal:
    return ox.Literal(value.isoformat(), datatype=XSD.date)


def decimal(value: Decimal) -> ox.Literal:
    """xsd:decimal in canonical form (5000000.0 is written 5000000)."""
    text = format(value.normalize(), "f")
    return ox.Literal(text, datatype=XSD.decimal)


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD.integer)


def boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=XSD.boolean)


ROLE_LABELS = {
    "组长": (zh("组长"), en("Group leader")),
    "副组长": (zh("副组长"), en("Deputy group leader")),
    "成员": (zh("成员"), en("Member")),
    "办公室主任": (zh("办公室主任"), en("Office director")),
}
