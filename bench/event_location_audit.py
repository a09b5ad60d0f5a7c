"""An independent re-annotation of a sample of the event_location dev items: how far the dev gold (a first-round
annotation) and a second annotator agree, and how our predictions score against each.

    python bench/event_location_audit.py sample --out DIR [--n 400] [--parts 4] [--seed 20261128]
    python bench/event_location_audit.py score --labels DIR --predictions PRED.jsonl

``sample`` draws items at random from ``../shared/eval/data/event_location/dev.jsonl`` and writes them, split in
parts, to ``DIR/partK.jsonl`` (the sentence with the event's verb marked ``[[...]]``, and a key), with the
annotation guide (``docs/event_location_audit.md``) beside them. Annotators, who see neither the gold nor our
output, write ``DIR/labelsK.jsonl``: one ``{"key", "locations": [...], "sure"}`` per item, each location an exact
substring of the sentence. The folder stays outside the repository: it holds dev text.

``score`` reads every ``labels*.jsonl`` of DIR and a predictions file written by ``eventwire extract`` on the dev
split (``run.py event_location --keep DIR`` leaves one), and prints, over all items and over those marked sure:
the share with a location in each annotation, how often the two agree, and our accuracy judged by the shared
scorer's rule against the gold and against the second annotation.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "event_location_audit.md"


def _dev(shared: Path) -> list[dict]:
    with open(shared / "eval" / "data" / "event_location" / "dev.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def sample(shared: Path, out: Path, n: int, parts: int, seed: int) -> int:
    items = [(doc, k, item) for doc in _dev(shared) for k, item in enumerate(doc["gold"]["items"])]
    chosen = random.Random(seed).sample(items, n)
    out.mkdir(parents=True, exist_ok=True)
    size = -(-n // parts)
    for part in range(parts):
        with open(out / f"part{part}.jsonl", "w", encoding="utf-8") as handle:
            for doc, k, item in chosen[part * size:(part + 1) * size]:
                a, b = item["verb"]
                text = doc["text"]
                handle.write(json.dumps({"key": f"{doc['id']}#{k}", "marked": f"{text[:a]}[[{text[a:b]}]]{text[b:]}",
                                         "verb": text[a:b]}, ensure_ascii=False) + "\n")
    shutil.copy(GUIDE, out / "GUIDE.md")
    print(f"{n} items in {parts} parts written to {out}")
    return 0


def _spans(text: str, names: list[str]) -> list[list[int]]:
    out = []
    for name in names:
        k = text.find(name)
        if k >= 0:
            out.append([k, k + len(name)])
    return out


def score(shared: Path, labels_dir: Path, predictions: Path) -> int:
    sys.path.insert(0, str(shared / "eval"))
    from ewe import common
    from ewe.datasets import _eventcodes as codes
    from ewe.datasets import event_location as scorer

    docs = {doc["id"]: doc for doc in _dev(shared)}
    with open(predictions, encoding="utf-8") as handle:
        preds = {str(r.get("id")): r for r in map(json.loads, handle)}
    labels = {}
    for path in sorted(labels_dir.glob("labels*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            labels.update((r["key"], r) for r in map(json.loads, filter(str.strip, handle)))
    if not labels:
        print(f"no labels*.jsonl in {labels_dir}", file=sys.stderr)
        return 2
    c: Counter = Counter()
    for key, label in labels.items():
        doc_id, k = key.rsplit("#", 1)
        doc = docs[doc_id]
        item = doc["gold"]["items"][int(k)]
        pred = codes.usable(preds.get(doc_id))
        mapper = codes.span_mapper(pred.get("text"), doc["text"])
        second = dict(item, locations=_spans(doc["text"], label["locations"]),
                      location_texts=list(label["locations"]))
        agree = (not second["locations"] and not item["locations"]) or any(
            common.overlap(g, h) > 0 for g in item["locations"] for h in second["locations"])
        for group in ("all", "sure") if label.get("sure", True) else ("all",):
            c[group, "n"] += 1
            c[group, "gold_located"] += bool(item["locations"])
            c[group, "second_located"] += bool(second["locations"])
            c[group, "agree"] += agree
            c[group, "right_gold"] += scorer.judge(item, pred, mapper)[1]
            c[group, "right_second"] += scorer.judge(second, pred, mapper)[1]
    rows = []
    for group in ("all", "sure"):
        n = c[group, "n"]
        rows.append((group, n, *(round(c[group, k] / n, 3) if n else 0.0 for k in (
            "gold_located", "second_located", "agree", "right_gold", "right_second"))))
    print(common.table(rows, ("items", "n", "gold located", "2nd located", "gold = 2nd", "ours vs gold",
                              "ours vs 2nd")))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (../shared)")
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("sample", help="draw the items to annotate")
    s.add_argument("--out", required=True)
    s.add_argument("--n", type=int, default=400)
    s.add_argument("--parts", type=int, default=4)
    s.add_argument("--seed", type=int, default=20261128)
    t = commands.add_parser("score", help="compare the annotations and our predictions")
    t.add_argument("--labels", required=True)
    t.add_argument("--predictions", required=True)
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if args.command == "sample":
        return sample(shared, Path(args.out), args.n, args.parts, args.seed)
    return score(shared, Path(args.labels), Path(args.predictions))


if __name__ == "__main__":
    raise SystemExit(main())
