"""Queries over the store: filters, sorting and cursor pagination, results as plain JSON-ready dicts."""
from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb

from .countries import alpha3
from .errors import FilterError
from .rows import rebuild

MAX_LIMIT = 10_000


@dataclass
class Page:
    rows: list[dict[str, Any]]
    next_cursor: str | None  # pass as ``after`` to get the next page; None on the last page


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


def _dicts(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in result.description]
    return [{n: _jsonable(v) for n, v in zip(names, row, strict=True)} for row in result.fetchall()]


def _day(value: Any, name: str) -> str:
    text = str(value)
    try:
        return date.fromisoformat(text[:10]).isoformat() if len(text) >= 10 else _month_start(text)
    except ValueError:
        raise FilterError(f"{name} must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not {value!r}") from None


def _month_start(text: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return date(int(text[:4]), int(text[5:]), 1).isoformat()
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1).isoformat()
    raise ValueError(text)


def _until(value: Any) -> str:
    """The last day of a date filter given as a day, a month or a year."""
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}", text) or re.fullmatch(r"\d{4}", text):
        from .rows import date_range

        span = date_range(text)
        if span:
            return span[1].isoformat()
    return _day(text, "until")


def _limit(limit: Any) -> int:
    try:
        value = int(limit)
    except (TypeError, ValueError):
        raise FilterError(f"limit must be a number, not {limit!r}") from None
    if value < 1 or value > MAX_LIMIT:
        raise FilterError(f"limit must be between 1 and {MAX_LIMIT:,}, not {value}")
    return value


def event_filters(actor: str | None = None, country: str | None = None, code: str | None = None,
                  quad_class: int | None = None, modality: str | None = None, since: str | None = None,
                  until: str | None = None, place: str | None = None, bbox: Any = None, source: str | None = None,
                  doc_id: str | None = None) -> tuple[list[str], list[Any]]:
    """SQL conditions on the ``events`` table (alias ``e``) and their parameters."""
    where: list[str] = []
    params: list[Any] = []
    if actor:
        where.append("contains(e.actor_text, lower(?))")
        params.append(str(actor).strip())
    if country:
        code3 = alpha3(str(country).strip())
        if not code3:
            raise FilterError(f"unknown country code {country!r} (use ISO alpha-3 such as UKR, or alpha-2 such as UA)")
        where.append("list_contains(e.countries, ?)")
        params.append(code3)
    if code:
        text = str(code).strip()
        if text.isdigit():
            where.append("starts_with(e.cameo, ?)")
        elif text.isalpha():
            where.append("upper(e.plover) = upper(?)")
        else:
            raise FilterError(f"code must be a CAMEO code prefix (digits) or a PLOVER type, not {code!r}")
        params.append(text)
    if quad_class not in (None, ""):
        try:
            quad = int(quad_class)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise FilterError(f"quad_class must be 1, 2, 3 or 4, not {quad_class!r}") from None
        if quad not in (1, 2, 3, 4):
            raise FilterError(f"quad_class must be 1, 2, 3 or 4, not {quad_class!r}")
        where.append("e.quad_class = ?")
        params.append(quad)
    if modality:
        where.append("e.modality = ?")
        params.append(str(modality).strip().lower())
    if since:
        where.append("e.day_end >= CAST(? AS DATE)")
        params.append(_day(since, "since"))
    if until:
        where.append("e.day_start <= CAST(? AS DATE)")
        params.append(_until(until))
    if place:
        text = str(place).strip()
        if text.isdigit():
            where.append("e.geonameid = ?")
            params.append(int(text))
        else:
            where.append("e.place_name ILIKE ?")
            params.append(f"%{text}%")
    if bbox:
        try:
            west, south, east, north = (float(v) for v in (bbox.split(",") if isinstance(bbox, str) else bbox))
        except (TypeError, ValueError):
            raise FilterError(f"bbox must be west,south,east,north in degrees, not {bbox!r}") from None
        where.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
        params.extend([west, east, south, north])
    if source:
        where.append("contains(array_to_string(e.sites, '|'), lower(?))")
        params.append(str(source).strip().removeprefix("www."))
    if doc_id:
        where.append("e.id IN (SELECT event_id FROM event_mentions WHERE doc_id = ?)")
        params.append(str(doc_id))
    return where, params


