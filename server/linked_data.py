"""Dereferencing: every IRI under `{base}id/` answers at `/id/...`, ontology terms at `/ontology`.

Browsers get HTML (the pages' resource view when it exists); data clients get Turtle, JSON-LD or N-Triples
by Accept or by a `.ttl` / `.jsonld` / `.nt` suffix. The description served is the resource's CBD-like
neighbourhood: every triple with it as subject, plus the labels of what it points to.
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass

import jinja2
import pyoxigraph as ox
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from policykg.server.context import AppContext
from policykg.server.errors import NotAcceptable, NotFound
from policykg.server.sparql.formats import GRAPH_FORMATS, graph_media_type, parse_accept
from policykg.server.sparql.jobs import PREFIXES

ONTOLOGY_IRI = "https://w3id.org/policykg/ontology"
SUFFIXES = {".ttl": "ttl", ".jsonld": "jsonld", ".nt": "nt", ".rdf": "rdfxml", ".html": "html"}
LABELS = ("skos:prefLabel", "rdfs:label", "dcterms:title", "foaf:name", "dcterms:identifier", "eli:id_local")
_UNSAFE_IRI = re.compile(r'[\s<>"{}|^`\\]')


@dataclass(frozen=True)
class Representation:
    """Which IRI a request asks about and in which form."""

    iri: str
    format: str  # "html" or a short name from GRAPH_FORMATS


def local_path(iri: str, base: str) -> str | None:
    """The server path an IRI under `base` dereferences at (`{base}id/x` -> `/id/x`), None for other IRIs."""
    if iri.startswith(base):
        return "/" + iri[len(base):]
    if iri.startswith(ONTOLOGY_IRI):
        return "/ontology" + iri[len(ONTOLOGY_IRI):]
    return None


def split_suffix(path: str) -> tuple[str, str | None]:
    """`x/y.ttl` -> (`x/y`, "ttl"); a path without a known suffix is returned unchanged."""
    for suffix, name in SUFFIXES.items():
        if path.endswith(suffix):
            return path[: -len(suffix)], name
    return path, None


def preferred_format(accept: str | None) -> str | None:
    """HTML for browsers, a graph format for data clients (Turtle for */*), None when nothing fits."""
    for media_range in parse_accept(accept):
        if media_range in ("text/html", "application/xhtml+xml"):
            return "html"
        if media_range in ("*/*", "*", "text/*"):
            return "ttl"
        for name, (_, _, recognised) in GRAPH_FORMATS.items():
            if media_range in recognised:
                return name
    return None


def describe_query(iri: str) -> str:
    """CONSTRUCT of a resource's outgoing triples plus the labels of the nodes they point to."""
    node = str(ox.NamedNode(iri))
    prefixes = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    return (
        f"{prefixes}CONSTRUCT {{ {node} ?p ?o . ?o ?lp ?label }}\n"
        f"WHERE {{ {{ {node} ?p ?o }} UNION {{ {node} ?p ?o . ?o ?lp ?label . VALUES ?lp {{ {' '.join(LABELS)} }} }} }}"
    )


_FALLBACK_PAGE = jinja2.Environment(autoescape=True).from_string(
    """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><h1>{{ title }}</h1><p><code>{{ iri }}</code></p>
<p>{% for name in formats %}<a href="{{ path }}.{{ name }}">{{ name }}</a> {% endfor %}</p>
<table><thead><tr><th>predicate</th><th>object</th></tr></thead><tbody>
{% for p, o, href in rows %}<tr><td>{{ p }}</td><td>{% if href %}<a href="{{ href }}">{{ o }}</a>{% else %}{{ o }}{% endif %}</td></tr>
{% endfor %}</tbody></table></body></html>"""
)


def render_fallback_html(iri: str, path: str, triples: list[ox.Triple], base: str) -> str:
    """A minimal, escaped HTML table of a resource's triples, for when the browser pages are absent."""
    rows = []
    title = iri
    for triple in triples:
        if triple.subject != ox.NamedNode(iri):
            continue
        obj = triple.object
        text = obj.value if isinstance(obj, (ox.NamedNode, ox.Literal)) else str(obj)
        href = local_path(obj.value, base) if isinstance(obj, ox.NamedNode) else None
        if isinstance(obj, ox.NamedNode) and href is None:
            href = obj.value
        rows.append((triple.predicate.value, text, href))
        if triple.predicate.value.endswith(("#prefLabel", "/title", "#label")) and title == iri:
            title = text
    rows.sort()
    return _FALLBACK_PAGE.render(title=title, iri=iri, path=path, rows=rows, formats=["ttl", "jsonld", "nt"])


def mount(app: FastAPI, context: AppContext) -> None:
    """Add the dereferencing routes to `app`."""
    settings, runner = context.settings, context.runner

    @app.get("/id/{path:path}", include_in_schema=False)
    def resource(path: str, request: Request) -> Response:
        bare, suffix = split_suffix(path)
        fmt = suffix or preferred_format(request.headers.get("accept"))
        if fmt is None:
            raise NotAcceptable("resources are served as HTML, Turtle, JSON-LD, N-Triples or RDF/XML")
        iri = f"{settings.base}id/{bare}"
        if _UNSAFE_IRI.search(iri):
            raise NotFound(f"no resource {iri}")
        if fmt == "html":
            pages = _pages_module()
            if pages is not None and hasattr(pages, "render_resource"):
                return pages.render_resource(request, context, iri)
        triples = runner.construct(describe_query(iri))
        if not triples:
            raise NotFound(f"nothing is known about <{iri}>")
        if fmt == "html":
            return HTMLResponse(render_fallback_html(iri, f"/id/{bare}", triples, settings.base))
        triples.sort(key=lambda triple: (triple.subject.value != iri, str(triple.subject), str(triple.predicate), str(triple.object)))
        body = ox.serialize(triples, format=GRAPH_FORMATS[fmt][0], prefixes=PREFIXES if fmt == "ttl" else None)
        return Response(body, media_type=graph_media_type(fmt), headers={"Vary": "Accept"})

    @app.get("/ontology{suffix:path}", include_in_schema=False)
    def ontology(suffix: str, request: Request) -> Response:
        if suffix not in SUFFIXES and suffix != "":
            raise NotFound(f"no ontology document /ontology{suffix}")
        fmt = SUFFIXES.get(suffix) or preferred_format(request.headers.get("accept"))
        if fmt is None:
            raise NotAcceptable("the ontology is served as HTML, Turtle, JSON-LD, N-Triples or RDF/XML")
        turtle = ontology_turtle()
        if fmt == "ttl":
            return Response(turtle, media_type=graph_media_type("ttl"), headers={"Vary": "Accept"})
        triples = [quad.triple for quad in ox.parse(turtle, format=ox.RdfFormat.TURTLE)]
        if fmt == "html":
            return HTMLResponse(render_ontology_html(triples))
        body = ox.serialize(triples, format=GRAPH_FORMATS[fmt][0])
        return Response(body, media_type=graph_media_type(fmt), headers={"Vary": "Accept"})


def _pages_module():
    try:
        from policykg.server import pages
    except ImportError:
        return None
    return pages


def ontology_turtle() -> bytes:
    """The ontology as shipped in the package (the source the store's ontology graph is loaded from)."""
    try:
        return importlib.resources.files("policykg.ontology").joinpath("policykg.ttl").read_bytes()
    except (FileNotFoundError, ModuleNotFoundError) as error:
        raise NotFound("the ontology file is not installed") from error


_ONTOLOGY_PAGE = jinja2.Environment(autoescape=True).from_string(
    """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>policykg ontology</title></head>
<body><h1>policykg ontology</h1><p><a href="/ontology.ttl">Turtle</a> <a href="/ontology.jsonld">JSON-LD</a></p>
<table><thead><tr><th>term</th><th>kind</th><th>中文</th><th>English</th><th>comment</th></tr></thead><tbody>
{% for term in terms %}<tr id="{{ term.name }}"><td><code>pol:{{ term.name }}</code></td><td>{{ term.kind }}</td>
<td>{{ term.zh }}</td><td>{{ term.en }}</td><td>{{ term.comment }}</td></tr>
{% endfor %}</tbody></table></body></html>"""
)


def render_ontology_html(triples: list[ox.Triple]) -> str:
    """One row per `pol:` term, anchored by its local name so `/ontology#X` lands on it."""
    namespace = ONTOLOGY_IRI + "#"
    terms: dict[str, dict[str, str]] = {}
    rdf_type, label = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label"
    comment = "http://www.w3.org/2000/01/rdf-schema#comment"
    for triple in triples:
        subject = triple.subject
        if not isinstance(subject, ox.NamedNode) or not subject.value.startswith(namespace):
            continue
        term = terms.setdefault(subject.value, {"name": subject.value[len(namespace):], "kind": "", "zh": "", "en": "", "comment": ""})
        obj = triple.object
        if triple.predicate.value == rdf_type and isinstance(obj, ox.NamedNode):
            term["kind"] = obj.value.rsplit("#", 1)[-1]
        elif triple.predicate.value == label and isinstance(obj, ox.Literal) and obj.language in ("zh", "en"):
            term[obj.language] = obj.value
        elif triple.predicate.value == comment and isinstance(obj, ox.Literal) and obj.language == "en":
            term["comment"] = obj.value
    return _ONTOLOGY_PAGE.render(terms=sorted(terms.values(), key=lambda term: (term["kind"], term["name"])))
