"""Browser tests: ``eventwire serve`` started as a real process on loopback, driven by headless Chromium (Debian's
``chromium`` package) through Playwright. They skip, saying why, where Chromium or Playwright is missing; install
them with ``apt-get install -y chromium chromium-driver`` and ``pip install -e ".[web]"``.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ..conftest import ROOT
from ..serve_support import Server, copy_store, serve_store  # noqa: F401  (a fixture)

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install -y chromium chromium-driver")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install -e '.[web]'")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(serve_store, tmp_path_factory):  # noqa: F811
    server = Server(copy_store(serve_store, tmp_path_factory.mktemp("browser")))
    yield server
    server.stop()


@pytest.fixture
def page(browser, server):
    """A fresh page; every request it makes is recorded in ``page.requested``, every script error fails."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.requested = []
    page.errors = []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()
    assert page.errors == []


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
