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
    # measured 0.837 on this slice at stop 18 (0.894 with a gold location, 0.750 without); the model is fitted on
    # the whole dev split but for the Masdar_RA batch, so the slice is mostly in-sample: on unseen sentences of the
    # other batches expect about 0.82 (held-out halves, docs/benchmarks.md)
    assert result["accuracy"] >= 0.81
    assert result["accuracy_with_location"] >= 0.86
    assert result["accuracy_without_location"] >= 0.72
