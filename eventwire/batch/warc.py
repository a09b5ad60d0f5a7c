"""WARC archives in slices for ``eventwire batch``: the reader lives in ``eventwire.ingest.warc``."""
from __future__ import annotations

from ..ingest.warc import page_offsets, read_warc_slice

__all__ = ["page_offsets", "read_warc_slice"]
