"""The one object routes receive: settings plus the query runner (no module-level store anywhere)."""

from __future__ import annotations

from dataclasses import dataclass

from policykg.server.query_runner import QueryRunner
from policykg.server.settings import Settings


@dataclass
class AppContext:
    """Everything a route needs to answer: what the server is configured with and how to query the store."""

    settings: Settings
    runner: QueryRunner
