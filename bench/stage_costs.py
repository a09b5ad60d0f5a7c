#!/usr/bin/env python3
"""What each part of ``eventwire extract`` costs, next to the spaCy parse of the same texts, in one run.

    python bench/stage_costs.py [--corpus ../shared/corpus/wikinews.jsonl] [--limit N] [--repeat 2]
                                [--components] [--profile STAGE]

The texts are parsed once (timed: the spaCy parse is the baseline every share is given against); then the stages
run on every parsed article, ``--repeat`` times (medians; these machines are noisy). Model loading and each
stage's first call (tables, gazetteers, compiled patterns: paid once per process) are timed apart. The record
(the ``Document`` built, ``to_dict`` and JSON) is counted as a stage of its own.

Linearity: each stage's milliseconds per 1,000 characters on the shortest half of the articles and on the
longest tenth; a stage whose cost grows faster than the text shows a long/short ratio well above 1.

``--components`` also times each spaCy component apart (tok2vec, tagger, parser, ...). ``--profile STAGE``
prints the functions where that stage spends its time (cProfile, one pass).
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews.jsonl"


def record_stage(pipeline, article, ctx) -> None:
    """What the pipeline does after the stages: the Document, its dict and its JSON."""
    from eventwire.pipeline import as_dict
    from eventwire.records import Document, Published

    doc = ctx.doc
    document = Document(
        id=article.id, text=doc.text, published=ctx.published or Published(None, "none", 0.0),
        url=article.url, source=article.source, title=article.title, language=article.language,
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
        actors=ctx.actors, events=ctx.events, quotes=ctx.quotes, times=ctx.times, places=ctx.places,
        warnings=ctx.warnings, input=article.input)
    json.dumps(as_dict(document))


def run_stages(pipeline, articles, docs, timings: dict[str, list[float]] | None = None) -> dict[str, float]:
    """Every stage on every article; seconds per stage (and per article into ``timings``)."""
    from eventwire.extract.context import Context

    totals: dict[str, float] = {s.name: 0.0 for s in pipeline.stages}
    totals["record"] = 0.0
    for index, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        doc.user_data.clear()  # stages may cache on the Doc: each pass starts from a fresh parse
        ctx = Context(article=article, doc=doc, settings=pipeline.settings, warnings=list(article.warnings))
        for stage in pipeline.stages:
            started = time.perf_counter()
            setattr(ctx, stage.writes, stage.run(ctx))
            spent = time.perf_counter() - started
            totals[stage.name] += spent
            if timings is not None:
                timings[stage.name][index] += spent
        started = time.perf_counter()
        record_stage(pipeline, article, ctx)
        spent = time.perf_counter() - started
        totals["record"] += spent
        if timings is not None:
            timings["record"][index] += spent
    return totals


def time_components(nlp, texts: list[str], batch_size: int) -> dict[str, float]:
    """Seconds per spaCy component over ``texts`` (tokenizer included), each run over the whole batch."""
    out = {}
    started = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    out["tokenizer"] = time.perf_counter() - started
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        out[name] = time.perf_counter() - started
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--components", action="store_true", help="time each spaCy component apart")
    parser.add_argument("--profile", metavar="STAGE", help="cProfile one pass of STAGE (or 'all')")
    args = parser.parse_args()

    started = time.perf_counter()
    from eventwire.ingest import article_from_record
    from eventwire.nlp import parse
    from eventwire.pipeline import Pipeline

    imported = time.perf_counter()
    pipeline = Pipeline()
    nlp = pipeline.nlp
    loaded = time.perf_counter()
    records = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()][:args.limit]
    articles = [article_from_record(r, f"{args.corpus}:{i}") for i, r in enumerate(records, 1)]
    for article in articles:
        pipeline._prepare(article)  # defaults and language, as the pipeline does before parsing

    texts = [a.text for a in articles]
    parse_runs = []
    docs = []
    for _ in range(max(1, min(args.repeat, 2))):
        t0 = time.perf_counter()
        docs = list(parse(nlp, texts, pipeline.settings.chunk_chars, pipeline.settings.batch_size))
        parse_runs.append(time.perf_counter() - t0)
    parse_s = min(parse_runs)
    n = len(articles)
    chars = sum(len(t) for t in texts)

    # first calls: tables, gazetteers, compiled patterns (paid once per process)
    from eventwire.extract.context import Context

    first: dict[str, float] = {}
    probe = articles[0]
    pdoc = parse(nlp, [probe.text], pipeline.settings.chunk_chars).__next__()
    ctx = Context(article=probe, doc=pdoc, settings=pipeline.settings, warnings=list(probe.warnings))
    for stage in pipeline.stages:
        t0 = time.perf_counter()
        setattr(ctx, stage.writes, stage.run(ctx))
        first[stage.name] = time.perf_counter() - t0

    if args.profile:
        profiler = cProfile.Profile()
        if args.profile == "all":
            profiler.enable()
            run_stages(pipeline, articles, docs)
            profiler.disable()
        else:
            wanted = [s for s in pipeline.stages if s.name == args.profile]
            if not wanted:
                parser.error(f"no stage {args.profile!r}")
            for article, doc in zip(articles, docs, strict=True):
                doc.user_data.clear()
                ctx = Context(article=article, doc=doc, settings=pipeline.settings, warnings=list(article.warnings))
                for stage in pipeline.stages:
                    if stage is wanted[0]:
                        profiler.enable()
                    setattr(ctx, stage.writes, stage.run(ctx))
                    if stage is wanted[0]:
                        profiler.disable()
                        break
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return 0

    names = [s.name for s in pipeline.stages] + ["record"]
    per_article = {name: [0.0] * n for name in names}
    runs = []
    for _ in range(args.repeat):
        runs.append(run_stages(pipeline, articles, docs, per_article))
    stage_s = {name: statistics.median(r[name] for r in runs) for name in names}
    total_s = sum(stage_s.values())

    print(f"corpus {args.corpus}: {n} articles, {chars:,} characters; stages run {args.repeat} times (medians)")
    print(f"  imports {imported - started:5.2f} s   model load {loaded - imported:5.2f} s")
    print(f"  spaCy parse        {parse_s:7.2f} s  {1000 * parse_s / n:7.1f} ms/article   (baseline, 100%)")
    print(f"  {'stage':18s} {'seconds':>7s}  {'ms/article':>10s}  {'of parse':>8s}  {'first call':>10s}")
    for name in names:
        first_s = first.get(name)
        first_txt = f"{first_s:8.2f} s" if first_s is not None else "         -"
        print(f"  {name:18s} {stage_s[name]:7.2f}  {1000 * stage_s[name] / n:10.1f}  "
              f"{stage_s[name] / parse_s:8.1%}  {first_txt}")
    print(f"  {'all stages':18s} {total_s:7.2f}  {1000 * total_s / n:10.1f}  {total_s / parse_s:8.1%}")
    print(f"  expected pipeline / bare spaCy ratio (parse / (parse + stages)): {parse_s / (parse_s + total_s):.3f}")

    # linearity: ms per 1k chars on the shortest half and the longest tenth
    order = sorted(range(n), key=lambda i: len(texts[i]))
    short = order[: max(1, n // 2)]
    long = order[-max(1, n // 10):]
    short_k = sum(len(texts[i]) for i in short) / 1000
    long_k = sum(len(texts[i]) for i in long) / 1000
    print(f"\n  linearity: ms per 1k characters, shortest half ({len(short)} articles, "
          f"<= {len(texts[short[-1]]):,} chars) vs longest tenth ({len(long)}, >= {len(texts[long[0]]):,} chars)")
    print(f"  {'stage':18s} {'short':>8s} {'long':>8s} {'long/short':>10s}")
    worst = []
    for name in names:
        a = 1000 * sum(per_article[name][i] for i in short) / args.repeat / short_k
        b = 1000 * sum(per_article[name][i] for i in long) / args.repeat / long_k
        ratio = b / a if a else float("nan")
        worst.append((ratio, name))
        print(f"  {name:18s} {a:8.3f} {b:8.3f} {ratio:10.2f}")
    longest = order[-1]
    print(f"  longest article ({len(texts[longest]):,} chars): " + ", ".join(
        f"{name} {per_article[name][longest] / args.repeat:.2f} s" for name in names))

    if args.components:
        comp = time_components(nlp, texts, pipeline.settings.batch_size)
        whole = sum(comp.values())
        print("\n  spaCy components (each over all texts):")
        for name, seconds in comp.items():
            print(f"  {name:18s} {seconds:7.2f} s  {seconds / whole:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
