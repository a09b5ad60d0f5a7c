"""Typed records passed between the stages, and their JSON form (schema ``eventwire.document/1``).

Every span is a ``(start, end)`` pair of character offsets into ``Document.text`` (the cleaned body text).
``to_dict()`` produces exactly the contract's record (``../shared/contract/README.md``); extra fields the
contract allows are added only where they carry meaning.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "eventwire.document/1"

Span = tuple[int, int]


def _span(span: Span | None) -> list[int] | None:
    return [int(span[0]), int(span[1])] if span is not None else None


@dataclass
class RecordWarning:
    """Something the reader of a record should know (text truncated, not English, date guessed ...)."""

    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


@dataclass
class Article:
    """One article as the readers deliver it: cleaned text plus what the input said about it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # as given by the input (date or date-time), not yet validated
    published_origin: str | None = None  # "given" or "metadata" when ``published`` is set
    language: str | None = None
    input: str | None = None  # where it came from: a path, "path:line", a URL
    warnings: list[RecordWarning] = field(default_factory=list)


@dataclass
class InputError:
    """An input that could not be read as an article; it still becomes a record (with ``error``)."""

    id: str
    code: str
    message: str
    input: str | None = None


@dataclass
class Published:
    value: str | None
    origin: str  # given | metadata | text | inferred | none
    confidence: float
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "origin": self.origin, "confidence": round(self.confidence, 3)}
        if self.evidence:
            out["evidence"] = [_span(s) for s in self.evidence]
        return out


@dataclass
class Actor:
    id: str
    name: str
    type: str  # person | organization | country | igo | group | military | other
    country: str | None = None  # ISO 3166-1 alpha-3 / CAMEO country code
    sector: str | None = None  # PLOVER sector code (GOV, MIL, ...)
    role: str | None = None
    code: str | None = None  # full CAMEO actor code (UKRGOV, IGOWSTNAT ...)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "country": self.country, "sector": self.sector,
            "role": self.role, "code": self.code, "mentions": [_span(m) for m in sorted(self.mentions)],
        }


@dataclass
class TimeExpr:
    id: str
    text: str
    span: Span
    type: str  # DATE | TIME | DURATION | SET
    value: str
    value_end: str | None = None  # the end of a range ("December 3-4, 2024")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "text": self.text, "span": _span(self.span), "type": self.type,
                               "value": self.value}
        if self.value_end is not None:
            out["value_end"] = self.value_end
        return out


@dataclass
class Place:
    id: str
    text: str
    span: Span
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, as GeoNames gives it
    feature: str | None = None  # GeoNames feature code (PPLC, PCLI, ADM1 ...)
    precision: str | None = None  # point | city | region | country

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "span": _span(self.span), "name": self.name,
            "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon, "country": self.country,
            "feature": self.feature, "precision": self.precision,
        }


@dataclass
class Quote:
    id: str
    speaker: str | None  # actor id
    speaker_span: Span | None
    cue: str | None
    cue_span: Span | None
    text: str
    span: Span
    kind: str  # direct | indirect | mixed
    events: list[str] = field(default_factory=list)  # ids of the events the quote reports

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "speaker": self.speaker, "speaker_span": _span(self.speaker_span), "cue": self.cue,
            "cue_span": _span(self.cue_span), "text": self.text, "span": _span(self.span), "kind": self.kind,
            "events": list(self.events),
        }


@dataclass
class EventDate:
    value: str | None
    origin: str  # text | published
    span: Span | None = None
    precision: str | None = None  # day | month | year | ...
    value_end: str | None = None  # the end of a range the date comes from ("December 3-4, 2024")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "origin": self.origin, "span": _span(self.span),
                               "precision": self.precision}
        if self.value_end is not None:
            out["value_end"] = self.value_end
        return out


@dataclass
class Event:
    id: str
    source: list[str]  # actor ids
    target: list[str]
    cameo: str
    plover: str | None
    quad_class: int | None
    goldstein: float | None
    modality: str  # asserted | negated | hypothetical | future | threatened | requested
    date: EventDate | None
    place: str | None  # place id
    sentence: int
    trigger: Span
    evidence: Span
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "source": list(self.source), "target": list(self.target), "cameo": self.cameo,
            "plover": self.plover, "quad_class": self.quad_class, "goldstein": self.goldstein,
            "modality": self.modality, "date": self.date.to_dict() if self.date else None, "place": self.place,
            "sentence": self.sentence, "trigger": _span(self.trigger), "evidence": _span(self.evidence),
            "confidence": round(self.confidence, 3),
        }


