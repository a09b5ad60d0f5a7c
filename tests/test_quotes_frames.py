"""Where a quotation's frame lies: a cue of its own after a colon or dash, a long subject before the cue, a bare cue
sentence before it, a "that" clause the parser hangs as adverbial, and "Name: ..." lines below the title."""
from __future__ import annotations

import pytest

from .test_quotes_model import only, quotes

pytestmark = pytest.mark.model


def test_a_quotation_after_a_colon_with_its_own_cue_starts_its_attribution(pipeline):
    text = ('Judge Ann Mosman saw the remarks differently: "When he says he will leave, I take that as a man who '
            'is serious," she said.')
    q = only(quotes(pipeline, text), "When he says he will leave")
    assert q["cue"] == "said" and q["kind"] == "direct"
    assert q["text"].startswith("When he says") and "differently" not in q["text"]


def test_a_quotation_whose_own_cue_lies_inside_another_clause_is_a_statement_of_its_own(pipeline):
    text = ('"Apparently there is a young man who is having some problems," Cruz said as the heckler yelled: '
            '"You suck at this job!"')
    found = quotes(pipeline, text)
    heckler = only(found, "You suck at this job")
    assert heckler["cue"] == "yelled" and heckler["kind"] == "direct"
    said = only(found, "Apparently there is a young man")
    assert said["cue"] == "said" and "You suck" not in said["text"]


def test_a_quotation_between_dashes_with_its_own_cue_is_cut_from_the_clause_around_it(pipeline):
    text = ('Clinton suggested that the plan was weak - "Again, we need to get into the details," she said - and '
            'charged that it would fail.')
    found = quotes(pipeline, text)
    q = only(found, "we need to get into the details")
    assert q["cue"] == "said" and q["kind"] == "direct" and "suggested" not in q["text"]
    assert only(found, "the plan was weak")["cue"] == "suggested"


def test_a_that_clause_after_a_verb_of_saying_is_reported_even_when_hung_as_adverbial(pipeline):
    text = ('The retired neurosurgeon has provided no details about how he planned to reboot his campaign, saying '
            'in his statement only that he was "refining some operational practices and streamlining some staff '
            'assignments."')
    q = only(quotes(pipeline, text), "refining some operational practices")
    assert q["cue"] == "saying" and q["kind"] == "mixed" and "he was" in q["text"]


def test_so_that_is_a_purpose_not_a_report(pipeline):
    assert quotes(pipeline, "The mayor spoke slowly so that everyone would understand him.") == []


def test_a_cue_after_a_long_description_of_the_speaker(pipeline):
    text = ('"North Korea is run by a lunatic who has been expanding his nuclear arsenal," the Florida senator and '
            'Republican presidential candidate said in a statement.')
    q = only(quotes(pipeline, text), "North Korea is run by a lunatic")
    assert q["cue"] == "said" and q["kind"] == "direct" and q["words"] and "senator" in q["words"]


def test_a_bare_cue_sentence_introduces_the_quotation_after_it(pipeline):
    text = ("Sam Lau, the communications director of the party, said in a statement. \u201cThere are no paper "
            "ballots to recount. The caucuses were a unique event.\u201d")
    q = only(quotes(pipeline, text), "There are no paper ballots")
    assert q["cue"] == "said" and q["words"] == "Sam Lau" and q["kind"] == "direct"
    told = only(quotes(pipeline, "Smith told reporters. \u201cWe will not back down from this fight.\u201d"),
                "We will not back down")
    assert told["cue"] == "told" and told["words"] == "Smith"


def test_a_quotation_without_a_cue_right_after_a_reported_clause_goes_on_with_it(pipeline):
    text = ("Smith said the vote was close. \u201cWe will not back down from this fight.\u201d\n\n"
            "The council meets on Monday.")
    found = quotes(pipeline, text)
    said = only(found, "the vote was close")
    assert said["cue"] == "said" and said["kind"] == "mixed" and "We will not back down" in said["text"]
    assert "council" not in said["text"]


def test_a_quotation_after_the_colon_of_a_reported_clause_goes_on_with_it(pipeline):
    text = ('Clinton said she has the essential quality for the job: "Steadiness, an absolute rock steadiness, '
            'mixed with strength."')
    q = only(quotes(pipeline, text), "Steadiness")
    assert q["cue"] == "said" and q["kind"] == "mixed" and q["text"].startswith("she has the essential quality")


def test_a_quotation_with_a_cue_of_its_own_does_not_go_on_with_the_clause_before(pipeline):
    found = quotes(pipeline, 'Trump said he would win. "We are going to win so much," Pence said.')
    assert "We are going" not in only(found, "he would win")["text"]
    assert only(found, "We are going to win so much")["words"] == "Pence"


def test_a_reported_clause_stopping_at_a_colon_runs_to_the_end_of_its_sentence(pipeline):
    text = ("The lawyer, Thomas Coan, argued that his client was not to be taken seriously: his words were the "
            "talk of an entertainer. The judge disagreed.")
    q = only(quotes(pipeline, text), "not to be taken seriously")
    assert q["cue"] == "argued" and q["text"].endswith("the talk of an entertainer")


def test_name_colon_lines_below_the_title_need_a_clause(pipeline):
    text = ("Lynch: No outside influence on FBI probe.\n\nThe race is on.\n\nSanders: Win in a walk.\n\n"
            "Vermont Sen. Bernie Sanders has led in every poll.\n\nKasich: We are going to win this state.")
    found = quotes(pipeline, text)
    assert only(found, "No outside influence")["cue"] == ":"
    assert only(found, "We are going to win this state")["cue"] == ":"
    assert not any("Win in a walk" in q["text"] for q in found)


