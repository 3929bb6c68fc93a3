"""What every page function returns: one context, rendered later as HTML, JSON or CSV (Datasette's model)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policykg.server.pages.sparql_text import PREFIXES
from policykg.server.query_runner import QueryRunner


@dataclass
class Table:
    """A list in the page's data that also has a CSV twin: which key of `data` holds it, and its columns."""

    key: str
    columns: list[str]
    title: str = ""


@dataclass
class SparqlUsed:
    """One query a page ran, so the page can link to it (every number on a page can be re-derived)."""

    title: str
    sparql: str


@dataclass
class Page:
    """One page's context: its template, title, data (plain values and refs), tables and the SPARQL behind it."""

    template: str
    title: str
    data: dict[str, Any]
    tables: list[Table] = field(default_factory=list)
    queries: list[SparqlUsed] = field(default_factory=list)
    truncated: bool = False

    def table(self, key: str | None) -> Table | None:
        """The named table, or the first one when no name is given."""
        if key is None:
            return self.tables[0] if self.tables else None
        return next((t for t in self.tables if t.key == key), None)


class PageQueries:
    """Runs a page's queries through the runner and remembers each one, with the prefixes, for the SPARQL links."""

    def __init__(self, runner: QueryRunner):
        self.runner = runner
        self.used: list[SparqlUsed] = []
        self.truncated = False

    def select(self, title: str, body: str) -> list[dict[str, Any]]:
        """Run one SELECT (written without prefixes) and return its rows as dicts of terms."""
        sparql = PREFIXES + body.strip() + "\n"
        self.used.append(SparqlUsed(title, sparql))
        result = self.runner.select(sparql)
        self.truncated = self.truncated or bool(result.truncated)
        return [dict(row) for row in result.rows]
