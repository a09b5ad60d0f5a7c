#!/usr/bin/env python3
"""Fit the events stage's confidence model and report precision by confidence band on the dev sets.

    python scripts/fit_event_confidence.py [--datasets plover_gsr conflibert india_police] [--write]

Runs the pipeline over each dev set of ../shared/eval (read there, never copied), labels every event right or
wrong by the dataset's gold, and
- fits a logistic model (features: eventwire/extract/events/confidence.py) on all datasets together, each dataset
  weighted equally; with --write it is saved to eventwire/data/cameo/confidence.json;
- checks that it generalizes: fitted on all datasets but one, the precision by band on the one left out;
- prints precision by confidence band for the shipped model (or the new one with --write).

What "right" means per dataset:
- plover_gsr: the event's PLOVER type is one the annotators gave the sentence (CAMEO 01/02 events have no type and
  are left out);
- conflibert: the event's class (statement/appeal, verbal or material cooperation or conflict) is the sentence's;
- india_police: the labels the scorer derives from the event (police killing, arrest, force, any action) include
  one the annotators gave its sentence (events that give no label are left out).
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "eventwire" / "data" / "cameo" / "confidence.json"
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))


def collect(dataset: str, limit: int | None) -> list[tuple[dict, bool]]:
    """(features, right) for every judged event of the dataset's dev split."""
    sys.path.insert(0, str(EVAL))
    common = importlib.import_module("ewe.common")
    codes = importlib.import_module("ewe.datasets._eventcodes")
    module = importlib.import_module(f"ewe.datasets.{dataset}")
    from eventwire.extract import STAGES, Stage
    from eventwire.extract.events import extractor
    from eventwire.ingest import article_from_record
    from eventwire.pipeline import Pipeline

    path = next(p for p in (EVAL / "data" / dataset / "dev.jsonl", EVAL / "data" / dataset / "dev.jsonl.gz")
                if p.exists())
    docs = list(common.read_jsonl(path))[:limit]
    found: list = []
    stages = tuple(Stage(s.name, lambda ctx: extractor.extract(ctx, found), s.reads, s.writes)
                   if s.name == "events" else s for s in STAGES)
    pipeline = Pipeline(stages=stages)
    out = []
    for doc in docs:
        found.clear()
        record = {k: doc[k] for k in ("id", "text", "published", "title", "url") if k in doc}
        (result,) = list(pipeline.run([article_from_record(record, dataset)]))
        pred = result.to_dict()
        by_id = {id(event): feats for event, feats in found}
        events = [(e.to_dict(), by_id[id(e)]) for e in result.events if id(e) in by_id]
        gold = doc["gold"]
        if dataset == "plover_gsr":
            types = {g["type"] for g in gold["events"]}
            for event, feats in events:
                kind = codes.event_plover(event)
                if kind:
                    out.append((feats, kind in types))
        elif dataset == "conflibert":
            for event, feats in events:
                penta = codes.event_penta(event)
                if penta is not None:
                    out.append((feats, penta == int(gold["label"])))
        elif dataset == "india_police":
            actors = codes.actor_index(pred)
            spans = gold["sentences"]
            mapper = codes.span_mapper(pred.get("text"), doc["text"])
            wanted = [set() for _ in spans]
            for label, idx in gold["labels"].items():
                for i in idx:
                    wanted[i].add(label)
            for event, feats in events:
                labels = module.event_labels(event, actors, pred.get("text") or "") - {"FAIL"}
                i = module.sentence_of(event, pred, mapper, spans)
                if labels and i is not None:
                    out.append((feats, bool(labels & wanted[i])))
    return out


def fit(rows: list[tuple[dict, bool, float]], names: list[str], l2: float = 1.0, steps: int = 3000) -> dict:
    x = np.array([[f[n] for n in names] for f, _, _ in rows])
    y = np.array([1.0 if right else 0.0 for _, right, _ in rows])
    w = np.array([weight for _, _, weight in rows])
    w = w / w.sum()
    beta = np.zeros(len(names))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ beta))
        grad = x.T @ (w * (p - y)) + l2 * beta / len(rows)
        beta -= 2.0 * grad
    return {n: round(float(b), 4) for n, b in zip(names, beta, strict=True)}


def bands(rows: list[tuple[dict, bool]], model: dict) -> list[tuple[str, int, float | None]]:
    from eventwire.extract.events.confidence import score

    out = []
    for low, high in BANDS:
        hits = [right for feats, right in rows if low <= score(feats, model) < high]
        out.append((f"{low:.2f}-{min(high, 1.0):.2f}", len(hits), sum(hits) / len(hits) if hits else None))
    return out


def table(title: str, results: dict[str, list]) -> str:
    names = list(results)
    lines = [title, "  band        " + "  ".join(f"{n:>22s}" for n in names)]
    for i, (low, high) in enumerate(BANDS):
        cells = []
        for n in names:
            _, count, precision = results[n][i]
            cells.append(f"{'-' if precision is None else f'{precision:.3f}':>12s} (n={count:4d})")
        lines.append(f"  {low:.2f}-{min(high, 1.0):.2f}   " + "  ".join(f"{c:>22s}" for c in cells))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", nargs="+", default=["plover_gsr", "conflibert", "india_police"])
    parser.add_argument("--limit", type=int, help="documents per dataset (for a quick look)")
    parser.add_argument("--write", action="store_true", help=f"save the fitted model to {OUT.relative_to(ROOT)}")
    args = parser.parse_args()
    from eventwire.extract.events.confidence import FEATURES, weights

    data = {d: collect(d, args.limit) for d in args.datasets}
    names = list(FEATURES)
    for d, rows in data.items():
        print(f"{d}: {len(rows)} judged events, {sum(r for _, r in rows) / max(len(rows), 1):.3f} right")
    if len(data) > 1:
        held = {}
        for d in data:
            train = [(f, r, 1.0 / len(rows)) for other, rows in data.items() if other != d for f, r in rows]
            held[d] = bands(data[d], fit(train, names))
        print(table("precision by band, each dataset scored by a model fitted on the others:", held))
    model = weights()
    if args.write:
        model = fit([(f, r, 1.0 / len(rows)) for rows in data.values() for f, r in rows], names)
        OUT.write_text(json.dumps({"fitted_on": sorted(data), "features": names, "weights": model}, indent=1)
                       + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    print(table("precision by band, " + ("the new model:" if args.write else "the shipped model:"),
                {d: bands(rows, model) for d, rows in data.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
