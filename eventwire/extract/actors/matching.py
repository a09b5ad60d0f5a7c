"""Dictionary matching: every name of the tables found in an article, longest first, one look-up per token."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import LEMMA, ORTH, POS, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from .tables import Tables, Term, fold


@dataclass
class Match:
    start: int  # token indices, end exclusive
    end: int
    terms: list[Term]  # every reading of these tokens (a country and a person may share a name)

    def kinds(self) -> set[str]:
        return {t.kind for t in self.terms}

    def first(self, *kinds: str) -> Term | None:
        for kind in kinds:
            for term in self.terms:
                if term.kind == kind:
                    return term
        return None


@dataclass
class Sheet:
    """Per-token strings read once (making spaCy's Token objects is what costs most in this stage)."""

    folded: list[str]  # the text, lower case, no accents: the key of the tables
    lemmas: list[str]  # the lemma, the same way
    pos: list[str]
    tags: list[str]


def sheet(doc: Doc) -> Sheet:
    """The sheet of ``doc``, read from its attribute array (no ``Token`` made), each distinct string folded once."""
    if not len(doc):
        return Sheet([], [], [], [])
    strings = doc.vocab.strings
    folds: dict[int, str] = {}
    names: dict[int, str] = {}

    def folded(key: int) -> str:
        found = folds.get(key)
        if found is None:
            found = folds[key] = fold(strings[key])
        return found

    def name(key: int) -> str:
        found = names.get(key)
        if found is None:
            found = names[key] = strings[key]
        return found

    rows = doc.to_array([ORTH, LEMMA, POS, TAG]).tolist()
    return Sheet([folded(r[0]) for r in rows], [folded(r[1]) for r in rows], [POS_NAMES[r[2]] for r in rows],
                 [name(r[3]) for r in rows])


def keys(doc: Doc) -> list[str]:
    return [fold(t.text) for t in doc]


_LETTERS = re.compile(r"[^\W\d_]")
_CAPITALS = re.compile(r"[A-Z]")
PLACE_KINDS = frozenset({"country", "capital", "city", "adjective", "demonym"})


def _cased(doc: Doc, start: int, term: Term, lower_text: bool) -> bool:
    """Names are capitalised in running text; acronyms are upper case ("US", not "us"). In a text written all in
    lower case (some corpora are) places and multi-word names are taken as they come."""
    first = doc[start].text
    if term.exact:
        return all(doc[i].text.isupper() or not doc[i].text.isalpha() for i in range(start, start + len(term.tokens)))
    if lower_text and (term.kind in PLACE_KINDS or len(term.tokens) > 1):
        return True
    return first[:1].isupper() or (first[:1].isdigit())


def lower_cased(doc: Doc) -> bool:
    """The text has (almost) no capital letters: a lower-cased corpus."""
    sample = doc[:600].text  # (Doc.text joins every token of the document)
    letters = len(_LETTERS.findall(sample))
    return letters > 200 and len(_CAPITALS.findall(sample)) < letters * 0.01


def find(doc: Doc, tables: Tables, folded: list[str] | None = None) -> list[Match]:
    """Non-overlapping matches, left to right, the longest at each position."""
    folded = folded if folded is not None else keys(doc)
    lower_text = lower_cased(doc)
    out: list[Match] = []
    n = len(folded)
    i = 0
    index = tables.index
    while i < n:
        if folded[i] not in index:
            i += 1
            continue
        found: list[Term] = []
        length = 0
        for size, terms in tables.by_size(folded[i]):  # the longest length with a term written as in the text
            if i + size > n:
                continue
            same = terms.get(tuple(folded[i:i + size]))
            if same:
                found = [term for term in same if _cased(doc, i, term, lower_text)]
                if found:
                    length = size
                    break
        if found:
            out.append(Match(i, i + length, found))
            i += length
        else:
            i += 1
    return out
