"""Sentences the small parser reads without a verb: the verb taken for a noun or an adjective.

Headlines and terse wire sentences ("Policemen patrol in coastal areas", "Russian forces on Friday captured Shali",
"Fighter planes from Diyarbakir bombed caves used as shelters") often come back from the parser with a noun as their
root and the verb hung as a modifier ("bombed caves" as an adjective and its noun) or tagged as a noun. Such a
sentence has a subject noun phrase, the verb, and an object noun phrase in that order; this module finds the verb
and the heads of the two phrases by their order, for the coder to code the verb as it would a parsed one. Where the
parser made some other word the verb ("ETA separatists detonate carbomb", with "separatists" as the verb), the
sentence is left as it is.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

#: tags of verb forms that can be a sentence's finite verb or its participle
VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "VBG"})
#: how a misread verb hangs in the tree
MISREAD_DEPS = frozenset({"amod", "compound", "nmod", "ROOT", "npadvmod", "conj"})
NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN", "PART"})


@dataclass
class Misread:
    verb: Token
    subject: Token
    object: Token | None


def misread_verb(sent: Span, is_verb_word) -> Misread | None:
    """The verb of a sentence the parser read without one, with its subject's and object's heads, or None.

    ``is_verb_word(token)`` says whether the verb dictionary knows the word as a verb (by lemma or form). The
    sentence qualifies only when its root is no verb, or only the participle after a comma; the verb must follow
    a noun (its subject), be no noun by its own form ("the patrol", "his shot") and be a verb form or a word the
    dictionary knows as a verb."""
    root = sent.root
    if root.pos_ == "VERB" and not _participle_root(root):
        return None
    tokens = list(sent)
    for k in range(1, len(tokens)):
        tok, prev = tokens[k], tokens[k - 1]
        if tok.dep_ not in MISREAD_DEPS or tok.pos_ == "AUX" or not is_verb_word(tok):
            continue
        back = k - 1
        while back > 0 and (tokens[back].ent_type_ in ("DATE", "TIME") or tokens[back].pos_ == "ADV"
                            or tokens[back].lower_ in ("on", "at") and tokens[back + 1].ent_type_ in ("DATE", "TIME")):
            back -= 1  # "are now patrolling", "forces on Friday captured", "forces midday Saturday captured"
        prev = tokens[back]
        if prev.text == "," and tok.tag_ in ("VBD", "VBN") and _after_parenthesis(root, tok):
            prev = root  # "helicopters from Semdinli, on the border with Iran, bombed caves"
        progressive = prev.pos_ == "AUX" and prev.lemma_ == "be" and tok.tag_ == "VBG"
        after = _coordinated_verb(tok)
        if tok.tag_ in VERB_TAGS:
            if not (progressive or (prev.pos_ in ("NOUN", "PROPN") and prev.tag_ != "POS")):
                continue
        elif tok.tag_ == "NN":
            # "Policemen patrol": a plural before the base form; not "the Buttigieg plan", "US states"
            plural = prev.tag_ in ("NNS", "NNPS") or (prev.pos_ == "NOUN" and (
                prev.lemma_.lower() != prev.lower_ or prev.lower_.endswith("men")))  # "Policemen", tagged NN
            if not (plural or (prev.pos_ in ("NOUN", "PROPN") and after is not None)):
                continue
        else:
            continue
        subject = _subject_of(prev) if progressive else prev if prev.pos_ in ("NOUN", "PROPN") else None
        if subject is None:
            continue
        obj = _object_after(tokens, k)
        if obj is None and after is not None:  # "a settler shot and killed 29 worshipers": the object they share
            obj = next((c for c in after.children if c.dep_ == "dobj"), None)
        return Misread(tok, subject, obj)
    return None


def _coordinated_verb(tok: Token) -> Token | None:
    """The finite verb coordinated with a word read as a noun ("a settler shot and killed": "shot" and "killed"),
    which makes that word a verb of the same clause; the verb has no subject of its own."""
    return next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ in ("VBD", "VBZ")
                 and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def _after_parenthesis(root: Token, tok: Token) -> bool:
    """Whether ``tok`` follows a phrase set off by commas after the noun that is the sentence's root, with no verb
    between them ("Jules Mutebutsi, a renegade commander, captured towns")."""
    return (root.pos_ in ("NOUN", "PROPN") and root.i < tok.i and root.doc[root.i + 1].text != "'s"
            and not any(t.pos_ in ("VERB", "AUX") for t in root.doc[root.i + 1:tok.i]))


def _participle_root(root: Token) -> bool:
    """A root that is only the participle after the comma ("militants detonate bombs in Taba, killing 34"): the
    finite verb before it was misread."""
    return (root.tag_ == "VBG" and root.i > root.sent.start and root.doc[root.i - 1].text == ","
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children))


def _subject_of(aux: Token) -> Token | None:
    return next((c for c in aux.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _object_after(tokens: list[Token], k: int) -> Token | None:
    """The head of the noun phrase right after the verb (its particle skipped): its last noun."""
    j = k + 1
    if j < len(tokens) and tokens[j].pos_ in ("ADP", "ADV") and tokens[j].dep_ == "prt":
        j += 1
    last = None
    while j < len(tokens) and tokens[j].pos_ in NOUN_PHRASE_POS:
        if tokens[j].pos_ in ("NOUN", "PROPN"):
            last = tokens[j]
        j += 1
    return last


__all__ = ["Misread", "misread_verb"]
