"""The Ray actor: one ``Pipeline`` per worker process (the NLP model loaded once), one partition per call.

A partition is read, extracted and written by the worker that gets it, so only its name and a few counts travel
back to the driver. No article can fail the partition: an article that makes the pipeline raise is retried alone
and, if it raises again, becomes an error record (``extract_failed``); a reader that raises ends its partition
with an error record (``read_failed``).
"""
from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ..config import Settings
from ..ingest import article_from_text
from ..pipeline import Pipeline, Result, as_dict
from ..records import Article, InputError
from .output import partition_path, write_partition
from .plan import Partition
from .sources import read_partition

WARM_UP = "The foreign minister said on Monday that talks with Russia would resume in Geneva next week."


def _guarded(items: Iterable[Article | InputError], partition: Partition) -> Iterator[Article | InputError]:
    """``items``, ending with an error record instead of an exception if reading breaks down."""
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception as error:  # a reader's bug or an I/O failure: keep what was read, say where it stopped
            where = partition.describe()
            yield InputError(id=partition.name, code="read_failed", input=where,
                             message=f"{where}: reading stopped ({type(error).__name__}: {error})")
            return
        yield item


def _failed(item: Article | InputError, error: Exception) -> InputError:
    if isinstance(item, InputError):
        return item
    where = item.input or item.id
    return InputError(id=item.id, code="extract_failed", input=item.input,
                      message=f"{where}: extraction failed ({type(error).__name__}: {error})")


def extract_all(pipeline: Pipeline, items: Iterable[Article | InputError]) -> Iterator[Result]:
    """The pipeline's results for ``items``, batch by batch; a batch that raises is redone article by article, and
    an article that raises alone becomes an error record."""
    iterator = iter(items)
    while batch := list(islice(iterator, pipeline.settings.batch_size)):
        try:
            yield from list(pipeline.run(batch))
        except Exception:
            for item in batch:
                try:
                    yield from list(pipeline.run([item]))
                except Exception as error:
                    yield _failed(item, error)


class Extractor:
    """Called by Ray Data with a batch of partition descriptions (``{"task": [json, ...]}``)."""

    def __init__(self, output: str, fmt: str, settings: Settings, published: str | None = None,
                 cwd: str | None = None):
        if cwd and os.path.isdir(cwd):  # the driver's folder, so that relative input names mean the same here
            os.chdir(cwd)
        self.output, self.fmt, self.settings = Path(output), fmt, settings
        started = time.perf_counter()
        self.pipeline = Pipeline(settings, published=published)
        try:  # load the model and whatever the stages load lazily (the gazetteer) now, not in the first partition
            self.pipeline.document(article_from_text(WARM_UP, doc_id="warm-up", published="2024-01-02"))
        except Exception:  # a warm-up failure shows again, with its article, in a partition
            pass
        self.load_s = time.perf_counter() - started

    def process(self, partition: Partition) -> dict[str, Any]:
        started, cpu = time.perf_counter(), time.process_time()
        out = {"name": partition.name, "articles": 0, "errors": 0, "skipped": False}
        if partition_path(self.output, partition.name, self.fmt).exists():  # a retried task that had finished
            out["skipped"] = True
        else:
            items = _guarded(read_partition(partition, self.settings), partition)
            records = [as_dict(r) for r in extract_all(self.pipeline, items)]
            write_partition(self.output, partition.name, self.fmt, records)
            out["articles"] = len(records)
            out["errors"] = sum(1 for r in records if "error" in r)
        out["seconds"] = time.perf_counter() - started
        out["cpu_s"] = time.process_time() - cpu
        out["pid"] = os.getpid()
        out["load_s"] = self.load_s
        out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return out

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        results = [self.process(Partition.from_json(str(task))) for task in batch["task"]]
        return {key: [r[key] for r in results] for key in results[0]}
