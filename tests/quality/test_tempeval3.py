"""Quality gate: time expressions and their TimeML values on a slice of TempEval-3 dev (TimeBank + AQUAINT)."""
from __future__ import annotations

import pytest

from .gate import metric, score_slice

pytestmark = [pytest.mark.quality, pytest.mark.model]

DOCS = 60  # the first 60 documents (AQUAINT news, ~500 expressions), about 15 s


def test_value_f1_floor():
    result = score_slice("tempeval3", DOCS)
    assert metric(result) >= FLOORS["value_f1"], result["table"]


def test_relaxed_f1_floor():
    result = score_slice("tempeval3", DOCS)
    assert metric(result, "metrics", "relaxed", "f1") >= FLOORS["relaxed_f1"], result["table"]


# a little below what this slice measured when pinned (see docs/benchmarks.md); raise them, never lower them
FLOORS = {"value_f1": 0.76, "relaxed_f1": 0.92}  # measured 0.775 and 0.935
