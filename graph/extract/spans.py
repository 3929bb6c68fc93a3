"""A span of the source that evidences an extracted fact."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    """Verbatim source text and where it stands (character offsets, end exclusive)."""

    text: str
    start: int
    end: int

    @classmethod
    def cut(cls, source: str, start: int, end: int) -> "Evidence":
        return cls(source[start:end], start, end)
