"""The read endpoints: thin wrappers over ``eventwire.store.Store``'s queries (no SQL here).

Lists answer ``{"items": [...], "next_cursor": "..." | null}``; pass ``next_cursor`` back as ``cursor`` for the
next page. Every row is what the store's query returns (see docs/store.md).
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from .. import __version__
from ..store import Store
from .auth import require_read
from .errors import ApiError, ErrorResponse

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_LIMIT = 10_000
Modality = Literal["asserted", "negated", "hypothetical", "future", "threatened", "requested"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": text} for status, text in
    ((400, "a filter or cursor that cannot be used"), (401, "a token is needed"), (403, "the token is refused"),
     (422, "a parameter is not valid"), (500, "the server failed"))}


class Page(BaseModel):
    """A page of rows; ``next_cursor`` is null on the last page."""

    items: list[dict[str, Any]]
    next_cursor: str | None = None
    total: int | None = None


class Rows(BaseModel):
    items: list[dict[str, Any]]


class Timeline(BaseModel):
    """Event counts per period (``period`` is its first day), with the split's value when split."""

    by: str
    split: str | None = None
    items: list[dict[str, Any]]


def store_of(request: Request) -> Store:
    return request.app.state.store


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")]
Cursor = Annotated[str | None, Query(description="the next_cursor of the previous page")]
Since = Annotated[str | None, Query(pattern=DATE, description="on or after (YYYY-MM-DD, YYYY-MM or YYYY)")]
Until = Annotated[str | None, Query(pattern=DATE, description="on or before (YYYY-MM-DD, YYYY-MM or YYYY)")]


class EventFilters:
    """The event filters shared by ``/events`` and ``/timeline`` (combined with AND)."""

    def __init__(
        self,
        actor: Annotated[str | None, Query(description="source or target actor: name or CAMEO code (substring)")]
        = None,
        country: Annotated[str | None, Query(description="actor or place country, ISO alpha-3 or alpha-2")] = None,
        code: Annotated[str | None, Query(description="CAMEO code prefix (19, 193) or PLOVER type (ASSAULT)")]
        = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation ... 4 material "
                                                                        "conflict")] = None,
        modality: Modality | None = None,
        since: Since = None,
        until: Until = None,
        place: Annotated[str | None, Query(description="place name (substring) or GeoNames id")] = None,
        bbox: Annotated[str | None, Query(pattern=r"^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$",
                                          description="west,south,east,north in degrees")] = None,
        source: Annotated[str | None, Query(description="site of a reporting article (bbc.co.uk)")] = None,
        doc_id: Annotated[str | None, Query(description="events reported by this document")] = None,
    ):
        self.values = {"actor": actor, "country": country, "code": code, "quad_class": quad_class,
                       "modality": modality, "since": since, "until": until, "place": place, "bbox": bbox,
                       "source": source, "doc_id": doc_id}

    def given(self) -> dict[str, Any]:
        return {k: v for k, v in self.values.items() if v not in (None, "")}


router = APIRouter(dependencies=[Depends(require_read)], responses=_ERRORS)


@router.get("/stats", summary="Row counts and the schema version", tags=["store"])
def stats(request: Request) -> JSONResponse:
    found = store_of(request).stats()
    return JSONResponse({"version": __version__, "schema_version": found["schema_version"], "bytes": found["bytes"],
                         "tables": found["tables"], "writable": request.app.state.settings.writable})


@router.get("/documents", response_model=Page, summary="Stored articles, newest first (no text)", tags=["documents"])
def documents(request: Request, source: str | None = None, since: Since = None, until: Until = None,
              limit: Limit = 50, cursor: Cursor = None) -> JSONResponse:
    page = store_of(request).documents_page(source=source, since=since, until=until, limit=limit, after=cursor)
    return JSONResponse({"items": page.rows, "next_cursor": page.next_cursor})


@router.get("/documents/{doc_id:path}", summary="One article: its text and every extracted item with its spans",
            tags=["documents"], responses={404: {"model": ErrorResponse, "description": "no such document"}})
def document(request: Request, doc_id: Annotated[str, Path(description="store id (d-...) or record id")]
             ) -> JSONResponse:
    record = store_of(request).document_dict(doc_id)
    if record is None:
        raise ApiError(404, f"no document {doc_id!r}")
    return JSONResponse(record)


@router.get("/events", response_model=Page, summary="Events (clusters of reports) with filters", tags=["events"])
def events(request: Request, filters: Annotated[EventFilters, Depends()],
           sort: Literal["date", "-date", "mentions", "-mentions", "articles", "-articles"] = "-date",
           limit: Limit = 50, cursor: Cursor = None,
           total: Annotated[bool, Query(description="also count every event that matches")] = False
           ) -> JSONResponse:
    store = store_of(request)
    page = store.events_page(**filters.given(), sort=sort, limit=limit, after=cursor)
    body: dict[str, Any] = {"items": page.rows, "next_cursor": page.next_cursor}
    if total:
        body["total"] = store.count_events(**filters.given())
    return JSONResponse(body)


@router.get("/events/{event_id}", summary="One event with all its reports (mentions) and their evidence",
            tags=["events"], responses={404: {"model": ErrorResponse, "description": "no such event"}})
def event(request: Request, event_id: str) -> JSONResponse:
    found = store_of(request).event(event_id)
    if found is None:
        raise ApiError(404, f"no event {event_id!r}")
    return JSONResponse(found)


@router.get("/quotes", response_model=Page, summary="Quotes with their speakers", tags=["quotes"])
def quotes(request: Request,
           speaker: Annotated[str | None, Query(description="speaker name (substring) or CAMEO code")] = None,
           text: Annotated[str | None, Query(description="words in the quote")] = None,
           source: str | None = None, since: Since = None, until: Until = None, doc_id: str | None = None,
           limit: Limit = 50, cursor: Cursor = None) -> JSONResponse:
    page = store_of(request).quotes_page(speaker=speaker, text=text, source=source, since=since, until=until,
                                         doc_id=doc_id, limit=limit, after=cursor)
    return JSONResponse({"items": page.rows, "next_cursor": page.next_cursor})


@router.get("/actors", response_model=Rows, summary="Actors across articles with their counts", tags=["actors"])
def actors(request: Request, name: Annotated[str | None, Query(description="name or CAMEO code")] = None,
           country: Annotated[str | None, Query(description="ISO alpha-3 or alpha-2")] = None,
           limit: Limit = 50) -> JSONResponse:
    return JSONResponse({"items": store_of(request).actors(name=name, country=country, limit=limit)})


@router.get("/timeline", response_model=Timeline, summary="Event counts per period, optionally per code family",
            tags=["events"])
def timeline(request: Request, filters: Annotated[EventFilters, Depends()],
             by: Literal["day", "week", "month", "year"] = "month",
             split: Annotated[Literal["quad_class", "root", "plover"] | None,
                              Query(description="one count per quad class, CAMEO root code or PLOVER type")] = None
             ) -> JSONResponse:
    rows = store_of(request).timeline(by=by, split=split, **filters.given())
    return JSONResponse({"by": by, "split": split, "items": rows})
