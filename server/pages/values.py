"""Turn the RDF terms a query returns into the plain values a page holds (str, int, float, bool, refs)."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from policykg.server.pages.urls import Urls

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_NUMBERS = {XSD + "decimal", XSD + "double", XSD + "float"}


def plain(term: Any) -> Any:
    """A term as a JSON-ready value: IRIs as strings, numbers as numbers, dates as ISO strings."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype in _NUMBERS:
            number = float(term.value)
            return int(number) if number.is_integer() and datatype == XSD + "decimal" else number
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term)


def text(term: Any) -> str | None:
    """The lexical form of a term (a str stays as it is), or None."""
    if term is None or isinstance(term, str):
        return term
    return term.value


def ref(urls: Urls, iri: Any, label: Any = None, label_en: Any = None) -> dict | None:
    """A link to a resource: its IRI, the page that shows it, and its labels (zh, and en where known)."""
    if iri is None:
        return None
    iri_text = text(iri)
    return {
        "iri": iri_text,
        "href": urls.page(iri_text),
        "label": text(label) or iri_text.rsplit("/", 1)[-1],
        "label_en": text(label_en),
    }


def is_ref(value: Any) -> bool:
    """Whether a page value is a link made by `ref`."""
    return isinstance(value, dict) and "iri" in value and "href" in value
