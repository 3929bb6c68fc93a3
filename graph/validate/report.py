"""Validation results as plain data, located in the source (document, clause path, offsets), and rendered."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field

import rdflib
from rdflib.namespace import RDF, SH

POL = rdflib.Namespace("https://w3id.org/policykg/ontology#")
ELI = rdflib.Namespace("http://data.europa.eu/eli/ontology#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")

SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Location:
    """Where a result sits in the source: the document, the clause and the character span."""

    document: str | None = None
    number: str | None = None
    title: str | None = None
    clause: str | None = None
    clause_path: str | None = None
    start: int | None = None
    end: int | None = None

    def text(self) -> str:
        """`济政字〔2020〕39号《title》 clause 一/2 (chars 812-1530)`, leaving out what is unknown."""
        parts = []
        if self.number or self.title:
            parts.append((self.number or "") + (f"《{self.title}》" if self.title else ""))
        elif self.document:
            parts.append(f"<{self.document}>")
        if self.clause_path:
            parts.append(f"clause {self.clause_path}")
        if self.start is not None and self.end is not None:
            parts.append(f"(chars {self.start}-{self.end})")
        return " ".join(parts)


@dataclass(frozen=True)
class ValidationResult:
    """One sh:ValidationResult, with its messages split by language and its place in the source."""

    graph: str
    focus: str
    shape: str
    severity: str
    component: str
    path: str | None
    value: str | None
    message_zh: str | None
    message_en: str | None
    location: Location = field(default_factory=Location)

    def line(self) -> str:
        """One readable line: where, then the Chinese and English messages."""
        where = self.location.text() or f"<{self.focus}>"
        if self.location.clause is None or self.focus != self.location.clause:
            if self.focus != self.location.document:
                where += f" <{self.focus}>"
        if self.path:
            where += f" {short(self.path)}"
        if self.value is not None:
            where += f" = {self.value!r}"
        messages = " / ".join(m for m in (self.message_zh, self.message_en) if m)
        return f"{where}: {messages}"


@dataclass
class ValidationOutcome:
    """The results of validating a set of graphs: conforms when there is no sh:Violation."""

    results: list[ValidationResult]
    graphs: int
    report: rdflib.Graph

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Warning"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def summary(self) -> str:
        """One line: whether it conforms and how many violations and warnings, for the build's output."""
        return (
            f"{'Conforms' if self.conforms else 'Does not conform'}: {len(self.violations)} violation(s), "
            f"{len(self.warnings)} warning(s) in {self.graphs} graph(s)."
        )

    def text(self) -> str:
        """The readable report: a summary line, then results grouped by shape."""
        lines = [self.summary()]
        by_shape: dict[tuple[str, str], list[ValidationResult]] = defaultdict(list)
        for result in self.results:
            by_shape[(result.severity, result.shape)].append(result)
        order = {"Violation": 0, "Warning": 1, "Info": 2}
        for (severity, shape), results in sorted(by_shape.items(), key=lambda kv: (order.get(kv[0][0], 3), kv[0][1])):
            lines.append("")
            lines.append(f"{severity} {short(shape)} ({len(results)}):")
            lines.extend(f"  {r.line()}" for r in sorted(results, key=_reading_order))
        return "\n".join(lines) + "\n"

    def as_json(self) -> str:
        """The outcome as JSON, for scripts."""
        payload = {
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "graphs": self.graphs,
            "results": [asdict(r) for r in self.results],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2)


def _reading_order(result: ValidationResult) -> tuple:
    """Results in document order: by document, then offset, then focus node."""
    loc = result.location
    return (loc.number or loc.document or "", loc.start if loc.start is not None else -1, result.focus, result.path or "")


_PREFIXES = {
    "https://w3id.org/policykg/shapes#": "polsh:",
    "https://w3id.org/policykg/ontology#": "pol:",
    "http://data.europa.eu/eli/ontology#": "eli:",
    "http://www.w3.org/ns/org#": "org:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/2002/07/owl#": "owl:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/ns/shacl#": "sh:",
}


def short(iri: str) -> str:
    """A prefixed name where the namespace is one of ours, else the IRI in angle brackets."""
    for namespace, prefix in _PREFIXES.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace):]
    return f"<{iri}>" if "://" in iri else iri


