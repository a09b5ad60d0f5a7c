"""What the coder finds for one event word before its actors are looked up."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...records import Actor
from .clauses import Frame


@dataclass
class Coded:
    """What the coder found for one event word, before its actors are looked up."""

    trigger: Token
    code: str
    origin: str  # pattern | verb | noun | role | wrapper | speech | statement
    span: tuple[int, int] | None = None  # the trigger's characters when they are more than the word
    weight: float = 0.0
    frame: Frame | None = None
    sources: list[Token] = field(default_factory=list)  # phrase heads
    targets: list[Token] = field(default_factory=list)
    target_preps: list[tuple[str, Token]] = field(default_factory=list)
    source_actors: list[Actor] = field(default_factory=list)  # actors given directly (a speaker)
    fallback_target_scope: Token | None = None  # a clause whose actors may serve as the target
    modality: str = "asserted"
    modality_token: Token | None = None
    reported: bool = False
    reverse: bool = False
    clause: str = "main"  # main | subordinate | condition | purpose (see clauses.clause_kind)
    needs_source: bool = False  # coded by a verb that means an event only when an actor does it
    recipient_first: bool = False  # a verb of giving: the one given to is the target
