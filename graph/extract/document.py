"""Run every extractor over a parsed document and hand on one plain record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from policykg.extract.leading_group import LeadingGroup, find_leading_group
from policykg.extract.money import Incentive, incentives_in_clause
from policykg.extract.programmes import ProgrammeMention, find_programmes
from policykg.extract.references import Reference, find_references
from policykg.extract.units import ClauseUnits, units_by_clause
from policykg.extract.validity import Validity, find_validity
from policykg.parse.document import ParsedDocument
from policykg.parse.header import field_date
from policykg.parse.text import squash

# Parts whose text is the policy's own and may cite other documents or name programmes.
CITING_PARTS = ("preamble", "closing")


@dataclass
class Interpretation:
    """A 解读 printed after the policy: its own document, with its author and its own references."""

    title: str | None
    author: str | None  # the interpreting unit as written
    start: int
    end: int
    references: list[Reference] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything extracted from one document, clause by clause."""

    document: ParsedDocument
    units: dict[str, ClauseUnits]
    incentives: list[Incentive]
    programmes: list[ProgrammeMention]
    references: list[Reference]
    leading_group: LeadingGroup | None
    validity: Validity
    interpretation: Interpretation | None


def _interpretation(doc: ParsedDocument, place_names: frozenset[str]) -> Interpretation | None:
    parts = doc.parts_of("interpretation")
    if not parts:
        return None
    part = parts[0]
    text = doc.text[part.start:part.end]
    first_line = squash(text.strip().split("\n", 1)[0])
    author = re.search(r"(?:牵头解读(?:机构|单位|部门)|解读(?:机构|单位|部门))\s*(?:为|是|[:：])\s*([^\s，,。；;]+)", text)
    own = {doc.header.title} - {None}
    refs = find_references(doc.text, part.start, part.end, None, own, place_names)
    return Interpretation(first_line or None, author.group(1) if author else None, part.start, part.end, refs)


def extract_document(doc: ParsedDocument, place_names: frozenset[str] = frozenset()) -> Extraction:
    """All facts of one document; place_names (areas' names) help tell proper names from common words."""
    text = doc.text
    clauses = doc.all_clauses()
    own_titles = {doc.header.title, doc.header.notice_title} - {None}
    incentives = [i for c in clauses for i in incentives_in_clause(c, text)]
    programmes: list[ProgrammeMention] = []
    references: list[Reference] = []
    for part in doc.parts:
        if part.kind in CITING_PARTS:
            references += find_references(text, part.start, part.end, None, own_titles, place_names)
            if part.kind == "preamble":
                programmes += find_programmes(text, part.start, part.end, "preamble", place_names)
    for clause in clauses:
        references += find_references(text, clause.start, clause.own_end, clause.path, own_titles, place_names)
        programmes += find_programmes(text, clause.start, clause.own_end, clause.path, place_names)
    references.sort(key=lambda r: r.evidence.start)
    group = None
    for part in doc.parts_of("attachment") + [p for p in doc.parts if p.kind in ("closing", "clause")]:
        group = find_leading_group(text, part.start, part.end)
        if group:
            break
    validity = find_validity(text[doc.body[0]:] if doc.clauses else text, doc.header.signed)
    labelled = doc.header.fields.get("实施日期") or doc.header.fields.get("施行日期")
    if validity.valid_from is None and labelled and (day := field_date(labelled)):
        validity = replace(validity, entry_rule=validity.entry_rule or "date", valid_from=day,
                           derivation=f"entry into force from the labelled field 实施日期: {labelled}")
    return Extraction(
        document=doc,
        units=units_by_clause(doc.clauses, text),
        incentives=incentives,
        programmes=programmes,
        references=references,
        leading_group=group,
        validity=validity,
        interpretation=_interpretation(doc, place_names),
    )
