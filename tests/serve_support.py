"""The store the server's tests read: the demo articles through the real pipeline, plus four hand-written
documents whose events, actors, places and quotes are known exactly (so that filters and pages can be checked
whatever the extraction stages find in the demo articles at the moment).
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from anyio.from_thread import start_blocking_portal

from eventwire.records import Actor, Document, Event, EventDate, Place, Published, Quote, TimeExpr

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "eventwire" / "data" / "demo"


def at(text: str, part: str, nth: int = 1) -> tuple[int, int]:
    """The span of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth):
        start = text.index(part, start + 1)
    return start, start + len(part)


def _sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r'\S.*?[.!?]"?(?=\s|$)', text)]


def shelling() -> Document:
    text = ("Russian forces shelled Kharkiv on 3 March 2024, the regional governor said. "
            "Ukraine's foreign minister Andrii Sybiha said: \"We will answer this attack.\" "
            "Ukraine threatened to strike Belgorod in response.")
    rus, ukr = Actor("a1", "Russia", "military", "RUS", "MIL", None, "RUSMIL", [at(text, "Russian forces")]), \
        Actor("a2", "Ukraine", "country", "UKR", "GOV", None, "UKRGOV", [at(text, "Ukraine"), at(text, "Ukraine", 2)])
    sybiha = Actor("a3", "Andrii Sybiha", "person", "UKR", "GOV", "Foreign Minister", "UKRGOV",
                   [at(text, "Andrii Sybiha")])
    kharkiv = Place("p1", "Kharkiv", at(text, "Kharkiv"), "Kharkiv", 706483, 49.98, 36.25, "UA", "PPLA", "city")
    belgorod = Place("p2", "Belgorod", at(text, "Belgorod"), "Belgorod", 578072, 50.61, 36.58, "RU", "PPLA", "city")
    sentences = _sentences(text)
    return Document(
        id="shelling", text=text, url="https://news.example.com/world/kharkiv-shelling", source="news.example.com",
        title="Kharkiv shelled", language="en", published=Published("2024-03-04", "given", 1.0),
        sentences=sentences, actors=[rus, ukr, sybiha], places=[kharkiv, belgorod],
        times=[TimeExpr("t1", "3 March 2024", at(text, "3 March 2024"), "DATE", "2024-03-03")],
        quotes=[Quote("q1", "a3", at(text, "Andrii Sybiha"), "said", at(text, "said", 2), "We will answer this attack.",
                      at(text, "We will answer this attack."), "direct")],
        events=[
            Event("e1", ["a1"], ["a2"], "195", "ASSAULT", 4, -10.0, "asserted",
                  EventDate("2024-03-03", "text", at(text, "3 March 2024"), "day"), "p1", 0, at(text, "shelled"),
                  sentences[0], 0.9),
            Event("e2", ["a2"], ["a1"], "138", "THREATEN", 3, -7.0, "asserted",
                  EventDate("2024-03-04", "published", None, "day"), "p2", 2, at(text, "threatened"),
                  sentences[2], 0.7),
        ])


def agreement() -> Document:
    text = ("Germany and France signed a trade agreement in Berlin on 10 April 2024. "
            "Germany promised economic aid to France next year.")
    deu = Actor("a1", "Germany", "country", "DEU", "GOV", None, "DEUGOV", [at(text, "Germany"), at(text, "Germany", 2)])
    fra = Actor("a2", "France", "country", "FRA", "GOV", None, "FRAGOV", [at(text, "France"), at(text, "France", 2)])
    berlin = Place("p1", "Berlin", at(text, "Berlin"), "Berlin", 2950159, 52.52, 13.41, "DE", "PPLC", "city")
    sentences = _sentences(text)
    return Document(
        id="agreement", text=text, url="https://www.wire.example.org/europe/trade-pact", source="wire.example.org",
        title="A trade pact", language="en", published=Published("2024-04-11", "given", 1.0),
        sentences=sentences, actors=[deu, fra], places=[berlin],
        times=[TimeExpr("t1", "10 April 2024", at(text, "10 April 2024"), "DATE", "2024-04-10")],
        events=[
            Event("e1", ["a1"], ["a2"], "057", "AGREE", 1, 8.0, "asserted",
                  EventDate("2024-04-10", "text", at(text, "10 April 2024"), "day"), "p1", 0, at(text, "signed"),
                  sentences[0], 0.9),
            Event("e2", ["a1"], ["a2"], "071", "AID", 2, 7.4, "future",
                  EventDate("2025", "text", at(text, "next year"), "year"), None, 1, at(text, "promised"),
                  sentences[1], 0.6),
        ])


