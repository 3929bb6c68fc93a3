"""The error family: user errors that name the file and place; anything else is our bug."""

from __future__ import annotations


class PolicyKGError(Exception):
    """Base of every error a user can cause and fix."""


class InputError(PolicyKGError):
    """A document that cannot be read or parsed, with the file and place it concerns."""

    def __init__(self, path: str, message: str, offset: int | None = None, line: int | None = None):
        self.path, self.offset, self.line = path, offset, line
        where = path if line is None else f"{path}:{line}"
        if offset is not None:
            where += f" (character {offset})"
        super().__init__(f"{where}: {message}")


class StoreError(PolicyKGError):
    """A store that cannot be opened, loaded or reached."""


class QueryError(PolicyKGError):
    """A SPARQL query the engine rejects (the user's query, not our bug)."""
