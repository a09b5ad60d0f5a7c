"""Inputs to articles: ``.txt`` and ``.html`` files, ``.jsonl`` files of input records, folders (recursively).

Every input becomes an ``Article`` or, when it cannot be read, an ``InputError`` carrying a code and a message
that names the input. Nothing raises for a bad input: the caller decides what to write.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputProblem
from ..records import Article, InputError, RecordWarning
from .decode import decode_bytes
from .html import HtmlPage, read_html
from .text import clean_text, source_of

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

Item = Article | InputError


def normalize_published(value: Any, name: str) -> str | None:
    """A given publication date as ISO 8601 (``YYYY-MM-DD`` or a date-time), or None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise InputProblem(f"{name}: 'published' must be a date string, not the number {value!r}", "bad_published")
    text = str(value).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed.isoformat()
    except ValueError:
        raise InputProblem(f"{name}: 'published' is not an ISO date: {text!r}", "bad_published") from None


def article_from_record(record: Any, name: str) -> Article:
    """An input record (``{"id", "text" | "html", "published", "title", "url"}``) as an article."""
    if not isinstance(record, dict):
        raise InputProblem(f"{name}: an input record must be a JSON object, not {type(record).__name__}",
                           "bad_record")
    if record.get("id") in (None, ""):
        raise InputProblem(f"{name}: the input record has no 'id'", "bad_record")
    doc_id = str(record["id"])
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputProblem(f"{name}: record {doc_id!r} has neither 'text' nor 'html' as a string", "bad_record")
    published = normalize_published(record.get("published"), f"{name} (record {doc_id!r})")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    if isinstance(text, str) and text.strip():
        cleaned = clean_text(text, detect_title=False)
        if not cleaned.text:
            raise InputProblem(f"{name}: record {doc_id!r} has no text once boilerplate is removed", "empty")
        url = url or cleaned.url
        return Article(id=doc_id, text=cleaned.text, title=title, url=url, source=source_of(url),
                       published=published, published_origin="given" if published else None, input=name)
    if isinstance(html, str) and html.strip():
        page = read_html(html, f"{name} (record {doc_id!r})", url=url, keep_empty=True)
        return _page_article(page, doc_id, name, given=published, title=title)
    raise InputProblem(f"{name}: record {doc_id!r} is empty", "empty")


def _page_article(page: HtmlPage, doc_id: str, name: str, given: str | None = None,
                  title: str | None = None) -> Article:
    article = Article(id=doc_id, text=page.text, title=title or page.title, url=page.url, source=page.source,
                      published=given or page.published,
                      published_origin="given" if given else ("metadata" if page.published else None), input=name)
    if page.no_text:
        article.warnings.append(RecordWarning(
            "no_text", f"{name}: no article text found in the HTML page; its title, url and date are kept"))
    return article


def _read_file(path: Path, settings: Settings) -> str:
    size = path.stat().st_size
    if size > settings.max_input_bytes:
        raise InputProblem(f"{path}: {size:,} bytes is more than the limit of {settings.max_input_bytes:,} "
                           "(EVENTWIRE_MAX_INPUT_BYTES)", "too_large")
    data = path.read_bytes()
    if not data.strip():
        raise InputProblem(f"{path}: the file is empty", "empty")
    return decode_bytes(data, str(path))


def _kind(path: Path, text: str | None = None) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = (text or "")[:500].lstrip().lower()
    return "html" if head.startswith(("<!doctype html", "<html")) else "text"


