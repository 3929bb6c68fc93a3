"""The serialisations the endpoint speaks, and choosing one from `Accept` or a `format=` parameter."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from policykg.server.errors import NotAcceptable

# short name -> (pyoxigraph format, media type we answer with, media types we recognise in Accept)
RESULT_FORMATS: dict[str, tuple[ox.QueryResultsFormat, str, tuple[str, ...]]] = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json", ("application/sparql-results+json", "application/json")),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml", ("application/sparql-results+xml", "application/xml", "text/xml")),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8", ("text/csv",)),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8", ("text/tab-separated-values",)),
}
GRAPH_FORMATS: dict[str, tuple[ox.RdfFormat, str, tuple[str, ...]]] = {
    "ttl": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8", ("text/turtle", "application/x-turtle")),
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples", ("application/n-triples", "text/plain")),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json", ("application/ld+json", "application/json")),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml", ("application/rdf+xml", "application/xml", "text/xml")),
}
# A `format=` name of one family implies its sibling in the other (format=json on a CONSTRUCT gives JSON-LD).
_SIBLING = {"json": "jsonld", "xml": "rdfxml", "jsonld": "json", "rdfxml": "xml"}
_ALIASES = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld", "rdf": "rdfxml", "rdf+xml": "rdfxml"}
DEFAULT_RESULTS, DEFAULT_GRAPH = "json", "ttl"


@dataclass(frozen=True)
class Choice:
    """The format a SELECT/ASK answer takes and the format a CONSTRUCT/DESCRIBE answer takes."""

    results: str
    graph: str


def parse_accept(accept: str | None) -> list[str]:
    """Media ranges of an Accept header, best first (ties keep their order); q=0 ranges dropped."""
    if not accept:
        return ["*/*"]
    ranked = []
    for position, part in enumerate(accept.split(",")):
        fields = [field.strip() for field in part.split(";")]
        media, quality = fields[0].lower(), 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    quality = float(field[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media))
    return [media for _, _, media in sorted(ranked)]


def _matches(media_range: str, media_type: str) -> bool:
    if media_range in ("*/*", "*"):
        return True
    if media_range.endswith("/*"):
        return media_type.startswith(media_range[:-1])
    return media_range == media_type


def best_of(accept: str | None, table: dict, default: str) -> str | None:
    """The short name in `table` the Accept header prefers, `default` for a wildcard, None if none fits."""
    for media_range in parse_accept(accept):
        if media_range in ("*/*", "*"):
            return default
        for name, (_, _, recognised) in table.items():
            if any(_matches(media_range, media_type) for media_type in recognised):
                return name
    return None


def _normalise(name: str) -> str:
    name = name.strip().lower()
    for table in (RESULT_FORMATS, GRAPH_FORMATS):
        for short, (_, _, recognised) in table.items():
            if name in recognised:
                return short
    return _ALIASES.get(name, name)


def choose(accept: str | None, format_param: str | None) -> Choice:
    """Pick both answer formats: `format=` wins over Accept; 406 when neither family has anything acceptable."""
    if format_param:
        name = _normalise(format_param)
        if name in RESULT_FORMATS:
            return Choice(name, _SIBLING.get(name) or best_of(accept, GRAPH_FORMATS, DEFAULT_GRAPH) or DEFAULT_GRAPH)
        if name in GRAPH_FORMATS:
            return Choice(_SIBLING.get(name) or best_of(accept, RESULT_FORMATS, DEFAULT_RESULTS) or DEFAULT_RESULTS, name)
        known = ", ".join([*RESULT_FORMATS, *GRAPH_FORMATS])
        raise NotAcceptable(f"unknown format {format_param!r}; use one of {known}")
    results = best_of(accept, RESULT_FORMATS, DEFAULT_RESULTS)
    graph = best_of(accept, GRAPH_FORMATS, DEFAULT_GRAPH)
    if results is None and graph is None:
        raise NotAcceptable(f"no SPARQL answer format matches Accept: {accept}")
    return Choice(results or DEFAULT_RESULTS, graph or DEFAULT_GRAPH)


def results_media_type(name: str) -> str:
    """The Content-Type of a SELECT/ASK answer in format `name`."""
    return RESULT_FORMATS[name][1]


def graph_media_type(name: str) -> str:
    """The Content-Type of a graph answer in format `name`."""
    return GRAPH_FORMATS[name][1]


def graph_format_for_media_type(media_type: str | None) -> ox.RdfFormat | None:
    """The RDF format of an uploaded body (Graph Store Protocol PUT/POST), None if we do not read it."""
    if not media_type:
        return None
    bare = media_type.split(";")[0].strip().lower()
    for fmt, _, recognised in GRAPH_FORMATS.values():
        if bare in recognised and bare != "text/plain":
            return fmt
    return ox.RdfFormat.from_media_type(bare)
