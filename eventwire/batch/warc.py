"""WARC (and ARC) archives as articles, with warcio: crawled HTML pages and extracted-text records.

An article record is a ``response`` (or ``resource``) record holding an HTML page with HTTP status 200, or a
``conversion`` record holding plain text (Common Crawl's WET files). Other records (requests, metadata, robots.txt,
images) are not articles and are passed over silently. A record's id is its ``WARC-Record-ID`` (the UUID), its
url the ``WARC-Target-URI``; it is named ``ARCHIVE:N`` in messages, N counting article records from 1. The crawl
date is not taken as the publication date: the page's own date (htmldate) is, as for ``.html`` files.

Archives must be compressed record by record (``.warc.gz`` as crawlers write them) or not at all, so that a
reader can start at a record's offset.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import InputProblem
from ..ingest.decode import decode_bytes
from ..ingest.html import read_html
from ..ingest.readers import article_from_record
from ..records import Article, InputError

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _iterator(handle):
    from warcio.archiveiterator import ArchiveIterator

    return ArchiveIterator(handle, arc2warc=True)


def is_article(record) -> bool:
    """Whether a WARC record holds an article (decided from its headers alone)."""
    kind = record.rec_type
    if kind == "conversion":
        return (record.rec_headers.get_header("Content-Type") or "").startswith("text/plain")
    if kind not in ("response", "resource"):
        return False
    if record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def article_offsets(path: Path) -> list[int]:
    """The byte offsets of the article records in an archive, in order. A damaged archive gives the offsets found
    before the damage; the reader that reaches it reports it."""
    offsets: list[int] = []
    try:
        with open(path, "rb") as handle:
            iterator = _iterator(handle)
            for record in iterator:
                if is_article(record):
                    offsets.append(iterator.get_record_offset())
    except Exception:  # warcio raises several kinds on damaged archives; the worker turns them into a record
        pass
    return offsets


def _record_id(record, fallback: str) -> str:
    value = record.rec_headers.get_header("WARC-Record-ID") or ""
    value = value.strip("<>")
    return value.removeprefix("urn:uuid:") or fallback


def _charset(record) -> str | None:
    headers = record.http_headers or record.rec_headers
    content_type = headers.get_header("Content-Type") or ""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _decode(data: bytes, charset: str | None, name: str) -> str:
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name)


def to_article(record, name: str, settings: Settings) -> Article:
    """The article in one article record (``InputProblem`` when there is none)."""
    doc_id = _record_id(record, name)
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    data = record.content_stream().read(settings.max_input_bytes + 1)
    if len(data) > settings.max_input_bytes:
        raise InputProblem(f"{name}: the record is larger than the limit of {settings.max_input_bytes:,} bytes "
                           "(EVENTWIRE_MAX_INPUT_BYTES)", "too_large")
    if not data.strip():
        raise InputProblem(f"{name}: the record is empty", "empty")
    text = _decode(data, _charset(record), name)
    if record.rec_type == "conversion":
        return article_from_record({"id": doc_id, "text": text, "url": url}, name)
    page = read_html(text, name, url=url)
    return Article(id=doc_id, text=page.text, title=page.title, url=page.url, source=page.source,
                   published=page.published, published_origin="metadata" if page.published else None, input=name)


def _tail_complete(path: str, offset: int) -> bool:
    """Whether the archive from ``offset`` (its last record read) to its end is whole gzip members: warcio reads a
    cut download's last record as if it were whole, or stops quietly at it, so the reader checks."""
    decompressor = None
    with open(path, "rb") as handle:
        handle.seek(offset)
        while chunk := handle.read(1 << 16):
            while chunk:
                decompressor = decompressor or zlib.decompressobj(wbits=31)
                try:
                    decompressor.decompress(chunk)
                except zlib.error:
                    return False
                if decompressor.eof:
                    chunk, decompressor = decompressor.unused_data, None
                else:
                    chunk = b""
    return decompressor is None


def read_warc(path: str, name: str, offset: int, first: int, count: int,
              settings: Settings) -> Iterator[Article | InputError]:
    """``count`` article records (all to the end when ``count`` is negative) from byte ``offset``, numbered from
    ``first``. A damaged archive ends with an error record naming where reading stopped."""
    number = first
    last_offset = None
    with open(path, "rb") as handle:
        handle.seek(offset)
        iterator = _iterator(handle)
        while count < 0 or number < first + count:
            where = f"{name}:{number}"
            try:
                record = next(iterator, None)
                if record is not None and not is_article(record):
                    last_offset = iterator.get_record_offset()
                    continue
            except Exception as error:  # a truncated or corrupt archive
                yield _damaged(name, number, f"{type(error).__name__}: {error}")
                return
            if record is None:
                break
            try:
                yield to_article(record, where, settings)
            except InputProblem as problem:
                yield InputError(id=_record_id(record, where), code=problem.code, message=problem.message,
                                 input=where)
            except Exception as error:  # the record's payload is cut short
                yield _damaged(name, number, f"{type(error).__name__}: {error}")
                return
            last_offset = iterator.get_record_offset()
            number += 1
    if count < 0 and path.lower().endswith(".gz") and not _tail_complete(path, last_offset or offset):
        yield _damaged(name, number, "the last record is cut short: an incomplete download?")


def _damaged(name: str, number: int, why: str) -> InputError:
    where = f"{name}:{number}"
    return InputError(id=where, code="bad_archive", input=where,
                      message=f"{name}: the archive could not be read past article record {number - 1} ({why})")
