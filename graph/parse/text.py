"""Small text facts shared by the parser and extractors: spaces from PDF line-wrapping, Chinese numerals."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Whitespace the PDF and web extractors insert inside words and names: ASCII, ideographic, no-break.
WHITESPACE = re.compile(r"[\s\u3000\xa0\u200b]+")
_BLANKS = frozenset("\u3000\xa0\u200b")

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "零〇一二两三四五六七八九十百千"


def squash(text: str) -> str:
    """Remove all whitespace: names and headings wrapped by a PDF become one piece again."""
    return WHITESPACE.sub("", text)


def cn_to_int(numeral: str) -> int:
    """Chinese numeral to int (一→1, 十一→11, 二十三→23, 一百零五→105); ValueError if it is not one."""
    if not numeral or any(ch not in _DIGITS and ch not in _UNITS for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    total, digit = 0, None
    for ch in numeral:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
    return total + (digit or 0)


@dataclass(frozen=True)
class Squashed:
    """Text with whitespace removed, and where each remaining character stood in the original."""

    text: str
    origin: tuple[int, ...]  # origin[i] = offset in the original text of text[i]

    @classmethod
    def of(cls, text: str, base: int = 0) -> "Squashed":
        """Squash text that starts at offset `base` of the document."""
        kept = [i for i, ch in enumerate(text) if ch not in _BLANKS and not ch.isspace()]
        return cls("".join(text[i] for i in kept), tuple(base + i for i in kept))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the squashed slice [start, end)."""
        if start >= end:
            at = self.origin[start] if start < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)
            return at, at
        return self.origin[start], self.origin[end - 1] + 1
