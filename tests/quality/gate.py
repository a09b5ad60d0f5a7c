"""Quality gates: score a fast slice of a dev set from ``../shared/eval`` with its own scorer, in-process.

A gate test calls ``score_slice(dataset, limit)`` and compares the headline (or another metric) with a floor pinned
in the test. The scorers and dev data live outside the repository (their licences keep them there); where
``../shared/eval`` is absent (set ``EVENTWIRE_SHARED`` to its parent folder) the gates are skipped, saying why.
"""
from __future__ import annotations

import importlib
import sys
from functools import cache, lru_cache
from typing import Any

import pytest

from ..conftest import SHARED

EVAL = SHARED / "eval"
INPUT_FIELDS = ("id", "text", "html", "published", "title", "url")


def _eval_modules():
    if not (EVAL / "run.py").exists():
        pytest.skip(f"the shared evaluation folder is not at {EVAL} (set EVENTWIRE_SHARED)")
    if str(EVAL) not in sys.path:
        sys.path.insert(0, str(EVAL))
    common = importlib.import_module("ewe.common")
    return common


@cache
def score_slice(dataset: str, limit: int, split: str = "dev") -> dict[str, Any]:
    """The scorer's result for the first ``limit`` documents of ``dataset``, extracted by the real pipeline."""
    common = _eval_modules()
    module = importlib.import_module(f"ewe.datasets.{dataset}")
    folder = EVAL / "data" / dataset
    path = next((p for p in (folder / f"{split}.jsonl", folder / f"{split}.jsonl.gz") if p.exists()), None)
    if path is None:
        pytest.skip(f"no {split} data for {dataset} under {folder}")
    docs = []
    for doc in common.read_jsonl(path):
        docs.append(doc)
        if len(docs) >= limit:
            break
    make_input = getattr(module, "to_input", None)
    records = [make_input(d) if make_input else {k: d[k] for k in INPUT_FIELDS if k in d} for d in docs]

    from eventwire.ingest import article_from_record
    from eventwire.pipeline import as_dict
    from eventwire.records import InputError

    items = []
    for i, record in enumerate(records):
        try:
            items.append(article_from_record(record, f"{dataset}:{i}"))
        except Exception as error:  # a bad gold input is scored as a miss, like the CLI would
            items.append(InputError(id=str(record.get("id")), code="bad_input", message=str(error)))
    preds = common.index_predictions(as_dict(r) for r in _pipeline().run(items))
    return module.score(docs, preds)


@lru_cache(maxsize=1)
def _pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


def metric(result: dict[str, Any], *path: str) -> float:
    """A nested metric, e.g. ``metric(result, "metrics", "type_f1")``; ``headline`` by default."""
    value: Any = result
    for key in path or ("headline",):
        value = value[key]
    return float(value)
