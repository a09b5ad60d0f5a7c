"""No SSRF: URL ingestion connects only to public addresses, unless the operator allows some private ones.

``eventwire.ingest.web.check_address`` refuses a URL whose host resolves to a non-public address before each
request (redirects included). Between that check and the connection the name could resolve differently (DNS
rebinding), so the server's fetcher also checks at connection time: ``GuardedTransport`` resolves the host itself,
checks every address it resolves to, and connects to a checked address, never to the name. Any refused address
raises ``InputProblem`` with code ``refused_address``.
"""
from __future__ import annotations

import ipaddress
import socket
import typing

import httpcore
import httpx

from ..errors import InputProblem
from .settings import Network

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _plain(address: Address) -> Address:
    """An IPv4-mapped IPv6 address (``::ffff:127.0.0.1``) as the IPv4 address it stands for."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_public(address: Address) -> bool:
    address = _plain(address)
    return address.is_global and not address.is_multicast and not address.is_reserved


def allowed(address: Address, networks: tuple[Network, ...]) -> bool:
    """True for a public address, or one inside a network the operator allows."""
    address = _plain(address)
    return is_public(address) or any(address.version == n.version and address in n for n in networks)


def resolve(host: str, port: int, networks: tuple[Network, ...]) -> list[str]:
    """Every address ``host`` resolves to, all of them checked; raises ``InputProblem`` if any is refused."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise InputProblem(f"the host {host} cannot be resolved ({error})", "fetch_failed") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for text in addresses:
        address = ipaddress.ip_address(text.split("%")[0])
        if not allowed(address, networks):
            raise InputProblem(f"refused to fetch from {host}: it resolves to the non-public address {address} "
                               "(private, loopback or link-local); the operator can allow it with "
                               "EVENTWIRE_SERVE_ALLOW_PRIVATE", "refused_address")
    if not addresses:
        raise InputProblem(f"the host {host} has no address", "fetch_failed")
    return addresses


class _GuardedBackend(httpcore.SyncBackend):
    def __init__(self, networks: tuple[Network, ...]):
        self.networks = networks

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        addresses = resolve(host, port, self.networks)
        last: Exception | None = None
        for address in addresses:  # connect to a checked address, never to the name again
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last = error
        assert last is not None
        raise last


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport whose connections go only to addresses ``allowed`` accepts (no proxies)."""

    def __init__(self, networks: tuple[Network, ...] = (), **kwargs: typing.Any):
        super().__init__(trust_env=False, **kwargs)
        limits = httpx.Limits()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(networks))
