"""Calendar values: a point in time at a granularity (day, week, month, quarter ...), its TimeML form, and
arithmetic on it ("two weeks before", "the quarter after")."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

# granularities from the finest to the coarsest; a point's ``start`` is the first day of its period
ORDER = ("time", "part", "day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade",
         "century")
PRECISION = {"time": "time", "part": "day", "day": "day", "weekend": "week", "week": "week", "month": "month",
             "season": "season", "quarter": "quarter", "half": "half", "year": "year", "decade": "decade",
             "century": "century"}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Point:
    """A calendar period: ``gran`` says which, ``start`` is its first day."""

    gran: str
    start: date
    season: str | None = None  # SP | SU | FA | WI for gran "season"
    part: str | None = None  # MO | AF | EV | NI for gran "part"
    clock: tuple[int, int] | None = None  # (hour, minute) for gran "time"; minute -1 when only the hour is known

    @property
    def value(self) -> str:
        """The TimeML value (``2024-11-28``, ``2024-W48``, ``1989-Q3``, ``199``, ``2024-11-28T14:30`` ...)."""
        d, g = self.start, self.gran
        if g == "century":
            return f"{d.year // 100:02d}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "season":
            return f"{d.year:04d}-{self.season}"
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g in ("week", "weekend"):
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if g == "weekend" else "")
        if g == "part":
            return f"{d.isoformat()}T{self.part}"
        if g == "time" and self.clock:
            hour, minute = self.clock
            return f"{d.isoformat()}T{hour:02d}" + (f":{minute:02d}" if minute >= 0 else "")
        return d.isoformat()

    @property
    def end(self) -> date:
        """The last day of the period."""
        g, d = self.gran, self.start
        if g in ("day", "part", "time"):
            return d
        if g == "week":
            return d + timedelta(days=6)
        if g == "weekend":
            return d + timedelta(days=1)
        months = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[g]
        return add_months(d, months) - timedelta(days=1)


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def truncate(d: date, gran: str, season: str | None = None) -> Point:
    """The period of granularity ``gran`` holding day ``d``."""
    if gran in ("day", "time", "part"):
        return Point("day", d)
    if gran == "week":
        return Point("week", d - timedelta(days=d.weekday()))
    if gran == "weekend":
        return Point("weekend", d - timedelta(days=d.weekday()) + timedelta(days=5))
    if gran == "month":
        return Point("month", d.replace(day=1))
    if gran == "quarter":
        return Point("quarter", date(d.year, (d.month - 1) // 3 * 3 + 1, 1))
    if gran == "half":
        return Point("half", date(d.year, 1 if d.month <= 6 else 7, 1))
    if gran == "season":
        if season:
            return Point("season", date(d.year, SEASON_MONTH[season], 1), season=season)
        key = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")
        year = d.year - 1 if d.month <= 2 else d.year
        return Point("season", date(year, SEASON_MONTH[key], 1), season=key)
    if gran == "year":
        return Point("year", date(d.year, 1, 1))
    if gran == "decade":
        return Point("decade", date(max(d.year // 10 * 10, 1), 1, 1))
    if gran == "century":
        return Point("century", date(max(d.year // 100 * 100, 1), 1, 1))
    raise ValueError(f"unknown granularity {gran!r}")


UNIT_MONTHS = {"month": 1, "quarter": 3, "season": 12, "half": 6, "year": 12, "decade": 120, "century": 1200}
UNIT_DAYS = {"day": 1, "part": 1, "time": 1, "week": 7, "weekend": 7, "fortnight": 14}


def shift(point: Point, unit: str, n: int) -> Point:
    """``point`` moved by ``n`` units (``n`` negative: back in time); a season moves by whole years."""
    if unit in UNIT_DAYS:
        return replace(point, start=point.start + timedelta(days=UNIT_DAYS[unit] * n))
    return replace(point, start=add_months(point.start, UNIT_MONTHS[unit] * n))


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The day with ``weekday`` (0 Monday) nearest ``anchor`` looking ``direction`` (past | future | near);
    the anchor's own day counts for past and future alike (news say "said Friday" on Friday)."""
    delta = (weekday - anchor.weekday()) % 7
    if delta == 0:
        return anchor
    if direction == "future":
        return anchor + timedelta(days=delta)
    if direction == "past":
        return anchor - timedelta(days=7 - delta)
    return anchor + timedelta(days=delta) if delta <= 3 else anchor - timedelta(days=7 - delta)


def month_near(anchor: date, month: int, direction: str) -> int:
    """The year of the month ``month`` nearest ``anchor`` looking ``direction`` (past | future | near)."""
    if direction == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    diff = month - anchor.month
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


def day_near(anchor: date, month: int, day: int, direction: str) -> date | None:
    """The date ``month``/``day`` nearest ``anchor`` looking ``direction``; None when it exists in no year near."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if direction == "past":
        past = [c for c in candidates if c <= anchor]
        return max(past) if past else min(candidates)
    if direction == "future":
        future = [c for c in candidates if c >= anchor]
        return min(future) if future else max(candidates)
    return min(candidates, key=lambda c: abs((c - anchor).days))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` of a month (n = -1: the last)."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if date(year, month, d).weekday() == weekday]
    return date(year, month, days[n if n < 0 else n - 1])
