"""One JSON shape for every error the server answers with, whatever raised it:

    {"error": {"status": 404, "code": "not_found", "message": "no event 'ev-...'", "details": [...]}}

``code`` is a short stable string (the ``EventwireError`` code where one was raised), ``message`` a sentence for
people, ``details`` (validation errors only) one entry per problem with its ``location``.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EventwireError, InputProblem, UsageError
from ..store import FilterError, StoreBusy, StoreError

log = logging.getLogger("eventwire.serve")

_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type", 422: "validation",
                 500: "internal", 502: "upstream", 503: "unavailable"}

#: input problems caused by the site a URL points to rather than by the request
UPSTREAM_CODES = {"timeout", "http_error", "fetch_failed", "too_many_redirects"}


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    """The shape of every error answer."""

    error: ErrorBody


class ApiError(Exception):
    """An error the handlers raise on purpose (a missing id, a refused token ...)."""

    def __init__(self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or _STATUS_CODES.get(status, "error")
        self.headers = headers


def error_response(status: int, code: str, message: str, details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _status_of(error: EventwireError) -> int:
    if isinstance(error, FilterError | UsageError):
        return 400
    if isinstance(error, StoreBusy):
        return 503
    if isinstance(error, StoreError):
        return 403 if error.code == "read_only" else 500
    if isinstance(error, InputProblem):
        return 502 if error.code in UPSTREAM_CODES else 400
    return 500


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def _details(error: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for item in error.errors():
        location = [str(part) for part in item.get("loc", ())]
        out.append({"location": ".".join(location), "message": str(item.get("msg", "")),
                    "type": str(item.get("type", ""))})
    return out


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.code, str(error), headers=error.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        status = error.status_code
        message = str(error.detail) if error.detail else _STATUS_CODES.get(status, "error")
        if status == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        return error_response(status, _STATUS_CODES.get(status, "error"), message, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        details = _details(error)
        summary = "; ".join(f"{d['location']}: {d['message']}" for d in details[:5])
        return error_response(422, "validation", f"the request is not valid: {summary}", details)

    @app.exception_handler(EventwireError)
    async def _eventwire_error(request: Request, error: EventwireError) -> JSONResponse:
        status = _status_of(error)
        if status >= 500:
            log.error("%s %s: [%s] %s", request.method, request.url.path, error.code, error)
        return error_response(status, error.code, str(error))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, "internal", "the server failed to answer this request; the server log says why")
