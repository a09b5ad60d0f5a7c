"""Who is in a phrase: the actors (``ctx.actors``) that a noun phrase of the parse refers to.

The actors stage records every mention of every actor; a phrase refers to the actors mentioned closest to its head
in the dependency tree: "Ukrainian Foreign Minister Andrii Sybiha" -> the minister (the head), "the head of NATO's
diplomatic mission" -> NATO (three steps down), "Hungarian and Romanian officials" -> both (conjuncts count as the
same depth). Relative and other clauses inside the phrase are not part of it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Actor
from ..context import Context

# dependents that start a clause of their own: their actors are not the phrase's
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "mark", "punct", "cc",
                         "prep_time"})
# prepositions inside a phrase that do not lead to its referent ("the strikes in March", "a man near Kiev")
LOOSE_PREPS = frozenset({"during", "after", "before", "since", "until", "despite", "because", "amid", "like",
                         "including", "than", "as", "about", "over", "under", "within"})


class ActorIndex:
    """The actors mentioned at each token of a document (a token may belong to several: a compound mention)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.by_token: dict[int, list[Actor]] = {}
        doc: Doc = ctx.doc
        for actor in ctx.actors:
            for start, end in actor.mentions:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    bucket = self.by_token.setdefault(token.i, [])
                    if actor not in bucket:
                        bucket.append(actor)

    def at(self, token: Token) -> list[Actor]:
        return self.by_token.get(token.i, [])

    def in_phrase(self, head: Token, max_depth: int = 4, stop: frozenset[int] = frozenset()) -> list[Actor]:
        """The actors closest to ``head`` in its phrase (breadth first; conjuncts at the same depth)."""
        if not self.by_token:
            return []
        level = [head]
        for _ in range(max_depth + 1):
            found: list[Actor] = []
            following: list[Token] = []
            expanded = list(level)
            for token in level:  # conjuncts ("Hungarian and Romanian officials") count as the same depth
                expanded.extend(c for c in token.conjuncts if c.i > token.i and c not in expanded)
            for token in expanded:
                for actor in self.at(token):
                    if actor not in found:
                        found.append(actor)
                for child in token.children:
                    if child.i in stop or child.dep_ in CLAUSE_DEPS or child.dep_ == "conj":
                        continue
                    if child.dep_ == "prep" and child.lower_ in LOOSE_PREPS:
                        continue
                    following.append(child)
            if found:
                return found
            if not following:
                return []
            level = following
        return []

    def in_tokens(self, tokens) -> list[Actor]:
        """Every actor mentioned on ``tokens``, in text order."""
        found: list[Actor] = []
        for token in sorted(tokens, key=lambda t: t.i):
            for actor in self.at(token):
                if actor not in found:
                    found.append(actor)
        return found
