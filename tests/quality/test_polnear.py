"""Quality gate: quotes and reported speech on a fast slice of PolNeAR (dev), floors a little below the measured
figures (docs/benchmarks.md, "Quotes")."""
from __future__ import annotations

import pytest

from .gate import metric, score_slice

pytestmark = [pytest.mark.quality, pytest.mark.model]

LIMIT = 40


def test_polnear_quote_f1():
    result = score_slice("polnear", LIMIT)
    assert metric(result, "metrics", "quote_f1_03") >= FLOORS["quote_f1_03"]


def test_polnear_speaker_accuracy():
    result = score_slice("polnear", LIMIT)
    assert metric(result, "metrics", "speaker_acc_03") >= FLOORS["speaker_acc_03"]


def test_polnear_direct_and_mixed_quotes():
    result = score_slice("polnear", LIMIT)
    assert metric(result, "metrics", "quoted_f1_03") >= FLOORS["quoted_f1_03"]


FLOORS = {"quote_f1_03": 0.72, "speaker_acc_03": 0.87, "quoted_f1_03": 0.86}
