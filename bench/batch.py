#!/usr/bin/env python3
"""Batch throughput, side by side in one run: a bare spaCy pass, ``eventwire extract`` in one process, and
``eventwire batch`` on a local Ray with 1 and 2 workers, over the same articles.

    python bench/batch.py [--corpus ../shared/corpus/wikinews.jsonl] [--articles 1000] [--partition-size 25]

The corpus is repeated (ids made unique) to ``--articles`` articles. Each measurement runs in a fresh subprocess,
one after the other. Rates leave model loading out (the spaCy and extract passes time it apart; the batch rates
count from the first partition's start to the last one's end); Ray's start-up (``ray.init``) and the workers'
start (pipeline loaded and warmed up) are reported on their own. Memory is the peak resident size of each process
(``ru_maxrss``); for batch, of the worker processes. Every process runs one thread of numerical code, and Ray's
workers run at normal priority (``RAY_worker_niceness=0``). Needs the batch extra.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews.jsonl"


def make_corpus(source: str, articles: int, folder: Path) -> Path:
    records = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
    path = folder / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(articles):
            record = dict(records[n % len(records)])
            record["id"] = f"{record['id']}-r{n // len(records)}"
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def child(mode: str, corpus: str, workers: int, partition_size: int, output: str) -> dict:
    started = time.perf_counter()
    if mode == "spacy":
        from eventwire.config import Settings
        from eventwire.nlp import load_nlp

        texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
        settings = Settings.from_env()
        nlp = load_nlp(settings.model)
        loaded, cpu = time.perf_counter(), time.process_time()
        count = sum(1 for _ in nlp.pipe(texts, batch_size=settings.batch_size))
        done = time.perf_counter()
        return {"articles": count, "load_s": loaded - started, "work_s": done - loaded,
                "cpu_s": time.process_time() - cpu,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if mode == "extract":
        from eventwire.batch.worker import WARM_UP
        from eventwire.cli.extract import extract_to
        from eventwire.ingest import article_from_text
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline()
        pipeline.document(article_from_text(WARM_UP, published="2024-01-02"))  # as a batch worker warms up
        loaded, cpu = time.perf_counter(), time.process_time()
        count, _ = extract_to([corpus], output, pipeline, progress=False)
        done = time.perf_counter()
        return {"articles": count, "load_s": loaded - started, "work_s": done - loaded,
                "cpu_s": time.process_time() - cpu,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    from eventwire.batch import run_batch

    report = run_batch([corpus], output, workers=workers, partition_size=partition_size)
    return {"articles": report.articles, "ray_start_s": report.ray_start_s, "worker_load_s": report.worker_load_s,
            "work_s": report.work_s, "cpu_s": report.cpu_s, "busy_s": report.busy_s,
            "total_s": time.perf_counter() - started,
            "peak_mb": report.worker_peak_mb,
            "driver_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "failed": report.failed}


def measure(mode: str, corpus: Path, folder: Path, workers: int = 0, partition_size: int = 0) -> dict:
    output = folder / f"out-{mode}-{workers}"
    output = output.with_suffix(".jsonl") if mode == "extract" else output
    command = [sys.executable, __file__, "--child", mode, "--corpus", str(corpus), "--workers", str(workers),
               "--partition-size", str(partition_size), "--output", str(output)]
    started = time.perf_counter()
    # one thread per process everywhere, as Ray gives its workers, so that the rates compare core for core; and
    # Ray's workers at the same priority as the other passes (Ray nices them to 15 by default, which on a shared
    # machine hands their CPU to everything else)
    environment = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
                       RAY_worker_niceness="0")
    done = subprocess.run(command, capture_output=True, text=True, env=environment)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"{mode} failed")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    return result


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--child", choices=["spacy", "extract", "batch"], help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.workers, args.partition_size, args.output)))
        return 0
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        folder = Path(tmp)
        corpus = make_corpus(args.corpus, args.articles, folder)
        from eventwire.batch.run import worker_settings
        from eventwire.config import Settings

        print(f"corpus: {args.corpus} repeated to {args.articles} articles; {os.cpu_count()} CPUs; "
              f"load average at start {load_average()}; articles per parse batch: spaCy pass and extract "
              f"{Settings.from_env().batch_size}, batch workers {worker_settings().batch_size} (the defaults); "
              f"{args.partition_size} articles per partition", flush=True)
        runs = {}
        for label, mode, workers in (("bare spaCy pass", "spacy", 0), ("eventwire extract", "extract", 0),
                                     ("batch, 1 worker", "batch", 1), ("batch, 2 workers", "batch", 2)):
            runs[label] = result = measure(mode, corpus, folder, workers, args.partition_size)
            result["rate"] = result["articles"] / result["work_s"]
            result["core_rate"] = result["articles"] / result["cpu_s"]
            extra = (f"Ray start {result['ray_start_s']:.1f} s, workers ready after {result['worker_load_s']:.1f} s, "
                     f"workers busy {result['busy_s'] / result['work_s']:.2f} of {workers} on average, "
                     f"CPU {result['cpu_s'] / result['work_s']:.2f} cores, end to end {result['total_s']:.0f} s"
                     if mode == "batch" else
                     f"load {result['load_s']:.1f} s, CPU {result['cpu_s'] / result['work_s']:.2f} cores")
            print(f"  {label:18s} {result['rate']:6.2f} articles/s (wall)  {result['core_rate']:6.2f} per CPU-second"
                  f"   peak memory {result['peak_mb']:5.0f} MB{' per worker' if mode == 'batch' else ''}   {extra}"
                  f"   (load average {load_average()})", flush=True)
        spacy, extract, one, two = (runs[k] for k in runs)
        for name, key in (("wall clock", "rate"), ("CPU time", "core_rate")):
            print(f"  by {name}: full pipeline / bare spaCy {extract[key] / spacy[key]:.3f}; "
                  f"batch 1 worker / extract {one[key] / extract[key]:.3f}; "
                  f"2 workers / 1 worker {two[key] / one[key]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