_EVENT_SORTS = {
    "date": ("coalesce(e.day_start, DATE '9999-12-31')", "ASC", "date"),
    "-date": ("coalesce(e.day_start, DATE '0001-01-01')", "DESC", "date"),
    "mentions": ("e.mentions", "ASC", "int"),
    "-mentions": ("e.mentions", "DESC", "int"),
    "articles": ("e.articles", "ASC", "int"),
    "-articles": ("e.articles", "DESC", "int"),
}

_EVENT_COLUMNS = """e.id, e.date, e.cameo, e.plover, e.quad_class, e.goldstein, e.modality,
    e.source_name, e.source_code, e.source_country, e.target_name, e.target_code, e.target_country,
    e.place_name, e.geonameid, e.lat, e.lon, e.place_country AS country, e.mentions, e.articles, e.sources,
    e.independent, e.agree_code, e.agree_date, e.agree_place, e.agree_source, e.agree_target, e.agree_modality,
    e.confidence, e.first_published, e.url"""


def _encode(key: Any, tiebreak: str) -> str:
    raw = json.dumps([_jsonable(key), tiebreak]).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode(cursor: str) -> tuple[Any, str]:
    try:
        key, tiebreak = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return key, str(tiebreak)
    except (ValueError, TypeError):
        raise FilterError(f"not a cursor from this store: {cursor!r}") from None


def _page(con: duckdb.DuckDBPyConnection, select: str, where: list[str], params: list[Any], sort: tuple[str, str, str],
          tiebreak: str, limit: Any, after: str | None, shape: Any = None) -> Page:
    expression, direction, kind = sort
    limit = _limit(limit)
    where, params = list(where), list(params)
    if after:
        key, last = _decode(after)
        cast = "CAST(? AS DATE)" if kind == "date" else "?"
        op = "<" if direction == "DESC" else ">"
        where.append(f"({expression} {op} {cast} OR ({expression} = {cast} AND {tiebreak} > ?))")
        params.extend([key, key, last])
    sql = select.format(key=expression, tiebreak=tiebreak)
    sql += (" WHERE " + " AND ".join(where) if where else "")
    sql += f" ORDER BY {expression} {direction}, {tiebreak} LIMIT {limit + 1}"
    found = _dicts(con.execute(sql, params))
    more = len(found) > limit
    found = found[:limit]
    cursor = _encode(found[-1]["_key"], found[-1]["_tiebreak"]) if more and found else None
    for row in found:
        row.pop("_key", None)
        row.pop("_tiebreak", None)
        if shape:
            shape(row)
    return Page(found, cursor)


def _shape_event(row: dict[str, Any]) -> None:
    row["agreement"] = {field: row.pop(f"agree_{field}") for field in
                        ("code", "date", "place", "source", "target", "modality")}


def events(con: duckdb.DuckDBPyConnection, sort: str = "-date", limit: Any = 100, after: str | None = None,
           **filters: Any) -> Page:
    if sort not in _EVENT_SORTS:
        raise FilterError(f"sort must be one of {', '.join(_EVENT_SORTS)}, not {sort!r}")
    where, params = event_filters(**filters)
    select = f"SELECT {_EVENT_COLUMNS}, {{key}} AS _key, {{tiebreak}} AS _tiebreak FROM events e"
    return _page(con, select, where, params, _EVENT_SORTS[sort], "e.id", limit, after, _shape_event)


