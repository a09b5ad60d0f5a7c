"""The grammar of time expressions: regular-expression rules that find candidate expressions in a text, each
with the TimeML type it gives and the fields its value is computed from (``resolve.py`` and ``values.py`` do that).

Rules are tried all over the text; where candidates overlap the longest wins (then the earlier rule), as in
HeidelTime. The extents follow TimeML: modifiers inside ("the past two months", "early next year", "nearly an
hour"), prepositions and "for"/"since" outside.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import windows
from .lexicon import (
    DAY_RX,
    MONTH_RX,
    NUMBER_RX,
    PART_RX,
    UNIT_RX,
    WEEKDAY_RX,
    YEAR_RX,
)


@dataclass
class Candidate:
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    kind: str  # the rule that found it; the resolver (resolve.py, values.py) has a handler per kind
    fields: dict[str, str | None] = field(default_factory=dict)
    rank: int = 0  # the rule's place in RULES (lower wins ties)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


MOD = r"(?P<mod>(?i:early|late|mid|the end of|the beginning of|the middle of|the start of|the first half of|" \
      r"the second half of|the rest of|the remainder of|end-|mid-|late-|early-))"
APPROX = r"(?i:about|nearly|almost|more than|less than|at least|at most|up to|over|some|roughly|around|" \
         r"approximately|just|only|barely|well over|under|close to|upwards of)"
SEASON_RX = r"(?i:spring|summer|fall|autumn|winter)"
B = r"(?<![\w$#])"  # a left word boundary that also refuses "$1990" and "#1990"

_RULES: list[tuple[str, str, str]] = [
    # kind, type, pattern
    ("ymd", "DATE", B + r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?:T(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?"
     r"(?![\d-])"),
    ("ymd", "DATE", B + r"(?P<m>0?[1-9]|1[0-2])/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])"),
    ("ymd", "DATE", r"(?:(?P<wd>" + WEEKDAY_RX + r"),?\s+|(?P<rel>(?i:last|next|this))\s+)?(?P<mon>" + MONTH_RX
     + r")\s+(?P<d>" + DAY_RX
     + r")(?:\s*(?:-|–|—|(?i:to|through|until|and|or))\s*(?:(?P<mon2>" + MONTH_RX + r")\s+)?(?P<d2>" + DAY_RX
     + r"))?(?:(?:,\s*|\s+)(?P<y>" + YEAR_RX + r"|'\d\d(?!\w)))?"),
    ("ymd", "DATE", r"(?:(?P<wd>" + WEEKDAY_RX + r"),?\s+)?(?:(?i:the)\s+)?" + B + r"(?P<d>" + DAY_RX
     + r")(?:\s*(?:-|–|(?i:to|and))\s*(?P<d2>" + DAY_RX + r"))?\s+(?:(?i:of)\s+)?(?P<mon>" + MONTH_RX
     + r")(?:,?\s+(?P<y>" + YEAR_RX + r"))?"),
    ("my", "DATE", r"(?:" + MOD + r"[\s-]*)?(?P<mon>" + MONTH_RX + r"),?\s+(?:(?i:of)\s+)?(?P<y>" + YEAR_RX + r")"),
    ("m", "DATE", r"(?:(?P<rel>(?i:last|next|this|past|coming|previous))\s+|" + MOD + r"[\s-]*)?(?P<mon>" + MONTH_RX
     + r")(?:\s+(?P<ry>(?i:next|last|this))\s+(?i:year))?"),
    ("y", "DATE", r"(?:" + MOD + r"[\s-]*)?(?:(?P<fiscal>(?i:fiscal|calendar|FY|the year|model year))[\s-]*)?" + B
     + r"(?P<y>" + YEAR_RX + r")(?!['’]?s\b)(?![-/]\d)"),
    ("decade", "DATE", r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?" + B
     + r"(?:(?P<dec>1[6-9]\d|20\d)0['’]?s|['’](?P<sdec>\d)0['’]?s)(?!\w)"),
    ("century", "DATE", r"(?i:the\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
     r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
     r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first))[\s-]+"
     r"(?i:century)"),
    ("quarter", "DATE", r"(?:(?P<y0>" + YEAR_RX + r"|(?i:this|last|next) year)(?:['’]s)?\s+|(?i:the)\s+|"
     r"(?i:fiscal)\s+)*(?:(?P<ord>(?i:first|"
     r"second|third|fourth|1st|2nd|3rd|4th|final))|(?P<rel>(?i:latest|current|last|previous|prior|past|same|"
     r"recent|year-ago|year-earlier|comparable|year-before|just-ended|just-completed|most recent|"
     r"second-quarter|third-quarter|this|next|coming|fiscal)))?(?P<gap>[\s-]*)(?:(?i:fiscal)[\s-]+)?"
     r"(?P<unit>(?i:quarter|period))(?![\w-])(?:\s+(?i:of)\s+(?P<y>" + YEAR_RX + r"|(?i:this|last|next) year))?"),
    ("yearago", "DATE", r"(?<![\w-])(?i:year-earlier|year-ago|year-before)(?![\w-])"),
    ("half", "DATE", r"(?:(?P<y0>" + YEAR_RX + r")\s+|(?i:the)\s+)*(?P<ord>(?i:first|second|latter))[\s-]+(?i:half)"
     r"(?![\w-])(?:\s+(?i:of)\s+(?P<y>" + YEAR_RX + r"|(?i:this|last|next) year|(?i:the year)))?"),
    ("season", "DATE", r"(?:(?P<rel>(?i:this|last|next|past|coming|early|late|the|that))\s+)?(?P<season>"
     + SEASON_RX + r")(?!\w)(?:\s+(?:(?i:of)\s+)?(?P<y>" + YEAR_RX + r"))?"),
    ("relday", "DATE", r"(?:(?P<mod>(?i:early|late|later|earlier|mid))[\s-]+)?(?P<rd>(?i:the day before yesterday|"
     r"the day after tomorrow|today|yesterday|tomorrow))(?!\w)(?:\s+(?P<part>" + PART_RX + r"))?"),
    ("partday", "TIME", r"(?P<rd>(?i:tonight|overnight|this morning|this afternoon|this evening|last night|"
     r"last evening|(?:early|late|mid)[\s-]?(?:morning|afternoon|evening)|midafternoon|midmorning|the morning|"
     r"the afternoon|the evening|that morning|that afternoon|that evening|that night|"
     r"the night before|the next morning|the following morning|the previous night|the previous evening))(?!\w)"),
    ("relperiod", "DATE", r"(?:(?P<mod>(?i:early|late|mid|earlier|later|the end of|the beginning of|the start of|"
     r"the middle of|the rest of|the remainder of|the first half of|the second half of|the turn of))[\s-]+)?"
     r"(?P<rel>(?i:this|last|next|the past|the last|the coming|the previous|the preceding|the following|"
     r"the current|the same|the next|that|the full|the whole|the entire|the))"
     r"(?:\s+(?P<fiscal>(?i:fiscal|calendar|school|academic)))?\s+"
     r"(?P<unit>(?i:day|week|weekend|month|year|decade|century|season|morning|afternoon|evening|night))(?![\w-])"),
    ("yearend", "DATE", r"(?<![\w-])(?P<v>(?i:year-end|year end|yearend))(?![\w-])"),
    ("anaday", "DATE", r"(?P<rd>(?i:the day before|the day after|the previous day|the next day|the same day|"
     r"that same day|that day|the following day|the preceding day|the eve))(?!\w)"),
    ("ago", "DATE", r"(?:(?P<approx>" + APPROX + r")\s+)?(?P<n>(?i:" + NUMBER_RX + r"))\s+(?P<unit>(?i:" + UNIT_RX
     + r"))s?(?:\s+(?i:or so))?\s+(?P<dir>(?i:ago|earlier|later|before|after|from now|hence|previously|back|"
     r"prior|on))(?!\w)"),
    ("ago", "DATE", r"(?P<n>(?i:many|several|a few|few|some))?\s*(?P<unit>(?i:years|decades|months|weeks|days|"
     r"centuries))\s+(?P<dir>(?i:ago|earlier|later|before|after))(?!\w)"),
    ("weekday", "DATE", r"(?:(?P<rel>(?i:last|next|this|past|coming|early|late|earlier|later|the following|"
     r"the previous|the next))\s+)?(?P<wd>" + WEEKDAY_RX + r")(?P<pl>s)?(?:\s+(?P<part>" + PART_RX + r"))?"),
    ("clock", "TIME", r"(?:(?P<approx>(?i:about|around|shortly after|shortly before|just after|"
     r"just before|approximately))\s+)?" + B + r"(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*"
     r"(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm|a\.m|p\.m|o'clock)(?!\w))(?:\s+(?P<tz>(?:local time|[ECMP][SD]?T|GMT|UTC|"
     r"\w+ time)))?(?:,?\s+(?:(?i:on)\s+)?(?P<day>" + WEEKDAY_RX + r"|(?i:today|yesterday|tomorrow)|" + MONTH_RX
     + r"\s+" + DAY_RX + r"))?"),
    ("clock", "TIME", B + r"(?P<h>[01]\d|2[0-3])[:.]?(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|(?i:hours|hrs|local time))"),
    ("clock", "TIME", r"(?P<ap>(?i:noon|midnight|midday))(?:,?\s+(?:(?i:on)\s+)?(?P<day>" + WEEKDAY_RX
     + r"|(?i:today|yesterday|tomorrow)))?"),
    ("perunit", "SET", r"(?<=[\w%] )(?P<q>(?i:a|per))\s+(?P<unit>(?i:year|month|week|day|hour))(?!\w)"),
    ("duration", "DURATION", r"(?:(?P<pre>(?i:(?:the\s+)?(?:past|last|next|first|final|coming|previous|remaining|"
     r"following|initial|latter|better part of(?: the)?|same)|" + APPROX[4:-1] + r"|another|a further|"
     r"an additional))\s+)*(?P<n>(?i:" + NUMBER_RX + r"))(?P<nhalf>\s+(?i:and a half))?(?:\s+(?i:more|"
     r"additional|full|straight|consecutive|long))?[\s-]+(?P<unit>(?i:" + UNIT_RX + r"))(?P<pl>s)?(?![\w])"
     r"(?!-(?!long|old))(?P<tail>[\s-]+(?i:long)(?![\w])|(?P<old>[\s-]+(?i:old)(?![\w])|-olds?))?(?P<half>\s+and\s+(?:a\s+)?(?i:half))?"),
    ("duration", "DURATION", r"(?P<unit>(?i:day|week|month|year|decade|hour|minute))(?P<pl>s)?-"
     r"(?P<tail>(?i:long|old))"),
    ("vaguedur", "DURATION", r"(?P<ahead>(?i:the (?:days|weeks|months|years) ahead))|"
     r"(?:(?P<pre>(?i:the past|the last|the next|the coming|the following|the previous|"
     r"recent|coming|the first|the early|the later|the final))\s+)?(?:(?P<q>(?i:few|several|many|a few|"
     r"some|a couple of|the))\s+)?" + B + r"(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|years|decades|"
     r"centuries))(?![\w-])"),
    ("set", "SET", r"(?P<q>(?i:every|each|per))\s+(?:(?P<n>(?i:" + NUMBER_RX + r"))\s+)?(?:(?i:other)\s+)?"
     r"(?P<unit>(?i:" + UNIT_RX + r")s?(?!\w)|" + WEEKDAY_RX + r"|" + MONTH_RX + r"|" + SEASON_RX
     + r"(?!\w)|(?i:morning|afternoon|evening|night)(?!\w))"),
    ("set", "SET", r"(?P<freq>(?i:once|twice|thrice|(?:\w+|\d+) times))\s+(?P<q>(?i:a|per|each|every))\s+"
     r"(?P<unit>(?i:" + UNIT_RX + r"))(?!\w)"),
    ("set", "SET", r"(?<![\w-])(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|"
     r"biweekly|biannually|semiannually|semi-annually|bimonthly))(?![\w-])"),
    ("vague", "DATE", r"(?P<v>(?i:right now|nowadays|now|currently|current|at present|presently|at the moment|"
     r"for the moment|at this time|these days|the present|the moment|recently|lately|formerly|"
     r"the past|the future|as soon as possible|someday|"
     r"the near future|"
     r"the time being))(?![\w-])"),
    ("holiday", "DATE", r"(?P<name>New Year's Day|New Year's Eve|Christmas Day|Christmas Eve|Christmas|Boxing Day|"
     r"Valentine's Day|Halloween|Independence Day|Bastille Day|May Day|Veterans Day|Armistice Day|"
     r"St\. Patrick's Day|Thanksgiving Day|Thanksgiving|Labor Day|Memorial Day|Mother's Day|Father's Day)"
     r"(?:,?\s+(?P<y>" + YEAR_RX + r"))?"),
]

RULES = [(kind, type_, re.compile(pattern)) for kind, type_, pattern in _RULES]
assert len(RULES) == len(windows.KEYS)


def scan(text: str, keep: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """Every rule's matches over ``text`` that ``keep`` accepts, overlaps settled (longest first, then rule
    order)."""
    return _settle(text, windows.matches(text, RULES), keep)


def scan_everywhere(text: str, keep: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """``scan`` with every rule run over the whole text (the reference ``scan`` must agree with)."""
    return _settle(text, [(rank, kind, type_, m) for rank, (kind, type_, rx) in enumerate(RULES)
                          for m in rx.finditer(text)], keep)


def _settle(text: str, matches, keep) -> list[Candidate]:
    found: list[Candidate] = []
    for rank, kind, type_, m in matches:
        start, end = m.span()
        # the extent never starts or ends in white space (optional groups can leave some)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start or not _word_bounded(text, start, end):
            continue
        fields = {k: v for k, v in m.groupdict().items() if v is not None}
        cand = Candidate(start, end, type_, kind, fields, rank)
        if keep is None or keep(cand):
            found.append(cand)
    found.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in found:
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append(cand.span)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")
