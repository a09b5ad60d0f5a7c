#!/usr/bin/env python3
"""Latency of the API's queries over a generated store of 100,000 events, next to the same store queries made
in-process (the baseline, measured in the same run): what HTTP, JSON and the server add.

    python bench/serve_queries.py [--store bench/results/serve-100k.duckdb] [--events 100000] [--repeat 15]

The store is built by bench/serve_data.py when missing. The server runs as ``eventwire serve`` in its own process
on loopback; each query is sent ``--repeat`` times, one at a time, interleaved with the same query in-process
(after a warm-up of each), and the medians and 95th percentiles are printed. The issue's target: filtered event
queries well under a second.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from serve_common import ServerProcess, summary  # noqa: E402
from serve_data import DEFAULT_STORE, ensure  # noqa: E402

from eventwire.store import Store  # noqa: E402

EVENT_QUERIES = [
    ("events, newest 50", {}),
    ("actor=RUS", {"actor": "RUS"}),
    ("actor name substring", {"actor": "ukr police"}),
    ("country=UKR", {"country": "UKR"}),
    ("code=19 (CAMEO prefix)", {"code": "19"}),
    ("code=ASSAULT (PLOVER)", {"code": "ASSAULT"}),
    ("quad_class=4, negated", {"quad_class": 4, "modality": "negated"}),
    ("one month", {"since": "2023-05-01", "until": "2023-05-31"}),
    ("place=Lagos", {"place": "Lagos"}),
    ("bbox Europe", {"bbox": "-10,35,30,60"}),
    ("source site", {"source": "news7.example.com"}),
    ("5 filters, by mentions", {"country": "FRA", "quad_class": 1, "since": "2023-01", "until": "2023-06",
                                "sort": "-mentions"}),
    ("1,000 rows", {"code": "1", "limit": 1000}),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    built = ensure(args.store, args.events)
    print(f"store: {built['documents']:,} documents, {built['events']:,} events ({built['mentions']:,} mentions)")

    with Store(args.store, read_only=True) as store:
        some_event = store.events(limit=1, sort="-mentions")[0]["id"]
        some_doc = store.documents(limit=1)[0]["id"]
        second_page = store.events_page(limit=50).next_cursor
        # (label, API path, params, the same query in-process)
        cases = [(f"/events {label}", "/events", params, lambda p=params: store.events_page(**{"limit": 50, **p}))
                 for label, params in EVENT_QUERIES]
        cases += [
            ("/events count (total=true)", "/events", {"code": "19", "total": "true"},
             lambda: (store.events_page(code="19", limit=50), store.count_events(code="19"))),
            ("/events second page (cursor)", "/events", {"cursor": second_page},
             lambda: store.events_page(limit=50, after=second_page)),
            ("/events/{id}", f"/events/{some_event}", {}, lambda: store.event(some_event)),
            ("/timeline month by quad class", "/timeline", {"by": "month", "split": "quad_class"},
             lambda: store.timeline(by="month", split="quad_class")),
            ("/timeline day, code=19", "/timeline", {"by": "day", "code": "19"},
             lambda: store.timeline(by="day", code="19")),
            ("/quotes speaker=FRA", "/quotes", {"speaker": "FRA"},
             lambda: store.quotes_page(speaker="FRA", limit=50)),
            ("/quotes text search", "/quotes", {"text": "report 1234 "},
             lambda: store.quotes_page(text="report 1234 ", limit=50)),
            ("/actors", "/actors", {}, lambda: store.actors(limit=50)),
            ("/documents", "/documents", {}, lambda: store.documents_page(limit=50)),
            ("/documents/{id}", f"/documents/{some_doc}", {}, lambda: store.document_dict(some_doc)),
        ]
        direct: dict[str, list[float]] = {label: [] for label, *_ in cases}
        over_http: dict[str, list[float]] = {label: [] for label, *_ in cases}
        rows: dict[str, int] = {}
        with ServerProcess(args.store) as server, httpx.Client(base_url=server.url, timeout=30) as client:
            for label, path, params, in_process in cases:
                def call(path=path, params=params):
                    response = client.get(path, params=params)
                    response.raise_for_status()
                    return response.json()

                answer = call()
                rows[label] = len(answer["items"]) if "items" in answer else 1
                in_process()
                for _ in range(args.repeat):  # interleaved, so that both see the same machine
                    for measure, into in ((in_process, direct), (call, over_http)):
                        started = time.perf_counter()
                        measure()
                        into[label].append(time.perf_counter() - started)
    direct = {label: summary(values) for label, values in direct.items()}
    over_http = {label: {**summary(values), "rows": rows[label]} for label, values in over_http.items()}

    print(f"\n{'query':38} {'rows':>5} {'API median':>11} {'API p95':>9} {'in-process':>11} {'ratio':>6}")
    for label, *_ in cases:
        api, base = over_http[label], direct[label]
        print(f"{label:38} {api['rows']:>5} {api['median']:>8.1f} ms {api['p95']:>6.1f} ms {base['median']:>8.1f} ms "
              f"{api['median'] / max(base['median'], 1e-6):>6.2f}")
    filtered = [over_http[f"/events {label}"] for label, params in EVENT_QUERIES if params]
    worst = max(filtered, key=lambda s: s["median"])
    print(f"\nfiltered /events queries over {built['events']:,} events: slowest median {worst['median']:.0f} ms, "
          f"slowest p95 {max(s['p95'] for s in filtered):.0f} ms (target: well under 1,000 ms)")


if __name__ == "__main__":
    main()
