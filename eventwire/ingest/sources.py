"""Any mix of inputs to articles: files, folders, URLs (pages or feeds), RSS/Atom feed files, WARC archives.

``read_sources`` is what ``eventwire ingest`` (and the server's URL ingestion) reads with; plain files go through
``readers.read_file`` as in ``eventwire extract``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import InputProblem
from ..records import Article, InputError
from .decode import decode_bytes
from .feeds import read_feed
from .readers import KNOWN_SUFFIXES, read_file
from .warc import is_warc, read_warc
from .web import Fetcher, article_from_page, is_feed

FEED_SUFFIXES = {".rss", ".atom", ".xml"}

Item = Article | InputError


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _wanted(path: Path) -> bool:
    suffix = path.suffix.lower()
    return not path.name.startswith(".") and (suffix in KNOWN_SUFFIXES or suffix in FEED_SUFFIXES or is_warc(path))


def expand_sources(inputs: Iterable[str]) -> Iterator[str | Path]:
    """URLs as they are, files, and the readable files in folders (recursively, sorted)."""
    for given in inputs:
        if is_url(given):
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
        else:
            yield path


def read_url(url: str, fetcher: Fetcher) -> Iterator[Item]:
    """A page's article, or a feed's articles."""
    try:
        fetched = fetcher.fetch(url)
        if is_feed(fetched):
            yield from read_feed(fetched.body, url, fetcher)
            return
        yield article_from_page(fetched, url, keep_empty=True)  # a page asked for: kept even without text
    except InputProblem as problem:
        yield InputError(id=url, code=problem.code, message=problem.message, input=url)


def read_feed_file(path: Path, settings: Settings, fetcher: Fetcher | None) -> Iterator[Item]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise InputProblem(f"{name}: {size:,} bytes is more than the limit of {settings.max_input_bytes:,} "
                               "(EVENTWIRE_MAX_INPUT_BYTES)", "too_large")
        data = path.read_bytes()
        decode_bytes(data, name)  # refuses binary data with a clear message
    except InputProblem as problem:
        yield InputError(id=path.stem, code=problem.code, message=problem.message, input=name)
        return
    except OSError as error:
        yield InputError(id=path.stem, code="unreadable", message=f"{name}: {error.strerror or error}", input=name)
        return
    yield from read_feed(data, name, fetcher)


def read_sources(inputs: Iterable[str], settings: Settings | None = None,
                 fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Articles and input errors from every input, in order. Without a ``fetcher``, URLs are errors and feed
    entries are read from the feed's own content."""
    settings = settings or Settings()
    for source in expand_sources(inputs):
        if isinstance(source, str):
            if fetcher is None:
                yield InputError(id=source, code="no_fetching", message=f"{source}: fetching URLs is turned off",
                                 input=source)
            else:
                yield from read_url(source, fetcher)
        elif not source.exists():
            yield InputError(id=source.stem or str(source), code="not_found", message=f"{source}: no such file",
                             input=str(source))
        elif is_warc(source):
            yield from read_warc(source, settings)
        elif source.suffix.lower() in FEED_SUFFIXES:
            yield from read_feed_file(source, settings, fetcher)
        else:
            yield from read_file(source, settings)