def hostile_markup() -> Document:
    """An article whose text and title hold markup: the page must show it as text, never run it."""
    text = ("Police in Paris arrested a protester on 2 May 2024 who carried a sign reading "
            "<script>window.__pwned = 1</script> and <img src=x onerror=\"window.__pwned = 2\">.")
    police = Actor("a1", "Police", "organization", "FRA", "COP", None, "FRACOP", [at(text, "Police")])
    protester = Actor("a2", "protester", "person", "FRA", "OPP", None, "FRAOPP", [at(text, "a protester")])
    paris = Place("p1", "Paris", at(text, "Paris"), "Paris", 2988507, 48.85, 2.35, "FR", "PPLC", "city")
    return Document(
        id="markup", text=text, url="https://news.example.com/paris/arrest", source="news.example.com",
        title="<b>Arrest</b> in Paris", language="en", published=Published("2024-05-02", "given", 1.0),
        sentences=[(0, len(text))], actors=[police, protester], places=[paris],
        times=[TimeExpr("t1", "2 May 2024", at(text, "2 May 2024"), "DATE", "2024-05-02")],
        events=[Event("e1", ["a1"], ["a2"], "173", "COERCE", 4, -5.0, "asserted",
                      EventDate("2024-05-02", "text", at(text, "2 May 2024"), "day"), "p1", 0, at(text, "arrested"),
                      (0, len(text)), 0.8)])


def denial() -> Document:
    text = "Israel did not attack Lebanon on 20 May 2024, officials in Jerusalem said."
    isr = Actor("a1", "Israel", "country", "ISR", "GOV", None, "ISRGOV", [at(text, "Israel")])
    lbn = Actor("a2", "Lebanon", "country", "LBN", "GOV", None, "LBNGOV", [at(text, "Lebanon")])
    jerusalem = Place("p1", "Jerusalem", at(text, "Jerusalem"), "Jerusalem", 281184, 31.77, 35.22, "IL", "PPLC",
                      "city")
    return Document(
        id="denial", text=text, url="https://www.wire.example.org/mideast/denial", source="wire.example.org",
        title="A denial", language="en", published=Published("2024-05-21", "given", 1.0),
        sentences=[(0, len(text))], actors=[isr, lbn], places=[jerusalem],
        events=[Event("e1", ["a1"], ["a2"], "190", "ASSAULT", 4, -10.0, "negated",
                      EventDate("2024-05-20", "text", at(text, "20 May 2024"), "day"), "p1", 0, at(text, "attack"),
                      (0, len(text)), 0.8)])


HAND_WRITTEN = [shelling, agreement, hostile_markup, denial]


def build_store(path: Path, pipeline) -> None:
    """Write the demo articles (through ``pipeline``) and the hand-written documents into a new store."""
    from eventwire.ingest import read_inputs
    from eventwire.store import Store

    with Store(path) as store:
        summary = store.add_documents(pipeline.run(read_inputs([DEMO])))
        assert summary.errors == 0, summary.to_dict()
        store.add_documents([make() for make in HAND_WRITTEN])


# -- fixtures and an in-process client ------------------------------------------------------------------------

_BUILT: dict[str, Path] = {}


@pytest.fixture(scope="session")
def serve_store(tmp_path_factory, pipeline) -> Path:
    """The test store (built once per test run); copy it before opening it for writing."""
    if "store" not in _BUILT:
        path = tmp_path_factory.mktemp("serve") / "serve.duckdb"
        build_store(path, pipeline)
        _BUILT["store"] = path
    return _BUILT["store"]


def copy_store(source: Path, folder: Path) -> Path:
    target = folder / "copy.duckdb"
    shutil.copyfile(source, target)
    return target


class Client:
    """Requests to the ASGI app in this process (httpx over ASGITransport), with the app's startup and shutdown
    run as a server would run them. Use as a context manager."""

    def __init__(self, app, token: str | None = None):
        self.app = app
        self.token = token

    def __enter__(self) -> Client:
        self._portal_cm = start_blocking_portal()
        self.portal = self._portal_cm.__enter__()
        self._lifespan = self.portal.wrap_async_context_manager(self.app.router.lifespan_context(self.app))
        self._lifespan.__enter__()
        transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
        self.http = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        return self

    def __exit__(self, *exc) -> None:
        self.portal.call(self.http.aclose)
        self._lifespan.__exit__(None, None, None)
        self._portal_cm.__exit__(None, None, None)

    def request(self, method: str, url: str, token: str | None = None, **kwargs) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}) or {})
        if token or self.token:
            headers.setdefault("Authorization", f"Bearer {token or self.token}")

        async def send() -> httpx.Response:
            return await self.http.request(method, url, headers=headers, **kwargs)

        return self.portal.call(send)

    def get(self, url: str, **kwargs) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> httpx.Response:
        return self.request("POST", url, **kwargs)


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
