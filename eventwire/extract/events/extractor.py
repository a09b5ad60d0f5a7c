"""The event coder: finds the event words of each sentence, codes them, and finds their actors."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ...records import Actor, Event
from .. import places, times
from ..context import Context
from . import coding, lexicon, tables
from .clauses import Frame, clause_kind, clause_words, frame
from .confidence import confidence
from .modality import is_negated, modality, obligation
from .participants import ActorIndex

SPEECH_VERBS = frozenset("""say tell state announce declare claim report add note stress explain insist confirm
reiterate assert affirm argue suggest indicate write warn allege acknowledge admit told reply respond comment
emphasize emphasise point quote maintain predict disclose reveal inform remark testify""".split())
# verbs that carry an event noun as their object: the event is the noun's, the word is the verb
LIGHT_VERBS = frozenset("""launch carry conduct stage mount make hold wage begin start continue resume unleash
intensify escalate step perpetrate commit execute undertake order orchestrate plan""".split())
# what an attack is made with, not on ("launched a missile at Kiev")
INSTRUMENTS = frozenset("""weapon missile rocket bomb drone shell artillery mortar gun firearm rifle grenade
explosive munition ammunition aircraft warplane jet helicopter tank bullet round device projectile""".split())
# nouns of reply: in "X's response to Y's attacks" the attacks were on X
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reaction", "revenge", "reply", "answer", "retribution"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
NON_EVENT_LEMMAS = frozenset({"be", "have", "do", "get", "become", "seem", "remain"})
# dependencies of a verb form that is not a clause of its own ("the defeated party", "war-torn", "according to")
NON_CLAUSE_DEPS = frozenset({"amod", "compound", "prep", "npadvmod", "nmod", "poss", "case"})
# intent verbs that say nothing by themselves ("decided to look at this subject")
WEAK_INTENT = frozenset({"want", "wish", "hope", "expect", "consider", "decide", "plan", "aim", "intend", "prepare",
                         "propose", "resolve", "undertake", "volunteer"})


@dataclass
class Coded:
    """What the coder found for one event word, before its actors are looked up."""

    trigger: Token
    code: str
    origin: str  # pattern | verb | noun | wrapper | speech | statement
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
    clause: str = "main"  # main | subordinate | condition (see clauses.clause_kind)


class Coder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.doc = ctx.doc
        self.index = ActorIndex(ctx)
        self.verbs = lexicon.verbs()
        self.nouns = lexicon.nouns()
        self.wrappers = lexicon.wrappers()
        self._keys: list[frozenset[str]] = [frozenset((t.lower_, t.lemma_.lower())) for t in self.doc]
        self._verb_cache: dict[int, tuple[str, float, bool, str, list[Token]] | None] = {}
        self.quote_speakers = [(q.span, q.speaker) for q in ctx.quotes if q.speaker]
        self.actors_by_id = {a.id: a for a in ctx.actors}

    # -- coding one verb --------------------------------------------------------------------------------------

    def lexicon_code(self, verb: Token) -> tuple[str, float, bool] | None:
        """(code, weight, reverse) for a verb from the dictionary alone, or None."""
        entries = self.verbs.entries(verb.lemma_.lower(), verb.lower_)
        if not entries:
            return None
        # a verb listed in several blocks is coded by its own block (the one named after it) where there is one
        lemma = verb.lemma_.lower()
        extras = [e for e in entries if self.verbs.blocks[e.block].name.startswith("extra:")]
        others = [e for e in entries if e not in extras]
        home = [e for e in others if e.words or self.verbs.blocks[e.block].name.lower() == lemma]
        entries = extras + (home or others)
        pre, post = clause_words(verb)
        pre_keys = [self._keys[t.i] for t in pre]
        post_keys = [self._keys[t.i] for t in post]
        words = frozenset().union(*pre_keys, *post_keys) if pre_keys or post_keys else frozenset()
        best: lexicon.Match | None = None
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod", "dobj", "acomp")}
        for entry in entries:
            if entry.words and not set(entry.words) <= particles:
                continue
            match = self.verbs.match(entry, pre_keys, post_keys, words)
            weight = match.weight + (2.0 if entry.words else 0.0)
            if best is None or weight > best.weight or (entry.words and match.code):
                best = lexicon.Match(match.code, match.reverse, weight, match.block)
                if entry.words:
                    break
        if best is None or best.code is None or not tables.known(best.code[:2]):
            return None
        return best.code, best.weight, best.reverse

    def complement(self, verb: Token, kind: str) -> Token | None:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                return child
        if kind in ("threat", "demand", "appeal", "intent", "refuse"):
            for child in verb.children:
                if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
                    return child
        if kind == "appeal":  # "called on X to support": the infinitive hangs under the preposition's object
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                    for pobj in child.children:
                        for grand in pobj.children:
                            if grand.dep_ in ("acl", "relcl", "xcomp") and grand.pos_ == "VERB":
                                return grand
        return None

    def code_verb(self, verb: Token, depth: int = 0) -> tuple[str, float, bool, str, list[Token]] | None:
        """(code, weight, reverse, origin, absorbed complement verbs) for a verb, or None."""
        if verb.i in self._verb_cache:
            return self._verb_cache[verb.i]
        result = None
        lemma = verb.lemma_.lower()
        kind = self.wrappers.get(lemma)
        if kind == "call" or (lemma == "call" and not any(c.lower_ in ("on", "upon", "for") for c in verb.children)):
            kind = None  # "call" alone is a telephone call
        own = self.lexicon_code(verb)
        inner_verb = self.complement(verb, kind) if kind and depth < 3 else None
        if kind and inner_verb is not None:
            inner = self.code_verb(inner_verb, depth + 1)
            inner_code = inner[0] if inner else self.noun_object_code(inner_verb)
            weak = kind == "intent" and lemma in WEAK_INTENT and inner_code is None
            code = None if weak else coding.combine(kind, inner_code, own[0] if own else None)
            if code:
                absorbed = [inner_verb] + (inner[4] if inner else [])
                result = (code, 1.0, False, "wrapper", absorbed)
        elif kind in ("appeal", "demand") and own is None:
            noun_code = self.noun_object_code(verb)  # "called for talks", "demanded the release"
            if noun_code or lemma in ("demand", "urge", "appeal"):
                code = coding.appeal(noun_code) if kind == "appeal" else coding.demand(noun_code)
                result = (code, 0.5, False, "wrapper", [])
        if result is None and own is not None and not (kind == "intent" and lemma in WEAK_INTENT):
            code, weight, reverse = own
            if kind and kind != "attempt":
                noun_code = self.noun_object_code(verb)
                if noun_code and kind in ("appeal", "demand", "intent", "threat", "refuse"):
                    code = coding.combine(kind, noun_code, code) or code
            result = (code, weight, reverse, "pattern" if weight > 0 else "verb", [])
        if result is None and lemma in LIGHT_VERBS:
            noun_code = self.noun_object_code(verb)
            if noun_code:
                result = (noun_code, 0.5, False, "noun", [])
        self._verb_cache[verb.i] = result
        return result

    def noun_object_code(self, verb: Token) -> str | None:
        """The code of an event noun that is the verb's object ("launched an attack", "called for talks")."""
        for child in verb.children:
            candidates = []
            if child.dep_ in ("dobj", "nsubjpass"):
                candidates.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("for", "to"):
                candidates.extend(g for g in child.children if g.dep_ == "pobj")
            for noun in candidates:
                code = self.noun_code(noun)
                if code:
                    return code
        return None

    def noun_code(self, noun: Token) -> str | None:
        senses = self.nouns.get(noun.lemma_.lower()) or self.nouns.get(noun.lower_)
        if not senses:
            return None
        modifiers = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "prep")}
        modifiers |= {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
        for sense in senses:
            if not sense.modifiers or sense.modifiers & modifiers:
                return sense.code
        return None

    # -- reported speech -------------------------------------------------------------------------------------

    def speaker_of(self, token: Token) -> Token | None:
        """The speech verb whose reported clause holds ``token`` (nearest), or None."""
        node = token
        while node.head.i != node.i:
            if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in SPEECH_VERBS:
                return node.head
            if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN"):
                return None
            node = node.head
        return None

    # -- the sentence ------------------------------------------------------------------------------------------

    def sentence(self, sent: Span) -> list[Coded]:
        found: list[Coded] = []
        absorbed: set[int] = set()
        coded_verbs: dict[int, tuple] = {}
        for token in sent:
            if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass") or token.dep_ in NON_CLAUSE_DEPS:
                continue
            if token.lemma_.lower() in NON_EVENT_LEMMAS and not any(
                    c.dep_ == "dobj" for c in token.children):
                continue
            result = self.code_verb(token)
            if result is not None:
                coded_verbs[token.i] = result
                absorbed.update(t.i for t in result[4])
        for i, result in coded_verbs.items():
            if i in absorbed:
                continue
            found.append(self.verb_event(self.doc[i], result))
        used_nouns = {t.i for c in found for t in c.targets + c.sources} | {
            o.i for c in found for _, o in c.target_preps}
        for token in sent:
            if token.pos_ not in ("NOUN", "PROPN") or token.i in used_nouns:
                continue
            coded = self.noun_event(token, coded_verbs)
            if coded is not None:
                found.append(coded)
        # statements: a speech verb whose reported clause holds an event says nothing more than that event
        speech_with_events = {s.i for c in found if (s := self.speaker_of(c.trigger)) is not None}
        found = [c for c in found if not (c.origin == "statement" and c.trigger.i in speech_with_events)]
        return found

    def verb_event(self, verb: Token, result) -> Coded:
        code, weight, reverse, origin, absorbed = result
        f = frame(verb)
        coded = Coded(trigger=verb, code=code, origin=origin, weight=weight, frame=f, reverse=reverse)
        coded.sources = list(f.subjects)
        coded.targets = list(f.objects)
        coded.target_preps = list(f.preps)
        coded.modality_token = verb
        coded.clause = clause_kind(verb)
        if coded.clause == "subordinate" and verb.dep_ == "advcl" and verb.tag_ == "VBG" and not coded.targets:
            coded.targets = frame(verb.head).objects  # "attacked the camp, killing 50": those killed were there
        if origin == "wrapper" and absorbed:
            inner = frame(absorbed[-1])
            kind = self.wrappers.get(verb.lemma_.lower())
            if kind in ("appeal", "demand"):
                # the one appealed to: the object ("urged the EU"), "on" ("called on NATO"), else the inner subject
                on = [o for p, o in f.preps if p in ("on", "upon", "to")]
                if not coded.targets and on:
                    coded.targets = on
                if not coded.targets:
                    coded.targets = [s for s in inner.subjects if s not in f.subjects]
                coded.fallback_target_scope = absorbed[0]
            else:
                coded.targets = inner.objects or coded.targets
                coded.target_preps = inner.preps + coded.target_preps
            if kind == "fail":
                coded.modality = "negated"
        if verb.lemma_.lower() in SPEECH_VERBS and code[:2] == "01":
            coded.origin = "statement"
            coded.fallback_target_scope = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis")),
                                               None)
        speech = self.speaker_of(verb)
        coded.reported = speech is not None
        if coded.modality == "asserted":
            coded.modality = modality(verb, coded.reported)
        if speech is not None:
            self.reported_speech(coded, verb, speech)
        elif coded.modality == "future" and origin != "wrapper" and coding.family(code) != "verbal":
            coded.code = coding.intent(code)
        return coded

    def reported_speech(self, coded: Coded, verb: Token, speech: Token) -> None:
        """What a speaker says will, could or must happen: an intent, a threat, a demand, a refusal."""
        speaker_frame = frame(speech)
        speakers = speaker_frame.subjects
        mood = modality(verb, reported=True)
        family = coding.family(coded.code)
        if coded.origin == "wrapper" or family == "verbal":
            return
        if obligation(verb) and mood != "negated":
            coded.code = coding.demand(coded.code)
            coded.origin = "speech"
            coded.targets = [s for s in coded.sources]
            coded.target_preps = []
            coded.sources = list(speakers)
            coded.modality = "asserted"
            return
        future_aux = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "shall") for c in verb.children)
        if mood == "negated" and future_aux and family == "cooperation":
            coded.code = coding.refusal(coded.code)
            coded.origin = "speech"
            coded.modality = "asserted"
            if not self.phrase_actors(coded.sources):
                coded.sources = list(speakers)
            return
        if mood in ("future", "hypothetical"):
            coded.code = coding.intent(coded.code)
            coded.origin = "speech"
            if not self.phrase_actors(coded.sources):
                coded.sources = list(speakers)

    def noun_event(self, noun: Token, coded_verbs: dict[int, tuple]) -> Coded | None:
        code = self.noun_code(noun)
        if code is None:
            return None
        head = noun.head
        # the object of a verb that is itself coded: that verb's event already covers it
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and head.i in coded_verbs:
            return None
        if noun.dep_ == "pobj" and head.head.i in coded_verbs and head.head.pos_ == "VERB" and head.lower_ in (
                "for", "to") and coded_verbs[head.head.i][3] == "wrapper":
            return None
        sources: list[Token] = []
        preps: list[tuple[str, Token]] = []
        trigger = noun
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and self.index.at(child)):
                sources.append(child)
            elif child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if child.lower_ == "by" or (child.lower_ == "from" and code[:2] in ("02", "10", "11", "13")):
                        sources.append(pobj)
                    elif child.lower_ == "of" and code[:2] in ("17", "18", "20") or child.lower_ != "of":
                        preps.append((child.lower_, pobj))
        if noun.dep_ in ("dobj",) and head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
            trigger = head  # "launched an attack": the verb reports it
            sources = sources or frame(head).subjects
        elif noun.dep_ == "nsubj" and head.lemma_.lower() == "be":
            # "the strikes were Moscow's response": the possessor of what they were is their author
            for attr in head.children:
                if attr.dep_ == "attr":
                    sources = sources or [c for c in attr.children if c.dep_ == "poss"]
        has_actor = bool(self.phrase_actors(sources)) or any(self.index.in_phrase(o) for _, o in preps)
        if not has_actor and trigger.i == noun.i:
            return None
        coded = Coded(trigger=trigger, code=code, origin="noun", sources=sources, target_preps=preps,
                      weight=0.0)
        coded.modality_token = trigger if trigger.i != noun.i else None
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            coded.modality = "negated"
        elif trigger.i != noun.i:
            coded.modality = modality(trigger, self.speaker_of(trigger) is not None)
        return coded

    # -- actors ------------------------------------------------------------------------------------------------

    def phrase_actors(self, heads: list[Token]) -> list[Actor]:
        found: list[Actor] = []
        for head in heads:
            actors = self.index.in_phrase(head)
            if not actors and head.lower_ in FIRST_PERSON:
                actors = self.quote_speaker(head)
            for actor in actors:
                if actor not in found:
                    found.append(actor)
        return found

    def quote_speaker(self, token: Token) -> list[Actor]:
        for (start, end), speaker in self.quote_speakers:
            if start <= token.idx < end and speaker in self.actors_by_id:
                return [self.actors_by_id[speaker]]
        return []

    def resolve(self, coded: Coded) -> tuple[list[Actor], list[Actor]]:
        sources = list(coded.source_actors) or self.phrase_actors(coded.sources)
        conflict = coded.code[:2] in coding.CONFLICT_ROOTS or coded.code[:2] == "13"
        objects = [o for o in coded.targets if not (conflict and o.lemma_.lower() in INSTRUMENTS)]
        targets = self.phrase_actors(objects)
        if not targets:
            preps = [(p, o) for p, o in coded.target_preps if not (conflict and p == "with")]
            for prep in lexicon_target_order(preps):
                targets = [a for a in self.index.in_phrase(prep) if a not in sources]
                if targets:
                    break
        if not targets and coded.fallback_target_scope is not None:
            targets = self.scope_target(coded.fallback_target_scope, sources)
        if not targets and coded.origin == "noun" and conflict:
            targets = self.responder(coded.trigger)
        targets = [a for a in targets if a not in sources]
        if coded.reverse:
            sources, targets = targets, sources
        return sources, targets

    def responder(self, noun: Token) -> list[Actor]:
        """In "X's response to Y's attacks", X: the one the attacks were on."""
        prep = noun.head
        if noun.dep_ == "pobj" and prep.lower_ in ("to", "for", "against") and prep.head.lemma_.lower() in \
                RESPONSE_NOUNS:
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


