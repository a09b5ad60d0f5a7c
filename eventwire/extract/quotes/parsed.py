"""One article's parse with what the quote finders look up again and again, computed once.

``Doc.text`` joins every token each time it is read, and spaCy makes a new ``Token`` on each access, so a finder
that reads the text, or walks the tokens to find an offset, once per candidate grows with the square of the
article. Here the text, the tokens' character offsets and the paragraph bounds are taken once, and offsets are
found by bisection.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy as np
from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token

Span = tuple[int, int]


class Parsed:
    """A parsed article: ``doc``, its ``text``, and offset lookups in logarithmic time."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text: str = doc.text
        table = doc.to_array([IDX, LENGTH, POS]).astype("int64", copy=False) if len(doc) else None
        self._table = table
        self.starts: list[int] = table[:, 0].tolist() if table is not None else []
        self.ends: list[int] = (table[:, 0] + table[:, 1]).tolist() if table is not None else []
        self._lemmas = None
        text = self.text
        self._breaks = [m.start() for m in re.finditer("\n", text)]

    def tokens_with(self, lemmas: frozenset[str] | set[str], parts: tuple[str, ...]) -> list[int]:
        """The indices of the tokens whose lower-cased lemma is one of ``lemmas`` and whose part of speech is one of
        ``parts``, in text order: the finders look only at these rather than making a ``Token`` of every word."""
        if self._table is None:
            return []
        if self._lemmas is None:
            hashes, inverse = np.unique(self.doc.to_array([LEMMA]), return_inverse=True)
            strings = self.doc.vocab.strings
            self._lemmas = ([strings[int(h)].lower() if int(h) in strings else "" for h in hashes], inverse)
        names, inverse = self._lemmas
        wanted = np.fromiter((name in lemmas for name in names), dtype=bool, count=len(names))
        mask = wanted[inverse] & np.isin(self._table[:, 2], [IDS[p] for p in parts])
        return np.flatnonzero(mask).tolist()

    def tokens_lower(self, word: str) -> list[int]:
        """The indices of the tokens that are ``word`` in lower case."""
        if self._table is None:
            return []
        key = self.doc.vocab.strings[word] if word in self.doc.vocab.strings else None
        if key is None:
            return []
        return np.flatnonzero(self.doc.to_array([LOWER]) == key).tolist()

    def token_after(self, char: int) -> int | None:
        """The index of the first token starting at or after ``char``."""
        i = bisect_left(self.starts, char)
        return i if i < len(self.starts) else None

    def token_before(self, char: int) -> int | None:
        """The index of the last token ending at or before ``char``."""
        i = bisect_right(self.ends, char) - 1
        return i if i >= 0 else None

    def token_covering(self, char: int) -> int:
        """The index of the token holding ``char`` (else the first one after it; the last token past the end)."""
        i = bisect_right(self.ends, char)
        return min(i, len(self.ends) - 1)

    def paragraph(self, char: int) -> Span:
        """The character span of the line holding ``char``."""
        i = bisect_left(self._breaks, char)
        start = self._breaks[i - 1] + 1 if i > 0 else 0
        end = self._breaks[i] if i < len(self._breaks) else len(self.text)
        return start, end

    def paragraph_of(self, token: Token) -> Span:
        return self.paragraph(token.idx)
