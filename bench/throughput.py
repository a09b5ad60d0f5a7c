#!/usr/bin/env python3
"""Articles per second of the full pipeline next to a bare spaCy pass over the same texts, in one run.

    python bench/throughput.py [--corpus ../shared/corpus/wikinews.jsonl] [--limit N] [--repeat 3]

Each measurement runs in a fresh subprocess (so peak memory is its own); the two are interleaved and repeated,
and the medians are reported with their ratio, since these machines are noisy. Loading is timed apart: the model,
and for both modes one short warm-up text (for the pipeline this loads its tables, gazetteer and language model,
paid once per process as ``eventwire batch`` workers pay it). The bare pass parses the texts as the pipeline does
(``eventwire.nlp.parse``: the same batches, texts over ``EVENTWIRE_CHUNK_CHARS`` in the same pieces, which parse
faster than whole). Rates are given by wall-clock time and by the process's CPU time; on a machine shared with
other jobs the CPU-time ratio is the steadier of the two.
"""
from __future__ import annotations

import argparse
import json
import os
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
    from eventwire.batch.worker import WARM_UP

    records = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()][:limit]
    started = time.perf_counter()
    if mode == "spacy":
        from eventwire.config import Settings
        from eventwire.nlp import load_nlp, parse

        settings = Settings.from_env()
        nlp = load_nlp(settings.model)
        nlp(WARM_UP)
        loaded, loaded_cpu = time.perf_counter(), time.process_time()
        # the parse the pipeline runs: batches of ``batch_size``, long texts in the same pieces (``chunk_chars``)
        words = sum(len(doc) for doc in parse(nlp, [r["text"] for r in records], settings.chunk_chars,
                                              settings.batch_size))
    else:
        from eventwire.ingest import article_from_record, article_from_text
        from eventwire.pipeline import Pipeline, as_dict

        pipeline = Pipeline()
        pipeline.document(article_from_text(WARM_UP, doc_id="warm-up", published="2024-01-02"))
        loaded, loaded_cpu = time.perf_counter(), time.process_time()
        articles = [article_from_record(r, f"{corpus}:{i}") for i, r in enumerate(records, 1)]
        words = 0
        for result in pipeline.run(articles):
            words += len(json.dumps(as_dict(result)))  # serialising is part of the job
    done, done_cpu = time.perf_counter(), time.process_time()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "articles": len(records), "load_s": loaded - started,
                      "run_s": done - loaded, "cpu_s": done_cpu - loaded_cpu, "peak_mb": peak_mb}))


def measure(mode: str, corpus: str, limit: int, code: str | None = None) -> dict:
    """One measurement in a fresh subprocess; ``code``: another checkout whose ``eventwire`` it imports."""
    env = dict(os.environ)
    if code:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (code, env.get("PYTHONPATH")) if p)
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", corpus, "--limit", str(limit)],
                         capture_output=True, text=True, check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare", metavar="DIR", help="also time the pipeline of another checkout (for example "
                        "an earlier commit: git worktree add DIR COMMIT), interleaved with the others")
    parser.add_argument("--child", choices=["spacy", "pipeline"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.corpus, args.limit)
        return 0
    modes: dict[str, tuple[str, str | None]] = {"spacy": ("spacy", None), "pipeline": ("pipeline", None)}
    if args.compare:
        modes["compared"] = ("pipeline", str(Path(args.compare).resolve()))
    runs: dict[str, list[dict]] = {name: [] for name in modes}
    for _ in range(args.repeat):
        for name, (mode, code) in modes.items():
            runs[name].append(measure(mode, args.corpus, args.limit, code))
    n = runs["spacy"][0]["articles"]
    print(f"corpus {args.corpus}: {n} articles, {args.repeat} interleaved runs each (medians)")
    if args.compare:
        print(f"  compared: the pipeline of {modes['compared'][1]}")
    rates, cpu_rates = {}, {}
    for name, results in runs.items():
        rates[name] = statistics.median(n / r["run_s"] for r in results)
        cpu_rates[name] = statistics.median(n / r["cpu_s"] for r in results)
        print(f"  {name:9s} {rates[name]:7.2f} articles/s   {cpu_rates[name]:7.2f} articles/CPU-s   "
              f"load {statistics.median(r['load_s'] for r in results):5.2f} s"
              f"   peak memory {max(r['peak_mb'] for r in results):6.0f} MB")
    for name in runs:
        if name == "spacy":
            continue
        print(f"  ratio {name} / bare spaCy: {rates[name] / rates['spacy']:.3f} (wall clock), "
              f"{cpu_rates[name] / cpu_rates['spacy']:.3f} (CPU time); each interleaved pair (wall/CPU): " + ", ".join(
                  f"{s['run_s'] / p['run_s']:.3f}/{s['cpu_s'] / p['cpu_s']:.3f}"
                  for s, p in zip(runs["spacy"], runs[name], strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
