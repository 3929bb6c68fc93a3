"""Where paragraphs start: line starts, and in one-line web crawls the starts that spaces reveal."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A crawl that lost its line breaks has lines this long; below it, text is laid out in lines.
RUN_ON_LINE_LENGTH = 1500
_BULLETS = "-–—•·●▪■◆*"
_RUN_ON_BREAK = re.compile(r"[。；;！？!?]|[）)]-?(?=[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、]|第[一二三四五六七八九十百\d]+条)")
_PAREN_NUMBER = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[）)]")


@dataclass(frozen=True)
class Paragraph:
    """A stretch of text that may open with a clause marker or a closing formula."""

    start: int  # first non-blank character after any bullet
    line_start: bool  # True at a real line start; False for a start found inside a run-on line


def is_run_on(text: str) -> bool:
    """True for crawls that put a whole document on a few very long lines."""
    return any(len(line) > RUN_ON_LINE_LENGTH for line in text.split("\n"))


def _skip_lead(text: str, pos: int, end: int) -> int:
    """Skip blanks, list bullets and converter artefacts at the start of a paragraph."""
    while pos < end:
        ch = text[pos]
        if ch in " \t\u3000\xa0":
            pos += 1
        elif ch in _BULLETS and pos + 1 < end and text[pos + 1] in " \t\u3000\xa0":
            pos += 2
        elif text.startswith("[bookmark:", pos):
            close = text.find("]", pos, end)
            if close < 0:
                break
            pos = close + 1
        else:
            break
    return pos


def paragraph_starts(text: str, start: int = 0, end: int | None = None, dense: bool = False) -> list[Paragraph]:
    """All paragraph starts in text[start:end], in order. `dense` adds, in run-on lines, every sentence end and
    parenthesised number: places where a clause marker may hide in a crawl that lost even its blanks."""
    end = len(text) if end is None else end
    line_from = text.rfind("\n", 0, start) + 1
    line_to = text.find("\n", end)
    run_on = is_run_on(text[line_from:len(text) if line_to < 0 else line_to])
    found: list[Paragraph] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start, line_end = start + line.start(), start + line.end()
        first = _skip_lead(text, line_start, line_end)
        if first < line_end:
            found.append(Paragraph(first, True))
        if not run_on:
            continue
        # Inside a run-on line a new paragraph shows as blanks after the previous text, or (in crawls that
        # dropped even those) as a sentence end or a parenthesised number; the clause parser accepts only
        # numbers that continue the numbering, so prose is safe.
        starts = {first + gap.end() for gap in re.finditer(r"[ \t\u3000\xa0]+", text[first:line_end])}
        if dense:
            starts |= {first + m.end() for m in _RUN_ON_BREAK.finditer(text[first:line_end])}
            starts |= {first + m.start() for m in _PAREN_NUMBER.finditer(text[first:line_end])}
        found.extend(Paragraph(pos, False) for pos in sorted(starts) if first < pos < line_end)
    return found


def line_at(text: str, start: int) -> str:
    """The rest of the line that starts (or continues) at `start`."""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def wrap_width(text: str) -> int | None:
    """The line width of a document hard-wrapped by a PDF extractor (one visual line per line), else None.

    In such text most lines are about as long as the longest; in text laid out in paragraphs they are not."""
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip())
    if len(lengths) < 10:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1]
    full = sum(1 for n in lengths if n >= 0.8 * width)
    return width if width <= 120 and full >= 0.5 * len(lengths) else None


def is_full_line(line: str, width: int | None) -> bool:
    """True for a line that runs to the wrap width: its sentence goes on in the next line."""
    flat = line.strip()
    return width is not None and len(flat) >= 0.8 * width and flat[-1:] not in "。；;：:！？!?"
