"""What a running server is configured with; built once by the command (or a test) and passed in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_BASE = "https://w3id.org/policykg/"


@dataclass
class Settings:
    """Server settings: the store to serve, the IRI base it publishes, and the limits every query obeys."""

    store_dir: str | Path
    base: str = DEFAULT_BASE
    query_timeout: float = 10.0  # seconds a query may run before its worker is killed
    max_rows: int = 10000  # rows (or triples) returned before a result is cut and marked truncated
    write_token: str | None = None  # bearer token that allows SPARQL Update and Graph Store writes; None = read-only
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2  # query worker processes

    @property
    def public_root(self) -> str:
        """The server's own address, to which IRIs under `base` are mapped."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}/"
