"""Exports: GDELT 2.0 event table, PLOVER JSON records, Parquet or CSV of each table.

The GDELT columns and how each is filled are listed in ``GDELT_COLUMNS`` (and in docs/store.md): one row per
event (a cluster of mentions), tab-separated, no header line, as GDELT's own files.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from .countries import country_name, fips
from .errors import FilterError
from .queries import event_filters

FORMATS = ("gdelt", "plover", "parquet", "csv")

#: tables written by the parquet and csv exports (the MinHash bands and the migrations table are internal)
EXPORT_TABLES = ("documents", "actors", "places", "times", "quotes", "event_mentions", "events", "duplicates",
                 "errors")

#: GDELT 2.0 event table columns, in order, with what fills each ("" = always empty)
GDELT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "a 60-bit number derived from the event id"),
    ("SQLDATE", "the event date (YYYYMMDD); the first day of a month or week when only that is known; "
                "else the publication date of its first article"),
    ("MonthYear", "YYYYMM of SQLDATE"), ("Year", "YYYY of SQLDATE"),
    ("FractionDate", "year + day of the year / 365"),
    *[(f"Actor{n}{c}", w) for n, side in ((1, "source"), (2, "target")) for c, w in (
        ("Code", f"the CAMEO code of the {side} actor"), ("Name", f"the {side} actor's name"),
        ("CountryCode", f"the {side} actor's country (CAMEO/ISO alpha-3)"), ("KnownGroupCode", ""),
        ("EthnicCode", ""), ("Religion1Code", ""), ("Religion2Code", ""),
        ("Type1Code", f"the {side} actor's role (GOV, MIL, ...: CAMEO code after the country, else its sector)"),
        ("Type2Code", ""), ("Type3Code", ""))],
    ("IsRootEvent", "1 when a mention is in the first paragraph of its article"),
    ("EventCode", "CAMEO code (the most frequent among the mentions)"), ("EventBaseCode", "its first 3 digits"),
    ("EventRootCode", "its first 2 digits"), ("QuadClass", "1-4"), ("GoldsteinScale", "of the CAMEO code"),
    ("NumMentions", "mentions of the event"), ("NumSources", "distinct sites reporting it"),
    ("NumArticles", "distinct articles reporting it"), ("AvgTone", ""),
    *[(f"Actor{n}Geo_{c}", "") for n in (1, 2) for c in
      ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    ("ActionGeo_Type", "1 country, 2 US state, 3 US city, 4 world city, 5 world state (from the GeoNames feature)"),
    ("ActionGeo_FullName", "place name, country name"), ("ActionGeo_CountryCode", "FIPS 10-4 country code"),
    ("ActionGeo_ADM1Code", ""), ("ActionGeo_ADM2Code", ""), ("ActionGeo_Lat", "latitude"),
    ("ActionGeo_Long", "longitude"), ("ActionGeo_FeatureID", "GeoNames id (GDELT uses GNS/GNIS ids)"),
    ("DATEADDED", "when the event was first stored (YYYYMMDDHHMMSS, UTC)"),
    ("SOURCEURL", "the URL of its first-published article"),
)

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
AUX_MODES = {"negated": "negation", "hypothetical": "hypothetical", "future": "future"}


@contextmanager
def _open(dest: Path) -> Iterator[IO[str]]:
    if str(dest) == "-":
        yield sys.stdout
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _event_rows(con: duckdb.DuckDBPyConnection, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    where, params = event_filters(**filters)
    result = con.execute("SELECT * FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
                         + " ORDER BY e.day_start NULLS LAST, e.id", params)
    names = [d[0] for d in result.description]
    while chunk := result.fetchmany(1000):
        for row in chunk:
            yield dict(zip(names, row, strict=True))


def _role(code: str | None, sector: str | None) -> str:
    if code and len(code) >= 6 and not code.startswith("IGO"):
        return code[3:6]
    return sector or ""


def _geo_type(feature: str | None, country: str | None) -> str:
    if not feature:
        return ""
    us = country == "US"
    if feature.startswith("PCL"):
        return "1"
    if feature.startswith("ADM"):
        return "2" if us else "5"
    return "3" if us else "4"


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def gdelt_row(e: dict[str, Any]) -> list[str]:
    when: date | None = e["day_start"]
    if when is None and e["first_published"]:
        try:
            when = date.fromisoformat(str(e["first_published"])[:10])
        except ValueError:
            when = None
    cameo = e["cameo"] or ""
    country = country_name(e["place_country"])
    full_name = e["place_name"] or ""
    if full_name and country and full_name != country:
        full_name = f"{full_name}, {country}"
    actors = []
    for side in ("source", "target"):
        actors += [e[f"{side}_code"], e[f"{side}_name"], e[f"{side}_country"], "", "", "", "",
                   _role(e[f"{side}_code"], e[f"{side}_sector"]), "", ""]
    added: datetime | None = e["first_added"]
    row = [
        e["num"], when.strftime("%Y%m%d") if when else "", when.strftime("%Y%m") if when else "",
        when.year if when else "",
        f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}" if when else "",
        *actors,
        "1" if e["lead"] else "0", cameo, cameo[:3], cameo[:2], e["quad_class"], e["goldstein"], e["mentions"],
        e["sources"], e["articles"], "",
        *[""] * 16,
        _geo_type(e["place_feature"], e["place_country"]), full_name, fips(e["place_country"]) or "", "", "",
        e["lat"], e["lon"], e["geonameid"],
        added.strftime("%Y%m%d%H%M%S") if added else "", e["url"],
    ]
    return [_fmt(v) for v in row]


def export_gdelt(con: duckdb.DuckDBPyConnection, dest: Path, header: bool = False, **filters: Any) -> int:
    count = 0
    with _open(dest) as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        if header:
            writer.writerow([name for name, _ in GDELT_COLUMNS])
        for event in _event_rows(con, filters):
            writer.writerow(gdelt_row(event))
            count += 1
    return count


def plover_record(con: duckdb.DuckDBPyConnection, e: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER event record: type, mode, context, actor and recipient lists, location, and our provenance."""
    reports = con.execute("""
        SELECT m.doc_id, d.url, d.source, d.published, m.extra,
               substr(d.text, m.evidence_start + 1, m.evidence_end - m.evidence_start)
        FROM event_mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ?
        ORDER BY d.published NULLS LAST, m.id""", [e["id"]]).fetchall()
    extras = [json.loads(r[4]) for r in reports if r[4]]
    mode = next((x["mode"] for x in extras if x.get("mode")), None)
    context = sorted({c for x in extras for c in (x.get("context") or [])})

    def actor(side: str) -> list[dict[str, Any]]:
        if not e[f"{side}_key"]:
            return []
        return [{"name": e[f"{side}_name"], "code": e[f"{side}_code"], "country": e[f"{side}_country"],
                 "sector": e[f"{side}_sector"]}]

    location = None
    if e["place_name"] or e["lat"] is not None:
        location = {"name": e["place_name"], "geonameid": e["geonameid"], "lat": e["lat"], "lon": e["lon"],
                    "country": e["place_country"]}
    return {
        "id": e["id"], "date": e["date"], "event_type": e["plover"], "mode": mode, "context": context,
        "aux_mode": AUX_MODES.get(e["modality"]), "modality": e["modality"],
        "quad_category": QUAD_NAMES.get(e["quad_class"]), "cameo": e["cameo"], "goldstein": e["goldstein"],
        "actor": actor("source"), "recipient": actor("target"), "location": location,
        "mentions": e["mentions"], "articles": e["articles"], "sources": e["sources"],
        "agreement": {f: e[f"agree_{f}"] for f in ("code", "date", "place", "source", "target", "modality")},
        "reports": [{"doc_id": r[0], "url": r[1], "source": r[2], "published": r[3], "text": r[5]}
                    for r in reports],
    }


