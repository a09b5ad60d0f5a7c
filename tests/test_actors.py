"""The actors stage on hand-written sentences, one phenomenon each, and on the reference article."""
from __future__ import annotations

import pytest

from eventwire.extract import actors
from eventwire.extract.context import Context
from eventwire.records import Article, Published

pytestmark = pytest.mark.model


def found(nlp, text: str, published: str | None = None):
    ctx = Context(article=Article(id="t", text=text), doc=nlp(text))
    if published:
        ctx.published = Published(published, "given", 1.0)
    result = actors.extract(ctx)
    return result, text


def texts(actor, text):
    return [text[s:e] for s, e in actor.mentions]


def by_mention(result, text, words: str, nth: int = 0):
    """The actor holding the ``nth`` occurrence of ``words`` as (part of) a mention."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    for actor in result:
        if any(s <= start < e for s, e in actor.mentions):
            return actor
    return None


def test_title_before_a_name_gives_role_country_and_code(nlp):
    result, text = found(nlp, "Ukrainian Foreign Minister Andrii Sybiha met reporters in Brussels.")
    sybiha = by_mention(result, text, "Sybiha")
    assert (sybiha.type, sybiha.country, sybiha.role, sybiha.code) == ("person", "UKR", "Foreign Minister", "UKRGOV")
    assert texts(sybiha, text) == ["Andrii Sybiha"]


def test_longer_title_is_kept_whole(nlp):
    result, text = found(nlp, "Ukrainian Deputy Prime Minister Olga Stefanishyna said the letter was a signal.")
    person = by_mention(result, text, "Stefanishyna")
    assert "Deputy Prime Minister" in person.role and person.country == "UKR"


def test_apposition_gives_the_role(nlp):
    result, text = found(nlp, "Kaja Tamm, Estonia's defence minister, said on Tuesday that the exercise would go on.")
    person = by_mention(result, text, "Kaja Tamm")
    assert person.country == "EST" and person.role and "Defence Minister" in person.role


def test_leader_resolved_by_name_and_date(nlp):
    text = "Putin said the talks had failed."
    result, _ = found(nlp, text, "2024-06-01")
    putin = by_mention(result, text, "Putin")
    assert (putin.country, putin.role, putin.code) == ("RUS", "President", "RUSGOV")
    result, _ = found(nlp, text, "2010-06-01")
    assert by_mention(result, text, "Putin").role == "Prime Minister"


def test_nationality_and_agent_noun(nlp):
    result, text = found(nlp, "Ukrainian officials said the Russian army had advanced near the town.")
    assert by_mention(result, text, "officials").code == "UKRGOV"
    army = by_mention(result, text, "army")
    assert (army.code, army.type, army.country) == ("RUSMIL", "military", "RUS")


def test_compound_nationalities_make_two_actors(nlp):
    result, text = found(nlp, "Hungarian and Romanian officials met on Friday to discuss the border.")
    hungarian, romanian = by_mention(result, text, "Hungarian"), by_mention(result, text, "Romanian")
    assert hungarian is not romanian
    assert (hungarian.code, romanian.code) == ("HUNGOV", "ROUGOV")


def test_capital_acting_is_the_government_but_a_target_is_the_city(nlp):
    result, text = found(nlp, "Kiev has applied to join the alliance. Moscow's response was swift. "
                              "The new missile could target Kiev.")
    ukraine = by_mention(result, text, "Kiev")
    assert (ukraine.code, ukraine.type, ukraine.name) == ("UKRGOV", "country", "Ukraine")
    assert by_mention(result, text, "Moscow").code == "RUSGOV"
    assert by_mention(result, text, "Kiev", nth=1) is None


def test_country_as_actor_but_not_as_place(nlp):
    result, text = found(nlp, "Russia launched a second attack on energy sites in eastern Ukraine.")
    assert by_mention(result, text, "Russia").code == "RUSGOV"
    assert by_mention(result, text, "Ukraine") is None


def test_pronoun_refers_to_the_speaker_before(nlp):
    result, text = found(nlp, "President Volodymyr Zelensky met the envoy on Monday. He said the talks were useful.")
    zelensky = by_mention(result, text, "Zelensky")
    assert "He" in texts(zelensky, text)


def test_she_prefers_the_woman(nlp):
    result, text = found(nlp, "Andrii Sybiha met Olga Stefanishyna on Monday. She said the talks were useful.")
    assert by_mention(result, text, "She").name == "Olga Stefanishyna"


def test_she_is_not_a_man_named_closer_by(nlp):
    result, text = found(nlp, 'Mayor Anna Smith spoke on Monday. "Governor Peter Jones will lose the vote," she said.')
    assert by_mention(result, text, "she said").name == "Anna Smith"
    result, text = found(nlp, 'Anna Smith met Peter Jones on Monday. "We agreed on the budget," he said.')
    assert by_mention(result, text, "he said").name == "Peter Jones"


def test_a_shared_surname_is_the_person_named_most(nlp):
    result, text = found(nlp, "Robert Mugabe ruled Zimbabwe. Mugabe won the vote in 2013. Mugabe's wife, Grace "
                              "Mugabe, was ambitious. After Mugabe fired his deputy, the army moved.")
    fired = by_mention(result, text, "Mugabe fired")
    assert fired is not None and fired.name == "Robert Mugabe"
    assert by_mention(result, text, "Grace").name == "Grace Mugabe"


def test_an_ethnic_group_is_not_a_person_of_that_surname(nlp):
    result, text = found(nlp, "The massacres saw thousands of ethnic Ndebele killed.", published="2019-09-09")
    assert by_mention(result, text, "Ndebele") is None  # not South Africa's transport minister Joel Ndebele


def test_a_title_the_dictionary_gives_the_person_keeps_the_dictionarys_sector(nlp):
    result, text = found(nlp, "Protesters asked Hong Kong Chief Executive Carrie Lam to resign.",
                         published="2019-06-20")
    lam = by_mention(result, text, "Carrie Lam")
    assert (lam.code, lam.role) == ("HKGGOV", "Chief Executive")  # the city's government, not a business
    result, text = found(nlp, "Acme chief executive Jane Roe resigned on Monday.", published="2019-06-20")
    assert by_mention(result, text, "Jane Roe").sector != "GOV"


def test_a_country_named_further_on_is_not_whose_agent_it_is(nlp):
    text = ("An Iranian cargo plane crashed near Tehran, Iran's capital. Iran's government ordered an inquiry. "
            "The army said the plane was bringing meat from Bishkek, Kyrgyzstan.")
    result, _ = found(nlp, text)
    assert by_mention(result, text, "army").code == "IRNMIL"
    text = "Iran's government ordered an inquiry in Iran. The police in Kyrgyzstan arrested two men in Iran."
    result, _ = found(nlp, text)
    assert by_mention(result, text, "police").code.startswith("KGZ")  # named in its own phrase


def test_it_refers_to_the_country_that_reports(nlp):
    result, text = found(nlp, "Ukraine has accepted that it cannot join the alliance yet.")
    ukraine = by_mention(result, text, "Ukraine")
    assert "it" in texts(ukraine, text)


def test_repeated_names_are_one_person(nlp):
    result, text = found(nlp, "Volodymyr Zelensky spoke in Kiev on Monday. Later, President Zelensky said the plan "
                              "was ready, and Zelensky thanked the allies.")
    people = [a for a in result if a.type == "person"]
    assert len(people) == 1 and texts(people[0], text).count("Zelensky") == 2


def test_an_acronym_in_brackets_is_the_organisation_just_named(nlp):
    result, text = found(nlp, "The Islamic State of Iraq and Al-Sham (ISIS) launched an offensive on Friday. ISIS "
                              "later withdrew from the town.")
    group = by_mention(result, text, "Islamic State")
    assert group is by_mention(result, text, "ISIS") and group is by_mention(result, text, "ISIS", 1)
    assert [a for a in result if a.code == group.code] == [group]


def test_a_first_name_the_model_leaves_out_stays_in_the_name(nlp):
    result, text = found(nlp, "The mayor of London, Sadiq Khan, said the city would not be cowed.")
    (mayor,) = [a for a in result if a.type == "person"]
    assert mayor.name == "Sadiq Khan" and "Sadiq Khan" in texts(mayor, text)
    assert "The mayor of London" in texts(mayor, text)


def test_a_word_with_an_editors_bracket_is_not_a_person(nlp):
    result, text = found(nlp, '"[W]e will not retreat," the commander said on Monday.')
    assert not [a for a in result if "W]e" in a.name or any("[" in m or "]" in m for m in texts(a, text))]


def test_the_town_of_a_name_is_no_person_of_that_name(nlp):
    result, text = found(nlp, "Russian troops captured the town of Shali on Friday.")
    assert not [a for a in result if a.type == "person"]


def test_a_title_of_a_place_before_the_name_is_the_persons_role(nlp):
    result, text = found(nlp, 'The mayor of Paris, Anne Hidalgo, wrote on Twitter: "Paris is mourning."')
    mayor = by_mention(result, text, "Anne Hidalgo")
    assert "The mayor of Paris" in texts(mayor, text) and mayor.country == "FRA"


def test_title_alone_refers_to_its_holder(nlp):
    result, text = found(nlp, "Foreign Minister Andrii Sybiha arrived in Brussels. The minister said Ukraine was "
                              "ready.")
    assert "The minister" in texts(by_mention(result, text, "Sybiha"), text)


def test_bare_agent_takes_its_country_from_the_sentence(nlp):
    result, text = found(nlp, "Police in Kenya arrested twelve protesters on Sunday.")
    police, protesters = by_mention(result, text, "Police"), by_mention(result, text, "protesters")
    assert (police.code, police.sector) == ("KENCOP", "COP")
    assert protesters.country == "KEN"


def test_rebel_and_government_forces_are_actors_without_a_country(nlp):
    result, text = found(nlp, "Rebel forces entered the town on Monday, and government forces withdrew.")
    rebels, army = by_mention(result, text, "Rebel forces"), by_mention(result, text, "government forces")
    assert (rebels.code, rebels.sector) == ("REB", "REB")
    assert army.sector == "MIL" and army is not rebels


def test_the_country_after_a_nationality_is_that_countrys_government(nlp):
    result, text = found(nlp, "Russian sources said that the country had closed its airspace to flights.")
    country = by_mention(result, text, "the country")
    assert (country.name, country.code) == ("Russia", "RUSGOV")
    assert by_mention(result, text, "Russian sources") is not country


def test_international_organisation(nlp):
    result, text = found(nlp, "NATO said there was no consensus among its members.")
    nato = by_mention(result, text, "NATO")
    assert (nato.type, nato.code, nato.country) == ("igo", "IGOWSTNAT", None)


def test_ids_follow_first_mention_and_spans_are_exact(nlp):
    result, text = found(nlp, "Russia and Ukraine met in Istanbul. Russian President Vladimir Putin stayed home.")
    assert [a.id for a in result] == [f"a{i}" for i in range(1, len(result) + 1)]
    firsts = [min(s for s, _ in a.mentions) for a in result]
    assert firsts == sorted(firsts)
    assert by_mention(result, text, "Putin").mentions == [(text.index("Vladimir Putin"),
                                                            text.index("Vladimir Putin") + len("Vladimir Putin"))]


# -- the reference article ---------------------------------------------------------------------------------------

def _actor(record, words, nth=0):
    text = record["text"]
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return next((a for a in record["actors"] if any(s <= start < e for s, e in a["mentions"])), None)


def test_seed_sybiha(seed_record):
    sybiha = _actor(seed_record, "Andrii Sybiha")
    assert (sybiha["country"], sybiha["code"]) == ("UKR", "UKRGOV")
    assert "foreign minister" in sybiha["role"].lower()
    assert _actor(seed_record, "Sybiha stated") is sybiha


def test_seed_kiev_applied_is_the_ukrainian_government(seed_record):
    actor = _actor(seed_record, "Kiev has applied")
    assert (actor["name"], actor["code"]) == ("Ukraine", "UKRGOV")
    assert _actor(seed_record, "Ukraine has not yet received") is actor
    assert _actor(seed_record, "target Kiev") is None or _actor(seed_record, "Kiev if Ukraine") is None


def test_seed_he_stressed_is_zelensky(seed_record):
    he = _actor(seed_record, "he stressed")
    assert he is not None and "Zelensky" in he["name"] and he["country"] == "UKR"


def test_seed_one_actor_per_entity(seed_record):
    names = [a["name"] for a in seed_record["actors"]]
    assert len(names) == len(set(names))
    for name in ("Russia", "Ukraine", "NATO", "Vladimir Putin"):
        assert names.count(name) == 1
