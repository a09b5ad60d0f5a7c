"""``eventwire serve``: an HTTP API over the store and a page to explore it, in one process.

    from eventwire.serve import ServeSettings, create_app
    app = create_app(ServeSettings(store="eventwire.duckdb", write_token="secret"))
"""
from __future__ import annotations

from .app import create_app
from .settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]
