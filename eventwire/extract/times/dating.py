"""The date of an event: the time expression that governs its clause (else one in its sentence), or the
publication date, saying which."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ...records import EventDate, TimeExpr
from ..context import Context
from .tense import governing_verb

PRECISIONS = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}T"), "time"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^\d{4}-W\d{2}(-WE)?$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
]


def precision_of(value: str | None) -> str | None:
    """day | month | year | week | quarter | ... for a TimeML value; None for vague or unresolved values."""
    if not value:
        return None
    for rx, name in PRECISIONS:
        if rx.match(value):
            return name
    return None


def _datable(t: TimeExpr) -> bool:
    return t.type in ("DATE", "TIME") and precision_of(t.value) is not None


def _clause_verb(token: Token) -> Token | None:
    return governing_verb(token)


def event_date(ctx: Context, trigger: Token) -> EventDate:
    """The date of the event whose trigger word is ``trigger``: from the time expression that governs it, else
    the publication date (origin ``published``) (called by the events stage)."""
    sent = trigger.sent
    in_sentence = [t for t in ctx.times if _datable(t) and sent.start_char <= t.span[0] < sent.end_char]
    best = None
    if in_sentence:
        attached, loose = [], []
        for t in in_sentence:
            span = ctx.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
            if span is None:
                continue
            verb = _clause_verb(span.root)
            distance = abs(span.root.i - trigger.i)
            if verb is not None and (verb.i == trigger.i or verb.i in {a.i for a in trigger.ancestors}
                                     and trigger.dep_ in ("xcomp", "conj")):
                attached.append((distance, t))
            else:
                loose.append((distance, t))
        if attached:
            best = min(attached, key=lambda pair: pair[0])[1]
        elif loose:
            # an expression in a clause of its own ("X, which began on Monday, ...") dates the event only when
            # no other clause in the sentence could claim the trigger
            verbs = set()
            for _, t in loose:
                span = ctx.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
                verb = _clause_verb(span.root) if span is not None else None
                verbs.add(verb.i if verb is not None else None)
            if len(verbs) <= 1:
                best = min(loose, key=lambda pair: pair[0])[1]
    if best is not None:
        return EventDate(value=best.value, origin="text", span=best.span, precision=precision_of(best.value),
                         value_end=best.value_end)
    published = ctx.published.value if ctx.published else None
    return EventDate(value=published[:10] if published else None, origin="published", span=None,
                     precision="day" if published else None)
