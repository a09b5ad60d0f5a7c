"""``Store``: the DuckDB file, its one writer, and the write path every entry point shares.

DuckDB lets one process open a file for writing (other processes then cannot open it at all) or several open it
read-only. ``Store`` turns a refused lock into ``StoreBusy``; within a process it allows one writer per file and
lets readers share the writer's database. Each batch of results is written in one transaction: documents, their
rows, near-duplicate links and the events they touch, or nothing.
"""
from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .. import __version__
from ..records import Document, InputError, document_from_dict
from . import dedup, queries, rows
from .clusters import recluster
from .errors import StoreBusy, StoreError
from .ids import content_hash, document_id
from .report import IngestSummary, Outcome
from .schema import LATEST, TABLES, current_version, migrate

_OPEN_WRITERS: dict[str, Store] = {}
_REGISTRY_LOCK = threading.Lock()
_ITEM_TABLES = ("actors", "places", "times", "quotes", "event_mentions")


def _busy_message(path: str, error: Exception) -> str:
    pid = re.search(r"PID (\d+)", str(error))
    holder = f"process {pid.group(1)}" if pid else "another process"
    return (f"the store is busy: {path} is open for writing by {holder}; wait for it to finish "
            "(one writer at a time; readers can open the store while nothing writes)")


class Store:
    """An event store in one DuckDB file. Use as a context manager; see docs/store.md for the API."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._key = str(self.path.resolve())
        self._lock = threading.RLock()
        self._shared = False
        self._con = self._open()

    # -- opening and closing -----------------------------------------------------------------------------------

    def _open(self) -> duckdb.DuckDBPyConnection:
        with _REGISTRY_LOCK:
            writer = _OPEN_WRITERS.get(self._key)
            if writer is not None:
                if not self.read_only:
                    raise StoreBusy(f"the store is busy: {self.path} is already open for writing in this process")
                self._shared = True  # a reader next to this process's writer reads through its database
                return writer._con.cursor()
            if self.read_only and not self.path.exists():
                raise StoreError(f"no store at {self.path}: create one with `eventwire ingest`", "no_store")
            if not self.read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                con = duckdb.connect(str(self.path), read_only=self.read_only)
            except duckdb.IOException as error:
                if "lock" in str(error).lower():
                    raise StoreBusy(_busy_message(str(self.path), error)) from None
                raise StoreError(f"cannot open the store {self.path}: {error}") from None
            except duckdb.ConnectionException as error:  # open here read-only while this process writes, or so
                raise StoreBusy(f"the store is busy: {self.path} is open in this process ({error})") from None
            except duckdb.Error as error:
                raise StoreError(f"{self.path} is not an eventwire store (DuckDB says: {error})") from None
            try:
                self._check_schema(con)
            except BaseException:
                con.close()
                raise
            if not self.read_only:
                _OPEN_WRITERS[self._key] = self
            return con

    def _check_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        version = current_version(con)
        if version > LATEST:
            raise StoreError(f"{self.path} has schema version {version}, newer than this eventwire "
                             f"{__version__} knows ({LATEST}); upgrade eventwire", "schema")
        if version < LATEST:
            if self.read_only:
                raise StoreError(f"{self.path} has schema version {version} and needs migrating to {LATEST}: "
                                 "open it once for writing (e.g. `eventwire ingest`)", "schema")
            migrate(con)

    def close(self) -> None:
        with _REGISTRY_LOCK:
            if self._con is None:
                return
            if _OPEN_WRITERS.get(self._key) is self:
                del _OPEN_WRITERS[self._key]
            self._con.close()
            self._con = None  # type: ignore[assignment]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, read_only={self.read_only})"

    @property
    def schema_version(self) -> int:
        return current_version(self.cursor())

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own to the store's database (one per thread or per query)."""
        if self._con is None:
            raise StoreError("the store is closed")
        return self._con.cursor()

    # -- writing ------------------------------------------------------------------------------------------------

    def is_current(self, item: Any) -> bool:
        """True when ``item`` (an ``Article`` or a ``Document``) is stored under its id with the same content."""
        doc_id = document_id(item.url, item.text, getattr(item, "input", None) or getattr(item, "id", None))
        found = self.cursor().execute("SELECT content_hash FROM documents WHERE id = ?", [doc_id]).fetchall()
        return bool(found) and found[0][0] == content_hash(item.text, item.title, item.url)

    def add_documents(self, results: Iterable[Document | InputError | dict[str, Any]], *, replace: bool = False,
                      batch_size: int = 64, on_batch: Callable[[IngestSummary], None] | None = None
                      ) -> IngestSummary:
        """Write pipeline results, ``batch_size`` per transaction; see docs/store.md."""
        if self.read_only or self._shared:
            raise StoreError(f"{self.path} is open read-only", "read_only")
        total = IngestSummary()
        started = time.perf_counter()
        iterator = iter(results)
        while batch := list(islice(iterator, max(1, batch_size))):
            with self._lock:
                done = self._write_batch(batch, replace)
            total.merge(done)
            total.seconds = time.perf_counter() - started
            if on_batch:
                on_batch(total)
        total.seconds = time.perf_counter() - started
        return total

    def _write_batch(self, batch: list[Any], replace: bool) -> IngestSummary:
        now = rows.now()
        errors: list[InputError] = []
        pending: dict[str, tuple[dict[str, Any], str]] = {}  # doc id -> (record, content hash), input order
        outcomes: list[Outcome] = []
        for item in batch:
            record = _as_record(item)
            if isinstance(record, InputError):
                errors.append(record)
                outcomes.append(Outcome(record.id, None, "error", record.code, record.message))
                continue
            doc_id = document_id(record.get("url"), record["text"], record.get("input") or str(record["id"]))
            digest = content_hash(record["text"], record.get("title"), record.get("url"))
            if doc_id in pending and pending[doc_id][1] == digest:
                outcomes.append(Outcome(str(record["id"]), doc_id, "unchanged"))
                continue
            outcomes.append(Outcome(str(record["id"]), doc_id, "replaced" if doc_id in pending else "added"))
            pending[doc_id] = (record, digest)
        con = self._con
        stored = dict(con.execute("SELECT id, content_hash FROM documents WHERE list_contains(?, id)",
                                  [list(pending)]).fetchall()) if pending else {}
        for outcome in outcomes:
            if outcome.doc_id in stored and outcome.status == "added":
                same = stored[outcome.doc_id] == pending[outcome.doc_id][1]
                outcome.status = "unchanged" if same and not replace else "replaced"
        write = {d: v for d, v in pending.items() if d not in stored or replace or stored[d] != v[1]}
        prepared = self._prepare(write, now)
        for outcome in outcomes:  # records whose rows could not be built are errors, the others go on
            if outcome.doc_id in prepared.failed and outcome.status != "unchanged":
                problem = prepared.failed[outcome.doc_id]
                source = write[outcome.doc_id][0].get("input")
                outcome.doc_id, outcome.status, outcome.code, outcome.message = None, "error", "bad_record", problem
                errors.append(InputError(outcome.record_id, "bad_record", problem, source))
        written = sorted(d for d in write if d not in prepared.failed)
        con.execute("BEGIN TRANSACTION")
        try:
            dissolved, hints, old_neighbours = self._remove(con, sorted(d for d in written if d in stored))
            for name, table in prepared.tables.items():
                con.register("_rows", table)
                try:
                    columns = ", ".join(rows.COLUMNS[name])
                    con.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM _rows")
                finally:
                    con.unregister("_rows")
            dedup.insert_bands(con, prepared.bands)
            links = dedup.link(con, written)
            regrouped = dedup.regroup(con, set(written) | old_neighbours)
            seeds = set(prepared.mentions)
            if dissolved:
                seeds |= {r[0] for r in con.execute("SELECT id FROM event_mentions WHERE list_contains(?, event_id)",
                                                    [sorted(dissolved)]).fetchall()}
            touched = recluster(con, seeds, dissolved, regrouped - set(written), now, hints)
            self._record_errors(con, errors, [write[d][0].get("input") for d in written], now)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        summary = IngestSummary(outcomes=outcomes, mentions=len(prepared.mentions), events_touched=len(touched),
                                near_duplicates=len(links))
        for outcome in outcomes:
            field = "errors" if outcome.status == "error" else outcome.status
            setattr(summary, field, getattr(summary, field) + 1)
        return summary

    def _prepare(self, write: dict[str, tuple[dict[str, Any], str]], now: Any) -> _Prepared:
        """Rows (as Arrow tables), MinHash bands and mention ids for the documents to write, built before the
        transaction; a record whose rows cannot be built is set aside with the reason."""
        prepared = _Prepared()
        per_doc: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for doc_id, (record, digest) in write.items():
            try:
                for kind in ("actors", "events", "quotes", "times", "places"):
                    ids = [item["id"] for item in record.get(kind) or []]
                    if len(ids) != len(set(ids)):
                        raise ValueError(f"{kind} ids repeat: {sorted(i for i in set(ids) if ids.count(i) > 1)}")
                count, values = dedup.signature(record["text"])
                per_doc[doc_id] = rows.flatten(record, doc_id, content_hash=digest, dup_group=doc_id,
                                               shingles=count, minhash=values, extractor=__version__,
                                               ingested_at=now)
                if count:  # a page kept without text has nothing to compare
                    prepared.bands.extend(dedup.band_rows(doc_id, values))
            except (KeyError, TypeError, ValueError, IndexError, AttributeError) as error:
                prepared.failed[doc_id] = f"record {record.get('id')!r}: {type(error).__name__}: {error}"
        for name in ("documents",) + _ITEM_TABLES:
            items = [row for flat in per_doc.values() for row in flat[name]]
            if not items:
                continue
            try:
                prepared.tables[name] = rows.to_arrow(name, items)
            except (pa.ArrowException, TypeError, ValueError):  # find the record(s) at fault, keep the others
                for doc_id, flat in list(per_doc.items()):
                    try:
                        rows.to_arrow(name, flat[name])
                    except (pa.ArrowException, TypeError, ValueError) as error:
                        prepared.failed[doc_id] = (f"record {write[doc_id][0].get('id')!r}: a value in {name} has "
                                                   f"the wrong type ({error})")
                        del per_doc[doc_id]
                return self._prepare({d: v for d, v in write.items() if d in per_doc}, now).merge_failed(prepared)
        prepared.bands = [b for b in prepared.bands if b[0] in per_doc]
        prepared.mentions = [m["id"] for flat in per_doc.values() for m in flat["event_mentions"]]
        return prepared

    def _remove(self, con: duckdb.DuckDBPyConnection,
                doc_ids: list[str]) -> tuple[dict[str, int], dict[str, str], set[str]]:
        """Delete documents and their rows; returns their former events (id -> mentions), the event each of their
        mentions belonged to (so that a new version's mentions can keep it), and their near-duplicates."""
        if not doc_ids:
            return {}, {}, set()
        hints = dict(con.execute("SELECT id, event_id FROM event_mentions WHERE list_contains(?, doc_id) "
                                 "AND event_id IS NOT NULL", [doc_ids]).fetchall())
        dissolved = dict(con.execute("SELECT id, mentions FROM events WHERE list_contains(?, id)",
                                     [sorted(set(hints.values()))]).fetchall())
        neighbours = dedup.neighbours(con, doc_ids) - set(doc_ids)
        for table in _ITEM_TABLES + ("doc_bands",):
            con.execute(f"DELETE FROM {table} WHERE list_contains(?, doc_id)", [doc_ids])
        con.execute("DELETE FROM duplicates WHERE list_contains(?, doc_id) OR list_contains(?, other_id)",
                    [doc_ids, doc_ids])
        con.execute("DELETE FROM documents WHERE list_contains(?, id)", [doc_ids])
        return dissolved, hints, neighbours

    def _record_errors(self, con: duckdb.DuckDBPyConnection, errors: list[InputError], inputs: list[str | None],
                       now: Any) -> None:
        done = sorted({i for i in inputs if i})
        if done:
            con.execute("DELETE FROM errors WHERE list_contains(?, input)", [done])
        for error in errors:
            con.execute("""INSERT INTO errors VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (input) DO UPDATE
                           SET record_id = excluded.record_id, code = excluded.code, message = excluded.message,
                               attempts = errors.attempts + 1, last_seen = excluded.last_seen""",
                        [error.input or error.id, error.id, error.code, error.message, now, now])

    # -- reading ------------------------------------------------------------------------------------------------

    def events(self, **kwargs: Any) -> list[dict[str, Any]]:
        return queries.events(self.cursor(), **kwargs).rows

    def events_page(self, **kwargs: Any) -> queries.Page:
        return queries.events(self.cursor(), **kwargs)

    def count_events(self, **filters: Any) -> int:
        return queries.count_events(self.cursor(), **filters)

    def event(self, event_id: str) -> dict[str, Any] | None:
        return queries.event(self.cursor(), event_id)

    def documents(self, **kwargs: Any) -> list[dict[str, Any]]:
        return queries.documents(self.cursor(), **kwargs).rows

    def documents_page(self, **kwargs: Any) -> queries.Page:
        return queries.documents(self.cursor(), **kwargs)

    def document_dict(self, doc_id: str) -> dict[str, Any] | None:
        return queries.document_dict(self.cursor(), doc_id)

    def document(self, doc_id: str) -> Document | None:
        record = self.document_dict(doc_id)
        return document_from_dict(record) if record else None

    def quotes(self, **kwargs: Any) -> list[dict[str, Any]]:
        return queries.quotes(self.cursor(), **kwargs).rows

    def quotes_page(self, **kwargs: Any) -> queries.Page:
        return queries.quotes(self.cursor(), **kwargs)

    def actors(self, **kwargs: Any) -> list[dict[str, Any]]:
        return queries.actors(self.cursor(), **kwargs)

    def timeline(self, **kwargs: Any) -> list[dict[str, Any]]:
        return queries.timeline(self.cursor(), **kwargs)

    def errors(self, limit: int = 100) -> list[dict[str, Any]]:
        return queries.errors(self.cursor(), limit)

    def stats(self) -> dict[str, Any]:
        cursor = self.cursor()
        counts = {t: cursor.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
        return {"path": str(self.path), "schema_version": current_version(cursor),
                "bytes": self.path.stat().st_size if self.path.exists() else 0, "tables": counts}

    def sql(self, query: str, params: list[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run any SQL; on a reader the database cannot be changed. Returns (column names, rows)."""
        cursor = self.cursor()
        try:
            if self.read_only or self._shared:
                cursor.execute("BEGIN TRANSACTION")  # rolled back below: nothing a reader runs is kept
            result = cursor.execute(query, params or [])
            columns = [d[0] for d in result.description] if result.description else []
            return columns, result.fetchall() if result.description else []
        except duckdb.Error as error:
            raise StoreError(f"SQL error: {error}", "sql") from None
        finally:
            if self.read_only or self._shared:
                try:
                    cursor.execute("ROLLBACK")
                except duckdb.Error:
                    pass

    def export(self, format: str, dest: str | os.PathLike[str], **filters: Any) -> list[Path]:
        from .export import export

        return export(self.cursor(), format, Path(dest), **filters)


@dataclass
class _Prepared:
    tables: dict[str, pa.Table] = field(default_factory=dict)
    bands: list[tuple[str, int, int]] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # doc id -> why its rows could not be built

    def merge_failed(self, other: _Prepared) -> _Prepared:
        self.failed.update(other.failed)
        return self


def _as_record(item: Any) -> dict[str, Any] | InputError:
    """A result as the contract's dict, or the ``InputError`` it stands for."""
    if isinstance(item, InputError):
        return item
    if isinstance(item, Document):
        return item.to_dict()
    if isinstance(item, dict):
        if "error" in item:
            error = item.get("error") or {}
            return InputError(str(item.get("id")), str(error.get("code") or "error"), str(error.get("message") or ""),
                              item.get("input"))
        try:
            document_from_dict(item)  # the same checks a record read back gets
            if not isinstance(item.get("text"), str):
                raise TypeError("'text' is not a string")
        except (KeyError, TypeError, ValueError) as error:
            return InputError(str(item.get("id")), "bad_record", f"record {item.get('id')!r} is not a document "
                              f"record: {type(error).__name__}: {error}", item.get("input"))
        return item
    return InputError(repr(item)[:80], "bad_record", f"not a document record: {type(item).__name__}")
