"""Where an event happened, read from the sentence's dependency structure.

The place must be attached to the event's own words: a locative phrase on the trigger ("attacked the Yuzhmash
enterprise in Dnipro"), the trigger's object when that is a place ("captured western Afghanistan", "shelled the town
of Kabani"), or the same for the clause it is coordinated with or subordinate to ("were shot dead in Hebron, and
... were strung up"). A place that only describes a participant ("a cab driver from Abidjan") is not where the
event happened, and a sentence that names no place for the event gives none.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...records import Place
from ..context import Context

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "on", "into", "within",
                  "along", "off", "over", "onto", "toward", "towards", "to", "through", "between", "beyond", "by"}
#: object relations whose head may itself be the place acted on ("captured Afghanistan")
OBJECT_DEPS = {"dobj", "nsubjpass", "obj", "attr"}
#: a clause inherits the place of the clause it hangs on
INHERIT_DEPS = {"conj", "xcomp", "advcl", "pcomp", "acl", "relcl", "ccomp", "dobj", "pobj", "nsubj", "nsubjpass"}
#: relations that describe a participant rather than the event
PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "agent", "csubj", "expl", "poss", "appos"}
MAX_UP = 3
#: prepositions inside a noun phrase that can carry its place
NOMINAL_PREPS = {"of"} | LOCATIVE_PREPS


def event_place(ctx: Context, trigger: Token) -> str | None:
    """The id of the place where the event whose trigger word is ``trigger`` happened, or None when the
    sentence does not say (called by the events stage)."""
    sent = trigger.sent
    places = [p for p in ctx.places if sent.start_char <= p.span[0] < sent.end_char]
    if not places:
        return None
    at_token: dict[int, Place] = {}
    for p in places:
        for tok in sent:
            if tok.idx >= p.span[0] and tok.idx < p.span[1]:
                at_token.setdefault(tok.i, p)
    node, steps = trigger, 0
    while True:
        found = _own_place(node, at_token)
        if found is not None:
            return found.id
        if node.dep_ not in INHERIT_DEPS or node.head is node or steps >= MAX_UP:
            return None
        if node.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") and node.pos_ not in ("NOUN", "VERB"):
            return None
        node, steps = node.head, steps + 1


def _own_place(node: Token, at_token: dict[int, Place]) -> Place | None:
    # 1. a locative phrase on the word itself
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
            place = _place_in_phrase(child, at_token)
            if place is not None:
                return place
    # 2. the object is a place, or names one ("the town of Kabani", "positions at Deir Hafer")
    for child in node.children:
        if child.dep_ in OBJECT_DEPS:
            place = _place_of_nominal(child, at_token)
            if place is not None:
                return place
    # 3. the word is a place-bearing compound or modifier itself ("Aleppo offensive", "an Aleppo-based group")
    for child in node.children:
        if child.dep_ in ("compound", "nmod", "amod", "npadvmod") and child.i in at_token:
            return at_token[child.i]
    return None


def _place_in_phrase(prep: Token, at_token: dict[int, Place]) -> Place | None:
    for obj in prep.children:
        if obj.dep_ in ("pobj", "pcomp"):
            place = _place_of_nominal(obj, at_token)
            if place is not None:
                return place
    return None


def _place_of_nominal(head: Token, at_token: dict[int, Place]) -> Place | None:
    """The place a noun phrase names: itself, its name parts, or a place in its of/in/at/near modifiers."""
    if head.i in at_token:
        return at_token[head.i]
    frontier = [head]
    for _ in range(3):
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in PARTICIPANT_DEPS or child.dep_ in ("relcl", "acl", "advcl", "ccomp"):
                    continue
                if child.i in at_token and child.dep_ in ("compound", "pobj", "nmod", "amod", "conj", "appos",
                                                           "npadvmod", "poss"):
                    return at_token[child.i]
                if child.dep_ == "prep" and child.lower_ not in NOMINAL_PREPS:
                    continue
                if child.dep_ in ("prep", "pobj", "compound", "conj", "appos"):
                    nxt.append(child)
        frontier = nxt
    return None
