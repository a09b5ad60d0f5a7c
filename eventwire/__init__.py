"""eventwire: news articles to event data (who did what to whom, when, where, and who said what), offline.

The public API is small:

    from eventwire import Pipeline, extract_text, read_inputs
    doc = extract_text("Russia launched an attack on Ukraine on Thursday.", published="2024-11-29")
    doc.to_dict()   # the contract's record (schema eventwire.document/1)
"""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Settings  # noqa: E402
from .errors import EventwireError, InputProblem, UsageError  # noqa: E402
from .ingest import read_inputs  # noqa: E402
from .pipeline import Pipeline, as_dict, extract_text  # noqa: E402
from .records import Document, InputError  # noqa: E402

__all__ = [
    "Document", "EventwireError", "InputError", "InputProblem", "Pipeline", "Settings", "UsageError", "__version__",
    "as_dict", "extract_text", "read_inputs",
]
