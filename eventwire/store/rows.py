"""A document record (the contract's dict) as rows of the store's tables, and back.

``flatten`` turns one record into rows (dicts keyed by column) for each table; ``rebuild`` turns the rows read back
into the same record. Fields of the record that have no column of their own (extra fields the contract allows,
added by later versions of a stage) are kept as JSON in the row's ``extra`` column, so nothing is lost.
"""
from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pyarrow as pa

from .ids import canonical_url, normalized_text, text_hash

SPANS = pa.list_(pa.list_(pa.int32()))
STRINGS = pa.list_(pa.string())

#: column -> arrow type, in the schema's column order
COLUMNS: dict[str, dict[str, pa.DataType]] = {
    "documents": {
        "id": pa.string(), "record_id": pa.string(), "url": pa.string(), "canonical_url": pa.string(),
        "source": pa.string(), "title": pa.string(), "language": pa.string(), "published": pa.string(),
        "published_day": pa.date32(), "published_origin": pa.string(), "published_confidence": pa.float64(),
        "published_evidence": SPANS, "text": pa.string(), "sentences": SPANS, "warnings": pa.string(),
        "input": pa.string(), "content_hash": pa.string(), "dup_group": pa.string(), "shingles": pa.int32(),
        "minhash": pa.binary(), "extra": pa.string(), "extractor": pa.string(), "ingested_at": pa.timestamp("us"),
    },
    "actors": {
        "doc_id": pa.string(), "id": pa.string(), "seq": pa.int32(), "name": pa.string(), "type": pa.string(),
        "country": pa.string(), "sector": pa.string(), "role": pa.string(), "code": pa.string(), "key": pa.string(),
        "mentions": SPANS, "extra": pa.string(),
    },
    "places": {
        "doc_id": pa.string(), "id": pa.string(), "seq": pa.int32(), "text": pa.string(), "span_start": pa.int32(),
        "span_end": pa.int32(), "name": pa.string(), "geonameid": pa.int64(), "lat": pa.float64(),
        "lon": pa.float64(), "country": pa.string(), "feature": pa.string(), "precision": pa.string(),
        "extra": pa.string(),
    },
    "times": {
        "doc_id": pa.string(), "id": pa.string(), "seq": pa.int32(), "text": pa.string(), "span_start": pa.int32(),
        "span_end": pa.int32(), "type": pa.string(), "value": pa.string(), "value_end": pa.string(),
        "extra": pa.string(),
    },
    "quotes": {
        "doc_id": pa.string(), "id": pa.string(), "seq": pa.int32(), "speaker": pa.string(),
        "speaker_start": pa.int32(), "speaker_end": pa.int32(), "cue": pa.string(), "cue_start": pa.int32(),
        "cue_end": pa.int32(), "text": pa.string(), "span_start": pa.int32(), "span_end": pa.int32(),
        "kind": pa.string(), "extra": pa.string(),
    },
    "event_mentions": {
        "id": pa.string(), "doc_id": pa.string(), "local_id": pa.string(), "seq": pa.int32(),
        "event_id": pa.string(), "cameo": pa.string(), "root": pa.string(), "plover": pa.string(),
        "quad_class": pa.int32(), "goldstein": pa.float64(), "modality": pa.string(), "mclass": pa.string(),
        "date": pa.string(), "date_value": pa.string(), "day_lo": pa.date32(), "day_hi": pa.date32(),
        "coarse": pa.string(), "place": pa.string(), "source": STRINGS, "target": STRINGS, "source_keys": STRINGS,
        "target_keys": STRINGS, "actor_index": STRINGS, "sentence": pa.int32(), "trigger_start": pa.int32(),
        "trigger_end": pa.int32(),
        "evidence_start": pa.int32(), "evidence_end": pa.int32(), "evidence_hash": pa.string(),
        "lead": pa.bool_(), "confidence": pa.float64(), "extra": pa.string(),
    },
}

