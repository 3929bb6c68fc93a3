"""Cited documents to documents in the corpus, by number first, then by title; else a stub."""

from __future__ import annotations

from dataclasses import dataclass

from policykg.extract.references import Reference
from policykg.parse.text import squash


@dataclass(frozen=True)
class CorpusEntry:
    """What the corpus index knows of one of its documents."""

    key: str  # the source file name
    number: str | None
    titles: frozenset[str]  # policy title and notice title, squashed


@dataclass(frozen=True)
class ResolvedReference:
    reference: Reference
    target: str | None  # key of the corpus document it cites; None for a document outside the corpus


class CorpusIndex:
    """Looks documents up by number and title across one build."""

    def __init__(self, entries: list[CorpusEntry]):
        self.by_number = {e.number: e for e in entries if e.number}
        self.by_title = {title: e for e in entries for title in e.titles}

    def resolve(self, reference: Reference, citing_key: str) -> ResolvedReference:
        """The corpus document a reference points to, never the citing document itself."""
        entry = None
        if reference.number:
            entry = self.by_number.get(reference.number)
        if entry is None and reference.title:
            entry = self.by_title.get(squash(reference.title).strip("《》“”\""))
        if entry is not None and entry.key == citing_key:
            entry = None
        return ResolvedReference(reference, entry.key if entry else None)
