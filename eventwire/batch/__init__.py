"""Batch extraction on Ray: many articles, the same records as ``eventwire extract``, written as partitions.

    from eventwire.batch import run_batch, read_output
    report = run_batch(["articles.jsonl", "crawl/"], "out/", workers=4)   # Parquet partitions under out/
    for record in read_output("out/"): ...                                # the contract's records

Ray comes with the ``batch`` extra (``pip install eventwire[batch]``); without it ``run_batch`` raises
``MissingExtra`` naming that command. Reading output back needs only DuckDB.

    plan.py     inputs cut into deterministic partitions (names carry a digest of what they read)
    sources.py  reading one partition: JSONL lines, Parquet rows, WARC records, article files
    warc.py     WARC/ARC archives in slices, read as eventwire.ingest.warc reads them
    worker.py   the Ray actor holding one Pipeline
    output.py   the Parquet and JSONL layouts, atomic partition writes, reading back
    run.py      the driver: plan, skip what is written, run on Ray, report
"""
from __future__ import annotations

from .output import read_output
from .run import BatchReport, MissingExtra, Progress, require_batch_extra, run_batch

__all__ = ["BatchReport", "MissingExtra", "Progress", "read_output", "require_batch_extra", "run_batch"]
