"""The ASGI application: the API (``api``, ``ingest``), the page (``static/``), one error shape (``errors``).

    from eventwire.serve import ServeSettings, create_app
    app = create_app(ServeSettings(store="eventwire.duckdb"))      # uvicorn.run(app) or TestClient(app)

The store is opened when the application starts (read-only unless a write token is set) and closed when it
stops; pass ``store=`` to use a ``Store`` the caller opened and closes.
"""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store import Store
from . import api, errors, ingest
from .settings import ServeSettings

STATIC = Path(__file__).resolve().parent / "static"
log = logging.getLogger("eventwire.serve")

#: the page loads nothing from elsewhere, and runs no inline script
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                 b"script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                                 b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class _Guards:
    """Pure ASGI middleware: security headers on every answer, and a bound on request bodies (413)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_body_bytes
        too_large = f"the request body is larger than {limit:,} bytes (EVENTWIRE_SERVE_MAX_BODY_BYTES)"
        declared = dict(scope.get("headers") or []).get(b"content-length")
        received = 0

        async def bounded_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:  # FastAPI passes on an HTTPException raised while reading
                    raise HTTPException(413, too_large)
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        if declared and declared.isdigit() and int(declared) > limit:
            await errors.error_response(413, "too_large", too_large)(scope, receive, send_with_headers)
            return
        await self.app(scope, bounded_receive, send_with_headers)


def create_app(settings: ServeSettings | None = None, store: Store | None = None) -> FastAPI:
    settings = settings or ServeSettings.from_env()
    owns_store = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.store is None:
            app.state.store = Store(settings.store, read_only=not settings.writable)
        if settings.writable and app.state.ingestor is None:
            app.state.ingestor = ingest.Ingestor(settings, app.state.store)
        try:
            yield
        finally:
            if app.state.ingestor is not None:
                app.state.ingestor.close()
                app.state.ingestor = None
            if owns_store and app.state.store is not None:
                app.state.store.close()
                app.state.store = None

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Events (who did what to whom, when, where), quotes and actors extracted from news "
                              "articles, from an eventwire store. Every error answers with the shape of "
                              "ErrorResponse. Reads may need a token (Authorization: Bearer TOKEN); writes always "
                              "do.")
    app.state.settings = settings
    app.state.store = store
    app.state.ingestor = None
    errors.install(app)

    @app.get("/health", summary="Is the server up and the store open", tags=["server"])
    async def health(request: Request) -> JSONResponse:
        opened = request.app.state.store is not None
        return JSONResponse({"status": "ok" if opened else "starting", "version": __version__},
                            status_code=200 if opened else 503)

    @app.get("/version", summary="The eventwire version and the store's schema version", tags=["server"])
    async def version(request: Request) -> JSONResponse:
        opened = request.app.state.store
        return JSONResponse({"eventwire": __version__, "api": 1,
                             "schema_version": opened.schema_version if opened is not None else None})

    app.include_router(api.router)
    app.include_router(ingest.router)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(_Guards, max_body_bytes=settings.max_body_bytes)
    return app
