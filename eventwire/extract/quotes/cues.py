"""Cues next to a quotation: a verb of saying right after it (``"...," he said``), before it (``Smith said:
"..."``, ``as he put it, "..."``), in a bare sentence before it, or a credit line after a dash; each with the words
naming the speaker when they are there.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from . import lexicon
from .marks import Segment
from .parsed import Parsed
from .reported import phrase, subject_of

_FINAL = {".", "?", "!", ";"}
_CUES = lexicon.SPEECH | {"put", "write", "read", "go", "begin", "start", "end", "conclude", "continue",
                          # manners of saying, taken as cues only right next to a quotation
                          "bark", "beam", "react", "question", "cry", "surmise", "sing", "gripe", "scoff", "snarl",
                          "laugh", "chuckle", "sneer", "recite"}


def after_frame(parsed: Parsed, segment: Segment, inside) -> list[Token]:
    """The tokens after a quotation up to the end of its sentence, another quotation or the paragraph's end."""
    doc = parsed.doc
    start = parsed.token_after(segment.span[1])
    out: list[Token] = []
    if start is None:
        return out
    for token in doc[start:start + 16]:
        if "\n" in token.text or inside(token.idx) or token.is_quote and token.i > start:
            break
        out.append(token)
        if token.text in _FINAL:
            break
    return out


def before_frame(parsed: Parsed, segment: Segment, inside) -> list[Token]:
    """The tokens before a quotation back to the start of its sentence, another quotation or the paragraph."""
    doc = parsed.doc
    end = parsed.token_before(segment.span[0])
    out: list[Token] = []
    if end is None:
        return out
    crossed = False
    for token in reversed(doc[max(end - 30, 0):end + 1]):
        if "\n" in token.text and not out and not crossed and token.i > 0 and doc[token.i - 1].text == ":":
            # "He said:" closing one paragraph introduces the quotation that fills the next
            crossed = True
            continue
        if "\n" in token.text or inside(token.idx) or token.text in _FINAL:
            break
        out.append(token)
    return list(reversed(out))


def adjacent_cue(parsed: Parsed, segment: Segment) -> tuple[Token, tuple[int, int] | None] | None:
    """A verb of saying right before the opening mark, with at most a comma or colon between."""
    doc = parsed.doc
    end = parsed.token_before(segment.span[0])
    if end is None:
        return None
    token = doc[end]
    if token.text in (",", ":") and token.i > 0:
        token = doc[token.i - 1]
    if token.pos_ == "VERB" and _is_cue(token) and token.tag_ != "VBN":
        return token, _speaker_near(token, [])
    return None


def cue_after(frame: list[Token], closed: bool = False) -> tuple[Token, tuple[int, int] | None] | None:
    """``"...," he said`` / ``"...," said Smith`` / ``"...," Smith, the minister, told reporters``. After a
    quotation ``closed`` by its own full stop, only a cue right after it (``"... nothing." he said``): further on,
    a cue belongs to the next sentence (``"... nothing." That's why, he added, ...``)."""
    words = [t for t in frame if not t.is_punct]
    for token in words[:3 if closed else 7]:
        if _is_cue(token) and _verbal(token):
            return token, _speaker_near(token, frame)
    if closed:
        return None
    # a long name or description before the cue ("the Florida senator and Republican presidential candidate said")
    for n, token in enumerate(words[7:14], start=7):
        if token.pos_ in ("VERB", "AUX"):
            if _is_cue(token) and all(w.pos_ in _NOMINAL for w in words[:n]):
                return token, _speaker_near(token, frame)
            break
        if token.pos_ not in _NOMINAL:
            break
    return None


#: verbs that are cues with their particle ("points out", "shot back", "cut in")
_PHRASAL_CUES = {"point": {"out"}, "shoot": {"back"}, "fire": {"back"}, "cut": {"in"}, "chime": {"in"},
                 "pipe": {"up"}, "hit": {"back"}, "push": {"back"}}


def _is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in _CUES:
        return True
    particles = _PHRASAL_CUES.get(lemma)
    return bool(particles) and any(c.dep_ in ("prt", "advmod") and c.lower_ in particles for c in token.children)


def _verbal(token: Token) -> bool:
    """A verb, or a word the parser took for a noun but made the root over the quotation ('..." the editorial
    read')."""
    return token.pos_ in ("VERB", "AUX") or (token.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in token.children))


#: the marks that set off a credit line after a quotation ('"..." ― Jacklyn Ashley')
_CREDIT = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013-][ \t\u00a0]*")


