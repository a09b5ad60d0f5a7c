#!/usr/bin/env python3
"""Does the pipeline still extract exactly what it did? Records of a fixed set of inputs against a saved run.

    python bench/same_output.py save DIR      # run the pipeline, write DIR/<set>.jsonl (do this BEFORE a change)
    python bench/same_output.py compare DIR   # run it again, report every record that differs from DIR's

Input sets (``--sets``, default all): ``wikinews`` (../shared/corpus/wikinews.jsonl), ``seed`` (the reference
article as a plain text file, ../shared/seed/000_7f89604170f3214f.txt), ``tempeval3`` (the TempEval-3 dev texts,
which exercise the times stage). Keep DIR outside the repository (for example /tmp/perf-ref). The code under
test is this checkout's ``eventwire`` (the script puts its root first on ``sys.path``), so a reference can be
saved from another worktree of the same repository.
Exit status 1 when any record differs.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
SETS = {
    "wikinews": SHARED / "corpus" / "wikinews.jsonl",
    "seed": SHARED / "seed" / "000_7f89604170f3214f.txt",
    "tempeval3": SHARED / "eval" / "data" / "tempeval3" / "dev.jsonl",
}


def articles(name: str) -> list:
    from eventwire.ingest import article_from_record, read_inputs

    path = SETS[name]
    if path.suffix == ".jsonl":
        records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        return [article_from_record({k: v for k, v in r.items() if k != "gold"}, f"{path.name}:{i}")
                for i, r in enumerate(records, 1)]
    return list(read_inputs([str(path)]))


def extract(name: str) -> tuple[list[dict], float]:
    from eventwire.pipeline import as_dict

    pipeline = _pipeline()
    items = articles(name)
    started = time.perf_counter()
    records = [json.loads(json.dumps(as_dict(result))) for result in pipeline.run(items)]
    return records, time.perf_counter() - started


_PIPELINE = None


def _pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        import os

        from eventwire.pipeline import Pipeline

        os.environ.setdefault("EVENTWIRE_STRICT", "1")  # a stage that fails must show, not hide in a warning
        _PIPELINE = Pipeline()
    return _PIPELINE


def differences(old, new, path: str = "") -> list[str]:
    """Where two JSON values differ, as readable paths (the first few)."""
    if type(old) is not type(new):
        return [f"{path or '/'}: {short(old)} -> {short(new)}"]
    if isinstance(old, dict):
        out = []
        for key in sorted(set(old) | set(new), key=str):
            if key not in new:
                out.append(f"{path}/{key}: removed ({short(old[key])})")
            elif key not in old:
                out.append(f"{path}/{key}: added ({short(new[key])})")
            else:
                out.extend(differences(old[key], new[key], f"{path}/{key}"))
        return out
    if isinstance(old, list):
        out = []
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            out.extend(differences(a, b, f"{path}[{i}]"))
        if len(old) != len(new):
            out.append(f"{path}: {len(old)} items -> {len(new)} items")
        return out
    return [] if old == new else [f"{path}: {short(old)} -> {short(new)}"]


def short(value, limit: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "..."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated, from: " + ", ".join(SETS))
    parser.add_argument("--show", type=int, default=8, help="differences shown per record")
    args = parser.parse_args()
    names = [n for n in args.sets.split(",") if n]
    if args.action == "save":
        args.dir.mkdir(parents=True, exist_ok=True)
    changed_total = 0
    for name in names:
        records, seconds = extract(name)
        target = args.dir / f"{name}.jsonl"
        if args.action == "save":
            with open(target, "w", encoding="utf-8") as out:
                for record in records:
                    out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            print(f"{name}: {len(records)} records saved to {target} ({seconds:.1f} s)")
            continue
        reference = [json.loads(line) for line in open(target, encoding="utf-8")]
        changed = 0
        if len(reference) != len(records):
            print(f"{name}: {len(reference)} reference records, {len(records)} now")
            changed += 1
        for old, new in zip(reference, records, strict=False):
            found = differences(old, new)
            if found:
                changed += 1
                print(f"{name}: {old.get('id')} differs in {len(found)} places:")
                for line in found[:args.show]:
                    print(f"    {line}")
        print(f"{name}: {len(records)} records, {changed} differ ({seconds:.1f} s)")
        changed_total += changed
    if args.action == "compare":
        print("SAME OUTPUT" if not changed_total else f"DIFFERENT: {changed_total} records differ")
    return 1 if changed_total else 0


if __name__ == "__main__":
    raise SystemExit(main())
