"""Stage 2, parse: a SourceText to a ParsedDocument — header, clause tree and the parts around them.

Guarantees: `parts` tile the whole text in order without gaps or overlaps (every character belongs to the
header, the title, the preamble, a clause, a closing, attachment, copies, imprint, interpretation or boilerplate
part, or to an `unplaced` part that the build report lists); no RDF here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from policykg.parse.boilerplate import is_boilerplate_line
from policykg.parse.dates import CN_DATE, parse_date
from policykg.parse.clauses import Clause, build_tree, find_markers
from policykg.parse.formulas import trailer_kind
from policykg.parse.header import Header, parse_header
from policykg.parse.paragraphs import line_at, paragraph_starts
from policykg.read.source import SourceText


@dataclass(frozen=True)
class Part:
    """A stretch of the document: kind is header, title, preamble, clause, closing, attachment, copies,
    imprint, interpretation, boilerplate or unplaced."""

    kind: str
    start: int
    end: int


@dataclass
class ParsedDocument:
    """What the parser hands to the extractors."""

    source: SourceText
    header: Header
    clauses: list[Clause]  # top-level clauses; children nested
    parts: list[Part]
    body: tuple[int, int]  # from the first clause to the end of the last
    printed: date | None = None  # the imprint's date (…2020年6月17日印发)

    @property
    def text(self) -> str:
        return self.source.text

    def all_clauses(self) -> list[Clause]:
        """Every clause at every level, in document order."""
        return [c for root in self.clauses for c in root.walk()]

    def parts_of(self, kind: str) -> list[Part]:
        return [p for p in self.parts if p.kind == kind]

    def unplaced(self) -> list[Part]:
        """Text the parser could not place: kept, and reported by the build."""
        return [p for p in self.parts if p.kind == "unplaced" and self.text[p.start:p.end].strip()]


def _interpretation_start(text: str) -> int | None:
    """Where an interpretation (解读) printed after the policy begins."""
    for paragraph in paragraph_starts(text):
        if paragraph.line_start and trailer_kind(line_at(text, paragraph.start)) == "interpretation":
            return paragraph.start
    return None


def _body_end(text: str, body_start: int, limit: int, marker_starts: set[int]) -> int:
    """Where the clauses stop: the first closing formula, attachment, copies or imprint paragraph, or site
    furniture after the last clause marker (a 原文链接 line is not text of the last clause)."""
    last_marker = max(marker_starts, default=body_start)
    for paragraph in paragraph_starts(text, body_start, limit):
        if paragraph.start in marker_starts:
            continue
        line = line_at(text, paragraph.start)
        if trailer_kind(line) in ("closing", "attachment", "copies", "imprint"):
            return paragraph.start
        if paragraph.start > last_marker and is_boilerplate_line(line):
            return paragraph.start
    return limit


# Trailing parts that run on over the paragraphs after their first; the others are one paragraph long.
_RUNS_ON = {"closing", "attachment", "copies", "interpretation"}
_PRINTING_OFFICE = re.compile(r"^[\u4e00-\u9fff]{2,30}(办公厅|办公室|秘书处|秘书科)\s*$")


def _trailer_parts(text: str, start: int, end: int) -> list[Part]:
    """Split the text after the clauses into closing, attachment, copies, imprint, interpretation parts;
    what none of them holds becomes `unplaced`."""
    parts: list[Part] = []
    current = "unplaced"
    paragraphs = paragraph_starts(text, start, end)
    for i, paragraph in enumerate(paragraphs):
        line = line_at(text, paragraph.start)
        kind = trailer_kind(line)
        following = line_at(text, paragraphs[i + 1].start) if i + 1 < len(paragraphs) else ""
        if current == "interpretation" and not is_boilerplate_line(line):
            continue
        if is_boilerplate_line(line):
            kind = "boilerplate"
        elif kind is None and _PRINTING_OFFICE.match(line) and trailer_kind(following) == "imprint":
            kind = "imprint"  # 济南市人民政府办公厅 / 2020年6月17日印发: the printing office opens the imprint
        elif kind is None:
            if current in _RUNS_ON:
                continue
            kind = "unplaced"
        if parts and parts[-1].kind == kind and kind in ("boilerplate", "imprint", "unplaced"):
            continue
        parts.append(Part(kind, paragraph.start, -1))
        current = kind
    return _close(parts, start, end, "unplaced")


def _close(parts: list[Part], start: int, end: int, first_kind: str) -> list[Part]:
    """Give each part the end of the next one's start; text before the first part gets first_kind."""
    closed: list[Part] = []
    if not parts or parts[0].start > start:
        closed.append(Part(first_kind, start, parts[0].start if parts else end))
    for i, part in enumerate(parts):
        closed.append(Part(part.kind, part.start, parts[i + 1].start if i + 1 < len(parts) else end))
    return [p for p in closed if p.end > p.start]


def _header_parts(header: Header, text: str, end: int) -> list[Part]:
    cuts: list[Part] = []
    if header.title_span:
        cuts.append(Part("title", header.title_span[0], -1))
    if header.preamble_span:
        cuts.append(Part("preamble", header.preamble_span[0], -1))
    return _close(cuts, 0, end, "header")


def parse_document(source: SourceText) -> ParsedDocument:
    """Parse one decoded document."""
    text = source.text
    interpretation = _interpretation_start(text)
    limit = interpretation if interpretation is not None else len(text)
    markers = find_markers(text, 0, limit)
    body_start = markers[0].start if markers else limit
    body_end = _body_end(text, body_start, limit, {m.start for m in markers})
    markers = [m for m in markers if m.start < body_end]
    clauses = build_tree(text, markers, body_end)
    header = parse_header(text, 0, body_start)
    parts = _header_parts(header, text, body_start)
    parts += [Part("clause", c.start, c.own_end) for root in clauses for c in root.walk()]
    parts = _fill_gaps(parts, body_start, body_end)
    parts += _trailer_parts(text, body_end, limit)
    if interpretation is not None:
        parts.append(Part("interpretation", interpretation, len(text)))
    parts = _merge_blank(parts, text)
    return ParsedDocument(source, header, clauses, parts, (body_start, body_end), _printed(text, parts))


def _printed(text: str, parts: list[Part]) -> date | None:
    """The date the imprint says the document was printed and issued."""
    for part in parts:
        if part.kind == "imprint" and (match := CN_DATE.search(text, part.start, part.end)):
            return parse_date(match)
    return None


def _fill_gaps(parts: list[Part], body_start: int, body_end: int) -> list[Part]:
    """Blank runs between clause spans join the clause before them (clause text drops trailing blanks)."""
    filled: list[Part] = []
    for i, part in enumerate(parts):
        nxt = parts[i + 1].start if i + 1 < len(parts) else body_end
        filled.append(Part(part.kind, part.start, max(part.end, nxt)) if part.kind == "clause" else part)
    return filled


def _merge_blank(parts: list[Part], text: str) -> list[Part]:
    """Parts holding only blanks are folded into the part before them."""
    merged: list[Part] = []
    for part in sorted(parts, key=lambda p: p.start):
        if merged and not text[part.start:part.end].strip():
            last = merged.pop()
            merged.append(Part(last.kind, last.start, part.end))
        else:
            merged.append(part)
    return merged
