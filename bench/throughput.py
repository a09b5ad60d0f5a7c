#!/usr/bin/env python3
"""Articles per second of the full pipeline next to a bare spaCy pass over the same texts, in one run.

    python bench/throughput.py [--corpus ../shared/corpus/wikinews.jsonl] [--limit N] [--repeat 3]

Each measurement runs in a fresh subprocess (so peak memory is its own); the two are interleaved and repeated,
and the medians are reported with their ratio, since these machines are noisy. Model loading is timed apart.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews.jsonl"


def child(mode: str, corpus: str, limit: int) -> None:
    """Run one measurement and print it as JSON (called in a subprocess)."""
    records = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()][:limit]
    started = time.perf_counter()
    if mode == "spacy":
        from eventwire.config import Settings
        from eventwire.nlp import load_nlp

        settings = Settings.from_env()
        nlp = load_nlp(settings.model)
        loaded = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe((r["text"] for r in records), batch_size=settings.batch_size))
    else:
        from eventwire.ingest import article_from_record
        from eventwire.pipeline import Pipeline, as_dict

        pipeline = Pipeline()
        _ = pipeline.nlp
        loaded = time.perf_counter()
        articles = [article_from_record(r, f"{corpus}:{i}") for i, r in enumerate(records, 1)]
        words = 0
        for result in pipeline.run(articles):
            words += len(json.dumps(as_dict(result)))  # serialising is part of the job
    done = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "articles": len(records), "load_s": loaded - started,
                      "run_s": done - loaded, "peak_mb": peak_mb}))


def measure(mode: str, corpus: str, limit: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", corpus, "--limit", str(limit)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["spacy", "pipeline"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.corpus, args.limit)
        return 0
    runs: dict[str, list[dict]] = {"spacy": [], "pipeline": []}
    for _ in range(args.repeat):
        for mode in runs:
            runs[mode].append(measure(mode, args.corpus, args.limit))
    n = runs["spacy"][0]["articles"]
    print(f"corpus {args.corpus}: {n} articles, {args.repeat} interleaved runs each (medians)")
    rates = {}
    for mode, results in runs.items():
        rate = statistics.median(n / r["run_s"] for r in results)
        rates[mode] = rate
        print(f"  {mode:9s} {rate:7.2f} articles/s   load {statistics.median(r['load_s'] for r in results):5.2f} s"
              f"   peak memory {max(r['peak_mb'] for r in results):6.0f} MB")
    print(f"  ratio pipeline / bare spaCy: {rates['pipeline'] / rates['spacy']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
