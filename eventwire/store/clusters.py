"""One event from many reports: event mentions clustered across articles, and each event's summary row.

Two mentions are *compatible* (docs/store.md, "How mentions become one event") when they have the same CAMEO root
code and the same modality class, and either

- their dates agree (the same day, a mention dated only by its article's publication date also matching the day
  before; or the same month or week when both are that coarse), their places agree (either unknown, the same
  GeoNames place, within 30 km, or a country or region that holds the other), and their actors agree (on each
  side, source and target, the two share an actor or one side is unknown, and at least one side is shared); or
- they come from different articles, their evidence sentences are the same words, their actors do not
  contradict each other, their places agree and their dates are at most three days apart (a syndicated copy
  published on another day resolves "on Thursday" to another date).

Events are the connected components of compatible mentions, so the result does not depend on the order in which
articles arrive. After each batch only the components that the batch touched are recomputed.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb
import pyarrow as pa

from .countries import alpha3
from .ids import event_id as new_event_id
from .ids import event_number
from .rows import date_range

NEAR_KM = 30.0  # places closer than this agree
SAME_WORDS_DAYS = 3  # the same evidence sentence joins reports whose dates are at most this many days apart


@dataclass
class Mention:
    """What clustering needs to know of one event mention."""

    id: str
    doc_id: str
    event_id: str | None
    source_keys: list[str]
    target_keys: list[str]
    day_lo: date | None
    day_hi: date | None
    coarse: str | None
    evidence_hash: str | None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    level: str | None = None  # country | region | city | point


def place_level(feature: str | None, precision: str | None) -> str | None:
    if feature:
        if feature.startswith("PCL"):
            return "country"
        if feature.startswith(("ADM", "RGN", "PRSH", "ISLS", "AREA")):
            return "region"
        return "city" if feature.startswith("PPL") else "point"
    return precision


def _key_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.startswith("name:") or b.startswith("name:"):
        return False
    short, long = sorted((a, b), key=len)
    return len(short) == 3 and long.startswith(short)  # a country (RUS) holds its government, military ... (RUSMIL)


def _side(a: list[str], b: list[str]) -> bool | None:
    """True when the two sides share an actor, None when either is unknown, False when they differ."""
    if not a or not b:
        return None
    return any(_key_match(x, y) for x in a for y in b)


def actors_agree(a: Mention, b: Mention) -> bool:
    source, target = _side(a.source_keys, b.source_keys), _side(a.target_keys, b.target_keys)
    return source is not False and target is not False and (source is True or target is True)


def actors_contradict(a: Mention, b: Mention) -> bool:
    return _side(a.source_keys, b.source_keys) is False or _side(a.target_keys, b.target_keys) is False


def dates_agree(a: Mention, b: Mention) -> bool:
    if a.day_lo and b.day_lo and a.day_hi and b.day_hi:
        return a.day_lo <= b.day_hi and b.day_lo <= a.day_hi
    # a shared month or week joins; a shared year is too wide to say two reports are of one event
    return bool(a.coarse) and a.coarse == b.coarse and len(a.coarse) > 4


def _km(a: Mention, b: Mention) -> float:
    la, lb = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lb - la, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def places_agree(a: Mention, b: Mention) -> bool:
    if (a.geonameid is None and a.lat is None) or (b.geonameid is None and b.lat is None):
        return True  # an unknown place agrees with any
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon) and _km(a, b) <= NEAR_KM:
        return True
    for wide, narrow in ((a, b), (b, a)):
        if wide.level in ("country", "region") and narrow.level != "country" and wide.country \
                and wide.country == narrow.country:
            return True
    return False


def _near_in_time(a: Mention, b: Mention) -> bool:
    if a.day_lo and b.day_lo and a.day_hi and b.day_hi:
        gap = max((a.day_lo - b.day_hi).days, (b.day_lo - a.day_hi).days, 0)
        return gap <= SAME_WORDS_DAYS
    return True


def compatible(a: Mention, b: Mention) -> bool:
    """Whether two mentions (same root code and modality class) report the same event."""
    if dates_agree(a, b) and places_agree(a, b) and actors_agree(a, b):
        return True
    return (a.doc_id != b.doc_id and a.evidence_hash is not None and a.evidence_hash == b.evidence_hash
            and not actors_contradict(a, b) and places_agree(a, b) and _near_in_time(a, b))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_MENTION_FIELDS = ("id", "doc_id", "event_id", "source_keys", "target_keys", "day_lo", "day_hi", "coarse",
                   "evidence_hash")
_PLACE_FIELDS = ("geonameid", "lat", "lon", "country", "feature", "precision")


def _columns(mention: str, place: str) -> str:
    return ", ".join([f"{mention}.{c}" for c in _MENTION_FIELDS] + [f"{place}.{c}" for c in _PLACE_FIELDS])


def _mention(row: tuple) -> Mention:
    return Mention(row[0], row[1], row[2], list(row[3] or []), list(row[4] or []), row[5], row[6], row[7], row[8],
                   row[9], row[10], row[11], row[12], place_level(row[13], row[14]))


def _register_ids(con: duckdb.DuckDBPyConnection, name: str, ids: Iterable[str]) -> None:
    con.register(name, pa.table({"id": pa.array(sorted(set(ids)), pa.string())}))


def recluster(con: duckdb.DuckDBPyConnection, seeds: set[str], dissolved: dict[str, int],
              regrouped_docs: set[str], now: datetime, hints: dict[str, str] | None = None) -> set[str]:
    """Assign events to the ``seeds`` (mentions without one, new or freed) and rewrite the events they touch.

    ``dissolved`` holds the events whose mentions were freed or removed (id -> their old mention count, so that an
    event that loses a mention keeps its id); ``regrouped_docs`` are documents whose near-duplicate group changed
    (their events' counts are recomputed); ``hints`` gives the former event of mentions that were deleted and
    written again (a new version of a document). Returns the ids of the events written.
    """
    uf = _UnionFind()
    previous: dict[str, str] = {m: e for m, e in (hints or {}).items() if m in seeds}  # seed -> its former event
    if seeds:
        _register_ids(con, "_seeds", seeds)
        try:
            for mention_id, event in con.execute("SELECT m.id, m.event_id FROM event_mentions m JOIN _seeds s "
                                                 "ON s.id = m.id").fetchall():
                uf.find(mention_id)
                if event:
                    previous[mention_id] = event
            # candidates: the same root and modality class, and either overlapping dates and a shared actor (or
            # country) on some side, or the same evidence words in another article; ``compatible`` decides
            pairs = con.execute("""
                WITH f AS (SELECT m.id, m.doc_id, m.root, m.mclass, m.day_lo, m.day_hi, m.coarse, m.evidence_hash,
                                  unnest(m.actor_index) AS k
                           FROM event_mentions m JOIN _seeds s ON s.id = m.id),
                     c AS (SELECT id, root, mclass, day_lo, day_hi, coarse, unnest(actor_index) AS k
                           FROM event_mentions)
                SELECT DISTINCT f.id, c.id FROM f JOIN c ON c.k = f.k AND c.root = f.root AND c.mclass = f.mclass
                WHERE c.id <> f.id AND ((c.day_lo <= f.day_hi AND f.day_lo <= c.day_hi)
                       OR (c.coarse = f.coarse AND length(f.coarse) > 4))
                UNION
                SELECT f.id, c.id FROM event_mentions f JOIN _seeds s ON s.id = f.id
                JOIN event_mentions c ON c.evidence_hash = f.evidence_hash AND c.root = f.root
                 AND c.mclass = f.mclass AND c.doc_id <> f.doc_id""").fetchall()
            involved = {m for pair in pairs for m in pair}
            _register_ids(con, "_involved", involved)
            try:
                mentions = {row[0]: _mention(row) for row in con.execute(
                    f"SELECT {_columns('m', 'p')} FROM event_mentions m JOIN _involved i ON i.id = m.id "
                    "LEFT JOIN places p ON p.doc_id = m.doc_id AND p.id = m.place").fetchall()}
            finally:
                con.unregister("_involved")
        finally:
            con.unregister("_seeds")
        for first, other in pairs:
            a, b = mentions[first], mentions[other]
            if compatible(a, b):
                # a mention outside the seeds belongs to a complete event: the whole event joins
                uf.union(a.id, b.id if b.id in seeds or not b.event_id else "E:" + b.event_id)
    # components: seeds plus the existing events they joined
    components: list[dict[str, Any]] = []
    by_root: dict[str, dict[str, Any]] = {}
    for node in list(uf.parent):
        root = uf.find(node)
        if root not in by_root:
            by_root[root] = {"seeds": [], "events": set()}
            components.append(by_root[root])
        if node.startswith("E:"):
            by_root[root]["events"].add(node[2:])
        else:
            by_root[root]["seeds"].append(node)
    joined = {e for part in components for e in part["events"]}
    old = {r[0]: (r[1], r[2]) for r in con.execute(
        "SELECT id, mentions, first_added FROM events WHERE list_contains(?, id)",
        [sorted(joined | set(dissolved) | set(previous.values()))]).fetchall()}
    sizes = {e: n for e, (n, _) in old.items()} | dict(dissolved)
    # ids: the biggest part keeps the id of the biggest former event it holds
    fresh = sorted({new_event_id(min(p["seeds"])) for p in components if p["seeds"]})
    existing = {r[0] for r in con.execute("SELECT id FROM events WHERE list_contains(?, id)", [fresh]).fetchall()}
    taken: set[str] = set()
    assignments: dict[str, str] = {}  # seed (or "E:" + merged event) -> event id
    sources: dict[str, set[str]] = {}  # event id written -> the former events it continues
    for part in sorted(components, key=lambda p: (-(len(p["seeds"]) + sum(sizes.get(e, 0) for e in p["events"])),
                                                   min(p["seeds"] or sorted(p["events"])))):
        former = set(part["events"]) | {previous[s] for s in part["seeds"] if s in previous}
        keep = next((e for e in sorted(former, key=lambda e: (-sizes.get(e, 0), e)) if e not in taken), None)
        if keep is None:
            keep = _fresh_id(con, min(part["seeds"]), taken, existing)
        taken.add(keep)
        sources[keep] = former
        for seed in part["seeds"]:
            assignments[seed] = keep
        for event in part["events"] - {keep}:
            assignments["E:" + event] = keep
    _apply(con, assignments)
    if regrouped_docs:
        for (event,) in con.execute("SELECT DISTINCT event_id FROM event_mentions WHERE list_contains(?, doc_id) "
                                    "AND event_id IS NOT NULL", [sorted(regrouped_docs)]).fetchall():
            sources.setdefault(event, {event})
    if set(sources) - set(old):
        old.update({r[0]: (r[1], r[2]) for r in con.execute(
            "SELECT id, mentions, first_added FROM events WHERE list_contains(?, id)",
            [sorted(set(sources) - set(old))]).fetchall()})
    gone = set(old) | set(dissolved) | set(sources)
    if gone:
        con.execute("DELETE FROM events WHERE list_contains(?, id)", [sorted(gone)])
    first_added = {event: min((old[e][1] for e in former if e in old and old[e][1]), default=now)
                   for event, former in sources.items()}
    summarize(con, first_added, now)
    return set(sources)


def _fresh_id(con: duckdb.DuckDBPyConnection, seed: str, taken: set[str], existing: set[str]) -> str:
    """A new event id from the event's first mention (``existing``: ids of that kind already in the table)."""
    candidate, n = new_event_id(seed), 0
    while candidate in taken or candidate in existing or (
            n and con.execute("SELECT count(*) FROM events WHERE id = ?", [candidate]).fetchall()[0][0]):
        n += 1
        candidate = new_event_id(f"{seed}#{n}")
    return candidate


def _apply(con: duckdb.DuckDBPyConnection, assignments: dict[str, str]) -> None:
    mentions = {k: v for k, v in assignments.items() if not k.startswith("E:")}
    events = {k[2:]: v for k, v in assignments.items() if k.startswith("E:")}
    if mentions:
        con.register("_assign", pa.table({"id": pa.array(list(mentions), pa.string()),
                                          "event_id": pa.array(list(mentions.values()), pa.string())}))
        try:
            con.execute("UPDATE event_mentions SET event_id = a.event_id FROM _assign a "
                        "WHERE event_mentions.id = a.id")
        finally:
            con.unregister("_assign")
    if events:
        con.register("_merge", pa.table({"old": pa.array(list(events), pa.string()),
                                         "new": pa.array(list(events.values()), pa.string())}))
        try:
            con.execute("UPDATE event_mentions SET event_id = g.new FROM _merge g "
                        "WHERE event_mentions.event_id = g.old")
        finally:
            con.unregister("_merge")


# -- the event rows ------------------------------------------------------------------------------------------------

_TEXT, _INT, _FLOAT, _DAY = pa.string(), pa.int32(), pa.float64(), pa.date32()
EVENT_TYPES: dict[str, pa.DataType] = {
    "id": _TEXT, "num": pa.int64(), "cameo": _TEXT, "root": _TEXT, "plover": _TEXT, "quad_class": _INT,
    "goldstein": _FLOAT, "modality": _TEXT, "date": _TEXT, "day_start": _DAY, "day_end": _DAY, "place_name": _TEXT,
    "geonameid": pa.int64(), "lat": _FLOAT, "lon": _FLOAT, "place_country": _TEXT, "place_feature": _TEXT,
    **{f"{side}_{c}": _TEXT for side in ("source", "target") for c in ("key", "name", "code", "country", "sector")},
    "actor_text": _TEXT, "countries": pa.list_(_TEXT), "sites": pa.list_(_TEXT), "mentions": _INT, "articles": _INT,
    "sources": _INT, "independent": _INT,
    **{f"agree_{f}": _FLOAT for f in ("code", "date", "place", "source", "target", "modality")},
    "lead": pa.bool_(), "confidence": _FLOAT, "first_published": _TEXT, "url": _TEXT,
    "first_added": pa.timestamp("us"), "updated_at": pa.timestamp("us"),
}

def _mode(values: Iterable[Any], weights: list[float] | None = None) -> Any:
    """The most frequent value (weighted), ties to the smallest; None values are ignored."""
    counts: Counter = Counter()
    for i, value in enumerate(values):
        if value is not None:
            counts[value] += weights[i] if weights else 1.0
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]


