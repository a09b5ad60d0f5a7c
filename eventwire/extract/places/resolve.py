"""Toponym resolution: each mention's gazetteer candidates ranked in the article's context.

A candidate's score is its prior (population, feature type, whether the mention used its own name or an alternate
one) plus context: the countries the article is about (countries it names, demonyms, places with no rival in another
country), a qualifier that must contain it ("Paris, Texas"), and nearness to the other places the article resolved
(a second pass). The same name is resolved the same way throughout an article. A choice on another continent than
the one the prior favours needs the article's countries to back it: a place is never silently moved across the
world by proximity alone.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ...geo import Candidate, Entry, Gazetteer
from ...geo.build import ALTERNATE, CODE
from .mention import Mention

EARTH_KM = 6371.0
ADMIN_WORDS = ("county", "district", "province", "oblast", "region", "parish", "raion", "governorate", "prefecture",
               "state", "department", "municipality", "borough")


@dataclass
class Resolution:
    entry: Entry | None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    score: float = 0.0
    country: str | None = None  # of a place placed only by the region it is said to be in


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def prior(c: Candidate, key: str, text: str) -> float:
    e = c.entry
    score = math.log10(e.population + 10)
    feature = e.feature
    if feature == "PCLI":
        score += 3.5
    elif feature == "ADM1":
        score += 0.5
    elif feature == "ADM2":
        score += 1.5 if any(w in key.split() for w in ADMIN_WORDS) else -2.5
    elif feature == "PPLC":
        score += 1.5
    elif e.id < 0 or feature == "CONT":
        score += 8.0  # this project's regions table: named on purpose
    if c.kind == ALTERNATE:
        score -= 1.5
    if e.name == text:
        score += 0.3
    return score


def _contains(outer: Entry, inner: Entry) -> bool:
    """Whether ``outer`` (a country or administrative unit) contains ``inner`` (a town or smaller unit)."""
    if outer.country != inner.country or outer.id == inner.id or inner.feature in ("PCLI", "ADM1"):
        return False
    if outer.feature == "PCLI":
        return True
    if outer.feature == "ADM1":
        return inner.admin1 == outer.admin1
    if outer.feature == "ADM2":
        return inner.precision == "city" and haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) < 120
    return False


class Resolver:
    def __init__(self, gaz: Gazetteer, mentions: list[Mention], texts: list[str], demonym_countries: Counter):
        self.gaz = gaz
        self.mentions = mentions
        self.texts = texts
        self.focus = self._focus(demonym_countries)

    def _stray(self, e: Entry, key: str, anchors: list[Entry]) -> bool:
        """A reading the article gives no support to, while it clearly is about somewhere else: a village in a
        country the article is not about (an unknown street or site that shares a hamlet's name: "Piccadilly" in a
        London story), a region with a generic name there ("Midlands", "Delta", "Western" in a story about England
        or Romania), or a village far from every other place the article names, in a country nothing else names."""
        if not self.focus or e.feature in ("PCLI", "CONT") or e.id < 0:
            return False
        others, total = self._others(key)
        if total <= 0.0:
            return False  # nothing else in the article to judge by
        share = others.get(e.country or "", 0.0) / total
        top = max(others.values()) / total
        if share < 0.05 and top >= 0.3 and total >= 1.0:
            if e.precision == "city" and e.population < 20_000:
                return True
            if e.is_admin and generic_name(e.name):
                return True
        if (e.precision == "city" and e.population < 20_000 and share < 0.05 and len({a.id for a in anchors}) >= 2
                and not self._near(e, anchors, 500) and not any(_contains(a, e) for a in anchors)):
            return True
        return False

    def _focus(self, demonyms: Counter) -> dict[str, float]:
        votes: Counter = Counter()
        guessed: set[str] = set()
        self.own_votes: dict[str, Counter] = {}
        for m in self.mentions:
            own = self.own_votes.setdefault(m.key, Counter())
            named = [c for c in m.candidates if c.kind != CODE]
            countries = [c.entry for c in named if c.entry.is_country and c.kind != ALTERNATE]
            if countries:
                votes[countries[0].country] += 1.0
                own[countries[0].country] += 1.0
                continue
            isos = {c.entry.country for c in named if c.entry.country}
            if len(isos) == 1:
                iso = isos.pop()
                votes[iso] += 0.5
                own[iso] += 0.5
            elif named and m.key not in guessed:  # an ambiguous name votes once, weakly, for its likeliest reading
                guessed.add(m.key)
                best = max(named, key=lambda c: prior(c, m.key, ""))
                if best.entry.country and best.entry.population >= 50_000:
                    votes[best.entry.country] += 0.2
                    own[best.entry.country] += 0.2
        for iso, n in demonyms.items():
            votes[iso] += 0.5 * n
        self.votes = votes
        total = sum(votes.values())
        return {iso: v / total for iso, v in votes.items()} if total else {}

    def _others(self, key: str) -> tuple[Counter, float]:
        """The article's country votes from mentions other than ``key``'s, and their total."""
        own = self.own_votes.get(key, Counter())
        others = Counter({iso: v - own.get(iso, 0.0) for iso, v in self.votes.items()})
        return others, sum(others.values())

    def _context(self, e: Entry, anchors: list[Entry]) -> float:
        share = self.focus.get(e.country or "", 0.0)
        score = 3.0 * share + (0.5 if share > 0 else 0.0)
        if anchors and e.feature != "PCLI":
            near = min(haversine_km(e.lat, e.lon, a.lat, a.lon) for a in anchors)
            score += 2.5 if near < 150 else 1.5 if near < 400 else 0.0
            if any(a.country == e.country for a in anchors):
                score += 1.0
            if e.feature == "ADM2" and any(a.feature == "ADM1" and _contains(a, e) for a in anchors):
                score += 2.0  # a county of the state the article names ("Pike County" in a Kentucky story)
        return score

    @staticmethod
    def _near(e: Entry, anchors: list[Entry], km: float) -> bool:
        return any(haversine_km(e.lat, e.lon, a.lat, a.lon) < km for a in anchors)

    def resolve(self) -> list[Resolution]:
        results: list[Resolution] = [Resolution(None) for _ in self.mentions]
        for rounds in range(2):
            chosen: dict[str, Entry] = {}
            anchors_all = [] if rounds == 0 else [r.entry for r in results if r.entry is not None
                                                   and r.entry.feature not in ("PCLI", "CONT")]
            for index, m in enumerate(self.mentions):
                if not m.candidates:
                    continue
                group = (m.key, m.qualifier.key if m.qualifier else None)
                if group[1] is None and m.key in chosen:
                    results[index] = Resolution(chosen[m.key], score=results[index].score)
                    continue
                anchors = [a for a in anchors_all if all(c.entry.id != a.id for c in m.candidates)]
                best = self._best(m, self.texts[index], anchors)
                if best is None:
                    results[index] = Resolution(None)  # the second round may rule out the first one's reading
                    continue
                results[index] = best
                chosen.setdefault(m.key, best.entry)
        for r in results:
            if r.entry is not None and r.lat is None:
                r.lat, r.lon, r.precision = r.entry.lat, r.entry.lon, r.entry.precision
        return results

    def _best(self, m: Mention, text: str, anchors: list[Entry]) -> Resolution | None:
        codes = [c for c in m.candidates if c.kind == CODE]
        abbreviation = text.endswith(".") or (text.isupper() and len(text) <= 3)
        cands = (codes if codes and abbreviation else [c for c in m.candidates if c.kind != CODE]) or codes
        if cands and all(c.kind == CODE for c in cands) and not any(x.qualifier is m for x in self.mentions):
            others, total = self._others(m.key)
            if total > 0 and not any(others.get(c.entry.country or "", 0.0) > 0 for c in cands):
                return None  # "in SA" in a story about South Africa is not South Australia
        if m.qualifier is not None and m.qualifier.candidates:
            pairs = [(c, q) for c in cands for q in m.qualifier.candidates if _contains(q.entry, c.entry)]
            if pairs:
                c, q = max(pairs, key=lambda p: prior(p[0], m.key, text) + prior(p[1], m.qualifier.key, ""))
                return Resolution(c.entry, score=99.0)
            named = [q for q in m.qualifier.candidates if q.kind != CODE]
            where = max(named, key=lambda q: prior(q, m.qualifier.key, "")).entry if named else None
            if (where is not None and not m.listed and (where.is_country or where.feature == "ADM1")
                    and not any(c.entry.country == where.country for c in cands)):
                # "Bradford, Ontario": no town of ours is there, and England is not; placed in the region it names
                return Resolution(None, lat=where.lat, lon=where.lon, precision="region", country=where.country)
        if m.kind_hint is not None:
            hinted = [c for c in cands if (c.entry.precision == "city") == (m.kind_hint == "city")
                      and c.entry.feature != "PCLI"]
            cands = hinted or cands
        if not cands:
            return None
        by_prior = max(cands, key=lambda c: prior(c, m.key, text))
        scored = max(cands, key=lambda c: prior(c, m.key, text) + self._context(c.entry, anchors))
        if (scored is not by_prior and by_prior.entry.country != scored.entry.country
                and by_prior.entry.population >= 4 * max(scored.entry.population, 1)
                and by_prior.entry.population >= 100_000 and not self._near(scored.entry, anchors, 150)):
            scored = by_prior  # a famous place is not traded for a village on the article's country alone
        if scored is not by_prior:
            here, there = self.gaz.continent(by_prior.entry.country), self.gaz.continent(scored.entry.country)
            focus_there = self.focus.get(scored.entry.country or "", 0.0)
            backed = (focus_there > self.focus.get(by_prior.entry.country or "", 0.0)
                      or self._near(scored.entry, [a for a in anchors if a.country == scored.entry.country], 150))
            if here and there and here != there and not backed:
                scored = by_prior  # proximity alone never moves a place to another continent
        entry = scored.entry if m.kind_hint == "region" else _city_over_admin(scored.entry, cands)
        if self._stray(entry, m.key, anchors):
            return None
        return Resolution(entry, score=prior(scored, m.key, text) + self._context(scored.entry, anchors))


#: words that make up the names of many regions in many countries ("Western", "Midlands", "North West", "Delta")
REGION_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
                "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
                "northeastern", "northwestern", "southeastern", "southwestern", "midlands", "plateau", "delta", "coast",
                "coastal", "gulf", "lakes", "lake", "highlands", "lowlands", "capital", "littoral", "centre", "center",
                "upper", "lower", "interior", "islands", "island", "maritime", "valley", "mountain", "mountains",
                "river", "rivers", "border", "frontier", "province", "region", "district", "territory", "sea", "bay",
                "greater", "middle", "far", "great", "new", "the", "of", "and", "state"}


def generic_name(name: str) -> bool:
    """Whether a place's name is made only of common words ("Western", "North West", "Plateau", "Gulf")."""
    words = name.lower().replace("-", " ").split()
    return bool(words) and all(w in REGION_WORDS for w in words)


