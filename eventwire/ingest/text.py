"""Plain-text articles: normalise, detect a title line, take a trailing ``Source: URL`` line, drop footers."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

_SOURCE = re.compile(r"^\s*(?:source|originally published at|read (?:the )?(?:original|more) at)\s*:?\s*"
                     r"(https?://\S+)\s*$", re.IGNORECASE)
_URL_ONLY = re.compile(r"^\s*(https?://\S+)\s*$")
_FOOTERS = re.compile(
    r"^\s*(?:comments?\s*\(\d+\)|\d+\s+comments?|share(?: this(?: article| story)?)?(?: on \w+)?|"
    r"(?:tweet|print|email)(?:\s+this)?|advertisement|related(?: articles| stories)?:?|"
    r"(?:all rights reserved|copyright|\u00a9).{0,80}|tags?:.{0,200}|read more:?|"
    r"sign up for our newsletter.{0,80}|follow us on .{0,60})\s*$",
    re.IGNORECASE,
)
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")


@dataclass
class CleanText:
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None


def normalize(raw: str) -> str:
    """Unicode NFC, Unix newlines, no control characters; spaces inside lines kept (spans stay readable)."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def source_of(url: str | None) -> str | None:
    """The site a URL belongs to, without ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


def _is_title(line: str, rest: list[str]) -> bool:
    """A first line that reads as a headline: short, no final full stop, followed by more text."""
    stripped = line.strip()
    if not stripped or not any(r.strip() for r in rest):
        return False
    words = stripped.split()
    if len(words) > 20 or len(stripped) > 160:
        return False
    if stripped[-1] in ".:;,\"'\u201d" and not stripped.endswith("..."):
        return False
    # a headline: a blank line after it, or a body line that is clearly longer
    next_line = next((r for r in rest if r.strip()), "")
    return (rest and not rest[0].strip()) or len(next_line) > 2 * len(stripped)


def clean_text(raw: str, detect_title: bool = True) -> CleanText:
    """The body text of a plain-text article with what its first and last lines say about it."""
    lines = normalize(raw).split("\n")
    url = None
    # trailing boilerplate: footers, a "Source: URL" line, bare URL lines; from the end, blank lines skipped
    while lines:
        last = lines[-1]
        if not last.strip():
            lines.pop()
            continue
        match = _SOURCE.match(last) or (_URL_ONLY.match(last) if len(lines) > 1 else None)
        if match:
            url = url or match.group(1)
            lines.pop()
            continue
        if _FOOTERS.match(last) and len(lines) > 1:
            lines.pop()
            continue
        break
    title = None
    if detect_title and lines and _is_title(lines[0], lines[1:]):
        title = _SPACE_RUN.sub(" ", lines[0]).strip()
        lines = lines[1:]
    text = "\n".join(lines).strip()
    return CleanText(text=text, title=title, url=url, source=source_of(url))
