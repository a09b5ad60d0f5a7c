"""The times stage on hand-written sentences with a fixed publication date (Friday 2024-11-29 unless said)."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.context import Context
from eventwire.extract.times import extract
from eventwire.extract.times.calendar import Point, shift, truncate, weekday_near
from eventwire.extract.times.dating import event_date, precision_of
from eventwire.extract.times.grammar import scan
from eventwire.extract.times.resolve import duration_value
from eventwire.records import Article, Published

PUBLISHED = "2024-11-29"  # a Friday


# -- calendar arithmetic and values (no model) -----------------------------------------------------------------

def test_point_values_at_each_granularity():
    d = date(2024, 11, 28)
    assert Point("day", d).value == "2024-11-28"
    assert truncate(d, "week").value == "2024-W48"
    assert truncate(d, "month").value == "2024-11"
    assert truncate(d, "quarter").value == "2024-Q4"
    assert truncate(d, "half").value == "2024-H2"
    assert truncate(d, "season").value == "2024-FA"
    assert truncate(d, "weekend").value == "2024-W48-WE"
    assert Point("part", d, part="NI").value == "2024-11-28TNI"
    assert Point("time", d, clock=(15, 30)).value == "2024-11-28T15:30"


def test_shift_across_year_and_month_ends():
    assert shift(truncate(date(2024, 1, 15), "month"), "month", -1).value == "2023-12"
    assert shift(truncate(date(2024, 11, 29), "week"), "week", -2).value == "2024-W46"
    assert shift(Point("day", date(2024, 3, 31)), "month", -1).value == "2024-02-29"


def test_weekday_direction():
    friday = date(2024, 11, 29)
    assert weekday_near(friday, 1, "past") == date(2024, 11, 26)
    assert weekday_near(friday, 1, "future") == date(2024, 12, 3)
    assert weekday_near(friday, 4, "past") == friday  # "said Friday" on Friday


@pytest.mark.parametrize("n, unit, value", [
    (33, "month", "P33M"), (5, "hours", "PT5H"), (1, "decade", "P10Y"), (2.5, "years", "P2Y6M"),
    (5.5, "hour", "PT5H30M"), (None, "weeks", "PXW"), (2, "quarter", "P2Q"), (1, "weekend", "P2D"),
])
def test_duration_values(n, unit, value):
    assert duration_value(n, unit) == value


@pytest.mark.parametrize("text, extent", [
    ("prices rose for the past two months", "the past two months"),
    ("the 33-month war", "33-month"),
    ("talks on December 3-4, 2024 in Brussels", "December 3-4, 2024"),
    ("he stayed for nearly an hour", "nearly an hour"),
    ("a 10:35 a.m. blast", "10:35 a.m."),
])
def test_extents_follow_timeml(text, extent):
    found = [text[c.start:c.end] for c in scan(text)]
    assert extent in found


def test_precision_of_values():
    assert [precision_of(v) for v in ("2024-11-28", "2024-11", "2024", "2024-W48", "2024-Q3", "PRESENT_REF")] == [
        "day", "month", "year", "week", "quarter", None]


# -- the stage on parsed sentences ---------------------------------------------------------------------------

def _context(nlp, text: str, published: str | None = PUBLISHED) -> Context:
    ctx = Context(article=Article(id="t", text=text, published=published), doc=nlp(text))
    ctx.published = Published(published, "given", 1.0) if published else Published(None, "none", 0.0)
    return ctx


def _times(nlp, text: str, published: str | None = PUBLISHED) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in extract(_context(nlp, text, published))}


CASES = [
    # tense decides a weekday's direction
    ("Russian forces shelled the city on Tuesday.", "Tuesday", ("DATE", "2024-11-26")),
    ("NATO ministers will meet on Tuesday.", "Tuesday", ("DATE", "2024-12-03")),
    ("The rebels said Friday that they had withdrawn.", "Friday", ("DATE", "2024-11-29")),
    # deictic expressions against the publication date
    ("The plan was outlined last month.", "last month", ("DATE", "2024-10")),
    ("The talks collapsed two weeks ago.", "two weeks ago", ("DATE", "2024-W46")),
    ("Elections will be held next year.", "next year", ("DATE", "2025")),
    ("Protests continued this week.", "this week", ("DATE", "2024-W48")),
    ("The envoy arrived yesterday.", "yesterday", ("DATE", "2024-11-28")),
    ("The court will rule tomorrow.", "tomorrow", ("DATE", "2024-11-30")),
    ("Three soldiers died three years ago.", "three years ago", ("DATE", "2021")),
    ("Inflation slowed in the third quarter.", "the third quarter", ("DATE", "2024-Q3")),
    ("Sanctions were first imposed last spring.", "last spring", ("DATE", "2024-SP")),
    # explicit and year-less dates
    ("Kiev applied to join NATO in September 2022.", "September 2022", ("DATE", "2022-09")),
    ("On November 28, Russia launched a major attack.", "November 28", ("DATE", "2024-11-28")),
    ("The ceasefire was signed on 4 March 2023.", "4 March 2023", ("DATE", "2023-03-04")),
    ("The war began in 2022.", "2022", ("DATE", "2022")),
    ("The conflict dates back to the 1990s.", "the 1990s", ("DATE", "199X")),
    # durations
    ("It could end the hot phase of the 33-month war.", "33-month", ("DURATION", "P33M")),
    ("The siege lasted five hours.", "five hours", ("DURATION", "PT5H")),
    ("Prices have risen for the past two months.", "the past two months", ("DURATION", "P2M")),
    ("The truce held for two and a half years.", "two and a half years", ("DURATION", "P2Y6M")),
    # sets
    ("Inspectors visit the plant every week.", "every week", ("SET", "P1W")),
    ("The council meets twice a year.", "twice a year", ("SET", "P1Y")),
    ("Casualty figures are published daily.", "daily", ("SET", "P1D")),
    ("Protesters gather every Monday.", "every Monday", ("SET", "XXXX-WXX-1")),
    # times of day
    ("The blast happened at 3:30 p.m. on Tuesday.", "3:30 p.m. on Tuesday", ("TIME", "2024-11-26T15:30")),
    ("Sirens sounded this morning.", "this morning", ("TIME", "2024-11-29TMO")),
    ("Drones struck the port last night.", "last night", ("TIME", "2024-11-28TNI")),
    # vague references
    ("Ukraine is now under pressure.", "now", ("DATE", "PRESENT_REF")),
    ("The army recently withdrew.", "recently", ("DATE", "PAST_REF")),
    ("Peace may come in the future.", "the future", ("DATE", "FUTURE_REF")),
    ("Kiev wants an invitation as soon as possible.", "as soon as possible", ("DATE", "FUTURE_REF")),
]


@pytest.mark.model
@pytest.mark.parametrize("text, expression, expected", CASES, ids=[c[1] for c in CASES])
def test_constructions(nlp, text, expression, expected):
    times = _times(nlp, text)
    assert times.get(expression) == expected, times


@pytest.mark.model
def test_false_friends_are_not_times(nlp):
    text = ("Russia launched a second major attack. May God help us. A quarter of the vote went to Jan Kavan. "
            "Iraq imports about three-quarters of its food, Baker told ABC's This Week. The March for Life began.")
    assert _times(nlp, text) == {}


@pytest.mark.model
def test_year_less_date_in_past_tense_takes_the_year_before(nlp):
    times = _times(nlp, "On December 28, rebels attacked the base.", published="2024-01-10")
    assert times["December 28"] == ("DATE", "2023-12-28")


@pytest.mark.model
def test_range_has_its_end(nlp):
    ctx = _context(nlp, "Ministers meet on December 3-4, 2024.")
    (t,) = [t for t in extract(ctx) if t.text == "December 3-4, 2024"]
    assert (t.value, t.value_end) == ("2024-12-03", "2024-12-04")


@pytest.mark.model
def test_reference_point_moves_with_the_text(nlp):
    text = ("On March 3, 2023, the army entered the city. Two days later, it withdrew. "
            "The next day, the mayor returned.")
    times = _times(nlp, text)
    assert times["March 3, 2023"] == ("DATE", "2023-03-03")
    assert times["Two days later"] == ("DATE", "2023-03-05")
    assert times["The next day"] == ("DATE", "2023-03-06")


@pytest.mark.model
def test_without_publication_date_relative_values_stay_unresolved(nlp):
    times = _times(nlp, "The plan was outlined last month. It began on March 3.", published=None)
    assert times["last month"] == ("DATE", "XXXX-XX")
    assert times["March 3"] == ("DATE", "XXXX-03-03")


@pytest.mark.model
def test_event_date_from_its_clause_else_published(nlp):
    text = "On November 28, Russia launched a major attack. Ukraine condemned the strikes."
    ctx = _context(nlp, text)
    ctx.times = extract(ctx)
    launched = next(t for t in ctx.doc if t.text == "launched")
    condemned = next(t for t in ctx.doc if t.text == "condemned")
    dated = event_date(ctx, launched)
    assert (dated.value, dated.origin, dated.precision) == ("2024-11-28", "text", "day")
    assert text[dated.span[0]:dated.span[1]] == "November 28"
    fallback = event_date(ctx, condemned)
    assert (fallback.value, fallback.origin, fallback.span) == ("2024-11-29", "published", None)


@pytest.mark.model
def test_month_precision_event_date(nlp):
    ctx = _context(nlp, "Kiev applied to join NATO in September 2022.")
    ctx.times = extract(ctx)
    applied = next(t for t in ctx.doc if t.text == "applied")
    dated = event_date(ctx, applied)
    assert (dated.value, dated.precision) == ("2022-09", "month")


# -- the grammar run only where its keys occur finds what it finds over the whole text ------------------------

WINDOW_CASES = [
    "On Tuesday, December 3 - December 4, 2024, talks resumed; the 18th and 19th of August 1998 were calm. "
    "In midJanuary 2020 and mid-March, the late nineteenth century, the 1990's, the '90s and the 2000s.",
    "xtoday snow known nowadays currently; the day before yesterday morning; early today; tonight; overnight; "
    "midafternoon; the next morning; the previous evening; the night before the vote.",
    "this year's fiscal third quarter of 2024; the the the thirdquarter; 2023 the first half of this year; "
    "year-end, year end, yearend, year-ago, year-earlier results.",
    "7pm, 10:35 a.m. EDT on December 3, shortly after 7:30 p.m local time, 1430GMT, 14:30 local time, "
    "noon on Saturday, midnight today, 3 o'clock, 12 AM.",
    "well over a couple of days or so from now; several years ago; a few days later; two and a half years-long; "
    "the better part of the past the last nearly 33 months; a 44-year-old man; day-long; month-old; centuryfoo.",
    "every other week, each Tuesday, per year, twice a year, four times a month, 5 times per day, biweekly, "
    "semi-annually, daily; Mondays and Fridays; Mondayx; Sun. and Sat. mornings; Thurs. night; Sept. 11.",
    "the days ahead; the past few weeks; recent years; for the moment; at this time; the time being; as soon as "
    "possible; the near future; someday; formerly; lately; 11/29/2024; 2024-11-29T10:30; St. Patrick's Day, 2024.",
    "nineteen ninety-six; two thousand and one; in fiscal 1999; the year 2001; Christmas Eve; New Year's Day.",
    "2024",
    "İstanbul, Saturday: the ﬁrst week of May 2021, K 2019 and ß 1999 (lower-casing may change a word's length).",
]


@pytest.mark.parametrize("text", WINDOW_CASES)
def test_scan_in_windows_equals_whole_text_scan(text):
    from eventwire.extract.times.grammar import scan_everywhere

    def found(cands):
        return [(c.start, c.end, c.kind, c.rank, c.fields) for c in cands]

    assert found(scan(text)) == found(scan_everywhere(text))
    assert found(scan(text))  # each case holds expressions


def test_scan_in_windows_on_random_time_prose():
    """Random runs of time words, numbers, glue and punctuation: the windows miss nothing the whole scan finds."""
    import random

    from eventwire.extract.times.grammar import scan_everywhere

    vocabulary = ("the a an of on in at for last next this past coming previous following same early late mid "
                  "more than about nearly some few several many couple dozen half and or to until through "
                  "ago later earlier before after from now hence back prior year years month months week weeks "
                  "day days hour hours minute minutes decade decades century centuries quarter period fiscal "
                  "January February March May Sept. Dec Monday Tuesday Fri. Sat. morning afternoon evening "
                  "night tonight today yesterday tomorrow noon midnight spring winter fall every each per "
                  "once twice times daily weekly current recently moment time being future Christmas Day Eve "
                  "a.m. p.m. pm GMT local one two three ten twenty twenty-one nineteen ninety-six thousand "
                  "1990s '90s 1998 2024 3 17 29th 10:35 1430 5 1/2 long old").split()
    glue = [" ", " ", " ", "  ", "\n", ", ", "-", ". ", "", "'s "]
    rng = random.Random(20261128)
    for _ in range(20):
        text = "".join(rng.choice(vocabulary) + rng.choice(glue) for _ in range(400))
        assert [(c.start, c.end, c.rank) for c in scan(text)] == \
            [(c.start, c.end, c.rank) for c in scan_everywhere(text)]
