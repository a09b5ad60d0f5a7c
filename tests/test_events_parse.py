"""The events stage on hand-built parses (no model): voice, negation, appeals and threats, nominal events, actors
found in phrases, and what is kept."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.extract.context import Context
from eventwire.extract.events import extract
from eventwire.records import Actor, Article, Published

_VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A Doc from rows of (word, head index, dep, POS, tag, lemma); one sentence."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",", "'s") for i in range(len(words))]
    doc = Doc(_VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows],
              sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def run(doc: Doc, **actors: tuple[str, ...]) -> list[dict]:
    """The events of ``doc``, with actors given as name=(country, word, word ...): every occurrence of each word
    is a mention."""
    records = []
    for n, (name, (country, *words)) in enumerate(actors.items(), 1):
        mentions = [(t.idx, t.idx + len(t.text)) for t in doc if t.text in words]
        records.append(Actor(id=f"a{n}", name=name, type="country", country=country, mentions=mentions))
    ctx = Context(article=Article(id="t", text=doc.text), doc=doc, actors=records,
                  published=Published("2024-11-28", "given", 1.0))
    names = {a.id: a.name for a in ctx.actors}
    return [{"word": doc.text[e.trigger[0]:e.trigger[1]], "cameo": e.cameo, "plover": e.plover,
             "modality": e.modality, "source": [names[s] for s in e.source],
             "target": [names[t] for t in e.target], "confidence": e.confidence, "date": e.date}
            for e in extract(ctx)]


ATTACKED_BY = [  # Kiev was attacked by Russia .
    ("Kiev", 2, "nsubjpass", "PROPN", "NNP", "Kiev"), ("was", 2, "auxpass", "AUX", "VBD", "be"),
    ("attacked", 2, "ROOT", "VERB", "VBN", "attack"), ("by", 2, "agent", "ADP", "IN", "by"),
    ("Russia", 3, "pobj", "PROPN", "NNP", "Russia"), (".", 2, "punct", "PUNCT", ".", "."),
]


def test_passive_voice_agent_is_the_source():
    (event,) = run(parse(ATTACKED_BY), Russia=("RUS", "Russia"), Ukraine=("UKR", "Kiev"))
    assert event["word"] == "attacked" and event["cameo"][:2] == "19" and event["plover"] == "ASSAULT"
    assert event["source"] == ["Russia"] and event["target"] == ["Ukraine"]
    assert event["modality"] == "asserted"
    assert event["date"].value == "2024-11-28" and event["date"].origin == "published"


DID_NOT_ATTACK = [  # Israel did not attack Iran .
    ("Israel", 3, "nsubj", "PROPN", "NNP", "Israel"), ("did", 3, "aux", "AUX", "VBD", "do"),
    ("not", 3, "neg", "PART", "RB", "not"), ("attack", 3, "ROOT", "VERB", "VB", "attack"),
    ("Iran", 3, "dobj", "PROPN", "NNP", "Iran"), (".", 3, "punct", "PUNCT", ".", "."),
]


def test_negation():
    (event,) = run(parse(DID_NOT_ATTACK), Israel=("ISR", "Israel"), Iran=("IRN", "Iran"))
    assert event["modality"] == "negated" and event["cameo"][:2] == "19"
    assert (event["source"], event["target"]) == (["Israel"], ["Iran"])


def test_an_asserted_attack_is_more_confident_than_a_negated_one():
    asserted = [r if r[0] != "not" else ("also", 3, "advmod", "ADV", "RB", "also") for r in DID_NOT_ATTACK]
    (yes,) = run(parse(asserted), Israel=("ISR", "Israel"), Iran=("IRN", "Iran"))
    (no,) = run(parse(DID_NOT_ATTACK), Israel=("ISR", "Israel"), Iran=("IRN", "Iran"))
    assert yes["modality"] == "asserted" and yes["confidence"] > no["confidence"]


CALLED_ON = [  # Sybiha called on NATO to invite Ukraine .
    ("Sybiha", 1, "nsubj", "PROPN", "NNP", "Sybiha"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
    ("on", 1, "prep", "ADP", "IN", "on"), ("NATO", 2, "pobj", "PROPN", "NNP", "NATO"),
    ("to", 5, "aux", "PART", "TO", "to"), ("invite", 1, "xcomp", "VERB", "VB", "invite"),
    ("Ukraine", 5, "dobj", "PROPN", "NNP", "Ukraine"), (".", 1, "punct", "PUNCT", ".", "."),
]


def test_called_on_to_is_an_appeal_to_the_one_called_on():
    (event,) = run(parse(CALLED_ON), Sybiha=("UKR", "Sybiha"), NATO=(None, "NATO"), Ukraine=("UKR", "Ukraine"))
    assert event["word"] == "called" and event["cameo"][:2] == "02" and event["plover"] is None
    assert event["modality"] == "asserted"
    assert (event["source"], event["target"]) == (["Sybiha"], ["NATO"])


THREATENED = [  # Putin threatened to launch missiles at Kiev .
    ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"), ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
    ("to", 3, "aux", "PART", "TO", "to"), ("launch", 1, "xcomp", "VERB", "VB", "launch"),
    ("missiles", 3, "dobj", "NOUN", "NNS", "missile"), ("at", 3, "prep", "ADP", "IN", "at"),
    ("Kiev", 5, "pobj", "PROPN", "NNP", "Kiev"), (".", 1, "punct", "PUNCT", ".", "."),
]


def test_threat_to_attack_is_a_threat_of_force_and_asserted():
    (event,) = run(parse(THREATENED), Putin=("RUS", "Putin"), Ukraine=("UKR", "Kiev"))
    assert event["word"] == "threatened to launch"
    assert event["cameo"].startswith("138") and event["plover"] == "THREATEN"
    assert event["modality"] == "asserted"
    assert (event["source"], event["target"]) == (["Putin"], ["Ukraine"])  # the missiles are not the target


ATTACKS_ON = [  # Kiev 's attacks on Russia worried observers .
    ("Kiev", 2, "poss", "PROPN", "NNP", "Kiev"), ("'s", 0, "case", "PART", "POS", "'s"),
    ("attacks", 5, "nsubj", "NOUN", "NNS", "attack"), ("on", 2, "prep", "ADP", "IN", "on"),
    ("Russia", 3, "pobj", "PROPN", "NNP", "Russia"), ("worried", 5, "ROOT", "VERB", "VBD", "worry"),
    ("observers", 5, "dobj", "NOUN", "NNS", "observer"), (".", 5, "punct", "PUNCT", ".", "."),
]


def test_nominal_event_takes_its_possessor_and_its_on_phrase():
    events = run(parse(ATTACKS_ON), Ukraine=("UKR", "Kiev"), Russia=("RUS", "Russia"))
    (attack,) = [e for e in events if e["word"] == "attacks"]
    assert attack["cameo"][:2] == "19" and (attack["source"], attack["target"]) == (["Ukraine"], ["Russia"])


def test_nominal_event_with_no_actor_is_not_reported():
    assert run(parse(ATTACKS_ON)) == []


OCCURRED = [  # The shooting occurred near Hebron .
    ("The", 1, "det", "DET", "DT", "the"), ("shooting", 2, "nsubj", "NOUN", "NN", "shooting"),
    ("occurred", 2, "ROOT", "VERB", "VBD", "occur"), ("near", 2, "prep", "ADP", "IN", "near"),
    ("Hebron", 3, "pobj", "PROPN", "NNP", "Hebron"), (".", 2, "punct", "PUNCT", ".", "."),
]


def test_event_noun_that_occurred_is_reported_by_its_verb():
    (event,) = run(parse(OCCURRED))
    assert event["word"] == "occurred" and event["cameo"][:2] == "19" and event["source"] == []


HUNGARIAN_AND_ROMANIAN = [  # Hungarian and Romanian officials met .
    ("Hungarian", 3, "amod", "ADJ", "JJ", "hungarian"), ("and", 0, "cc", "CCONJ", "CC", "and"),
    ("Romanian", 0, "conj", "ADJ", "JJ", "romanian"), ("officials", 4, "nsubj", "NOUN", "NNS", "official"),
    ("met", 4, "ROOT", "VERB", "VBD", "meet"), (".", 4, "punct", "PUNCT", ".", "."),
]


def test_compound_actor_gives_both_sources():
    (event,) = run(parse(HUNGARIAN_AND_ROMANIAN), Hungary=("HUN", "Hungarian"), Romania=("ROU", "Romanian"))
    assert event["cameo"][:2] == "04" and event["source"] == ["Hungary", "Romania"]


def test_verbal_act_with_no_actor_is_dropped_but_violence_is_kept():
    assert run(parse(HUNGARIAN_AND_ROMANIAN)) == []  # somebody met: no event
    (event,) = run(parse(ATTACKED_BY))  # somebody attacked somebody: still news
    assert event["cameo"][:2] == "19" and event["source"] == [] and event["target"] == []


FIRED_IN_JERICHO = [  # Israeli tanks fired at targets in Jericho .
    ("Israeli", 1, "amod", "ADJ", "JJ", "israeli"), ("tanks", 2, "nsubj", "NOUN", "NNS", "tank"),
    ("fired", 2, "ROOT", "VERB", "VBD", "fire"), ("at", 2, "prep", "ADP", "IN", "at"),
    ("targets", 3, "pobj", "NOUN", "NNS", "target"), ("in", 2, "prep", "ADP", "IN", "in"),
    ("Jericho", 5, "pobj", "PROPN", "NNP", "Jericho"), (".", 2, "punct", "PUNCT", ".", "."),
]


def test_target_left_implicit_is_the_country_where_it_happened():
    from eventwire.records import Place

    doc = parse(FIRED_IN_JERICHO)
    start = doc.text.index("Jericho")
    israel = Actor(id="a1", name="Israel", type="country", country="ISR", mentions=[(0, 7)])
    ctx = Context(article=Article(id="t", text=doc.text), doc=doc, actors=[israel],
                  places=[Place(id="p1", text="Jericho", span=(start, start + 7), country="PS", lat=31.87, lon=35.44)],
                  published=Published("2024-11-28", "given", 1.0))
    (event,) = extract(ctx)
    assert event.source == ["a1"] and event.cameo[:2] == "19"
    (added,) = [a for a in ctx.actors if a.id in event.target]
    assert added.country == "PSE" and added.type == "country" and added.id not in ("a1",)
    assert added.mentions == [(start, start + 7)]
    fired_at = [  # Israeli tanks fired at Jericho .
        ("Israeli", 1, "amod", "ADJ", "JJ", "israeli"), ("tanks", 2, "nsubj", "NOUN", "NNS", "tank"),
        ("fired", 2, "ROOT", "VERB", "VBD", "fire"), ("at", 2, "prep", "ADP", "IN", "at"),
        ("Jericho", 3, "pobj", "PROPN", "NNP", "Jericho"), (".", 2, "punct", "PUNCT", ".", "."),
    ]
    (named,) = run(parse(fired_at), Israel=("ISR", "Israeli"), Palestine=("PSE", "Jericho"))
    assert named["target"] == ["Palestine"]
    assert named["confidence"] > event.confidence  # an implicit target is less sure than a named one
