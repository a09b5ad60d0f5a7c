"""``POST /documents``: one article, given as text (or HTML) or as a URL to fetch, through the one pipeline into
the store's writer. Needs the write token; URLs are fetched politely and never from non-public addresses unless
the operator allows them (see ``guard``).
"""
from __future__ import annotations

import threading
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Body, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from ..errors import InputProblem
from ..ingest import article_from_record
from ..ingest.readers import normalize_published
from ..ingest.web import Fetcher, FetchPolicy, article_from_page, is_feed
from ..pipeline import Pipeline, truncate
from ..records import Article, InputError
from ..store import Store
from .auth import require_write
from .errors import ApiError, ErrorResponse
from .guard import GuardedTransport
from .settings import ServeSettings


class NewDocument(BaseModel):
    """An article to ingest: ``text`` (or ``html``), or only a ``url`` to fetch it from."""

    url: str | None = Field(None, description="the page to fetch, or (with text or html) the article's address")
    text: str | None = Field(None, description="the article's plain text (a first short line is taken as title)")
    html: str | None = Field(None, description="the article's HTML page")
    title: str | None = None
    published: str | None = Field(None, description="publication date (ISO), for articles that carry none")
    id: str | None = Field(None, description="your own id for the record (kept as record_id)")
    force: bool = Field(False, description="re-extract and rewrite even when the same content is stored")

    @model_validator(mode="after")
    def _one_way_in(self) -> NewDocument:
        if self.text is None and self.html is None and not self.url:
            raise ValueError("give the article's text or html, or a url to fetch")
        if self.text is not None and self.html is not None:
            raise ValueError("give text or html, not both")
        if self.url and urlsplit(self.url).scheme not in ("http", "https"):
            raise ValueError("url must be an http or https URL")
        return self


class Ingested(BaseModel):
    status: str = Field(description="added | replaced | unchanged")
    id: str = Field(description="the store's document id")
    record_id: str
    title: str | None = None
    url: str | None = None
    events: int | None = None
    quotes: int | None = None
    warnings: list[dict[str, Any]] = []
    href: str


class Ingestor:
    """Holds the pipeline (loaded on first use) and the fetcher; one article through the NLP at a time."""

    def __init__(self, settings: ServeSettings, store: Store):
        self.settings = settings
        self.store = store
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()
        networks = settings.allow_private
        policy = FetchPolicy.from_env(allow_private=bool(networks))  # the transport checks the networks
        self.fetcher = Fetcher(policy, transport=GuardedTransport(networks))

    def close(self) -> None:
        self.fetcher.close()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline()
        return self._pipeline

    def article(self, body: NewDocument) -> Article:
        if body.text is not None or body.html is not None:
            record = {"id": body.id or body.url or "api", "text": body.text, "html": body.html, "title": body.title,
                      "url": body.url, "published": body.published}
            return article_from_record({k: v for k, v in record.items() if v is not None}, "request")
        assert body.url
        fetched = self.fetcher.fetch(body.url)
        if is_feed(fetched):
            raise InputProblem(f"{body.url} is a feed, not an article: ingest feeds with `eventwire ingest`", "feed")
        article = article_from_page(fetched, body.url, body.id)
        if body.title and not article.title:
            article.title = body.title
        if body.published and not article.published:
            article.published, article.published_origin = normalize_published(body.published, "published"), "given"
        return article

    def ingest(self, body: NewDocument) -> tuple[int, dict[str, Any]]:
        article = self.article(body)
        with self._lock:
            pipeline = self.pipeline
            article.text = truncate(article.text, pipeline.settings.max_chars)
            if not body.force and self.store.is_current(article):
                summary = None
            else:
                (result,) = list(pipeline.run([article]))
                if isinstance(result, InputError):
                    raise InputProblem(result.message, result.code)
                summary = self.store.add_documents([result], replace=body.force)
        if summary is None:
            from ..store import document_id

            doc_id, status = document_id(article.url, article.text), "unchanged"
        else:
            outcome = summary.outcomes[0]
            if outcome.status == "error":
                raise InputProblem(outcome.message or "the record could not be stored", outcome.code or "bad_record")
            doc_id, status = str(outcome.doc_id), outcome.status
        record = self.store.document_dict(doc_id) or {}
        answer = {"status": status, "id": doc_id, "record_id": record.get("record_id") or article.id,
                  "title": record.get("title"), "url": record.get("url"),
                  "events": len(record.get("events") or []), "quotes": len(record.get("quotes") or []),
                  "warnings": record.get("warnings") or [], "href": f"/documents/{doc_id}"}
        return (201 if status in ("added", "replaced") else 200), answer


router = APIRouter()


@router.post("/documents", summary="Ingest one article (text, HTML, or a URL to fetch)", tags=["documents"],
             dependencies=[Depends(require_write)], response_model=Ingested, status_code=201,
             responses={200: {"model": Ingested, "description": "the same content was already stored"},
                        **{s: {"model": ErrorResponse} for s in (400, 401, 403, 413, 422, 502, 503)}})
async def add_document(request: Request, body: Annotated[NewDocument, Body()]) -> JSONResponse:
    ingestor: Ingestor | None = request.app.state.ingestor
    if ingestor is None:
        raise ApiError(403, "this server opened the store read-only", "read_only")
    status, answer = await run_in_threadpool(ingestor.ingest, body)
    return JSONResponse(answer, status_code=status, headers={"Location": answer["href"]})
