"""Articles from URLs, fetched politely: a timeout, a size limit, a user agent, bounded redirects, robots.txt,
a pause between requests to the same host, and (for servers) a refusal of private and local addresses.

``Fetcher.fetch(url)`` returns the response body or raises ``InputProblem`` with a code that says why not
(``bad_url``, ``refused_address``, ``robots``, ``timeout``, ``too_large``, ``too_many_redirects``, ``http_error``,
``unsupported_type``, ``fetch_failed``); ``article_from_url`` turns a page into an ``Article``.
"""
from __future__ import annotations

import ipaddress
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__
from ..errors import InputProblem
from ..records import Article, RecordWarning
from .decode import decode_bytes
from .html import read_html
from .text import clean_text, source_of

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/feed+json")


@dataclass(frozen=True)
class FetchPolicy:
    """How URLs are fetched; each field can be set with an environment variable ``EVENTWIRE_FETCH_<NAME>``."""

    timeout: float = 20.0  # seconds to connect, and between bytes received
    max_bytes: int = 10_000_000  # a larger response is refused (too_large)
    max_redirects: int = 5
    delay: float = 1.0  # seconds between two requests to the same host
    user_agent: str = f"eventwire/{__version__} (news event extraction)"
    robots: bool = True  # obey robots.txt
    allow_private: bool = True  # False refuses private, loopback and link-local addresses (servers: no SSRF)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> FetchPolicy:
        environ = dict(os.environ) if environ is None else environ
        values: dict[str, object] = {}
        for name, kind in (("timeout", float), ("max_bytes", int), ("max_redirects", int), ("delay", float),
                           ("user_agent", str)):
            raw = environ.get(f"EVENTWIRE_FETCH_{name.upper()}")
            if raw:
                values[name] = kind(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str  # media type, lower case, no parameters
    charset: str | None
    body: bytes
    redirects: list[str] = field(default_factory=list)

    def text(self) -> str:
        if self.charset:
            try:
                return self.body.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return decode_bytes(self.body, self.url)


def check_address(url: str, allow_private: bool) -> None:
    """Refuse URLs that are not http(s), and (unless allowed) hosts that resolve to non-public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputProblem(f"{url}: not an http(s) URL", "bad_url")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise InputProblem(f"{url}: the host {parts.hostname} cannot be resolved ({error})", "fetch_failed") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise InputProblem(f"{url}: refused to fetch from the non-public address {address} "
                               "(private, loopback or link-local)", "refused_address")


class Fetcher:
    """Fetches URLs with one HTTP client; thread-safe pauses per host. Close it (or use ``with``) when done."""

    def __init__(self, policy: FetchPolicy | None = None, transport: httpx.BaseTransport | None = None):
        self.policy = policy or FetchPolicy.from_env()
        self._client = httpx.Client(timeout=httpx.Timeout(self.policy.timeout), follow_redirects=False,
                                    headers={"User-Agent": self.policy.user_agent}, transport=transport)
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _pause(self, host: str) -> None:
        with self._lock:
            wait = self._last.get(host, 0.0) + self.policy.delay - time.monotonic()
            self._last[host] = time.monotonic() + max(wait, 0.0)
        if wait > 0:
            time.sleep(wait)

    def _allowed(self, url: str) -> bool:
        if not self.policy.robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser: RobotFileParser | None = None
            try:
                self._pause(parts.netloc)
                response = self._client.get(origin + "/robots.txt")
                if response.status_code == 200 and len(response.content) <= 500_000:
                    parser = RobotFileParser()
                    parser.parse(response.text.splitlines())
                elif response.status_code in (401, 403):
                    parser = RobotFileParser()
                    parser.disallow_all = True
            except httpx.HTTPError:
                parser = None  # no robots.txt to be had: allowed
            self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.policy.user_agent, url)

    def fetch(self, url: str) -> Fetched:
        redirects: list[str] = []
        current = url
        for _ in range(self.policy.max_redirects + 1):
            check_address(current, self.policy.allow_private)
            if not self._allowed(current):
                raise InputProblem(f"{current}: robots.txt does not allow fetching this page", "robots")
            self._pause(urlsplit(current).netloc)
            try:
                with self._client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise InputProblem(f"{current}: a redirect without a location", "http_error")
                        redirects.append(current)
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise InputProblem(f"{current}: the server answered {response.status_code} "
                                           f"{response.reason_phrase}", "http_error")
                    return self._read(current, response, redirects)
            except httpx.TimeoutException:
                raise InputProblem(f"{current}: no answer within {self.policy.timeout:g} s", "timeout") from None
            except httpx.HTTPError as error:
                raise InputProblem(f"{current}: {type(error).__name__}: {error}", "fetch_failed") from None
        raise InputProblem(f"{url}: more than {self.policy.max_redirects} redirects", "too_many_redirects")

    def _read(self, url: str, response: httpx.Response, redirects: list[str]) -> Fetched:
        limit = self.policy.max_bytes
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise InputProblem(f"{url}: {int(declared):,} bytes is more than the limit of {limit:,} "
                               "(EVENTWIRE_FETCH_MAX_BYTES)", "too_large")
        body = bytearray()
        for chunk in response.iter_bytes():
            body.extend(chunk)
            if len(body) > limit:
                raise InputProblem(f"{url}: more than the limit of {limit:,} bytes (EVENTWIRE_FETCH_MAX_BYTES)",
                                   "too_large")
        media = response.headers.get("content-type", "")
        content_type = media.split(";")[0].strip().lower()
        charset = response.charset_encoding
        return Fetched(url=str(response.url), status=response.status_code, content_type=content_type,
                       charset=charset, body=bytes(body), redirects=redirects)


def is_feed(fetched: Fetched) -> bool:
    head = fetched.body[:1024].lstrip().lower()
    if fetched.content_type in FEED_TYPES and fetched.content_type not in HTML_TYPES:
        return True
    return fetched.content_type in ("", "application/octet-stream") and (b"<rss" in head or b"<feed" in head)


def _same_site(a: str, b: str) -> bool:
    return (source_of(a) or "") == (source_of(b) or "")


def article_from_page(fetched: Fetched, name: str, doc_id: str | None = None, keep_empty: bool = False) -> Article:
    """An article from a fetched HTML or plain-text page; its url is the page's canonical URL on the same site.

    A page asked for on purpose (``keep_empty``) without article text keeps its title, url and date with a
    ``no_text`` warning; otherwise (a crawl) it raises ``InputProblem`` with code ``no_text``."""
    if fetched.content_type in HTML_TYPES or (not fetched.content_type and fetched.body.lstrip()[:1] == b"<"):
        page = read_html(fetched.text(), name, keep_empty=keep_empty)
        url = fetched.url
        if page.url and page.url != url and _same_site(page.url, url) and urlsplit(page.url).path not in ("", "/"):
            url = page.url  # the page's own canonical URL (same site, not its home page)
        article = Article(id=doc_id or url, text=page.text, title=page.title, url=url, source=source_of(url),
                          published=page.published, published_origin="metadata" if page.published else None,
                          input=name)
        if page.no_text:
            article.warnings.append(RecordWarning(
                "no_text", f"{name}: no article text found in the HTML page; its title, url and date are kept"))
        return article
    if fetched.content_type in TEXT_TYPES:
        cleaned = clean_text(fetched.text())
        if not cleaned.text:
            raise InputProblem(f"{name}: no article text", "empty")
        return Article(id=doc_id or fetched.url, text=cleaned.text, title=cleaned.title, url=fetched.url,
                       source=source_of(fetched.url), input=name)
    raise InputProblem(f"{name}: cannot read a page of type {fetched.content_type or 'unknown'}", "unsupported_type")


def article_from_url(url: str, fetcher: Fetcher) -> Article:
    """Fetch ``url`` and read its article (raises ``InputProblem``)."""
    return article_from_page(fetcher.fetch(url), url, keep_empty=True)
