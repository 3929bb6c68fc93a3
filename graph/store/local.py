"""The embedded Oxigraph store on disk: open it, fill it, and know whether it is up to date."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from policykg.errors import StoreError

MANIFEST = "policykg-manifest.json"


def open_store(directory: str | Path | None) -> ox.Store:
    """Open (creating) an on-disk store, or an in-memory one when no directory is given."""
    if directory is None:
        return ox.Store()
    path = Path(directory)
    try:
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except (OSError, ValueError) as error:
        raise StoreError(f"cannot open the store at {path}: {error}") from error


def replace_contents(store: ox.Store, quads: Iterable[ox.Quad]) -> None:
    """Empty the store and bulk-load the new quads, so a rebuild never leaves stale triples."""
    store.clear()
    store.bulk_extend(quads)
    store.flush()
    store.optimize()


def read_manifest(directory: str | Path) -> dict | None:
    """The record of what a store was built from, or None when there is none."""
    path = Path(directory) / MANIFEST
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def write_manifest(directory: str | Path, manifest: dict) -> None:
    """Record what a store was built from, beside it."""
    (Path(directory) / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True), "utf-8")
