"""Recognise what web sites and converters add around a document, from patterns kept as data."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class BoilerplatePattern:
    name: str
    regex: re.Pattern[str]
    inline: bool  # may sit inside a line that also holds document text (then only the match is boilerplate)


@cache
def patterns() -> tuple[BoilerplatePattern, ...]:
    """The patterns in data/boilerplate.toml, compiled once."""
    data = tomllib.loads(resources.files("policykg.data").joinpath("boilerplate.toml").read_text("utf-8"))
    return tuple(
        BoilerplatePattern(p["name"], re.compile(p["regex"]), bool(p.get("inline", False))) for p in data["pattern"]
    )


def is_boilerplate_line(line: str) -> bool:
    """True when a whole line is site furniture rather than document text."""
    if not line.strip():
        return False
    return any(not p.inline and p.regex.search(line) for p in patterns())


def inline_boilerplate(text: str) -> list[tuple[int, int]]:
    """Spans of converter artefacts sitting inside document lines (e.g. Word bookmarks)."""
    return [m.span() for p in patterns() if p.inline for m in p.regex.finditer(text)]
