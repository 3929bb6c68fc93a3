"""The pipeline: files → read → parse → extract → resolve → emit → (validate) → store.

Two passes over the corpus: every document is read and extracted first, so that citations can be resolved
against all documents of the build, then each is resolved and emitted into its own named graph.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

import policykg
from policykg.emit.document import DocumentEmitter, document_iri
from policykg.extract.document import Extraction, extract_document
from policykg.ids import DEFAULT_BASE, ONTOLOGY_GRAPH, Minter
from policykg.parse.document import parse_document
from policykg.parse.text import squash
from policykg.read import find_documents, read_source
from policykg.resolve.areas import AreaGazetteer, default_gazetteer
from policykg.resolve.citations import CorpusEntry, CorpusIndex
from policykg.resolve.document import ResolvedDocument, resolve_document
from policykg.store.local import open_store, read_manifest, replace_contents, write_manifest


@dataclass
class DocumentReport:
    """What one document yielded, for the build report."""

    name: str
    iri: str
    title: str | None
    clauses: int
    units: int
    incentives: int
    members: int
    references: int
    programmes: int
    unresolved: list[str]
    unplaced: list[tuple[int, int, str]]  # (start, end, text)


@dataclass
class BuildResult:
    quads: list[ox.Quad]
    documents: list[ResolvedDocument]
    reports: list[DocumentReport]
    validation: object | None = None  # policykg.validate outcome, when validation ran
    validated_graphs: tuple[int, int] | None = None  # (validated now, all): unchanged graphs are not validated again
    inputs: dict[str, str] = field(default_factory=dict)  # path -> sha256

    def report_text(self) -> str:
        """The build report as a person reads it."""
        lines = [f"{'document':<34} {'clauses':>7} {'units':>5} {'incent.':>7} {'members':>7} {'refs':>4} {'progr.':>6}"]
        for r in self.reports:
            lines.append(
                f"{r.name[:34]:<34} {r.clauses:>7} {r.units:>5} {r.incentives:>7} {r.members:>7} {r.references:>4} {r.programmes:>6}"
            )
            for unit in r.unresolved:
                lines.append(f"    unresolved unit: {unit}")
            for start, end, text in r.unplaced:
                lines.append(f"    unplaced text at {start}-{end}: {squash(text)[:60]}")
        lines.append(f"{len(self.reports)} documents, {len(self.quads)} quads")
        return "\n".join(lines)


def place_names(areas: AreaGazetteer) -> frozenset[str]:
    """Names of provinces and cities: where a proper name (a plan, a fund) may start."""
    return frozenset(n for a in areas if a.level in ("province", "city") for n in (a.name, a.short_name) if len(n) >= 2)


def _report(resolved: ResolvedDocument, iri: str) -> DocumentReport:
    x = resolved.extraction
    doc = x.document
    return DocumentReport(
        name=doc.source.name,
        iri=iri,
        title=doc.header.title,
        clauses=len(doc.all_clauses()),
        units=len({m.name for u in x.units.values() for m in u.lead + u.responsible}),
        incentives=len(x.incentives),
        members=len(x.leading_group.seats) if x.leading_group else 0,
        references=len(x.references),
        programmes=len({p.name for p in x.programmes}),
        unresolved=sorted(u.surface for u in resolved.unresolved()),
        unplaced=[(p.start, p.end, doc.text[p.start:p.end]) for p in doc.unplaced()],
    )


def build_corpus(paths: list[str | Path], base: str = DEFAULT_BASE) -> BuildResult:
    """Build the graph of every document under paths (files or folders)."""
    areas = default_gazetteer()
    places = place_names(areas)
    files = find_documents(paths)
    extractions: list[Extraction] = [extract_document(parse_document(read_source(f)), places) for f in files]
    corpus = CorpusIndex([
        CorpusEntry(
            x.document.source.name,
            x.document.header.number,
            frozenset(t for t in (x.document.header.title, x.document.header.notice_title) if t),
        )
        for x in extractions
    ])
    minter = Minter(base)
    resolved = [resolve_document(x, areas, corpus) for x in extractions]
    iris = {r.key: document_iri(r, minter) for r in resolved}
    quads: list[ox.Quad] = []
    for r in resolved:
        quads.extend(DocumentEmitter(r, minter, areas, iris).quads())
    return BuildResult(
        quads=quads,
        documents=resolved,
        reports=[_report(r, iris[r.key]) for r in resolved],
        inputs={str(Path(f).resolve()): x.document.source.sha256 for f, x in zip(files, extractions)},
    )


def ontology_quads() -> list[ox.Quad]:
    """The ontology, in its own named graph, so that queries can read term labels."""
    ttl = resources.files("policykg.ontology").joinpath("policykg.ttl")
    if not ttl.is_file():
        return []
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(ttl.read_bytes(), ox.RdfFormat.TURTLE)]


def code_fingerprint() -> str:
    """A hash of the installed policykg code and data: a store built by other code is rebuilt."""
    digest = hashlib.sha256(policykg.__version__.encode())
    root = Path(policykg.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def manifest_for(result: BuildResult, base: str) -> dict:
    return {
        "inputs": result.inputs,
        "policykg_version": policykg.__version__,
        "code": code_fingerprint(),
        "base": base,
        "documents": len(result.reports),
        "quads": len(result.quads),
    }


def store_is_current(store_dir: str | Path, paths: list[str | Path], base: str = DEFAULT_BASE) -> bool:
    """True when the store was built from exactly these files by this code."""
    manifest = read_manifest(store_dir)
    if not manifest:
        return False
    try:
        files = find_documents(paths)
    except policykg.errors.PolicyKGError:
        return False
    inputs = {str(Path(f).resolve()): hashlib.sha256(Path(f).read_bytes()).hexdigest() for f in files}
    return manifest.get("inputs") == inputs and manifest.get("code") == code_fingerprint() and manifest.get("base") == base


def graph_digests(quads: list[ox.Quad]) -> dict[str, str]:
    """A digest of each named graph's content: what validation results can be reused by."""
    lines: dict[str, list[str]] = {}
    for quad in quads:
        lines.setdefault(str(quad.graph_name.value), []).append(str(quad))
    return {graph: hashlib.sha256("\n".join(sorted(found)).encode()).hexdigest() for graph, found in lines.items()}


