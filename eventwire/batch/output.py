"""Batch output: one file per partition, written atomically, holding the records ``eventwire extract`` writes.

Parquet layout (one row per record, every column a string):

    schema, id, url, source, title, language, text, input     the record's scalar fields
    published, sentences, actors, events, quotes, times,      the record's nested fields, each as JSON text
    places, warnings, error, extra

``error`` is set (``{"code", "message"}``) on the row of an input that could not be processed, and then only
``schema``, ``id``, ``error`` and ``input`` are. ``extra`` holds any top-level field this layout does not name
(none today), so that a record always comes back whole. JSON text keeps the records exactly as the contract
writes them, whatever fields later versions add inside them; DuckDB (``actors->>'$[0].name'``,
``from_json``), Spark (``from_json``) and pandas (``json.loads``) all read it.

JSONL layout: the lines ``eventwire extract`` writes, byte for byte.
"""
from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..records import SCHEMA

FORMATS = ("parquet", "jsonl")
SCALAR_COLUMNS = ("schema", "id", "url", "source", "title", "language", "text", "input")
JSON_COLUMNS = ("published", "sentences", "actors", "events", "quotes", "times", "places", "warnings", "error",
                "extra")
COLUMNS = SCALAR_COLUMNS + JSON_COLUMNS
#: the keys of a document record and of an error record, in the order the contract writes them
DOCUMENT_KEYS = ("schema", "id", "url", "source", "title", "language", "published", "text", "sentences", "actors",
                 "events", "quotes", "times", "places", "warnings", "input")
ERROR_KEYS = ("schema", "id", "error", "input")
OPTIONAL_KEYS = {"warnings", "input"}

MANIFEST = "_eventwire_batch.json"
PARTITION_FILE = re.compile(r"^part-\d{5}-([0-9a-f]{12})\.(parquet|jsonl)$")


def to_row(record: dict[str, Any]) -> dict[str, str | None]:
    """A record as a row of the Parquet layout."""
    row: dict[str, str | None] = dict.fromkeys(COLUMNS)
    extra: dict[str, Any] = {}
    for key, value in record.items():
        if key in SCALAR_COLUMNS and (value is None or isinstance(value, str)):
            row[key] = value
        elif key in JSON_COLUMNS and key != "extra":
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            extra[key] = value
    if extra:
        row["extra"] = json.dumps(extra, ensure_ascii=False)
    return row


def from_row(row: dict[str, Any]) -> dict[str, Any]:
    """The record a row holds (the inverse of ``to_row``)."""
    keys = ERROR_KEYS if row.get("error") is not None else DOCUMENT_KEYS
    record: dict[str, Any] = {}
    for key in keys:
        value = row.get(key)
        if value is None and key in OPTIONAL_KEYS:
            continue
        record[key] = json.loads(value) if key in JSON_COLUMNS and value is not None else value
    if row.get("extra"):
        record.update(json.loads(row["extra"]))
    return record


def _arrow_table(records: list[dict[str, Any]]):
    import pyarrow as pa

    rows = [to_row(r) for r in records]
    schema = pa.schema([pa.field(name, pa.string()) for name in COLUMNS],
                       metadata={"eventwire.schema": SCHEMA, "eventwire.json_columns": ",".join(JSON_COLUMNS)})
    return pa.table({name: [row[name] for row in rows] for name in COLUMNS}, schema=schema)


def partition_path(directory: Path, name: str, fmt: str) -> Path:
    return directory / f"{name}.{fmt}"


def write_partition(directory: Path, name: str, fmt: str, records: list[dict[str, Any]]) -> Path:
    """Write one partition's records; the file appears whole or not at all (written aside, then renamed)."""
    final = partition_path(directory, name, fmt)
    temporary = directory / f".{final.name}.tmp-{uuid.uuid4().hex[:8]}"
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(_arrow_table(records), temporary, compression="zstd")
        else:
            with open(temporary, "w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, final)
    finally:
        if temporary.exists():
            temporary.unlink()
    return final


def written_digests(directory: Path, fmt: str) -> dict[str, Path]:
    """The partitions already written in ``directory`` in format ``fmt``, by the digest in their names."""
    out = {}
    if directory.is_dir():
        for path in directory.iterdir():
            match = PARTITION_FILE.match(path.name)
            if match and match.group(2) == fmt:
                out[match.group(1)] = path
    return out


def remove_leftovers(directory: Path) -> int:
    """Delete the half-written files a stopped run left behind; returns how many."""
    count = 0
    for path in directory.glob(".part-*.tmp-*"):
        path.unlink(missing_ok=True)
        count += 1
    return count


def partition_files(directory: str | os.PathLike[str]) -> list[Path]:
    """The partition files of a batch output folder, in partition order."""
    return sorted(p for p in Path(directory).iterdir() if PARTITION_FILE.match(p.name))


def read_partition_file(path: Path) -> Iterator[dict[str, Any]]:
    """The records in one partition file (Parquet read with DuckDB, which eventwire always has)."""
    if path.suffix == ".jsonl":
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)
        return
    import duckdb

    con = duckdb.connect()
    try:
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    finally:
        con.close()
    for values in rows:
        yield from_row(dict(zip(names, values, strict=True)))


def read_output(directory: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Every record in a batch output folder, partition by partition, in input order."""
    for path in partition_files(directory):
        yield from read_partition_file(path)


def write_manifest(directory: Path, manifest: dict[str, Any]) -> None:
    temporary = directory / f".{MANIFEST}.tmp-{uuid.uuid4().hex[:8]}"
    temporary.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, directory / MANIFEST)


def read_manifest(directory: Path) -> dict[str, Any] | None:
    try:
        return json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def count_errors(records: Iterable[dict[str, Any]]) -> int:
    return sum(1 for r in records if "error" in r)
