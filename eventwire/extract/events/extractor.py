"""The event coder: finds the event words of each sentence, codes them, and finds their actors."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...records import Event
from .. import places, times
from ..context import Context
from . import coding, idioms, lexicon, sport, tables, verbless
from .candidate import Coded
from .clauses import clause_kind, clause_words, forecast, frame
from .confidence import confidence, features
from .modality import modality, obligation
from .participants import Resolver
from .selection import keep, said_of_a_place, verbal_place, without_redundant_statements

SPEECH_VERBS = frozenset("""say tell state announce declare claim report add note stress explain insist confirm
reiterate assert affirm argue suggest indicate write warn allege acknowledge admit told reply respond comment
emphasize emphasise point quote maintain predict disclose reveal inform remark testify""".split())
# nouns of saying whose clause is reported speech ("a warning that ...")
SPEECH_NOUNS = frozenset("""reminder warning statement call appeal demand message letter ultimatum note claim
assurance promise pledge threat announcement declaration insistence""".split())
# nouns whose clause is what is asked, promised or threatened, not an event of its own
CONTENT_NOUNS = frozenset("""demand call appeal request plea ultimatum reminder promise pledge threat warning
assurance offer proposal insistence""".split())
# verbs of giving: the one given to is the target, not the thing given ("offered its troops to Lebanon")
TRANSFER_VERBS = frozenset("""give send offer provide deliver supply grant sell donate extend ship return hand lend
transfer export pledge promise contribute dispatch""".split())
NON_EVENT_LEMMAS = frozenset({"be", "have", "do", "get", "become", "seem", "remain"})
# dependencies of a verb form that is not a clause of its own ("the defeated party", "war-torn", "according to")
NON_CLAUSE_DEPS = frozenset({"amod", "compound", "prep", "npadvmod", "nmod", "poss", "case", "dobj", "pobj", "nsubj",
                             "nsubjpass"})  # the last ones: a participle used as a noun ("evacuated the wounded")
# participles that report the event when they modify a noun ("the arrested persons", "the abducted envoy")
PARTICIPLE_EVENTS = frozenset("""arrest detain abduct kidnap kill murder assassinate torture deport expel execute
injure wound""".split())
# intent verbs that say nothing by themselves ("decided to look at this subject")
WEAK_INTENT = frozenset({"want", "wish", "hope", "expect", "consider", "decide", "plan", "aim", "intend", "prepare",
                         "propose", "resolve", "undertake", "volunteer"})


class Coder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.doc = ctx.doc
        self.resolver = Resolver(ctx)
        self.index = self.resolver.index
        self.verbs = lexicon.verbs()
        self.nouns = lexicon.nouns()
        self.roles = lexicon.roles()
        self._keys: dict[int, frozenset[str]] = {}  # each token's forms (lower-case, lemma), made when needed
        self._verb_cache: dict[int, tuple[str, float, bool, str, list[Token]] | None] = {}

    # -- coding one verb --------------------------------------------------------------------------------------

    def keys(self, token: Token) -> frozenset[str]:
        """The forms a dictionary pattern may match a token by: its own, and its lemma ("forces" -> FORCE)
        unless it is a participle or adjective, which is no noun of the pattern ("a Sydney-based group" has no
        BASE)."""
        found = self._keys.get(token.i)
        if found is None:
            modifier = token.tag_ in ("VBN", "VBD", "JJ") and token.dep_ in ("amod", "compound", "acl")
            forms = (token.lower_,) if modifier else (token.lower_, token.lemma_.lower())
            noun_modifier = (token.dep_ == "compound" and token.pos_ == "NOUN"
                             and token.head.lemma_.lower() in lexicon.QUALIFIED_HEADS)
            found = self._keys[token.i] = (lexicon.ModifierKeys if noun_modifier else frozenset)(forms)
        return found

    def lexicon_code(self, verb: Token) -> tuple[str, float, bool] | None:
        """(code, weight, reverse) for a verb from the dictionary alone, or None."""
        lemma = verb.lemma_.lower()
        # a verb listed in several blocks is coded by its own block (the one named after it) where there is one
        entries = self.verbs.ordered_entries(lemma, verb.lower_)
        if not entries:
            return None
        pre, post = clause_words(verb)
        pre_keys = [self.keys(t) for t in pre]
        post_keys = [self.keys(t) for t in post]
        words = frozenset().union(*pre_keys, *post_keys) if pre_keys or post_keys else frozenset()
        best: lexicon.Match | None = None
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod", "dobj", "acomp", "oprd")}
        for entry in entries:
            if entry.words and not set(entry.words) <= particles:
                continue
            match = self.verbs.match(entry, pre_keys, post_keys, words, lemma)
            weight = match.weight + (2.0 if entry.words else 0.0)
            if best is None or weight > best.weight or (entry.words and match.code):
                best = lexicon.Match(match.code, match.reverse, weight, match.block)
                if entry.words:
                    break
        if best is None or best.code is None or not tables.known(best.code[:2]):
            return None
        if lemma in SPEECH_VERBS and best.weight > 0 and best.code[:2] not in ("01", "02", "10", "11", "12", "13"):
            return best_default(entries, self.verbs)  # "..., reports aid agencies": saying is not giving aid
        return best.code, best.weight, best.reverse

    def role_of(self, verb: Token) -> str | None:
        """The verb's role towards a complement event (data/cameo/roles.tsv), particles included ("call off")."""
        lemma = verb.lemma_.lower()
        for child in verb.children:
            if child.dep_ == "prt":
                role = self.roles.get(f"{lemma} {child.lower_}")
                if role:
                    return role
        role = self.roles.get(lemma)
        if role == "intent" and any(forecast(c) for c in verb.children):
            return None  # "they are expected to enter the village": a forecast by others, not their intent
        if lemma == "call" and not any(c.lower_ in ("on", "upon", "for") for c in verb.children):
            return None  # "call" alone is a telephone call
        return role

    def complement(self, verb: Token, role: str) -> Token | None:
        """The clause a verb of ``role`` governs: an infinitive, or for verbs of saying-what-should-be a that-clause."""
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                return child
        if role in ("threat", "demand", "appeal", "intent", "refuse", "prepare"):
            for child in verb.children:
                if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
                    return child
            if not any(c.dep_ == "dobj" for c in verb.children):  # "have sworn to fight", parsed as a purpose
                for child in verb.children:
                    if child.dep_ == "advcl" and child.tag_ == "VB" and any(
                            c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                        return child
        if role == "appeal":  # "called on X to support": the infinitive hangs under the preposition's object
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                    for pobj in child.children:
                        for grand in pobj.children:
                            if grand.dep_ in ("acl", "relcl", "xcomp") and grand.pos_ == "VERB":
                                return grand
        return None

    def code_verb(self, verb: Token, depth: int = 0) -> tuple[str, float, bool, str, list[Token]] | None:
        """(code, weight, reverse, origin, absorbed complement verbs) for a verb, or None.

        A verb with a role codes its complement through it ("threatened to launch" -> 13, "cancelled the visit"
        -> 161); otherwise the verb dictionary codes it."""
        if verb.i in self._verb_cache:
            return self._verb_cache[verb.i]
        self._verb_cache[verb.i] = None  # guards against cycles in odd parses
        result = None
        lemma = verb.lemma_.lower()
        if idioms.no_event(verb) or sport.contest(verb):
            return None  # "called him a liar", "a fire broke out"; "Spain beat Germany 2-1": a game, no assault
        if idioms.toll_subject(verb, self.is_event_noun) is not None:
            return None  # "the blasts claimed 37 lives": the blasts are the event (noun_event), not a claim
        idiom = self.idiom_code(verb)
        if idiom is not None:
            self._verb_cache[verb.i] = idiom
            return idiom
        role = self.role_of(verb)
        own = self.lexicon_code(verb)
        own_code = own[0] if own else None
        weak = role in ("intent", "prepare") and lemma in WEAK_INTENT
        inner_verb = self.complement(verb, role) if role and depth < 3 else None
        if inner_verb is not None:
            inner = self.code_verb(inner_verb, depth + 1)
            inner_code = inner[0] if inner else self.object_noun_code(inner_verb)
            code = None if weak and inner_code is None else coding.combine(role, inner_code, own_code)
            if code:
                result = (code, 1.0, False, "wrapper", [inner_verb] + (inner[4] if inner else []))
        elif role:
            noun_code = self.object_noun_code(verb)  # "cancelled the visit", "called for talks", "staged a rally"
            # the dictionary's own pattern is kept for verbs that merely carry the noun ("launched an attack")
            if noun_code and not (role in ("light", "halt", "accept") and own and own[1] > 0
                                  and own[0][:2] == noun_code[:2]
                                  and len(own[0].rstrip("0")) >= len(noun_code.rstrip("0"))):
                code = coding.combine(role, noun_code, own_code)
                if code:
                    result = (code, 0.8, False, "role", [])
            elif role in ("appeal", "demand") and own is None and lemma in ("demand", "urge", "appeal"):
                result = (coding.appeal(None) if role == "appeal" else coding.demand(None), 0.5, False, "role", [])
        if result is None and own is not None and not weak and verb.pos_ != "ADJ":
            code, weight, reverse = own
            result = (code, weight, reverse, "pattern" if weight > 0 else "verb", [])
        self._verb_cache[verb.i] = result
        return result

    def idiom_code(self, verb: Token) -> tuple[str, float, bool, str, list[Token]] | None:
        """A phrase the dictionary does not code by its verb: "a car bomb went off" (a bombing), "Trump blasted
        Biden" (criticism), "the convoy came under fire" (an attack on the subject: reversed)."""
        if idioms.goes_off(verb):
            return ("183", 0.5, False, "verb", [])
        if idioms.blasted_in_words(verb):
            return ("111", 0.5, False, "verb", [])  # "Trump blasted Biden"
        under = idioms.under_what(verb)
        code = self.noun_code(under) if under is not None else None
        if code and code[:2] in coding.CONFLICT_ROOTS | {"11", "12"}:
            return (code, 0.5, True, "role", [])
        return None

    def is_event_noun(self, noun: Token) -> bool:
        return self.noun_code(noun, alone=True) is not None

    def object_noun_code(self, verb: Token) -> str | None:
        """The code of an event noun that is the verb's object ("launched an attack", "called for talks")."""
        for child in verb.children:
            candidates = []
            if child.dep_ in ("dobj", "nsubjpass"):
                candidates.extend([child, *child.conjuncts])  # "launched artillery, mortar and rocket fire"
            elif child.dep_ == "prep" and child.lower_ in ("for", "to", "on", "upon", "under"):
                candidates.extend(g for g in child.children if g.dep_ == "pobj")  # "placed under arrest"
            for noun in candidates:
                code = self.noun_code(noun)
                if code and code[:2] == "15" and verb.lemma_.lower() in TRANSFER_VERBS:
                    code = "074"  # troops offered or sent to someone: military protection
                if code is None and child.dep_ == "dobj":  # "25,000 tons of food aid", "a number of attacks"
                    of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                          if g.dep_ == "pobj"]
                    code = self.noun_code(of[0]) if of else None
                if code:
                    return code
        return None

    def noun_code(self, noun: Token, alone: bool = False) -> str | None:
        """The code of an event noun (``alone``: only nouns that report an event by themselves)."""
        senses = self.nouns.get(noun.lemma_.lower()) or self.nouns.get(noun.lower_)
        if not senses:
            return None
        modifiers = set()
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod"):
                modifiers.update((child.lower_, child.lemma_.lower()))
            elif child.dep_ == "prep":
                modifiers.add(child.lower_)
                for pobj in child.children:  # "suspension of air links", "deployment of a peacekeeping force"
                    if pobj.dep_ == "pobj":
                        modifiers.add(pobj.lemma_.lower())
                        modifiers.update(m.lemma_.lower() for m in pobj.children if m.dep_ in ("amod", "compound"))
        for sense in senses:
            if (not sense.modifiers or sense.modifiers & modifiers) and (sense.alone or not alone):
                return sense.code
        return None

    # -- reported speech -------------------------------------------------------------------------------------

    def speaker_of(self, token: Token) -> Token | None:
        """The speech verb whose reported clause holds ``token`` (nearest), or None. A clause that completes a
        noun of saying ("issued a warning that ...", "a statement that ...") is reported by the verb that governs
        the noun."""
        node = token
        while node.head.i != node.i:
            head = node.head
            if node.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in SPEECH_VERBS:
                return head
            if node.dep_ in ("acl", "ccomp") and head.lemma_.lower() in SPEECH_NOUNS and head.head.pos_ == "VERB":
                return head.head
            if node.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
                return None
            node = head
        return None

    # -- the sentence ------------------------------------------------------------------------------------------

    def sentence(self, sent: Span) -> list[Coded]:
        found: list[Coded] = []
        absorbed: set[int] = set()
        coded_verbs: dict[int, tuple] = {}
        tokens = list(sent)
        for token in tokens:
            if token.pos_ == "ADJ" and token.dep_ == "acomp" and self.role_of(token):  # "is ready to send troops"
                result = self.code_verb(token)
                if result is not None and result[3] == "wrapper":
                    coded_verbs[token.i] = result
                    absorbed.update(t.i for t in result[4])
                continue
            if (token.pos_ == "NOUN" and token.dep_ in ("ROOT", "advcl", "ccomp")
                    and any(c.dep_ == "nsubj" for c in token.children)
                    and not any(c.dep_ in ("det", "amod", "poss") for c in token.children)):
                pass  # a verb the tagger took for a noun ("gunmen shot and injured a doctor")
            elif token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
                continue
            if token.dep_ in NON_CLAUSE_DEPS and not (token.dep_ == "amod" and token.tag_ == "VBN"
                                                      and token.lemma_.lower() in PARTICIPLE_EVENTS):
                continue
            if token.lemma_.lower() in NON_EVENT_LEMMAS and not any(
                    c.dep_ == "dobj" for c in token.children):
                continue
            result = self.code_verb(token)
            if result is not None:
                coded_verbs[token.i] = result
                absorbed.update(t.i for t in result[4])
        # the root read as a noun ("Policemen patrol in coastal areas ... to ensure"), whatever its clauses code
        misread = self.misread_event(sent)
        if misread is not None and misread.trigger.i not in coded_verbs:
            found.append(misread)
        for token in tokens:  # "its demand that Israel ease restrictions": the content of a demand is the demand
            if token.dep_ in ("acl", "ccomp") and token.head.lemma_.lower() in CONTENT_NOUNS and token.i in coded_verbs:
                absorbed.add(token.i)
        for i, result in coded_verbs.items():
            if result[0][:2] in ("09", "11"):  # "accused X of violating": the violation is what is alleged
                for child in self.doc[i].children:
                    if child.dep_ == "prep" and child.lower_ in ("of", "for", "over"):
                        absorbed.update(g.i for g in child.children if g.dep_ == "pcomp")
        for i, result in coded_verbs.items():
            if i in absorbed:
                continue
            found.append(self.verb_event(self.doc[i], result))
        for token in tokens:
            if token.pos_ != "NOUN":
                continue
            if token.is_title and token.i > sent.start:  # a named event ("the Foreign Ministers' Meeting")
                continue
            coded = self.noun_event(token, coded_verbs)
            if coded is not None:
                found.append(coded)
        return found

    def is_verb_word(self, token: Token) -> bool:
        return bool(self.verbs.ordered_entries(token.lemma_.lower(), token.lower_))

    def misread_event(self, sent: Span) -> Coded | None:
        """The event of a sentence the parser read without a verb ("Policemen patrol in coastal areas", "planes
        bombed caves" with "bombed" as an adjective): its verb, subject and object found by their order."""
        misread = verbless.misread_verb(sent, self.is_verb_word)
        if misread is None or idioms.no_event(misread.verb) or sport.contest(misread.verb):
            return None
        result = self.lexicon_code(misread.verb)
        if result is None:
            return None
        code, weight, reverse = result
        coded = Coded(trigger=misread.verb, code=code, origin="verb", weight=weight, reverse=reverse)
        coded.needs_source = misread.verb.lemma_.lower() in self.verbs.needs_actor
        coded.sources = [misread.subject]
        coded.targets = [misread.object] if misread.object is not None else []
        coded.modality_token = misread.verb
        return coded

    def verb_event(self, verb: Token, result) -> Coded:
        code, weight, reverse, origin, absorbed = result
        f = frame(verb)
        coded = Coded(trigger=verb, code=code, origin=origin, weight=weight, frame=f, reverse=reverse)
        coded.needs_source = origin == "verb" and verb.lemma_.lower() in self.verbs.needs_actor
        coded.sources = list(f.subjects)
        coded.targets = list(f.objects)
        coded.target_preps = list(f.preps)
        if f.passive and not f.subjects:
            if code[:2] == "15":  # "six companies of police were deployed": those deployed act
                coded.sources, coded.targets = coded.targets, []
            else:
                coded.sources = self.passive_agent(verb, f)
        coded.modality_token = verb
        coded.clause = clause_kind(verb)
        acting = absorbed[-1] if origin == "wrapper" and absorbed else verb
        coded.recipient_first = acting.lemma_.lower() in TRANSFER_VERBS
        if coded.clause == "subordinate" and verb.dep_ == "advcl" and verb.tag_ == "VBG" and not coded.targets:
            coded.targets = frame(verb.head).objects  # "attacked the camp, killing 50": those killed were there
        if origin == "role" and self.role_of(verb) in ("appeal", "demand"):
            coded.fallback_target_scope = next((o for o in f.objects), None)  # "to secure an invitation to join X"
        if origin == "wrapper" and absorbed:
            inner = frame(absorbed[-1])
            kind = self.role_of(verb)
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
            inner_verb = absorbed[0]
            between = self.doc[verb.i + 1:inner_verb.i]
            if 0 < inner_verb.i - verb.i <= 4 and all(t.pos_ in ("PART", "ADV", "AUX") for t in between):
                # "threatened to launch", "began shelling": the words of the event
                coded.span = (verb.idx, inner_verb.idx + len(inner_verb.text))
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
        elif (coded.modality == "future" and origin != "wrapper" and coding.family(code) != "verbal"
              and not forecast(verb)):  # "are expected to attack": others' forecast of an attack, not a threat
            coded.code = coding.intent(code)
        return coded

    def passive_agent(self, verb: Token, f) -> list[Token]:
        """Who acted, for a passive without "by": the author of the event it happened in ("killed in police
        firing", "killed in an Israeli air strike") or of the clause that says when ("was killed when the police
        fired")."""
        for prep, obj in f.preps:
            if prep not in ("in", "during", "under", "after", "amid"):
                continue
            if self.noun_code(obj):
                return [obj]
            for child in obj.children:  # "killed in police firing", parsed as "police" modified by "firing"
                if child.dep_ in ("acl", "compound", "amod") and (self.noun_code(child) or (
                        child.pos_ == "VERB" and (c := self.code_verb(child)) and coding.family(c[0]) == "conflict")):
                    return [obj]
        for child in verb.children:
            if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("when", "as", "after", "while")
                                             for c in child.children):
                coded = self.code_verb(child)
                if coded and coding.family(coded[0]) == "conflict":
                    return frame(child).subjects
        return []

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
            if not self.resolver.phrase_actors(coded.sources):
                coded.sources = list(speakers)
            return
        # "may have struck victims": a guess about the past, not what anyone intends or threatens
        perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in verb.children)
        if mood in ("future", "hypothetical") and not perfect:
            coded.code = coding.intent(coded.code)
            coded.origin = "speech"
            if not self.resolver.phrase_actors(coded.sources):
                coded.sources = list(speakers)

    def noun_event(self, noun: Token, coded_verbs: dict[int, tuple]) -> Coded | None:
        code = self.noun_code(noun, alone=True)
        if code is None:
            return None
        head = noun.head
        # a verb coded through this noun ("launched an attack", "called for talks", "placed under arrest") or one
        # that reports the same event ("the attack killed five") already covers it
        governor = head.head if noun.dep_ == "pobj" else head
        if governor.i in coded_verbs:
            if noun.dep_ in ("dobj", "nsubjpass", "attr") or coded_verbs[governor.i][0][:2] == code[:2]:
                return None
            if noun.dep_ == "pobj" and coded_verbs[governor.i][3] in ("role", "wrapper"):
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
        if noun.dep_ == "dobj" and head.pos_ == "VERB" and self.role_of(head) == "light":
            trigger = head  # "launched an attack": the verb reports it
        elif noun.dep_ == "nsubj" and head.pos_ == "VERB" and idioms.says_it_happened(head):
            trigger = head  # "the shooting occurred near the village"
            sources = sources or frame(head).subjects
        elif noun.dep_ == "nsubj" and head.pos_ == "VERB" and getattr(
                idioms.toll_subject(head, self.is_event_noun), "i", None) == noun.i:
            trigger = head  # "the blasts claimed 37 lives": the verb reports the blasts
        elif (relative := idioms.occurring_clause(noun)) is not None:
            trigger = relative  # "in twin blasts that occurred on Thursday": the clause says it happened
        elif noun.dep_ == "nsubj" and head.lemma_.lower() == "be":
            # "the strikes were Moscow's response": the possessor of what they were is their author
            for attr in head.children:
                if attr.dep_ == "attr":
                    sources = sources or [c for c in attr.children if c.dep_ == "poss"]
        has_actor = bool(self.resolver.phrase_actors(sources)) or any(self.index.in_phrase(o) for _, o in preps)
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

