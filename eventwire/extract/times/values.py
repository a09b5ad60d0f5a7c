"""Values that need no anchor in the calendar: durations ("33-month" -> P33M), sets ("every week" -> P1W) and
vague references ("now" -> PRESENT_REF); with the ``Resolved`` record every handler returns. The resolver
(``resolve.py``) takes these handlers over from ``Unanchored``."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .calendar import Point
from .lexicon import PARTS, SEASONS, TIME_UNITS, month_of, number, unit_of, weekday_of


@dataclass
class Resolved:
    type: str
    value: str
    value_end: str | None = None
    point: Point | None = None  # the period meant, where it is one (it moves the reference point)
    anchored: bool = True  # False when the value could not be tied to a date (no publication date)
    names_quarter: bool = True  # False for a quarter reached by shifting another ("a year ago" -> 1988-Q3)


PRESENT = {"right now", "nowadays", "now", "currently", "current", "at present", "presently", "at the moment",
           "for the moment", "at this time", "these days", "the present", "the moment", "the time being"}
FUTURE = {"the future", "future", "soon", "as soon as possible", "shortly", "someday", "the near future",
          "the days ahead", "the years ahead", "the months ahead", "the weeks ahead"}
SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
               "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D", "biweekly": "P2W", "biannually": "P6M",
               "semiannually": "P6M", "semi-annually": "P6M", "bimonthly": "P2M"}


def duration_value(n: float | None, unit: str) -> str:
    """``P3D``, ``PT5H30M``, ``P18M``, ``PXY`` ... for ``n`` units (None: an unknown number)."""
    unit = unit_of(unit)
    if unit in ("decade", "century"):
        if n is None:
            return "PXY"
        n, unit = n * (10 if unit == "decade" else 100), "year"
    if unit == "quarter":
        return "PXQ" if n is None else f"P{int(n) if n == int(n) else n}Q"
    if unit == "fortnight":
        n, unit = (None if n is None else n * 2), "week"
    if unit == "weekend":
        n, unit = (None if n is None else n * 2), "day"
    if unit == "night":
        unit = "day"
    letter = {"second": "S", "sec": "S", "minute": "M", "min": "M", "hour": "H", "hr": "H", "day": "D",
              "week": "W", "month": "M", "year": "Y", "yr": "Y"}[unit]
    time = "T" if unit in TIME_UNITS else ""
    if n is None:
        return f"P{time}X{letter}"
    if n != int(n):
        smaller = {"year": (12, "M", ""), "yr": (12, "M", ""), "month": (30, "D", ""), "week": (7, "D", ""),
                   "day": (24, "H", "T"), "hour": (60, "M", "T"), "hr": (60, "M", "T"), "minute": (60, "S", "T"),
                   "min": (60, "S", "T")}
        if unit in smaller:
            factor, small, small_time = smaller[unit]
            whole, rest = int(n), round((n - int(n)) * factor)
            if whole and unit in ("hour", "hr", "minute", "min", "year", "yr"):
                return f"P{time}{whole}{letter}{rest}{small}"
            return f"P{small_time}{whole * factor + rest}{small}"
    return f"P{time}{int(n)}{letter}"



class Unanchored:
    """The resolver's handlers for expressions whose value does not depend on the publication date or on the
    reference point: each takes the candidate's fields, the tense of its clause, its text (lower case) and the
    text that follows it."""

    def _duration(self, f, tense, text, after):
        unit = unit_of(f["unit"])
        raw_n = f.get("n")
        if f.get("old"):
            return None  # an age ("a 44-year-old protester") is not annotated as a time
        if raw_n is None:
            # "decades-long" (some decades), "day-long" (one day)
            return Resolved("DURATION", duration_value(None if f.get("pl") else 1, unit))
        low_n = raw_n.lower()
        if unit in ("second", "quarter", "minute") and low_n in ("a", "an", "one") and unit != "minute":
            return None  # "a second attack", "a quarter of the vote"
        if unit in ("sec", "min", "hr", "yr") and not low_n[0].isdigit():
            return None
        n = number(raw_n)
        if n is None and not f.get("pl"):
            return None  # "some day", "many a year"
        if n is not None and (f.get("half") or f.get("nhalf")):
            n += 0.5
        if n is not None and n == 0:
            return None
        return Resolved("DURATION", duration_value(n, unit))

    def _vaguedur(self, f, tense, text, after):
        if f.get("ahead"):
            return Resolved("DURATION", duration_value(None, unit_of(f["ahead"].split()[1])))
        unit = unit_of(f["unit"])
        pre = (f.get("pre") or "").lower()
        q = (f.get("q") or "").lower()
        if pre == "recent" and unit in ("year", "decade", "century"):
            return Resolved("DATE", "PAST_REF")
        if not pre and q in ("", "the"):
            return None
        return Resolved("DURATION", duration_value(None, unit))

    def _set(self, f, tense, text, after):
        if f.get("adv"):
            return Resolved("SET", SET_ADVERBS[f["adv"].lower()])
        raw = f["unit"]
        low = raw.lower()
        if low.rstrip("s") in SEASONS:
            return Resolved("SET", "XXXX-" + SEASONS[low.rstrip("s")])
        if low in PARTS:
            return Resolved("SET", "XXXX-XX-XXT" + PARTS[low])
        try:
            return Resolved("SET", f"XXXX-WXX-{weekday_of(raw) + 1}")
        except KeyError:
            pass
        if raw[0].isupper() and low.rstrip(".") in {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                                      "sept", "oct", "nov", "dec"} | set(
                ["january", "february", "march", "april", "june", "july", "august", "september", "october",
                 "november", "december"]):
            return Resolved("SET", f"XXXX-{month_of(raw):02d}")
        n = number(f["n"]) if f.get("n") else 1
        if "other" in text:
            n = (n or 1) * 2
        return Resolved("SET", duration_value(n or 1, unit_of(low)))

    def _perunit(self, f, tense, text, after):
        return Resolved("SET", duration_value(1, f["unit"]))

    def _vague(self, f, tense, text, after):
        v = re.sub(r"\s+", " ", f["v"].lower())
        if v in PRESENT:
            return Resolved("DATE", "PRESENT_REF")
        if v in FUTURE:
            return Resolved("DATE", "FUTURE_REF")
        return Resolved("DATE", "PAST_REF")
