"""Clause markers as printed (一、 （一） 1. （1） 第一条 …): what each looks like and what it numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.parse.text import CN_NUMERAL, cn_to_int

_CN = f"[{CN_NUMERAL}]{{1,4}}"
_OPEN, _CLOSE = "[（(]", "[）)]"
# Each kind: the pattern at the marker's start, and how its path element is written.
# `after` excludes false hits: "1.5倍", "2020年", "(1)号".
MARKER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("article", re.compile(rf"第(?P<n>{_CN}|\d{{1,3}})条(?=[\s\u3000　]|[^\d款项])")),
    ("chapter", re.compile(rf"第(?P<n>{_CN}|\d{{1,3}})[章部分节]+(?=[\s\u3000　]|[^\d])")),
    ("cn", re.compile(rf"(?P<n>{_CN})\s*[、．.](?![\d])")),
    ("paren_cn", re.compile(rf"{_OPEN}\s*(?P<n>{_CN})\s*{_CLOSE}")),
    ("num", re.compile(r"(?P<n>\d{1,3})\s*(?:[、．﹒]|\.(?!\d))")),
    ("paren_num", re.compile(rf"{_OPEN}\s*(?P<n>\d{{1,3}})\s*{_CLOSE}")),
    ("circled", re.compile(r"(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")),
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class Marker:
    """One marker found in the text."""

    kind: str
    value: int
    text: str  # as printed, e.g. "（六）"
    start: int
    end: int  # end of the marker and the spaces after it

    @property
    def path_element(self) -> str:
        """How the marker is written in a clause path: 一, (一), 1, (1), 第一条."""
        numeral = re.search(r"[（(]\s*(.+?)\s*[）)]", self.text)
        core = numeral.group(1) if numeral else self.text.strip().rstrip("、．.﹒").strip()
        if self.kind in ("paren_cn", "paren_num"):
            return f"({core})"
        return core


def _value(kind: str, numeral: str) -> int:
    if kind == "circled":
        return _CIRCLED.index(numeral) + 1
    return int(numeral) if numeral.isdigit() else cn_to_int(numeral)


def marker_at(text: str, pos: int) -> Marker | None:
    """The marker that starts exactly at pos, if any, with the spaces after it."""
    for kind, pattern in MARKER_PATTERNS:
        match = pattern.match(text, pos)
        if not match:
            continue
        try:
            value = _value(kind, match.group("n"))
        except ValueError:
            continue
        if value <= 0:
            continue
        end = match.end()
        following = text[end:end + 1]
        if kind in ("num", "cn") and following in ("%", "％", "倍", "亿", "万", "元"):
            continue
        while end < len(text) and text[end] in " \t\u3000\xa0":
            end += 1
        return Marker(kind, value, match.group(0), pos, end)
    return None
