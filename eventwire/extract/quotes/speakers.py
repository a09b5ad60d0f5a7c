"""Speakers: the words naming a quote's source resolved to an actor.

The actors stage comes first (``ctx.actor_at``: names, titles, pronouns it resolved). Where it has no actor for
the words, a pronoun goes to the nearest earlier person (or, for "it" and "they", organisation or group) whose
gender does not clash; a relative "who" to the noun it hangs on; a name the actors stage missed, or an anonymous
or generic source ("officials", "Russian sources", "a spokesman"), becomes a new actor of its own rather than being
forced onto a named one.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from ...records import Actor
from ..context import Context
from .lexicon import PRONOUNS
from .parsed import Parsed

Span = tuple[int, int]

_RELATIVE = {"who", "that", "which", "whom"}
_FIRST_PERSON = {"i", "we", "me", "us", "you", "my", "our"}
_TITLE_GENDER = {"mr": "male", "mr.": "male", "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female",
                 "miss": "female", "sir": "male", "lady": "female", "madam": "female"}
_ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group", "FAC": "other"}
_GROUP_WORDS = {"official", "source", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor",
                "critic", "expert", "analyst", "observer", "supporter", "opponent", "voter", "resident", "witness",
                "diplomat", "lawmaker", "legislator", "activist", "leader", "people", "person", "insider", "staff",
                "staffer", "strategist", "republican", "democrat", "member", "poll", "survey", "report", "study",
                "statement", "campaign", "administration", "government", "ministry", "military", "army", "police"}

#: nouns of quantity: the speakers are what they count ("a lot of the best players", "a number of officials")
_QUANTITY_WORDS = {"lot", "lots", "number", "majority", "minority", "most", "many", "some", "dozens", "hundreds",
                   "thousands", "couple", "handful", "bunch", "half", "all", "none", "few", "several", "plenty"}


def _counted(words: TokenSpan) -> TokenSpan:
    """The phrase a quantity noun counts ("a lot of the best players" -> "the best players"), else the words."""
    head = words.root
    if head.lemma_.lower() not in _QUANTITY_WORDS:
        return words
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return words.doc[obj.left_edge.i:obj.right_edge.i + 1]
    return words


class Speakers:
    """Resolves source phrases of one article to actors, adding actors where none fits."""

    def __init__(self, ctx: Context, parsed: Parsed | None = None):
        self.ctx = ctx
        self.doc = ctx.doc
        self.parsed = parsed or Parsed(ctx.doc)
        self.ents = list(self.doc.ents)
        self._entity_at = {i: e for e in self.ents if e.label_ in _ENTITY_TYPES for i in range(e.start, e.end)}
        self._ent_starts = [e.start_char for e in self.ents]
        self._entity_from: dict[int, TokenSpan] = {}
        for entity in self.ents:
            self._entity_from.setdefault(entity.start_char, entity)
        self.gender: dict[str, str] = {}
        self._sentence_starts: list[int] | None = None
        self.mentions = _Mentions(ctx.actors)
        self.resolved: list[tuple[int, Actor]] = []  # (char offset, actor) of every speaker resolved so far
        self._resolved_at: list[tuple[int, int]] = []  # (char offset, position in ``resolved``), sorted
        self._resolved_chars: set[int] = set()
        self._next = 1 + max((int(m.group(1)) for a in ctx.actors if (m := re.fullmatch(r"a(\d+)", a.id))),
                             default=0)

    def resolve(self, source: tuple[int, int] | None) -> tuple[Actor | None, Span | None]:
        if source is None:
            return None, None
        words = self.doc[source[0]:source[1]]
        if not len(words):
            return None, None
        words = _counted(words)
        span = (words.start_char, words.end_char)
        head = words.root
        lower = head.lower_
        actor: Actor | None = None
        if lower in _RELATIVE and head.head.dep_ == "relcl":
            antecedent = head.head.head
            actor = self._named(self.doc[antecedent.left_edge.i:antecedent.i + 1])
        elif lower in PRONOUNS and len(words) == 1:
            actor = self.mentions.at(span) or self._antecedent(head)
        elif lower in _FIRST_PERSON and len(words) == 1:
            actor = self.mentions.at(span)
        else:
            actor = self._named(words)
        if actor is not None:
            insort(self._resolved_at, (span[0], len(self.resolved)))
            self._resolved_chars.add(span[0])
            self.resolved.append((span[0], actor))
            if lower in PRONOUNS and PRONOUNS[lower] in ("male", "female"):
                self.gender.setdefault(actor.id, PRONOUNS[lower])
        return actor, span

    def _named(self, words: TokenSpan) -> Actor | None:
        """The actor named by a noun phrase: the actors stage's, else one made for it."""
        name_tokens = _name_of(words)
        if not name_tokens:  # "Santilli's attorney, Thomas Coan, argued": the name in apposition, not the possessor
            appos = next((c for c in words.root.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if appos is not None:
                name_tokens = _name_of(self.doc[appos.left_edge.i:appos.right_edge.i + 1])
        core = (name_tokens[0].idx, name_tokens[-1].idx + len(name_tokens[-1].text)) if name_tokens else None
        actor = (self.mentions.at(core) if core else None) or self.mentions.at((words.start_char, words.end_char))
        if actor is not None:
            return actor
        return self._new(words, name_tokens)

    def _new(self, words: TokenSpan, name_tokens: list[Token]) -> Actor | None:
        head = words.root
        stop = words.end_char
        entity = self._entity_at.get(head.i)
        if entity is not None:
            name = _clean_name(entity.text)
            kind = _ENTITY_TYPES[entity.label_]
        elif head.pos_ == "PROPN" and name_tokens:
            name = _clean_name(" ".join(t.text for t in name_tokens))
            kind = "person" if len(name_tokens) <= 3 else "organization"
        elif head.pos_ == "NOUN":
            # an anonymous or generic source ("officials", "a spokesman", "the central bank") stays what it is
            end = _hyphenated_end(self.doc, head.i + 1)  # "study co-author": the whole noun, however parsed
            name = _clean_name(self.doc[words.start:end].text)
            stop = max(stop, self.doc[end - 1].idx + len(self.doc[end - 1].text))
            kind = "group" if head.tag_ == "NNS" or head.lemma_.lower() in _GROUP_WORDS else "other"
        else:
            return None
        if not name:
            return None
        span = (words.start_char, stop)
        existing = self._same_name(name, kind)
        if existing is not None:
            if span not in existing.mentions:
                existing.mentions.append(span)
                self.mentions.added(existing)
            return existing
        actor = Actor(id=f"a{self._next}", name=name, type=kind, mentions=[span])
        self._next += 1
        self.ctx.actors.append(actor)
        self.mentions.added(actor)
        title = self.doc[words.start].lower_ if len(words) else ""
        if title in _TITLE_GENDER:
            self.gender[actor.id] = _TITLE_GENDER[title]
        return actor

    def _same_name(self, name: str, kind: str) -> Actor | None:
        """An actor already known by this name or by a name that ends with it ("Trump" -> "Donald Trump")."""
        last = name.split()[-1].lower()
        for actor in self.ctx.actors:
            other = actor.name.lower()
            if other == name.lower():
                return actor
            if kind == "person" and actor.type == "person" and (other.split()[-1] == last):
                return actor
            if kind == actor.type and kind in ("other", "group") and other.split()[-1] == last:
                return actor  # "the central bank" ... "the bank"
        return None

    def _antecedent(self, pronoun: Token) -> Actor | None:
        """The actor a pronoun most likely refers to: of the compatible actors mentioned in the last few sentences,
        the one last mentioned as a subject (or as a speaker), else the one last mentioned at all."""
        wanted = PRONOUNS[pronoun.lower_]
        types = {"male": {"person"}, "female": {"person"}, "neuter": {"organization", "igo", "country", "other"},
                 "plural": {"group", "organization", "country", "igo", "military", "other"}}[wanted]
        if self._sentence_starts is None:
            self._sentence_starts = [s.start_char for s in self.doc.sents]
        sentence = self.ctx.sentence_index(pronoun.idx)
        earliest = self._sentence_starts[max(sentence - 4, 0)] if self._sentence_starts else 0
        mentions: list[tuple[int, int, Actor | None]] = self.mentions.between(earliest, pronoun.idx)
        lo = bisect_left(self._resolved_at, (earliest, -1))
        hi = bisect_left(self._resolved_at, (pronoun.idx, -1))
        for _, n in sorted(self._resolved_at[lo:hi], key=lambda pair: pair[1]):
            at, actor = self.resolved[n]
            mentions.append((at, at + 1, actor))
        first = bisect_left(self._ent_starts, earliest)
        for entity in self.ents[first:]:
            if entity.start_char >= pronoun.idx:
                break
            if entity.label_ not in _ENTITY_TYPES:
                continue
            if _ENTITY_TYPES[entity.label_] not in types:
                continue
            if any(s <= entity.start_char < e for s, e, _ in mentions):
                continue
            mentions.append((entity.start_char, entity.end_char, None))
        ranked = sorted(mentions, key=lambda m: (self._salient(m[0]), m[0]), reverse=True)
        for start, _end, actor in ranked:
            if actor is None:
                entity = self._entity_from[start]
                actor = self._named(entity)
                if actor is None:
                    continue
            if actor.type not in types:
                continue
            known = self.gender.get(actor.id)
            if wanted in ("male", "female") and known is not None and known != wanted:
                continue
            return actor
        return None

    def _salient(self, char: int) -> bool:
        """A mention in subject position, or one already resolved as a speaker."""
        if char in self._resolved_chars:
            return True
        token = self.doc[self.parsed.token_covering(char)]
        while token.dep_ in ("compound", "flat", "amod", "det") and token.head.i != token.i:
            token = token.head
        return token.dep_ in ("nsubj", "nsubjpass")


class _Mentions:
    """Every mention of every actor, by where it starts, for finding the actor at a span the way
    ``Context.actor_at`` does (the longest overlap; on a tie the earlier actor, then its earlier mention) without
    looking at every mention of the article each time."""

    def __init__(self, actors: list[Actor]):
        self.actors = actors
        self.rows = sorted((s, e, a, m) for a, actor in enumerate(actors) for m, (s, e) in enumerate(actor.mentions))
        self.starts = [row[0] for row in self.rows]
        self.longest = max((e - s for s, e, _, _ in self.rows), default=0)

    def added(self, actor: Actor) -> None:
        """Take in the last mention of ``actor`` (a new actor, or a new mention of a known one)."""
        a = next(n for n in range(len(self.actors) - 1, -1, -1) if self.actors[n] is actor)
        s, e = actor.mentions[-1]
        row = (s, e, a, len(actor.mentions) - 1)
        at = bisect_left(self.rows, row)
        self.rows.insert(at, row)
        self.starts.insert(at, s)
        self.longest = max(self.longest, e - s)

    def at(self, span: Span) -> Actor | None:
        lo = bisect_left(self.starts, span[0] - self.longest)
        hi = bisect_left(self.starts, span[1])
        best, best_key = None, None
        for s, e, a, m in self.rows[lo:hi]:
            overlap = min(e, span[1]) - max(s, span[0])
            if overlap > 0 and (best_key is None or (-overlap, a, m) < best_key):
                best, best_key = a, (-overlap, a, m)
        return self.actors[best] if best is not None else None

    def between(self, start: int, end: int) -> list[tuple[int, int, Actor | None]]:
        """The mentions starting in [start, end), actor by actor in the actors' order."""
        rows = self.rows[bisect_left(self.starts, start):bisect_left(self.starts, end)]
        return [(s, e, self.actors[a]) for s, e, a, _ in sorted(rows, key=lambda row: (row[2], row[3]))]


def _name_of(words: TokenSpan) -> list[Token]:
    """The proper-name tokens around the phrase's head ("Ukrainian Foreign Minister Andrii Sybiha" -> Andrii Sybiha
    would need a title list; here: the head with the proper nouns right before it)."""
    head = words.root
    if head.pos_ != "PROPN":
        return []
    tokens = [head]
    i = head.i - 1
    while i >= words.start and words.doc[i].pos_ == "PROPN" and words.doc[i].dep_ in ("compound", "flat"):
        tokens.insert(0, words.doc[i])
        i -= 1
    while tokens and tokens[0].lower_.rstrip(".") in {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president",
                                                        "minister", "secretary", "miss", "sir", "prime"}:
        tokens = tokens[1:]
    return tokens


def _glued_hyphen(doc, k: int) -> bool:
    """Whether token ``k`` is a hyphen joining the words either side of it ("co-author")."""
    return (0 < k < len(doc) - 1 and doc[k].text == "-" and not doc[k - 1].whitespace_
            and not doc[k].whitespace_ and doc[k + 1].is_alpha)


def _hyphenated_end(doc, end: int) -> int:
    """The end of a noun phrase ending at ``end``, taken on over hyphenated words the parser cut off: "a study
    co-author" parsed with "study" as its head."""
    while True:
        if _glued_hyphen(doc, end):
            end += 2  # "co" was the head: "-author" follows
        elif end + 1 < len(doc) and doc[end].is_alpha and doc[end].is_lower and _glued_hyphen(doc, end + 1):
            end += 3  # "study" was the head: "co-author" follows
        else:
            return end


def _clean_name(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
    name = re.sub(r"(?:'s|\u2019s)$", "", name)
    if name.count("(") > name.count(")"):
        name = name[:name.rindex("(")]  # "National Hurricane Center (NHC": the model's entity stops inside brackets
    return re.sub(r"\s+", " ", name).strip(" ,.-")
