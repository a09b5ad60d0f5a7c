"""Browser tests: ``eventwire serve`` started as a real process on loopback, driven by headless Chromium (Debian's
``chromium`` package) through Playwright. They skip, saying why, where Chromium or Playwright is missing; install
them with ``apt-get install -y chromium chromium-driver`` and ``pip install -e ".[web]"``.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from ..conftest import ROOT
from ..serve_support import copy_store, serve_store  # noqa: F401  (a fixture)

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
ARTIFACTS = ROOT / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``eventwire serve`` in a process of its own, on a free loopback port."""

    def __init__(self, store: Path, *args: str, env: dict[str, str] | None = None):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = store.with_suffix(".log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "eventwire", "serve", "--store", str(store), "--port", str(self.port),
             "--log-level", "warning", *args],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}, cwd=str(ROOT))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"eventwire serve stopped: {store.with_suffix('.log').read_text()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("eventwire serve did not start within 60 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


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
