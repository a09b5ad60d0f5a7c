"""Which of a sentence's places an event happened at: the structural reading (``location``) weighed against the
other places, and against "none", by a model over how each place hangs on the event word.

Every place of the sentence is a candidate. Its features describe the dependency path from the event word to the
place (the relations going up to the common head and down to the place, with the prepositions on the way), how
specific the place is (a district before a province before a country), whether it is inside an organisation's
name, how far it is, whether the structural rules chose it, and the event word itself, alone and paired with the
path's first steps and first preposition (a killing is said to be "in" its place far more often than a statement).
Each candidate scores the weighted sum of its features; "none" (the sentence does not say where) scores the
weighted sum of the event word's own features; the highest score wins (a conditional logit, ``Model``).

The weights (``data/geo/event_place.json``, or the file the ``event_place_model`` setting names) are fitted by
``bench/event_place_linking.py --fit`` on the dev split of the event geolocation set in ``../shared/eval`` (no text
of it kept: the features are relation names, prepositions, counts and the lemmas of event words) and checked there
on held-out halves. Without the file the structural reading alone decides.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span, Token

from ...errors import UsageError
from ...records import Place

#: relations that begin another clause
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "conj", "xcomp", "acl", "pcomp", "parataxis", "csubj"})
#: word classes kept as words when they precede a place ("in", "the", ","); others by their class
CLOSED_CLASS = frozenset({"ADP", "DET", "PUNCT", "CCONJ", "SCONJ", "PART", "PRON"})
MAX_PATH = 40
MODALS = frozenset({"will", "would", "could", "may", "might", "can", "should", "must"})


def place_head(sent: Span, place: Place) -> Token | None:
    """The token of the place's words whose head lies outside them."""
    tokens = [t for t in sent if place.span[0] <= t.idx < place.span[1]]
    for tok in tokens:
        if tok.head.i == tok.i or not (place.span[0] <= tok.head.idx < place.span[1]):
            return tok
    return tokens[-1] if tokens else None


def _ancestors(token: Token) -> list[Token]:
    out = [token]
    while token.head.i != token.i and len(out) < MAX_PATH:
        token = token.head
        out.append(token)
    return out


def _label(token: Token) -> str:
    return f"prep:{token.lower_}" if token.dep_ in ("prep", "agent") else token.dep_


def _clause_head(token: Token) -> Token:
    node = token
    while node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass", "amod"):
            return node
        node = node.head
    return node


def dependency_path(trigger: Token, head: Token) -> tuple[list[Token], list[Token]] | None:
    """The tokens from the trigger up to (not including) the common head, and from under it down to the place."""
    up, down = _ancestors(trigger), _ancestors(head)
    position = {t.i: k for k, t in enumerate(up)}
    k = next((k for k, t in enumerate(down) if t.i in position), None)
    if k is None:
        return None
    return up[:position[down[k].i]], list(reversed(down[:k]))


def _without_times(down: list[Token]) -> list[Token]:
    """The path down to a place without the phrases of time it passes through: "captured at 8:30 p.m. in the town
    of X" hangs "in the town" on the time in the parse, but the town is where the capture happened."""
    out: list[Token] = []
    for tok in down:
        if tok.ent_type_ in ("DATE", "TIME") and tok.dep_ in ("pobj", "npadvmod") and tok is not down[-1]:
            if out and out[-1].dep_ == "prep" and out[-1].i == tok.head.i:
                out.pop()
            continue
        out.append(tok)
    return out


def tree_distance(trigger: Token, head: Token) -> int:
    path = dependency_path(trigger, head)
    return 99 if path is None else len(path[0]) + len(path[1])