def test_a_paragraph_of_quotation_after_a_paragraph_ending_with_a_reported_clause_goes_on_with_it(pipeline):
    text = ('In 2017, Kerry said that 100,000 refugees would be accepted.\n\n"That adds up to 185,000 over two '
            'years. But this would be the total number of refugees."\n\nThe figures were disputed.')
    q = only(quotes(pipeline, text), "That adds up to 185,000")
    assert q["cue"] == "said" and q["text"].startswith("100,000 refugees would be accepted")
    assert "disputed" not in q["text"]


def test_a_cue_before_an_aside_set_off_by_commas(pipeline):
    text = 'The governor said, in a statement on Monday, "We will rebuild every home that was lost."'
    q = only(quotes(pipeline, text), "We will rebuild every home")
    assert q["cue"] == "said" and q["kind"] == "direct" and q["words"] == "The governor"


def test_a_credit_line_after_a_dash_names_the_speaker(pipeline):
    text = ("\u201cThe candidate must stop portraying immigrants as criminals.\u201d \u2015 Jacklyn Ashley\n\n"
            "\u201cHe cannot even answer a simple question.\u201d \u2015 Krystal Correa")
    found = quotes(pipeline, text)
    first = only(found, "must stop portraying")
    assert first["cue"] == "\u2015" and first["words"] and "Jacklyn Ashley" in first["words"]
    assert "Krystal Correa" in only(found, "cannot even answer")["words"]


def test_a_word_called_out_with_its_cue_right_after_is_a_quote_but_a_bare_short_phrase_is_not(pipeline):
    found = quotes(pipeline, 'Mayor John Harris left the room. "Quiet," Harris demanded. The "hot phase" began.')
    q = only(found, "Quiet")
    assert q["cue"] == "demanded" and q["kind"] == "direct"
    assert not any("hot phase" in f["text"] for f in found)


def test_manners_of_saying_and_a_verb_tagged_as_a_noun_are_cues_next_to_a_quotation(pipeline):
    barked = only(quotes(pipeline, '"Go back to your seat and wait for your turn," Trump barked.'), "Go back")
    assert barked["cue"] == "barked" and barked["kind"] == "direct"
    text = '"Clinton has the experience and the temperament to lead the country," the editorial read.'
    assert only(quotes(pipeline, text), "Clinton has the experience")["cue"] == "read"


def test_what_someone_is_called_with_two_objects_or_only_a_complement(pipeline):
    text = 'The prince asked him to quit the race, calling him "a disgrace not only to the party but to all America."'
    assert only(quotes(pipeline, text), "a disgrace not only")["cue"] == "calling"
    text = 'He later suggested her tone was aggressive, called her "third-rate" and boycotted one of the debates.'
    assert only(quotes(pipeline, text), "third-rate")["cue"] == "called"
    assert quotes(pipeline, "The chairman called a meeting on Monday.") == []


def test_the_question_in_when_asked_is_not_an_attribution_but_the_answer_is(pipeline):
    text = 'When asked about the opioid crisis, Senator Ted Cruz said he knows the tragic consequences firsthand.'
    found = quotes(pipeline, text)
    assert not any(q["cue"] == "asked" for q in found)
    assert only(found, "he knows the tragic consequences")["cue"] == "said"
    assert only(quotes(pipeline, "Reporters asked whether the senator would run again."),
                "whether the senator would run")["cue"] == "asked"


def test_a_title_naming_a_topic_before_its_colon_is_no_attribution(pipeline):
    for title in ("Stealth Over Health: Clinton Was Headed to the Hospital But Diverted.",
                  "Monday's Morning Email: The Committee Faces a Long Night of Votes."):
        assert quotes(pipeline, title + "\n\nThe committee met on Monday.") == []
    found = quotes(pipeline, "Lynch: No outside influence on FBI probe.\n\nThe committee met on Monday.")
    assert only(found, "No outside influence")["cue"] == ":"


def test_verbs_of_saying_with_their_particle_are_cues_after_a_quotation(pipeline):
    text = ('"Cruz is the only candidate who can keep the Democratic voters with us," Viguerie says.\n\n'
            '"Voters consistently reject establishment Republicans in every primary," he points out.')
    found = quotes(pipeline, text)
    q = only(found, "Voters consistently reject")
    assert q["cue"] == "points" and "Cruz is the only" not in q["text"]
    text = '"They are all here because he is promising them free stuff," Bennett shot back with a laugh.'
    assert only(quotes(pipeline, text), "They are all here")["cue"] == "shot"


def test_an_attack_by_force_is_no_attribution_but_an_attack_in_words_is(pipeline):
    for text in ("Rebel forces attacked the town on Monday.", "Gunmen attacked a police station in Kano.",
                 "Troops defended the base."):
        assert quotes(pipeline, text) == [], text
    q = only(quotes(pipeline, "Sanders attacked the plan on Monday."), "the plan")
    assert q["cue"] == "attacked"


def test_a_quantity_of_people_speaks_as_those_people(pipeline):
    q = only(quotes(pipeline, "A lot of the best players said the coach had to go."), "the coach had to go")
    assert q["who"] == "best players" and q["words"] == "the best players"