_KNOWN = {
    "document": {"schema", "id", "url", "source", "title", "language", "published", "text", "sentences", "actors",
                 "events", "quotes", "times", "places", "warnings", "input", "record_id", "near_duplicates"},
    "actors": {"id", "name", "type", "country", "sector", "role", "code", "mentions"},
    "places": {"id", "text", "span", "name", "geonameid", "lat", "lon", "country", "feature", "precision"},
    "times": {"id", "text", "span", "type", "value", "value_end"},
    "quotes": {"id", "speaker", "speaker_span", "cue", "cue_span", "text", "span", "kind"},
    "events": {"id", "source", "target", "cameo", "plover", "quad_class", "goldstein", "modality", "date", "place",
               "sentence", "trigger", "evidence", "confidence", "event_id"},
}

MODALITY_CLASS = {"asserted": "real", "negated": "negated"}  # every other modality is "unreal"

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_COARSE = re.compile(r"^\d{4}(?:-\d{2}|-W\d{2})?$")  # a month, an ISO week or a year (years never join events)
_PUNCT = re.compile(r"[^\w\s]")


def _extra(item: dict[str, Any], kind: str) -> str | None:
    rest = {k: v for k, v in item.items() if k not in _KNOWN[kind]}
    return json.dumps(rest, ensure_ascii=False, sort_keys=True) if rest else None


def _start(span: Any) -> int | None:
    return int(span[0]) if span else None


def _end(span: Any) -> int | None:
    return int(span[1]) if span else None


def _spans(spans: Any) -> list[list[int]]:
    return [[int(s[0]), int(s[1])] for s in spans or [] if s]


def parse_day(value: Any) -> date | None:
    """The day a date or date-time value names, or None when it names no single day."""
    match = _DAY.match(str(value or ""))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def date_range(value: Any) -> tuple[date, date] | None:
    """The first and last day of a date value: a day, a month (``2024-11``), an ISO week (``2024-W48``), a year."""
    text = str(value or "")
    day = parse_day(text)
    if day:
        return day, day
    try:
        if re.fullmatch(r"\d{4}-\d{2}", text):
            first = date(int(text[:4]), int(text[5:7]), 1)
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return first, last
        if re.fullmatch(r"\d{4}-W\d{2}", text):
            first = date.fromisocalendar(int(text[:4]), int(text[6:8]), 1)
            return first, first + timedelta(days=6)
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 1, 1), date(int(text), 12, 31)
    except ValueError:
        return None
    return None


def name_key(name: str | None) -> str | None:
    """An actor name as a key: case-folded, no punctuation, no leading article."""
    if not name:
        return None
    words = _PUNCT.sub(" ", normalized_text(name)).split()
    if words and words[0] == "the":
        words = words[1:]
    return "name:" + " ".join(words) if words else None


def actor_keys(actor: dict[str, Any]) -> list[str]:
    """What identifies an actor across articles: its CAMEO code and its name."""
    keys = [actor["code"]] if actor.get("code") else []
    name = name_key(actor.get("name"))
    return keys + ([name] if name else [])


def actor_index(source_keys: list[str], target_keys: list[str]) -> list[str]:
    """Keys by side (``s:``/``t:``), with the country of each CAMEO code: two mentions whose actors agree on a side
    share an entry (the store looks for candidates with it; clustering decides)."""
    index = set()
    for side, keys in (("s", source_keys), ("t", target_keys)):
        for key in keys:
            index.add(f"{side}:{key}")
            if not key.startswith("name:") and len(key) > 3:
                index.add(f"{side}:{key[:3]}")
    return sorted(index)


