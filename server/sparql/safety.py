"""What a query or update is allowed to do, decided from its text before any engine sees it.

pyoxigraph's `Store.query` executes `SERVICE <http://…>` by opening a connection, and `LOAD` fetches a URL
(docs/engine-facts.md); neither may ever leave this machine. The engine exposes no algebra, so we lex the
text: comments, string literals and `<IRI>`s are blanked out first, so a keyword inside them never counts,
and a keyword must stand alone (not part of `?service`, `ex:load` or `load:x`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.server.errors import QueryRefused

# Order matters: long strings before short ones, so '''a "b" c''' is one token.
_OPAQUE = re.compile(
    r"""
      \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"      # long double-quoted string
    | '''(?:[^'\\]|\\.|'(?!''))*'''          # long single-quoted string
    | "(?:[^"\\\n]|\\.)*"                    # double-quoted string
    | '(?:[^'\\\n]|\\.)*'                    # single-quoted string
    | <[^<>"{}|^`\\\s]*>                     # IRI reference
    | \#[^\n]*                               # comment
    """,
    re.VERBOSE,
)
# A keyword stands alone: not inside a variable (?x, $x) or a prefixed name (ex:x, x:y, ex:a-x). A '.' before
# it may end a triple pattern (`?o .SERVICE`), so it does not protect a word: `ex:a.service` is refused too.
_WORD = re.compile(r"(?<![\w:?$\-])([A-Za-z]+)(?![\w:\-])")
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_QUERY_WORDS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}


@dataclass(frozen=True)
class Shape:
    """The keywords of a request that decide how (and whether) it may run."""

    is_update: bool  # the first operation keyword is an update keyword
    has_service: bool
    has_load: bool
    has_from: bool  # the query names its own dataset (FROM / FROM NAMED)


def blank_opaque(text: str) -> str:
    """The text with strings, IRIs and comments replaced by spaces, so only syntax remains."""
    return _OPAQUE.sub(lambda match: " " * len(match.group(0)), text)


def keywords(text: str) -> list[str]:
    """Bare words of the request, upper-cased, in order (variables, prefixed names and literals excluded)."""
    return [match.group(1).upper() for match in _WORD.finditer(blank_opaque(text))]


def decode_codepoints(text: str) -> str:
    """The text with \\uXXXX / \\UXXXXXXXX escapes decoded, as the SPARQL grammar allows before parsing."""
    return _CODEPOINT.sub(lambda match: chr(int(match.group(1) or match.group(2), 16)), text)


def shape_of(text: str) -> Shape:
    """Classify a request by its keywords, read both as written and with codepoint escapes decoded."""
    words = keywords(text)
    decoded = decode_codepoints(text)
    if decoded != text:
        words += keywords(decoded)
    first = next((word for word in words if word in _UPDATE_WORDS | _QUERY_WORDS), None)
    return Shape(
        is_update=first in _UPDATE_WORDS,
        has_service="SERVICE" in words,
        has_load="LOAD" in words,
        has_from="FROM" in words,
    )


def check_query(text: str) -> Shape:
    """Refuse what a read-only query endpoint must not run; return the shape of what may run."""
    shape = shape_of(text)
    if shape.is_update:
        raise QueryRefused("SPARQL Update is not accepted as a query; send it to /sparql/update with a write token")
    return _without_service(shape)


def check_update(text: str) -> Shape:
    """Refuse update operations that would reach the network."""
    shape = shape_of(text)
    if shape.has_load:
        raise QueryRefused("LOAD is disabled: this endpoint never fetches data from the network")
    return _without_service(shape)


def _without_service(shape: Shape) -> Shape:
    """Neither queries nor updates may call other endpoints."""
    if shape.has_service:
        raise QueryRefused("SERVICE is disabled: this endpoint never queries other endpoints")
    return shape
