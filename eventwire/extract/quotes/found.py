"""An attribution as the quote finders see it, before speakers are resolved and records made."""
from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass
class Found:
    """One attribution: who (``source``, a token range), the cue (token indices) and the content (characters)."""

    cue: list[int]  # token indices of the cue ("said", "according to", "pointed out")
    content: Span  # character span of what is attributed
    source: tuple[int, int] | None  # token range [start, end) naming the speaker
    origin: str  # verb | according | noun | adjective | quote-after | quote-before | colon
    segments: list[Span] = field(default_factory=list)  # quotations it holds (inner character spans)
    frame: str = ""  # how the content hangs on the cue: ccomp, xcomp, dobj, prep ...

    def extend(self, span: Span) -> None:
        self.content = (min(self.content[0], span[0]), max(self.content[1], span[1]))
