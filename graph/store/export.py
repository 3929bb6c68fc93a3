"""Write a built graph to a file, deterministically: sorted lines for N-Triples and N-Quads."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from policykg.errors import PolicyKGError
from policykg.vocabulary import NAMESPACES

_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}


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
        path.write_bytes(ox.serialize(items, format=fmt, prefixes=NAMESPACES))
