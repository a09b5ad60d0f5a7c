"""The plan of a batch job: the inputs cut into partitions, deterministically, so that a re-run finds its work.

A partition is a slice of one input (lines of a JSONL file, rows of a Parquet file, records of a WARC file) or a
run of consecutive loose files (``.txt``, ``.html``). Its name carries a digest of what it reads (the file's path,
size and modification time, and the slice), so the same inputs give the same names on every run and a changed
input gives new ones. Planning reads the inputs once on the driver: JSONL files to find line offsets, WARC files to
find record offsets; Parquet files only by their metadata.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..ingest.decode import looks_binary
from ..ingest.readers import JSONL_SUFFIXES, KNOWN_SUFFIXES
from ..ingest.warc import is_warc

#: bumped when the output of a partition would change for the same inputs (a new record layout)
PLAN_VERSION = 1

PARQUET_SUFFIXES = {".parquet", ".pq"}


def kind_of(path: Path) -> str:
    """How a file is read: ``jsonl``, ``parquet``, ``warc`` or ``file`` (one article, text or HTML)."""
    if is_warc(path):
        return "warc"
    if path.suffix.lower() in PARQUET_SUFFIXES:
        return "parquet"
    if path.suffix.lower() in JSONL_SUFFIXES:
        return "jsonl"
    return "file"


def _wanted(path: Path) -> bool:
    if path.name.startswith("."):
        return False
    return path.suffix.lower() in KNOWN_SUFFIXES | PARQUET_SUFFIXES or is_warc(path)


def expand(paths: Iterable[str]) -> Iterator[tuple[str, Path]]:
    """``(name, absolute path)`` for each file named and each input file in the folders named (recursively, in
    sorted order, as ``eventwire extract`` reads them). ``name`` is the path as the user wrote it (records name
    their input by it); the absolute path is what workers open."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _wanted(child):
                    yield str(child), child.resolve()
        elif path.exists():
            yield str(path), path.resolve()
        else:
            raise UsageError(f"no such file or folder: {given}")


@dataclass
class Source:
    """One file a partition reads: ``name`` as given, ``path`` absolute, with the stamp that detects changes."""

    name: str
    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, name: str, path: Path) -> Source:
        stat = path.stat()
        return cls(name, str(path), stat.st_size, stat.st_mtime_ns)


@dataclass
class Partition:
    """A unit of work: ``kind`` says how its sources are read. For ``jsonl`` the slice is lines ``[start, stop)``
    (1-based line numbers, as ``path:line`` names them) starting at byte ``offset``; for ``parquet`` rows
    ``[start, stop)`` (1-based, all when ``stop`` is negative); for ``warc`` ``count`` page records (to the end
    when negative) from byte ``offset``, numbered from ``start``; for ``files`` each source is one article file."""

    index: int
    kind: str
    sources: list[Source]
    start: int = 0
    stop: int = 0
    offset: int = 0
    count: int = 0
    digest: str = field(default="", compare=False)

    def __post_init__(self):
        if not self.digest:
            identity = {"v": PLAN_VERSION, "kind": self.kind, "start": self.start, "stop": self.stop,
                        "offset": self.offset, "count": self.count,
                        "sources": [[s.path, s.size, s.mtime_ns] for s in self.sources]}
            self.digest = hashlib.sha1(json.dumps(identity, sort_keys=True).encode()).hexdigest()[:12]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}-{self.digest}"

    def describe(self) -> str:
        first = self.sources[0].name
        if self.kind == "files":
            return first if len(self.sources) == 1 else f"{first} and {len(self.sources) - 1} more files"
        if self.kind == "warc":
            end = "end" if self.count < 0 else self.start + self.count - 1
            return f"{first} page records {self.start}-{end}"
        unit = "lines" if self.kind == "jsonl" else "rows"
        return f"{first} {unit} {self.start}-{self.stop - 1 if self.stop > 0 else 'end'}"

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Partition:
        data = json.loads(text)
        data["sources"] = [Source(**s) for s in data["sources"]]
        return cls(**data)


def _jsonl_slices(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """``(first line, stop line, byte offset)`` for consecutive slices of ``size`` non-empty lines."""
    line = start = 0
    offset = start_offset = 0
    in_slice = 0
    with open(path, "rb") as handle:
        for raw in handle:
            line += 1
            if raw.strip():
                if in_slice == 0:
                    start, start_offset = line, offset
                in_slice += 1
                if in_slice == size:
                    yield start, line + 1, start_offset
                    in_slice = 0
            offset += len(raw)
    if in_slice:
        yield start, line + 1, start_offset


def _parquet_rows(path: Path) -> int | None:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # pyarrow raises ArrowInvalid, OSError ... on a damaged file
        return None


def _whole_file_reading(path: Path) -> bool:
    """A JSONL file that ``eventwire extract`` would refuse as a whole (empty, binary) is read as one file, so that
    it gets the same error record."""
    with open(path, "rb") as handle:
        head = handle.read(8192)
    return not head.strip() or looks_binary(head) or head.startswith((b"\xff\xfe", b"\xfe\xff"))


def plan(paths: Iterable[str], partition_size: int) -> list[Partition]:
    """The partitions for ``paths``, in input order."""
    from .warc import page_offsets

    if partition_size < 1:
        raise UsageError("--partition-size must be at least 1")
    out: list[Partition] = []
    loose: list[Source] = []

    def flush():
        if loose:
            out.append(Partition(len(out), "files", list(loose)))
            loose.clear()

    for name, path in expand(paths):
        kind = kind_of(path)
        source = Source.of(name, path)
        if kind == "jsonl" and _whole_file_reading(path):
            kind = "file"
        if kind == "file":
            loose.append(source)
            if len(loose) >= partition_size:
                flush()
            continue
        flush()
        if kind == "jsonl":
            for start, stop, offset in _jsonl_slices(path, partition_size):
                out.append(Partition(len(out), "jsonl", [source], start=start, stop=stop, offset=offset))
        elif kind == "parquet":
            rows = _parquet_rows(path)
            if rows is None:  # unreadable: one slice, whose reader reports why
                out.append(Partition(len(out), "parquet", [source], start=1, stop=-1))
            for first in range(1, (rows or 0) + 1, partition_size):
                out.append(Partition(len(out), "parquet", [source], start=first,
                                     stop=min(rows + 1, first + partition_size)))
        else:  # the last slice of an archive reads to its end, so that damage after the last article is reported
            offsets = page_offsets(path) or [0]
            for first in range(0, len(offsets), partition_size):
                last = first + partition_size >= len(offsets)
                out.append(Partition(len(out), "warc", [source], start=first + 1, offset=offsets[first],
                                     count=-1 if last else partition_size))
    flush()
    return out