def export_plover(con: duckdb.DuckDBPyConnection, dest: Path, **filters: Any) -> int:
    """One JSON record per line; events without a PLOVER type (CAMEO 01 and 02) are left out."""
    count = 0
    reader = con.cursor()
    with _open(dest) as handle:
        for event in _event_rows(con, filters):
            if not event["plover"]:
                continue
            handle.write(json.dumps(plover_record(reader, event), ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def export_tables(con: duckdb.DuckDBPyConnection, fmt: str, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for table in EXPORT_TABLES:
        path = dest / f"{table}.{fmt}"
        columns = "* EXCLUDE (minhash)" if table == "documents" else "*"
        options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
        quoted = str(path).replace("'", "''")
        con.execute(f"COPY (SELECT {columns} FROM {table}) TO '{quoted}' ({options})").fetchall()
        written.append(path)
    return written


def export(con: duckdb.DuckDBPyConnection, fmt: str, dest: Path, header: bool = False,
           **filters: Any) -> list[Path]:
    """Write the store in ``fmt`` to ``dest`` (a file, '-' for stdout, or a folder for parquet and csv)."""
    filters = {k: v for k, v in filters.items() if v not in (None, "")}
    if fmt == "gdelt":
        export_gdelt(con, dest, header=header, **filters)
        return [dest]
    if fmt == "plover":
        export_plover(con, dest, **filters)
        return [dest]
    if fmt in ("parquet", "csv"):
        if filters:
            raise FilterError(f"filters apply to the gdelt and plover exports; {fmt} writes whole tables")
        if str(dest) == "-":
            raise FilterError(f"the {fmt} export writes one file per table: give a folder")
        return export_tables(con, fmt, dest)
    raise FilterError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
