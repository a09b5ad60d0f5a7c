"""Values for the grammar's candidates: each kind of expression normalised to its TimeML value against the
document creation time (the publication date), the tense of its clause, and the reference point the text has
moved to ("On March 3 ... two days later")."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import Point, day_near, month_near, nth_weekday, shift, truncate, weekday_near
from .grammar import Candidate
from .lexicon import (
    CENTURY_ORDINALS,
    HOLIDAYS_FIXED,
    HOLIDAYS_RULE,
    MONTH_RX,
    ORDINALS,
    PARTS,
    SEASONS,
    STEP,
    TIME_UNITS,
    month_of,
    number,
    unit_of,
    weekday_of,
    year_value,
)
from .values import Resolved, Unanchored, duration_value

__all__ = ["Resolved", "Resolver", "duration_value"]

UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
           "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX", "decade": "XXX", "century": "XX",
           "part": "XXXX-XX-XX", "time": "XXXX-XX-XX"}
ENDED = re.compile(r"\s*(?:ended|ending|that ended|which ended)\s+(?:on\s+)?(" + MONTH_RX + r")\s+(\d{1,2})\b")
BACKWARD = {"ago", "earlier", "before", "previously", "back", "prior"}
DEICTIC = {"ago", "from now", "hence", "back"}


class Resolver(Unanchored):
    """Resolves candidates in text order, keeping the reference point the text moves."""

    def __init__(self, dct: date | None, dct_clock: tuple[int, int] | None = None):
        self.dct = dct
        self.dct_clock = dct_clock
        self.ref: Point | None = Point("day", dct) if dct else None  # the last date mentioned (any granularity)
        self.ref_day: Point | None = Point("day", dct) if dct else None  # the last day mentioned
        self.last_quarter: tuple[Point, int] | None = None  # the last quarter named, with its sentence
        self.explicit_year: tuple[int, int] | None = None  # the last year written out, with its sentence

    # -- entry point ------------------------------------------------------------------------------------------

    def resolve(self, cand: Candidate, tense: str | None, sentence: int, text: str, after: str = "") -> Resolved | None:
        """The value of ``cand`` (whose surface is ``text``; ``after`` is the text that follows it)."""
        handler = getattr(self, "_" + cand.kind)
        self.sentence = sentence
        result = handler(cand.fields, tense, text.lower(), after)
        if result is not None and result.point is not None and result.anchored and result.type in ("DATE", "TIME"):
            self.ref = result.point
            if result.point.gran in ("day", "part", "time"):
                self.ref_day = Point("day", result.point.start)
            if result.point.gran == "quarter" and result.names_quarter:
                self.last_quarter = (result.point, sentence)
        return result

    # -- helpers ----------------------------------------------------------------------------------------------

    def _point(self, type_: str, point: Point | None, gran: str, end: Point | None = None) -> Resolved:
        if point is None:
            return Resolved(type_, UNKNOWN.get(gran, "XXXX-XX-XX"), anchored=False)
        return Resolved(type_, point.value, end.value if end else None, point)

    def _year_for(self, tense: str | None = None) -> int | None:
        """The year that a year-less date takes when its sentence has just named one that fits its tense."""
        if self.explicit_year and self.sentence == self.explicit_year[1]:
            year = self.explicit_year[0]
            if self.dct is None:
                return year
            if year == self.dct.year or (tense == "future" and year < self.dct.year) or (
                    tense == "past" and year > self.dct.year):
                return None
            return year
        return None

    def _note_year(self, year: int) -> None:
        self.explicit_year = (year, self.sentence)

    @staticmethod
    def _direction(tense: str | None, default: str = "near") -> str:
        return {"past": "past", "future": "future"}.get(tense or "", default)

    def _anchor(self) -> date | None:
        return self.dct

    # -- handlers, one per grammar kind ----------------------------------------------------------------------

    def _ymd(self, f, tense, text, after):
        if "mon" in f:
            month = month_of(f["mon"])
        else:
            month = int(f["m"])
        day = int(re.match(r"\d+", f["d"]).group())
        year = self._year(f.get("y"))
        try:
            if year is not None:
                start = date(year, month, day)
                self._note_year(year)
            else:
                known = self._year_for(tense) if self.dct is None else None
                if known is not None:
                    start = date(known, month, day)
                elif self.dct is not None:
                    start = self._day_for(month, day, tense, f)
                    if start is None:
                        return None
                else:
                    return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", anchored=False)
        except ValueError:
            return None
        end = None
        if f.get("d2"):
            day2 = int(re.match(r"\d+", f["d2"]).group())
            month2 = month_of(f["mon2"]) if f.get("mon2") else month
            try:
                end_date = date(start.year + (1 if month2 < month else 0), month2, day2)
            except ValueError:
                return None
            if end_date <= start:
                return None
            end = Point("day", end_date)
        if f.get("hh"):
            point = Point("time", start, clock=(int(f["hh"]), int(f["mi"])))
            return Resolved("TIME", point.value, None, point)
        return self._point("DATE", Point("day", start), "day", end)

    def _day_for(self, month: int, day: int, tense: str | None, f) -> date | None:
        """The year-less date ``month``/``day`` near the creation day: a weekday named with it decides; else
        the nearest when it is within a month, else the one the tense points to."""
        assert self.dct is not None
        if f.get("wd"):
            weekday = weekday_of(f["wd"])
            for year in (self.dct.year, self.dct.year - 1, self.dct.year + 1):
                try:
                    if date(year, month, day).weekday() == weekday:
                        return date(year, month, day)
                except ValueError:
                    continue
        rel = (f.get("rel") or "").lower()
        if rel == "last":
            return day_near(self.dct - timedelta(days=1), month, day, "past")
        if rel == "next":
            return day_near(self.dct + timedelta(days=1), month, day, "future")
        nearest = day_near(self.dct, month, day, "near")
        if nearest is not None and abs((nearest - self.dct).days) <= 31:
            return nearest
        known = self._year_for(tense)
        if known is not None:
            try:
                return date(known, month, day)
            except ValueError:
                return None
        return day_near(self.dct, month, day, self._direction(tense))

    def _year(self, raw: str | None) -> int | None:
        if not raw:
            return None
        if raw.startswith(("'", "’")):
            two = int(raw[1:])
            century = 2000 if self.dct and 2000 + two <= self.dct.year + 5 else 1900
            return century + two
        return year_value(raw)

    def _my(self, f, tense, text, after):
        year = year_value(f["y"])
        self._note_year(year)
        return self._point("DATE", Point("month", date(year, month_of(f["mon"]), 1)), "month")

    def _m(self, f, tense, text, after):
        month = month_of(f["mon"])
        rel = (f.get("rel") or "").lower()
        anchor = self.dct
        known = self._year_for(tense)
        if known is not None and not rel and not f.get("ry"):
            return self._point("DATE", Point("month", date(known, month, 1)), "month")
        if anchor is None:
            return Resolved("DATE", f"XXXX-{month:02d}", anchored=False)
        if f.get("ry"):
            year = anchor.year + {"next": 1, "last": -1, "this": 0}[f["ry"].lower()]
        elif rel in ("last", "past", "previous"):
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif rel in ("next", "coming"):
            year = anchor.year if month > anchor.month else anchor.year + 1
        elif rel == "this":
            year = anchor.year
        elif (month - anchor.month) % 12 in (1, 11):
            year = month_near(anchor, month, "near")  # the month next to the creation day's
        else:
            year = month_near(anchor, month, self._direction(tense))
        return self._point("DATE", Point("month", date(year, month, 1)), "month")

    def _y(self, f, tense, text, after):
        year = year_value(f["y"])
        if not 1000 <= year <= 2200:
            return None
        self._note_year(year)
        return self._point("DATE", Point("year", date(year, 1, 1)), "year")

    def _decade(self, f, tense, text, after):
        if f.get("dec"):
            return Resolved("DATE", f["dec"] + "X", point=Point("decade", date(int(f["dec"]) * 10, 1, 1)))
        digit = int(f["sdec"])
        century = 19
        if self.dct and 2000 + digit * 10 <= self.dct.year:
            century = 20
        return Resolved("DATE", f"{century}{digit}X", point=Point("decade", date(century * 100 + digit * 10, 1, 1)))

    def _century(self, f, tense, text, after):
        raw = f["ord"].lower()
        n = int(re.match(r"\d+", raw).group()) if raw[0].isdigit() else CENTURY_ORDINALS.get(raw.replace("-", " "))
        if not n or n > 21:
            return None
        return Resolved("DATE", f"{n - 1:02d}")

    def _recent_quarter(self) -> Point | None:
        if self.last_quarter and self.sentence - self.last_quarter[1] <= 8:
            return self.last_quarter[0]
        if self.dct is None:
            return None
        return shift(truncate(self.dct, "quarter"), "quarter", -1)

    def _quarter(self, f, tense, text, after):
        unit = f["unit"].lower()
        rel = (f.get("rel") or "").lower()
        if unit == "period" and not (rel or f.get("y0")):
            return None
        if f.get("ord") and unit == "quarter":
            q = ORDINALS[f["ord"].lower()]
            year = self._relative_year(f.get("y") or f.get("y0"))
            if year is None:
                known = self._year_for()
                if known is not None:
                    year = known
                elif self.dct is not None:
                    year = self.dct.year
                    if tense == "past" and q > (self.dct.month - 1) // 3 + 1:
                        year -= 1
                else:
                    return Resolved("DATE", f"XXXX-Q{q}", anchored=False)
            return self._point("DATE", Point("quarter", date(year, (q - 1) * 3 + 1, 1)), "quarter")
        if f.get("ord"):
            return None
        if rel in ("year-ago", "year-earlier", "year-before", "comparable", "same"):
            base = self._recent_quarter()
            return self._quarter_shift(base, -1) if base else self._point("DATE", None, "quarter")
        if rel in ("latest", "just-ended", "just-completed", "most recent") and self.dct:
            # the quarter last closed before the report, whatever quarter the text named last
            return self._point("DATE", shift(truncate(self.dct, "quarter"), "quarter", -1), "quarter")
        if rel in ("current", "this") and self.dct:
            return self._point("DATE", truncate(self.dct, "quarter"), "quarter")
        if rel in ("next", "coming") and self.dct:
            return self._point("DATE", shift(truncate(self.dct, "quarter"), "quarter", 1), "quarter")
        if f.get("y0"):
            year = self._relative_year(f["y0"])
            if year is None:
                return Resolved("DATE", "XXXX-QX", anchored=False)
            base = self._recent_quarter()
            if base is not None:
                point = Point("quarter", date(year, base.start.month, 1))
                return Resolved("DATE", point.value, None, point, names_quarter=False)
            return self._point("DATE", Point("year", date(year, 1, 1)), "year")
        if not rel and not text.startswith("the"):
            return None
        ended = ENDED.match(after)
        if ended and unit == "quarter" and self.dct is not None:
            # "the quarter ended Sept. 30": the quarter that day closes
            day = day_near(self.dct, month_of(ended.group(1)), int(ended.group(2)), "past")
            if day is not None:
                return self._point("DATE", truncate(day, "quarter"), "quarter")
        return self._point("DATE", self._recent_quarter(), "quarter")

    def _quarter_shift(self, base: Point, years: int) -> Resolved:
        point = shift(base, "year", years)
        return Resolved("DATE", point.value, None, point, names_quarter=False)

    def _yearago(self, f, tense, text, after):
        if self.last_quarter and self.sentence - self.last_quarter[1] <= 8:
            return self._quarter_shift(self.last_quarter[0], -1)
        base = self.ref.start if self.ref else self.dct
        if base is None:
            return Resolved("DATE", "XXXX", anchored=False)
        return self._point("DATE", Point("year", date(base.year - 1, 1, 1)), "year")

    def _relative_year(self, raw: str | None) -> int | None:
        if not raw:
            return None
        raw = raw.lower()
        if raw.split()[0] not in ("this", "last", "next"):
            self._note_year(year_value(raw))
            return year_value(raw)
        if self.dct is None:
            return None
        return self.dct.year + {"this": 0, "last": -1, "next": 1}[raw.split()[0]]

    def _half(self, f, tense, text, after):
        h = 1 if f["ord"].lower() == "first" else 2
        raw = f.get("y") or f.get("y0")
        year = self._relative_year(raw) if raw and raw.lower() != "the year" else None
        if year is None:
            year = self._year_for(tense) or (self.ref.start.year if self.ref else None)
        if year is None:
            return Resolved("DATE", f"XXXX-H{h}", anchored=False)
        return self._point("DATE", Point("half", date(year, 1 if h == 1 else 7, 1)), "half")

    def _season(self, f, tense, text, after):
        season = SEASONS[f["season"].lower()]
        rel = (f.get("rel") or "").lower()
        if f.get("y"):
            year = year_value(f["y"])
            return self._point("DATE", Point("season", date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season], 1),
                                             season=season), "season")
        if not rel or (rel in ("the", "that") and after.lstrip().lower().startswith("of")):
            return None
        if self.dct is None:
            return Resolved("DATE", f"XXXX-{season}", anchored=False)
        current = truncate(self.dct, "season")
        this = truncate(date(current.start.year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season], 1), "season", season)
        if rel in ("last", "past"):
            point = this if this.start < current.start else shift(this, "year", -1)
        elif rel in ("next", "coming"):
            point = this if this.start > current.start else shift(this, "year", 1)
        elif rel == "this":
            point = this
        else:
            direction = self._direction(tense)
            if direction == "past" and this.start > current.start:
                point = shift(this, "year", -1)
            elif direction == "future" and this.start < current.start:
                point = shift(this, "year", 1)
            else:
                point = this
        return self._point("DATE", point, "season")

    def _relday(self, f, tense, text, after):
        rd = f["rd"].lower()
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}[rd]
        if self.dct is None:
            return Resolved("DATE", "XXXX-XX-XX", anchored=False)
        day = self.dct + timedelta(days=offset)
        if f.get("part"):
            point = Point("part", day, part=PARTS[f["part"].lower()])
            return Resolved("TIME", point.value, None, point)
        return self._point("DATE", Point("day", day), "day")

    def _partday(self, f, tense, text, after):
        rd = re.sub(r"\s+", " ", f["rd"].lower())
        word = rd.split()[-1].replace("mid-", "").replace("mid", "") if " " in rd else rd
        part = {"tonight": "NI", "overnight": "NI", "midafternoon": "AF", "midmorning": "MO"}.get(
            word, PARTS.get(word) or PARTS.get(rd.split()[-1], "NI"))
        deictic = rd.startswith(("this", "tonight", "last")) or rd == "overnight"
        base = self.dct if deictic else (self.ref_day.start if self.ref_day else None)
        if base is None:
            return Resolved("TIME", "XXXX-XX-XXT" + part, anchored=False)
        if rd.startswith("last") or (rd == "overnight" and tense == "past") or rd in (
                "the night before", "the previous night", "the previous evening"):
            base -= timedelta(days=1)
        elif rd in ("the next morning", "the following morning"):
            base += timedelta(days=1)
        point = Point("part", base, part=part)
        return Resolved("TIME", point.value, None, point)

    def _relperiod(self, f, tense, text, after):
        rel = re.sub(r"\s+", " ", f["rel"].lower())
        unit = f["unit"].lower()
        mod = f.get("mod")
        if unit in ("morning", "afternoon", "evening", "night"):
            return self._part_rel(rel, unit)
        if unit == "season":
            return None
        if rel == "the" and not mod and unit not in ("year", "week", "month", "weekend"):
            return None
        if rel == "the" and not mod and re.match(r"\s*(?:ended|ending)\b", after):
            return Resolved("DURATION", duration_value(1, unit))  # "the year ended March 31"
        if rel in ("the full", "the whole", "the entire"):
            rel = "the current"
        anaphoric = rel in ("the previous", "the preceding", "the following", "that", "the same") or (
            rel == "the next" and unit == "day")
        if unit == "day":
            if not anaphoric:
                return None
            base = self.ref_day
            offset = {"the previous": -1, "the preceding": -1, "the following": 1, "the next": 1}.get(rel, 0)
            return self._point("DATE", shift(base, "day", offset) if base else None, "day")
        gran = unit
        base_date = (self.ref.start if anaphoric and self.ref else self.dct)
        if base_date is None:
            return Resolved("DATE", UNKNOWN.get(gran, "XXXX"), anchored=False)
        if unit == "weekend" and rel == "the":
            direction = self._direction(tense, "past")
            sat = weekday_near(self.dct, 5, direction)
            return self._point("DATE", truncate(sat, "weekend"), "weekend")
        point = truncate(base_date, gran)
        offset = {"last": -1, "the past": -1, "the last": -1, "next": 1, "the coming": 1, "the next": 1,
                  "the previous": -1, "the preceding": -1, "the following": 1}.get(rel, 0)
        step = "week" if unit == "weekend" else unit
        point = shift(point, step, offset)
        return self._point("DATE", point, gran)

    def _part_rel(self, rel: str, unit: str) -> Resolved | None:
        part = PARTS[unit]
        if rel in ("this", "that", "the same"):
            base = self.dct if rel == "this" else (self.ref_day.start if self.ref_day else None)
            offset = 0
        elif rel in ("last", "the previous", "the preceding"):
            base = self.dct if rel == "last" else (self.ref_day.start if self.ref_day else None)
            offset = -1
        elif rel in ("the next", "the following"):
            base, offset = (self.ref_day.start if self.ref_day else None), 1
        else:
            return None
        if base is None:
            return Resolved("TIME", "XXXX-XX-XXT" + part, anchored=False)
        point = Point("part", base + timedelta(days=offset), part=part)
        return Resolved("TIME", point.value, None, point)

    def _yearend(self, f, tense, text, after):
        if self.dct is None:
            return Resolved("DATE", "XXXX-12-31", anchored=False)
        # "results since year-end": the last one passed; "complete the deal by year-end": the coming one
        year = self.dct.year - 1 if tense == "past" else self.dct.year
        return self._point("DATE", Point("day", date(year, 12, 31)), "day")

    def _anaday(self, f, tense, text, after):
        rd = f["rd"].lower()
        if rd == "the eve" and not after.lstrip().lower().startswith("of"):
            return None
        offset = -1 if rd in ("the day before", "the previous day", "the preceding day", "the eve") else (
            1 if rd in ("the day after", "the next day", "the following day") else 0)
        if rd in ("the day before", "the day after", "the eve") and after.lstrip()[:1].isalnum():
            return None  # "the day before the vote": anchored on an event, not on a date the text gave
        base = self.ref_day
        return self._point("DATE", shift(base, "day", offset) if base else None, "day")

    def _ago(self, f, tense, text, after):
        unit = unit_of(f["unit"])
        raw_n = f.get("n")
        n = number(raw_n) if raw_n else None
        direction = f["dir"].lower()
        backward = direction in BACKWARD
        if direction in ("before", "after", "prior", "on") and after.lstrip()[:1].isalnum():
            return None  # "two days before the election": a duration before an event (the duration rule takes it)
        if n is None:
            return Resolved("DATE", "PAST_REF" if backward else "FUTURE_REF")
        deictic = direction in DEICTIC
        gran = STEP.get(unit, "day")
        if unit in ("decade", "century"):
            gran = "year"
        if gran == "year" and n == 1 and self.last_quarter and self.sentence - self.last_quarter[1] <= 8:
            # "a year ago" in a quarterly report: the same quarter a year before
            base = self.last_quarter[0]
            return self._quarter_shift(base, -1 if backward else 1)
        base_date = self.dct if deictic or self.ref is None else self.ref.start
        if not deictic and self.ref is not None and unit in ("day", "night", "week") and self.ref_day:
            base_date = self.ref_day.start
        if base_date is None:
            return Resolved("DATE", UNKNOWN.get(gran, "XXXX"), anchored=False)
        steps = n if unit not in ("decade", "century") else n * (10 if unit == "decade" else 100)
        step_unit = "year" if unit in ("decade", "century") else STEP.get(unit, "day")
        if steps != int(steps):
            return Resolved("DATE", "PAST_REF" if backward else "FUTURE_REF")
        if unit in TIME_UNITS:
            return None
        point = shift(truncate(base_date, gran), step_unit, int(steps) * (-1 if backward else 1))
        return self._point("DATE", point, gran)

    def _weekday(self, f, tense, text, after):
        wd = weekday_of(f["wd"])
        rel = (f.get("rel") or "").lower()
        if f.get("pl"):
            value = f"XXXX-WXX-{wd + 1}"
            if f.get("part"):
                value += "T" + PARTS[f["part"].lower()]
            return Resolved("SET", value)
        anaphoric = rel in ("the following", "the previous", "the next")
        base = (self.ref_day.start if anaphoric and self.ref_day else self.dct)
        if base is None:
            return Resolved("DATE", "XXXX-XX-XX", anchored=False)
        if rel in ("last", "past", "the previous"):
            day = weekday_near(base - timedelta(days=1), wd, "past")
        elif rel in ("next", "coming", "the following", "the next"):
            day = weekday_near(base + timedelta(days=1), wd, "future")
        elif rel == "this":
            day = weekday_near(base, wd, "future" if tense != "past" else "past")
        else:
            direction = self._direction(tense, "past")
            if tense == "present":
                direction = "future"
            day = weekday_near(base, wd, direction)
        # "Friday night": news corpora annotate the day (a part of the day is rarely given a value)
        return self._point("DATE", Point("day", day), "day")

    def _clock(self, f, tense, text, after):
        ap = (f.get("ap") or "").lower().replace(" ", "")
        if ap in ("noon", "midday"):
            hour, minute = 12, 0
        elif ap == "midnight":
            hour, minute = 24, 0
        else:
            hour = int(f["h"])
            minute = int(f["mi"]) if f.get("mi") else 0
            if ap.startswith("p") and hour < 12:
                hour += 12
            elif ap.startswith("a") and hour == 12:
                hour = 0
            if hour > 24:
                return None
        day = self._clock_day(f.get("day"), tense)
        if day is None:
            return Resolved("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", anchored=False)
        point = Point("time", day, clock=(hour, minute))
        return Resolved("TIME", point.value, None, point)

    def _clock_day(self, raw: str | None, tense: str | None) -> date | None:
        if not raw:
            return self.ref_day.start if self.ref_day else None
        low = raw.lower()
        if self.dct is None:
            return None
        if low in ("today", "yesterday", "tomorrow"):
            return self.dct + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[low])
        parts = raw.split()
        if len(parts) == 2:
            try:
                return day_near(self.dct, month_of(parts[0]), int(re.match(r"\d+", parts[1]).group()),
                                self._direction(tense))
            except (KeyError, AttributeError):
                return None
        return weekday_near(self.dct, weekday_of(raw), self._direction(tense, "past"))

    def _holiday(self, f, tense, text, after):
        name = f["name"].lower()
        year = int(f["y"]) if f.get("y") else None
        if name in HOLIDAYS_FIXED:
            month, day = HOLIDAYS_FIXED[name]
            if year is None:
                if self.dct is None:
                    return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", anchored=False)
                found = day_near(self.dct, month, day, self._direction(tense))
                return self._point("DATE", Point("day", found), "day") if found else None
            return self._point("DATE", Point("day", date(year, month, day)), "day")
        month, weekday, n = HOLIDAYS_RULE[name]
        if year is None:
            if self.dct is None:
                return Resolved("DATE", "XXXX-XX-XX", anchored=False)
            year = month_near(self.dct, month, self._direction(tense))
        return self._point("DATE", Point("day", nth_weekday(year, month, weekday, n)), "day")
