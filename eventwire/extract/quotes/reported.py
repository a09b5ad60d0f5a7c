"""Reported speech and thought from the dependency parse: a cue predicate, its content argument and its subject.

``X said (that) ...``, ``..., X said``, ``X believes ...``, ``X wants to ...``, ``X criticized ...``, ``X called
for ...``, ``according to X, ...``, ``X's claim that ...``, ``X is confident that ...``.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from . import lexicon
from .found import Found
from .parsed import Parsed

_SUBJECTS = ("nsubj", "csubj")
_CLAUSE = ("ccomp",)
_SKIP_DEPS = ("amod", "compound", "acomp")
_NOT_COMPLETING = ("punct", "cc", "conj", "parataxis", "mark", "relcl")
_BREAKS = (",", ";", ":", "\u2014", "--")
_SAYING_OR_THINKING = lexicon.SPEECH | lexicon.COGNITION
_SAYING_OR_NAMING = lexicon.SPEECH | lexicon.NAMING
_TRAILING = _SAYING_OR_NAMING | lexicon.COGNITION
_VERB_CUES = (_SAYING_OR_THINKING | lexicon.INTENTION | lexicon.STANCE | lexicon.REGARDING
              | frozenset(lexicon.WITH_PREPOSITION))


def envelope(parsed: Parsed, tokens: list[Token], anchor: Token | None = None) -> tuple[int, int] | None:
    """The character span from the first to the last token, punctuation trimmed at both ends (quote marks kept);
    with an ``anchor`` (the cue), only the tokens of its paragraph (a parse that crosses a paragraph is wrong)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if anchor is not None and tokens:
        lo, hi = parsed.paragraph(anchor.idx)
        tokens = [t for t in tokens if lo <= t.idx < hi]
    while tokens and _edge_punct(tokens[0], first=True):
        tokens = tokens[1:]
    while tokens and _edge_punct(tokens[-1], first=False):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _edge_punct(token: Token, first: bool) -> bool:
    if token.is_space:
        return True
    if not token.is_punct:
        return first and token.lower_ in ("that",) and token.dep_ == "mark"
    return not token.is_quote and token.text not in ("?", "!", "...")


def subtree(token: Token) -> list[Token]:
    return list(token.subtree)