def lexicon_target_order(preps: list[tuple[str, Token]]) -> list[Token]:
    from .clauses import TARGET_PREPS

    rank = {p: i for i, p in enumerate(TARGET_PREPS)}
    return [o for p, o in sorted(preps, key=lambda po: rank.get(po[0], 99)) if p in rank]


def keep(coded: Coded, sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether an event is worth reporting.

    A condition ("if it is attacked") reports nothing. A material act with no actor found (an attack, an arrest, a
    march) is news whoever did it ("three men were shot"); a verbal act with nobody to make it is not. Acts in
    relative, participle and purpose clauses are background: kept when both sides are known, or when violent.
    """
    if coded.clause == "condition":
        return False
    violent = coded.code[:2] in ("18", "19", "20") or coded.code[:3] in ("145", "175")
    if coded.clause == "subordinate" and not violent and not (sources and targets):
        return False
    if sources or targets:
        return True
    return coded.code[:2] in coding.CONFLICT_ROOTS or (coded.code[:2] in ("06", "07", "08") and coded.weight > 0)


def extract(ctx: Context) -> list[Event]:
    coder = Coder(ctx)
    events: list[Event] = []
    for index, sent in enumerate(ctx.doc.sents):
        for coded in coder.sentence(sent):
            sources, targets = coder.resolve(coded)
            if not keep(coded, sources, targets):
                continue
            info = tables.info(coded.code)
            trigger = coded.trigger
            mod = coded.modality
            events.append(Event(
                id=f"e{len(events) + 1}", source=[a.id for a in sources], target=[a.id for a in targets],
                cameo=info.code if len(coded.code) > len(info.code) else coded.code, plover=info.plover,
                quad_class=info.quad_class, goldstein=info.goldstein, modality=mod,
                date=times.event_date(ctx, trigger), place=places.event_place(ctx, trigger), sentence=index,
                trigger=(trigger.idx, trigger.idx + len(trigger.text)), evidence=(sent.start_char, sent.end_char),
                confidence=confidence(coded, bool(sources), bool(targets))))
    events.sort(key=lambda e: (e.sentence, e.trigger))
    for i, event in enumerate(events, 1):
        event.id = f"e{i}"
    return events


__all__ = ["extract", "is_negated"]
