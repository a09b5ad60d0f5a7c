"""How likely an event is right: from how it was coded and whether its actors were found.

The weights are set so that the bands mean what they say on the dev sets (see docs/benchmarks.md, "Event coding":
precision by confidence band), and so that in a sentence with several events the substantive act outranks the
statement that reports it.
"""
from __future__ import annotations

BASE = {"pattern": 0.62, "wrapper": 0.6, "role": 0.58, "verb": 0.5, "noun": 0.45, "speech": 0.5, "statement": 0.3}


def confidence(coded, has_source: bool, has_target: bool) -> float:
    value = BASE.get(coded.origin, 0.4)
    if coded.origin == "pattern":
        value += 0.04 * min(coded.weight, 3.0)
    value += 0.12 if has_source else -0.05
    value += 0.08 if has_target else 0.0
    if coded.modality != "asserted":
        value -= 0.08
    return round(min(max(value, 0.05), 0.95), 3)
