"""Quality gate: toponyms recognized and placed on the map, on the first GeoWebNews documents of the geo dev set."""
from __future__ import annotations

import pytest

from .gate import metric, score_slice

LIMIT = 30


@pytest.mark.quality
@pytest.mark.model
def test_geo_slice_end_to_end():
    result = score_slice("geo", LIMIT)
    # measured 0.766 on this slice (acc161 over all gold toponyms, a missed one counting as wrong)
    assert metric(result) >= 0.74


@pytest.mark.quality
@pytest.mark.model
def test_geo_slice_resolution_of_recognized_toponyms():
    result = score_slice("geo", LIMIT)
    # measured 0.920 on this slice (within 161 km, over the toponyms recognized); precision 0.870
    assert metric(result, "metrics", "acc161_recognized") >= 0.89
    assert metric(result, "metrics", "precision") >= 0.84
