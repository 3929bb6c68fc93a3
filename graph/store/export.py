"""Write a built graph to a file, deterministically: sorted lines for N-Triples and N-Quads."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from policykg.errors import PolicyKGError

_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}
_PREFIXES = {
    "pol": "https://w3id.org/policykg/ontology#", "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/", "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#", "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def write_graph(quads: list[ox.Quad], path: Path) -> None:
    """Serialise by the file's extension; graphs without named graphs (.ttl, .nt) get the union of all."""
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise PolicyKGError(f"{path}: unknown extension; use one of {', '.join(_FORMATS)}")
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
        items = triples
    else:
        items = sorted(quads, key=str)
    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES):
        data = ox.serialize(items, format=fmt)
        lines = sorted(set(data.decode("utf-8").splitlines()))
        path.write_text("\n".join(lines) + "\n", "utf-8")
    else:
        path.write_bytes(ox.serialize(items, format=fmt, prefixes=_PREFIXES))
