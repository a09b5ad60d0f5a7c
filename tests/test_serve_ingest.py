"""``POST /documents``: tokens, text and URL ingestion through the pipeline into the store, and no SSRF."""
from __future__ import annotations

import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from eventwire.errors import InputProblem
from eventwire.serve import ServeSettings, create_app
from eventwire.serve.guard import GuardedTransport, allowed, resolve
from eventwire.serve.settings import parse_networks

from .serve_support import Client, copy_store, serve_store  # noqa: F401  (a fixture)

WRITE = "w-secret"
ARTICLE = """Chile's government announced new trade talks with Peru on Monday.

The foreign minister of Chile said the talks would begin in Lima next month. "We want closer ties," she said."""
PARAGRAPHS = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
PAGE = f"""<!doctype html><html><head><title>Trade talks</title>
<meta property="article:published_time" content="2024-06-03"></head>
<body><article><h1>Trade talks</h1>{PARAGRAPHS}</article></body></html>"""


class _Site(BaseHTTPRequestHandler):
    """A local site: /article.html is a news page, /redirect sends elsewhere; every request is recorded."""

    def do_GET(self):  # noqa: N802
        self.server.seen.append(self.path)
        if self.path == "/article.html":
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", self.server.redirect_to)
            self.end_headers()
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.seen = []
    server.redirect_to = "/article.html"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def writable(serve_store, tmp_path, monkeypatch):  # noqa: F811
    """A writable copy of the test store; the returned function starts a server on it with given settings."""
    monkeypatch.setenv("EVENTWIRE_FETCH_DELAY", "0")
    path = copy_store(serve_store, tmp_path)

    def start(**settings) -> Client:
        return Client(create_app(ServeSettings(store=str(path), write_token=WRITE, **settings)))

    return start


