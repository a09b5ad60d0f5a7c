"""Modality: whether the action of an event word is reported as having happened.

- ``negated``: "did not attack", "never met", "no one attacked", "failed to stop";
- ``future``: "will meet", "is going to visit", "is to sign", and "would" in reported speech ("said it would");
- ``hypothetical``: "could target", "may attack", "might", "should", "must", a clause under "if" or "unless",
  "would" outside reported speech;
- ``asserted`` otherwise.

The grammar of the event word decides; what kind of act the sentence reports (a threat, an appeal) is the code's
business (see ``coding``).
"""
from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "may", "might", "should", "must", "can", "ought", "ca"})
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})
# a governing word that puts its complement in the future or out of the actual
FUTURE_HEADS = frozenset({"plan", "intend", "prepare", "schedule", "set", "expect", "aim", "go"})
IRREALIS_HEADS = frozenset({"want", "hope", "wish", "seek", "propose", "consider", "threaten", "vow", "offer",
                            "promise", "pledge", "ask", "urge", "call", "demand", "need", "try", "attempt",
                            "able", "ready", "willing", "likely", "possible"})


def auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def is_negated(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("no", "nobody", "none", "nothing"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                g.dep_ == "det" and g.lower_ == "no" for g in child.children) and child.dep_ != "dobj":
            return True  # "no one attacked"
    return False


def in_condition(verb: Token) -> bool:
    """Whether the verb's clause is the condition of an 'if' or 'unless'."""
    token = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children):
            return True
        if token.dep_ not in ("conj", "xcomp"):
            break
        token = token.head
    return False


def modality(verb: Token, reported: bool = False) -> str:
    """The modality of the event whose word is ``verb`` (``reported``: inside reported speech)."""
    if is_negated(verb):
        return "negated"
    aux = auxiliaries(verb)
    token = verb
    # "to attack" under a governing verb takes that verb's auxiliaries and its sense ("plans to attack")
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "conj" or head.lemma_.lower() not in IRREALIS_HEADS | FUTURE_HEADS:
            aux |= auxiliaries(head)
            if is_negated(head) and verb.dep_ == "xcomp":
                return "negated"
        token = head
    if token.lemma_.lower() == "go" and token.tag_ == "VBG" and verb.dep_ == "xcomp":
        return "future"  # "is going to attack"
    if in_condition(verb):
        return "hypothetical"
    if aux & FUTURE_AUX:
        return "future"
    if "would" in aux:
        return "future" if reported else "hypothetical"
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_HEADS:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in IRREALIS_HEADS:
        return "hypothetical"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" and any(
            c.dep_ == "nsubj" for c in verb.head.children):
        return "future"  # "is to sign"
    return "asserted"


def obligation(verb: Token) -> bool:
    """'must', 'should', 'has to', 'need to': what the speaker wants someone to do."""
    if auxiliaries(verb) & OBLIGATION_AUX:
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in ("have", "need") and head.i < verb.i
