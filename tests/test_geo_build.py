"""Representative points of administrative regions, from the towns filed under them."""
from __future__ import annotations

import math

from eventwire.geo import get_gazetteer
from eventwire.geo.build import _middle


def test_the_middle_of_a_regions_towns_leaves_out_a_town_filed_under_the_wrong_region():
    towns = [(39.0 + dy, 116.0 + dx) for dy in (-1.0, 0.0, 1.0) for dx in (-1.5, 0.0, 1.5)]
    lat, lon = _middle(towns + [(31.5, 90.8)])  # one town two thousand km away, in Tibet
    assert abs(lat - 39.0) < 0.01 and abs(lon - 116.0) < 0.01


def test_a_long_region_keeps_its_far_end():
    towns = [(32.5, -117.0), (32.6, -116.9), (32.4, -115.5), (31.9, -116.6), (31.0, -116.3), (30.5, -115.9),
             (28.0, -114.0)]
    lat, _lon = _middle(towns)
    assert abs(lat - 30.3) < 0.1  # the middle of 28.0 to 32.6: the southern town is not an outlier


def test_hebei_lies_around_beijing():
    (hebei,) = [c.entry for c in get_gazetteer(500).candidates("Hebei") if c.entry.feature == "ADM1"]
    assert math.hypot(hebei.lat - 39.0, hebei.lon - 116.0) < 2.0
