"""A real store and the real server on 127.0.0.1 for the endpoint tests (no mocks)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from policykg.server.app import create_app
from policykg.server.background import free_port, serving
from policykg.server.settings import Settings

FIXTURE = Path(__file__).with_name("fixture.trig")
DOC1 = "https://w3id.org/policykg/id/doc/999999/ceshizi-2024-1"
DOC2 = "https://w3id.org/policykg/id/doc/999999/ceshizi-2024-2"
GRAPH1 = "https://w3id.org/policykg/id/graph/999999/ceshizi-2024-1"
GRAPH2 = "https://w3id.org/policykg/id/graph/999999/ceshizi-2024-2"
TOKEN = "test-curator-token"


def build_store(directory: Path) -> Path:
    """The bundled corpus when the builder exists, plus the test fixture graphs, in an on-disk store."""
    try:
        from policykg.build import build_into_store
    except ImportError:
        build_into_store = None
    if build_into_store is not None:
        import importlib.resources

        corpus = Path(str(importlib.resources.files("policykg.corpus")))
        build_into_store([corpus], directory, validate=False)
    store = ox.Store(str(directory))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return directory


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """One store built once per session; tests that write get their own copy."""
    return build_store(tmp_path_factory.mktemp("store"))


@pytest.fixture
def store_copy(built_store, tmp_path) -> Path:
    """A private copy of the built store, for tests that change it."""
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    return target


@dataclass
class RunningServer:
    url: str
    settings: Settings

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kwargs)


@contextmanager
def running_server(settings: Settings, with_pages: bool = True) -> Iterator[RunningServer]:
    """Serve `create_app(settings)` with uvicorn in a thread on a free local port, and stop it afterwards."""
    settings = replace(settings, host="127.0.0.1", port=free_port())
    with serving(create_app(settings, with_pages=with_pages), settings.port) as url:
        yield RunningServer(url, settings)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[RunningServer]:
    """A read-only server (no write token, endpoint and linked data only) over the built store, per module."""
    store = build_store(tmp_path_factory.mktemp("served"))
    with running_server(Settings(store_dir=store, max_rows=20), with_pages=False) as running:
        yield running


@pytest.fixture(scope="module")
def client(server) -> Iterator[httpx.Client]:
    with server.client() as http:
        yield http
