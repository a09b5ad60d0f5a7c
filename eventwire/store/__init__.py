"""The event store: articles, actors, events, quotes, times and places in one DuckDB file (docs/store.md).

    from eventwire.store import Store
    with Store("eventwire.duckdb") as store:
        store.add_documents(pipeline.run(articles))
        store.events(actor="Russia", code="19")
"""
from __future__ import annotations

from .database import Store
from .errors import FilterError, StoreBusy, StoreError
from .ids import canonical_url, document_id
from .queries import Page
from .report import IngestSummary, Outcome

__all__ = ["FilterError", "IngestSummary", "Outcome", "Page", "Store", "StoreBusy", "StoreError", "canonical_url",
           "document_id"]