def count_events(con: duckdb.DuckDBPyConnection, **filters: Any) -> int:
    where, params = event_filters(**filters)
    sql = "SELECT count(*) FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
    return int(con.execute(sql, params).fetchall()[0][0])


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    rows = _dicts(con.execute(f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.id = ?", [event_id]))
    if not rows:
        return None
    row = rows[0]
    _shape_event(row)
    row["reports"] = _dicts(con.execute("""
        SELECT m.id, m.doc_id, d.title, d.url, d.source, d.published, d.dup_group, m.local_id, m.cameo, m.plover,
               m.modality, m.date_value AS date, m.place, p.name AS place_name, m.sentence,
               [m.trigger_start, m.trigger_end] AS trigger, [m.evidence_start, m.evidence_end] AS evidence,
               substr(d.text, m.trigger_start + 1, m.trigger_end - m.trigger_start) AS trigger_text,
               substr(d.text, m.evidence_start + 1, m.evidence_end - m.evidence_start) AS evidence_text,
               (SELECT list(a.name ORDER BY a.seq) FROM actors a
                 WHERE a.doc_id = m.doc_id AND list_contains(m.source, a.id)) AS source_actors,
               (SELECT list(a.name ORDER BY a.seq) FROM actors a
                 WHERE a.doc_id = m.doc_id AND list_contains(m.target, a.id)) AS target_actors,
               m.confidence
        FROM event_mentions m JOIN documents d ON d.id = m.doc_id
        LEFT JOIN places p ON p.doc_id = m.doc_id AND p.id = m.place
        WHERE m.event_id = ? ORDER BY d.published NULLS LAST, m.doc_id, m.seq""", [event_id]))
    return row


def documents(con: duckdb.DuckDBPyConnection, source: str | None = None, since: str | None = None,
              until: str | None = None, limit: Any = 100, after: str | None = None) -> Page:
    where: list[str] = []
    params: list[Any] = []
    if source:
        where.append("contains(lower(d.source), lower(?))")
        params.append(source)
    if since:
        where.append("d.published_day >= CAST(? AS DATE)")
        params.append(_day(since, "since"))
    if until:
        where.append("d.published_day <= CAST(? AS DATE)")
        params.append(_until(until))
    select = """SELECT d.id, d.record_id, d.title, d.url, d.source, d.published, d.language, d.dup_group,
        length(d.text) AS chars,
        (SELECT count(*) FROM event_mentions m WHERE m.doc_id = d.id) AS events,
        (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes,
        d.ingested_at, {key} AS _key, {tiebreak} AS _tiebreak FROM documents d"""
    return _page(con, select, where, params, ("coalesce(d.published_day, DATE '0001-01-01')", "DESC", "date"),
                 "d.id", limit, after)


def _find_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    found = _dicts(con.execute("SELECT * FROM documents WHERE id = ?", [doc_id]))
    if not found:  # a record's own id works too when it names one document
        found = _dicts(con.execute("SELECT * FROM documents WHERE record_id = ? LIMIT 2", [doc_id]))
        if len(found) != 1:
            return None
    return found[0]


def document_dict(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """The contract's record of a stored document, with ``record_id``, ``near_duplicates`` and events' ``event_id``."""
    document = _find_document(con, doc_id)
    if document is None:
        return None
    doc_id = document["id"]
    tables = {name: _dicts(con.execute(f"SELECT * FROM {name} WHERE doc_id = ? ORDER BY seq", [doc_id]))
              for name in ("actors", "places", "times", "quotes", "event_mentions")}
    record = rebuild(document, tables)
    record["near_duplicates"] = _dicts(con.execute("""
        SELECT CASE WHEN doc_id = ? THEN other_id ELSE doc_id END AS id, similarity, containment
        FROM duplicates WHERE doc_id = ? OR other_id = ? ORDER BY similarity DESC, id""", [doc_id, doc_id, doc_id]))
    return record


def quotes(con: duckdb.DuckDBPyConnection, speaker: str | None = None, text: str | None = None,
           source: str | None = None, since: str | None = None, until: str | None = None,
           doc_id: str | None = None, limit: Any = 100, after: str | None = None) -> Page:
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        where.append("(a.name ILIKE ? OR a.code ILIKE ?)")
        params.extend([f"%{speaker}%", f"{speaker}%"])
    if text:
        where.append("q.text ILIKE ?")
        params.append(f"%{text}%")
    if source:
        where.append("contains(lower(d.source), lower(?))")
        params.append(source)
    if since:
        where.append("d.published_day >= CAST(? AS DATE)")
        params.append(_day(since, "since"))
    if until:
        where.append("d.published_day <= CAST(? AS DATE)")
        params.append(_until(until))
    if doc_id:
        where.append("q.doc_id = ?")
        params.append(doc_id)
    select = """SELECT q.doc_id, q.id, a.name AS speaker, a.code AS speaker_code, q.cue, q.kind, q.text,
        [q.span_start, q.span_end] AS span, d.title, d.url, d.source, d.published,
        {key} AS _key, {tiebreak} AS _tiebreak
        FROM quotes q JOIN documents d ON d.id = q.doc_id
        LEFT JOIN actors a ON a.doc_id = q.doc_id AND a.id = q.speaker"""
    return _page(con, select, where, params, ("coalesce(d.published_day, DATE '0001-01-01')", "DESC", "date"),
                 "q.doc_id || '/' || lpad(CAST(q.seq AS VARCHAR), 6, '0')", limit, after)


def actors(con: duckdb.DuckDBPyConnection, name: str | None = None, country: str | None = None,
           limit: Any = 100) -> list[dict[str, Any]]:
    """Actors across documents, one row per CAMEO code (else per name), most reported first."""
    where: list[str] = ["key IS NOT NULL"]
    params: list[Any] = []
    if name:
        where.append("(name ILIKE ? OR code ILIKE ?)")
        params.extend([f"%{name}%", f"{name}%"])
    if country:
        code3 = alpha3(country)
        if not code3:
            raise FilterError(f"unknown country code {country!r}")
        where.append("country = ?")
        params.append(code3)
    params.append(_limit(limit))
    return _dicts(con.execute(f"""
        WITH a AS (
            SELECT key, mode(name) AS name, mode(code) AS code, mode(country) AS country, mode(type) AS type,
                   mode(sector) AS sector, count(DISTINCT doc_id) AS documents, sum(len(mentions)) AS mentions
            FROM actors WHERE {' AND '.join(where)} GROUP BY key),
        s AS (SELECT k, count(*) AS n FROM (SELECT unnest(source_keys) AS k FROM event_mentions) GROUP BY k),
        t AS (SELECT k, count(*) AS n FROM (SELECT unnest(target_keys) AS k FROM event_mentions) GROUP BY k),
        q AS (SELECT x.key AS k, count(*) AS n FROM quotes y JOIN actors x ON x.doc_id = y.doc_id AND x.id = y.speaker
              GROUP BY x.key)
        SELECT a.key, a.name, a.code, a.country, a.type, a.sector, a.documents, a.mentions,
               coalesce(s.n, 0) AS as_source, coalesce(t.n, 0) AS as_target, coalesce(q.n, 0) AS quotes
        FROM a LEFT JOIN s ON s.k = a.key LEFT JOIN t ON t.k = a.key LEFT JOIN q ON q.k = a.key
        ORDER BY a.documents DESC, a.mentions DESC, a.key LIMIT ?""", params))


def timeline(con: duckdb.DuckDBPyConnection, by: str = "month", split: str | None = None,
             **filters: Any) -> list[dict[str, Any]]:
    """Events per day, week, month or year (of their date), optionally split by quad class or root code."""
    if by not in ("day", "week", "month", "year"):
        raise FilterError(f"by must be day, week, month or year, not {by!r}")
    if split not in (None, "quad_class", "root", "plover"):
        raise FilterError(f"split must be quad_class, root or plover, not {split!r}")
    where, params = event_filters(**filters)
    where.append("e.day_start IS NOT NULL")
    group = f", e.{split} AS {split}" if split else ""
    return _dicts(con.execute(f"""
        SELECT CAST(date_trunc('{by}', e.day_start) AS DATE) AS period{group}, count(*) AS events,
               sum(e.mentions) AS mentions, sum(e.articles) AS articles
        FROM events e WHERE {' AND '.join(where)} GROUP BY ALL ORDER BY ALL""", params))


def errors(con: duckdb.DuckDBPyConnection, limit: Any = 100) -> list[dict[str, Any]]:
    return _dicts(con.execute("SELECT input, record_id, code, message, attempts, first_seen, last_seen FROM errors "
                              "ORDER BY last_seen DESC, input LIMIT ?", [_limit(limit)]))
