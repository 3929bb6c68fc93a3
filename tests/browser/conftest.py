"""A real server on 127.0.0.1 over the bundled corpus, and real headless Chromium driven by Playwright."""

from __future__ import annotations

import importlib.resources
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.server.app import create_app
from policykg.server.background import free_port, serving
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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Iterator[str]:
    """The whole app (endpoint, linked data, pages) served by uvicorn in a thread; yields its base URL."""
    store = build_corpus_store(tmp_path_factory.mktemp("browser-store"))
    port = free_port()
    settings = Settings(store_dir=store, host="127.0.0.1", port=port, workers=2)
    with serving(create_app(settings), port) as url:
        yield url


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
