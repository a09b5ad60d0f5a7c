"""The actor tables and the rules that need no model: dates of office, codes, dictionary matching, capitals as
governments (on hand-built parses)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.extract.actors import matching, tables
from eventwire.extract.actors.syntax import capital_is_government, is_place_use
from eventwire.extract.actors.tables import country_of, sector_of, tokens_of


def _entity(name: str):
    table = tables.load()
    for term in table.index[tokens_of(name)[0]]:
        if term.entity is not None and term.tokens == tokens_of(name):
            return term.entity
    raise AssertionError(f"{name} is not in the tables")


def test_putin_by_date():
    putin = _entity("Vladimir Putin")
    assert putin.at(20241129) == ("RUSGOV", "President")
    assert putin.at(20100101) == ("RUSGOV", "Prime Minister")
    assert putin.at(20050101) == ("RUSGOV", "President")  # from the reference dictionaries (CountryInfo)


def test_leader_out_of_office_is_an_elite_of_the_country():
    yeltsin = _entity("Boris Yeltsin")
    code, role = yeltsin.at(20050101)
    assert country_of(code) == "RUS" and sector_of(code) != "GOV" and role is None
    assert yeltsin.at(19950101)[0] == "RUSGOV"


def test_igo_and_group_codes():
    assert _entity("NATO").at(None)[0] == "IGOWSTNAT"
    assert country_of("IGOWSTNAT") is None and country_of("UKRGOV") == "UKR" and country_of("MNCUSA") == "USA"
    assert sector_of("UKRGOV") == "GOV" and sector_of("RUSGOVMIL") == "GOV" and sector_of("PSEREB") == "REB"
    assert sector_of("COP") == "COP" and sector_of("IGOWSTNAT") is None


def test_country_terms_know_names_adjectives_and_capitals():
    table = tables.load()
    kinds = {(t.kind, t.code) for t in table.index["kiev"] if t.tokens == ("kiev",)}
    assert ("capital", "UKR") in kinds
    assert ("adjective", "UKR") in {(t.kind, t.code) for t in table.index["ukrainian"] if len(t.tokens) == 1}
    assert table.countries["RUS"].name == "Russia"


def test_a_title_alone_is_not_a_dictionary_persons_name():
    table = tables.load()
    # the Phoenix dictionary files Lesotho's king under the one word QUEEN; a title alone names no one
    assert not any(t.entity is not None and t.entity.kind == "person" for t in table.index.get("queen", [])
                   if t.tokens == ("queen",))
    assert _entity("Vladimir Putin").kind == "person"  # names of people are kept


def test_terms_are_cut_like_spacy_cuts_names():
    assert tokens_of("al-Qaeda") == ("al", "-", "qaeda")
    assert tokens_of("U.S.") == ("u.s.",)
    assert tokens_of("People's Republic") == ("people", "'s", "republic")


def test_matching_wants_acronyms_in_capitals():
    vocab = spacy.blank("en").vocab
    table = tables.load()
    doc = Doc(vocab, words=["Let", "us", "see", "what", "the", "US", "and", "NATO", "say"])
    found = {(doc[m.start:m.end].text, m.first("country", "entity").kind) for m in matching.find(doc, table)}
    assert ("US", "country") in found and ("NATO", "entity") in found
    assert not any(text == "us" for text, _ in found)


def test_longest_name_wins():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["North", "Korea", "and", "South", "Korea", "talked"])
    codes = [m.first("country").code for m in matching.find(doc, tables.load())]
    assert codes == ["PRK", "KOR"]


def _parsed(words, heads, deps, pos=None):
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos or ["PROPN"] * len(words))


def test_capital_acting_is_its_government():
    # "Kiev has applied": the subject of an act
    doc = _parsed(["Kiev", "has", "applied"], [2, 2, 2], ["nsubj", "aux", "ROOT"], ["PROPN", "AUX", "VERB"])
    assert capital_is_government(doc[0])
    # "Moscow 's response": the owner of a response
    doc = _parsed(["Moscow", "'s", "response"], [2, 0, 2], ["poss", "case", "ROOT"], ["PROPN", "PART", "NOUN"])
    assert capital_is_government(doc[0])


def test_capital_as_target_or_place_is_the_city():
    # "could target Kiev": the object of an attack verb
    doc = _parsed(["missiles", "could", "target", "Kiev"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"],
                  ["NOUN", "AUX", "VERB", "PROPN"])
    doc[2].lemma_ = "target"
    assert not capital_is_government(doc[3])
    # "talks in Moscow"
    doc = _parsed(["talks", "in", "Moscow"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["NOUN", "ADP", "PROPN"])
    assert is_place_use(doc[2]) and not capital_is_government(doc[2])


def test_terms_by_size_keep_the_index_order_longest_first():
    from eventwire.extract.actors.tables import Tables, Term

    long_ = Term(("new", "york", "city"), "city")
    mid_a = Term(("new", "york"), "city")
    mid_b = Term(("new", "york"), "person")
    other = Term(("new", "zealand"), "country")
    tables = Tables(countries={}, index={"new": [long_, mid_a, other, mid_b]}, agents={}, core_agents={},
                    titles={}, title_words=frozenset())
    groups = tables.by_size("new")
    assert [size for size, _ in groups] == [3, 2]
    assert groups[1][1][("new", "york")] == [mid_a, mid_b]
    assert tables.by_size("old") == []
