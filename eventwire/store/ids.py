"""Idempotent ids: a document's from its canonical URL or its normalised text; content hashes to see changes."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# query parameters that track the reader, not the article
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|"
                       r"cmpid|ocid|smid|share|s_cid|icid|at_\w+)$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_SLASHES = re.compile(r"/{2,}")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def canonical_url(url: str | None) -> str | None:
    """The URL as a key: https, no ``www.``, no fragment, no tracking parameters, sorted query, tidy path."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return url.strip()
    host = parts.hostname.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = _SLASHES.sub("/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    return urlunsplit(("https", netloc, path, query, ""))


def normalized_text(text: str) -> str:
    """Text as a key: Unicode NFKC, case-folded, whitespace collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def document_id(url: str | None, text: str, fallback: str | None = None) -> str:
    """``d-`` and 16 hex digits: from the canonical URL when there is one, else from the normalised text; a page
    kept without text and without URL is named by ``fallback`` (where it came from)."""
    key = canonical_url(url)
    if key:
        return "d-" + _digest("url:" + key)
    text_key = normalized_text(text)
    if not text_key and fallback:
        return "d-" + _digest("input:" + fallback)
    return "d-" + _digest("text:" + text_key)


def content_hash(text: str, title: str | None, url: str | None) -> str:
    """What decides whether a stored document changed: its text, title and canonical URL."""
    return hashlib.blake2b("\x1f".join((text, title or "", canonical_url(url) or "")).encode("utf-8"),
                           digest_size=12).hexdigest()


def event_id(seed: str) -> str:
    """``ev-`` and 16 hex digits, from the id of the event's first mention."""
    return "ev-" + _digest("event:" + seed)


def event_number(event_id_: str) -> int:
    """A positive 60-bit integer for an event id (GDELT's GLOBALEVENTID is a number)."""
    return int(hashlib.blake2b(event_id_.encode("utf-8"), digest_size=8).hexdigest()[:15], 16)


def text_hash(text: str) -> str:
    """A short key for a piece of text (evidence sentences), normalised as document texts are."""
    return _digest(normalized_text(text))
