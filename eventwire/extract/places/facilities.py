"""Streets, buildings and sites: a run of capitalized words ending in a facility's word ("Royal Street", "Manila
Cathedral"), or a proper noun before a facility noun ("the Yuzhmash plant"), as one mention located through a place
named inside it, a landmark this project places itself, or the place it is said to be in."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...geo import Gazetteer, fold
from ...geo.build import CODE
from .mention import EntIndex, Mention, is_strong, saint, span_key
from .words import DIRECTIONS, FACILITY_NOUNS, FACILITY_SUFFIXES, GENERIC, OPENING_WORDS, is_name_token


def facility_run(doc: Doc, i: int, j: int, ents: EntIndex, gaz: Gazetteer) -> Mention | None:
    """A run that names a street, building or site ("Royal Street", "Manila Cathedral", and "Russian Embassy"
    too, though its first word is a demonym), as one mention."""
    end = j
    if end - i >= 2 and doc[end - 1].lower_ in DIRECTIONS:
        end -= 1  # "Eglinton Avenue West"
    last = doc[end - 1]
    if last.lower_ not in FACILITY_SUFFIXES or (ents.at(last.i) is not None and ents.at(last.i).label_ == "PERSON"):
        return None
    start = i
    while start < end - 1 and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_stop):
        start += 1
    if end - start < 2 or not any(t.text[:1].isupper() for t in doc[start:end - 1]):
        return None
    key = fold(doc[start:j].text)
    whole = gaz.lookup([key]).get(key, [])
    if any(c.kind == 0 and c.entry.population >= 30_000 for c in whole):
        return None  # a town named like a site: "West Palm Beach", "Newport Beach"
    m = Mention(start, j, start, key, [], "facility")
    landmarks = [c for c in whole if c.entry.id < 0 and c.kind != CODE]
    if landmarks:  # a site this project places itself ("White House", "Downing Street")
        m.candidates = landmarks
        return m
    # a place named inside it ("Manila Cathedral", "University of Alberta") locates it; a place name that is only
    # the tail of a longer proper name ("Hagia Sophia Museum", "St. Peter's Basilica") does not
    for a in range(start, end - 1):
        if a > start and not _opens_place(doc, start, a):
            continue
        for b in range(end - 1, a, -1):
            inner = gaz.lookup([span_key(doc, a, b)]).get(span_key(doc, a, b), [])
            inner = [c for c in inner if c.kind != CODE]
            if (inner and is_strong(inner) and not gaz.country_of_demonym(doc[a:b].text)
                    and not (b - a == 1 and (doc[a].lower_ in GENERIC or doc[a].lower_ in DIRECTIONS))
                    and not saint(doc, a, b)):
                m.candidates, m.key = inner, span_key(doc, a, b)
                return m
    return m


def _opens_place(doc: Doc, start: int, a: int) -> bool:
    """Whether the words of a name before token ``a`` leave room for a place to begin there: "of"/"in" just
    before it ("Bank of England"), or only generic words before it ("Royal Melbourne Hospital", "the National
    Kenya Museum"), never another proper name ("Hagia Sophia", "St. Peter's")."""
    if doc[a - 1].lower_ in ("of", "in", "at"):
        return True
    return all(t.lower_ in GENERIC or t.lower_ in OPENING_WORDS or t.lower_ in DIRECTIONS
               for t in doc[start:a])


def find_facilities(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Facilities named in the text ("the Yuzhmash plant", "the Yuzhmash enterprise in Dnipro")."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for tok in doc:
        if tok.lower_ not in FACILITY_NOUNS or tok.pos_ != "NOUN":
            continue
        names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
        if not names:
            continue
        start = min(c.left_edge.i if c.left_edge.pos_ == "PROPN" else c.i for c in names)
        end = max(c.i for c in names) + 1
        if any(i in taken for i in range(start, end)):
            continue
        if doc[start].ent_type_ in ("PERSON", "NORP") or not is_name_token(doc[start]):  # "al-Ghazl market"
            continue
        m = Mention(start, end, start, fold(doc[start:end].text), [], "facility")
        m.facility_of = _facility_location(tok, mentions)
        out.append(m)
        taken.update(range(start, end))
    return out


def _facility_location(noun: Token, mentions: list[Mention]) -> int | None:
    """The token of a place the facility is said to be in or near ("the X plant in Dnipro")."""
    starts = {m.start for m in mentions} | {m.name_start for m in mentions}
    candidates = [noun, noun.head] if noun.head.pos_ in ("VERB", "AUX") else [noun]
    for node in candidates:
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "near", "at", "outside"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        left = obj.left_edge.i
                        for i in range(left, obj.i + 1):
                            if i in starts:
                                return i
    return None
