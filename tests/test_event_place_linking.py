"""The event-place linking model (eventwire/extract/places/linking.py) weighing the sentence's places on real parses,
and its features on hand-built ones."""
from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from eventwire.extract.context import Context
from eventwire.extract.places import event_place, linking, location
from eventwire.records import Article, Place


def _place_of(pipeline, text: str, verb: str) -> str | None:
    from eventwire.extract import actors
    from eventwire.extract.places import extract as places

    doc = pipeline.nlp(text)
    ctx = Context(article=Article(id="t", text=text), doc=doc)
    ctx.actors = actors.extract(ctx)
    ctx.places = places(ctx)
    trigger = next(t for t in doc if t.text == verb)
    found = event_place(ctx, trigger)
    return next(p.text for p in ctx.places if p.id == found) if found else None


def test_the_model_is_installed_with_its_choice_of_none():
    model = linking.model()
    assert model is not None
    assert model.weights["rule"] > 0  # the structural reading is the strongest single sign
    assert model.none_weights and -2.0 <= model.offset <= 2.0
    # a statement is less often placed than a killing: "none" weighs more against "said"
    assert model.none_weights.get("lemma=say", 0.0) > model.none_weights.get("lemma=kill", 0.0)


def test_the_places_compete_with_each_other_and_with_none():
    model = linking.Model({"rule": 2.0, "prep_in": 1.0}, {"bias": 1.5}, 0.0)
    # one candidate alone: it must beat "none"
    assert model.choose([{"bias": 1.0, "rule": 1.0}]) == 0
    assert model.choose([{"bias": 1.0, "prep_in": 1.0}]) is None
    # several: the highest wins, and "none" still when it beats them all
    assert model.choose([{"bias": 1.0, "prep_in": 1.0}, {"bias": 1.0, "rule": 1.0, "prep_in": 1.0}]) == 1
    assert linking.Model({"rule": 2.0}, {"bias": 1.5}, 1.0).choose([{"bias": 1.0, "rule": 1.0}]) is None
    assert model.choose([]) is None
    # "none" reads only the event word's features, never the place's
    assert linking.event_features({"bias": 1.0, "lemma=kill": 1.0, "rule": 1.0, "down=prep:in": 1.0}) == {
        "bias": 1.0, "lemma=kill": 1.0}


def test_features_describe_the_path_from_the_event_word_to_the_place():
    words = ["Rebels", "attacked", "a", "base", "in", "the", "Zafaraniya", "district", "near", "Baghdad", "."]
    doc = Doc(English().vocab, words=words, heads=[1, 1, 3, 1, 3, 7, 7, 4, 7, 8, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "compound", "pobj", "prep", "pobj", "punct"],
              pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "PROPN", "NOUN", "ADP", "PROPN", "PUNCT"],
              sent_starts=[True] + [False] * 10)
    ctx = Context(article=Article(id="t", text=doc.text), doc=doc)
    for i, pid in ((6, "p1"), (9, "p2")):
        ctx.places.append(Place(pid, doc[i].text, (doc[i].idx, doc[i].idx + len(doc[i].text)), feature="PPL"))
    features = {p.text: f for p, f in location.candidates(ctx, doc[1])}
    district, city = features["Zafaraniya"], features["Baghdad"]
    assert district["down=dobj>prep:in>pobj>compound"] == 1.0
    assert district["modifies=place>place"] == 1.0  # a name of the district, not of a thing
    assert city["last_prep=prep:near"] == 1.0
    assert "modifies=place>place" not in city
    # the event word, alone and with the first steps of the path and its first preposition
    doc[1].lemma_ = "attack"
    features = {p.text: f for p, f in location.candidates(ctx, doc[1])}
    district, city = features["Zafaraniya"], features["Baghdad"]
    lemma = "attack"
    assert district["lemma=attack"] == 1.0
    assert district[f"lemma_prep={lemma}|prep:in"] == 1.0 and city[f"lemma_prep={lemma}|prep:in"] == 1.0
    assert district[f"lemma_up={lemma}|"] == 1.0  # the place hangs under the event word itself
    assert district[f"lemma_down={lemma}|dobj"] == 1.0


def _features_of(pipeline, text: str, verb: str) -> dict[str, dict[str, float]]:
    """The linking features of each place of ``text`` for the event word ``verb``, by the place's text."""
    from eventwire.extract.places import extract as places

    doc = pipeline.nlp(text)
    ctx = Context(article=Article(id="t", text=text), doc=doc)
    ctx.places = places(ctx)
    trigger = next(t for t in doc if t.text == verb)
    return {p.text: f for p, f in location.candidates(ctx, trigger)}


@pytest.mark.model
def test_a_country_inside_an_organisations_name_is_marked_so_whatever_the_model_tags(pipeline):
    text = "Jets struck the Islamic State of Iraq and Al-Sham's positions near Palmyra on Tuesday."
    features = _features_of(pipeline, text, "struck")
    assert features["Iraq"]["in_name"] == 1.0 and features["Al-Sham"]["in_name"] == 1.0
    text = "Protesters marched in the Old City of Jerusalem on Friday."
    assert _features_of(pipeline, text, "marched")["Jerusalem"]["in_name"] == 0.0  # a part of the place


@pytest.mark.model
def test_a_phrase_of_time_on_the_way_to_the_place_is_skipped(pipeline):
    text = "Saddam is captured at 8:30 p.m. in the town of Adwar, south of Tikrit."
    features = _features_of(pipeline, text, "captured")
    # the parse hangs "in the town" on "8:30 p.m."; the path to Adwar reads as if it hung on "captured"
    assert features["Adwar"]["first_prep=prep:in"] == 1.0
    assert "first_prep=prep:at" not in features["Adwar"]
    assert _place_of(pipeline, text, "captured") == "Adwar"


