"""The times stage: time expressions tagged and normalised (TimeML), and the date of an event.

``extract(ctx)`` finds the expressions (``grammar``), drops false friends with the parse (``filters``) and
normalises each against the publication date, the tense of its clause (``tense``) and the reference point the
text has moved to (``resolve``). ``event_date(ctx, trigger)`` dates an event from them (``dating``).
"""
from __future__ import annotations

from datetime import date

from ...records import TimeExpr
from ..context import Context
from .dating import event_date
from .filters import keeper
from .grammar import Candidate, scan
from .resolve import Resolved, Resolver
from .tense import tense_at

__all__ = ["extract", "event_date", "candidates", "resolve_all", "dct_of"]


def dct_of(value: str | None) -> tuple[date | None, tuple[int, int] | None]:
    """The document creation day (and clock time, when given) from a publication date or date-time."""
    if not value or len(value) < 10:
        return None, None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None, None
    clock = None
    if len(value) >= 16 and value[10] == "T":
        try:
            clock = (int(value[11:13]), int(value[14:16]))
        except ValueError:
            clock = None
    return day, clock


def candidates(doc, text: str | None = None) -> list[Candidate]:
    """The grammar's candidates in ``doc`` that survive the parse-based checks (cached on the Doc). ``text`` is
    ``doc.text`` where the caller has it (building it again costs a pass over the tokens)."""
    cached = doc.user_data.get("eventwire.times.candidates")
    if cached is None:
        text = doc.text if text is None else text
        cached = scan(text, keeper(doc, text))
        doc.user_data["eventwire.times.candidates"] = cached
    return cached


def resolve_all(ctx: Context, dct: date | None, clock=None) -> list[tuple[Candidate, Resolved]]:
    """Every candidate with its value, resolved in text order against ``dct``."""
    resolver = Resolver(dct, clock)
    out = []
    text = ctx.text
    for cand in candidates(ctx.doc, text):
        tense = tense_at(ctx.doc, cand.start, cand.end)
        resolved = resolver.resolve(cand, tense, ctx.sentence_index(cand.start), text[cand.start:cand.end],
                                    text[cand.end:cand.end + 40])
        if resolved is not None:
            out.append((cand, resolved))
    return out


def extract(ctx: Context) -> list[TimeExpr]:
    dct, clock = dct_of(ctx.published.value if ctx.published else None)
    times = []
    for cand, resolved in resolve_all(ctx, dct, clock):
        times.append(TimeExpr(id=f"t{len(times) + 1}", text=ctx.text[cand.start:cand.end], span=cand.span,
                              type=resolved.type, value=resolved.value, value_end=resolved.value_end))
    return times
