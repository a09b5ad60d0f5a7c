"""The places stage: toponyms found, geocoded, and the place where an event happened."""
from __future__ import annotations

from spacy.tokens import Token

from ..records import Place
from .context import Context


def extract(ctx: Context) -> list[Place]:
    return []


def event_place(ctx: Context, trigger: Token) -> str | None:
    """The id of the place where the event whose trigger word is ``trigger`` happened, or None when the
    sentence does not say (called by the events stage)."""
    return None
