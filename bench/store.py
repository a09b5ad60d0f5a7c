#!/usr/bin/env python3
"""What the store costs: ``eventwire ingest`` into a new store next to ``eventwire extract`` alone, on the same
articles, in one run; and the size of the database per 1,000 articles.

    python bench/store.py [--corpus ../shared/corpus/wikinews.jsonl] [--limit N] [--copies 1] [--repeat 3]

Each measurement runs in a fresh subprocess; the two are interleaved and repeated, and the medians are reported
with their ratio, since these machines are noisy. Model loading is timed apart (not in the rates). ``--copies K``
repeats the corpus K times, each copy with other ids, URLs and a changed first line (so that nothing is skipped as
already stored; the copies are found as near-duplicates, which the store pays for).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews.jsonl"


def make_input(corpus: str, limit: int, copies: int, folder: Path) -> Path:
    records = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()][:limit]
    path = folder / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for record in records:
                if copy:
                    record = dict(record, id=f"{record['id']}-copy{copy}", text=f"Copy {copy}.\n{record['text']}",
                                  url=f"{record.get('url') or 'https://example.org/' + record['id']}?copy={copy}")
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def child(mode: str, source: str, workdir: str) -> None:
    """One measurement, printed as JSON (called in a subprocess)."""
    from eventwire.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline()
    _ = pipeline.nlp
    loaded = time.perf_counter()
    result: dict = {"mode": mode}
    if mode == "extract":
        from eventwire.cli.extract import extract_to

        done, _failed = extract_to([source], os.path.join(workdir, "out.jsonl"), pipeline, progress=False)
        result["articles"] = done
    else:
        from eventwire.store import Store
        from eventwire.store.ingest import ingest

        path = os.path.join(workdir, "bench.duckdb")
        with Store(path) as store:
            summary = ingest([source], store, pipeline)
        result["articles"] = summary.processed
        result["bytes"] = os.path.getsize(path)
        with Store(path, read_only=True) as store:
            result["tables"] = store.stats()["tables"]
    done_at = time.perf_counter()
    result.update(load_s=loaded - started, run_s=done_at - loaded)
    print(json.dumps(result))


def measure(mode: str, source: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as workdir:
        out = subprocess.run([sys.executable, __file__, "--child", mode, "--source", str(source), "--workdir",
                              workdir], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=10_000, help="articles taken from the corpus")
    parser.add_argument("--copies", type=int, default=1, help="repeat the corpus this many times")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs of each mode")
    parser.add_argument("--child", choices=["extract", "ingest"], help=argparse.SUPPRESS)
    parser.add_argument("--source", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.source, args.workdir)
        return 0
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as folder:
        source = make_input(args.corpus, args.limit, args.copies, Path(folder))
        runs: dict[str, list[dict]] = {"extract": [], "ingest": []}
        for _ in range(args.repeat):
            for mode in runs:
                runs[mode].append(measure(mode, source))
    n = runs["extract"][0]["articles"]
    print(f"corpus {args.corpus}: {n} articles ({args.copies} copies), {args.repeat} interleaved runs each (medians)")
    rates = {}
    for mode, results in runs.items():
        rates[mode] = statistics.median(r["articles"] / r["run_s"] for r in results)
        load = statistics.median(r["load_s"] for r in results)
        print(f"  {mode:8s} {rates[mode]:7.2f} articles/s   model load {load:5.2f} s")
    cost = rates["extract"] / rates["ingest"] - 1
    print(f"  the store costs {100 * cost:+.1f}% of the time of extract alone (ingest/extract rate ratio "
          f"{rates['ingest'] / rates['extract']:.3f})")
    last = runs["ingest"][-1]
    print(f"  database: {last['bytes'] / 1e6:.1f} MB for {n} articles = {last['bytes'] / n * 1000 / 1e6:.1f} MB "
          f"per 1,000 articles; rows: " + ", ".join(f"{k} {v}" for k, v in last["tables"].items()
                                                    if k not in ("schema_migrations",)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