def _city_over_admin(entry: Entry, cands: list[Candidate]) -> Entry:
    """A region named after its main town ("Kyiv", "Tunis", "Abidjan") is meant as the town."""
    if not entry.is_admin:
        return entry
    towns = [c.entry for c in cands if c.entry.precision == "city" and c.entry.country == entry.country
             and ((c.kind == 0 and c.entry.population >= 0.1 * entry.population
                   and haversine_km(c.entry.lat, c.entry.lon, entry.lat, entry.lon) < 60)
                  or c.entry.population >= 0.25 * entry.population)]
    return max(towns, key=lambda e: e.population) if towns else entry


def resolve_qualifiers(mentions: list[Mention], results: list[Resolution]) -> None:
    """A qualifier ("Texas" in "Paris, Texas") takes the candidate that contains its place."""
    index = {id(m): i for i, m in enumerate(mentions)}
    for i, m in enumerate(mentions):
        q = m.qualifier
        if q is None or id(q) not in index or results[i].entry is None:
            continue
        inner = results[i].entry
        containing = [c for c in q.candidates if _contains(c.entry, inner)]
        if containing:
            best = max(containing, key=lambda c: c.entry.population).entry
            results[index[id(q)]] = Resolution(best, best.lat, best.lon, best.precision, 99.0)


def shift(entry: Entry, direction: tuple[int, int], area_km2: float) -> tuple[float, float]:
    """A representative point for "eastern Ukraine": the place's point moved toward that side of it."""
    dy, dx = direction
    if dy == 0 and dx == 0:
        return entry.lat, entry.lon
    if entry.feature == "PCLI" and area_km2 > 0:
        km = min(0.5 * math.sqrt(area_km2 / math.pi), 150.0)
    elif entry.feature == "CONT":
        km = 1000.0
    elif entry.feature in ("SEA", "OCN", "GULF", "DSRT"):
        km = 300.0
    elif entry.feature in ("RGN", "PEN", "ISL"):
        km = 100.0
    elif entry.feature == "ADM1":
        km = 60.0
    else:
        km = 5.0
    norm = math.hypot(dy, dx)
    lat = entry.lat + dy / norm * km / 111.0
    lon = entry.lon + dx / norm * km / (111.0 * max(math.cos(math.radians(entry.lat)), 0.1))
    return round(lat, 5), round(lon, 5)
