"""Parse repairs on hand-built parses (no model): the tree after the repair, and the trees it leaves alone."""
from __future__ import annotations

from eventwire.nlp.repair import repair
from tests.test_events_parse import parse

# the small model's parse of "Gunmen suspected to be herdsmen , yesterday , attacked villages ."
MISREAD = [
    ("Gunmen", 1, "nsubj", "NOUN", "NNS", "gunman"), ("suspected", 1, "ROOT", "VERB", "VBN", "suspect"),
    ("to", 3, "aux", "PART", "TO", "to"), ("be", 1, "xcomp", "AUX", "VB", "be"),
    ("herdsmen", 3, "attr", "NOUN", "NNS", "herdsman"), (",", 1, "punct", "PUNCT", ",", ","),
    ("yesterday", 1, "npadvmod", "NOUN", "NN", "yesterday"), (",", 8, "punct", "PUNCT", ",", ","),
    ("attacked", 1, "dep", "VERB", "VBD", "attack"), ("villages", 8, "dobj", "NOUN", "NNS", "village"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def tree(doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_belief_participle_after_a_noun_becomes_its_modifier_and_the_next_verb_the_root():
    doc = repair(parse(MISREAD))
    got = dict((t.text, (t.dep_, t.head.text)) for t in doc if t.text not in (",", "."))
    assert got["attacked"] == ("ROOT", "attacked")
    assert got["Gunmen"] == ("nsubj", "attacked")
    assert got["suspected"] == ("acl", "Gunmen")
    assert got["be"] == ("xcomp", "suspected") and got["herdsmen"] == ("attr", "be")
    assert got["yesterday"] == ("npadvmod", "attacked") and got["villages"] == ("dobj", "attacked")
    assert [s.text for s in doc.sents] == [doc.text]


def test_a_verb_with_its_own_subject_or_an_auxiliary_is_left_alone():
    # "Gunmen suspected to be herdsmen , yesterday , they attacked villages ." : the later verb has a subject
    rows = MISREAD[:8] + [("they", 9, "nsubj", "PRON", "PRP", "they")] + [
        (w, h + 1 if h >= 8 else h, d, p, t, lem) for w, h, d, p, t, lem in MISREAD[8:]]
    before = tree(parse(rows))
    assert tree(repair(parse(rows))) == before
    # "Gunmen were suspected to be herdsmen ...": a finite passive
    rows = [MISREAD[0], ("were", 2, "auxpass", "AUX", "VBD", "be")] + [
        (w, h + 1 if h >= 1 else h, d, p, t, lem) for w, h, d, p, t, lem in MISREAD[1:]]
    rows[0] = ("Gunmen", 2, "nsubjpass", "NOUN", "NNS", "gunman")
    before = tree(parse(rows))
    assert tree(repair(parse(rows))) == before