def credit_line(parsed: Parsed, segment: Segment) -> tuple[Token, tuple[int, int] | None] | None:
    """A quotation credited after a dash to a name that ends the paragraph ('"..." ― Jacklyn Ashley'), or to a name
    and what it is ('"..." - Michelle Marks, Philadelphia'): the dash is the cue, the name the speaker."""
    text = parsed.text
    match = _CREDIT.match(text, segment.span[1])
    if match is None:
        return None
    _, end = parsed.paragraph(segment.span[1])
    first = parsed.token_after(match.end())
    dash = parsed.token_after(segment.span[1])
    if first is None or dash is None or parsed.starts[first] >= end or parsed.doc[first].pos_ != "PROPN":
        return None
    tokens = [t for t in parsed.doc[first:] if t.idx < end]
    if len(tokens) > 12:
        return None
    name = first
    while name + 1 < len(parsed.doc) and parsed.doc[name + 1].pos_ == "PROPN" and parsed.starts[name + 1] < end:
        name += 1
    return parsed.doc[dash], (first, name + 1)


_NOMINAL = {"DET", "PROPN", "NOUN", "ADJ", "CCONJ", "NUM", "PART", "ADP", "PRON"}


def cue_before(frame: list[Token]) -> tuple[Token, tuple[int, int] | None] | None:
    """``Smith said: "..."``, ``he told reporters, "..."``, ``according to Smith, "..."``, ``as he put it, "..."``."""
    if not frame:
        return None
    aside = _cue_before_aside(frame)
    if aside is not None:
        return aside
    words = [t for t in frame if not t.is_punct]
    for token in reversed(words[-8:]):
        between = [t for t in frame if t.i > token.i]
        if any(t.pos_ in ("VERB", "AUX") or t.lower_ == "to" for t in between):
            break
        if token.lower_ == "according":
            nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            objects = [c for c in (nxt.children if nxt is not None else []) if c.dep_ == "pobj"]
            return token, (phrase(objects[0]) if objects else None)
        if _is_cue(token) and token.pos_ in ("VERB", "AUX"):
            return token, _speaker_near(token, frame)
    if frame[-1].text == ":":
        # a heading such as "Trump's response:" or "The statement:" introduces the quotation
        nouns = [t for t in frame if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ != "compound"]
        if nouns:
            owner = next((c for n in nouns for c in n.children if c.dep_ == "poss"), None)
            speaker = owner or next((n for n in nouns if n.pos_ in ("PROPN", "PRON")), None)
            return frame[-1], (phrase(speaker) if speaker is not None else None)
    return None


def _cue_before_aside(frame: list[Token]) -> tuple[Token, tuple[int, int] | None] | None:
    """``Beck joked, again using a Southern accent, "..."``, ``he said, in a statement, "..."``: a cue before an
    aside set off by commas."""
    if len(frame) < 4 or frame[-1].text != ",":
        return None
    commas = [n for n, t in enumerate(frame[:-1]) if t.text == ","]
    if not commas or len(frame) - 1 - commas[-1] > 11 or commas[-1] == 0:
        return None
    token = frame[commas[-1] - 1]
    if _is_cue(token) and token.pos_ == "VERB" and token.tag_ not in ("VBN", "VBG"):
        return token, _speaker_near(token, frame)
    return None


def cue_in_sentence_before(parsed: Parsed, segment: Segment) -> tuple[Token, tuple[int, int] | None] | None:
    """``Lau said in a statement. "There are no paper ballots to recount."``: a sentence of the same paragraph,
    ended right before the quotation, whose verb of saying has nothing said in it introduces the quotation."""
    end = parsed.token_before(segment.span[0])
    if end is None or parsed.doc[end].text != "." or parsed.text[parsed.ends[end]:segment.span[0]].strip():
        return None
    lo, _ = parsed.paragraph(segment.span[0])
    verb = parsed.doc[end].sent.root
    if verb.idx < lo or verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.SPEECH:
        return None
    addressee = {"dobj", "dative"} if verb.lemma_.lower() == "tell" else set()  # "told reporters."
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in _SAID_SOMETHING - addressee for c in verb.children):
        return None
    source = subject_of(verb)
    return (verb, source) if source is not None else None


_SAID_SOMETHING = {"ccomp", "dobj", "xcomp", "neg", "advcl", "conj", "attr", "oprd", "dative"}


def _speaker_near(cue: Token, frame: list[Token]) -> tuple[int, int] | None:
    source = subject_of(cue)
    if source is not None:
        return source
    # an inverted subject the parser took for an object: "said Smith", "said the minister"
    for child in cue.children:
        if child.dep_ in ("dobj", "attr", "npadvmod", "dep") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return phrase(child)
    following = [t for t in frame if t.i > cue.i and t.pos_ in ("PROPN", "NOUN")]
    if following and following[0].i - cue.i <= 3:
        return phrase(following[0])
    return None
