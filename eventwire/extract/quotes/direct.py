"""Direct quotations: each quoted segment joined to the attribution it belongs to.

A segment inside (or overlapping) a reported clause found from the parse belongs to it (``said that "..."``, or a
quotation the parser split into sentences). Otherwise its cue is looked for right after it (``"...," he said.``,
``"...," said Smith``) or right before it (``Smith said: "..."``, ``As Smith put it, "..."``). A segment with no cue
of its own that follows an attributed one in the same or the next paragraph continues it (``"...," he said.
"..."``). Short segments without a cue are scare quotes or titles and are left alone.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Token

from . import lexicon
from .cues import adjacent_cue, after_frame, before_frame, credit_line, cue_after, cue_before, cue_in_sentence_before
from .found import Found, Span
from .marks import Segment
from .parsed import Parsed
from .reported import phrase

_LINKER = re.compile(r"(?<=[.?!])\s+(?:But|And|Still|Yet|So|Then|Now|Also|Later|However),?$")
_SENTENCE_END = re.compile(r"[.?!](?=\s+\S)")
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z])\.$")
_SHORT_QUOTED = re.compile(r"[\u201c\"](?:[^\u201c\u201d\"\s]+\s?){1,4}[\u201d\"]")
_SECOND_CUES = lexicon.SPEECH | lexicon.INTENTION | lexicon.STANCE
#: the fewest words a quotation needs to stand as a quote without a cue of its own (else a scare quote or title)
MIN_WORDS_ALONE = 4
#: characters between two quotations beyond which neither continues the other (far more than any frame or paragraph)
_FAR = 2000



def repair(parsed: Parsed, segments: list[Segment]) -> list[Segment]:
    """A quotation whose closing mark is missing ends before the first "..., Smith said" inside it (the mark was
    lost where the attribution begins); otherwise it keeps running to its paragraph's end. A quotation carried over
    paragraphs is two when each end has a cue of its own (see ``_split_carried``)."""
    out = []
    for segment in _split_carried(parsed, segments):
        if segment.closed or len(segment.pieces) != 1:
            out.append(segment)
            continue
        start, end = segment.pieces[0]
        cut = None
        first = parsed.token_after(start)
        for token in parsed.doc[first if first is not None else len(parsed.doc):]:
            if token.idx >= end:
                break
            if (token.lemma_.lower() in lexicon.SPEECH and token.pos_ == "VERB" and token.i > 0
                    and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children)):
                subject = min(c.left_edge.i for c in token.children if c.dep_ == "nsubj")
                before = parsed.doc[subject - 1] if subject > 0 else None
                if before is not None and before.text == "," and before.idx > start:
                    cut = before.idx
                    break
        if cut is None:
            out.append(segment)
        else:
            trimmed = (start, cut)
            out.append(Segment((segment.span[0], cut), [trimmed], segment.style, closed=False))
    return out


def _split_carried(parsed: Parsed, segments: list[Segment]) -> list[Segment]:
    """A quotation left open at a paragraph's end runs on into the next paragraph that opens with a mark; but when
    its first paragraph has a frame of its own before the opening mark ('Obama said: "...') and its last paragraph
    a cue of its own after the closing one ('"...," Obama said.'), those are two quotations with two cues."""
    spans = sorted(s.span for s in segments)
    starts = [s for s, _ in spans]

    def inside(char: int) -> bool:
        i = bisect_right(starts, char) - 1
        return i >= 0 and char < spans[i][1]

    text = parsed.text
    out = []
    for segment in segments:
        if len(segment.pieces) < 2 or not segment.closed:
            out.append(segment)
            continue
        head = text[parsed.paragraph(segment.span[0])[0]:segment.span[0]]
        if not any(c.isalnum() for c in head) or cue_after(after_frame(parsed, segment, inside)) is None:
            out.append(segment)
            continue
        last = segment.pieces[-1]
        opening = parsed.paragraph(last[0])[0]
        while opening < last[0] and text[opening].isspace():
            opening += 1
        earlier = segment.pieces[:-1]
        out.append(Segment((segment.span[0], earlier[-1][1]), earlier, segment.style, closed=False))
        out.append(Segment((opening, segment.span[1]), [last], segment.style))
    return out


def said_of(parsed: Parsed, found: list[Found]) -> None:
    """'"It's unanimous," Levine said of the council's support': what words given before their cue were said of
    belongs to them (each attribution's content is extended in place)."""
    for item in found:
        cue = parsed.doc[item.cue[-1]]
        if item.content[1] > cue.idx or cue.i + 1 >= len(parsed.doc):
            continue
        after = parsed.doc[cue.i + 1]
        if after.dep_ == "prep" and after.lower_ in ("of", "about") and after.head.i == cue.i:
            item.extend((item.content[0], parsed.ends[after.right_edge.i]))


def attach(parsed: Parsed, segments: list[Segment], found: list[Found]) -> list[Found]:
    """Join each segment to an attribution (extending its content) or make a new one; returns the new ones."""
    text = parsed.text
    spans = sorted(s.span for s in segments)
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]

    def inside(char: int) -> bool:
        i = bisect_right(starts, char) - 1  # the segments do not overlap
        return i >= 0 and char < ends[i]

    by_cue = {f.cue[0]: f for f in found}
    candidates = list(found)  # the attributions a segment may belong to, new ones added as they are made
    new: list[Found] = []
    previous: tuple[Found, Segment] | None = None
    quotation: tuple[Found, Segment] | None = None  # the last attributed quotation that reads as speech
    for segment in segments:
        inner = segment.inner
        words = segment.words(text)
        speech_like = words >= MIN_WORDS_ALONE and _sentence_like(text, segment)
        owner = _owner(parsed, segment, candidates)
        if owner is not None and speech_like and _speaks_for_itself(parsed, owner, segment, inside):
            owner = None  # 'Mosman saw it differently: "...," he said': the quotation has a cue of its own
        hit, where = None, ""
        if owner is None:
            # what a verb of saying takes straight after it is quoted speech, however short ('chanted "USA!"',
            # 'the sign read "Hispanics 4 Trump"')
            hit, where = adjacent_cue(parsed, segment), "quote-before"
        if owner is None and hit is None and (words >= MIN_WORDS_ALONE or _sentence_like(text, segment)) \
                and not _title(text, segment):
            # a short quoted phrase with no reported clause around it is a scare quote or a title, whatever verb
            # stands near it ("affirms Ukraine's "irreversible path"")
            hit = cue_after(after_frame(parsed, segment, inside), text[inner[1] - 1:inner[1]] == ".")
            where = "quote-after"
            if hit is not None and _reports_after(parsed, by_cue.get(hit[0].i), segment):
                hit = None  # '"New York values," saying the city embodied ...': the cue's words follow it
            if hit is None:
                hit = cue_before(before_frame(parsed, segment, inside))
                where = "quote-before"
            if hit is None and speech_like:
                hit = cue_in_sentence_before(parsed, segment)
            if hit is not None and hit[0].text == ":" and speech_like:
                # 'said she has the quality for the job: "Steadiness ..."': the colon goes on with the clause
                owner = _reported_before(parsed, segment, candidates)
                hit = None if owner is not None else hit
        if owner is None and hit is None and words < MIN_WORDS_ALONE and _exclaimed(text, segment):
            # '"Quiet," he demanded': a word or two called out, ended inside the marks, with its cue right after
            hit, where = cue_after(after_frame(parsed, segment, inside), True), "quote-after"
            if hit is not None and (hit[1] is None or _reports_after(parsed, by_cue.get(hit[0].i), segment)):
                hit = None
        if owner is None and hit is None and speech_like:
            hit, where = credit_line(parsed, segment), "quote-after"
        if owner is None and hit is not None:
            cue, source = hit
            owner = by_cue.get(cue.i)
            if owner is None:
                cue_ids = [cue.i] + ([cue.i + 1] if cue.lower_ == "according" else [])
                span = inner
                if where == "quote-before" and cue.text != ":" and not speech_like:
                    span = _clause_around(parsed, cue, segment) or inner

                owner = Found(cue_ids, span, source, where if cue.text != ":" else "colon")
                new.append(owner)
                candidates.append(owner)
                by_cue[cue.i] = owner
        if owner is None and quotation is not None and words >= 2 and _next_paragraph(parsed, quotation[1], segment):
            # a paragraph that is all quotation continues the last full quotation of the paragraph before, not a
            # phrase quoted after it ('"...," Trump told the rally, saying she would "abolish" it.' / '"..."')
            owner = quotation[0]
        if owner is None and previous is not None and words >= 2 and _continues(parsed, previous, segment):
            cue = _second_cue(parsed, previous, segment)
            if cue is None:
                owner = previous[0]
            else:
                # '"...," said Biden, urging them to "give him time."': a second statement of the same speaker
                owner = Found([cue.i], (parsed.ends[cue.i] + 1, inner[1]), previous[0].source, "quote-before",
                              frame="second")
                new.append(owner)
                candidates.append(owner)
        if owner is None and speech_like:
            # 'Khan says she got a call from her niece. "She called me, ..."': a quotation with no cue of its own
            # right after a reported clause, in the same paragraph, goes on with what was reported
            owner = _reported_before(parsed, segment, candidates)
        if owner is None and not _title(text, segment):
            owner = _phrase_of_speaker(parsed, segment, inside)
            if owner is not None and owner.cue[0] in by_cue:
                owner = None  # 'Trump told NBC's "Today"' after a quotation: the cue's frame, not its words
            if owner is not None:
                new.append(owner)
                candidates.append(owner)
        if owner is None:
            if speech_like:
                previous = None
            continue
        owner.extend(inner)
        owner.segments.append(inner)
        previous = (owner, segment)
        if speech_like:
            quotation = (owner, segment)
    return new


