"""Quotation marks: the quoted segments of a text, found without the parse.

Handles curly and straight double marks, the typewriter pair ``''`` that some newspapers use, guillemets, single
marks at the top level (headlines) and nested inside double ones, a paragraph that opens a quotation and leaves it
open when the next paragraph opens again (the convention for a quotation that runs over several paragraphs), and
unbalanced marks: a quotation left open ends with its paragraph, a stray closing mark is ignored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

Span = tuple[int, int]

_OPEN_DOUBLE = "\u201c\u201e\u00ab"  # “ „ «
_CLOSE_DOUBLE = "\u201d\u00bb"  # ” »
_AMBIGUOUS_DOUBLE = '"\u201f'  # " ‟ (and '' handled apart)
_OPEN_SINGLE = "\u2018"  # ‘
_CLOSE_SINGLE = "\u2019"  # ’ (also the apostrophe)
_MARK = re.compile(r"''|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019]")
_OPENERS_BEFORE = set(" \t\n([{\u2014\u2013-/" + _OPEN_DOUBLE + _OPEN_SINGLE + '"')


@dataclass
class Segment:
    """A quotation: ``span`` from its opening mark to the end of its closing mark; ``pieces`` its inner text, one
    piece per paragraph it runs over (marks left out)."""

    span: Span
    pieces: list[Span] = field(default_factory=list)
    style: str = "double"  # double | single
    closed: bool = True

    @property
    def inner(self) -> Span:
        return (self.pieces[0][0], self.pieces[-1][1])

    def words(self, text: str) -> int:
        return sum(len(text[s:e].split()) for s, e in self.pieces)


def _paragraphs(text: str) -> list[Span]:
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def _role(text: str, at: int, mark: str) -> str:
    """open | close | either, from the characters around an ambiguous mark."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + len(mark)] if at + len(mark) < len(text) else " "
    if before in _OPENERS_BEFORE and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}\u2014\u2013-" + _CLOSE_SINGLE):
        return "close"
    return "either"


def _opens_paragraph(text: str, para: Span) -> int | None:
    """The length of the opening mark a paragraph starts with, if it does."""
    head = text[para[0]:para[1]].lstrip()
    skip = len(text[para[0]:para[1]]) - len(head)
    if head.startswith("''"):
        return skip + 2
    if head[:1] and (head[0] in _OPEN_DOUBLE or head[0] in _AMBIGUOUS_DOUBLE):
        return skip + 1
    return None


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_segments(text: str) -> list[Segment]:
    """Every top-level quotation in ``text``, in order (nested ones belong to the quotation around them)."""
    segments: list[Segment] = []
    paragraphs = _paragraphs(text)
    carried: Segment | None = None  # a double quotation still open at the end of the previous paragraph
    for number, (p_start, p_end) in enumerate(paragraphs):
        open_double: int | None = None  # where the current piece's inner text starts
        open_span_start: int | None = None
        open_single: int | None = None
        single_top = False
        pos = p_start
        if carried is not None:
            opener = _opens_paragraph(text, (p_start, p_end))
            if opener is not None:
                open_double, open_span_start, pos = p_start + opener, carried.span[0], p_start + opener
            else:
                segments.append(carried)
            current = carried if opener is not None else None
            carried = None
        else:
            current = None
        for match in _MARK.finditer(text, pos, p_end):
            mark, at = match.group(), match.start()
            end = match.end()
            if mark in (_OPEN_SINGLE, _CLOSE_SINGLE):
                if mark == _OPEN_SINGLE and (at == p_start or text[at - 1] in _OPENERS_BEFORE):
                    if open_single is None:
                        open_single, single_top = end, open_double is None
                elif mark == _CLOSE_SINGLE and open_single is not None:
                    after = text[end] if end < len(text) else " "
                    if not after.isalnum():
                        if single_top and open_double is None and end - open_single > 1:
                            segments.append(Segment((open_single - 1, end), [_trim(text, open_single, at)], "single"))
                        open_single = None
                continue
            if mark in _OPEN_DOUBLE:
                # an opening mark typed where a closing one belongs ("It's unusual,“ said ...")
                role = "close" if open_double is not None and _role(text, at, mark) == "close" else "open"
            elif mark in _CLOSE_DOUBLE:
                role = "close"
            else:
                role = _role(text, at, mark)
                if role == "either":
                    role = "close" if open_double is not None else "open"
            if role == "open":
                if open_double is not None:
                    # a quotation opened before was never closed: it ends where this one opens
                    pieces = (current.pieces if current else []) + [_trim(text, open_double, at)]
                    segments.append(Segment((open_span_start, at), pieces, "double", closed=False))
                    current = None
                open_double, open_span_start, open_single = end, at, None
            elif open_double is not None:
                pieces = (current.pieces if current else []) + [_trim(text, open_double, at)]
                segments.append(Segment((open_span_start, end), pieces, "double"))
                open_double = open_span_start = current = None
                open_single = None
        if open_double is not None:
            pieces = (current.pieces if current else []) + [_trim(text, open_double, p_end)]
            carried = Segment((open_span_start, p_end), pieces, "double", closed=False)
            if number == len(paragraphs) - 1:
                segments.append(carried)
                carried = None
    if carried is not None:
        segments.append(carried)
    return [s for s in segments if s.pieces and s.pieces[-1][1] > s.pieces[0][0]]
