"""The store's errors (all ``EventwireError``s, each with a stable ``code``).

    StoreError          code "store" (or a more precise one: "no_store", "schema", "read_only", "sql")
    ├── StoreBusy       code "store_busy": another process writes the file, or this process already does
    └── FilterError     code "bad_filter": a query filter, sort order or cursor that cannot be used
"""
from __future__ import annotations

from ..errors import EventwireError


class StoreError(EventwireError):
    code = "store"


class StoreBusy(StoreError):
    code = "store_busy"


class FilterError(StoreError):
    code = "bad_filter"
