"""Shared fixtures: the bundled corpus built once per session, in a real Oxigraph store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from gold_files import CORPUS


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
