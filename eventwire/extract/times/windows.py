"""Where each grammar rule can match, so that it is run there only.

Running every rule over the whole text costs far more than the expressions are worth (most of a news text holds
no time word). Every match of a rule holds a word that one of the rule's KEYS accepts (a month's name, a unit, a
year in digits ...), so each rule is run only around such words: from BEFORE words before the word to AFTER words
after it, the most a match of the rule can hold before and after the word its key stands for (a unit, a month),
with a margin. A few rules repeat an optional modifier without limit ("the past ... two months"): for those the
bound is generous rather than strict. Within those windows a rule finds exactly what it finds over the whole text
(same starts, ends and shadowing: a window starts where no match can be under way, the look-behinds see the text
before it and the look-aheads one more word after it); ``grammar.scan_everywhere`` is the whole-text scan that
the tests compare ``grammar.scan`` with, on hand-written and random text.

A key is a regular expression over one word (a run of ``\\w`` characters), in the text as written (month and
weekday names are capitalised in the rules) or lower-cased. Where a rule's word may be glued to what precedes it
("xtoday": rules find matches inside words, which ``grammar`` drops later but which still shadow later matches)
the key matches the word's end, not the whole word.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|" \
          r"Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$"
_UNITS = r"^(?:second|sec|minute|min|hour|hr|day|night|week|fortnight|weekend|month|quarter|year|yr|decade|" \
         r"century|centuries)s?$"

# per grammar rule, in its order: (key in the word as written, key in the lower-cased word, BEFORE, AFTER)
KEYS: list[tuple[str | None, str | None, int, int]] = [
    (r"\d\d\d\d", None, 1, 5),  # ymd 2024-11-29T10:30
    (r"(?:19|20)\d\d", None, 3, 1),  # ymd 11/29/2024
    (_MONTHS, None, 2, 8),  # ymd [Friday,] November 29[-December 1][, 2024]
    (_MONTHS, None, 6, 5),  # ymd [Friday,] [the] 29th [and 30th] [of] November[, 2024]
    (_MONTHS, None, 5, 6),  # my [the first half of] November [of] 2024
    (_MONTHS, None, 5, 3),  # m [the first half of] November [next year]
    (r"1[6-9]\d\d|20\d\d", r"nineteen|thousand", 8, 4),  # y [the end of] [the year] 2024, two thousand and one
    (r"\d0s?$", None, 3, 3),  # decade [the] [early] 1990s, '90s
    (None, r"^century", 5, 1),  # century the late twenty-first century
    (None, r"(?:quarter|period)$", 12, 6),  # quarter ([2024's] [the] [fiscal])* third quarter [of this year]
    (None, r"^year$", 1, 2),  # yearago year-ago
    (None, r"^half$", 12, 6),  # half ([2024] [the])* first half [of 2024]
    (None, r"(?:spring|summer|fall|autumn|winter)$", 2, 6),  # season [last] winter [of 2024]
    (None, r"(?:today|yesterday|tomorrow)$", 5, 2),  # relday [early] the day before yesterday [morning]
    (None, r"(?:night|morning|afternoon|evening)$", 3, 2),  # partday tonight, the next morning
    (None, r"^(?:day|week|weekend|month|year|decade|century|season|morning|afternoon|evening|night)$", 8, 1),
    # relperiod: [the first half of] the past [fiscal] year
    (None, r"^(?:year|yearend)$", 1, 2),  # yearend year-end
    (None, r"^(?:day|eve)$", 3, 2),  # anaday that same day, the day before
    (None, _UNITS, 6, 5),  # ago [well over] [a couple of] days [or so] from now
    (None, r"(?:years|decades|months|weeks|days|centuries)$", 3, 2),  # ago [a few] years ago
    (r"Mon|Tue|Wed|Thu|Fri|Sat|Sun", None, 3, 2),  # weekday [the following] Friday[s] [night]
    (None, r"^m$|am$|pm$|^clock$", 6, 6),  # clock [shortly after] 10:35 a.m. [local time][, on December 3]
    (r"GMT|UTC", r"hours|hrs|local", 3, 2),  # clock 1430 GMT, 14:30 local time
    (None, r"noon|midnight|midday", 1, 3),  # clock noon [on Saturday]
    (None, r"^(?:year|month|week|day|hour)$", 2, 1),  # perunit a year
    (None, _UNITS, 16, 5),  # duration (the past)* [more than] [a couple of] [and a half] [more] days [long]
    (None, r"(?:day|week|month|year|decade|hour|minute)s?$", 1, 2),  # duration day-long
    (None, r"^(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)$", 6, 1),
    # vaguedur: [the past] [a few] days, the days ahead
    (None, r"(?:every|each|per)$", 1, 6),  # set every [ten] [other] weeks
    (None, _UNITS, 4, 1),  # set [four times] a year
    (None, r"(?:daily|weekly|monthly|annually|yearly|hourly|nightly)$", 1, 1),  # set adverbs
    (None, r"(?:now|nowadays|current|currently|presently|recently|lately|formerly|someday)$|"
           r"^(?:present|moment|time|being|days|past|future|soon)$", 3, 3),  # vague
    (r"Day|Eve|Christmas|Halloween|Thanksgiving", None, 4, 5),  # holiday St. Patrick's Day[, 2024]
]

_SPLIT = re.compile(r"(\w+)")
_CASED = [re.compile(k[0]) if k[0] else None for k in KEYS]
_LOWER = [re.compile(k[1]) if k[1] else None for k in KEYS]


@lru_cache(maxsize=1 << 16)
def _rules_of(word: str) -> tuple[int, ...]:
    """The rules whose key accepts ``word``."""
    lower = word.lower()
    return tuple(rank for rank in range(len(KEYS))
                 if (_CASED[rank] is not None and _CASED[rank].search(word))
                 or (_LOWER[rank] is not None and _LOWER[rank].search(lower)))


def _windows(words: list[int], before: int, after: int, offsets: list[int]) -> list[tuple[int, int]]:
    """Merged (pos, endpos) windows around the words ``words`` (indexes, sorted): from the end of the word
    ``before + 1`` words before each to the start of the word ``after + 2`` words after it. Word ``i`` runs from
    ``offsets[2 * i + 1]`` to ``offsets[2 * i + 2]``."""
    out: list[tuple[int, int]] = []
    n = (len(offsets) - 2) // 2  # words in the text
    for i in words:
        first = i - before - 1
        pos = offsets[2 * first + 2] if first >= 0 else 0
        last = i + after + 2
        endpos = offsets[2 * last + 1] if last < n else offsets[-1]
        if out and pos <= out[-1][1]:
            if endpos > out[-1][1]:
                out[-1] = (out[-1][0], endpos)
        else:
            out.append((pos, endpos))
    return out


def matches(text: str, rules: list[tuple[str, str, re.Pattern]]) -> list[tuple[int, str, str, re.Match]]:
    """(rank, kind, type, match) for every match of every rule (``rules`` in the order of ``KEYS``), each rule run
    only where its keys occur."""
    parts = _SPLIT.split(text)  # white space and punctuation, word, ..., word, white space and punctuation
    offsets = list(accumulate(map(len, parts), initial=0))
    words = parts[1::2]
    keyed = {w: ranks for w in set(words) if (ranks := _rules_of(w))}
    places: list[list[int]] = [[] for _ in rules]
    for i, ranks in [(i, keyed[w]) for i, w in enumerate(words) if w in keyed]:
        for rank in ranks:
            places[rank].append(i)
    found = []
    for rank, (kind, type_, rx) in enumerate(rules):
        if places[rank]:
            _, _, before, after = KEYS[rank]
            for pos, endpos in _windows(places[rank], before, after, offsets):
                found.extend((rank, kind, type_, m) for m in rx.finditer(text, pos, endpos))
    return found
