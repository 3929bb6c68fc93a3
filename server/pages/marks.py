"""Marking phrases inside a text without building HTML by hand: the template gets pieces to escape."""

from __future__ import annotations

from typing import Any


def highlight(body: str, evidence: list[str | None]) -> list[dict[str, Any]]:
    """Split a clause's text into plain and marked pieces, marking each incentive's evidence where it occurs."""
    spans = []
    for phrase in evidence:
        if not phrase:
            continue
        start = body.find(phrase)
        if start >= 0:
            spans.append((start, start + len(phrase)))
    spans.sort()
    segments, position = [], 0
    for start, end in spans:
        if start < position:
            continue
        if start > position:
            segments.append({"text": body[position:start], "mark": False})
        segments.append({"text": body[start:end], "mark": True})
        position = end
    if position < len(body):
        segments.append({"text": body[position:], "mark": False})
    return segments