def shapes_fingerprint() -> str:
    """A hash of the shapes and the ontology: a change in them invalidates every earlier validation."""
    digest = hashlib.sha256()
    for package in ("policykg.shapes", "policykg.ontology"):
        for path in sorted(resources.files(package).iterdir(), key=lambda p: p.name):
            if path.name.endswith(".ttl"):
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def build_into_store(
    paths: list[str | Path], store_dir: str | Path, validate: bool = True, base: str = DEFAULT_BASE
) -> BuildResult:
    """Build, validate (refusing a graph with violations), and replace the store's contents.

    Validation runs per document graph, and only on graphs whose content (or the shapes) changed since the
    last build into this store: a rebuild after editing one document validates one document."""
    from policykg.errors import PolicyKGError

    result = build_corpus(paths, base)
    digests = graph_digests(result.quads)
    previous = read_manifest(store_dir) or {}
    known = previous.get("validated", {}) if previous.get("shapes") == shapes_fingerprint() else {}
    if validate:
        changed = {graph for graph, digest in digests.items() if known.get(graph) != digest}
        result.validation = validate_result(result, changed)
        result.validated_graphs = (len(changed), len(digests))
        if getattr(result.validation, "violations", 0):
            raise PolicyKGError(
                "the built graph has SHACL violations; nothing was published (use --no-validate to load it anyway)\n"
                + result.validation.text()
            )
    store = open_store(store_dir)
    replace_contents(store, result.quads + ontology_quads())
    del store
    manifest = manifest_for(result, base)
    if validate:
        manifest.update(shapes=shapes_fingerprint(), validated=digests)
    write_manifest(store_dir, manifest)
    return result


def validate_result(result: BuildResult, graphs: set[str] | None = None):
    """Run the SHACL shapes over each document's graph (policykg.validate); only `graphs` when given."""
    from policykg.validate import validate_quads

    quads = result.quads if graphs is None else [q for q in result.quads if str(q.graph_name.value) in graphs]
    return validate_quads(quads)
