"""Checks on the grammar's candidates that need the parse: "May" the modal verb, "fall" the verb, a year that
is a count ("1990 people"), anything inside a URL."""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from .grammar import Candidate

YEAR_PREPOSITIONS = {"in", "since", "by", "until", "till", "from", "to", "of", "during", "before", "after",
                     "through", "between", "and", "mid", "early", "late", "fiscal", "the", "for", "around",
                     "about", "circa", "year", "-", "–", "or", "summer", "spring", "winter", "fall", "autumn"}
NOT_YEAR_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"}
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")


def keeper(doc: Doc, text: str | None = None) -> Callable[[Candidate], bool]:
    """A predicate telling which candidates of ``doc.text`` (``text``, where the caller has it) to keep."""
    text = doc.text if text is None else text
    urls = [m.span() for m in URL.finditer(text)]

    def token_at(char: int):
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def keep(cand: Candidate) -> bool:
        if any(s <= cand.start < e for s, e in urls):
            return False
        f = cand.fields
        if cand.kind == "m" and not f.get("rel") and not f.get("mod") and not f.get("ry"):
            token = token_at(cand.start)
            if token is not None and (token.tag_ == "MD" or token.pos_ in ("VERB", "AUX")):
                return False
            if f["mon"] == "May" and token is not None and token.i + 1 < len(doc) and \
                    doc[token.i + 1].tag_ in ("VB", "PRP", "RB"):
                return False
        if cand.kind == "y" and not f.get("mod") and not f.get("fiscal"):
            token = token_at(cand.start)
            if token is not None and token.ent_type_ in NOT_YEAR_ENTS:
                prev = doc[token.i - 1].lower_ if token.i > 0 else ""
                if prev not in YEAR_PREPOSITIONS:
                    return False
        if cand.kind == "season":
            word_start = cand.end - len(f.get("y") or "")
            token = token_at(text.rfind(f["season"], cand.start, word_start))
            if token is not None and token.pos_ in ("VERB", "AUX"):
                return False
        if cand.kind == "vague":
            v = f["v"].lower()
            if v in ("current", "recent", "future"):
                token = token_at(cand.start)
                if token is not None and token.pos_ not in ("ADJ", "NOUN"):
                    return False
        if cand.kind == "ago":
            unit = f["unit"].lower()
            if unit.startswith(("sec", "min", "hour", "hr")):
                return False  # "an hour later": left to the duration rule
            if f["dir"].lower() in ("before", "after", "prior", "on") and \
                    text[cand.end:cand.end + 2].strip()[:1].isalnum():
                return False  # "two days before the vote": a duration before an event
        if cand.kind == "vaguedur" and not f.get("ahead") and not f.get("pre") and \
                (f.get("q") or "the").lower() == "the":
            words = text[max(0, cand.start - 12):cand.start].split()
            if not words or words[-1].lower() not in ("for", "over", "within", "in", "after", "from"):
                return False
        if cand.kind == "m":
            word = f["mon"]
            if not word.endswith(".") and len(word) <= 4 and word not in ("May", "June", "July"):
                return False  # "Jan Kavan": an abbreviated month stands with its dot or a day
            follow = text[cand.end:cand.end + 9].lower()
            if word in ("March", "May") and follow.startswith((" for ", " of ", " on ", " to ", " against ")):
                return False  # "the March for Life", "the March of the Combatant Mothers"
        if cand.kind == "clock" and f.get("ap") in ("Noon", "Midnight", "Midday") and cand.start > 0 \
                and text[cand.start - 2:cand.start] not in (". ", "\n", '"', "``"):
            return False  # "High Noon"
        if cand.kind in ("duration", "relperiod") and f.get("unit", "")[:1].isupper() and cand.start > 0 and \
                not text[cand.start - 2:cand.start].endswith((". ", "\n")):
            return False  # "60 Minutes", ABC's "This Week": a title
        if cand.kind == "duration" and f.get("unit", "").lower() == "quarter" and \
                text[cand.end:cand.end + 4].lower() == " of ":
            return False  # "three-quarters of its food": a fraction
        if cand.kind == "perunit":
            before = text[max(0, cand.start - 20):cand.start].split()
            last = before[-1].lower() if before else ""
            if not (re.search(r"\d|%", last) or last in ("percent", "times", "cents", "dollars", "million",
                                                            "billion", "thousand", "hundred")):
                return False
        return True

    return keep
