"""Tokens: writes always need the operator's write token; reads need a token only when a read token is set.

A token is sent as ``Authorization: Bearer TOKEN`` (or ``X-Eventwire-Token: TOKEN``). No token where one is
needed: 401. A token that is not good for the request, or a write to a server started without a write token: 403.
"""
from __future__ import annotations

import hmac

from fastapi import Request

from .errors import ApiError
from .settings import ServeSettings

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="eventwire"'}


def _token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-eventwire-token") or None


def _same(given: str, expected: str | None) -> bool:
    return bool(expected) and hmac.compare_digest(given.encode("utf-8"), str(expected).encode("utf-8"))


def _settings(request: Request) -> ServeSettings:
    return request.app.state.settings


async def require_read(request: Request) -> None:
    settings = _settings(request)
    if not settings.reads_need_token:
        return
    given = _token(request)
    if given is None:
        raise ApiError(401, "this server needs a token for reading: send 'Authorization: Bearer TOKEN'",
                       headers=_CHALLENGE)
    if not (_same(given, settings.read_token) or _same(given, settings.write_token)):
        raise ApiError(403, "the token is not valid for reading", "bad_token")


async def require_write(request: Request) -> None:
    settings = _settings(request)
    if not settings.writable:
        raise ApiError(403, "this server does not accept writes: the operator starts it with a write token "
                       "(EVENTWIRE_SERVE_WRITE_TOKEN or --write-token) to enable POST /documents", "writes_disabled")
    given = _token(request)
    if given is None:
        raise ApiError(401, "writing needs the write token: send 'Authorization: Bearer TOKEN'", headers=_CHALLENGE)
    if not _same(given, settings.write_token):
        raise ApiError(403, "the token is not valid for writing", "bad_token")
