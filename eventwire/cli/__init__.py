"""The ``eventwire`` command: a thin layer over importable functions.

Each command group lives in its own module with a ``register(subparsers)`` function; ``main(argv)`` takes its
arguments explicitly so that tests call it directly. Exit status: 0 all went well, 1 some inputs failed (the
others were written), 2 usage error.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import EventwireError, UsageError
from . import batch as batch_commands
from . import extract as extract_commands
from . import serve as serve_commands
from . import store as store_commands

COMMAND_MODULES = [extract_commands, store_commands, batch_commands, serve_commands]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's usage errors: exit status 2 with the usage line
        self.print_usage(sys.stderr)
        raise SystemExit(f"{self.prog}: error: {message}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="eventwire", description="Turn news articles into event data, offline.")
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        if isinstance(stop.code, str):
            print(stop.code, file=sys.stderr)
            return EXIT_USAGE
        return int(stop.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.handler(args) or 0)
    except UsageError as error:
        print(f"eventwire: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except EventwireError as error:
        print(f"eventwire: error [{error.code}]: {error}", file=sys.stderr)
        return EXIT_PARTIAL
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