def phrase(token: Token) -> tuple[int, int]:
    """The token range of the noun phrase headed by ``token``, cut before a comma, a relative clause or apposition."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl"):
            break
        right = child.right_edge.i
    doc = token.doc
    for i in range(left, token.i):
        if "\n" in doc[i].text:
            left = i + 1  # a dateline or timestamp line above is not part of the name
    for i in range(token.i + 1, right + 1):
        if doc[i].text in (",", "(", "\u2014", "--"):
            right = i - 1
            break
    return left, right + 1


def subject_of(verb: Token) -> tuple[int, int] | None:
    """The speaker of a cue verb: its subject, the agent of a passive, or the subject it shares with the verb it
    hangs on (``... , adding that``; ``promised and delivered``)."""
    seen = 0
    current = verb
    while current is not None and seen < 4:
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return phrase(child)
        for child in current.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return phrase(objects[0])
        if any(child.dep_ == "nsubjpass" for child in current.children):
            return None
        if current.dep_ in ("conj", "xcomp", "advcl", "pcomp") and current.head.i != current.i:
            current = current.head
            if current.dep_ == "prep":
                current = current.head
            seen += 1
            continue
        if current.dep_ == "relcl" and current.head.i != current.i:
            return phrase(current.head)
        return None
    return None


def _parallel_cues(clause: Token) -> list[Token]:
    """Verbs of saying or naming conjoined to a reported clause's head without a subject of their own ("said he
    found Trump charming and called his standing unheard of"), and a participle of saying that ends it. Other verbs
    conjoined there belong to what is reported ("says he is proud of his campaign and expects to win")."""
    conjoined = [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > clause.i
                 and c.lemma_.lower() in _SAYING_OR_NAMING and not any(g.dep_ in _SUBJECTS for g in c.children)]
    return conjoined + _trailing_participles(clause)


def _trailing_participles(clause: Token) -> list[Token]:
    """A participle of saying, naming or thinking after a comma that ends a reported clause ("insisting that he has
    won, claiming that ...", "said she would release them, calling them ..."): the parser hangs it inside the
    clause, but it reports a second statement of the same speaker."""
    doc = clause.doc
    end = clause.right_edge.i
    out = []
    for token in clause.subtree:
        if (token.i > clause.i and token.dep_ == "advcl" and token.tag_ == "VBG" and token.right_edge.i == end
                and token.lemma_.lower() in _TRAILING and doc[token.left_edge.i - 1].text == ","
                and not any(g.dep_ in _SUBJECTS for g in token.children)):
            out.append(token)
            break
    return out


def _rest(verb: Token, first: Token) -> list[Token]:
    """The verb's dependents after ``first`` (its object) that complete what it reports ("mentioned CNN five times",
    "blamed the violence on a disturbed person", "attacked Christie by accusing him of ..."), up to a punctuation
    mark or a clause of its own."""
    doc = verb.doc
    out = []
    for child in verb.rights:
        if child.i <= first.i:
            continue
        if child.dep_ in _NOT_COMPLETING or doc[child.left_edge.i - 1].text in _BREAKS:
            break
        out.append(child)
    return out


def _by_force(verb: Token, obj: Token) -> bool:
    """Whether a verb with a physical sense ("attack", "defend") names an act of force here: done by armed men or
    weapons, or to a place or a military target."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and subject.lemma_.lower() in lexicon.ARMED_NOUNS:
        return True
    return obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.lemma_.lower() in lexicon.TARGET_NOUNS


def _cue_tokens(verb: Token) -> list[int]:
    cue = [verb.i] + [c.i for c in verb.children if c.dep_ == "prt"]
    return sorted(cue)


