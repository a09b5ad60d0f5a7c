"""Words of time: month and weekday names, number words, units, parts of the day, holidays; and the regular
expression fragments the grammar builds on."""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3, "thu": 3,
    "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "midday": "MI",
         "mid-morning": "MO", "mid-afternoon": "AF", "midafternoon": "AF", "midmorning": "MO"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "final": 4, "last": 4}
CENTURY_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}

UNITS = {
    "second": "S", "sec": "S", "minute": "M", "min": "M", "hour": "H", "hr": "H", "day": "D", "night": "D",
    "week": "W", "fortnight": "W2", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "yr": "Y",
    "decade": "DE", "century": "CE", "centurie": "CE",
}
TIME_UNITS = {"second", "sec", "minute", "min", "hour", "hr"}
# the calendar unit each duration word steps by (calendar.shift)
STEP = {"second": "day", "minute": "day", "hour": "day", "day": "day", "night": "day", "week": "week",
        "fortnight": "week", "weekend": "week", "month": "month", "quarter": "quarter", "year": "year",
        "decade": "decade", "century": "century", "centurie": "century", "sec": "day", "min": "day", "hr": "day",
        "yr": "year"}

SMALL = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
VAGUE_NUMBERS = {"several", "few", "a few", "some", "many", "a number of", "numerous", "couple of"}

# holidays with a fixed day (month, day) or a rule (month, weekday, n)
HOLIDAYS_FIXED = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25), "christmas day": (12, 25),
    "christmas eve": (12, 24), "boxing day": (12, 26), "valentine's day": (2, 14), "halloween": (10, 31),
    "independence day": (7, 4), "bastille day": (7, 14), "may day": (5, 1), "veterans day": (11, 11),
    "armistice day": (11, 11), "st. patrick's day": (3, 17), "new year": (1, 1),
}
HOLIDAYS_RULE = {"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
                 "memorial day": (5, 0, -1), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
                 "martin luther king day": (1, 0, 3), "presidents' day": (2, 0, 3)}


def number(text: str) -> float | None:
    """The value of a number written in digits or words ("33", "twenty-four", "5 1/2", "a half"); None when
    vague ("several", "a few")."""
    t = text.lower().replace("-", " ").replace(",", "").strip()
    t = re.sub(r"\s+", " ", t)
    if t in VAGUE_NUMBERS or t.startswith("a couple") and "of" not in t:
        return None
    if t in ("a couple of", "couple", "a couple"):
        return 2
    if t in ("a half", "half a", "half an", "half"):
        return 0.5
    if t in ("a dozen", "dozen"):
        return 12
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", t)
    if match:
        value = float(match.group(1))
        if match.group(2):
            value += int(match.group(2)) / int(match.group(3))
        return value
    total = 0
    for word in t.split(" "):
        if word in SMALL:
            total += SMALL[word]
        elif word in TENS:
            total += TENS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        elif word == "and":
            continue
        else:
            return None
    return float(total)


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# month names are matched with their capital (may, march, sept are common words otherwise)
MONTH_RX = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
            r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![\w])")
WEEKDAY_RX = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|"
              r"Fri\.|Sat\.|Sun\.)")
DAY_RX = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
# years in digits, and spoken as in transcripts ("nineteen ninety-six", "two thousand and one")
YEAR_RX = (r"(?:1[6-9]\d\d|20\d\d)(?![\d,]\d)|(?i:nineteen[- ](?:(?:" + _TENS_WORDS + r")(?:[- ](?:" + _UNIT_WORDS
           + r"))?|hundred|oh[- ](?:" + _UNIT_WORDS + r")|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
           r"seventeen|eighteen|nineteen)|two thousand(?:(?: and)? (?:" + _UNIT_WORDS + r"|ten|eleven|twelve))?)"
           r"(?![\w-])")
NUMBER_WORD_RX = (r"(?:" + _alternation(set(TENS)) + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
                  + _alternation(set(SMALL) - {"a", "an", "zero"}))
NUMBER_RX = (r"(?:\d+(?:\.\d+)?(?: \d/\d)?|" + NUMBER_WORD_RX + r"|a couple of|a few|several|a dozen|a|an|few|"
             r"many|half an?|a half|some)")
UNIT_RX = (r"(?:second|sec|minute|min|hour|hr|day|night|week|fortnight|weekend|month|quarter|year|yr|decade|"
           r"centur(?:y|ies))")
PART_RX = r"(?:morning|afternoon|evening|night)"


def year_value(raw: str) -> int:
    """The year written in ``raw`` ("1998", "nineteen ninety-six", "two thousand")."""
    raw = raw.strip()
    if raw[:1].isdigit():
        return int(raw)
    words = raw.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + int(number(" ".join(rest)) or 0) if rest else 2000
    rest = " ".join(words[1:])
    if rest == "hundred":
        return 1900
    return 1900 + int(number(rest.replace("oh ", "")) or 0)


def month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_of(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def unit_of(word: str) -> str:
    """The singular unit of a unit word ("years" -> "year", "centuries" -> "century")."""
    w = word.lower()
    if w in ("centuries", "century"):
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w
