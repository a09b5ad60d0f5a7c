"""Batch output into the store: each partition file's records through ``Store.add_documents``, as ``ingest`` writes.

The store gives the guarantees (docs/store.md): ids from the canonical URL or the text, one transaction per batch
of records with the events it touches re-clustered, a document already stored with the same content left
unchanged, error records kept in the ``errors`` table. So a load can be stopped and re-run, and a folder loaded
twice adds nothing. Needs no Ray: Parquet partitions are read with DuckDB.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..store import IngestSummary, Store
from .output import partition_files, read_manifest, read_partition_file


@dataclass
class LoadReport:
    files: int = 0
    missing: list[str] = field(default_factory=list)  # partitions the batch job planned but has not written
    summary: IngestSummary = field(default_factory=IngestSummary)


def load_output(directory: str | os.PathLike[str], store: Store, *, replace: bool = False,
                progress: Callable[[Path, IngestSummary], None] | None = None) -> LoadReport:
    """Add every record of a batch output folder to ``store``, partition by partition, in input order. Only the
    outcomes of errors are kept in the report's summary (a folder may hold millions of records)."""
    folder = Path(directory)
    if not folder.is_dir():
        raise UsageError(f"no such folder: {folder}")
    files = partition_files(folder)
    manifest = read_manifest(folder)
    if not files:
        raise UsageError(f"{folder} holds no batch output (part-*.parquet or part-*.jsonl files)")
    report = LoadReport(files=len(files))
    if manifest:
        written = {p.name.rsplit(".", 1)[0] for p in files}
        report.missing = [p["name"] for p in manifest.get("partitions", []) if p["name"] not in written]
    for path in files:
        done = store.add_documents(read_partition_file(path), replace=replace)
        done.outcomes = [o for o in done.outcomes if o.status == "error"]
        seconds = report.summary.seconds + done.seconds
        report.summary.merge(done)
        report.summary.seconds = seconds
        if progress:
            progress(path, report.summary)
    return report
