"""The one pipeline: articles in, ``Document`` records out. Every entry point (CLI, store, API, batch) uses it."""
from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language

from .config import Settings
from .extract import STAGES, Context, Stage, check_order
from .ingest import read_inputs
from .ingest.language import identify, surely_english
from .ingest.readers import normalize_published
from .nlp import load_nlp, parse
from .records import Article, Document, InputError, Published, RecordWarning, error_record

log = logging.getLogger("eventwire")

Result = Document | InputError


_settled = False  # whether this process has frozen what its first batch loaded


def _settle() -> None:
    """Once per process, after a first batch (the model, the stages' tables, the gazetteer and their caches are
    loaded by then): move the objects alive into the garbage collector's permanent generation (``gc.freeze``), so
    that the collections that later batches trigger do not walk the model and the tables again each time (a few
    percent of the time per article). The young generations are collected first (a full collection would cost
    a tenth of a second here, and finds nothing: what the oldest generation holds by then is what was loaded)."""
    global _settled
    if not _settled:
        _settled = True
        gc.collect(1)
        gc.freeze()


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a paragraph (else sentence, else word) end."""
    if len(text) <= limit:
        return text
    window = text[:limit]
    for mark in ("\n", ". ", " "):
        cut = window.rfind(mark)
        if cut > limit // 2:
            return window[: cut + len(mark)].rstrip()
    return window


class Pipeline:
    """Loads the NLP model once and turns articles into documents, in batches, in input order."""

    def __init__(self, settings: Settings | None = None, stages: tuple[Stage, ...] = STAGES,
                 published: str | None = None):
        check_order(stages)
        self.settings = settings or Settings.from_env()
        self.stages = stages
        #: the publication date for articles that carry none (``--published``)
        self.default_published = normalize_published(published, "--published") if published else None
        self._nlp: Language | None = None
        self.strict = os.environ.get("EVENTWIRE_STRICT") == "1"
        if self.settings.event_place_model:
            from .extract.places import linking

            linking.model(self.settings.event_place_model)  # a missing or broken file stops the run up front

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp(self.settings.model)
        return self._nlp

    # -- entry points -------------------------------------------------------------------------------------------

    def run(self, items: Iterable[Article | InputError]) -> Iterator[Result]:
        """One result per item, in order: a ``Document`` or the ``InputError`` that stopped it."""
        iterator = iter(items)
        while batch := list(islice(iterator, self.settings.batch_size)):
            yield from self._batch(batch)
            _settle()

    def run_paths(self, paths: Iterable[str]) -> Iterator[Result]:
        return self.run(read_inputs(paths, self.settings))

    def document(self, article: Article) -> Document:
        """One article, alone (raises ``EventwireError`` instead of returning an error)."""
        result = next(self.run([article]))
        if isinstance(result, InputError):
            from .errors import EventwireError

            raise EventwireError(result.message, result.code)
        return result

    # -- internals ----------------------------------------------------------------------------------------------

    def _prepare(self, article: Article) -> bool:
        """Apply defaults, bounds and language identification; True when the article gets English extraction."""
        if not article.published and self.default_published:
            article.published, article.published_origin = self.default_published, "given"
        if len(article.text) > self.settings.max_chars:
            original = len(article.text)
            article.text = truncate(article.text, self.settings.max_chars)
            article.warnings.append(RecordWarning(
                "truncated", f"the text has {original:,} characters; only the first {len(article.text):,} "
                f"were processed (EVENTWIRE_MAX_CHARS={self.settings.max_chars:,})"))
        if not article.text.strip():  # an HTML page without article text: nothing to identify or extract
            return False
        if article.language is None and surely_english(article.text):
            article.language = "en"  # what identify() says of it: the model's probability is wanted only otherwise
        if article.language is None:
            article.language, probability = identify(article.text)
            if article.language != "en":
                article.warnings.append(RecordWarning(
                    "not_english", f"the text was identified as {article.language!r} (p={probability:.2f}); "
                    "no English extraction was run on it"))
        return article.language == "en"

    def _batch(self, batch: list[Article | InputError]) -> Iterator[Result]:
        english = [item for item in batch if isinstance(item, Article) and self._prepare(item)]
        docs = dict(zip((id(a) for a in english),
                        parse(self.nlp, (a.text for a in english), self.settings.chunk_chars,
                              self.settings.batch_size), strict=True)) if english else {}
        for item in batch:
            if isinstance(item, InputError):
                yield item
            elif id(item) in docs:
                yield self._extract(item, docs[id(item)])
            else:
                yield self._untouched(item)

    def _untouched(self, article: Article) -> Document:
        """A record for an article that gets no English extraction: text, language and date only."""
        if article.published:
            published = Published(article.published, article.published_origin or "given",
                                  1.0 if article.published_origin != "metadata" else 0.9)
        else:
            published = Published(None, "none", 0.0)
        return Document(id=article.id, text=article.text, published=published, url=article.url,
                        source=article.source, title=article.title, language=article.language,
                        warnings=list(article.warnings), input=article.input)

    def _extract(self, article: Article, doc) -> Document:
        ctx = Context(article=article, doc=doc, settings=self.settings, warnings=list(article.warnings))
        for stage in self.stages:
            try:
                setattr(ctx, stage.writes, stage.run(ctx))
            except Exception as error:  # one stage's bug must not lose the article: keep the rest, say so
                if self.strict:
                    raise
                log.exception("stage %s failed on %s", stage.name, article.id)
                print(f"eventwire: stage {stage.name!r} failed on {article.input or article.id}: "
                      f"{type(error).__name__}: {error}", file=sys.stderr)
                ctx.warn("stage_failed", f"the {stage.name} stage failed: {type(error).__name__}: {error}")
        return Document(
            id=article.id, text=ctx.text, published=ctx.published or Published(None, "none", 0.0),
            url=article.url, source=article.source, title=article.title, language=article.language,
            sentences=[(s.start_char, s.end_char) for s in ctx.sentences],
            actors=ctx.actors, events=ctx.events, quotes=ctx.quotes, times=ctx.times, places=ctx.places,
            warnings=ctx.warnings, input=article.input,
        )


def as_dict(result: Result) -> dict:
    """The JSON record for a result (a document or an error)."""
    return error_record(result) if isinstance(result, InputError) else result.to_dict()


def extract_text(text: str, published: str | None = None, doc_id: str = "text", title: str | None = None,
                 url: str | None = None, pipeline: Pipeline | None = None) -> Document:
    """The document record for one text (the library's simplest way in)."""
    from .ingest import article_from_text

    pipeline = pipeline or Pipeline()
    return pipeline.document(article_from_text(text, doc_id=doc_id, published=published, title=title, url=url))
