"""Shared fixtures. Tests that load the spaCy model are marked ``model``; the pipeline is built once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
SEED_TEXT = ROOT / "eventwire" / "data" / "demo" / "000_7f89604170f3214f.txt"

os.environ.setdefault("EVENTWIRE_STRICT", "1")  # a stage that fails raises in tests instead of becoming a warning


@pytest.fixture(scope="session")
def pipeline():
    from eventwire import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def seed_record(pipeline):
    """The reference article's record, extracted once for all end-to-end checks."""
    from eventwire.ingest import read_inputs

    (result,) = list(pipeline.run(read_inputs([SEED_TEXT])))
    return result.to_dict()
