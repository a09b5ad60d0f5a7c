"""Repairs of the small model's parse where it is wrong in a way that hides who did what.

Each repair changes heads and labels of a parsed ``Doc`` in place, so that every stage after it (events,
places, quotes) reads the same corrected tree.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

#: the name of the pipeline component that runs :func:`repair` after the parser
REPAIR = "eventwire_parse_repair"

#: verbs whose participle, put after a noun, says what the noun is believed to be ("gunmen suspected to be
#: herdsmen", "militants believed to have links to al-Qaida")
BELIEF_PARTICIPLES = frozenset(
    "suspect believe think allege say report know understand presume fear claim".split())


@Language.component(REPAIR)
def repair(doc: Doc) -> Doc:
    """``doc`` with its parse repaired (see the functions called here)."""
    for token in doc:
        if token.lemma_.lower() in BELIEF_PARTICIPLES and token.pos_ == "VERB":
            _reduced_relative(token)
    return doc


def _reduced_relative(verb: Token) -> None:
    """"Gunmen suspected to be Fulani herdsmen attacked the village": the small model reads "suspected" as the
    verb of "gunmen" and "attacked" as a verb without a subject joined to it. English has no active "X
    suspected to be Y", so the participle modifies the noun and the next verb is the noun's own."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "neg", "dobj") for c in verb.children):
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.right_edge.i != verb.i - 1:
        return
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.lemma_ in ("be", "have")
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if infinitive is None:
        return
    end = infinitive.right_edge.i
    own = _finite_verb_after(verb, end)
    if own is None:
        return
    root = verb.head.i == verb.i
    dep = "ROOT" if root else verb.dep_
    moved = [c for c in verb.children if c.i != infinitive.i and c.i != subject.i and c.i != own.i]
    own.head = own if root else verb.head
    own.dep_ = dep
    subject.head = own
    subject.dep_ = "nsubj"
    verb.head = subject
    verb.dep_ = "acl"
    for child in moved:  # "as" and "yesterday" belong to the clause of the verb that now has the subject
        child.head = own


def _finite_verb_after(verb: Token, end: int) -> Token | None:
    """The first verb after the participle's complement that the model hung on the participle (or joined to the
    participle's own head) and that has no subject of its own."""
    doc = verb.doc
    sent_end = verb.sent.end
    for i in range(end + 1, sent_end):
        word = doc[i]
        if word.pos_ != "VERB":
            continue
        attached = word.head.i == verb.i or (word.dep_ == "conj" and word.head.i == verb.head.i != verb.i)
        if not attached or word.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in word.children):
            return None
        if word.tag_ == "VBN" and not any(c.dep_ == "aux" for c in word.children):
            return None
        return word
    return None