def read_file(path: Path, settings: Settings | None = None) -> Iterator[Item]:
    """The articles in one file (several for JSONL), errors included."""
    settings = settings or Settings()
    name = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, settings)
        return
    try:
        raw = _read_file(path, settings)
    except InputProblem as problem:
        yield InputError(id=path.stem, code=problem.code, message=problem.message, input=name)
        return
    except OSError as error:
        yield InputError(id=path.stem, code="unreadable", message=f"{name}: {error.strerror or error}", input=name)
        return
    kind = _kind(path, raw)
    try:
        if kind == "html":
            yield _page_article(read_html(raw, name, keep_empty=True), path.stem, name)
        else:
            cleaned = clean_text(raw)
            if not cleaned.text:
                raise InputProblem(f"{name}: no article text once boilerplate is removed", "empty")
            yield Article(id=path.stem, text=cleaned.text, title=cleaned.title, url=cleaned.url,
                          source=cleaned.source, input=name)
    except InputProblem as problem:
        yield InputError(id=path.stem, code=problem.code, message=problem.message, input=name)


def item_from_record(record: Any, where: str) -> Item:
    """One parsed input record as an article, or the error that stops it (named by its id where it has one)."""
    try:
        return article_from_record(record, where)
    except InputProblem as problem:
        doc_id = str(record["id"]) if isinstance(record, dict) and record.get("id") not in (None, "") else where
        return InputError(id=doc_id, code=problem.code, message=problem.message, input=where)


def jsonl_line(line: str, where: str) -> Item:
    """One line of JSONL as an article, or the error naming ``where``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(id=where, code="bad_json", message=f"{where}: not valid JSON ({error.msg})", input=where)
    return item_from_record(record, where)


def too_large(where: str, size: int, settings: Settings) -> InputError | None:
    """The error for a record of ``size`` bytes over the per-record limit, or None."""
    if size <= settings.max_input_bytes:
        return None
    return InputError(id=where, code="too_large", input=where, message=(
        f"{where}: the record has {size:,} bytes, more than the limit of {settings.max_input_bytes:,} "
        "(EVENTWIRE_MAX_INPUT_BYTES)"))


def jsonl_bytes(data: bytes, where: str, settings: Settings, first: bool = False) -> Item:
    """One line of a JSONL file as bytes (``first``: the file's first line, which may open with a BOM): the
    per-record size limit, UTF-8, then ``jsonl_line``."""
    error = too_large(where, len(data), settings)
    if error is not None:
        return error
    try:
        line = data.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as problem:
        return InputError(id=where, code="undecodable", input=where,
                          message=f"{where}: a JSONL line must be UTF-8 ({problem.reason} at byte {problem.start})")
    return jsonl_line(line, where)


def read_jsonl_text(raw: str, name: str) -> Iterator[Item]:
    """Each line of JSONL text as an article; a malformed line is an error naming the input and line."""
    for number, line in enumerate(raw.split("\n"), 1):
        if line.strip():
            yield jsonl_line(line, f"{name}:{number}")


def read_jsonl_file(path: Path, settings: Settings) -> Iterator[Item]:
    """A JSONL file read line by line (any size): the byte limit applies to each record, not to the file."""
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError(id=path.stem, code="unreadable", message=f"{name}: {error.strerror or error}", input=name)
        return
    seen = False
    with handle:
        for number, data in enumerate(handle, 1):
            where = f"{name}:{number}"
            if not data.strip():
                continue
            seen = True
            yield jsonl_bytes(data, where, settings, first=number == 1)
    if not seen:
        yield InputError(id=path.stem, code="empty", message=f"{name}: the file is empty", input=name)


def expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, and the article files in folders named (recursively, in sorted order)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in KNOWN_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield path


def read_inputs(paths: Iterable[str | os.PathLike[str]], settings: Settings | None = None) -> Iterator[Item]:
    """Articles (and input errors) from files and folders, in order."""
    for path in expand(paths):
        if not path.exists():
            yield InputError(id=path.stem or str(path), code="not_found", message=f"{path}: no such file",
                             input=str(path))
            continue
        yield from read_file(path, settings)


def article_from_text(text: str, doc_id: str = "text", published: str | None = None, title: str | None = None,
                      url: str | None = None) -> Article:
    """An article from a string (the library's and the API's way in)."""
    record = {"id": doc_id, "text": text, "published": published, "title": title, "url": url}
    return article_from_record(record, doc_id)

