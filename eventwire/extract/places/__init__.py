"""The places stage: toponyms found, geocoded, and the place where an event happened.

``extract(ctx)`` returns one ``Place`` per mention (ids p1, p2, ... in text order); ``event_place(ctx, trigger)``
gives the id of the place an event happened at, from the sentence's structure (see ``location``).
"""
from __future__ import annotations

from collections import Counter

from ...geo import fold, get_gazetteer
from ...records import Place
from ..context import Context
from .facilities import find_facilities
from .location import event_place
from .mention import Mention
from .recognize import find_mentions
from .resolve import Resolution, Resolver, resolve_qualifiers, shift


def extract(ctx: Context) -> list[Place]:
    doc = ctx.doc
    gaz = get_gazetteer(ctx.settings.min_population)
    mentions = find_mentions(doc, gaz)
    mentions = sorted(mentions + find_facilities(doc, mentions), key=lambda m: m.start)
    texts = [doc[m.name_start:m.end].text for m in mentions]
    demonyms: Counter = Counter()
    for tok in doc:
        if tok.text[:1].isupper() and (iso := gaz.country_of_demonym(tok.text)):
            demonyms[iso] += 1
    results = Resolver(gaz, mentions, texts, demonyms).resolve()
    resolve_qualifiers(mentions, results)
    _locate_facilities(ctx, mentions, results)
    places: list[Place] = []
    for m, r in zip(mentions, results, strict=True):
        # a name the gazetteer matched but whose every reading the context ruled out is not a place, unless a place
        # noun frames it ("the village of Al-Qasr": a place the gazetteer lacks)
        if m.source == "gazetteer" and m.candidates and r.entry is None and r.lat is None and not m.framed:
            continue
        places.append(_place(ctx, len(places) + 1, m, r, gaz))
    return places


def _locate_facilities(ctx: Context, mentions: list[Mention], results: list[Resolution]) -> None:
    """A facility, or a place name the gazetteer lacks, is placed at the town it is said to be in ("Balintawak,
    Quezon City"); a facility not said to be anywhere, at a town named close by (within two sentences), else at the
    town the article names most, else in the region the article names most. Otherwise it stays unresolved."""
    by_token = {}
    towns: Counter = Counter()
    regions: Counter = Counter()
    first: dict[int, Resolution] = {}
    nearby: list[tuple[int, Resolution]] = []
    for m, r in zip(mentions, results, strict=True):
        by_token[m.start] = r
        by_token[m.name_start] = r
        if m.source != "facility" and r.entry is not None and r.entry.precision == "city":
            towns[r.entry.id] += 1
            first.setdefault(r.entry.id, r)
            nearby.append((ctx.sentence_index(ctx.doc[m.start].idx), r))
        elif m.source != "facility" and r.entry is not None and r.entry.is_admin and m.direction is None:
            regions[r.entry.id] += 1
            first.setdefault(r.entry.id, r)
    main_town = first[towns.most_common(1)[0][0]] if towns else None
    main_region = first[regions.most_common(1)[0][0]] if regions else None
    by_key = {m.key: r for m, r in zip(mentions, results, strict=True)
              if m.source != "facility" and r.entry is not None and r.entry.precision in ("city", "region")}
    for i, m in enumerate(mentions):
        if results[i].lat is not None or m.candidates:
            continue
        if m.source != "facility" and m.facility_of is None and _wide(ctx.doc[m.start:m.end]):
            continue  # "the Pacific equatorial", "the Islamic Republic's": not a spot in a nearby town
        inner = _named_inside(ctx, m, by_key) if m.source == "facility" else None
        if m.facility_of is not None:
            where = by_token.get(m.facility_of)
        elif inner is not None:
            where = inner
        elif m.source != "facility":
            continue  # a name the gazetteer lacks, not said to be in a place: unresolved, however near a town is
        else:
            here = ctx.sentence_index(ctx.doc[m.start].idx)
            close = [(s > here, abs(s - here), r) for s, r in nearby if -2 <= s - here <= 1]
            where = min(close, key=lambda x: (x[0], x[1]))[2] if close else main_town
            if where is None and m.source == "facility":
                where = main_region
        if where is not None and where.entry is not None and where.lat is not None:
            precision = "city" if where.entry.precision == "city" and m.source == "facility" else "region"
            results[i] = Resolution(None, where.lat, where.lon, precision)


#: words that name something wider than a town's surroundings
WIDE_WORDS = {"pacific", "atlantic", "arctic", "antarctic", "ocean", "oceans", "sea", "seas", "republic", "kingdom",
              "union", "empire", "gulf", "desert", "mountains", "range", "continent", "caribbean", "mediterranean",
              "coast", "valley", "river", "basin", "province", "state", "states", "region", "territory", "world",
              "equatorial", "asian", "european", "african", "american", "islamic", "arab", "western", "eastern",
              "northern", "southern", "west", "east", "north", "south", "central", "house", "white"}


def _wide(span) -> bool:
    """Whether an unknown name is a wide area, an institution or a possessive ("the West's") rather than a spot."""
    words = [fold(t.text) for t in span if t.text not in ("-", "'s", "’s")]
    return any(t.text in ("'s", "’s") for t in span) or any(part in WIDE_WORDS for w in words for part in w.split())


def _named_inside(ctx: Context, m: Mention, by_key: dict[str, Resolution]) -> Resolution | None:
    """A place the article names elsewhere, inside a facility's name ("South Kilburn Estate" and "Kilburn")."""
    tokens = ctx.doc[m.start:m.end]
    for size in range(len(tokens) - 1, 0, -1):
        for a in range(0, len(tokens) - size + 1):
            key = fold(tokens[a:a + size].text)
            if key in by_key:
                return by_key[key]
    return None


def _place(ctx: Context, n: int, m: Mention, r: Resolution, gaz) -> Place:
    doc = ctx.doc
    span = doc[m.start:m.end]
    place = Place(id=f"p{n}", text=span.text, span=(span.start_char, span.end_char))
    if r.entry is None or (m.source == "facility" and r.entry.id >= 0):  # a landmark of regions.tsv is itself
        if r.lat is not None:  # a facility or unknown name placed at the town it is in
            place.name, place.lat, place.lon, place.precision = doc[m.name_start:m.end].text, r.lat, r.lon, r.precision
            place.country = r.country
        return place
    e = r.entry
    place.name, place.country, place.feature = e.name, e.country, e.feature
    place.geonameid = e.id if e.id > 0 else None
    place.lat, place.lon, place.precision = r.lat, r.lon, r.precision
    if m.direction is not None and m.direction != (0, 0):
        area = gaz.country_info.get(e.country or "", ("", 0.0))[1]
        place.lat, place.lon = shift(e, m.direction, area)
        place.precision = "region"
    elif m.direction is not None:
        place.precision = "region"
    return place


__all__ = ["event_place", "extract"]
