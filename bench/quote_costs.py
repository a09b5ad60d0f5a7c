#!/usr/bin/env python3
"""What the quotes stage costs against the parse, and whether it grows faster than the text.

    python bench/quote_costs.py [--corpus ../shared/corpus/wikinews.jsonl] [--limit 0] [--repeat 3]

The texts are parsed once (timed: the baseline every figure is a ratio of); the stages before quotes run once per
article; then the quotes stage alone runs ``--repeat`` times on fresh copies of each article's actors (it adds
actors), and the links stage (quotes to events) on the events found once. Prints the quotes stage's time as a share
of the parse, and its milliseconds per 1,000 characters on short and on long articles next to the parse's, so that
work that grows faster than the text shows as a rising ratio.
"""
from __future__ import annotations

import argparse
import copy
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews.jsonl"
SHORT, LONG = 5_000, 20_000  # characters: at most SHORT is a short article, at least LONG a long one


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=0, help="the first N articles only (0: all)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from eventwire.extract import STAGES
    from eventwire.extract.context import Context
    from eventwire.ingest import article_from_record
    from eventwire.nlp import parse
    from eventwire.pipeline import Pipeline

    lines = [line for line in open(args.corpus, encoding="utf-8") if line.strip()]
    records = [json.loads(line) for line in (lines[:args.limit] if args.limit else lines)]
    pipeline = Pipeline()
    articles = [article_from_record(r, f"{args.corpus}:{i}") for i, r in enumerate(records, 1)]
    stage = {s.name: s for s in STAGES}
    parse_s: list[float] = []
    docs = []
    for article in articles:  # one at a time, so that each article's parse has its own time
        started = time.perf_counter()
        docs.append(next(parse(pipeline.nlp, [article.text], pipeline.settings.chunk_chars, 1)))
        parse_s.append(time.perf_counter() - started)

    contexts = []
    before = []  # each article's actors as the quotes stage finds them (it adds the speakers it has to make)
    for article, doc in zip(articles, docs, strict=True):
        ctx = Context(article=article, doc=doc, settings=pipeline.settings)
        for s in STAGES:
            if s.name == "quotes":
                before.append(copy.deepcopy(ctx.actors))
            if s.name == "links":
                break
            setattr(ctx, s.writes, s.run(ctx))
        contexts.append(ctx)

    quotes_s = [[] for _ in contexts]
    links_s = [[] for _ in contexts]
    found = 0
    for _ in range(args.repeat):
        found = 0
        for i, ctx in enumerate(contexts):
            fresh = Context(article=ctx.article, doc=ctx.doc, settings=ctx.settings, published=ctx.published,
                            actors=copy.deepcopy(before[i]), times=ctx.times, places=ctx.places)
            started = time.perf_counter()
            fresh.quotes = stage["quotes"].run(fresh)
            quotes_s[i].append(time.perf_counter() - started)
            found += len(fresh.quotes)
            fresh.events = ctx.events
            started = time.perf_counter()
            stage["links"].run(fresh)
            links_s[i].append(time.perf_counter() - started)
    quotes = [statistics.median(x) for x in quotes_s]
    links = [statistics.median(x) for x in links_s]
    sizes = [len(a.text) for a in articles]

    def per_k(seconds: list[float], pick) -> float:
        chosen = [i for i, n in enumerate(sizes) if pick(n)]
        chars = sum(sizes[i] for i in chosen)
        return 1000 * sum(seconds[i] for i in chosen) / (chars / 1000) if chars else 0.0

    total_parse, total_quotes, total_links = sum(parse_s), sum(quotes), sum(links)
    print(f"corpus {args.corpus}: {len(articles)} articles, {sum(sizes):,} characters, {found} quotes; "
          f"medians of {args.repeat} runs")
    print(f"  parse        {total_parse:7.2f} s")
    print(f"  quotes stage {total_quotes:7.2f} s  ({total_quotes / total_parse:.1%} of the parse)")
    print(f"  links stage  {total_links:7.2f} s  ({total_links / total_parse:.1%} of the parse)")
    print("  ms per 1k characters      parse   quotes  quotes/parse")
    for label, pick in ((f"short (<= {SHORT:,})", lambda n: n <= SHORT), (f"long (>= {LONG:,})", lambda n: n >= LONG)):
        p, q = per_k(parse_s, pick), per_k(quotes, pick)
        print(f"  {label:<24} {p:7.2f}  {q:7.2f}  {q / p if p else 0:12.1%}")
    longest = max(range(len(sizes)), key=sizes.__getitem__)
    print(f"  longest article ({sizes[longest]:,} characters): parse {parse_s[longest]:.2f} s, quotes "
          f"{quotes[longest]:.2f} s ({quotes[longest] / parse_s[longest]:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