def _share(values: list[Any], agree) -> float | None:
    known = [v for v in values if v is not None and v != []]
    return round(sum(1 for v in known if agree(v)) / len(known), 3) if known else None


def summarize(con: duckdb.DuckDBPyConnection, first_added: dict[str, datetime], now: datetime) -> None:
    """Write the ``events`` row of each event in ``first_added`` from its mentions (old rows deleted first)."""
    if not first_added:
        return
    _register_ids(con, "_events", first_added)
    try:
        mentions = con.execute("""
            SELECT m.event_id, m.id, m.doc_id, m.cameo, m.plover, m.quad_class, m.goldstein, m.modality,
                   m.date_value, m.day_lo, m.day_hi, m.coarse, m.source, m.target, m.lead, m.confidence,
                   d.source, d.url, d.published, d.dup_group, p.name, p.geonameid, p.lat, p.lon, p.country,
                   p.feature, p.precision, p.text, d.published_day
            FROM event_mentions m JOIN _events e ON e.id = m.event_id JOIN documents d ON d.id = m.doc_id
            LEFT JOIN places p ON p.doc_id = m.doc_id AND p.id = m.place ORDER BY m.event_id, m.id""").fetchall()
        actor_rows = con.execute("""
            SELECT a.doc_id, a.id, a.name, a.code, a.country, a.sector, a.key FROM actors a
            WHERE a.doc_id IN (SELECT DISTINCT m.doc_id FROM event_mentions m JOIN _events e ON e.id = m.event_id)
            """).fetchall()
    finally:
        con.unregister("_events")
    actors = {(r[0], r[1]): {"name": r[2], "code": r[3], "country": r[4], "sector": r[5], "key": r[6]}
              for r in actor_rows}
    by_event: dict[str, list[tuple]] = {}
    for row in mentions:
        by_event.setdefault(row[0], []).append(row)
    rows = [_event_row(event, members, actors, first_added[event], now) for event, members in by_event.items()]
    if rows:
        table = pa.table({name: pa.array([r[name] for r in rows], type=kind) for name, kind in EVENT_TYPES.items()})
        con.register("_event_rows", table)
        try:
            columns = ", ".join(EVENT_TYPES)
            con.execute(f"INSERT INTO events ({columns}) SELECT {columns} FROM _event_rows")
        finally:
            con.unregister("_event_rows")


