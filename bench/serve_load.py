#!/usr/bin/env python3
"""A bounded load test of ``eventwire serve`` on loopback: requests per second and latency percentiles under
concurrent clients, for a mix of the page's queries over the generated store, next to ``/health`` under the same
load (the baseline, measured in the same run: what the HTTP server and the client cost by themselves).

    python bench/serve_load.py [--store bench/results/serve-100k.duckdb] [--concurrency 8] [--requests 2000]
                               [--seconds 60]

Each phase stops after ``--requests`` requests or ``--seconds`` seconds, whichever comes first. The client runs
on the same machine as the server (2 cores here), so the figures are a floor for a real deployment.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from serve_common import ServerProcess, summary  # noqa: E402
from serve_data import DEFAULT_STORE, ensure  # noqa: E402

COUNTRIES = ["RUS", "UKR", "FRA", "DEU", "CHN", "USA", "IND", "BRA", "NGA", "TUR", "IRN", "ISR", "EGY", "MEX"]
CODES = ["19", "190", "ASSAULT", "04", "057", "THREATEN", "17", "ACCUSE", "07"]


def mixed(rng: random.Random, event_ids: list[str], doc_ids: list[str]) -> tuple[str, dict]:
    """One request as the page makes them: mostly filtered event lists, some timelines, events and articles."""
    month = f"{rng.choice([2022, 2023, 2024])}-{rng.randint(1, 12):02d}"
    kind = rng.random()
    if kind < 0.45:
        params: dict = {"limit": 50, "total": "true"}
        for key, value in (("country", rng.choice(COUNTRIES)), ("code", rng.choice(CODES)),
                           ("quad_class", rng.randint(1, 4)), ("since", month)):
            if rng.random() < 0.4:
                params[key] = value
        return "/events", params
    if kind < 0.60:
        return "/events", {"bbox": "-180,-90,180,90", "sort": "-mentions", "limit": 1000,
                           "country": rng.choice(COUNTRIES)}
    if kind < 0.75:
        return "/timeline", {"by": rng.choice(["day", "week", "month"]), "split": "quad_class",
                             **({"code": rng.choice(CODES)} if rng.random() < 0.5 else {})}
    if kind < 0.85:
        return f"/events/{rng.choice(event_ids)}", {}
    if kind < 0.95:
        return f"/documents/{rng.choice(doc_ids)}", {}
    return "/quotes", {"speaker": rng.choice(COUNTRIES)}


async def phase(url: str, make, concurrency: int, requests: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    issued = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal issued, errors
        while issued < requests and time.perf_counter() < deadline:
            issued += 1
            path, params = make()
            started = time.perf_counter()
            try:
                response = await client.get(path, params=params)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - started)
            errors += not ok

    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {**summary(latencies), "errors": errors, "seconds": elapsed, "rps": len(latencies) / elapsed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--requests", type=int, default=2000, help="at most this many requests per phase")
    parser.add_argument("--seconds", type=float, default=60, help="at most this long per phase")
    args = parser.parse_args()
    built = ensure(args.store, args.events)
    print(f"store: {built['documents']:,} documents, {built['events']:,} events; {args.concurrency} concurrent "
          f"clients, at most {args.requests:,} requests or {args.seconds:g} s per phase")
    rng = random.Random(11)
    with ServerProcess(args.store) as server:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            event_ids = [e["id"] for e in client.get("/events", params={"limit": 2000, "sort": "-mentions"}
                                                     ).json()["items"]]
            doc_ids = [d["id"] for d in client.get("/documents", params={"limit": 2000}).json()["items"]]
        results = {
            "/health (baseline)": asyncio.run(phase(server.url, lambda: ("/health", {}), args.concurrency,
                                                    args.requests, args.seconds)),
            "page queries (mixed)": asyncio.run(phase(server.url, lambda: mixed(rng, event_ids, doc_ids),
                                                      args.concurrency, args.requests, args.seconds)),
        }
    print(f"\n{'phase':22} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} "
          f"{'max ms':>7}")
    for name, r in results.items():
        print(f"{name:22} {r['n']:>8} {r['errors']:>6} {r['rps']:>7.1f} {r['median']:>7.1f} {r['p90']:>7.1f} "
              f"{r['p99']:>7.1f} {r['max']:>7.1f}")
    base, mix = results["/health (baseline)"], results["page queries (mixed)"]
    print(f"\nmixed queries: {mix['rps']:.1f} requests/s, {mix['rps'] / base['rps']:.2f} of the /health rate; "
          f"p50 {mix['median'] / base['median']:.1f}x and p99 {mix['p99'] / base['p99']:.1f}x the /health latency")


if __name__ == "__main__":
    main()
