"""The times stage: time expressions tagged and normalised (TimeML), and the date of an event."""
from __future__ import annotations

from spacy.tokens import Token

from ..records import EventDate, TimeExpr
from .context import Context


def extract(ctx: Context) -> list[TimeExpr]:
    return []


def event_date(ctx: Context, trigger: Token) -> EventDate:
    """The date of the event whose trigger word is ``trigger``: from the time expression that governs it, else
    the publication date (origin ``published``) (called by the events stage)."""
    published = ctx.published.value if ctx.published else None
    return EventDate(value=published[:10] if published else None, origin="published", span=None,
                     precision="day" if published else None)
