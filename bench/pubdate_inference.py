#!/usr/bin/env python3
"""How well the publication date is found from an article's text alone, on dev articles whose date is hidden.

    python bench/pubdate_inference.py [--limit N]

Sets (each article's known date kept aside and compared with what the pipeline settles on):
- wikinews, dateline kept: ../shared/corpus/wikinews.jsonl with ``published`` removed; most open with a
  dateline ("Friday, January 4, 2019"), so this measures reading it (origin ``text``).
- wikinews, dateline removed: the same with the opening date line cut, so only deduction from the reported
  events is left (origin ``inferred``).
- tempeval3: the TempEval-3 dev documents (TimeBank + AQUAINT news) with the document creation time hidden.

For each set it prints the share of articles whose settled date is within one day and within seven days of the
known one, the share where it abstains (origin ``none``), and the accuracy within one day among those answered.
Only the publication-date stage runs (after the spaCy parse), so the figures are the inference's alone.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATE_LINE = re.compile(r"^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\w+\s+\d{1,2},\s+\d{4}"
                       r"[\s\xa0]*\n")


def wikinews(limit: int, keep_dateline: bool) -> list[tuple[str, str, str]]:
    out = []
    for line in open(SHARED / "corpus" / "wikinews.jsonl", encoding="utf-8"):
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["text"] if keep_dateline else DATE_LINE.sub("", record["text"], count=1)
        out.append((record["id"], text, record["published"][:10]))
    return out[:limit]


def tempeval3(limit: int) -> list[tuple[str, str, str]]:
    out = []
    for line in open(SHARED / "eval" / "data" / "tempeval3" / "dev.jsonl", encoding="utf-8"):
        doc = json.loads(line)
        out.append((str(doc["id"]), doc["text"], doc["gold"]["dct"][:10]))
    return out[:limit]


def measure(pipeline, rows) -> dict:
    from eventwire.records import Article

    articles = [Article(id=doc_id, text=text, language="en") for doc_id, text, _ in rows]
    n = within1 = within7 = abstain = 0
    origins: dict[str, int] = {}
    for (_, _, gold), doc in zip(rows, pipeline.run(articles), strict=True):
        n += 1
        value = doc.published.value
        origins[doc.published.origin] = origins.get(doc.published.origin, 0) + 1
        if not value:
            abstain += 1
            continue
        gap = abs((date.fromisoformat(value[:10]) - date.fromisoformat(gold)).days)
        within1 += gap <= 1
        within7 += gap <= 7
    answered = n - abstain
    return {"n": n, "within_1_day": within1 / n, "within_7_days": within7 / n, "abstain": abstain / n,
            "within_1_day_when_answered": within1 / answered if answered else 0.0, "origins": origins}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=10_000, help="articles per set")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from eventwire.extract import STAGES
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(stages=tuple(s for s in STAGES if s.name == "published"))
    sets = {
        "wikinews, dateline kept": wikinews(args.limit, True),
        "wikinews, dateline removed": wikinews(args.limit, False),
        "tempeval3 dev, DCT hidden": tempeval3(args.limit),
    }
    print(f"{'set':30} {'n':>5} {'<=1 day':>8} {'<=7 days':>9} {'abstain':>8} {'<=1 day|answered':>17}  origins")
    for name, rows in sets.items():
        m = measure(pipeline, rows)
        origins = ", ".join(f"{k} {v}" for k, v in sorted(m["origins"].items()))
        print(f"{name:30} {m['n']:>5} {m['within_1_day']:>8.3f} {m['within_7_days']:>9.3f} {m['abstain']:>8.3f} "
              f"{m['within_1_day_when_answered']:>17.3f}  {origins}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
