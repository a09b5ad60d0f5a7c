"""The quotes stage on hand-built parses (no model): reported speech in both orders, "according to", speakers."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.extract.context import Context
from eventwire.extract.quotes import extract
from eventwire.records import Actor, Article

_VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, int, str, str, str, str]], ents: list[str] | None = None,
          spaces: list[bool] | None = None) -> Doc:
    """A Doc from rows of (word, head index, dep, POS, tag, lemma)."""
    words = [r[0] for r in rows]
    if spaces is None:
        spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",", "\u201d") and words[i] != "\u201c"
                  for i in range(len(words))]
    return Doc(_VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows],
               ents=ents or ["O"] * len(words))


def context(doc: Doc, actors: list[Actor] | None = None) -> Context:
    return Context(article=Article(id="t", text=doc.text), doc=doc, actors=list(actors or []))


SAID_THAT = [
    ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("that", 5, "mark", "SCONJ", "IN", "that"), ("taxes", 5, "nsubj", "NOUN", "NNS", "tax"),
    ("will", 5, "aux", "AUX", "MD", "will"), ("rise", 1, "ccomp", "VERB", "VB", "rise"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_reported_clause_after_the_cue():
    doc = parse(SAID_THAT, ents=["B-PERSON"] + ["O"] * 6)
    ctx = context(doc)
    (quote,) = extract(ctx)
    assert quote.kind == "indirect"
    assert quote.text == "taxes will rise"
    assert quote.cue == "said" and doc.text[slice(*quote.cue_span)] == "said"
    assert doc.text[slice(*quote.speaker_span)] == "Smith"
    speaker = next(a for a in ctx.actors if a.id == quote.speaker)
    assert speaker.name == "Smith" and speaker.type == "person"


def test_speaker_found_through_the_actors_stage_first():
    doc = parse(SAID_THAT, ents=["B-PERSON"] + ["O"] * 6)
    known = Actor("a7", "John Smith", "person", mentions=[(0, 5)])
    ctx = context(doc, [known])
    (quote,) = extract(ctx)
    assert quote.speaker == "a7"
    assert ctx.actors == [known]  # no new actor made for a speaker the actors stage knows


def test_reported_clause_before_the_cue():
    doc = parse([
        ("Taxes", 2, "nsubj", "NOUN", "NNS", "tax"), ("will", 2, "aux", "AUX", "MD", "will"),
        ("rise", 5, "ccomp", "VERB", "VB", "rise"), (",", 5, "punct", "PUNCT", ",", ","),
        ("Smith", 5, "nsubj", "PROPN", "NNP", "Smith"), ("said", 5, "ROOT", "VERB", "VBD", "say"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ], ents=["O"] * 4 + ["B-PERSON", "O", "O"])
    (quote,) = extract(context(doc))
    assert quote.text == "Taxes will rise"
    assert doc.text[slice(*quote.speaker_span)] == "Smith"


def test_according_to_with_an_anonymous_source_gets_an_actor_of_its_own():
    doc = parse([
        ("According", 6, "prep", "VERB", "VBG", "accord"), ("to", 0, "prep", "ADP", "IN", "to"),
        ("officials", 1, "pobj", "NOUN", "NNS", "official"), (",", 6, "punct", "PUNCT", ",", ","),
        ("the", 5, "det", "DET", "DT", "the"), ("talks", 6, "nsubj", "NOUN", "NNS", "talk"),
        ("failed", 6, "ROOT", "VERB", "VBD", "fail"), (".", 6, "punct", "PUNCT", ".", "."),
    ])
    named = Actor("a1", "Smith", "person", mentions=[(100, 105)])
    ctx = context(doc, [named])
    (quote,) = extract(ctx)
    assert quote.cue == "According to"
    assert quote.text == "the talks failed"
    speaker = next(a for a in ctx.actors if a.id == quote.speaker)
    assert speaker is not named and speaker.name == "officials" and speaker.type == "group"
    assert speaker.id == "a2"


def test_pronoun_speaker_resolved_to_the_earlier_person():
    doc = parse([
        ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("arrived", 1, "ROOT", "VERB", "VBD", "arrive"),
        (".", 1, "punct", "PUNCT", ".", "."),
        ("NATO", 4, "nsubj", "PROPN", "NNP", "NATO"), ("met", 4, "ROOT", "VERB", "VBD", "meet"),
        (".", 4, "punct", "PUNCT", ".", "."),
        ("He", 7, "nsubj", "PRON", "PRP", "he"), ("said", 7, "ROOT", "VERB", "VBD", "say"),
        ("prices", 9, "nsubj", "NOUN", "NNS", "price"), ("rose", 7, "ccomp", "VERB", "VBD", "rise"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ], ents=["B-PERSON", "O", "O", "B-ORG"] + ["O"] * 7)
    ctx = context(doc)
    (quote,) = extract(ctx)
    assert doc.text[slice(*quote.speaker_span)] == "He"
    assert next(a for a in ctx.actors if a.id == quote.speaker).name == "Smith"


def test_a_participle_modifying_a_noun_is_no_cue_but_a_finite_verb_is():
    rows = [
        ("The", 1, "det", "DET", "DT", "the"), ("ads", 4, "nsubj", "NOUN", "NNS", "ad"),
        ("attacking", 1, "acl", "VERB", "VBG", "attack"), ("Cruz", 2, "dobj", "PROPN", "NNP", "Cruz"),
        ("aired", 4, "ROOT", "VERB", "VBD", "air"), (".", 4, "punct", "PUNCT", ".", "."),
    ]
    assert extract(context(parse(rows))) == []
    finite = [
        ("Trump", 1, "nsubj", "PROPN", "NNP", "Trump"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
        ("Cruz", 1, "dobj", "PROPN", "NNP", "Cruz"), (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (quote,) = extract(context(parse(finite)))
    assert quote.text == "Cruz" and quote.cue == "attacked"


def test_a_participle_of_saying_that_ends_a_reported_clause_is_a_second_statement():
    doc = parse([
        ("Trump", 1, "nsubj", "PROPN", "NNP", "Trump"), ("insisted", 1, "ROOT", "VERB", "VBD", "insist"),
        ("that", 4, "mark", "SCONJ", "IN", "that"), ("he", 4, "nsubj", "PRON", "PRP", "he"),
        ("won", 1, "ccomp", "VERB", "VBD", "win"), (",", 4, "punct", "PUNCT", ",", ","),
        ("claiming", 4, "advcl", "VERB", "VBG", "claim"), ("that", 9, "mark", "SCONJ", "IN", "that"),
        ("turnout", 9, "nsubj", "NOUN", "NN", "turnout"), ("rose", 6, "ccomp", "VERB", "VBD", "rise"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ], ents=["B-PERSON"] + ["O"] * 10)
    ctx = context(doc)
    insisted, claiming = extract(ctx)
    assert (insisted.cue, insisted.text) == ("insisted", "he won")
    assert (claiming.cue, claiming.text) == ("claiming", "turnout rose")
    # the participle's speaker is the one of the clause it follows, not the subject inside that clause
    assert doc.text[slice(*claiming.speaker_span)] == "Trump" and claiming.speaker == insisted.speaker


def test_what_completes_an_object_belongs_to_the_content_up_to_a_comma():
    doc = parse([
        ("Trump", 1, "nsubj", "PROPN", "NNP", "Trump"), ("blamed", 1, "ROOT", "VERB", "VBD", "blame"),
        ("the", 3, "det", "DET", "DT", "the"), ("violence", 1, "dobj", "NOUN", "NN", "violence"),
        ("on", 1, "prep", "ADP", "IN", "on"), ("a", 6, "det", "DET", "DT", "a"),
        ("man", 4, "pobj", "NOUN", "NN", "man"), (",", 1, "punct", "PUNCT", ",", ","),
        ("before", 9, "mark", "SCONJ", "IN", "before"), ("leaving", 1, "advcl", "VERB", "VBG", "leave"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    (quote,) = extract(context(doc))
    assert quote.text == "the violence on a man"


def test_a_cue_under_a_modal_or_a_perception_reports_nothing():
    modal = parse([
        ("Voters", 2, "nsubj", "NOUN", "NNS", "voter"), ("might", 2, "aux", "AUX", "MD", "might"),
        ("think", 2, "ROOT", "VERB", "VB", "think"), ("taxes", 4, "nsubj", "NOUN", "NNS", "tax"),
        ("rose", 2, "ccomp", "VERB", "VBD", "rise"), (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert extract(context(modal)) == []
    seen = parse([
        ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("saw", 1, "ROOT", "VERB", "VBD", "see"),
        ("Jones", 3, "nsubj", "PROPN", "NNP", "Jones"), ("leave", 1, "ccomp", "VERB", "VB", "leave"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    assert extract(context(seen)) == []
    witnessed = parse([
        ("The", 1, "det", "DET", "DT", "the"), ("massacres", 2, "nsubj", "NOUN", "NNS", "massacre"),
        ("saw", 2, "ROOT", "VERB", "VBD", "see"), ("thousands", 4, "nsubj", "NOUN", "NNS", "thousand"),
        ("killed", 2, "ccomp", "VERB", "VBN", "kill"), (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert extract(context(witnessed)) == []
    # what one sees that is the case is still a belief reported
    understood = parse([
        ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("saw", 1, "ROOT", "VERB", "VBD", "see"),
        ("that", 5, "mark", "SCONJ", "IN", "that"), ("Jones", 5, "nsubj", "PROPN", "NNP", "Jones"),
        ("could", 5, "aux", "AUX", "MD", "could"), ("win", 1, "ccomp", "VERB", "VB", "win"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    (quote,) = extract(context(understood))
    assert quote.text == "Jones could win"


def test_an_imperative_to_the_reader_is_no_attribution():
    doc = parse([
        ("Remember", 0, "ROOT", "VERB", "VB", "remember"), ("that", 3, "mark", "SCONJ", "IN", "that"),
        ("prices", 3, "nsubj", "NOUN", "NNS", "price"), ("rose", 0, "ccomp", "VERB", "VBD", "rise"),
        (".", 0, "punct", "PUNCT", ".", "."),
    ])
    assert extract(context(doc)) == []


def test_a_conjoined_verb_of_intent_stays_in_the_content_but_one_of_saying_or_naming_is_a_second_statement():
    rows = [
        ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("says", 1, "ROOT", "VERB", "VBZ", "say"),
        ("he", 3, "nsubj", "PRON", "PRP", "he"), ("is", 1, "ccomp", "AUX", "VBZ", "be"),
        ("proud", 3, "acomp", "ADJ", "JJ", "proud"), ("and", 3, "cc", "CCONJ", "CC", "and"),
        ("expects", 3, "conj", "VERB", "VBZ", "expect"), ("to", 8, "aux", "PART", "TO", "to"),
        ("win", 6, "xcomp", "VERB", "VB", "win"), (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (quote,) = extract(context(parse(rows)))
    assert quote.text == "he is proud and expects to win"
    said = [r if r[0] != "expects" else ("denies", 3, "conj", "VERB", "VBZ", "deny") for r in rows]
    said[7] = ("the", 8, "det", "DET", "DT", "the")
    said[8] = ("report", 6, "dobj", "NOUN", "NN", "report")
    first, second = extract(context(parse(said)))
    assert first.text == "he is proud" and (second.cue, second.text) == ("denies", "the report")


def test_that_said_is_a_linking_phrase_not_a_report():
    doc = parse([
        ("That", 1, "nsubj", "PRON", "DT", "that"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
        (",", 4, "punct", "PUNCT", ",", ","), ("prices", 4, "nsubj", "NOUN", "NNS", "price"),
        ("rose", 1, "ccomp", "VERB", "VBD", "rise"), (".", 1, "punct", "PUNCT", ".", "."),
    ])
    assert extract(context(doc)) == []
