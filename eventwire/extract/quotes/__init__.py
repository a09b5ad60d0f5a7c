"""The quotes stage: direct quotations and reported speech or thought, each with its cue and its speaker.

``extract(ctx)`` finds attributions from the dependency parse (``reported``), joins quoted segments to them or to
cues next to the quotation marks (``marks``, ``direct``), resolves speakers to actors (``speakers``) and returns
``Quote`` records in text order. Scare quotes and titles ("victory plan") are not attributions.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...records import Quote
from ..context import Context
from . import direct, reported
from .found import Found
from .marks import find_segments
from .speakers import Speakers

__all__ = ["attributions", "extract"]


def extract(ctx: Context) -> list[Quote]:
    doc = ctx.doc
    speakers = Speakers(ctx)
    quotes: list[Quote] = []
    for item in attributions(doc):
        actor, speaker_span = speakers.resolve(item.source)
        cue_tokens = [doc[i] for i in item.cue]
        cue_span = (cue_tokens[0].idx, cue_tokens[-1].idx + len(cue_tokens[-1].text))
        start, end = item.content
        quotes.append(Quote(
            id=f"q{len(quotes) + 1}", speaker=actor.id if actor else None, speaker_span=speaker_span,
            cue=doc.text[cue_span[0]:cue_span[1]], cue_span=cue_span, text=doc.text[start:end], span=(start, end),
            kind=_kind(doc.text, item),
        ))
    return quotes


def attributions(doc: Doc) -> list[Found]:
    """Every attribution in a parsed text, in text order, before speakers are resolved (each says how it was found:
    ``origin`` and ``frame``)."""
    found = reported.find(doc)
    segments = direct.repair(doc, find_segments(doc.text))
    found += direct.attach(doc, segments, found)
    found = [f for f in found if not _inside_quotation(doc, f, segments) and _asserted(doc, f)]
    found = _outermost(doc, _dedupe(found))
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
    (yet) taken, unless it is quoted; a clause after one ("declined to say whether ...") is still reported."""
    if item.segments or item.origin != "verb":
        return True
    cue = doc[item.cue[0]]
    if item.frame == "dobj" and cue.tag_ == "VB":
        return False
    # "a donor who backs Rubio": a stance inside a relative clause describes someone rather than reports them
    return not (cue.dep_ == "relcl" and item.frame in ("dobj", "xcomp", "prep"))


def _inside_quotation(doc, item: Found, segments) -> bool:
    """An attribution the quoted speaker makes ("I think ...") inside a quotation belongs to the quotation."""
    at = doc[item.cue[0]].idx
    return any(s.span[0] < at < s.span[1] for s in segments if s.style == "double")


def _outermost(doc, found: list[Found]) -> list[Found]:
    """Attributions not reported inside another one's content: in "Smith said he believes taxes will rise" the
    belief is part of what Smith said, not a second attribution of its own. The frame between the pieces of an
    interrupted quotation ('"...," he said, adding that ... "..."') is not content."""
    cores = [_core(f) for f in found]
    out = []
    for f in found:
        at = doc[f.cue[0]].idx
        if not any(o is not f and any(s <= at < e for s, e in core) for o, core in zip(found, cores, strict=True)):
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