def flatten(record: dict[str, Any], doc_id: str, **document_fields: Any) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table from one record; ``document_fields`` fills the document row's store columns."""
    text = record.get("text") or ""
    published = record.get("published") or {}
    first_paragraph = text.find("\n")
    lead_end = first_paragraph if first_paragraph > 0 else len(text)
    document = {
        "id": doc_id, "record_id": str(record.get("id")), "url": record.get("url"),
        "canonical_url": canonical_url(record.get("url")), "source": record.get("source"),
        "title": record.get("title"), "language": record.get("language"), "published": published.get("value"),
        "published_day": parse_day(published.get("value")), "published_origin": published.get("origin"),
        "published_confidence": published.get("confidence"), "published_evidence": _spans(published.get("evidence")),
        "text": text, "sentences": _spans(record.get("sentences")),
        "warnings": json.dumps(record["warnings"], ensure_ascii=False) if record.get("warnings") else None,
        "input": record.get("input"), "extra": _extra(record, "document"),
    }
    document.update(document_fields)
    actors = record.get("actors") or []
    keys = {a["id"]: actor_keys(a) for a in actors}
    rows: dict[str, list[dict[str, Any]]] = {"documents": [document]}
    rows["actors"] = [{
        "doc_id": doc_id, "id": a["id"], "seq": i, "name": a.get("name"), "type": a.get("type"),
        "country": a.get("country"), "sector": a.get("sector"), "role": a.get("role"), "code": a.get("code"),
        "key": a.get("code") or name_key(a.get("name")), "mentions": _spans(a.get("mentions")),
        "extra": _extra(a, "actors"),
    } for i, a in enumerate(actors)]
    rows["places"] = [{
        "doc_id": doc_id, "id": p["id"], "seq": i, "text": p.get("text"), "span_start": _start(p.get("span")),
        "span_end": _end(p.get("span")), "name": p.get("name"), "geonameid": p.get("geonameid"), "lat": p.get("lat"),
        "lon": p.get("lon"), "country": p.get("country"), "feature": p.get("feature"),
        "precision": p.get("precision"), "extra": _extra(p, "places"),
    } for i, p in enumerate(record.get("places") or [])]
    rows["times"] = [{
        "doc_id": doc_id, "id": t["id"], "seq": i, "text": t.get("text"), "span_start": _start(t.get("span")),
        "span_end": _end(t.get("span")), "type": t.get("type"), "value": t.get("value"),
        "value_end": t.get("value_end"), "extra": _extra(t, "times"),
    } for i, t in enumerate(record.get("times") or [])]
    rows["quotes"] = [{
        "doc_id": doc_id, "id": q["id"], "seq": i, "speaker": q.get("speaker"),
        "speaker_start": _start(q.get("speaker_span")), "speaker_end": _end(q.get("speaker_span")),
        "cue": q.get("cue"), "cue_start": _start(q.get("cue_span")), "cue_end": _end(q.get("cue_span")),
        "text": q.get("text"), "span_start": _start(q.get("span")), "span_end": _end(q.get("span")),
        "kind": q.get("kind"), "extra": _extra(q, "quotes"),
    } for i, q in enumerate(record.get("quotes") or [])]
    rows["event_mentions"] = [_mention(e, i, doc_id, text, lead_end, published.get("value"), keys)
                              for i, e in enumerate(record.get("events") or [])]
    return rows


def _mention(e: dict[str, Any], seq: int, doc_id: str, text: str, lead_end: int, published: str | None,
             keys: dict[str, list[str]]) -> dict[str, Any]:
    cameo = str(e.get("cameo") or "")
    when = e.get("date") or {}
    value = when.get("value")
    day = parse_day(value)
    day_lo = day_hi = day
    if day is not None and when.get("origin") == "published":
        # the date was defaulted to the publication date: the event may have happened the day before
        day_lo = day - timedelta(days=1)
    coarse = value if day is None and value and _COARSE.match(str(value)) else None
    evidence = e.get("evidence") or e.get("trigger")
    trigger = e.get("trigger")
    evidence_text = text[evidence[0]:evidence[1]] if evidence and evidence[1] > evidence[0] else ""
    modality = e.get("modality") or "asserted"
    source_keys = sorted({k for a in e.get("source") or [] for k in keys.get(a, [])})
    target_keys = sorted({k for a in e.get("target") or [] for k in keys.get(a, [])})
    return {
        "id": f"{doc_id}/{e['id']}", "doc_id": doc_id, "local_id": e["id"], "seq": seq, "event_id": None,
        "cameo": cameo, "root": cameo[:2], "plover": e.get("plover"), "quad_class": e.get("quad_class"),
        "goldstein": e.get("goldstein"), "modality": modality, "mclass": MODALITY_CLASS.get(modality, "unreal"),
        "date": json.dumps(when, ensure_ascii=False, sort_keys=True) if e.get("date") else None,
        "date_value": value, "day_lo": day_lo, "day_hi": day_hi, "coarse": coarse, "place": e.get("place"),
        "source": list(e.get("source") or []), "target": list(e.get("target") or []),
        "source_keys": source_keys, "target_keys": target_keys,
        "actor_index": actor_index(source_keys, target_keys),
        "sentence": e.get("sentence"), "trigger_start": _start(trigger), "trigger_end": _end(trigger),
        "evidence_start": _start(e.get("evidence")), "evidence_end": _end(e.get("evidence")),
        "evidence_hash": text_hash(evidence_text) if evidence_text.strip() else None,
        "lead": bool(trigger) and trigger[0] < lead_end, "confidence": e.get("confidence"),
        "extra": _extra(e, "events"),
    }


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    columns = COLUMNS[table]
    return pa.table({name: pa.array([r.get(name) for r in rows], type=kind) for name, kind in columns.items()})


