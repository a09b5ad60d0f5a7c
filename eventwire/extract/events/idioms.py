"""Phrases whose event is not the dictionary sense of their verb: a verb that names its object ("called him a
liar"), a verb that says an event noun happened ("the shooting occurred", "blasts that occurred"), a verb that gives
an event's toll ("the blasts claimed 37 lives"), a bomb going off, a fire breaking out, coming under fire,
blasting someone in words, going broke, demonstrating that something is so, and what nature does."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..quotes import lexicon as quotes_lexicon

#: verbs that also name what their object is ("called the deal 'lousy'", "labelled them terrorists"): the quotes
#: stage's ``lexicon.NAMING`` without "name", which in event prose mostly appoints ("named him envoy")
NAMING_VERBS = quotes_lexicon.NAMING - {"name"}
#: verbs that say an event noun happened ("the shooting occurred", "clashes erupted")
OCCURRENCE_VERBS = frozenset("""occur happen erupt break continue escalate intensify resume begin start rage spread
unfold follow""".split())
#: verbs that report their event-noun subject by its toll ("the blasts claimed 37 lives", "the attack left five dead")
TOLL_VERBS = frozenset({"claim", "leave"})
#: what breaks out that is no fighting ("a fire broke out", "cholera broke out")
OUTBREAKS = frozenset("""fire blaze flame flames epidemic disease cholera outbreak panic applause laughter cheer cheers
celebration celebrations party storm""".split())
#: what goes off: "a car bomb went off" is a bombing
EXPLOSIVES = frozenset("bomb device explosive explosives mine landmine grenade ied shell rocket mortar".split())


def naming(verb: Token) -> bool:
    """Whether the verb names its object: an object predicate ("called him a liar"), or a quotation right after
    the object ("called the deal "lousy"")."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return False
    if any(c.dep_ == "oprd" for c in verb.children):
        return True
    doc = verb.doc
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        after = obj.right_edge.i + 1
        if after < len(doc) and doc[after].is_quote:
            return True
        if any(t.is_quote for t in obj.subtree) and any(
                t.dep_ in ("amod", "appos", "acomp") and t.i > obj.i for t in obj.subtree):
            return True
    return False


def _takes_place(verb: Token) -> bool:
    return verb.lemma_.lower() == "take" and any(c.lower_ == "place" for c in verb.children)


def says_it_happened(verb: Token) -> bool:
    """Whether the verb, with an event noun as its subject, says that the event happened ("occurred", "took
    place")."""
    return verb.lemma_.lower() in OCCURRENCE_VERBS or _takes_place(verb)


def occurring_clause(noun: Token) -> Token | None:
    """The verb of a relative clause saying that the noun's event happened ("blasts that occurred on Thursday",
    "the clashes, which erupted at dawn"), or None."""
    for clause in noun.children:
        if clause.dep_ == "relcl" and says_it_happened(clause) and any(
                c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in clause.children):
            return clause
    return None


def toll_subject(verb: Token, is_event_noun: Callable[[Token], bool]) -> Token | None:
    """The event noun whose toll a verb of ``TOLL_VERBS`` gives ("the blasts claimed 37 lives", "the attack left
    five dead"), or None."""
    if verb.lemma_.lower() not in TOLL_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "oprd")]
    if not objects or (verb.lemma_.lower() == "claim" and not any(o.lemma_.lower() == "life" for o in objects)):
        return None  # "claimed responsibility" is a claim
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and is_event_noun(subject) else None


def goes_off(verb: Token) -> bool:
    """"A car bomb went off" (not "the alarm went off")."""
    return (verb.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in EXPLOSIVES for c in verb.children))


def peaceful_outbreak(verb: Token) -> bool:
    """"A fire broke out", not "fighting broke out"."""
    return (verb.lemma_.lower() == "break" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in OUTBREAKS for c in verb.children))


