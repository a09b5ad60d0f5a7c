"""Predicate frames from the dependency parse: for a verb, who acts (subject, or the "by" agent of a passive), what
is acted on (object, dative, prepositional objects), the complement clause it governs, and the words of its clause
for pattern matching.

Subjects that the parse leaves implicit are recovered from the structure: an infinitive complement takes the
subject of its governing verb, or that verb's object where the verb is one of object control ("urged the EU to
support" -> the EU supports); a conjoined verb shares its head's subject; a relative clause's "that"/"which" is the
noun it modifies; a participle modifying a noun ("the letter sent by X") has that noun as its object.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "oprd"})
# children that begin another clause: not part of this verb's own words
CLAUSE_SKIP = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "conj", "punct", "cc",
                         "mark", "acl"})
# verbs whose object is the subject of their infinitive complement
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "force", "order", "invite", "persuade", "encourage", "press",
                            "allow", "help", "request", "tell", "instruct", "direct", "compel", "warn", "advise",
                            "pressure", "pressurize", "push", "permit", "enable", "authorize", "implore", "beg",
                            "lobby", "appeal", "demand", "oblige", "require"})
# prepositions that introduce the one acted on, in order of preference
TARGET_PREPS = ("against", "on", "upon", "at", "to", "toward", "towards", "with", "into", "from", "for", "over",
                "of", "onto", "across", "inside")
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})


@dataclass
class Frame:
    verb: Token
    subjects: list[Token] = field(default_factory=list)  # heads of the phrases that act
    objects: list[Token] = field(default_factory=list)  # heads of the phrases acted on
    preps: list[tuple[str, Token]] = field(default_factory=list)  # (preposition, object head)
    passive: bool = False
    complement: Token | None = None  # an xcomp or ccomp verb
    complement_dep: str | None = None


def _with_conjuncts(token: Token) -> list[Token]:
    return [token] + [c for c in token.conjuncts if c.i > token.i]


def _prep_objects(token: Token) -> list[tuple[str, Token]]:
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.pos_ == "ADP":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    out.extend((child.lower_, obj) for obj in _with_conjuncts(grand))
                elif grand.dep_ == "prep":  # "out of", "away from"
                    out.extend((grand.lower_, g) for g in grand.children if g.dep_ == "pobj")
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl") or _shares_passive(verb)


def _shares_passive(verb: Token) -> bool:
    """A participle coordinated with a passive verb, or completing one, and without a subject or auxiliary of its
    own shares its voice: "was shot and killed by gunmen", "was found shot dead"."""
    return (verb.dep_ in ("conj", "oprd", "xcomp", "acomp") and verb.tag_ == "VBN" and verb.head.i != verb.i
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children)
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children))


def frame(verb: Token, depth: int = 0) -> Frame:
    f = Frame(verb)
    f.passive = is_passive(verb)
    agents: list[Token] = []
    for child in verb.children:
        dep = child.dep_
        if dep in SUBJECT_DEPS:
            f.subjects.extend(_with_conjuncts(child))
        elif dep in PASSIVE_SUBJECT_DEPS:
            f.objects.extend(_with_conjuncts(child))
        elif dep in OBJECT_DEPS:
            f.objects.extend(_with_conjuncts(child))
        elif dep == "agent":
            agents.extend(obj for _, obj in _prep_objects_of_agent(child))
        elif dep in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX") and f.complement is None:
            f.complement, f.complement_dep = child, dep
    f.preps = [(p, o) for p, o in _prep_objects(verb) if p != "by" or not f.passive]
    if f.passive:
        if not agents:  # "was shot and killed by gunmen": the agent of the participle joined to it
            agents = [obj for c in verb.children if c.dep_ == "conj" and _shares_passive(c)
                      for a in c.children if a.dep_ == "agent" for _, obj in _prep_objects_of_agent(a)]
        f.subjects = agents + [o for p, o in _prep_objects(verb) if p == "by" and o not in agents]
        if _shares_passive(verb) and depth < 4 and not any(o.pos_ in ("NOUN", "PROPN", "PRON") for o in f.objects):
            f.objects = frame(verb.head, depth + 1).objects  # the one shot was killed; the one found, shot dead
    # a relative pronoun subject is the noun the clause modifies
    if verb.dep_ == "relcl":
        if f.subjects and f.subjects[0].lower_ in RELATIVE_PRONOUNS:
            f.subjects = [verb.head]
        elif f.objects and f.objects[0].lower_ in RELATIVE_PRONOUNS:
            f.objects = [verb.head]
        elif not f.subjects and not f.passive:
            f.subjects = [verb.head]
    if verb.dep_ == "amod" and verb.tag_ == "VBN":
        f.objects = [verb.head]  # "the arrested persons"
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        if f.passive and not f.objects:
            f.objects = [verb.head]  # "the letter sent by X"
        elif not f.subjects and not f.passive:
            f.subjects = [verb.head]  # "forces loyal to X", "troops controlling the town"
    if not f.subjects and depth < 4 and not _shares_passive(verb):
        f.subjects = inherited_subjects(verb, depth)
    return f


def _prep_objects_of_agent(agent: Token) -> list[tuple[str, Token]]:
    out = []
    for grand in agent.children:
        if grand.dep_ == "pobj":
            out.extend(("by", obj) for obj in _with_conjuncts(grand))
    return out


def inherited_subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The subject a verb without one of its own takes from the structure around it."""
    head = verb.head
    if head.i == verb.i:
        return []
    dep = verb.dep_
    if dep == "xcomp" or (dep == "advcl" and verb.tag_ == "VB"):  # "threatened to launch", "in order to"
        head_frame = frame(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None
        if head_frame is not None:
            if head.lemma_.lower() in OBJECT_CONTROL:
                if head_frame.objects and not head_frame.passive:
                    return head_frame.objects
                on = [o for p, o in head_frame.preps if p in ("on", "upon")]
                if on:
                    return on
            if head_frame.passive and head_frame.objects:
                return head_frame.objects  # "was asked to leave": the one asked
            return head_frame.subjects
        # "ready to contribute": the adjective's clause
        if head.pos_ == "ADJ" and head.head.i != head.i:
            return frame(head.head, depth + 1).subjects
        return []
    if dep == "acomp" and head.pos_ in ("VERB", "AUX"):
        return frame(head, depth + 1).subjects  # "France is ready to ..."
    if dep == "conj" and (head.pos_ in ("VERB", "AUX") or any(c.dep_ == "nsubj" for c in head.children)):
        head_frame = frame(head, depth + 1)
        if head_frame.passive and not is_passive(verb):
            return head_frame.objects  # "was indicted by the court and will resign": the one indicted resigns
        return head_frame.subjects
    if dep == "advcl" and verb.tag_ in ("VBG", "VBN") and head.pos_ in ("VERB", "AUX"):
        return frame(head, depth + 1).subjects  # "..., killing 50"
    if dep == "pcomp" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
        return frame(head.head, depth + 1).subjects  # "by dumping sawdust"
    return []


def clause_words(verb: Token) -> tuple[list[Token], list[Token]]:
    """The tokens of the verb's own clause before and after it (other clauses left out)."""
    pre: list[Token] = []
    post: list[Token] = []
    # a subject after its verb ("..., reports aid agencies") is not part of what the patterns read after the verb
    stack = [c for c in verb.children if c.dep_ not in CLAUSE_SKIP
             and not (c.i > verb.i and c.dep_ in ("nsubj", "nsubjpass", "expl"))]
    while stack:
        token = stack.pop()
        (pre if token.i < verb.i else post).append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_SKIP or c.dep_ == "conj"
                     and token.pos_ not in ("VERB", "AUX"))
    pre.sort(key=lambda t: t.i)
    post.sort(key=lambda t: t.i)
    return pre, post


