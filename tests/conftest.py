"""Shared fixtures: the bundled corpus built once per session, in a real Oxigraph store."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "documents"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def corpus_build():
    """The bundled corpus, built by the real pipeline (no validation: that has its own tests)."""
    from policykg.build import build_corpus

    return build_corpus([CORPUS])


@pytest.fixture(scope="session")
def corpus_store(corpus_build) -> ox.Store:
    """An in-memory Oxigraph store holding the built corpus."""
    store = ox.Store()
    store.bulk_extend(corpus_build.quads)
    return store


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))
