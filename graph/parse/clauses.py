"""The clause tree: which markers really number provisions, and the text each provision owns.

Guarantees: clauses are in document order; a clause's own text runs from its marker to its first child (or its
end) and the spans of all clauses tile the body without gaps; a marker is accepted only when it continues the
numbering of its level (1 after nothing, n+1 after n, or n+1 after the last item of the same kind under the
previous parent, for numbering that runs on across chapters), so stray numbers in prose stay prose.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policykg.parse.formulas import looks_like_title, trailer_kind
from policykg.parse.markers import Marker, marker_at
from policykg.parse.paragraphs import is_full_line, line_at, paragraph_starts, wrap_width
from policykg.parse.text import squash


@dataclass
class Clause:
    """One numbered provision."""

    path: str  # e.g. 二/(一)/1/(1)
    marker: str  # as printed, e.g. （六）
    kind: str  # marker kind: cn, paren_cn, num, paren_num, article, chapter, circled
    ordinal: int  # among its siblings, from 1
    depth: int  # 1 for top-level clauses
    start: int  # offset of the marker
    own_end: int  # end of its own text (where its first child starts, else its end)
    end: int  # end of its whole span, children included
    heading: str
    text: str  # its own text as in the source, trailing blanks dropped
    children: list["Clause"] = field(default_factory=list)

    def walk(self):
        """This clause and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def find_markers(text: str, start: int, end: int) -> list[Marker]:
    """The markers that really number provisions in text[start:end].

    A covering notice may number its own instructions (一、高度重视…) before the policy it issues restarts at
    一、 under its title: a top-level 1 after a title line, with no closing, attachment or imprint in between,
    starts the tree again and the notice's items stay in the header."""
    accepted: list[Marker] = []
    stack: list[Marker] = []
    last_by_kind_depth: dict[tuple[str, int], int] = {}
    previous_line, trailer_seen = "", False
    for paragraph in paragraph_starts(text, start, end, dense=True):
        marker = marker_at(text, paragraph.start)
        line = line_at(text, paragraph.start)
        if marker is None:
            previous_line = line if line.strip() else previous_line
            trailer_seen = trailer_seen or trailer_kind(line) is not None
            continue
        restart = (accepted and marker.kind == accepted[0].kind and marker.value == 1 and not trailer_seen
                   and paragraph.line_start and looks_like_title(previous_line))
        if restart:
            accepted, stack, last_by_kind_depth = [], [], {}
        level = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].kind == marker.kind), None)
        if level is not None:
            if marker.value != stack[level].value + 1:
                continue
            del stack[level:]
        else:
            depth = len(stack)
            if not stack and accepted and marker.kind != accepted[0].kind:
                continue  # after the first clause, the top level keeps its kind
            run_on = last_by_kind_depth.get((marker.kind, depth))
            if marker.value != 1 and (run_on is None or marker.value != run_on + 1):
                continue
        stack.append(marker)
        last_by_kind_depth[(marker.kind, len(stack) - 1)] = marker.value
        accepted.append(marker)
        previous_line, trailer_seen = line, False
    return accepted


def heading_of(text: str, marker: Marker, own_end: int, width: int | None = None) -> str:
    """The provision's first sentence or title: to the first 。 or line end, spaces from wrapping removed;
    in hard-wrapped text a full line runs on into the next."""
    body = text[marker.end:own_end]
    cut = body.find("。") if "。" in body else len(body)
    line_start = 0
    while (newline := body.find("\n", line_start, cut)) >= 0:
        if not is_full_line(text[marker.start:marker.end] + body[line_start:newline] if line_start == 0
                            else body[line_start:newline], width):
            cut = newline
            break
        line_start = newline + 1
    for stop in ("：", ":"):  # （一）主要目标：到2025年… — a short title before a colon
        at = body.find(stop, 0, cut)
        if 0 < at and len(squash(body[:at])) <= 15:
            cut = at
    return squash(body[:cut]).rstrip("。")


def build_tree(text: str, markers: list[Marker], end: int) -> list[Clause]:
    """Nest accepted markers into clauses; each marker's level is where its kind first opened below its parent."""
    width = wrap_width(text)
    roots: list[Clause] = []
    stack: list[Clause] = []
    for index, marker in enumerate(markers):
        next_start = markers[index + 1].start if index + 1 < len(markers) else end
        while stack and not _opens_below(stack, marker):
            stack.pop()
        siblings = stack[-1].children if stack else roots
        parent_path = stack[-1].path + "/" if stack else ""
        own_end = _trim_end(text, marker.start, next_start)
        clause = Clause(
            path=parent_path + marker.path_element,
            marker=marker.text.strip(),
            kind=marker.kind,
            ordinal=len(siblings) + 1,
            depth=len(stack) + 1,
            start=marker.start,
            own_end=own_end,
            end=own_end,
            heading=heading_of(text, marker, own_end, width),
            text=text[marker.start:own_end],
        )
        siblings.append(clause)
        stack.append(clause)
    for root in roots:
        _close_spans(root)
    return roots


def _opens_below(stack: list[Clause], marker: Marker) -> bool:
    """True when the marker is a child of the clause on top of the stack (its kind is not open above)."""
    return all(open_clause.kind != marker.kind for open_clause in stack)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n\u3000\xa0":
        end -= 1
    return end


def _close_spans(clause: Clause) -> int:
    for child in clause.children:
        clause.end = max(clause.end, _close_spans(child))
    return clause.end


def parse_clauses(text: str, start: int, end: int) -> list[Clause]:
    """The clause forest of text[start:end]."""
    return build_tree(text, find_markers(text, start, end), end)
