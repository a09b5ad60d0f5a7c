"""The tense of the clause a time expression sits in, from the dependency parse: it decides the direction of
expressions that name no year or week ("Friday", "in June", "November 28")."""
from __future__ import annotations

from spacy.tokens import Doc, Token

FUTURE_AUX = {"will", "wo", "'ll", "shall", "would", "'d"}
MODAL = {"could", "might", "may", "should", "can", "must", "ca"}
FORWARD_VERBS = {"plan", "schedule", "postpone", "delay", "adjourn", "defer", "reschedule", "slate", "expect",
                 "due"}
PLAN_VERBS = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "agree", "prepare", "vow",
              "promise", "pledge", "want", "seek", "threaten", "propose", "decide", "likely", "poise", "slate"}


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or auxiliary used as the main verb) above ``token``, itself included."""
    seen = 0
    node = token
    while seen < 30:
        if node.pos_ in ("VERB", "AUX") or node.tag_.startswith("VB") or node.tag_ == "MD":
            return node
        if node.head.i == node.i:  # spaCy makes a new Token object on each access: compare positions
            return None
        node = node.head
        seen += 1
    return None


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """past | future | present for a verb token, from its tag and its auxiliaries; None when unclear."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or any(a.lower_ == "going" for a in auxes):
        return "future"
    if verb.lower_ in FUTURE_AUX:
        return "future"
    if words & MODAL:
        if words & {"have", "'ve"}:
            return "past"
        # "could", "might" are as often the past of "can", "may" as a guess about what lies ahead
        return None if words & {"could", "might"} else "future"
    tags = {a.tag_ for a in auxes}
    if "VBD" in tags or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if words & {"has", "have", "had", "was", "were", "been", "'s", "'ve"}:
            return "past"
        if words & {"is", "are", "am", "be"}:
            return "present"
        # a reduced relative or a headline ("Police arrested", "missile fired at ...")
        return "past"
    if verb.tag_ == "VB":
        mark = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"]
        head = verb.head
        if mark:
            if head.lemma_ in PLAN_VERBS or head.lemma_ in ("be", "to"):
                return "future"
            if head.i != verb.i and depth < 8:
                parent = verb_tense(head, depth + 1)
                return "future" if parent in ("present", "future", None) else parent
        return None
    if verb.tag_ == "VBG":
        if words & {"was", "were", "has", "have", "had", "been"}:
            return "past"
        if words & {"is", "are", "am", "'s", "'re"}:
            return "present"
        return None
    if verb.tag_ in ("VBZ", "VBP"):
        if verb.lemma_ == "be":
            # "is due", "is expected to", "is scheduled for" point ahead
            if any(c.lemma_ in PLAN_VERBS for c in verb.children):
                return "future"
        return "present"
    return None


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """past | future | present for the clause holding the characters ``start:end``; None when unclear."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    if token.dep_ in ("poss", "compound", "nmod", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        return None  # "Wednesday's ruling", "the Oct. 23 slaying": a noun's modifier, no clause of its own
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in ("until", "till", "til", "through", "payable", "effective", "due", "expires", "expiring"):
        return "future"  # a deadline or a date something takes effect lies ahead of the clause's verb
    verb = governing_verb(token)
    if verb is not None and verb.lemma_ in FORWARD_VERBS and verb.i < span.start and \
            not any(c.lower_ in ("had", "'d") for c in verb.children):
        # "planned a rally on Saturday", "postponed until Tuesday": the date lies ahead of the verb
        return "future"
    tense = verb_tense(verb) if verb is not None else None
    if tense is None and verb is not None and verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl") \
            and verb.head.i != verb.i:
        tense = verb_tense(verb.head)
    if tense is None:
        root = span.sent.root
        if verb is None or root.i != verb.i:
            tense = verb_tense(root)
    return tense
