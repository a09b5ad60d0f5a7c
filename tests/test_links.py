"""The links stage: each quote lists the events that lie inside its sentences."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.extract import STAGES, check_order
from eventwire.extract.context import Context
from eventwire.extract.links import link
from eventwire.records import Article, Document, Event, Published, Quote, document_from_dict

WORDS = ["Putin", "said", "Russia", "struck", "Kiev", ".", "Troops", "advanced", "."]
HEADS = [1, 1, 3, 1, 3, 1, 7, 7, 7]
DEPS = ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct", "nsubj", "ROOT", "punct"]


def doc() -> Doc:
    spaces = [True, True, True, True, False, True, True, False, False]
    return Doc(spacy.blank("en").vocab, words=WORDS, spaces=spaces, heads=HEADS, deps=DEPS)


def event(eid: str, trigger: tuple[int, int], evidence: tuple[int, int], sentence: int) -> Event:
    return Event(eid, ["a1"], ["a2"], "190", None, 4, -10.0, "asserted", None, None, sentence, trigger, evidence, 0.8)


def test_quote_lists_the_events_inside_its_sentence():
    d = doc()
    text = d.text  # "Putin said Russia struck Kiev. Troops advanced."
    content = (text.index("Russia"), text.index("Kiev") + 4)
    quote = Quote("q1", "a1", (0, 5), "said", (6, 10), text[content[0]:content[1]], content, "indirect")
    strike = event("e1", (text.index("struck"), text.index("struck") + 6), (0, text.index(".") + 1), 0)
    advance = event("e2", (text.index("advanced"), text.index("advanced") + 8), (text.index("Troops"), len(text)), 1)
    ctx = Context(article=Article(id="t", text=text), doc=d, quotes=[quote], events=[strike, advance])
    (linked,) = link(ctx)
    assert linked.events == ["e1"]


def test_links_run_last_and_survive_a_round_trip():
    check_order(STAGES)
    assert STAGES[-1].name == "links" and set(STAGES[-1].reads) == {"quotes", "events"}
    quote = Quote("q1", "a1", (0, 5), "said", (6, 10), "x", (11, 12), "indirect", ["e3"])
    record = Document(id="d", text="x" * 20, published=Published(None, "none", 0.0), quotes=[quote]).to_dict()
    assert record["quotes"][0]["events"] == ["e3"]
    assert document_from_dict(record).quotes[0].events == ["e3"]


def test_each_quote_gets_only_the_events_of_its_own_sentences():
    d = doc()
    text = d.text  # "Putin said Russia struck Kiev. Troops advanced."
    first = (text.index("Russia"), text.index("Kiev") + 4)
    second = (text.index("Troops"), len(text) - 1)
    quotes = [Quote("q1", "a1", (0, 5), "said", (6, 10), text[slice(*first)], first, "indirect"),
              Quote("q2", None, None, "", (0, 0), text[slice(*second)], second, "indirect")]
    strike = event("e1", (text.index("struck"), text.index("struck") + 6), (0, text.index(".") + 1), 0)
    advance = event("e2", (text.index("advanced"), text.index("advanced") + 8), (text.index("Troops"), len(text)), 1)
    # an event whose evidence runs over both sentences still belongs to the quote that holds its trigger
    spread = event("e3", (text.index("advanced"), text.index("advanced") + 8), (0, len(text)), 1)
    ctx = Context(article=Article(id="t", text=text), doc=d, quotes=quotes, events=[spread, advance, strike])
    linked = link(ctx)
    assert [q.events for q in linked] == [["e1"], ["e3", "e2"]]