@pytest.mark.model
def test_a_place_parsed_onto_the_date_beside_it_still_places_the_event(pipeline):
    # the parser makes "Hong Kong" a compound of "Sunday": it modifies a date, not a thing ("a US airstrike")
    text = "Thousands of people marched through the streets of central Hong Kong Sunday to demand their release."
    assert _place_of(pipeline, text, "marched") == "central Hong Kong"


@pytest.mark.model
def test_a_place_that_owns_or_names_a_street_or_a_site_is_its_setting(pipeline):
    text = "Protesters marched down Tbilisi's central Rustaveli Avenue. Police fired at the Kandahar airport."
    for verb, name in (("marched", "Tbilisi"), ("fired", "Kandahar")):
        features = _features_of(pipeline, text, verb)
        assert features[name]["modifies=place>place"] == 1.0, name  # not a thing the place owns ("Kiev's efforts")


@pytest.mark.model
def test_a_statement_is_placed_by_its_own_phrase_of_place_or_its_speakers(pipeline):
    from eventwire.pipeline import extract_text

    def place_of_event(text, verb):
        doc = extract_text(text, published="2024-11-29", pipeline=pipeline)
        (event,) = [e for e in doc.events if doc.text[e.trigger[0]:e.trigger[1]] == verb]
        return next((p.text for p in doc.places if p.id == event.place), None)

    assert place_of_event("The mayor of London, Sadiq Khan, thanked the police for their response.", "thanked") is None
    assert place_of_event("Hospital officials in Omsk said no traces of poison were found.", "said") == "Omsk"
    assert place_of_event("President Ghani told reporters in Kabul that the results were final.", "told") == "Kabul"
    # a violent event keeps the model's choice
    assert place_of_event("Gunmen from the hills killed four villagers in Konduga on Sunday.", "killed") == "Konduga"


def test_a_source_batch_that_leaves_out_the_places_of_its_own_phrases_is_left_out_of_the_fit():
    from bench.event_place_linking import fit, inconsistent_sources

    own = {"bias": 1.0, "rule": 1.0, "path=|prep:in>pobj": 1.0}  # "killed in the city of Raqqa"
    subject = {"bias": 1.0, "path=|nsubj": 1.0}  # "Kiev said"
    rows = ([{"id": f"a{i}", "source": "A", "located": True, "candidates": [(own, True)]} for i in range(60)]
            + [{"id": f"s{i}", "source": "A", "located": False, "candidates": [(subject, False)]} for i in range(60)]
            + [{"id": f"b{i}", "source": "B", "located": False, "candidates": [(own, False)]} for i in range(60)])
    assert inconsistent_sources(rows) == {"B"}  # B's annotators never give the place its own phrase names
    fitted = fit(rows)
    assert fitted == fit([r for r in rows if r["source"] != "B"])
    model = linking.Model(fitted["weights"], fitted["none_weights"], fitted["offset"])
    assert model.choose([own]) == 0 and model.choose([subject]) is None


def test_another_linking_model_can_be_given_and_a_missing_one_is_refused(tmp_path, pipeline):
    from eventwire.config import Settings
    from eventwire.errors import UsageError
    from eventwire.pipeline import Pipeline

    assert Settings.from_env({"EVENTWIRE_EVENT_PLACE_MODEL": "/x/m.json"}).event_place_model == "/x/m.json"
    with pytest.raises(UsageError, match="no such file"):
        Pipeline(Settings(event_place_model=str(tmp_path / "missing.json")))
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError, match="not a linking model"):
        Pipeline(Settings(event_place_model=str(broken)))
    # a model that never trusts a place: the event gets none
    never = tmp_path / "never.json"
    never.write_text('{"weights": {"rule": 1.0}, "none_weights": {"bias": 50.0}, "offset": 0.0}', encoding="utf-8")
    text = "Russia attacked the Yuzhmash enterprise in Dnipro."
    doc = pipeline.nlp(text)
    ctx = Context(article=Article(id="t", text=text), doc=doc, settings=Settings(event_place_model=str(never)))
    from eventwire.extract.places import extract as places
    ctx.places = places(ctx)
    trigger = next(t for t in doc if t.text == "attacked")
    assert event_place(ctx, trigger) is None
    assert _place_of(pipeline, text, "attacked") == "Dnipro"  # the installed model places it


@pytest.mark.model
@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("Gunmen killed four villagers in the town of Konduga on Sunday, officials in Maiduguri said.",
     "killed", "Konduga"),
    ("Two soldiers were wounded when a roadside bomb exploded near Kandahar.", "wounded", "Kandahar"),
    ("Police in Nairobi arrested three men suspected of planning attacks.", "arrested", "Nairobi"),
    ("Two leaders were killed in a US airstrike.", "killed", None),
    ("A Yemeni fisherman from Aden was shot by coastguards.", "shot", None),  # where the victim is from
    ("U.N. helicopters evacuated the wounded from the besieged Bosnian town of Gorazde.", "evacuated", "Gorazde"),
    ("The letter to NATO's diplomatic mission reflects Kiev's new efforts to secure an invitation to join NATO.",
     "secure", None),
])
def test_the_event_is_placed_where_it_happened(pipeline, text, verb, expected):
    assert _place_of(pipeline, text, verb) == expected
