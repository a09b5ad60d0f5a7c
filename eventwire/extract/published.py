"""The publication date, settled before any other stage: given > page metadata > inferred from the text."""
from __future__ import annotations

from ..records import Published
from .context import Context


def settle(ctx: Context) -> Published:
    article = ctx.article
    if article.published:
        origin = article.published_origin or "given"
        return Published(article.published, origin, 1.0 if origin == "given" else 0.9)
    return Published(None, "none", 0.0)
