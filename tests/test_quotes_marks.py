"""Quotation marks found without a parse: styles, paragraphs, nesting, unbalanced marks."""
from __future__ import annotations

from eventwire.extract.quotes.marks import find_segments


def inner(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in segment.pieces] for segment in find_segments(text)]


def test_straight_and_curly_double_marks():
    text = 'He said "we will win," and she replied \u201cnot this year.\u201d'
    assert inner(text) == [["we will win,"], ["not this year."]]


def test_typewriter_pair_of_single_marks_is_a_double_mark():
    text = "''People make claims,'' she said. ''It's hard.''"
    assert inner(text) == [["People make claims,"], ["It's hard."]]


def test_quotation_open_at_paragraph_end_continues_when_next_paragraph_opens_again():
    text = "\u201cThe first paragraph of the speech.\n\n\u201cThe second one ends it.\u201d\n\nThen the report goes on."
    segments = find_segments(text)
    assert len(segments) == 1
    assert [text[s:e] for s, e in segments[0].pieces] == ["The first paragraph of the speech.",
                                                          "The second one ends it."]
    assert text[segments[0].span[0]:segments[0].span[1]].endswith("ends it.\u201d")


def test_quotation_left_open_ends_with_its_paragraph():
    text = "\u201cThis was never closed.\n\nThe next paragraph is the reporter's."
    (segment,) = find_segments(text)
    assert not segment.closed
    assert text[segment.inner[0]:segment.inner[1]] == "This was never closed."


def test_nested_single_quotation_belongs_to_the_outer_one():
    text = "She said: \u201cHe told me \u2018no\u2019 twice.\u201d"
    assert inner(text) == [["He told me \u2018no\u2019 twice."]]


def test_apostrophes_are_not_quotation_marks():
    text = "Trump\u2019s aides don\u2019t agree. The candidates\u2019 plans differ."
    assert find_segments(text) == []


def test_top_level_single_marks_in_a_headline():
    text = "Cruz Says Trump Is \u2018Not a Conservative\u2019 at Rally"
    assert inner(text) == [["Not a Conservative"]]


def test_opening_mark_typed_for_a_closing_one():
    text = "\u201cIt is unusual,\u201c said Noble. \u201cVery.\u201d"
    assert inner(text) == [["It is unusual,"], ["Very."]]


def test_a_second_opening_mark_closes_an_unclosed_quotation():
    text = "\u201cFirst words \u201cSecond words.\u201d"
    assert inner(text) == [["First words"], ["Second words."]]
