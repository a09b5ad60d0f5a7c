"""``ingest``: inputs of any kind through the one pipeline into the store, skipping what is already stored.

Articles whose content is already stored under their id are not parsed again (that is what makes a re-run after
an interruption cheap); the rest go through ``Pipeline.run`` and are committed batch by batch, so that stopping the
process loses at most the batch in flight.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import IO

from ..ingest.sources import read_sources
from ..ingest.web import Fetcher
from ..pipeline import Pipeline, Result, truncate
from ..records import Article, InputError
from .database import Store
from .ids import document_id
from .report import IngestSummary, Outcome


class Progress:
    """A progress line: articles done, articles per second, errors so far.

    On a terminal the line is redrawn in place; elsewhere it is written only when ``lines`` is set (one line per
    commit), so that logs stay readable and tests can follow a run.
    """

    def __init__(self, stream: IO[str] | None = None, enabled: bool = True, lines: bool = False,
                 every: float = 0.25):
        self.stream = stream or sys.stderr
        self.tty = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.lines = enabled and lines
        self.every = every
        self.started = time.perf_counter()
        self.done = self.errors = self.stored = 0
        self._drawn = 0.0

    def _text(self) -> str:
        rate = self.done / max(time.perf_counter() - self.started, 1e-9)
        return (f"eventwire ingest: {self.done} articles, {rate:.1f} articles/s, {self.errors} errors, "
                f"{self.stored} committed")

    def tick(self, error: bool = False) -> None:
        self.done += 1
        self.errors += int(error)
        now = time.perf_counter()
        if self.tty and now - self._drawn >= self.every:
            self._drawn = now
            print("\r" + self._text(), end="", file=self.stream, flush=True)

    def committed(self, stored: int) -> None:
        self.stored = stored
        if self.lines and not self.tty:
            print(self._text(), file=self.stream, flush=True)
        elif self.tty:
            print("\r" + self._text(), end="", file=self.stream, flush=True)

    def finish(self) -> None:
        if self.tty:
            print("\r" + self._text(), file=self.stream, flush=True)


def ingest(inputs: Iterable[str], store: Store, pipeline: Pipeline, *, fetcher: Fetcher | None = None,
           force: bool = False, progress: Progress | None = None) -> IngestSummary:
    """Read ``inputs`` (files, folders, URLs, feeds, WARC), extract what is new or changed, and store it."""
    settings = pipeline.settings
    progress = progress or Progress(enabled=False)
    skipped = IngestSummary()

    def fresh() -> Iterator[Article | InputError]:
        for item in read_sources(inputs, settings, fetcher):
            if isinstance(item, Article) and not force:
                text = truncate(item.text, settings.max_chars)
                seen = SimpleNamespace(url=item.url, text=text, title=item.title, input=item.input, id=item.id)
                if store.is_current(seen):
                    skipped.unchanged += 1
                    skipped.outcomes.append(Outcome(item.id, document_id(item.url, text, item.input or item.id),
                                                    "unchanged"))
                    progress.tick()
                    continue
            yield item

    def counted(results: Iterator[Result]) -> Iterator[Result]:
        for result in results:
            progress.tick(error=isinstance(result, InputError))
            yield result

    started = time.perf_counter()
    summary = store.add_documents(
        counted(pipeline.run(fresh())), replace=force, batch_size=settings.batch_size,
        on_batch=lambda total: progress.committed(total.processed + skipped.unchanged))
    progress.finish()
    summary.merge(skipped)
    summary.seconds = time.perf_counter() - started
    return summary
