"""HTML pages: main text with trafilatura, title and url from the page, publication date with htmldate."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

from ..errors import InputProblem
from .pagedate import find_page_date
from .text import clean_text, source_of

# trafilatura and htmldate log every page they find hard; the record says what matters
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass
class HtmlPage:
    text: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None  # YYYY-MM-DD from the page's metadata or visible dates, else None
    no_text: bool = False  # the page had markup but no article text could be found in it


def page_date(html: str, url: str | None = None) -> str | None:
    """The publication date a page states (metadata first, then its visible text), as YYYY-MM-DD."""
    return find_page_date(html, url)


def read_html(html: str, name: str, url: str | None = None, keep_empty: bool = False) -> HtmlPage:
    """The article in an HTML page; ``name`` identifies the input in error messages.

    A page with markup but no article text raises ``InputProblem`` (``no_text``), unless ``keep_empty``: then it
    comes back with ``no_text`` set, keeping its title, url and date (what a single page given on purpose should
    keep; in a crawl such pages are passed over)."""
    if not html.strip():
        raise InputProblem(f"{name}: the HTML page is empty", "empty")
    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise InputProblem(f"{name}: the HTML could not be parsed ({error})", "bad_html") from error
    text = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    if not text.strip() and not keep_empty:
        raise InputProblem(f"{name}: no article text found in the HTML page", "no_text")
    cleaned = clean_text(text, detect_title=False)
    title = getattr(extracted, "title", None) or None
    page_url = url or getattr(extracted, "url", None) or cleaned.url
    return HtmlPage(text=cleaned.text, title=title, url=page_url, source=source_of(page_url),
                    published=page_date(html, page_url), no_text=not cleaned.text.strip())