def _first_int(graph: rdflib.Graph, node: rdflib.term.Node, predicate: rdflib.URIRef) -> int | None:
    value = graph.value(node, predicate)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def graph_document(data: rdflib.Graph) -> rdflib.term.Node | None:
    """The document a named graph is about: the one derived from a source file."""
    documents = sorted(data.subjects(PROV.wasDerivedFrom, None), key=str)
    return documents[0] if documents else None


def locate(data: rdflib.Graph, focus: rdflib.term.Node, default_document: rdflib.term.Node | None) -> Location:
    """The document, clause and span a focus node belongs to, read from its own graph."""
    types = set(data.objects(focus, RDF.type))
    clause = None
    if POL.Clause in types:
        clause = focus
    else:
        clause = data.value(focus, POL.inClause)
        if clause is None:
            mentioned = sorted(data.objects(focus, POL.mentionedIn), key=str)
            clause = mentioned[0] if mentioned else None
    if POL.PolicyDocument in types:
        document = focus
    else:
        document = data.value(focus, POL.document) or data.value(focus, POL.interprets) \
            or data.value(focus, POL.establishedBy) or (data.value(clause, POL.document) if clause else None) \
            or default_document
    start, end = _first_int(data, focus, POL.sourceStart), _first_int(data, focus, POL.sourceEnd)
    if (start is None or end is None) and clause is not None:
        start, end = _first_int(data, clause, POL.sourceStart), _first_int(data, clause, POL.sourceEnd)
    number = data.value(document, ELI.id_local) if document is not None else None
    title = data.value(document, DCTERMS.title) if document is not None else None
    path = data.value(clause, POL.path) if clause is not None else None
    return Location(
        document=str(document) if document is not None else None,
        number=str(number) if number is not None else None,
        title=str(title) if title is not None else None,
        clause=str(clause) if clause is not None else None,
        clause_path=str(path) if path is not None else None,
        start=start,
        end=end,
    )


def _term_text(term: rdflib.term.Node | None) -> str | None:
    if term is None:
        return None
    return str(term)


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def split_messages(messages) -> tuple[str | None, str | None]:
    """The Chinese and the English message; by language tag, else by script (pyshacl drops the tags of
    SPARQL constraints' messages when it fills in their variables)."""
    zh = en = None
    for message in messages:
        language = getattr(message, "language", None)
        if language == "zh" or (language is None and _is_chinese(str(message))):
            zh = zh or str(message)
        elif language in ("en", None):
            en = en or str(message)
    return zh, en


def read_results(report: rdflib.Graph, data: rdflib.Graph, graph_name: str) -> list[ValidationResult]:
    """Turn pyshacl's report graph into located results."""
    default_document = graph_document(data)
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(node, SH.focusNode)
        message_zh, message_en = split_messages(report.objects(node, SH.resultMessage))
        path = report.value(node, SH.resultPath)
        value = report.value(node, SH.value)
        # a per-document check names the offending clause as its value: place the result there
        anchor = value if isinstance(value, rdflib.URIRef) and (value, RDF.type, POL.Clause) in data else focus
        results.append(
            ValidationResult(
                graph=graph_name,
                focus=str(focus),
                shape=str(report.value(node, SH.sourceShape)),
                severity=SEVERITY_NAMES.get(report.value(node, SH.resultSeverity), "Violation"),
                component=short(str(report.value(node, SH.sourceConstraintComponent))),
                path=str(path) if isinstance(path, rdflib.URIRef) else None,
                value=_term_text(value),
                message_zh=message_zh,
                message_en=message_en,
                location=locate(data, anchor, default_document),
            )
        )
    return results


def merge_reports(reports: list[rdflib.Graph], conforms: bool) -> rdflib.Graph:
    """One standard sh:ValidationReport holding the results of every per-graph report."""
    merged = rdflib.Graph()
    merged.bind("sh", SH)
    merged.bind("pol", POL)
    merged.bind("polsh", rdflib.Namespace("https://w3id.org/policykg/shapes#"))
    root = rdflib.BNode()
    merged.add((root, RDF.type, SH.ValidationReport))
    merged.add((root, SH.conforms, rdflib.Literal(conforms)))
    for report in reports:
        old_roots = set(report.subjects(RDF.type, SH.ValidationReport))
        for old_root in old_roots:
            for result in report.objects(old_root, SH.result):
                merged.add((root, SH.result, result))
        for triple in report:
            if triple[0] not in old_roots:
                merged.add(triple)
    return merged
