"""``eventwire serve``: the HTTP API and the page over a store, in one process."""
from __future__ import annotations

import argparse
import sys

from ..errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API and the page over a store",
                       description="Serve the store's events, quotes, actors and articles over HTTP (API and page). "
                                   "Reads are open unless a read token is set; POST /documents needs the write "
                                   "token, and without one the store is opened read-only. Tokens are best given "
                                   "as environment variables (EVENTWIRE_SERVE_WRITE_TOKEN, "
                                   "EVENTWIRE_SERVE_READ_TOKEN), which other users cannot see in a process list.")
    p.add_argument("--store", metavar="PATH", help="the store file (default eventwire.duckdb, or EVENTWIRE_STORE)")
    p.add_argument("--host", help="address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    p.add_argument("--port", type=int, help="port (default 8000)")
    group = p.add_argument_group("access")
    group.add_argument("--write-token", metavar="TOKEN", help="token that POST /documents needs (enables writing)")
    group.add_argument("--read-token", metavar="TOKEN", help="token that every read needs (default: reads are open)")
    group.add_argument("--allow-private", metavar="NET", action="append",
                       help="let URL ingestion fetch from this private address or network (127.0.0.1, 10.0.0.0/8, "
                            "or 'all'); repeatable. Default: refuse private, loopback and link-local addresses")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    p.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..serve import ServeSettings, create_app
    from ..store import Store

    settings = ServeSettings.from_env(store=args.store, host=args.host, port=args.port, write_token=args.write_token,
                                      read_token=args.read_token, allow_private=args.allow_private)
    if not 0 < settings.port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {settings.port}")
    with Store(settings.store, read_only=not settings.writable) as store:
        app = create_app(settings, store=store)
        where = f"http://{'localhost' if settings.host in ('127.0.0.1', '::1') else settings.host}:{settings.port}/"
        mode = "reading and writing (POST /documents with the write token)" if settings.writable else "read-only"
        reads = "reads need a token" if settings.reads_need_token else "reads are open"
        print(f"eventwire: serving {settings.store} ({mode}; {reads}) at {where}  (API schema: {where}openapi.json; "
              "Ctrl-C stops)", file=sys.stderr)
        uvicorn.run(app, host=settings.host, port=settings.port, log_level=args.log_level)
    return 0