def best_default(entries, verbs: lexicon.VerbLexicon) -> tuple[str, float, bool] | None:
    """The first default code among a verb's dictionary entries (patterns aside)."""
    for entry in entries:
        code = entry.code if entry.code is not None else verbs.blocks[entry.block].code
        if entry.words or code in (None, "---"):
            continue
        return code, 0.0, False
    return None


def extract(ctx: Context, collect: list | None = None) -> list[Event]:
    """The events of an article. With ``collect``, each event is appended to it with its confidence features (for
    fitting the confidence model: scripts/fit_event_confidence.py)."""
    coder = Coder(ctx)
    events: list[Event] = []
    for index, sent in enumerate(ctx.doc.sents):
        resolved = []
        for coded in coder.sentence(sent):
            if (coded.clause == "condition" or (coded.clause == "purpose" and coded.code[:2] != "14")) and (
                    coded.modality == "asserted"):
                coded.modality = "hypothetical"  # an aim or a condition has not happened (yet)
            sources, targets = coder.resolver.resolve(coded)
            if keep(coded, sources, targets):
                resolved.append((coded, sources, targets))
        for coded, sources, targets in without_redundant_statements(coder, resolved):
            trigger = coded.trigger
            place = places.event_place(ctx, trigger, said=said_of_a_place(coded.code))
            implicit = False
            if not targets and not (coded.frame is not None and coded.frame.passive):
                targets = coder.resolver.fallback_target(coded, sources, place)
                implicit = bool(targets)
            place = verbal_place(ctx, coded, place)  # "France slammed China": said of China, not in it
            info = tables.info(coded.code)
            has_target = bool(targets)
            event = Event(
                id=f"e{len(events) + 1}", source=[a.id for a in sources], target=[a.id for a in targets],
                cameo=info.code if len(coded.code) > len(info.code) else coded.code, plover=info.plover,
                quad_class=info.quad_class, goldstein=info.goldstein, modality=coded.modality,
                date=times.event_date(ctx, trigger), place=place, sentence=index,
                trigger=coded.span or (trigger.idx, trigger.idx + len(trigger.text)),
                evidence=(sent.start_char, sent.end_char),
                confidence=confidence(coded, bool(sources), has_target, implicit))
            events.append(event)
            if collect is not None:
                collect.append((event, features(coded, bool(sources), has_target, implicit)))
    events.sort(key=lambda e: (e.sentence, e.trigger))
    for i, event in enumerate(events, 1):
        event.id = f"e{i}"
    return events


__all__ = ["extract"]
