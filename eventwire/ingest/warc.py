"""WARC archives (warcio): each HTML response (or resource) record becomes an article.

Records that are not pages (requests, metadata, images, scripts, redirects, errors) are passed over; a page that
cannot be read, or has no article text, becomes an error record naming the archive and the record's offset
(``eventwire.batch.warc`` reads archives in slices the same way, one item per page record).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..config import Settings
from ..errors import InputProblem
from ..records import Article, InputError
from .web import HTML_TYPES, TEXT_TYPES, Fetched, article_from_page

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _content_type(record) -> str:
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    return value.split(";")[0].strip().lower()


def _charset(record) -> str | None:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    for part in value.split(";")[1:]:
        key, _, charset = part.strip().partition("=")
        if key.lower() == "charset" and charset:
            return charset.strip("\"' ")
    return None


def read_warc(path: Path, settings: Settings | None = None) -> Iterator[Article | InputError]:
    """The articles in a WARC (or ARC) file, gzipped or not, in archive order."""
    settings = settings or Settings()
    name = str(path)
    try:
        handle = open(path, "rb")
    except OSError as error:
        yield InputError(id=path.name, code="unreadable", message=f"{name}: {error.strerror or error}", input=name)
        return
    with handle:
        iterator = ArchiveIterator(handle, arc2warc=True)
        try:
            for record in iterator:
                if record.rec_type not in ("response", "resource"):
                    continue
                if record.http_headers is not None:
                    status = record.http_headers.get_statuscode()
                    if not status or not status.startswith("2"):
                        continue
                content_type = _content_type(record)
                if content_type not in HTML_TYPES + TEXT_TYPES:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                body = record.content_stream().read(settings.max_input_bytes + 1)
                where = f"{name}@{iterator.get_record_offset()}"  # (asking before reading loses the content)
                try:
                    if len(body) > settings.max_input_bytes:
                        raise InputProblem(f"{where}: the page is larger than {settings.max_input_bytes:,} bytes "
                                           "(EVENTWIRE_MAX_INPUT_BYTES)", "too_large")
                    fetched = Fetched(url=url, status=200, content_type=content_type, charset=_charset(record),
                                      body=body)
                    article = article_from_page(fetched, where, doc_id=url or where)
                    if not url:
                        article.url, article.source = None, None
                    yield article
                except InputProblem as problem:  # a page without article text too (eventwire batch does the same)
                    yield InputError(id=url or where, code=problem.code, message=problem.message, input=where)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:  # a damaged or truncated archive
            yield InputError(id=path.name, code="bad_warc", message=f"{name}: not a readable WARC file "
                             f"({type(error).__name__}: {error})", input=name)
