"""Language identification: the model, and the English function words that overrule it."""
from __future__ import annotations

from eventwire.ingest.language import identify, surely_english

ENGLISH = ("The minister said on Monday that the talks with the rebels would resume in Geneva, and that he was "
           "hopeful of an agreement before the end of the year.")
GERMAN = ("Der Minister sagte am Montag, dass die Gespräche mit den Rebellen in Genf fortgesetzt würden und dass er "
          "vor Jahresende auf eine Einigung hoffe.")


def test_english_text_is_surely_english_and_identified_as_english():
    assert surely_english(ENGLISH)
    assert identify(ENGLISH)[0] == "en"


def test_other_languages_and_blank_texts_need_the_model():
    assert not surely_english(GERMAN)
    assert identify(GERMAN)[0] == "de"
    assert not surely_english("   \n ")
    assert identify("   \n ") == ("und", 0.0)


def test_a_text_surely_english_is_english_even_where_the_model_says_otherwise():
    from eventwire.ingest.language import _identifier

    text = "Zelenskyy and Sybiha in Kyiv"  # names, and English function words: the words decide
    assert _identifier().classify(text)[0] != "en"
    assert surely_english(text)
    assert identify(text)[0] == "en"


def test_a_short_english_sentence_of_names_is_english_where_the_model_only_guesses():
    from eventwire.ingest.language import identify

    assert identify("Ukrainian Foreign Minister Andrii Sybiha met reporters.")[0] == "en"  # the model: 'et', p=0.08
    assert identify("Rebels seized Goma.")[0] == "en"
    assert identify("Die Regierung hat das Gesetz verabschiedet.")[0] == "de"  # a short text it is sure of
    assert identify("El gobierno aprobó la ley ayer.")[0] == "es"
