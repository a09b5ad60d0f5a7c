"""Quality gates of the events stage: fast slices of the event-coding dev sets, each against a floor a little below
what the slice measured (2026-11-27, commit of this file; full dev-set figures in docs/benchmarks.md).

- plover_gsr: PLOVER type and source/target country dyads of CAMEO-manual sentences;
- conflibert: the sentence's class from its most confident event;
- india_police: sentences where police kill, arrest, use force or act;
- event_location: events found on the annotated event verbs (the trigger must be on the verb);
- seed: every required event of the reference article, with few extras.
"""
from __future__ import annotations

import pytest

from .gate import metric, score_slice

pytestmark = [pytest.mark.quality, pytest.mark.model]


def test_plover_gsr_types_and_dyads():
    result = score_slice("plover_gsr", 80)
    assert metric(result, "metrics", "type_f1") >= 0.78  # measured 0.811
    assert metric(result, "metrics", "dyad_f1") >= 0.60  # measured 0.620; 0.631 at stop 18


def test_conflibert_classes():
    assert metric(score_slice("conflibert", 300)) >= 0.88  # measured 0.915


def test_india_police_sentences():
    assert metric(score_slice("india_police", 60)) >= 0.60  # measured 0.614; 0.645 at stop 18


def test_event_location_events_found_on_the_verb_and_placed():
    result = score_slice("event_location", 400)
    assert metric(result, "metrics", "event_found") >= 0.83  # measured 0.857; 0.861 at stop 18
    # measured 0.714 at stop 18 (0.703 at stop 17; 0.705 with the model fitted on the Masdar_RA batch too, whose
    # 56 items here it scores on their own labels); the linking model is fitted on the dev split, so this slice is
    # partly in-sample (a fall here is a regression of the code, not the figure to expect on new text:
    # bench/event_place_linking.py --crossfit)
    assert metric(result) >= 0.69


def test_seed_every_required_event_with_few_extras():
    result = score_slice("seed", 1)
    assert metric(result, "metrics", "section_recall", "events") == 1.0
    assert result["metrics"]["unmatched_events"] <= 12  # measured 9: see docs/benchmarks.md for what they are
