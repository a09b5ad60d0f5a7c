"""Quality gate: ``places.event_place`` given the gold verb, on the first event_location dev sentences.

The shared ``event_location`` scorer also needs the events stage to put a trigger on the gold verb; this gate
measures the linking step alone (bench/event_place_linking.py does the same on any number of sentences).
"""
from __future__ import annotations

import pytest

from bench.event_place_linking import link_accuracy, read_items

from ..conftest import SHARED

LIMIT = 400


@pytest.mark.quality
@pytest.mark.model
def test_event_place_linking_slice(nlp):
    if not (SHARED / "eval" / "data" / "event_location" / "dev.jsonl").exists():
        pytest.skip(f"no event_location dev data under {SHARED}")
    result = link_accuracy(read_items(SHARED, LIMIT), nlp)
    # measured 0.707 on this slice (0.690 with a gold location, 0.733 without)
    assert result["accuracy"] >= 0.67
    assert result["accuracy_with_location"] >= 0.64
    assert result["accuracy_without_location"] >= 0.68
