"""WARC (and ARC) archives (warcio): each HTML or text page record becomes an article, read whole or in slices.

Records that are not pages (requests, metadata, images, scripts, redirects, errors) are passed over; a page that
cannot be read, or has no article text, becomes an error record named ``ARCHIVE@OFFSET``. ``read_warc`` reads a
whole archive (``eventwire ingest``); ``page_offsets`` and ``read_warc_slice`` let ``eventwire batch`` split one
archive between workers and read from a record offset, giving the same items. Slicing needs archives compressed
record by record (``.warc.gz`` as crawlers write them) or not at all.

warcio reads a cut download's last record as if it were whole (or stops quietly at it), so reading to the end of a
``.gz`` archive checks that the archive ends with a whole gzip member, and ends with an error record when not.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import InputProblem
from ..records import Article, InputError
from .web import HTML_TYPES, TEXT_TYPES, Fetched, article_from_page

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _iterator(handle):
    from warcio.archiveiterator import ArchiveIterator

    return ArchiveIterator(handle, arc2warc=True)


def _headers(record):
    return record.http_headers if record.http_headers is not None else record.rec_headers


def _content_type(record) -> str:
    return (_headers(record).get_header("Content-Type") or "").split(";")[0].strip().lower()


def _charset(record) -> str | None:
    for part in (_headers(record).get_header("Content-Type") or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def is_page(record) -> bool:
    """Whether a record holds a page (decided from its headers alone): a response or resource record, HTTP 2xx,
    HTML or plain text."""
    if record.rec_type not in ("response", "resource"):
        return False
    if record.http_headers is not None and not (record.http_headers.get_statuscode() or "").startswith("2"):
        return False
    return _content_type(record) in HTML_TYPES + TEXT_TYPES


def page_offsets(path: Path) -> list[int]:
    """The byte offsets of the page records in an archive, in order. A damaged archive gives the offsets found
    before the damage; the reader of the last slice reaches it and reports it."""
    offsets: list[int] = []
    try:
        with open(path, "rb") as handle:
            iterator = _iterator(handle)
            for record in iterator:
                if is_page(record):
                    offsets.append(iterator.get_record_offset())
    except Exception:  # warcio raises several kinds on damaged archives
        pass
    return offsets


def _article(record, iterator, name: str, settings: Settings) -> Article | InputError:
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    body = record.content_stream().read(settings.max_input_bytes + 1)
    where = f"{name}@{iterator.get_record_offset()}"  # asked after reading: asking first consumes the content
    try:
        if len(body) > settings.max_input_bytes:
            raise InputProblem(f"{where}: the page is larger than {settings.max_input_bytes:,} bytes "
                               "(EVENTWIRE_MAX_INPUT_BYTES)", "too_large")
        fetched = Fetched(url=url, status=200, content_type=_content_type(record), charset=_charset(record),
                          body=body)
        article = article_from_page(fetched, where, doc_id=url or where)
        if not url:
            article.url, article.source = None, None
        return article
    except InputProblem as problem:
        return InputError(id=url or where, code=problem.code, message=problem.message, input=where)


def _tail_complete(path: str, offset: int) -> bool:
    """Whether the archive from ``offset`` to its end is whole gzip members."""
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


def _damaged(name: str, why: str) -> InputError:
    return InputError(id=Path(name).name, code="bad_warc", message=f"{name}: not a readable WARC file ({why})",
                      input=name)


def read_warc_slice(path: str, name: str, offset: int, count: int,
                    settings: Settings) -> Iterator[Article | InputError]:
    """``count`` page records (all to the end when ``count`` is negative) from byte ``offset``."""
    done = 0
    last_offset = offset
    try:
        handle = open(path, "rb")
    except OSError as error:
        yield InputError(id=Path(name).name, code="unreadable", message=f"{name}: {error.strerror or error}",
                         input=name)
        return
    with handle:
        handle.seek(offset)
        iterator = _iterator(handle)
        try:
            while count < 0 or done < count:
                record = next(iterator, None)
                if record is None:
                    break
                if is_page(record):
                    yield _article(record, iterator, name, settings)
                    done += 1
                last_offset = iterator.get_record_offset()
        except Exception as error:  # a damaged archive: warcio raises ArchiveLoadFailed, EOFError, zlib errors ...
            yield _damaged(name, f"{type(error).__name__}: {error}")
            return
    if count < 0 and path.lower().endswith(".gz") and not _tail_complete(path, last_offset):
        yield _damaged(name, "it ends in the middle of a record: an incomplete download?")


def read_warc(path: Path, settings: Settings | None = None) -> Iterator[Article | InputError]:
    """The articles in a WARC (or ARC) file, gzipped or not, in archive order."""
    yield from read_warc_slice(str(path), str(path), 0, -1, settings or Settings())