@dataclass
class Document:
    """The record ``eventwire extract`` writes for one article."""

    id: str
    text: str
    published: Published
    url: str | None = None
    source: str | None = None
    title: str | None = None
    language: str | None = None
    sentences: list[Span] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    warnings: list[RecordWarning] = field(default_factory=list)
    input: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA, "id": self.id, "url": self.url, "source": self.source, "title": self.title,
            "language": self.language, "published": self.published.to_dict(), "text": self.text,
            "sentences": [_span(s) for s in self.sentences],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "times": [t.to_dict() for t in self.times],
            "places": [p.to_dict() for p in self.places],
        }
        if self.warnings:
            out["warnings"] = [w.to_dict() for w in self.warnings]
        if self.input:
            out["input"] = self.input
        return out


def error_record(error: InputError) -> dict[str, Any]:
    """The line written for an input that could not be processed."""
    out: dict[str, Any] = {"schema": SCHEMA, "id": error.id, "error": {"code": error.code, "message": error.message}}
    if error.input:
        out["input"] = error.input
    return out


def _tuple(span: Any) -> Span | None:
    return (int(span[0]), int(span[1])) if span else None


def document_from_dict(data: dict[str, Any]) -> Document:
    """The inverse of ``Document.to_dict()`` (for records read back from JSONL or Parquet)."""
    published = data.get("published") or {}
    return Document(
        id=str(data["id"]), text=data.get("text") or "",
        published=Published(published.get("value"), published.get("origin") or "none",
                            float(published.get("confidence") or 0.0),
                            [s for s in (_tuple(e) for e in published.get("evidence") or []) if s]),
        url=data.get("url"), source=data.get("source"), title=data.get("title"), language=data.get("language"),
        sentences=[s for s in (_tuple(x) for x in data.get("sentences") or []) if s],
        actors=[Actor(a["id"], a["name"], a.get("type") or "other", a.get("country"), a.get("sector"),
                      a.get("role"), a.get("code"), [s for s in (_tuple(m) for m in a.get("mentions") or []) if s])
                for a in data.get("actors") or []],
        events=[Event(e["id"], list(e.get("source") or []), list(e.get("target") or []), str(e["cameo"]),
                      e.get("plover"), e.get("quad_class"), e.get("goldstein"), e.get("modality") or "asserted",
                      EventDate((e.get("date") or {}).get("value"), (e.get("date") or {}).get("origin") or "published",
                                _tuple((e.get("date") or {}).get("span")), (e.get("date") or {}).get("precision"),
                                (e.get("date") or {}).get("value_end"))
                      if e.get("date") else None,
                      e.get("place"), int(e.get("sentence") or 0), _tuple(e.get("trigger")) or (0, 0),
                      _tuple(e.get("evidence")) or (0, 0), float(e.get("confidence") or 0.0))
                for e in data.get("events") or []],
        quotes=[Quote(q["id"], q.get("speaker"), _tuple(q.get("speaker_span")), q.get("cue"), _tuple(q.get("cue_span")),
                      q.get("text") or "", _tuple(q.get("span")) or (0, 0), q.get("kind") or "direct",
                      [str(e) for e in q.get("events") or []])
                for q in data.get("quotes") or []],
        times=[TimeExpr(t["id"], t.get("text") or "", _tuple(t.get("span")) or (0, 0), t.get("type") or "DATE",
                        t.get("value") or "", t.get("value_end")) for t in data.get("times") or []],
        places=[Place(p["id"], p.get("text") or "", _tuple(p.get("span")) or (0, 0), p.get("name"), p.get("geonameid"),
                      p.get("lat"), p.get("lon"), p.get("country"), p.get("feature"), p.get("precision"))
                for p in data.get("places") or []],
        warnings=[RecordWarning(w.get("code") or "", w.get("message") or "") for w in data.get("warnings") or []],
        input=data.get("input"),
    )
