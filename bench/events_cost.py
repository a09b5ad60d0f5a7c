#!/usr/bin/env python3
"""What the events stage costs: the full pipeline with and without it over the same articles, in one run.

    python bench/events_cost.py [--corpus ../shared/corpus/wikinews.jsonl] [--limit 150] [--repeat 3]

The texts are parsed once; then every stage runs on each parsed article, with the events stage and without it,
interleaved and repeated (these machines are noisy). Prints the seconds per article of each variant, the events
stage's own time, its share of the full extraction, and the events found per article.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from eventwire.extract import STAGES
    from eventwire.extract.context import Context
    from eventwire.ingest import article_from_record
    from eventwire.nlp import parse
    from eventwire.pipeline import Pipeline

    records = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()][:args.limit]
    pipeline = Pipeline()
    articles = [article_from_record(r, f"{args.corpus}:{i}") for i, r in enumerate(records, 1)]
    docs = list(parse(pipeline.nlp, (a.text for a in articles), pipeline.settings.chunk_chars,
                      pipeline.settings.batch_size))
    without = tuple(s for s in STAGES if s.name not in ("events", "links"))

    def run(stages) -> tuple[float, float, int]:
        """(seconds for all stages, seconds in the events stage, events found)."""
        total = events_time = 0.0
        found = 0
        for article, doc in zip(articles, docs, strict=True):
            ctx = Context(article=article, doc=doc, settings=pipeline.settings)
            for stage in stages:
                started = time.perf_counter()
                setattr(ctx, stage.writes, stage.run(ctx))
                spent = time.perf_counter() - started
                total += spent
                if stage.name == "events":
                    events_time += spent
            found += len(ctx.events)
        return total, events_time, found

    run(STAGES)  # warm up: tables and gazetteers load once per process
    full, bare, own = [], [], []
    found = 0
    for _ in range(args.repeat):
        t, e, found = run(STAGES)
        full.append(t)
        own.append(e)
        bare.append(run(without)[0])
    n = len(articles)
    full_s, bare_s, own_s = (statistics.median(x) / n for x in (full, bare, own))
    print(f"corpus {args.corpus}: {n} articles, {args.repeat} interleaved runs (medians, stages only, parse excluded)")
    print(f"  all stages            {1000 * full_s:7.1f} ms/article")
    print(f"  without events/links  {1000 * bare_s:7.1f} ms/article")
    print(f"  events stage alone    {1000 * own_s:7.1f} ms/article ({own_s / full_s:.1%} of the stages' time)")
    print(f"  events per article    {found / n:7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