def error_of(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and error["code"] == code, error
    return error


# -- tokens and request checks ----------------------------------------------------------------------------------

pytestmark = pytest.mark.model


def test_writes_need_the_write_token(writable):
    with writable(read_token="r-secret") as client:
        error_of(client.post("/documents", json={"text": ARTICLE}), 401, "unauthorized")
        error_of(client.post("/documents", json={"text": ARTICLE}, token="r-secret"), 403, "bad_token")
        error_of(client.post("/documents", json={"text": ARTICLE}, token="guess"), 403, "bad_token")
        assert client.get("/stats", token=WRITE).json()["tables"]["documents"] == 11  # nothing was written
        assert client.get("/stats", token=WRITE).json()["writable"] is True


@pytest.mark.parametrize("body", [
    {},
    {"title": "no text"},
    {"text": "a", "html": "<p>b</p>"},
    {"url": "file:///etc/passwd"},
    {"url": "ftp://example.com/a"},
    {"text": 42},
])
def test_bad_bodies_are_422(writable, body):
    with writable() as client:
        error = error_of(client.post("/documents", json=body, token=WRITE), 422, "validation")
        assert error["details"]


def test_a_body_that_is_not_json_is_422(writable):
    with writable() as client:
        response = client.post("/documents", content=b"{not json", token=WRITE,
                               headers={"Content-Type": "application/json"})
        error_of(response, 422, "validation")


def test_a_body_too_large_is_413(writable):
    with writable(max_body_bytes=2_000) as client:
        error_of(client.post("/documents", json={"text": "word " * 1_000}, token=WRITE), 413, "too_large")

        async def chunks():  # no Content-Length: the bound holds on what is read
            for _ in range(10):
                yield b" " * 500

        response = client.post("/documents", content=chunks(), token=WRITE,
                               headers={"Content-Type": "application/json"})
        error_of(response, 413, "too_large")


def test_bad_published_is_400(writable):
    with writable() as client:
        error_of(client.post("/documents", json={"text": ARTICLE, "published": "yesterday"}, token=WRITE), 400,
                 "bad_published")


# -- text ---------------------------------------------------------------------------------------------------------

def test_text_goes_through_the_pipeline_into_the_store(writable):
    with writable() as client:
        added = client.post("/documents", json={"text": ARTICLE, "title": "Talks", "published": "2024-06-03",
                                                "id": "talks-1"}, token=WRITE)
        assert added.status_code == 201, added.text
        answer = added.json()
        assert answer["status"] == "added" and answer["id"].startswith("d-") and answer["record_id"] == "talks-1"
        assert added.headers["location"] == answer["href"] == f"/documents/{answer['id']}"
        record = client.get(answer["href"]).json()
        assert record["text"] == ARTICLE and record["title"] == "Talks"
        assert record["published"]["value"] == "2024-06-03"
        assert record["actors"], "the pipeline ran on the text"
        assert answer["quotes"] == len(record["quotes"]) and answer["events"] == len(record["events"])
        assert client.get("/stats").json()["tables"]["documents"] == 12
        again = client.post("/documents", json={"text": ARTICLE, "title": "Talks", "published": "2024-06-03"},
                            token=WRITE)
        assert again.status_code == 200 and again.json()["status"] == "unchanged"
        assert again.json()["id"] == answer["id"]
        forced = client.post("/documents", json={"text": ARTICLE, "title": "Talks", "published": "2024-06-03",
                                                 "force": True}, token=WRITE)
        assert forced.status_code == 201 and forced.json()["status"] == "replaced"
        assert client.get("/stats").json()["tables"]["documents"] == 12


def test_html_is_read_as_a_page(writable):
    with writable() as client:
        added = client.post("/documents", json={"html": PAGE, "url": "https://news.example.net/talks"}, token=WRITE)
        assert added.status_code == 201, added.text
        record = client.get(added.json()["href"]).json()
        assert "trade talks with Peru" in record["text"] and "<p>" not in record["text"]
        assert record["url"] == "https://news.example.net/talks" and record["source"] == "news.example.net"


def test_a_read_only_server_refuses_writes_without_touching_the_store(serve_store):  # noqa: F811
    with Client(create_app(ServeSettings(store=str(serve_store)))) as client:
        error_of(client.post("/documents", json={"text": ARTICLE}, token=WRITE), 403, "writes_disabled")


# -- URLs and SSRF ------------------------------------------------------------------------------------------------

def test_private_addresses_are_refused_by_default(writable, site):
    port = site.server_address[1]
    with writable() as client:
        for url in (f"http://127.0.0.1:{port}/article.html", f"http://localhost:{port}/article.html",
                    f"http://[::ffff:127.0.0.1]:{port}/article.html"):
            error = error_of(client.post("/documents", json={"url": url}, token=WRITE), 400, "refused_address")
            assert "non-public address" in error["message"]
        for url in ("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/",
                    "http://0.0.0.0/"):
            error_of(client.post("/documents", json={"url": url}, token=WRITE), 400, "refused_address")
    assert site.seen == []  # not one request reached the local site


def test_an_allowed_private_address_is_fetched(writable, site):
    port = site.server_address[1]
    with writable(allow_private=parse_networks("127.0.0.1")) as client:
        added = client.post("/documents", json={"url": f"http://127.0.0.1:{port}/article.html"}, token=WRITE)
        assert added.status_code == 201, added.text
        record = client.get(added.json()["href"]).json()
        assert "trade talks with Peru" in record["text"]
        assert record["url"] == f"http://127.0.0.1:{port}/article.html" and record["title"] == "Trade talks"
        again = client.post("/documents", json={"url": f"http://127.0.0.1:{port}/article.html"}, token=WRITE)
        assert again.status_code == 200 and again.json()["status"] == "unchanged"
    assert "/article.html" in site.seen


def test_a_redirect_to_a_refused_address_is_not_followed(writable, site):
    port = site.server_address[1]
    site.redirect_to = f"http://127.0.0.2:{port}/article.html"  # loopback too, but not the allowed address
    with writable(allow_private=parse_networks("127.0.0.1/32")) as client:
        response = client.post("/documents", json={"url": f"http://127.0.0.1:{port}/redirect"}, token=WRITE)
        error_of(response, 400, "refused_address")
    assert site.seen.count("/redirect") == 1 and "/article.html" not in site.seen


def test_an_unreachable_site_is_502(writable, site):
    port = site.server_address[1]
    with writable(allow_private=parse_networks("127.0.0.1")) as client:
        error_of(client.post("/documents", json={"url": f"http://127.0.0.1:{port}/gone.html"}, token=WRITE), 502,
                 "http_error")


def test_the_transport_checks_addresses_when_it_connects(site):
    """Even a request that skipped the pre-check (or a name that resolves differently by then) cannot connect."""
    port = site.server_address[1]
    with httpx.Client(transport=GuardedTransport(())) as client:
        with pytest.raises(InputProblem) as refused:
            client.get(f"http://127.0.0.1:{port}/article.html")
    assert refused.value.code == "refused_address"
    with httpx.Client(transport=GuardedTransport(parse_networks("127.0.0.0/8"))) as client:
        assert client.get(f"http://127.0.0.1:{port}/article.html").status_code == 200
    assert site.seen == ["/article.html"]


@pytest.mark.parametrize(("address", "networks", "expected"), [
    ("8.8.8.8", "", True),
    ("2001:4860:4860::8888", "", True),
    ("127.0.0.1", "", False),
    ("::1", "", False),
    ("::ffff:127.0.0.1", "", False),
    ("::ffff:10.1.2.3", "10.0.0.0/8", True),
    ("10.1.2.3", "", False),
    ("10.1.2.3", "10.0.0.0/8", True),
    ("10.1.2.3", "10.9.0.0/16", False),
    ("172.16.5.4", "", False),
    ("192.168.1.1", "", False),
    ("169.254.169.254", "", False),
    ("fe80::1", "", False),
    ("fd00::1", "", False),
    ("100.64.0.1", "", False),
    ("0.0.0.0", "", False),
    ("224.0.0.1", "", False),
    ("192.168.1.1", "all", True),
])
def test_which_addresses_are_allowed(address, networks, expected):
    assert allowed(ipaddress.ip_address(address), parse_networks(networks)) is expected


def test_resolve_checks_every_address():
    with pytest.raises(InputProblem) as refused:
        resolve("localhost", 80, ())
    assert refused.value.code == "refused_address"
    assert resolve("localhost", 80, parse_networks("127.0.0.0/8,::1"))
