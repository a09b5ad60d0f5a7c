"""A place mention in the making, and the tests that recognition (``recognize``) and facility-finding
(``facilities``) share: whether a name's readings make it a place in any context, and whether a name is that of a
saint a building is named after."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ...geo import Candidate, fold
from ...geo.build import CODE

#: a city this large is a place even without supporting context
STRONG_POPULATION = 100_000


@dataclass
class Mention:
    """A place mention: tokens ``start:end`` of the doc; the name itself is ``name_start:end``."""

    start: int
    end: int
    name_start: int
    key: str  # fold key of the name
    candidates: list[Candidate] = field(default_factory=list)
    source: str = "gazetteer"  # gazetteer | ner | facility
    direction: tuple[int, int] | None = None
    qualifier: Mention | None = None  # the place that contains this one ("Texas" in "Paris, Texas")
    facility_of: int | None = None  # for a facility: the token index of the place it is said to be in
    kind_hint: str | None = None  # "city" or "region" when a word beside the name says so ("New York state")
    framed: bool = False  # a place noun frames the name ("the village of X"): a place even where no reading fits
    listed: bool = False  # its "qualifier" goes on to another name: a list ("Copenhagen, Hamburg, Brasoc")


def span_key(doc: Doc, i: int, j: int) -> str:
    return fold(doc[i:j].text)


class EntIndex:
    def __init__(self, doc: Doc):
        self.by_token: dict[int, object] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.by_token[i] = ent

    def at(self, i: int):
        return self.by_token.get(i)


def is_strong(candidates: list[Candidate]) -> bool:
    """A name that is a place in almost any context: a country, a first-level region, a large city."""
    for c in candidates:
        e = c.entry
        if c.kind == CODE:
            continue
        if e.feature in ("PCLI", "ADM1", "PPLC") or e.id < 0 or e.feature == "CONT":
            return True
        if e.population >= STRONG_POPULATION and (c.kind == 0 or e.population >= 5 * STRONG_POPULATION):
            return True
    return False


def saint(doc: Doc, a: int, b: int) -> bool:
    """"St. Peter's Basilica", "San Marco's": a saint the building is named after, not the town of that name."""
    return (fold(doc[a].text) in ("st", "saint", "san", "santa", "sao", "sainte", "ste") and b - a >= 2
            and (doc[b - 1].text in ("'s", "’s") or (b < len(doc) and doc[b].text in ("'s", "’s"))))
