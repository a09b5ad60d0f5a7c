"""The server's settings: where the store is, who may read and write, which private addresses URL ingestion may
reach. Each field can be set with ``EVENTWIRE_SERVE_<NAME>`` (``EVENTWIRE_SERVE_WRITE_TOKEN=...``) or a flag of
``eventwire serve``; the store path is the project's ``store`` setting (``EVENTWIRE_STORE``).
"""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field, replace
from typing import Any

from ..config import Settings
from ..errors import UsageError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

#: every address, for ``allow_private="all"``
ALL_NETWORKS: tuple[Network, ...] = (ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0"))


def parse_networks(value: Any) -> tuple[Network, ...]:
    """``"all"``, or addresses and CIDR blocks separated by commas (``"127.0.0.1,10.0.0.0/8"``), or a list of them."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    networks: list[Network] = []
    for item in items:
        if isinstance(item, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
            networks.append(item)
            continue
        item = str(item).strip()
        if not item:
            continue
        if item.lower() in ("all", "*"):
            return ALL_NETWORKS
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise UsageError(f"not an address or network: {item!r} (use e.g. 127.0.0.1, 10.0.0.0/8 or all)") from None
    return tuple(networks)


@dataclass(frozen=True)
class ServeSettings:
    #: the store file the server reads (and writes, when a write token is set)
    store: str = "eventwire.duckdb"
    host: str = "127.0.0.1"
    port: int = 8000
    #: the token ``POST /documents`` needs; without one the server opens the store read-only and refuses writes
    write_token: str | None = None
    #: when set, every read needs this token (or the write token); otherwise reads are open
    read_token: str | None = None
    #: addresses URL ingestion may fetch from although they are private, loopback or link-local (default none)
    allow_private: tuple[Network, ...] = field(default_factory=tuple)
    #: the largest request body ``POST /documents`` accepts
    max_body_bytes: int = 5_000_000

    @property
    def writable(self) -> bool:
        return bool(self.write_token)

    @property
    def reads_need_token(self) -> bool:
        return bool(self.read_token)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> ServeSettings:
        environ = dict(os.environ) if environ is None else environ
        values: dict[str, Any] = {"store": Settings.from_env(environ).store}
        for name, kind in (("host", str), ("port", int), ("write_token", str), ("read_token", str),
                           ("max_body_bytes", int)):
            raw = environ.get(f"EVENTWIRE_SERVE_{name.upper()}")
            if raw:
                try:
                    values[name] = kind(raw)
                except ValueError:
                    raise UsageError(f"EVENTWIRE_SERVE_{name.upper()} must be a number, not {raw!r}") from None
        values["allow_private"] = parse_networks(environ.get("EVENTWIRE_SERVE_ALLOW_PRIVATE"))
        settings = cls(**values)
        given = {k: v for k, v in overrides.items() if v is not None}
        if "allow_private" in given:
            given["allow_private"] = parse_networks(given["allow_private"])
        return replace(settings, **given)
