"""Fetching URLs politely, against a local HTTP server started by the test (never the internet)."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.errors import InputProblem
from eventwire.ingest.sources import read_sources
from eventwire.ingest.web import Fetcher, FetchPolicy, article_from_url
from eventwire.records import Article, InputError

BODY = ("<p>Russia launched a massive missile attack on Ukraine on Thursday, hitting Kyiv and its power plants, "
        "officials said.</p><p>Ten people were killed and dozens wounded in the strikes, the mayor of Kyiv said in "
        "a statement on Thursday evening.</p><p>The attack damaged power lines across the region and left a "
        "million homes without heat as temperatures fell below freezing.</p>")


def page(title: str, canonical: str | None = None, body: str = BODY) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f"<!doctype html><html><head><title>{title}</title>{link}"
            f'<meta property="article:published_time" content="2024-11-28T18:00:00Z"></head>'
            f"<body><nav>Home | World</nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>All rights reserved</footer></body></html>").encode()


class Site(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    seen: list[tuple[str, str, float]] = []  # (path, user agent, time)

    def do_GET(self):  # noqa: N802 (http.server's name)
        Site.seen.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/endless":  # no content-length: streamed until the client stops reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + b"x" * 1000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        status, headers, body = Site.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):  # keep test output quiet
        pass


HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>
      <item><title>Missiles hit Kyiv</title><link>{base}/world/strike</link>
        <pubDate>Thu, 28 Nov 2024 18:00:00 GMT</pubDate><description>Short summary.</description></item>
      <item><title>Gone</title><link>{base}/gone</link><description>Tiny.</description></item>
    </channel></rss>""".encode()
    Site.routes = {
        "/world/strike": (200, HTML, page("Missiles hit Kyiv", canonical=f"{base}/world/strike-canonical")),
        "/elsewhere": (200, HTML, page("Copied", canonical="https://other.example.com/story")),
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
        "/private/page": (200, HTML, page("Private")),
        "/plain.txt": (200, {"Content-Type": "text/plain"}, b"Headline here\n\nPolice arrested two men on Tuesday."),
        "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        "/big": (200, HTML, b"<p>" + b"y" * 50_000 + b"</p>"),
        "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, feed),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/no-text": (200, HTML, b"<html><head><title>Live: election night</title></head><body></body></html>"),
    }
    for n in range(1, 4):
        Site.routes[f"/hop{n}"] = (301, {"Location": f"/hop{n + 1}" if n < 3 else "/world/strike"}, b"")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def fetcher(**policy) -> Fetcher:
    settings = {"delay": 0.0, "timeout": 5.0}
    settings.update(policy)
    return Fetcher(FetchPolicy(**settings))


def test_a_page_becomes_an_article_with_its_canonical_url_and_date(site):
    Site.seen.clear()
    with fetcher(user_agent="eventwire-test/1") as f:
        article = article_from_url(f"{site}/world/strike", f)
    assert isinstance(article, Article)
    assert article.url == f"{site}/world/strike-canonical" and article.source == "127.0.0.1"
    assert article.title == "Missiles hit Kyiv" and article.published == "2024-11-28"
    assert "Russia launched a massive missile attack" in article.text and "Home | World" not in article.text
    assert ("/world/strike", "eventwire-test/1") in [(p, ua) for p, ua, _ in Site.seen]


def test_a_canonical_link_to_another_site_is_not_trusted(site):
    with fetcher() as f:
        assert article_from_url(f"{site}/elsewhere", f).url == f"{site}/elsewhere"


def test_redirects_are_followed_up_to_the_limit(site):
    with fetcher(max_redirects=3) as f:
        assert f.fetch(f"{site}/hop1").url == f"{site}/world/strike"
    with fetcher(max_redirects=2) as f, pytest.raises(InputProblem) as problem:
        f.fetch(f"{site}/hop1")
    assert problem.value.code == "too_many_redirects"
    with fetcher() as f, pytest.raises(InputProblem, match="redirects"):
        f.fetch(f"{site}/loop")


@pytest.mark.parametrize("path, policy, code", [
    ("/big", {"max_bytes": 10_000}, "too_large"),  # said by Content-Length
    ("/endless", {"max_bytes": 20_000}, "too_large"),  # counted while reading
    ("/slow", {"timeout": 0.3}, "timeout"),
    ("/missing", {}, "http_error"),
    ("/private/page", {}, "robots"),
    ("/image.png", {}, "unsupported_type"),
    ("/world/strike", {"allow_private": False}, "refused_address"),  # what a server does against SSRF
])
def test_fetch_problems_have_codes(site, path, policy, code):
    with fetcher(**policy) as f, pytest.raises(InputProblem) as problem:
        article_from_url(f"{site}{path}", f)
    assert problem.value.code == code
    assert site in str(problem.value)


def test_robots_txt_can_be_ignored_on_request(site):
    with fetcher(robots=False) as f:
        assert article_from_url(f"{site}/private/page", f).title == "Private"


def test_requests_to_one_host_are_spaced_by_the_delay(site):
    Site.seen.clear()
    with fetcher(delay=0.4, robots=False) as f:
        for _ in range(3):
            f.fetch(f"{site}/plain.txt")
    times = [t for p, _, t in Site.seen if p == "/plain.txt"]
    assert len(times) == 3 and all(b - a >= 0.35 for a, b in zip(times, times[1:], strict=False))


def test_a_plain_text_page_and_a_not_a_url(site):
    with fetcher() as f:
        article = article_from_url(f"{site}/plain.txt", f)
        assert (article.title, article.text) == ("Headline here", "Police arrested two men on Tuesday.")
        with pytest.raises(InputProblem) as problem:
            f.fetch("ftp://example.com/file")
    assert problem.value.code == "bad_url"


def test_a_feed_url_gives_the_articles_its_entries_link_to(site):
    with fetcher() as f:
        items = list(read_sources([f"{site}/feed.xml"], fetcher=f))
    article, missing = items
    assert isinstance(article, Article) and article.title == "Missiles hit Kyiv"
    assert "Russia launched" in article.text and "Short summary" not in article.text  # the page, not the feed
    assert article.published == "2024-11-28"
    assert isinstance(missing, InputError) and missing.code == "http_error" and missing.input == f"{site}/gone"


def test_urls_without_a_fetcher_are_errors(site):
    (item,) = read_sources([f"{site}/world/strike"])
    assert isinstance(item, InputError) and item.code == "no_fetching"


def test_a_page_asked_for_without_article_text_is_kept_with_a_warning(site):
    with fetcher() as f:
        article = article_from_url(f"{site}/no-text", f)
    assert (article.text, article.url, article.source) == ("", f"{site}/no-text", "127.0.0.1")
    assert [w.code for w in article.warnings] == ["no_text"]
