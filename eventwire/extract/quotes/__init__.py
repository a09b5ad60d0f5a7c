"""The quotes stage: direct quotations and reported speech or thought, each with its cue and its speaker.

``extract(ctx)`` finds attributions from the dependency parse (``reported``), joins quoted segments to them or to
cues next to the quotation marks (``marks``, ``direct``), resolves speakers to actors (``speakers``) and returns
``Quote`` records in text order. Scare quotes and titles ("victory plan") are not attributions.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from ...records import Quote
from ..context import Context
from . import direct, reported
from .found import Found, Span
from .marks import find_segments
from .parsed import Parsed
from .speakers import Speakers

__all__ = ["attributions", "extract"]

#: verbs of perception, whose bare clause ("saw him leave") is something witnessed rather than a content
_PERCEPTION = frozenset("see hear watch notice imagine".split())


def extract(ctx: Context) -> list[Quote]:
    parsed = Parsed(ctx.doc)
    text = parsed.text
    speakers = Speakers(ctx, parsed)
    quotes: list[Quote] = []
    for item in attributions(parsed):
        actor, speaker_span = speakers.resolve(item.source)
        cue_span = (parsed.starts[item.cue[0]], parsed.ends[item.cue[-1]])
        start, end = item.content
        quotes.append(Quote(
            id=f"q{len(quotes) + 1}", speaker=actor.id if actor else None, speaker_span=speaker_span,
            cue=text[cue_span[0]:cue_span[1]], cue_span=cue_span, text=text[start:end], span=(start, end),
            kind=_kind(text, item),
        ))
    return quotes


def attributions(doc: Doc | Parsed) -> list[Found]:
    """Every attribution in a parsed text, in text order, before speakers are resolved (each says how it was found:
    ``origin`` and ``frame``)."""
    parsed = doc if isinstance(doc, Parsed) else Parsed(doc)
    found = reported.find(parsed)
    segments = direct.repair(parsed, find_segments(parsed.text))
    found += direct.attach(parsed, segments, found)
    direct.said_of(parsed, found)
    quoted = _Quotations(sorted(s.span for s in segments if s.style == "double"))
    found = [f for f in found if not quoted.holds(parsed.starts[f.cue[0]]) and _asserted(parsed.doc, f)
             and parsed.text[f.content[0]:f.content[1]].strip()]
    found = _outermost(parsed, _dedupe(found))
    return sorted(found, key=lambda f: (f.content[0], f.cue[0]))


def _kind(text: str, item: Found) -> str:
    """direct: the content is quotation (the frames between the pieces of an interrupted one aside); mixed: it holds
    a quotation; indirect: none."""
    if not item.segments:
        return "indirect"
    first = min(s for s, _ in item.segments)
    last = max(e for _, e in item.segments)
    outside = text[item.content[0]:first] + text[last:item.content[1]]
    rest = outside.strip(" \t\n\"'\u201c\u201d\u2018\u2019,.:;?!-\u2014")
    return "direct" if len(rest) <= 3 else "mixed"


def _asserted(doc, item: Found) -> bool:
    """An object of a bare infinitive or modal form ("to support the bill", "would back Cruz") is a stance not
    (yet) taken, unless it is quoted; a clause after one ("declined to say whether ...") is still reported. A cue
    under a modal ("would argue", "might expect") reports nothing said, and a verb of perception with a bare clause
    ("saw him leave") reports what was witnessed."""
    if item.segments or item.origin != "verb":
        return True
    cue = doc[item.cue[0]]
    if cue.lemma_.lower() == "ask" and cue.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in cue.children):
        return False  # "when asked about the crisis, ...": the question put to the speaker frames the answer
    if item.frame == "dobj" and cue.tag_ == "VB":
        return False
    if item.frame == "ccomp" and item.content[1] <= cue.idx:
        k = cue.i - 1
        while k >= 0 and doc[k].idx >= item.content[1]:
            if doc[k].text == ";":
                return False  # "Mugabe became known ...; the massacres saw ...": a clause of its own, no content
            k -= 1
    if cue.lower_ == "said" and 0 < cue.i < len(doc) - 1 and doc[cue.i - 1].lower_ == "that" \
            and doc[cue.i - 1].is_sent_start and doc[cue.i + 1].text == ",":
        return False  # "That said, ...": a linking phrase
    if _imperative(cue) or (cue.dep_ == "conj" and _imperative(cue.head)):
        return False  # "Ask yourself: ...", "Remember: ...": the writer addressing the reader
    if any(c.tag_ == "MD" for c in cue.children):
        return False  # "he might have been expected to", "would you think", "only time will tell": not said (yet)
    if item.frame == "ccomp" and cue.lemma_.lower() in _PERCEPTION and any(
            c.dep_ == "ccomp" and c.tag_ in ("VB", "VBG", "VBN")
            and not any(g.dep_ in ("aux", "auxpass", "mark") for g in c.children) for c in cue.children):
        return False  # "saw Mr. Trump talking", "heard Perez speak", "saw thousands killed": witnessed, not reported
    # "a donor who backs Rubio": a stance inside a relative clause describes someone rather than reports them
    return not (cue.dep_ == "relcl" and item.frame in ("dobj", "xcomp", "prep"))


def _imperative(verb) -> bool:
    return verb.dep_ == "ROOT" and verb.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)


class _Quotations:
    """Double quotations, for asking whether a cue lies inside one: an attribution the quoted speaker makes ("I
    think ...") inside a quotation belongs to the quotation."""

    def __init__(self, spans: list[Span]):
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def holds(self, at: int) -> bool:
        i = bisect_left(self.starts, at) - 1  # the quotations do not overlap; one opening at ``at`` does not hold it
        return i >= 0 and at < self.ends[i]


def _outermost(parsed: Parsed, found: list[Found]) -> list[Found]:
    """Attributions not reported inside another one's content: in "Smith said he believes taxes will rise" the
    belief is part of what Smith said, not a second attribution of its own. The frame between the pieces of an
    interrupted quotation ('"...," he said, adding that ... "..."') is not content."""
    # every piece of every core, by start; for each prefix the two furthest ends that belong to different owners
    pieces = sorted((s, e, n) for n, f in enumerate(found) for s, e in _core(f) if e > s)
    starts = [s for s, _, _ in pieces]
    best: list[tuple[tuple[int, int], tuple[int, int]]] = []
    first, second = (-1, -1), (-1, -1)  # (end, owner)
    for _, e, n in pieces:
        if n == first[1]:
            first = max(first, (e, n))
        elif e > first[0]:
            first, second = (e, n), first
        elif e > second[0]:
            second = (e, n)
        best.append((first, second))
    out = []
    for n, f in enumerate(found):
        cue = parsed.doc[f.cue[0]]
        if f.segments and cue.dep_ == "advcl" and cue.tag_ == "VBG":
            out.append(f)  # "..., calling them "very boring tax returns"": a quoted statement added of its own
            continue
        at = parsed.starts[f.cue[0]]
        k = bisect_right(starts, at)
        if k:
            first, second = best[k - 1]
            if (first[0] > at and first[1] != n) or second[0] > at:
                continue
        out.append(f)
    return out


def _core(item: Found) -> list[tuple[int, int]]:
    if not item.segments:
        return [item.content]
    segments = sorted(item.segments)
    return [(item.content[0], segments[0][0])] + segments + [(segments[-1][1], item.content[1])]


def _dedupe(found: list[Found]) -> list[Found]:
    """One attribution per cue; of two with the same content and source, the first."""
    out: list[Found] = []
    seen_cues: set[int] = set()
    seen: set[tuple] = set()
    for item in found:
        key = (item.content, item.source)
        if item.cue[0] in seen_cues or key in seen:
            continue
        seen_cues.add(item.cue[0])
        seen.add(key)
        out.append(item)
    return out