CONDITION_MARKS = frozenset({"if", "unless", "lest", "whether"})
ATTEMPT_NOUNS = frozenset({"effort", "attempt", "bid", "drive", "campaign", "push"})
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though", "whilst"})


#: verbs whose passive forecasts the infinitive under it ("they are expected to enter the village")
FORECASTS = frozenset({"expect", "schedule", "set", "slate", "due"})


def forecast(verb: Token) -> bool:
    """Whether the verb is the infinitive of a forecast by others: "are expected to enter", "is scheduled to
    meet". Its event is the one forecast, with its own subject; not an aim."""
    head = verb.head
    return (verb.dep_ == "xcomp" and head.i != verb.i and head.lemma_.lower() in FORECASTS
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children))


def is_purpose(verb: Token) -> bool:
    """An infinitive of purpose or aim ("staged rallies to demand reforms", "their effort to overthrow the
    government"): what is aimed at, not what happened."""
    if verb.dep_ not in ("advcl", "acl", "xcomp") or verb.tag_ != "VB" or forecast(verb):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in ATTEMPT_NOUNS:
        return False  # "Kiev's efforts to secure an invitation": the attempt is under way
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or any(
        c.dep_ == "mark" and c.lower_ in ("to", "order") for c in verb.children)


def clause_kind(verb: Token) -> str:
    """'main' for a clause that reports (including reported speech), 'condition' for an if/unless clause,
    'purpose' for an infinitive of aim, and 'subordinate' for relative, participle and other adverbial clauses."""
    if is_purpose(verb):
        return "purpose"
    token = verb
    for _ in range(6):
        dep = token.dep_
        if (dep == "conj" and token.head.i != token.i) or forecast(token):
            token = token.head
            continue
        if dep == "advcl" and token.head.pos_ not in ("VERB", "AUX"):
            return "main"  # a clause hung on a dateline or heading ("ahmedabad: the police arrested ...")
        if dep == "advcl":
            marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
            if marks & CONDITION_MARKS:
                return "condition"
            if marks & CONTRAST_MARKS:
                return "main"  # "..., while France condemned the attacks": a report of its own
            return "subordinate"
        if dep in ("relcl", "acl", "amod", "pcomp", "xcomp", "csubj", "csubjpass"):
            return "subordinate"
        if dep == "ccomp" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children):
            return "condition"
        return "main"
    return "main"
