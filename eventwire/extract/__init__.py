"""Extraction stages: each a named function of the article's ``Context`` that returns its own records.

The order matters: the publication date is settled first (times and event dates resolve against it), quotes
need actors, events need actors, times, places and quotes.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import actors, events, links, places, published, quotes, times
from .context import Context


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Context], Any]
    reads: tuple[str, ...]  # Context fields this stage needs filled
    writes: str  # the Context field it fills


STAGES: tuple[Stage, ...] = (
    Stage("published", published.settle, (), "published"),
    Stage("actors", actors.extract, ("published",), "actors"),
    Stage("times", times.extract, ("published",), "times"),
    Stage("places", places.extract, ("actors",), "places"),
    Stage("quotes", quotes.extract, ("actors",), "quotes"),
    Stage("events", events.extract, ("published", "actors", "times", "places", "quotes"), "events"),
    Stage("links", links.link, ("quotes", "events"), "quotes"),
)


def check_order(stages: tuple[Stage, ...]) -> None:
    """Raise if a stage reads a field that no earlier stage writes."""
    written: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.reads if r not in written]
        if missing:
            raise ValueError(f"stage {stage.name!r} reads {missing} before any stage writes them")
        written.add(stage.writes)


__all__ = ["Context", "STAGES", "Stage", "check_order"]