#: what may stand right before a quotation that opens a statement of its own: a colon, a dash, a sentence's end
_OPENS = re.compile(r"(?:[:.?!\u2014\u2013]|\s-)\s*$")


def _speaks_for_itself(parsed: Parsed, owner: Found, segment: Segment, inside) -> bool:
    """A full quotation that a clause found from the parse runs into, but which opens after a colon, a dash or a
    sentence's end and has a cue of its own ('Mosman saw Santilli's words differently: "When he says ...," he said',
    'Cruz said as the heckler yelled: "You suck!"'), is a statement of its own: the clause is cut before it (back
    to the quotations it already holds, when the quotation's own cue lies inside it). A clause of the quotation's
    own cue after it that the parser began before the colon or dash begins at the quotation instead."""
    text = parsed.text
    s = segment.span[0]
    cue_at = parsed.starts[owner.cue[0]]
    if owner.content[0] >= s or not text[s + 1:s + 2].isupper() or not _OPENS.search(text[owner.content[0]:s]):
        return False
    if cue_at >= segment.span[1]:
        # its own cue after it, whose clause the parser began before the colon or dash: the quotation starts it
        if not owner.segments and owner.origin == "verb":
            owner.content = (segment.inner[0], owner.content[1])
        return False
    hit = cue_after(after_frame(parsed, segment, inside), text[segment.inner[1] - 1:segment.inner[1]] == ".")
    if hit is None or hit[1] is None or hit[0].tag_ in ("VBG", "VBN"):
        hit = cue_before(before_frame(parsed, segment, inside))
        if hit is None or hit[0].pos_ not in ("VERB", "AUX") or hit[0].tag_ in ("VBG", "VBN"):
            return False
    cue = hit[0]
    if cue.i in owner.cue:
        return False
    if owner.content[0] <= cue.idx < s:
        end = max((e for _, e in owner.segments if e <= s), default=None)
        if end is None:
            end = owner.content[0]
    else:
        end = s
        while end > owner.content[0] and (text[end - 1].isspace() or text[end - 1] in ":-\u2014\u2013,;"):
            end -= 1
    owner.content = (owner.content[0], end)
    return True