def _is_cue_verb(token: Token) -> bool:
    """A verb used as a predicate (not "the so-called", "a planned attack", "the report released ...")."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in _SKIP_DEPS:
        return False
    return not (token.tag_ == "VBN" and token.dep_ == "acl")


def _predicate(token: Token) -> bool:
    """A verb that makes a claim of its own: finite, or a participle with its auxiliary ("is attacking", "has
    criticized"), not a participle modifying something ("ads attacking Cruz", "a plan backed by ...")."""
    if token.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    if token.tag_ in ("VBG", "VBN") and token.dep_ in ("advcl", "conj", "xcomp", "ROOT", "ccomp"):
        return True  # "..., calling the plan a disaster", "has praised and defended it"
    return any(c.dep_ in ("aux", "nsubj") for c in token.children)


def _through_colon(parsed: Parsed, span: tuple[int, int]) -> tuple[int, int]:
    """A reported clause that stops at a colon in mid-sentence goes on through what the colon introduces ("argued
    that his client was not to be taken seriously: his words were ..."), to the sentence's end."""
    doc = parsed.doc
    at = parsed.token_after(span[1])
    if at is None or doc[at].text != ":" or at + 1 >= len(doc) or doc[at + 1].is_space or "\n" in doc[at + 1].text:
        return span
    sent = doc[at].sent
    _, hi = parsed.paragraph(span[0])
    tokens = [t for t in doc[at + 1:sent.end] if t.idx < hi]
    while tokens and (tokens[-1].is_space or tokens[-1].is_punct and not tokens[-1].is_quote):
        tokens = tokens[:-1]
    if not tokens or doc[at + 1].is_quote:
        return span  # a quotation after the colon is joined by the quotation finder
    return span[0], parsed.ends[tokens[-1].i]


def _that_clause(verb: Token, child: Token) -> bool:
    """A "that" clause after the verb that the parser hung as an adverbial one ("saying in his statement only that
    he was ..."): after a verb of saying or thinking it is what was said."""
    if child.dep_ != "advcl" or child.i < verb.i or child.pos_ not in ("VERB", "AUX"):
        return False
    mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    # not "so that", "now that", "except that": a purpose, a time or an exception
    return mark is not None and mark.i > 0 and verb.doc[mark.i - 1].lower_ not in _NOT_BEFORE_THAT


_NOT_BEFORE_THAT = {"so", "now", "except", "such", "in", "given", "provided", "save", "but"}


def from_verbs(parsed: Parsed) -> list[Found]:
    doc = parsed.doc
    found: list[Found] = []
    # a cue verb the parser hung, conjoined, inside another cue's clause ("said he found Trump charming and called
    # his standing unheard of") is a second attribution by the same speaker, not part of the first one's content
    parallel: dict[int, int] = {}
    candidates = [doc[i] for i in parsed.tokens_with(_VERB_CUES, ("VERB", "AUX"))]
    for token in candidates:
        if _is_cue_verb(token) and token.lemma_.lower() in _SAYING_OR_THINKING:
            for clause in (c for c in token.children if c.dep_ in _CLAUSE):
                for conj in _parallel_cues(clause):
                    parallel[conj.i] = token.i
    for token in candidates:
        lemma = token.lemma_.lower()
        if not _is_cue_verb(token):
            continue
        speech = lemma in lexicon.SPEECH
        cognition = lemma in lexicon.COGNITION
        intention = lemma in lexicon.INTENTION
        stance = lemma in lexicon.STANCE
        preps = lexicon.WITH_PREPOSITION.get(lemma, set())
        if not (speech or cognition or intention or stance or preps):
            continue
        content: list[Token] = []
        frame = ""
        clauses = [c for c in token.children if c.dep_ in _CLAUSE or _that_clause(token, c)]
        if clauses and (speech or cognition):
            cut = {t.i for c in clauses for conj in _parallel_cues(c) for t in conj.subtree}
            cut |= {cc.i for c in clauses for cc in c.children if cc.dep_ == "cc" and _parallel_cues(c)}
            content, frame = [t for c in clauses for t in subtree(c) if t.i not in cut], "ccomp"
        if not content and intention:
            infinitives = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
            if infinitives:
                objects = [c for c in token.children if c.dep_ == "dobj"] + _rest(token, infinitives[-1])
                content = [t for c in objects + infinitives for t in subtree(c)]
                frame = "xcomp"
        if not content and (stance or lemma == "say") and _predicate(token):
            objects = [c for c in token.children if c.dep_ == "dobj"]
            complements = [c for c in token.children if c.dep_ == "oprd"]
            naming = lemma in lexicon.NAMING
            as_phrase = any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children)
            named = any(c.dep_ == "appos" or c.is_quote for o in objects for c in o.subtree) or len(objects) > 1
            if naming and not objects and complements:
                objects = complements  # 'called her "third-rate"': the parser left only what she was called
            if objects and objects[0].tag_ in ("WP", "WDT") and not complements and not as_phrase:
                objects = []  # "what he said": the content is what the relative clause hangs on
            if objects and naming and not (complements or as_phrase or named):
                objects = []  # "called a meeting" names nothing
            if objects and lemma in lexicon.PHYSICAL_SENSE and _by_force(token, objects[0]):
                objects = []  # "rebels attacked the town", "troops defended the base": an act, not a stance
            if objects and not (lemma == "say" and not complements and objects[0].pos_ == "PRON"
                                and objects[0].lower_ in ("it", "them")):
                # what the object is called or blamed for belongs to the content ("described it as ...")
                # with what completes it: what the object is called or blamed for, how, how often ("described it
                # as ...", "blamed the violence on ...", "mentioned CNN five times")
                content = [t for c in objects + complements + _rest(token, objects[0]) for t in subtree(c)]
                frame = "dobj"
        if not content and lemma in lexicon.REGARDING and _predicate(token):
            objects = [c for c in token.children if c.dep_ == "dobj"]
            as_phrases = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"]
            if objects and as_phrases:
                content = [t for c in objects + as_phrases for t in subtree(c)]
                frame = "regard"
        if not content and preps:
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in preps):
                objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    # and what it is referred to as ("referred to Rubio as "a bright leader"")
                    objects += [c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"]
                    objects += [c for c in _rest(token, prep) if c.lower_ != "as"]
                    content = [t for c in objects for t in subtree(c)]
                    frame = "prep"
                    break
        if not content and (speech or cognition) and token.dep_ == "parataxis":
            # an inserted or trailing cue: "The plan, a source said, is ..." / "It is over, he said."
            own = {t.i for t in token.subtree}
            content = [t for t in token.head.subtree if t.i not in own]
            frame = "parataxis"
        if not content:
            continue
        span = envelope(parsed, content, token)
        if span is None:
            continue
        if frame == "ccomp" and span[0] > token.idx:
            span = _through_colon(parsed, span)
        source = subject_of(doc[parallel[token.i]]) if token.i in parallel else subject_of(token)
        found.append(Found(_cue_tokens(token), span, source, "verb", frame=frame))
    return found


def according_to(parsed: Parsed) -> list[Found]:
    """``according to X, ...`` and ``..., according to X``: the clause around the phrase is the content."""
    doc = parsed.doc
    found = []
    for token in (doc[i] for i in parsed.tokens_lower("according")):
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is None or nxt.lower_ != "to":
            continue
        objects = [c for c in nxt.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
        source = phrase(objects[0]) if objects else None
        phrase_end = max([t.i for o in objects for t in o.subtree] + [nxt.i])
        head = token.head
        while head.dep_ in ("prep", "pobj") and head.head.i != head.i:
            head = head.head
        sentence = token.sent
        clause = [t for t in head.subtree if not (token.i <= t.i <= phrase_end)] if head.i != token.i else []
        clause = [t for t in clause if sentence.start <= t.i < sentence.end]
        if not clause:
            clause = [t for t in sentence if not (token.i <= t.i <= phrase_end)]
        # the content is the side of the sentence the phrase does not take: after it when it opens the sentence
        if token.i - sentence.start <= 2:
            clause = [t for t in clause if t.i > phrase_end]
        span = envelope(parsed, clause, token)
        if span is None:
            continue
        found.append(Found([token.i, nxt.i], span, source, "according", frame="according"))
    return found


def from_nouns(parsed: Parsed) -> list[Found]:
    """``X's claim that ...``, ``the statement by X that ...``, ``made a promise to ...``."""
    doc = parsed.doc
    found = []
    for token in (doc[i] for i in parsed.tokens_with(lexicon.NOUNS, ("NOUN",))):
        clauses = [c for c in token.children if c.dep_ in ("acl", "ccomp", "appos")
                   and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
        clauses += [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VB"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
        if not clauses:
            continue
        span = envelope(parsed, [t for c in clauses for t in subtree(c)], token)
        if span is None:
            continue
        source = None
        for child in token.children:
            if child.dep_ == "poss":
                source = phrase(child)
            elif child.dep_ == "prep" and child.lower_ == "by":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    source = phrase(objects[0])
        if source is None and token.dep_ in ("dobj", "attr") and token.head.pos_ in ("VERB", "AUX"):
            source = subject_of(token.head)
        found.append(Found([token.i], span, source, "noun", frame="noun"))
    return found


def from_adjectives(parsed: Parsed) -> list[Found]:
    """``X is confident that ...``, ``X was sure ...``."""
    doc = parsed.doc
    found = []
    for token in (doc[i] for i in parsed.tokens_with(lexicon.ADJECTIVES, ("ADJ",))):
        if token.dep_ != "acomp":
            continue
        clauses = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
        if not clauses:
            continue
        span = envelope(parsed, [t for c in clauses for t in subtree(c)], token)
        if span is None:
            continue
        found.append(Found([token.i], span, subject_of(token.head), "adjective", frame="adjective"))
    return found


_HEADLINE = re.compile(r"^((?:[A-Z][\w\u2019'.&-]*)(?: [A-Z][\w\u2019'.&-]*){0,4}): (\S.*?)[.]?$")
_NOT_SOURCES = {"the", "a", "an", "update", "updated", "watch", "video", "photos", "breaking", "exclusive", "live",
                "analysis", "opinion", "editorial", "note", "editor's", "editor\u2019s", "fix", "question", "answer",
                "q", "a.m.", "p.m.", "correction", "transcript", "read", "related", "latest"}


def headlines(parsed: Parsed) -> list[Found]:
    """A headline line "Name: what they said" ("Lynch: No outside influence on FBI probe") attributes its second
    half to the name before the colon."""
    doc = parsed.doc
    found = []
    text = parsed.text
    start = 0
    for line in text.split("\n"):
        match = _HEADLINE.match(line)
        if match and len(line.split()) <= 30:
            left = match.group(1)
            words = left.split()
            if (words[0].lower() not in _NOT_SOURCES and not left.isupper() and len(match.group(2).split()) >= 3
                    and not any(w.lower() in _NOT_SOURCES or w.lower() in _NOT_IN_NAMES for w in words)
                    and not any(w.endswith(("'s", "\u2019s")) for w in words)):
                # a name says something; a topic does not ("Stealth Over Health:", "Monday's Morning Email:")
                source = doc.char_span(start, start + len(left), alignment_mode="expand")
                content = (start + match.start(2), start + match.end(2))
                colon = doc.char_span(start + len(left), start + len(left) + 1, alignment_mode="expand")
                if source is not None and colon is not None and not any(t.pos_ in ("VERB", "AUX") for t in source) \
                        and (start == 0 or _has_clause(doc, content)):
                    found.append(Found([colon.start], content, (source.start, source.end), "headline",
                                       frame="headline"))
        start += len(line) + 1
    return found


def _has_clause(doc, content: tuple[int, int]) -> bool:
    """Below the title, "Name: ..." is a line of a transcript only when a clause with its own subject follows; a
    section heading ("Sanders: Win in a walk.", "Christie: A closing surge.") names a topic, not a statement."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    return span is not None and any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in span)


_NOT_IN_NAMES = {"over", "for", "of", "in", "on", "at", "with", "to", "from", "by", "about", "after", "against"}

_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


def block_quotes(parsed: Parsed) -> list[Found]:
    """A paragraph that ends with a verb of saying and a colon ("The governor added:", "Fox News reports:")
    introduces the next paragraph as its words, quoted without marks (a block quotation)."""
    doc, text = parsed.doc, parsed.text
    found = []
    for colon in (doc[i] for i in parsed.tokens_lower(":")):
        _, end = parsed.paragraph(colon.idx)
        if text[parsed.ends[colon.i]:end].strip() or end >= len(text):
            continue  # the colon does not end its paragraph
        start, _ = parsed.paragraph(colon.idx)
        words = [t for t in doc[max(colon.i - 5, 0):colon.i] if t.idx >= start and not t.is_punct]
        verbs = [t for t in words if t.pos_ in ("VERB", "AUX")]
        if not verbs or verbs[-1].lemma_.lower() not in lexicon.SPEECH:
            continue
        cue = verbs[-1]
        following = text[end:].lstrip()
        if not following or following[0] in _QUOTE_MARKS or following[0] == "<":
            continue  # a quotation with marks is joined to the cue by the quotation finder; markup is no text
        para = parsed.paragraph(len(text) - len(following))
        content = (para[0], len(text[:para[1]].rstrip()))
        if content[1] <= content[0]:
            continue
        found.append(Found([cue.i], content, subject_of(cue), "block", [content], frame="block"))
    return found


def find(parsed: Parsed) -> list[Found]:
    return (from_verbs(parsed) + according_to(parsed) + from_nouns(parsed) + from_adjectives(parsed)
            + headlines(parsed) + block_quotes(parsed))
