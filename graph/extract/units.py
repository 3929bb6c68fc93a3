"""Who is responsible: 牵头单位 / 责任单位 lists, "X牵头，Y配合", "X负责", wherever they sit in a clause."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.extract.spans import Evidence
from policykg.parse.clauses import Clause
from policykg.parse.text import Squashed

LEAD_LABELS = ("牵头考核单位", "牵头单位", "牵头部门", "主责单位", "主办单位")
RESPONSIBLE_LABELS = ("责任单位", "责任部门", "配合单位", "配合部门", "协办单位", "参与单位", "实施单位")
_LABEL_WORDS = "|".join(LEAD_LABELS + RESPONSIBLE_LABELS)
# 责任单位： or 【责任单位】 (the colon optional after brackets)
_LABEL = re.compile(rf"[【\[]?({_LABEL_WORDS})(?:[】\]][:：]?|[:：])")
# A statement outside parentheses: at a line start or after a sentence, to the end of that line or sentence
_BARE_STATEMENT = re.compile(rf"(?:^|(?<=[。；;]))[ \t\u3000]*((?:[【\[]?(?:{_LABEL_WORDS})(?:[】\]][:：]?|[:：]))[^\n。]*)", re.MULTILINE)
_OPEN, _CLOSE = "（(", "）)"
_SEPARATORS = "、，,；;/"
# A unit name looks like one: it ends in an organ word or is a collective (各区县人民政府, 各有关单位).
UNIT_SHAPE = re.compile(
    r"(^各.+)|(政府|办公厅|办公室|委员会|管委会|委|局|厅|办|部|院|中心|署|会|行|所|集团|公司|小组|分行|营管部|（筹）|\(筹\))$"
)


@dataclass(frozen=True)
class UnitMention:
    """One unit as written (spaces from wrapping removed), with where it stands."""

    name: str
    start: int
    end: int


@dataclass
class ClauseUnits:
    """The units a clause names, in order; responsible excludes the lead units."""

    path: str
    lead: list[UnitMention] = field(default_factory=list)
    responsible: list[UnitMention] = field(default_factory=list)
    open_ended: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    standalone: bool = False  # the statement stands in a paragraph of its own

    @property
    def empty(self) -> bool:
        return not self.lead and not self.responsible


def _balanced_end(text: str, open_at: int) -> int | None:
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] in _OPEN:
            depth += 1
        elif text[i] in _CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return None


_LEVEL_START = re.compile(r"^(省|市|区|县|各|中共)")


def _blank_between_units(squashed: Squashed, piece_start: int, i: int) -> bool:
    """True where blanks stood before text[i], the name before them is complete and a new one starts there
    (a blank from line-wrapping inside one name, 市 发展改革委, does not count)."""
    if squashed.origin[i] - squashed.origin[i - 1] <= 1:
        return False
    before, after = squashed.text[piece_start:i], squashed.text[i:]
    return bool(UNIT_SHAPE.search(before)) and len(before) >= 3 and bool(_LEVEL_START.match(after))


def _split_units(squashed: Squashed, start: int, end: int) -> tuple[list[UnitMention], bool]:
    """Units in squashed.text[start:end], split at separators outside parentheses; 等 at the end is noted."""
    units, depth, piece_start = [], 0, start
    text = squashed.text
    for i in range(start, end + 1):
        ch = text[i] if i < end else None
        if ch is not None and ch in _OPEN:
            depth += 1
        elif ch is not None and ch in _CLOSE:
            depth -= 1
        if ch is None or (depth == 0 and ch in _SEPARATORS):
            if i > piece_start:
                units.append([piece_start, i])
            piece_start = i + 1
        elif depth == 0 and i > piece_start and _blank_between_units(squashed, piece_start, i):
            units.append([piece_start, i])  # 市科技局 市财政局: a blank alone separates two whole names
            piece_start = i
    open_ended = False
    if units:
        last = units[-1]
        while last[1] > last[0] and text[last[1] - 1] in "。.":
            last[1] -= 1
        if text[last[0]:last[1]].endswith("等") and last[1] - last[0] > 1:
            last[1] -= 1
            open_ended = True
    mentions = [UnitMention(text[a:b], *squashed.span(a, b)) for a, b in units if b > a]
    return mentions, open_ended


def _labelled(squashed: Squashed, start: int, end: int, result: ClauseUnits) -> bool:
    """Read '牵头单位：…，责任单位：…' in squashed.text[start:end]; False when no label is there."""
    labels = list(_LABEL.finditer(squashed.text, start, end))
    if not labels:
        return False
    for i, label in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else end
        while stop > label.end() and squashed.text[stop - 1] in _SEPARATORS:
            stop -= 1
        mentions, open_ended = _split_units(squashed, label.end(), stop)
        (result.lead if label.group(1) in LEAD_LABELS else result.responsible).extend(mentions)
        result.open_ended = result.open_ended or open_ended
    return True


_LEAD_PHRASE = re.compile(r"(.+?)牵头[，,；;、]?(?:(.+?)(?:配合|参与|协同|协助))?")
_DUTY_PHRASE = re.compile(r"(.+?)(?:按职责分工|按职责|根据职责|分别|共同)?负责")


def _phrased(squashed: Squashed, start: int, end: int, result: ClauseUnits) -> bool:
    """Read '（X牵头，Y配合）' or '（X、Y按职责分工负责）'; only when every name has the shape of a unit."""
    inner = squashed.text[start:end]
    match = _LEAD_PHRASE.fullmatch(inner)
    is_lead_form = match is not None
    match = match or _DUTY_PHRASE.fullmatch(inner)
    if not match:
        return False
    groups = []
    for g in range(1, (match.lastindex or 0) + 1):
        if match.group(g):
            mentions, open_ended = _split_units(squashed, start + match.start(g), start + match.end(g))
            if not mentions or not all(UNIT_SHAPE.search(m.name) for m in mentions):
                return False
            groups.append((g, mentions, open_ended))
    for g, mentions, open_ended in groups:
        (result.lead if is_lead_form and g == 1 else result.responsible).extend(mentions)
        result.open_ended = result.open_ended or open_ended
    return bool(groups)


def units_in_clause(clause: Clause, source: str) -> ClauseUnits:
    """The responsibility statements in a clause's own text."""
    squashed = Squashed.of(clause.text, clause.start)
    text = squashed.text
    result = ClauseUnits(clause.path)
    i = 0
    while i < len(text):
        if text[i] in _OPEN:
            close = _balanced_end(text, i)
            if close is None:
                break
            if _labelled(squashed, i + 1, close, result) or _phrased(squashed, i + 1, close, result):
                start, end = squashed.span(i, close + 1)
                result.evidence.append(Evidence.cut(source, start, end))
                result.standalone = _alone_in_paragraph(source, start, end)
            i = close + 1
            continue
        i += 1
    if result.empty:
        # 责任单位：… without parentheses, on a line of its own or after the clause's last sentence
        for statement in _BARE_STATEMENT.finditer(clause.text):
            sq = Squashed.of(statement.group(1), clause.start + statement.start(1))
            if _labelled(sq, 0, len(sq.text), result):
                result.evidence.append(Evidence.cut(source, *sq.span(0, len(sq.text))))
                result.standalone = _alone_in_paragraph(source, *sq.span(0, len(sq.text)))
    return result


def _alone_in_paragraph(source: str, start: int, end: int) -> bool:
    before = source.rfind("\n", 0, start)
    after = source.find("\n", end)
    return not source[before + 1:start].strip() and not source[end:len(source) if after < 0 else after].strip()


def units_by_clause(clauses: list[Clause], source: str) -> dict[str, ClauseUnits]:
    """Units for every clause; a statement standing alone after a block of items that carry none of their own
    belongs to the clause holding the block."""
    found = {c.path: units_in_clause(c, source) for root in clauses for c in root.walk()}
    for root in clauses:
        for parent in root.walk():
            if not parent.children or not found[parent.path].empty:
                continue
            last = found[parent.children[-1].path]
            others = [found[c.path] for c in parent.children[:-1]]
            if last.standalone and not last.empty and all(o.empty for o in others) and len(parent.children) > 1:
                found[parent.path], found[parent.children[-1].path] = last, ClauseUnits(parent.children[-1].path)
                last.path = parent.path
    return found
