"""Quality gate: publication dates read from raw HTML pages (htmldate benchmark, BBAW dev slice)."""
from __future__ import annotations

import pytest

from .gate import metric, score_slice

pytestmark = [pytest.mark.quality, pytest.mark.model]

PAGES = 120  # the first 120 pages, about 40 s (mostly German pages: no spaCy pass)


def test_accuracy_floor():
    result = score_slice("pubdate", PAGES)
    assert metric(result) >= FLOOR, result["table"]


FLOOR = 0.93  # measured 0.950 on this slice when pinned (see docs/benchmarks.md); never lower it