def features(trigger: Token, place: Place, head: Token | None, candidates: list[tuple[Place, Token | None]],
             chosen: str | None, specificity, in_name: bool, modifies: str | None = None) -> dict[str, float]:
    """The model's inputs for one candidate place of an event word (``chosen``: the structural reading's id;
    ``modifies``: what kind of noun the place's words modify, if any, e.g. 'country>other' for "a US airstrike")."""
    f: dict[str, float] = {"bias": 1.0, "rule": float(chosen == place.id), "rule_none": float(chosen is None)}
    if modifies:
        f["modifies=" + modifies] = 1.0
    rank = specificity(place)
    f[f"spec={rank}"] = 1.0
    f["most_specific"] = float(rank == min(specificity(p) for p, _ in candidates))
    f["unresolved"] = float(place.lat is None)
    f["in_name"] = float(in_name)
    f[f"ncand={min(len(candidates), 4)}"] = 1.0
    # the event word itself: some verbs are said where they happen more often than others ("killed in", "said")
    lemma = trigger.lemma_.lower()
    f["lemma=" + lemma] = 1.0
    if any(c.dep_ == "auxpass" for c in trigger.children):
        f["passive"] = 1.0
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in trigger.children):
        f["modal"] = 1.0
    if head is None:
        f["no_head"] = 1.0
        _with_lemma(f, lemma, "?", "?", "none")
        return f
    path = dependency_path(trigger, head)
    if path is None:
        f["no_path"] = 1.0
        _with_lemma(f, lemma, "?", "?", "none")
    else:
        up, down = path
        up_labels = [_label(t) for t in up]
        down_labels = [_label(t) for t in _without_times(down)]
        f["up=" + ">".join(up_labels[:3])] = 1.0
        f["down=" + ">".join(down_labels[:4])] = 1.0
        f["path=" + ">".join(up_labels[:2]) + "|" + ">".join(down_labels[:3])] = 1.0
        f[f"up_len={min(len(up), 4)}"] = 1.0
        f[f"down_len={min(len(down), 6)}"] = 1.0
        for label in set(up_labels):
            f["up_any=" + label] = 1.0
        for label in set(down_labels):
            if not label.startswith("prep:"):
                f["down_any=" + label] = 1.0
        preps = [label for label in down_labels if label.startswith("prep:")]
        if preps:
            f["first_prep=" + preps[0]] = 1.0
            f["last_prep=" + preps[-1]] = 1.0
        else:
            f["no_prep"] = 1.0
        _with_lemma(f, lemma, up_labels[0] if up_labels else "", down_labels[0] if down_labels else "",
                    preps[0] if preps else "none")
        if down_labels and down_labels[0] in CLAUSE_DEPS:
            f["down_clause=" + down_labels[0]] = 1.0
        if any(label in CLAUSE_DEPS for label in down_labels[1:]):
            f["down_clause_deep"] = 1.0
        top = (up[-1].head if up else trigger)
        f["common_is_trigger"] = float(not up)
        f["common_pos=" + top.pos_] = 1.0
    distances = sorted(tree_distance(trigger, h) for _, h in candidates if h is not None)
    f[f"distance_rank={min(distances.index(tree_distance(trigger, head)), 3)}"] = 1.0
    words = abs(head.i - trigger.i)
    f[f"words={0 if words <= 3 else 1 if words <= 8 else 2 if words <= 15 else 3}"] = 1.0
    f["before"] = float(head.i < trigger.i)
    clause = _clause_head(head)
    if clause.i == trigger.i:
        f["same_clause"] = 1.0
    elif clause.head.i == trigger.i:
        f["clause=child:" + clause.dep_] = 1.0
    elif trigger.head.i == clause.i:
        f["clause=parent:" + trigger.dep_] = 1.0
    elif clause.head.i == trigger.head.i:
        f["clause=sibling"] = 1.0
    else:
        f["clause=other"] = 1.0
    f["trigger_dep=" + trigger.dep_] = 1.0
    f["trigger_pos=" + trigger.pos_] = 1.0
    f["place_ent=" + (head.ent_type_ or "none")] = 1.0
    start = min((t.i for t in trigger.sent if place.span[0] <= t.idx < place.span[1]), default=head.i)
    if start > trigger.sent.start:
        before = trigger.doc[start - 1]
        f["word_before=" + (before.lower_ if before.pos_ in CLOSED_CLASS else before.pos_)] = 1.0
    return f


def _with_lemma(f: dict[str, float], lemma: str, up: str, down: str, prep: str) -> None:
    """The event word paired with the first step up, the first step down and the first preposition to the place:
    "killed" hangs its setting on "in", "said" hangs it on the speaker."""
    f[f"lemma_up={lemma}|{up}"] = 1.0
    f[f"lemma_down={lemma}|{down}"] = 1.0
    f[f"lemma_prep={lemma}|{prep}"] = 1.0


#: features of the event word and its sentence, the same for every candidate: the inputs of the score of "none"
EVENT_FEATURES = ("bias", "lemma=", "ncand=", "passive", "modal", "trigger_dep=", "trigger_pos=", "rule_none")


def event_features(values: dict[str, float]) -> dict[str, float]:
    """The features of one candidate that describe the event word rather than the place (``EVENT_FEATURES``)."""
    return {name: value for name, value in values.items() if name.startswith(EVENT_FEATURES)}


class Model:
    """A choice among the sentence's places and "none" (a conditional logit): each place scores the weighted sum of
    its features, "none" the weighted sum of the event word's (``none_weights``) plus ``offset``, and the highest
    score wins. Weighing the places against each other, rather than each against a fixed threshold, lets a
    likely place win over a merely possible one."""

    def __init__(self, weights: dict[str, float], none_weights: dict[str, float], offset: float):
        self.weights = weights
        self.none_weights = none_weights
        self.offset = offset

    def score(self, values: dict[str, float]) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in values.items())

    def none_score(self, values: dict[str, float]) -> float:
        return self.offset + sum(self.none_weights.get(name, 0.0) * value
                                 for name, value in event_features(values).items())

    def choose(self, candidates: list[dict[str, float]]) -> int | None:
        """The index of the chosen candidate (their features, in order), or None when "none" scores highest."""
        if not candidates:
            return None
        scores = [self.score(values) for values in candidates]
        best = max(range(len(scores)), key=scores.__getitem__)
        return best if scores[best] > self.none_score(candidates[0]) else None


@cache
def model(path: str = "") -> Model | None:
    """The installed linking model, or the one in the JSON file at ``path`` (settings: ``event_place_model``)."""
    source = Path(path) if path else resources.files("eventwire.data").joinpath("geo").joinpath("event_place.json")
    if not source.is_file():
        if path:
            raise UsageError(f"event place model {path}: no such file")
        return None
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        return Model({k: float(v) for k, v in data["weights"].items()},
                     {k: float(v) for k, v in data["none_weights"].items()}, float(data["offset"]))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise UsageError(f"event place model {source}: not a linking model ({error})") from error
