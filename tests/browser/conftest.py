"""A real server on 127.0.0.1 over the bundled corpus, and real headless Chromium driven by Playwright."""

from __future__ import annotations

import importlib.resources
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from policykg.server.app import create_app
from policykg.server.settings import Settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def build_corpus_store(directory: Path) -> Path:
    """The bundled corpus, built by the real builder into an on-disk store."""
    from policykg.build import build_into_store

    corpus = Path(str(importlib.resources.files("policykg.corpus")))
    build_into_store([corpus], directory, validate=False)  # validation has its own tests
    return directory


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Iterator[str]:
    """The whole app (endpoint, linked data, pages) served by uvicorn in a thread; yields its base URL."""
    store = build_corpus_store(tmp_path_factory.mktemp("browser-store"))
    port = _free_port()
    settings = Settings(store_dir=store, host="127.0.0.1", port=port, workers=2)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from the system (Playwright's own browser download is not used)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed; the browser tests need a system Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, site):
    """A fresh page that may only talk to the test server."""
    context = browser.new_context(base_url=site, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site) else route.abort())
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def screenshot():
    """Save a full-page screenshot into test-artifacts/ (gitignored) as a test artefact."""
    def save(tab, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        tab.screenshot(path=str(path), full_page=True)
        return path

    return save
