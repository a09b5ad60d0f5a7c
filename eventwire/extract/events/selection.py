"""Which coded events are reported, and what is said of their place: background and conditional acts left out,
a statement that only repeats its speaker's own act dropped, a verbal event not placed in the country it names."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Actor
from ..context import Context
from . import coding, tables
from .candidate import Coded

if TYPE_CHECKING:
    from .extractor import Coder


def keep(coded: Coded, sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether an event is worth reporting.

    A condition ("if it is attacked") and an aim ("staged rallies to demand reforms") report nothing. A material
    act with no actor found (an attack, an arrest, a march) is news whoever did it ("three men were shot"); a
    verbal act with nobody to make it is not. Acts in relative and participle clauses are background: kept when
    both sides are known, when violent (an attack, an arrest, an expulsion), or when a known actor shows force
    (a patrol).
    """
    protest = coded.code[:2] == "14"  # "took to the streets to protest": the protest is what happened
    violent = coded.code[:2] in ("14", "18", "19", "20") or coded.code[:3] in ("171", "173", "174", "175")
    if coded.code[:2] == "15" and sources and coded.clause == "subordinate" and coded.modality == "asserted":
        return True  # a show of force by someone known ("warplanes patrolling the zones"): it is going on
    if coded.needs_source and not sources:
        return False
    if coded.clause in ("condition", "purpose") and not protest:
        return violent and coded.modality != "asserted"  # "the offensive to capture Kassab": aimed at, kept as such
    if coded.clause == "subordinate" and not violent and not (sources and targets):
        return False
    if coded.clause == "subordinate" and coded.modality in ("future", "hypothetical") and not violent:
        return False  # what a resolution "aims to impose": background and not real
    if sources or targets:
        return True
    return coded.code[:2] in coding.CONFLICT_ROOTS or (coded.code[:2] in ("06", "07", "08") and coded.weight > 0)


def said_of_a_place(code: str) -> bool:
    """Whether an event of this code names its actors' countries without happening there: the verbal ones
    (statements, appeals, criticism, praise), but not a visit, which happens where it goes (042, 043)."""
    return tables.info(code).quad_class in (1, 3) and code[:3] not in ("042", "043")


def verbal_place(ctx: Context, coded: Coded, place_id: str | None) -> str | None:
    """The event's place, unless the event is verbal and the place is its subject or object itself ("France
    slammed China": said of China, not in it), or their owner or modifier ("China's leaders"); a place in a phrase
    of place stays ("protested in Bethlehem")."""
    if place_id is None or coded.modality != "asserted" or not said_of_a_place(coded.code):
        return place_id
    place = next((p for p in ctx.places if p.id == place_id), None)
    if place is None or place.span is None:
        return place_id
    start, end = place.span
    words = [t for h in coded.sources + coded.targets for t in [h, *h.children]
             if t is h or t.dep_ in ("compound", "poss", "amod", "nmod")]
    return None if any(t.idx < end and start < t.idx + len(t.text) for t in words) else place_id


def without_redundant_statements(coder: Coder, resolved: list) -> list:
    """A statement whose speaker reports an act of their own side ("Putin said the missile could target Kiev")
    says nothing more than that act (CAMEO codes statements only when nothing more specific is said); a statement
    about what others did ("police said the mob was shooting") is kept."""
    spoken: dict[int, set] = {}
    for coded, sources, _ in resolved:
        speech = coder.speaker_of(coded.trigger)
        if speech is not None:
            side = spoken.setdefault(speech.i, set())
            side.update(a.id for a in sources)
            side.update(a.country for a in sources if a.country)
    out = []
    for coded, sources, targets in resolved:
        if coded.origin == "statement" and coded.trigger.i in spoken and (
                not sources or any(a.id in spoken[coded.trigger.i] or a.country in spoken[coded.trigger.i]
                                   for a in sources)):
            continue
        out.append((coded, sources, targets))
    return out