_NOT_AGENTS = {"it", "this", "that", "there", "these", "those", "what", "which"}


_JUST_AFTER = re.compile(r"[ \t]*[.:;]?[ \t]*")


def _reported_before(parsed: Parsed, segment: Segment, found: list[Found]) -> Found | None:
    """The attribution whose content, reported after its cue, ends right before the quotation (a full stop, colon
    or semicolon at most between them, in the same paragraph), or ends the paragraph before one that the quotation
    fills ('Kerry said that 100,000 would be accepted.' / '"That adds up to 185,000 over two years."')."""
    text = parsed.text
    lo, hi = parsed.paragraph(segment.span[0])
    fills = not text[lo:segment.span[0]].strip() and not text[segment.span[1]:hi].strip()
    for f in found:
        if f.content[1] > segment.span[0] or parsed.starts[f.cue[0]] >= f.content[0]:
            continue
        between = text[f.content[1]:segment.span[0]]
        if _JUST_AFTER.fullmatch(between) or (fills and _NEXT_PARAGRAPH.fullmatch(between)):
            return f
    return None


#: the end of the paragraph that a reported clause ends, and the break before the next one
_NEXT_PARAGRAPH = re.compile(r"[ \t]*[.:;]?[ \t]*\n{1,2}[ \t]*")