def _side_summary(members: list[tuple], index: int, actors: dict) -> dict[str, Any]:
    per_mention = [[actors[(m[2], a)] for a in (m[index] or []) if (m[2], a) in actors] for m in members]
    key = _mode(a["key"] for side in per_mention for a in side)
    chosen = [a for side in per_mention for a in side if a["key"] == key]
    return {
        "key": key, "name": _mode(a["name"] for a in chosen), "code": _mode(a["code"] for a in chosen),
        "country": _mode(a["country"] for a in chosen), "sector": _mode(a["sector"] for a in chosen),
        "agree": _share([[a["key"] for a in side] for side in per_mention], lambda keys: key in keys),
        "all": [a for side in per_mention for a in side],
    }


def _event_row(event_id: str, members: list[tuple], actors: dict, first_added: datetime,
               now: datetime) -> dict[str, Any]:
    confidence = [m[15] or 0.0 for m in members]
    cameo = _mode([m[3] for m in members], confidence)
    typical = next(m for m in members if m[3] == cameo)
    modality = _mode(m[7] for m in members)
    # the date: a day named in the text counts twice as much as one taken from the publication date
    days = [(m[10].isoformat(), 2.0 if m[9] == m[10] else 1.0) for m in members if m[10] is not None]
    # without a day: the most frequent month, week or year named
    coarse = [str(m[8]) for m in members if m[10] is None and m[8] and date_range(m[8])]
    when = _mode([d for d, _ in days], [w for _, w in days]) if days else _mode(coarse)
    span = date_range(when)

    def date_agrees(m: tuple) -> bool:
        if m[10] is not None and span:
            return m[9] <= span[0] <= m[10]
        return m[8] is not None and str(m[8]) == when

    place_key = _mode((m[21] if m[21] is not None else m[20]) for m in members)
    place = next((m for m in members if place_key is not None and place_key in (m[21], m[20])), None)
    source, target = _side_summary(members, 12, actors), _side_summary(members, 13, actors)
    ordered = sorted(members, key=lambda m: (m[18] or "9999", m[1]))
    countries = {a["country"] for a in source["all"] + target["all"] if a["country"]}
    if place and place[24]:
        countries.add(alpha3(place[24]) or place[24])
    names = {str(v).lower() for a in source["all"] + target["all"] for v in (a["name"], a["code"]) if v}
    return {
        "id": event_id, "num": event_number(event_id), "cameo": cameo, "root": (cameo or "")[:2],
        "plover": typical[4], "quad_class": typical[5], "goldstein": typical[6], "modality": modality,
        "date": when, "day_start": span[0] if span else None, "day_end": span[1] if span else None,
        "place_name": (place[20] or place[27]) if place else None, "geonameid": place[21] if place else None,
        "lat": place[22] if place else None, "lon": place[23] if place else None,
        "place_country": place[24] if place else None, "place_feature": place[25] if place else None,
        "source_key": source["key"], "source_name": source["name"], "source_code": source["code"],
        "source_country": source["country"], "source_sector": source["sector"],
        "target_key": target["key"], "target_name": target["name"], "target_code": target["code"],
        "target_country": target["country"], "target_sector": target["sector"],
        "actor_text": "|".join(sorted(names)), "countries": sorted(countries),
        "sites": sorted({m[16] for m in members if m[16]}), "mentions": len(members),
        "articles": len({m[2] for m in members}), "sources": len({m[16] or m[2] for m in members}),
        "independent": len({m[19] for m in members}),
        "agree_code": _share([m[3] for m in members], lambda c: c == cameo),
        "agree_date": _share([m for m in members if m[10] is not None or (m[8] and date_range(m[8]))],
                             date_agrees),
        "agree_place": _share([(m[21] if m[21] is not None else m[20]) for m in members],
                              lambda p: p == place_key),
        "agree_source": source["agree"], "agree_target": target["agree"],
        "agree_modality": _share([m[7] for m in members], lambda v: v == modality),
        "lead": any(m[14] for m in members), "confidence": max(confidence) if confidence else None,
        "first_published": ordered[0][18], "url": next((m[17] for m in ordered if m[17]), None),
        "first_added": first_added, "updated_at": now,
    }
