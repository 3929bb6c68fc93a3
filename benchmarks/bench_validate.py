"""How long SHACL validation takes: the whole graph at once versus each document's named graph on its own.

    python benchmarks/bench_validate.py            # bundled corpus + a synthetic graph of ~100k triples
    python benchmarks/bench_validate.py --size 300000
    python benchmarks/bench_validate.py --full     # the synthetic graph at ~1M triples (takes long)

Times are wall-clock seconds of one run on this machine; ratios are against the whole-graph run of the
same size, measured in the same run. The synthetic graph follows docs/graph-shape.md: N documents, each
with chapters and sub-clauses, incentives, agencies, areas, a programme, a leading group with seats,
parts and citations (~1,300 triples a document), and it conforms to the shapes.

Measured on the 2-core development machine (pyshacl 0.40.1, rdflib 7.6, one run each):

    graph                         whole graph (load + pyshacl)    per named graph (validate_quads)   ratio
    bundled corpus, 4.9k quads    0.15 s + 2.1 s                  2.3 s  (5 graphs, 463 ms each)     1.02
    synthetic, 100k quads         7.4 s + 49.9 s                  34.1 s (76 graphs, 449 ms each)    0.60
    synthetic, 1.0M quads (--full) 45 s + 1,162 s (929,629 triples) 333 s (755 graphs, 441 ms each)  0.28

Per graph the time is flat (~0.45 s a document of ~1,300 triples), so it grows linearly with the corpus,
while the whole-graph run grows faster. Since then `validate_graphs` validates from 8 graphs on in one forked
process per core: the 100k synthetic graph took 17.1 s per graph against 3.6 s + 29.8 s whole (ratio 0.51) in
a later run on the same machine, and a rebuild into the same store validates only the graphs that changed. Nearly all of it is the three SPARQL-based constraints: pyshacl
re-parses a SPARQL constraint's query for every focus node and rdflib evaluates it in Python; the core
constraints alone take ~16 ms a document.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import rdflib

from policykg.validate import validate_quads
from policykg.validate.load import split_by_graph
from policykg.validate.shapes import load_shapes

ROOT = Path(__file__).resolve().parents[1]

# Filled in from a --full run (seconds); printed for comparison, never asserted.
MEASURED_1M: dict[str, float] = {"whole_load": 45.0, "whole_validate": 1162.2, "per_graph": 333.2}

POL = "https://w3id.org/policykg/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
ID = "https://w3id.org/policykg/id/"
NUMERALS = "一二三四五六七八九十"


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def typed(value: object, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype))


def synthetic_document(i: int, chapters: int = 8, sections: int = 6, incentives: int = 20) -> list[ox.Quad]:
    """One policy-shaped document graph (~1,300 triples) that conforms to the shapes."""
    graph = n(f"{ID}graph/900000/bench-{i}")
    quads: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(s, RDF_TYPE if p == "a" else n(p), o, graph))

    doc = n(f"{ID}doc/900000/bench-{i}")
    area, province = n(f"{ID}area/{900100 + i % 50}"), n(f"{ID}area/900000")
    source = n(f"{ID}source/{i:016x}")
    gov = n(f"{ID}agency/{900100 + i % 50}/government")
    agencies = [n(f"{ID}agency/{900100 + i % 50}/unit-{k}") for k in range(12)]
    add(doc, "a", n(POL + "PolicyDocument"))
    add(doc, "a", n(ELI + "LegalResource"))
    add(doc, ELI + "id_local", ox.Literal(f"测政字〔2024〕{i + 1}号"))
    add(doc, DCT + "title", zh(f"测试政策第{i}号"))
    add(doc, POL + "noticeTitle", zh(f"关于印发测试政策第{i}号的通知"))
    add(doc, ELI + "date_document", typed("2024-05-07", "date"))
    add(doc, ELI + "first_date_entry_in_force", typed("2024-05-07", "date"))
    add(doc, ELI + "date_no_longer_in_force", typed("2027-05-06", "date"))
    add(doc, POL + "draft", typed("false", "boolean"))
    add(doc, POL + "publicRelease", typed("true", "boolean"))
    add(doc, ELI + "passed_by", gov)
    add(doc, POL + "jurisdiction", area)
    add(doc, ELI + "jurisdiction", area)
    add(doc, PROV + "wasDerivedFrom", source)
    add(source, "a", n(PROV + "Entity"))
    add(source, DCT + "identifier", ox.Literal(f"{i:03d}_bench.txt"))
    add(source, POL + "sha256", ox.Literal(f"{i:064x}"))
    add(source, POL + "encoding", ox.Literal("utf-8"))
    add(source, POL + "content", ox.Literal("测试" * 200))
    for r, code, parent in ((area, 900100 + i % 50, province), (province, 900000, None)):
        add(r, "a", n(POL + "AdministrativeArea"))
        add(r, SKOS + "prefLabel", zh(f"测试区{code}"))
        add(r, SKOS + "prefLabel", ox.Literal(f"Test area {code}", language="en"))
        add(r, SKOS + "notation", ox.Literal(str(code)))
        if parent is not None:
            add(r, POL + "partOf", parent)
    for k, unit in enumerate([gov, *agencies]):
        add(unit, "a", n(POL + "Agency"))
        add(unit, "a", n(ORG + "Organization"))
        add(unit, SKOS + "prefLabel", zh(f"测试单位{k}"))
        add(unit, SKOS + "altLabel", zh(f"单位{k}"))
        add(unit, POL + "jurisdiction", area)
        add(unit, POL + "gazetteerKey", ox.Literal(f"unit-{k}"))
        if unit != gov:
            add(unit, ORG + "subOrganizationOf", gov)
    offset, leaves = 100, []
    for c in range(chapters):
        chapter, path = n(f"{doc.value}/clause/{c + 1}"), NUMERALS[c % 10]
        clause_triples(add, chapter, doc, doc, path, f"{path}、", c + 1, 1, offset, offset + 10)
        add(doc, ELI + "has_part", chapter)
        offset += 11
        for s in range(sections):
            section = n(f"{chapter.value}/{s + 1}")
            clause_triples(add, section, chapter, doc, f"{path}/{s + 1}", f"{s + 1}.", s + 1, 2, offset, offset + 200)
            add(chapter, ELI + "has_part", section)
            unit = agencies[(c + s) % len(agencies)]
            for predicate in (POL + "leadUnit", POL + "responsibleUnit", ELI + "responsibility_of_agent"):
                add(section, predicate, unit)
            leaves.append((section, offset))
            offset += 201
    for k in range(incentives):
        clause, start = leaves[k % len(leaves)]
        incentive = n(f"{doc.value}/incentive/{k + 1}")
        add(incentive, "a", n(POL + "Incentive"))
        add(incentive, POL + "inClause", clause)
        add(incentive, POL + "document", doc)
        amount = typed(f"{(k + 1) * 100000}.0", "decimal")
        add(incentive, POL + "maxAmount", amount)
        add(incentive, POL + "amount", amount)
        if k % 3 == 0:
            add(incentive, POL + "rate", typed("0.3", "decimal"))
        add(incentive, POL + "evidence", zh(f"最高{(k + 1) * 10}万元"))
        add(incentive, POL + "sourceStart", typed(start + 5, "integer"))
        add(incentive, POL + "sourceEnd", typed(start + 15, "integer"))
    programme = n(f"{ID}programme/900000/bench-{i}")
    add(programme, "a", n(POL + "Programme"))
    add(programme, SKOS + "prefLabel", zh(f"测试券{i}"))
    add(programme, POL + "jurisdiction", area)
    add(programme, POL + "mentionedIn", leaves[0][0])
    add(programme, POL + "mentionedInDocument", doc)
    group = n(f"{doc.value}/group/1")
    add(group, "a", n(POL + "LeadingGroup"))
    add(group, "a", n(ORG + "OrganizationalCollaboration"))
    add(group, SKOS + "prefLabel", zh("测试领导小组"))
    add(group, POL + "establishedBy", doc)
    add(group, POL + "officeAt", agencies[0])
    for m in range(10):
        seat, person = n(f"{group.value}/seat/{m + 1}"), n(f"{ID}person/900000/p{i}-{m}")
        add(group, ORG + "hasMembership", seat)
        add(seat, "a", n(ORG + "Membership"))
        add(seat, ORG + "member", person)
        add(seat, ORG + "organization", group)
        add(seat, ORG + "role", n(POL + ("GroupLeader" if m == 0 else "GroupMember")))
        add(seat, POL + "postTitle", zh(f"测试单位{m}主任"))
        add(seat, POL + "postIn", agencies[m])
        add(seat, POL + "ordinal", typed(m + 1, "integer"))
        add(person, "a", n(FOAF + "Person"))
        add(person, FOAF + "name", zh(f"测试{m}"))
    for k, kind in enumerate(("header", "title", "preamble", "closing")):
        part = n(f"{doc.value}/part/{kind}-1")
        add(part, "a", n(POL + "DocumentPart"))
        add(part, POL + "partKind", ox.Literal(kind))
        add(part, POL + "document", doc)
        add(part, POL + "text", zh("测试" * 5))
        add(part, POL + "sourceStart", typed(k * 20, "integer"))
        add(part, POL + "sourceEnd", typed(k * 20 + 19, "integer"))
    for k in range(3):
        citation, cited = n(f"{doc.value}/citation/{k + 1}"), n(f"{ID}doc/cited/bench-{i}-{k}")
        add(cited, "a", n(POL + "PolicyDocument"))
        add(cited, "a", n(ELI + "LegalResource"))
        add(cited, POL + "stub", typed("true", "boolean"))
        add(cited, ELI + "id_local", ox.Literal(f"国发〔2017〕{k + 1}号"))
        add(doc, ELI + "cites", cited)
        add(citation, "a", n(POL + "Citation"))
        add(citation, POL + "citingDocument", doc)
        add(citation, POL + "cited", cited)
        add(citation, POL + "inClause", leaves[k][0])
        add(citation, POL + "evidence", zh(f"国发〔2017〕{k + 1}号"))
        add(citation, POL + "sourceStart", typed(leaves[k][1] + 20, "integer"))
        add(citation, POL + "sourceEnd", typed(leaves[k][1] + 30, "integer"))
    return quads


def clause_triples(add, clause, parent, doc, path, marker, ordinal, depth, start, end) -> None:
    """The triples of one clause, as the builder writes them."""
    add(clause, "a", n(POL + "Clause"))
    add(clause, "a", n(ELI + "LegalResourceSubdivision"))
    add(clause, ELI + "is_part_of", parent)
    add(clause, POL + "document", doc)
    add(clause, POL + "path", ox.Literal(path))
    add(clause, POL + "marker", ox.Literal(marker))
    add(clause, POL + "ordinal", typed(ordinal, "integer"))
    add(clause, POL + "depth", typed(depth, "integer"))
    add(clause, POL + "heading", zh(f"测试条款{path}"))
    add(clause, POL + "text", zh(f"{marker}测试条款{path}的正文。"))
    add(clause, POL + "sourceStart", typed(start, "integer"))
    add(clause, POL + "sourceEnd", typed(end, "integer"))


def synthetic_graph(target_triples: int) -> list[ox.Quad]:
    """Enough synthetic documents to reach about `target_triples` triples."""
    per_document = len(synthetic_document(0))
    quads: list[ox.Quad] = []
    for i in range(max(1, round(target_triples / per_document))):
        quads.extend(synthetic_document(i))
    return quads


def timed(label: str, action):
    """Run an action, print and return (seconds, its result)."""
    started = time.perf_counter()
    value = action()
    seconds = time.perf_counter() - started
    print(f"  {label:<52} {seconds:8.2f} s", flush=True)
    return seconds, value


def whole_graph(quads) -> tuple[float, float, int]:
    """Validate every triple as one rdflib graph: (load seconds, validate seconds, violations)."""
    load_s, graph = timed("whole graph: load into one rdflib graph", lambda: _one_graph(quads))
    check_s, (conforms, report, _) = timed(
        f"whole graph: pyshacl on {len(graph):,} triples",
        lambda: pyshacl.validate(graph, shacl_graph=load_shapes(), inference="none", allow_warnings=True, inplace=True),
    )
    violations = sum(1 for _ in report.subjects(rdflib.namespace.SH.resultSeverity, rdflib.namespace.SH.Violation))
    return load_s, check_s, violations


def _one_graph(quads) -> rdflib.Graph:
    merged = rdflib.Graph()
    for graph in split_by_graph(quads).values():
        merged += graph
    return merged


def per_document(quads) -> tuple[float, int, int]:
    """validate_quads (load included): (seconds, graphs, violations)."""
    seconds, outcome = timed("per named graph: validate_quads (load included)", lambda: validate_quads(quads))
    return seconds, outcome.graphs, len(outcome.violations)


def compare(name: str, quads) -> dict[str, float]:
    """Whole-graph versus per-document validation of the same quads, with the ratio."""
    print(f"\n{name}: {len(quads):,} quads")
    load_s, whole_s, whole_violations = whole_graph(quads)
    per_s, graphs, per_violations = per_document(quads)
    baseline = load_s + whole_s
    print(f"  violations: whole graph {whole_violations}, per graph {per_violations} ({graphs} graphs)")
    print(f"  per-graph time / whole-graph time (load + validate): {per_s / baseline:.2f}"
          f"  ({per_s / graphs * 1000:.0f} ms a graph)")
    return {"quads": len(quads), "whole_load": load_s, "whole_validate": whole_s, "per_graph": per_s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="synthetic graph size in triples (default 100000)")
    parser.add_argument("--full", action="store_true", help="use the ~1M-triple synthetic graph (overrides --size)")
    parser.add_argument("--skip-corpus", action="store_true", help="do not build and validate the bundled corpus")
    args = parser.parse_args(argv)
    load_shapes()  # parse the shapes once, outside every timing

    if not args.skip_corpus:
        from policykg.build import build_corpus

        paths = sorted(str(p) for p in (ROOT / "examples" / "documents").glob("*.txt"))
        _, result = timed(f"build the bundled corpus ({len(paths)} documents)", lambda: build_corpus(paths))
        compare("bundled corpus", list(result.quads))

    size = 1_000_000 if args.full else args.size
    _, quads = timed(f"generate a synthetic graph of ~{size:,} triples", lambda: synthetic_graph(size))
    figures = compare("synthetic graph", quads)
    if MEASURED_1M:
        print("\nrecorded at 1M: " + ", ".join(f"{k} {v:.1f} s" for k, v in MEASURED_1M.items()))
    return 0 if figures else 1


if __name__ == "__main__":
    sys.exit(main())
