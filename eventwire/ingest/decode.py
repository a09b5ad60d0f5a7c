"""Bytes to text: UTF-8 first, else the detected encoding; binary data refused with a clear error."""
from __future__ import annotations

import charset_normalizer

from ..errors import InputProblem


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (UTF-16 with a BOM is text)."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05

def decode_bytes(data: bytes, name: str) -> str:
    """The text of ``data`` (an input called ``name`` in messages)."""
    if looks_binary(data):
        raise InputProblem(f"{name}: binary data, not a text article", "binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputProblem(f"{name}: the bytes are neither UTF-8 nor any encoding that could be detected",
                           "undecodable")
    return str(best)
