"""Reading one partition on a worker: its slice of a JSONL, Parquet or WARC file, or its run of article files.

Every reader yields ``Article``s and ``InputError``s and never raises for a bad input, exactly as
``eventwire.ingest`` does for ``eventwire extract``: JSONL records are read by the same function
(``item_from_record``) and named ``path:line`` as there; Parquet rows (the same input record fields as columns)
are named ``path:row``; WARC page records as ``eventwire.ingest.warc`` names them (``path@offset``).
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..config import Settings
from ..ingest.readers import item_from_record, jsonl_bytes, read_file, too_large
from ..records import Article, InputError
from .plan import Partition, Source
from .warc import read_warc_slice

Item = Article | InputError

#: the input record's fields, read from a Parquet file where it has them
RECORD_COLUMNS = ("id", "text", "html", "published", "title", "url")


def read_jsonl_slice(source: Source, offset: int, start: int, stop: int, settings: Settings) -> Iterator[Item]:
    """Lines ``[start, stop)`` of a JSONL file, the first of them at byte ``offset``, each read as ``eventwire
    extract`` reads it (``jsonl_bytes``: the size limit, UTF-8, JSON, the record)."""
    with open(source.path, "rb") as handle:
        handle.seek(offset)
        for number, raw in enumerate(handle, start):
            if number >= stop:
                break
            if raw.strip():
                yield jsonl_bytes(raw, f"{source.name}:{number}", settings, first=number == 1)


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _record_bytes(record: dict) -> int:
    return sum(len(v.encode("utf-8", "replace")) for v in (record.get("text"), record.get("html"))
               if isinstance(v, str))


def read_parquet_slice(source: Source, start: int, stop: int, settings: Settings) -> Iterator[Item]:
    """Rows ``[start, stop)`` (1-based; to the end when ``stop`` is negative) of a Parquet file of input records."""
    import pyarrow.parquet as pq

    where = f"{source.name}:{start}"
    try:
        handle = pq.ParquetFile(source.path)
        columns = [c for c in RECORD_COLUMNS if c in handle.schema_arrow.names]
        if stop < 0:
            stop = handle.metadata.num_rows + 1
        first = 1
        for group in range(handle.metadata.num_row_groups):
            rows = handle.metadata.row_group(group).num_rows
            if first + rows > start and first < stop:
                table = handle.read_row_group(group, columns=columns)
                lo, hi = max(start, first) - first, min(stop, first + rows) - first
                for number, record in enumerate(table.slice(lo, hi - lo).to_pylist(), first + lo):
                    where = f"{source.name}:{number}"
                    yield too_large(where, _record_bytes(record), settings) or item_from_record(
                        {k: _plain(v) for k, v in record.items()}, where)
            first += rows
    except Exception as error:  # a damaged file: say where reading stopped
        yield InputError(id=where, code="bad_parquet", input=where,
                         message=f"{source.name}: the Parquet file could not be read from row {start} "
                                 f"({type(error).__name__}: {error})")


def read_files(sources: list[Source], settings: Settings) -> Iterator[Item]:
    """Article files (``.txt``, ``.html``, and JSONL files that are read whole), as ``eventwire extract`` reads
    them; by the name the user gave where it leads to the same file, so that records name inputs alike."""
    for source in sources:
        given = Path(source.name)
        try:
            same = given.resolve() == Path(source.path)
        except OSError:
            same = False
        yield from read_file(given if same else Path(source.path), settings)


def read_partition(partition: Partition, settings: Settings) -> Iterator[Item]:
    """The items of one partition, in order."""
    if partition.kind == "files":
        return read_files(partition.sources, settings)
    (source,) = partition.sources
    if partition.kind == "jsonl":
        return read_jsonl_slice(source, partition.offset, partition.start, partition.stop, settings)
    if partition.kind == "parquet":
        return read_parquet_slice(source, partition.start, partition.stop, settings)
    if partition.kind == "warc":
        return read_warc_slice(source.path, source.name, partition.offset, partition.count, settings)
    raise ValueError(f"unknown partition kind {partition.kind!r}")