#: people who blast with words: "the minister blasted the decision" (a named person counts too)
SPEAKING_PEOPLE = frozenset("""minister president premier spokesman spokeswoman spokesperson senator lawmaker
legislator critic critics leader leaders official officials chairman chairwoman governor mayor candidate""".split())


def blasted_in_words(verb: Token) -> bool:
    """"Trump blasted Biden", "the minister blasted the decision": criticism by or of a person, not an explosion
    ("a bomb blasted the market")."""
    return verb.lemma_.lower() == "blast" and any(
        c.dep_ in ("nsubj", "dobj") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in SPEAKING_PEOPLE)
        for c in verb.children)


def state_gone_into(verb: Token) -> bool:
    """"going broke", "went missing": a state someone goes into, which the tagger took for a verb."""
    return verb.dep_ == "acomp" and verb.head.lemma_.lower() == "go"


#: a verb of force that, with "up" and no object, says that an amount rose ("prices shot up"); not "blew up",
#: which a bomb does
RISING_VERBS = frozenset({"shoot", "shot"})


def rose_sharply(verb: Token) -> bool:
    """"Oil prices shot up by 20 percent": a rise, not shooting ("gunmen shot up the village" has an object)."""
    return (verb.lemma_.lower() in RISING_VERBS and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
            and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
            and not any(c.dep_ == "nsubj" and c.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") for c in verb.children))


def shows(verb: Token) -> bool:
    """"demonstrates that ...", "demonstrated their strength": showing, not a demonstration (141), which takes no
    object ("demonstrated support" stays the dictionary's endorsement, 051)."""
    if verb.lemma_.lower() != "demonstrate":
        return False
    for child in verb.children:
        if child.dep_ == "ccomp" and (child.left_edge.i == verb.i + 1 or any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children)):
            return True
        if child.dep_ == "dobj" and child.i - verb.i <= 4 and child.lemma_.lower() not in ("support", "solidarity"):
            return True
    return False


def no_event(verb: Token) -> bool:
    """Whether the verb's phrase reports no event whatever the dictionary codes the verb: naming someone ("called
    him a liar"), a fire breaking out, going broke, showing that something is so, what nature did ("heavy rains hit
    the region, killing 12"), an amount that shot up."""
    return (naming(verb) or peaceful_outbreak(verb) or state_gone_into(verb) or shows(verb) or by_nature(verb)
            or rose_sharply(verb))


#: forces of nature and disease: what they hit, kill or destroy is no one's act
NATURAL_FORCES = frozenset("""rain rains storm storms hurricane typhoon cyclone earthquake quake tremor aftershock flood
floods flooding flashflood tornado tsunami landslide landslides mudslide avalanche drought wildfire wildfires bushfire
fire fires blaze heatwave heat snow snowstorm blizzard wind winds gale lightning eruption volcano virus disease
epidemic pandemic outbreak cholera famine""".split())


#: what makes fire a weapon's ("mortar fire", "sniper fire", "rocket fire")
ARMED_FIRE = frozenset("""mortar rocket artillery sniper tank gun machine machinegun cannon shell heavy enemy hostile
small-arms anti-aircraft naval mortars rockets guns tanks automatic""".split())


def _natural(subject: Token) -> bool:
    if subject.lemma_.lower() not in NATURAL_FORCES and subject.lower_ not in NATURAL_FORCES:
        return False
    return not (subject.lemma_.lower() == "fire" and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in ARMED_FIRE for c in subject.children))


def by_nature(verb: Token) -> bool:
    """Whether the verb's subject is a force of nature or a disease, or, for a participle or a verb coordinated
    without a subject of its own, that of the verb it hangs on."""
    node = verb
    for _ in range(2):
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if subjects:
            return any(_natural(s) for s in subjects)
        if node.dep_ not in ("advcl", "conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def under_what(verb: Token) -> Token | None:
    """What the subject came under ("the convoy came under fire": the fire), or None."""
    if verb.lemma_.lower() != "come":
        return None
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "under" for g in c.children
                 if g.dep_ == "pobj"), None)