def _phrase_of_speaker(parsed: Parsed, segment: Segment, inside) -> Found | None:
    """A quoted phrase in the object of someone's verb ('Clinton fixates on the "pivot" line', 'Trump pushed his
    "free college" promise'): the speaker's words inside a clause of the writer's, a mixed attribution."""
    start = parsed.token_after(segment.inner[0])
    if start is None:
        return None
    token = parsed.doc[start]
    verb = token
    steps = 0
    while verb.pos_ != "VERB" and verb.head.i != verb.i and steps < 6:
        verb = verb.head
        steps += 1
    if verb.pos_ != "VERB" or verb.lemma_.lower() in ("be", "have") or verb.idx > segment.span[0]:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in _NOT_AGENTS:
        return None
    subject = subjects[0]
    if not (subject.pos_ == "PROPN" or subject.lower_ in ("he", "she", "they", "we", "i")
            or subject.ent_type_ in ("PERSON", "ORG", "NORP")):
        return None
    # the verb's dependent that holds the quotation is the content
    holder = token
    while holder.head.i != verb.i and holder.head.i != holder.i:
        holder = holder.head
    if holder.head.i != verb.i or holder.i == verb.i or holder.dep_ in ("nsubj", "punct", "advmod", "npadvmod"):
        return None
    tokens = list(holder.subtree)
    span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    if any(inside(t.idx) and not segment.span[0] <= t.idx < segment.span[1] for t in tokens):
        return None
    return Found([verb.i], span, phrase(subject), "phrase", frame=holder.dep_)


def _clause_around(parsed: Parsed, cue: Token, segment: Segment) -> Span | None:
    """A short quotation inside the clause a cue before it takes ('Comey testified "thousands" of emails had not
    been turned over'): the content is that clause, from the word after the cue to the clause's end."""
    first = cue.i + 1
    last = cue.right_edge.i
    between = parsed.doc[first:parsed.token_before(segment.span[0]) + 1] if first <= last else []
    if any(t.text in (",", ":", ";") for t in between) or parsed.ends[last] <= segment.span[1]:
        return None
    lo, hi = parsed.paragraph(segment.span[0])
    tokens = [t for t in parsed.doc[first:last + 1] if lo <= t.idx < hi]
    while tokens and tokens[-1].is_punct and not tokens[-1].is_quote:
        tokens = tokens[:-1]
    if not tokens:
        return None
    return min(tokens[0].idx, segment.inner[0]), max(parsed.ends[tokens[-1].i], segment.inner[1])


def _reports_after(parsed: Parsed, found: Found | None, segment: Segment) -> bool:
    """The attribution found from the parse reports a clause after its cue, away from the quotation."""
    if found is None or found.segments:
        return False
    return found.content[0] > parsed.starts[found.cue[0]] and found.content[0] >= segment.span[1]


def _owner(parsed: Parsed, segment: Segment, found: list[Found]) -> Found | None:
    """The attribution whose content overlaps the segment and whose cue lies outside it."""
    best, best_key = None, None
    s, e = segment.span
    at = parsed.starts
    for f in found:
        if f.content[1] <= s or f.content[0] >= e:
            continue
        if any(s <= at[i] < e for i in f.cue):
            continue
        # the attribution whose content starts nearest the quotation's start, then the nearest cue
        key = (abs(f.content[0] - segment.inner[0]) > 3 and f.content[0] > s, abs(f.content[0] - s),
               abs(at[f.cue[0]] - s))
        if best_key is None or key < best_key:
            best, best_key = f, key
    return best


