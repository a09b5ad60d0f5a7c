"""The state one article carries through the extraction stages."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..config import Settings
from ..records import Actor, Article, Event, Place, Published, Quote, RecordWarning, TimeExpr
from ..records import Span as CharSpan


@dataclass
class Context:
    """An article, its parse, and what the stages have found so far (each stage fills one field)."""

    article: Article
    doc: Doc
    settings: Settings = field(default_factory=Settings)
    published: Published | None = None
    actors: list[Actor] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[RecordWarning] = field(default_factory=list)
    _sentence_starts: list[int] | None = field(default=None, repr=False)
    _text: str | None = field(default=None, repr=False)
    _sentences: list[Span] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        # ``Doc.text`` joins every token's text on each access: build it once per article
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def warn(self, code: str, message: str) -> None:
        self.warnings.append(RecordWarning(code, message))

    @property
    def sentences(self) -> list[Span]:
        """The Doc's sentences (built once per article; callers must not change the list)."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
        return self._sentences

    def sentence_index(self, char: int) -> int:
        """The index of the sentence holding character offset ``char``."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start_char for s in self.sentences]
        return max(bisect.bisect_right(self._sentence_starts, char) - 1, 0)

    def actor_at(self, span: CharSpan) -> Actor | None:
        """The actor with a mention overlapping ``span`` (the longest overlap wins)."""
        return _best(self.actors, span, lambda a: a.mentions)

    def actors_in(self, span: CharSpan) -> list[Actor]:
        """Every actor with a mention inside ``span`` (a compound phrase may name several), in text order."""
        found = []
        for actor in self.actors:
            starts = [m[0] for m in actor.mentions if m[0] >= span[0] and m[1] <= span[1]]
            if starts:
                found.append((min(starts), actor))
        return [actor for _, actor in sorted(found, key=lambda pair: pair[0])]

    def place_at(self, span: CharSpan) -> Place | None:
        return _best(self.places, span, lambda p: [p.span])

    def time_at(self, span: CharSpan) -> TimeExpr | None:
        return _best(self.times, span, lambda t: [t.span])


def _best(items, span: CharSpan, spans_of):
    best, best_overlap = None, 0
    for item in items:
        for start, end in spans_of(item):
            overlap = min(end, span[1]) - max(start, span[0])
            if overlap > best_overlap:
                best, best_overlap = item, overlap
    return best
