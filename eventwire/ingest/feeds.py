"""RSS and Atom feeds (feedparser): each entry becomes an article, from the page it links to or from the
entry's own content.

An entry that carries the full article (``content:encoded`` or Atom ``content`` of at least ``FULL_CHARS``
characters of text) is read from the feed; otherwise the linked page is fetched (when a ``Fetcher`` is given)
and the feed's title and date fill in what the page lacks. An entry with neither is an error record.
"""
from __future__ import annotations

import calendar
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser
import lxml.html

from ..errors import InputProblem
from ..records import Article, InputError
from .text import clean_text, source_of
from .web import Fetcher, article_from_page

log = logging.getLogger("eventwire")

FULL_CHARS = 300  # an entry's content at least this long (as text) is taken as the whole article
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


@dataclass
class FeedEntry:
    id: str
    link: str | None
    title: str | None
    published: str | None  # ISO date-time (UTC)
    content: str  # the entry's text (full content if the feed has it, else its summary)
    full: bool  # the content is the whole article


def html_text(fragment: str) -> str:
    """The text of an HTML fragment, one paragraph per line."""
    if "<" not in fragment:
        return clean_text(fragment, detect_title=False).text
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several kinds on broken fragments
        return clean_text(fragment, detect_title=False).text
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return clean_text(root.text_content(), detect_title=False).text


def _when(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).replace(tzinfo=None).isoformat()


def parse_feed(data: bytes | str, name: str) -> list[FeedEntry]:
    """The entries of a feed; raises ``InputProblem`` when ``data`` is not a feed."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise InputProblem(f"{name}: not an RSS or Atom feed{f' ({problem})' if problem else ''}", "bad_feed")
    entries = []
    for number, entry in enumerate(parsed.entries, 1):
        contents = [c.get("value", "") for c in entry.get("content") or []]
        full_text = html_text(max(contents, key=len)) if contents else ""
        summary = html_text(entry.get("summary") or "")
        full = len(full_text) >= FULL_CHARS
        link = entry.get("link")
        entries.append(FeedEntry(
            id=str(entry.get("id") or link or f"{name}#{number}"), link=link, title=entry.get("title"),
            published=_when(entry), content=full_text if full else (full_text or summary), full=full))
    return entries


def entry_article(entry: FeedEntry, name: str) -> Article:
    """An article from the entry's own content."""
    if not entry.content.strip():
        raise InputProblem(f"{name}: the entry {entry.id!r} has no text and no page could be fetched", "empty")
    return Article(id=entry.id, text=entry.content, title=entry.title, url=entry.link, source=source_of(entry.link),
                   published=entry.published, published_origin="metadata" if entry.published else None, input=name)


def read_feed(data: bytes | str, name: str, fetcher: Fetcher | None = None) -> Iterator[Article | InputError]:
    """The articles of a feed, in feed order; ``name`` is the feed's path or URL."""
    try:
        entries = parse_feed(data, name)
    except InputProblem as problem:
        yield InputError(id=name, code=problem.code, message=problem.message, input=name)
        return
    for entry in entries:
        where = f"{name}#{entry.id}"
        try:
            if entry.full or not entry.link or fetcher is None:
                yield entry_article(entry, where)
                continue
            try:
                article = article_from_page(fetcher.fetch(entry.link), entry.link)
            except InputProblem as problem:
                if len(entry.content) < 200:
                    raise
                log.info("%s: using the feed's summary (%s)", entry.link, problem)
                yield entry_article(entry, where)
                continue
            article.title = article.title or entry.title
            if not article.published and entry.published:
                article.published, article.published_origin = entry.published, "metadata"
            yield article
        except InputProblem as problem:
            yield InputError(id=entry.id, code=problem.code, message=problem.message, input=entry.link or where)
