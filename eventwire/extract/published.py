"""The publication date, settled before any other stage: given > page metadata > stated in or inferred from the
text > none (never today's date)."""
from __future__ import annotations

from ..records import Published
from .context import Context
from .times import candidates
from .times.infer import infer

CONFIDENCE = {"given": 1.0, "metadata": 0.9}


def settle(ctx: Context) -> Published:
    article = ctx.article
    if article.published:
        origin = article.published_origin or "given"
        return Published(article.published, origin, CONFIDENCE.get(origin, 0.9))
    found = infer(ctx.doc, candidates(ctx.doc, ctx.text))
    if found is None:
        ctx.warn("no_published_date", "the article states no publication date and none could be inferred from "
                 "its text; relative dates are left unresolved")
        return Published(None, "none", 0.0)
    if found.origin == "inferred":
        ctx.warn("published_inferred", f"the publication date {found.value} was inferred from the dates the text "
                 f"reports (confidence {found.confidence:.2f})")
    return Published(found.value, found.origin, found.confidence, list(found.evidence))
