"""How likely an event is right: a logistic model over how the event was coded and what was found for it.

The weights (``data/cameo/confidence.json``) are fitted by ``scripts/fit_event_confidence.py`` on the dev sets of
``../shared/eval`` (whether an event's type is one the annotators gave the sentence), and checked across datasets:
fitted on one, the bands keep their order on the other (see docs/benchmarks.md, "Event coding"). Without the file
the hand-set weights below apply.
"""
from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

ORIGINS = ("pattern", "verb", "noun", "role", "wrapper", "speech", "statement")
FEATURES = ORIGINS + ("source", "target", "implicit_target", "asserted", "main_clause", "specific", "conflict",
                      "verbal", "reported", "bias")

_DEFAULT = {"pattern": 0.4, "verb": 0.0, "noun": -0.2, "role": 0.3, "wrapper": 0.3, "speech": 0.0,
            "statement": -0.8, "source": 0.6, "target": 0.4, "implicit_target": 0.1, "asserted": 0.3,
            "main_clause": 0.2, "specific": 0.3, "conflict": 0.2, "verbal": 0.0, "reported": -0.1, "bias": -0.6}


def features(coded, has_source: bool, has_target: bool, implicit_target: bool) -> dict[str, float]:
    """The model's inputs for one coded event (see ``Coded`` in candidate.py)."""
    out = {name: 0.0 for name in FEATURES}
    out[coded.origin if coded.origin in ORIGINS else "verb"] = 1.0
    out["source"] = float(has_source)
    out["target"] = float(has_target and not implicit_target)
    out["implicit_target"] = float(implicit_target)
    out["asserted"] = float(coded.modality == "asserted")
    out["main_clause"] = float(coded.clause == "main")
    out["specific"] = min(coded.weight, 3.0) / 3.0
    root = coded.code[:2]
    out["conflict"] = float(root in ("14", "15", "16", "17", "18", "19", "20"))
    out["verbal"] = float(root in ("01", "02", "09", "10", "11", "12", "13"))
    out["reported"] = float(coded.reported)
    out["bias"] = 1.0
    return out


@cache
def weights() -> dict[str, float]:
    path = resources.files("eventwire.data").joinpath("cameo").joinpath("confidence.json")
    if not path.is_file():
        return dict(_DEFAULT)
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: float(data["weights"].get(name, 0.0)) for name in FEATURES}


def score(values: dict[str, float], model: dict[str, float] | None = None) -> float:
    model = model or weights()
    z = sum(model.get(name, 0.0) * value for name, value in values.items())
    return 1.0 / (1.0 + math.exp(-z))


def confidence(coded, has_source: bool, has_target: bool, implicit_target: bool = False) -> float:
    return round(min(max(score(features(coded, has_source, has_target, implicit_target)), 0.01), 0.99), 3)
