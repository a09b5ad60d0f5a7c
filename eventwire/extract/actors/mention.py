"""A mention of an actor found in the text, before mentions are grouped into actors."""
from __future__ import annotations

from dataclasses import dataclass

from .tables import Entity


@dataclass
class Mention:
    start: int  # first token
    end: int  # one past the last token
    kind: str  # name | nominal | country | metonym | seat | description | pronoun
    type: str  # the contract's actor type: person | organization | country | igo | group | military | other
    name: str  # the canonical name this mention suggests for its actor
    key: str  # mentions with the same key are the same actor (persons are grouped by name instead)
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    entity: Entity | None = None
    role_from_text: bool = False  # the role was read in the article (a title, an apposition)
    plural: bool = False
    gender: str | None = None  # "m" | "f" when the text says (Mr, Mrs, a first name)
    subject: bool = False  # the mention is the subject of its clause
    #: for compound coordinations ("Hungarian and Romanian officials"): the head noun shared by the conjuncts
    head: int | None = None
    #: a description's person, when the text ties them ("The Vice President, Mike Pence,")
    of: Mention | None = None

    @property
    def tokens(self) -> range:
        return range(self.start, self.end)
