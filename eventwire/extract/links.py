"""The last stage: each quote linked to the events it reports, so that "what did Putin say about the strikes" is a
lookup. An event belongs to a quote when its evidence lies inside the sentences the quote's content spans (its
trigger inside the content, or its evidence within those sentences)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..records import Event, Quote
from .context import Context


def link(ctx: Context) -> list[Quote]:
    """``ctx.quotes`` with ``events`` filled in (the records are updated in place and returned)."""
    if not ctx.quotes or not ctx.events:
        return ctx.quotes
    bounds = [(s.start_char, s.end_char) for s in ctx.doc.sents]
    # the events by where their trigger and their evidence start, so that each quote looks only at those near it
    by_trigger = sorted(range(len(ctx.events)), key=lambda n: ctx.events[n].trigger[0])
    by_evidence = sorted(range(len(ctx.events)), key=lambda n: ctx.events[n].evidence[0])
    triggers = [ctx.events[n].trigger[0] for n in by_trigger]
    evidences = [ctx.events[n].evidence[0] for n in by_evidence]
    for quote in ctx.quotes:
        first = ctx.sentence_index(quote.span[0])
        last = ctx.sentence_index(max(quote.span[1] - 1, quote.span[0]))
        window = (bounds[first][0], bounds[last][1]) if bounds else quote.span
        near = set(by_trigger[bisect_left(triggers, quote.span[0]):bisect_right(triggers, quote.span[1])])
        near.update(by_evidence[bisect_left(evidences, window[0]):bisect_left(evidences, min(window[1],
                                                                                               quote.span[1]))])
        quote.events = [ctx.events[n].id for n in sorted(near) if _reports(quote, ctx.events[n], window)]
    return ctx.quotes


def _reports(quote: Quote, event: Event, window: tuple[int, int]) -> bool:
    start, end = quote.span
    if start <= event.trigger[0] and event.trigger[1] <= end:
        return True
    return window[0] <= event.evidence[0] and event.evidence[1] <= window[1] and _overlap(event.evidence, quote.span)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])
