"""The publication date of an article that states none in its metadata, from its text alone.

Two ways, tried in order:

1. A dateline: a full date (with its year) opening the article ("Friday, January 4, 2019", "NAIROBI, Aug. 7,
   1998 (AP) -") or a "Published/Posted/Updated on ..." line. Origin ``text``.
2. Deduction from what the article reports: a dated event told in the past tense ("on November 28, Russia
   launched") happened on or before publication, one told in the future or present tense ("the meeting on
   December 3-4, 2024") lies on or after it. When such events bracket the publication day within two weeks, it
   is put the day after the latest past event (and not after the earliest event still ahead); one bound alone
   is not enough (articles recall events years old and announce ones months ahead), so it abstains then.
   A year-less date takes its year from a date written out with its year that lies within two months of it
   (on the right side: a past event does not follow a date still ahead; a weekday named with it must agree),
   else it is not used. Origin ``inferred``.

The times stage resolves year-less and relative expressions *against* the publication date, so nothing here
uses them: the inference works from dates the text spells out. When the text gives no day-level evidence the
answer is None (the caller records origin ``none``), never today's date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc

from .grammar import Candidate
from .lexicon import month_of, weekday_of, year_value
from .tense import tense_at

DATELINE_CHARS = 250  # a dateline sits in the article's first lines
PUBLISHED_CUE = re.compile(r"(?i)\b(?:published|posted|updated|last modified|date)\s*(?:on|:)?\s*$")
BRACKET_DAYS = 14  # the past and the coming event that bracket the publication day lie at most this far apart
LEAD_OFFSET = 1  # days between the latest past event and publication (news report the day after, mostly)


@dataclass
class Inference:
    value: str
    origin: str  # text | inferred
    confidence: float
    evidence: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Dated:
    day: date
    span: tuple[int, int]
    tense: str | None
    explicit_year: bool


def _day(cand: Candidate, year: int | None) -> date | None:
    f = cand.fields
    try:
        if "mon" in f:
            month = month_of(f["mon"])
        else:
            month = int(f["m"])
        day = int(re.match(r"\d+", f["d"]).group())
        if year is None:
            return None
        return date(year, month, day)
    except (ValueError, KeyError, AttributeError):
        return None


def _explicit_year(cand: Candidate) -> int | None:
    raw = cand.fields.get("y")
    if not raw or raw.startswith(("'", "’")):
        return None
    try:
        return year_value(raw)
    except ValueError:
        return None


def dateline(doc: Doc, cands: list[Candidate]) -> Inference | None:
    """A full date that opens the article or follows a "Published:" cue."""
    text = doc.text
    for cand in cands:
        if cand.kind != "ymd":
            continue
        year = _explicit_year(cand)
        day = _day(cand, year)
        if day is None:
            continue
        lead = text[:cand.start]
        in_head = cand.start < DATELINE_CHARS and lead.count("\n") <= 3 and (
            not lead.strip() or lead.rstrip().endswith((",", "-", "—", "–", "|", ":")) or lead.endswith("\n"))
        cued = PUBLISHED_CUE.search(text[max(0, cand.start - 40):cand.start]) is not None
        if in_head or cued:
            if cand.fields.get("wd") and weekday_of(cand.fields["wd"]) != day.weekday():
                continue
            return Inference(day.isoformat(), "text", 0.9, [cand.span])
    return None


ANCHOR_WINDOW = 60  # days: how far a year-less date may lie from the dated mention that lends it a year
AHEAD = ("future", "present")


@dataclass
class Anchor:
    day: date  # the day, or the first of the month for a month-year mention
    tense: str | None


def _anchors(cands: list[Candidate], doc: Doc) -> list[Anchor]:
    """The dates the text writes out with their year (full dates and month-year mentions)."""
    out = []
    for cand in cands:
        year = _explicit_year(cand)
        if year is None:
            continue
        if cand.kind == "ymd":
            day = _day(cand, year)
        elif cand.kind == "my":
            day = date(year, month_of(cand.fields["mon"]), 1)
        else:
            continue
        if day is not None:
            out.append(Anchor(day, tense_at(doc, cand.start, cand.end)))
    return out


def _year_for(cand: Candidate, tense: str | None, anchors: list[Anchor]) -> int | None:
    """The year a year-less date takes from the written-out dates near it in time (within ANCHOR_WINDOW days,
    and on the right side of them: a past event does not follow a date still ahead); a weekday named with the
    date must agree. None when no written-out date vouches for a year."""
    best: tuple[int, int] | None = None
    wd = cand.fields.get("wd")
    for anchor in anchors:
        for year in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1):
            day = _day(cand, year)
            if day is None:
                continue
            gap = (day - anchor.day).days
            if abs(gap) > ANCHOR_WINDOW:
                continue
            if tense not in AHEAD and anchor.tense in AHEAD and gap > 0:
                continue
            if tense in AHEAD and anchor.tense not in AHEAD and gap < 0:
                continue
            if wd and day.weekday() != weekday_of(wd):
                continue
            if best is None or abs(gap) < best[0]:
                best = (abs(gap), year)
    return best[1] if best else None


def deduce(doc: Doc, cands: list[Candidate]) -> Inference | None:
    """The publication day bounded by the dated events the text reports as past and as ahead."""
    anchors = _anchors(cands, doc)
    dated: list[Dated] = []
    for cand in cands:
        if cand.kind != "ymd":
            continue
        tense = tense_at(doc, cand.start, cand.end)
        year = _explicit_year(cand)
        explicit = year is not None
        if year is None:
            year = _year_for(cand, tense, anchors)
        day = _day(cand, year)
        if day is None:
            continue
        dated.append(Dated(day, cand.span, tense, explicit))
    past = [d for d in dated if d.tense not in AHEAD]
    ahead = [d for d in dated if d.tense in AHEAD]
    if not past and not ahead:
        return None
    lower = max(past, key=lambda d: d.day) if past else None
    upper_pool = [d for d in ahead if lower is None or d.day >= lower.day]
    upper = min(upper_pool, key=lambda d: d.day) if upper_pool else None
    if lower is None or upper is None or (upper.day - lower.day).days > BRACKET_DAYS:
        # one bound alone says little: articles recall events years old and announce ones months ahead
        return None
    guess = min(lower.day + timedelta(days=LEAD_OFFSET), upper.day)
    confidence = 0.7 if (upper.day - lower.day).days <= 7 else 0.5
    if not (lower.explicit_year and upper.explicit_year):
        confidence -= 0.1
    return Inference(guess.isoformat(), "inferred", confidence, [lower.span, upper.span])


def infer(doc: Doc, cands: list[Candidate]) -> Inference | None:
    """The publication date the text gives or implies, or None."""
    return dateline(doc, cands) or deduce(doc, cands)


__all__ = ["Inference", "infer", "dateline", "deduce"]
