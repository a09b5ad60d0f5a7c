"""The pipeline's own behaviour: batching, long texts in pieces, truncation, language identification."""
from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.extract import STAGES, Stage, check_order
from eventwire.nlp import pieces
from eventwire.pipeline import Pipeline, truncate
from eventwire.records import Article, InputError


def test_pieces_join_back_to_the_text():
    text = ("A sentence about talks. " * 30 + "\n") * 40
    parts = pieces(text, 500)
    assert "".join(parts) == text
    assert all(len(p) <= 500 for p in parts)
    assert all(p[-1].isspace() for p in parts[:-1])


def test_pieces_without_any_space():
    text = "x" * 1234
    parts = pieces(text, 100)
    assert "".join(parts) == text and max(map(len, parts)) <= 100


def test_truncate_at_paragraph_end():
    text = "First paragraph here.\n" * 10
    cut = truncate(text, 100)
    assert len(cut) <= 100 and cut.endswith("here.") and text.startswith(cut)


def test_stage_order_is_checked():
    check_order(STAGES)
    events_first = (Stage("events", lambda ctx: [], ("actors",), "events"),) + STAGES
    with pytest.raises(ValueError, match="reads \\['actors'\\]"):
        check_order(events_first)


@pytest.mark.model
def test_long_text_parsed_in_pieces_keeps_offsets():
    paragraph = "Police in Lagos arrested three protesters on Monday, officials said.\n"
    text = paragraph * 200
    pipeline = Pipeline(Settings(chunk_chars=1000))
    (doc,) = list(pipeline.run([Article(id="long", text=text)]))
    assert doc.text == text
    assert len(doc.sentences) == 200
    for start, end in doc.sentences:
        assert text[start:end].strip() == paragraph.strip()


@pytest.mark.model
def test_too_long_text_truncated_with_warning():
    text = "The army shelled the town. " * 100
    pipeline = Pipeline(Settings(max_chars=500))
    (doc,) = list(pipeline.run([Article(id="huge", text=text)]))
    assert len(doc.text) <= 500
    assert any(w.code == "truncated" and "2,700" in w.message for w in doc.warnings)


@pytest.mark.model
def test_non_english_article_keeps_text_language_and_date_without_extraction(pipeline):
    text = ("Die Bundesregierung hat am Montag in Berlin beschlossen, die Hilfe für die Ukraine auszuweiten. "
            "Der Kanzler sagte, man werde weitere Luftabwehrsysteme liefern.")
    (doc,) = list(pipeline.run([Article(id="de", text=text, published="2024-11-25", published_origin="given")]))
    record = doc.to_dict()
    assert record["language"] == "de"
    assert record["text"] == text
    assert record["published"]["value"] == "2024-11-25"
    assert record["events"] == [] and record["sentences"] == []
    assert any(w["code"] == "not_english" for w in record["warnings"])


@pytest.mark.model
def test_errors_keep_their_place_in_order(pipeline):
    items = [Article(id="1", text="Troops entered the city."), InputError(id="2", code="empty", message="x: empty"),
             Article(id="3", text="The minister resigned on Friday.")]
    results = list(pipeline.run(items))
    assert [r.id for r in results] == ["1", "2", "3"]
    assert isinstance(results[1], InputError)


@pytest.mark.model
def test_a_quotation_mark_glued_to_the_cue_is_split_off(pipeline):
    from eventwire.pipeline import extract_text

    words = [t.text for t in pipeline.nlp.tokenizer('Zelensky said,“Look at the map.” Then:"We wait."')]
    assert words[:5] == ["Zelensky", "said", ",", "“", "Look"]
    assert words[-7:] == ["Then", ":", '"', "We", "wait", ".", '"']
    assert [t.text for t in pipeline.nlp.tokenizer('the U.S." he said')][:2] == ["the", "U.S."]
    document = extract_text('President Zelensky said,“We will not give up our land.”', published="2024-11-29",
                            pipeline=pipeline)
    (quote,) = document.quotes
    speaker = next(a for a in document.actors if a.id == quote.speaker)
    assert "give up our land" in quote.text and speaker.name == "Volodymyr Zelensky"