# -- back to a record ---------------------------------------------------------------------------------------------

def _span(start: Any, end: Any) -> list[int] | None:
    return [start, end] if start is not None and end is not None else None


def _with_extra(item: dict[str, Any], extra: str | None) -> dict[str, Any]:
    if extra:
        item.update(json.loads(extra))
    return item


def rebuild(document: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The contract's record from a document row and its rows in the other tables (each sorted by ``seq``)."""
    record: dict[str, Any] = {
        "schema": "eventwire.document/1", "id": document["id"], "url": document["url"],
        "source": document["source"], "title": document["title"], "language": document["language"],
        "published": {"value": document["published"], "origin": document["published_origin"],
                      "confidence": document["published_confidence"]},
        "text": document["text"], "sentences": document["sentences"] or [],
    }
    if document["published_evidence"]:
        record["published"]["evidence"] = document["published_evidence"]
    record["actors"] = [_with_extra({
        "id": a["id"], "name": a["name"], "type": a["type"], "country": a["country"], "sector": a["sector"],
        "role": a["role"], "code": a["code"], "mentions": a["mentions"] or []}, a["extra"]) for a in tables["actors"]]
    record["events"] = [_with_extra({
        "id": m["local_id"], "source": m["source"] or [], "target": m["target"] or [], "cameo": m["cameo"],
        "plover": m["plover"], "quad_class": m["quad_class"], "goldstein": m["goldstein"],
        "modality": m["modality"], "date": json.loads(m["date"]) if m["date"] else None, "place": m["place"],
        "sentence": m["sentence"], "trigger": _span(m["trigger_start"], m["trigger_end"]),
        "evidence": _span(m["evidence_start"], m["evidence_end"]), "confidence": m["confidence"],
        "event_id": m["event_id"]}, m["extra"]) for m in tables["event_mentions"]]
    record["quotes"] = [_with_extra({
        "id": q["id"], "speaker": q["speaker"], "speaker_span": _span(q["speaker_start"], q["speaker_end"]),
        "cue": q["cue"], "cue_span": _span(q["cue_start"], q["cue_end"]), "text": q["text"],
        "span": _span(q["span_start"], q["span_end"]), "kind": q["kind"]}, q["extra"]) for q in tables["quotes"]]
    record["times"] = []
    for t in tables["times"]:
        item = {"id": t["id"], "text": t["text"], "span": _span(t["span_start"], t["span_end"]), "type": t["type"],
                "value": t["value"]}
        if t["value_end"] is not None:
            item["value_end"] = t["value_end"]
        record["times"].append(_with_extra(item, t["extra"]))
    record["places"] = [_with_extra({
        "id": p["id"], "text": p["text"], "span": _span(p["span_start"], p["span_end"]), "name": p["name"],
        "geonameid": p["geonameid"], "lat": p["lat"], "lon": p["lon"], "country": p["country"],
        "feature": p["feature"], "precision": p["precision"]}, p["extra"]) for p in tables["places"]]
    if document["warnings"]:
        record["warnings"] = json.loads(document["warnings"])
    if document["input"]:
        record["input"] = document["input"]
    record["record_id"] = document["record_id"]
    return _with_extra(record, document["extra"])


def now() -> datetime:
    """The time of a write (UTC, to the second)."""
    return datetime.now(UTC).replace(microsecond=0, tzinfo=None)