def _next_paragraph(parsed: Parsed, before: Segment, segment: Segment) -> bool:
    """The segment opens the paragraph right after the one where ``before`` ends, and fills it."""
    text = parsed.text
    start, _ = parsed.paragraph(segment.span[0])
    if text[start:segment.span[0]].strip():
        return False
    _, end = parsed.paragraph(segment.span[1])
    if text[segment.span[1]:end].strip():
        return False
    if start - before.span[1] > _FAR:
        return False
    between = text[before.span[1]:start]
    return 0 < between.count("\n") <= 2 and between.strip("\n").count("\n") == 0


def _continues(parsed: Parsed, previous: tuple[Found, Segment], segment: Segment) -> bool:
    """A segment without a cue continues the previous attribution when only a paragraph break, or the sentence that
    holds the attribution's own cue ("he said, adding ..."), lies between them."""
    found, before = previous
    text = parsed.text
    start = max(found.content[1], before.span[1])
    if segment.span[0] - start > _FAR:
        return False
    gap = text[start:segment.span[0]]
    if not any(c.isalnum() for c in gap):
        return gap.count("\n") <= 2
    frame = _LINKER.sub("", gap.rstrip())  # '"...," he said. But "..."'
    if gap[len(gap.rstrip()):].count("\n") > 2 or "\n" in frame or len(frame) > 250:
        return False
    if any(mark in _SHORT_QUOTED.sub("", frame) for mark in "\u201c\u201d\""):  # a title in it is fine
        return False
    cue_at = parsed.starts[found.cue[0]]
    if not start <= cue_at < segment.span[0]:
        return False
    # one sentence: the frame of the cue, ended by its full stop
    return not any(not _ABBREVIATION.search(frame[:m.start() + 1]) for m in _SENTENCE_END.finditer(frame))


def _second_cue(parsed: Parsed, previous: tuple[Found, Segment], segment: Segment) -> Token | None:
    """A participle of saying or urging after an attributed quotation and its cue whose clause holds the next
    quotation ('"...," said Biden, urging them to "give him time."'): it introduces that quotation. One whose
    clause ends before it ('"...," he said, adding that .... "..."') leaves the quotation to the first cue."""
    found, before = previous
    first = parsed.token_after(max(found.content[1], before.span[1], parsed.ends[found.cue[-1]]))
    last = parsed.token_before(segment.span[0])
    if first is None or last is None:
        return None
    for i in range(first, last + 1):
        token = parsed.doc[i]
        if (token.tag_ == "VBG" and token.lemma_.lower() in _SECOND_CUES and i not in found.cue
                and parsed.starts[token.right_edge.i] >= segment.inner[0]):
            return token  # the quotation lies inside the participle's own clause
    return None


def _title(text: str, segment: Segment) -> bool:
    """A name or a title in quotation marks ("State of the Union", "Meet the Press"): short and capitalized."""
    inner = text[segment.inner[0]:segment.inner[1]].strip(" ,.")
    words = inner.split()
    if not words or len(words) > 6 or inner[-1:] in "!?":
        return False
    capitalized = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
    small = sum(w in ("of", "the", "and", "a", "an", "in", "on", "for", "to", "at") for w in words)
    return capitalized + small == len(words) and capitalized >= 1 and len(words) > 1


def _exclaimed(text: str, segment: Segment) -> bool:
    """A word or a few called out ("Quiet," / "Denver!"): the quotation ends with a comma, "!" or "?" inside its
    marks."""
    return text[segment.inner[1] - 1:segment.inner[1]] in (",", "!", "?") and not _title(text, segment)


def _sentence_like(text: str, segment: Segment) -> bool:
    """Reads as a sentence or a clause: ends with its own punctuation inside the marks ("It's over," / "Why?")."""
    inner = text[segment.inner[0]:segment.inner[1]].rstrip()
    return (inner[-1:] in ".?!," and segment.words(text) >= 2) or segment.words(text) >= 8
