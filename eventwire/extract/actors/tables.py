"""The actor reference tables, loaded once per process: countries, people and organisations, agents and titles.

Generated tables (``scripts/build_actor_tables.py`` from ``../shared/reference/actors``): ``countries.tsv``,
``entities.tsv``, ``agents.tsv``. Hand-maintained ones (``curated/``): recent office holders, seats of government,
corrections to the country terms, the agent nouns recognised on their own, titles of office.

Every name is indexed as a sequence of lower-case tokens cut the way spaCy's English tokenizer cuts names
(hyphens apart, "U.S." whole), so that matching an article is a dictionary look-up per token.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent.parent.parent / "data" / "actors"

#: open-ended ranges of the reference dictionaries ("in office at the last update", 2012-2014) are trusted
#: until this date; curated rows cover the years after it
STALE_AFTER = 20141231
OPEN_END = 99991231

#: PLOVER sector codes (``../shared/reference/plover/PLOVER.md``)
PLOVER_SECTORS = frozenset("COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP "
                           "PRE REL SOC".split())
#: CAMEO agent codes that are not PLOVER sectors, and the sector that stands for them
SECTOR_ALIASES = {"PPL": "CVL", "MUS": "REL", "CHR": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL", "SIK": "REL",
                  "RAD": "REB", "IMG": "REB", "HLH": "SOC", "HRI": "SOC", "NGO": "SOC", "ENV": "SOC", "DEV": "SOC",
                  "MNC": "BUS", "SEP": "REB", "INS": "REB"}
NON_STATE = ("IGO", "NGO", "IMG", "MNC", "INT", "ISM")

TOKEN_RE = re.compile(r"[a-z0-9]+(?:['.][a-z0-9]+)*\.?|[^\sa-z0-9]", re.I)


def fold(text: str) -> str:
    """Lower case without accents (``Élysée`` -> ``elysee``); the key every token and term is compared by."""
    text = text.lower()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("\u2019", "'")


def tokens_of(term: str) -> tuple[str, ...]:
    out: list[str] = []
    for tok in TOKEN_RE.findall(fold(term)):
        if tok.endswith("'s") and len(tok) > 2:
            out.extend((tok[:-2], "'s"))
        else:
            out.append(tok)
    return tuple(out)


def sector_of(code: str | None) -> str | None:
    """The PLOVER sector of a CAMEO actor code (``UKRGOV`` -> GOV, ``RUSGOVMIL`` -> GOV, ``PSEREB`` -> REB)."""
    if not code:
        return None
    body = code[3:] if len(code) > 3 else code
    if code[:3] in NON_STATE:
        body = code[3:]
        # IGOWSTNAT: the organisation's own letters come first; a sector may follow (IGOWSTNATMIL)
        for i in range(0, len(body) - 2, 3):
            part = body[i:i + 3]
            if part in PLOVER_SECTORS and part not in ("WST",):
                return part
        return "REB" if code.startswith("IMG") else None
    for i in range(0, len(body) - 2, 3):
        part = body[i:i + 3]
        if part in PLOVER_SECTORS:
            return part
        if part in SECTOR_ALIASES:
            return SECTOR_ALIASES[part]
    return None


def country_of(code: str | None) -> str | None:
    """The country part of a CAMEO actor code, None for non-state actors (``IGOWSTNAT``) and bare agents; a
    company's country (``MNCUSA`` -> USA)."""
    if not code or len(code) < 3:
        return None
    if code[:3] == "MNC" and len(code) >= 6 and code[3:6] not in PLOVER_SECTORS and code[3:6] not in SECTOR_ALIASES:
        return code[3:6]
    if code[:3] in NON_STATE:
        return None
    head = code[:3]
    if head in PLOVER_SECTORS or head in SECTOR_ALIASES:
        return None
    return head


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    alpha2: str


class Entity:
    """A named person or organisation with its CAMEO codes and roles over time (parsed when first asked for)."""

    __slots__ = ("id", "name", "kind", "raw_codes", "raw_roles", "curated", "_codes", "_roles")

    def __init__(self, id: int, name: str, kind: str, raw_codes: str = "", raw_roles: str = ""):
        self.id = id
        self.name = name
        self.kind = kind  # person | org
        self.raw_codes = raw_codes  # "CODE@start-end;..." as the generated table writes them
        self.raw_roles = raw_roles
        self.curated: list[tuple[str, str, int, int]] = []  # (code, role, start, end), hand-maintained
        self._codes: list[tuple[str, int, int]] | None = None
        self._roles: list[tuple[str, int, int]] | None = None

    def __repr__(self) -> str:
        return f"Entity({self.id}, {self.name!r}, {self.kind})"

    @property
    def codes(self) -> list[tuple[str, int, int]]:
        if self._codes is None:
            self._codes = _dated(self.raw_codes)
        return self._codes

    @property
    def roles(self) -> list[tuple[str, int, int]]:
        if self._roles is None:
            self._roles = _dated(self.raw_roles)
        return self._roles

    def home(self) -> str | None:
        """The country most of the entity's codes name (a person's country outside the dated ranges)."""
        counts: dict[str, int] = {}
        for code in [c for c, _, _, _ in self.curated] + [c for c, _, _ in self.codes]:
            country = country_of(code)
            if country:
                counts[country] = counts.get(country, 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None

    def at(self, when: int | None) -> tuple[str | None, str | None]:
        """The CAMEO code and role on date ``when`` (YYYYMMDD; None: the latest known)."""
        if self.curated:
            first = min(start for _, _, start, _ in self.curated)
            if when is None or when >= first:
                return _pick([(c, r, s, e) for c, r, s, e in self.curated], when, curated=True)
        rows = []
        for code, start, end in self.codes:
            role = next((title for title, rs, re_ in self.roles if rs == start and re_ == end), None)
            rows.append((code, role, start, end))
        return _pick(rows, when, curated=False)


def _dated(raw: str) -> list[tuple[str, int, int]]:
    out = []
    for part in filter(None, raw.split(";")):
        value, _, span = part.partition("@")
        start, _, end = span.partition("-")
        out.append((value, int(start) if start else 0, int(end) if end else 0))
    return out


def _priority(code: str) -> int:
    sector = sector_of(code)
    return {"GOV": 4, "MIL": 3, "LEG": 3, "JUD": 3, "ELI": 0}.get(sector or "", 2)


def _pick(rows: list[tuple[str, str | None, int, int]], when: int | None, curated: bool):
    if not rows:
        return None, None
    dated = [r for r in rows if r[2] or r[3]]
    undated = [r for r in rows if not (r[2] or r[3])]
    if when is None:
        best = max(dated or rows, key=lambda r: (r[2], _priority(r[0])))
        return best[0], best[1]
    covering = []
    for row in dated:
        end = row[3] or (OPEN_END if curated else STALE_AFTER)
        if (row[2] or 0) <= when <= end:
            covering.append(row)
    if covering:
        best = max(covering, key=lambda r: (_priority(r[0]), r[2]))
        return best[0], best[1]
    if undated:
        return undated[0][0], None
    before = [r for r in dated if (r[2] or 0) <= when]
    if before:  # out of office by then: the country's elite, without the old title
        last = max(before, key=lambda r: r[2])
        head = country_of(last[0])
        return (head + "ELI" if head else last[0]), None
    first = min(dated, key=lambda r: r[2])
    return first[0], None


class Term(NamedTuple):
    """One way of writing a name, and what it names (a named tuple: tens of thousands are made at load)."""

    tokens: tuple[str, ...]
    kind: str  # country | adjective | demonym | capital | city | seat | entity
    code: str | None = None  # the country code, or the seat's CAMEO code
    entity: Entity | None = None
    exact: bool = False  # an acronym: only upper-case in the text counts ("US", not "us")


@dataclass
class Tables:
    countries: dict[str, Country]
    index: dict[str, list[Term]]  # first token -> terms starting with it, longest first
    agents: dict[tuple[str, ...], str]  # lemma tokens -> CAMEO agent code (may be "")
    core_agents: dict[tuple[str, ...], str]  # the agent nouns that name an actor on their own
    titles: dict[tuple[str, ...], str]  # title tokens -> sector
    title_words: frozenset[str]
    seat_names: dict[str, str] = field(default_factory=dict)  # seat code -> display name
    #: a person's surname (the last word of a full name) -> the dictionary's people of that name
    surnames: dict[str, list[Entity]] = field(default_factory=dict)
    _by_size: dict[str, list[tuple[int, dict[tuple[str, ...], list[Term]]]]] = field(
        default_factory=dict, repr=False, compare=False)
    _endings: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def by_size(self, first: str) -> list[tuple[int, dict[tuple[str, ...], list[Term]]]]:
        """The terms that start with ``first`` by length, longest first, each length's terms by their tokens (in
        the index's order): one look-up per length instead of a comparison per term. Made when first asked."""
        groups = self._by_size.get(first)
        if groups is None:
            groups = []
            for term in self.index.get(first, ()):  # longest first
                size = len(term.tokens)
                if not groups or groups[-1][0] != size:
                    groups.append((size, {}))
                groups[-1][1].setdefault(term.tokens, []).append(term)
            self._by_size[first] = groups
        return groups

    def agent_endings(self, core: bool = False) -> frozenset[str]:
        """The last words of the agent phrases (of the core ones with ``core``): a noun that is none of them ends
        no agent phrase. Made when first asked."""
        key = "core" if core else "all"
        found = self._endings.get(key)
        if found is None:
            found = self._endings[key] = frozenset(k[-1] for k in (self.core_agents if core else self.agents) if k)
        return found

    def country_name(self, code: str | None) -> str | None:
        country = self.countries.get(code or "")
        return country.name if country else None


def _rows(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _date(text: str) -> int:
    text = re.sub(r"\D", "", text or "")
    return int(text[:8]) if len(text) >= 8 else 0


def _exact(term: str) -> bool:
    return " " not in term and len(term) <= 8 and sum(ch.isalpha() for ch in term) <= 4


@lru_cache(maxsize=1)
def load() -> Tables:
    """The tables (cached: built once per process)."""
    index: dict[str, list[Term]] = defaultdict(list)
    seen: set[tuple[tuple[str, ...], str, str | None]] = set()

    def add(term: str, kind: str, code: str | None = None, entity: Entity | None = None,
            exact: bool | None = None, tokenized: bool = False) -> None:
        toks = tuple(term.split(" ")) if tokenized else tokens_of(term)
        if len(toks) > 1 and toks[0] == "the":
            toks = toks[1:]  # "the" is read with the phrase, not with the name
        if not toks:
            return
        key = (toks, kind, code if entity is None else str(entity.id))
        if key in seen:
            return
        seen.add(key)
        index[toks[0]].append(Term(toks, kind, code, entity, _exact(term) if exact is None else exact))

    countries: dict[str, Country] = {}
    dropped: set[str] = set()
    overrides: list[list[str]] = list(_rows(DATA / "curated" / "country_terms.tsv"))
    for term, _code, _kind in overrides:
        dropped.add(fold(term))  # a corrected term replaces what the generated table says of it
    for term, code, kind in overrides:
        if code != "-":
            add(term, {"name": "country", "adjective": "adjective"}.get(kind, kind), code,
                exact=_exact(term) and term.isupper())
            if kind == "adjective":
                add(term + "s", "demonym", code)
    for row in _rows(DATA / "countries.tsv"):
        code, name, alpha2, names, adjectives, capitals, cities = (row + [""] * 7)[:7]
        countries[code] = Country(code, name, alpha2)
        for kind, terms in (("country", names), ("adjective", adjectives), ("capital", capitals), ("city", cities)):
            for term in filter(None, terms.split("|")):
                if term in dropped:
                    continue
                # the dictionaries are upper case: short names are acronyms (US, UK, ROK) unless they are words
                add(term, kind, code, exact=kind in ("country", "adjective") and len(term) <= 3 and _exact(term),
                    tokenized=True)
                if kind == "adjective" and not term.endswith(("s", "sh", "ch", "ese")):
                    add(term + "s", "demonym", code, tokenized=True)

    titles = {tokens_of(t): s for t, s in _rows(DATA / "curated" / "titles.tsv")}
    words = frozenset(w for t in titles for w in t if w.isalpha())
    entities: list[Entity] = []
    by_name: dict[str, Entity] = {}  # an entity's own name (folded) -> the entity
    for row in _rows(DATA / "entities.tsv"):
        name, kind, codes, roles, terms = (row + [""] * 5)[:5]
        entity = Entity(len(entities), name, kind, codes, roles)
        entities.append(entity)
        by_name.setdefault(fold(name), entity)
        for term in filter(None, terms.split("|")):
            if kind == "person" and " " not in term and (len(term) <= 3 or term in words):
                continue  # "KIM", "LEE": too ambiguous on their own; "QUEEN" (Lesotho's): a title, not a name
            add(term, "entity", None, entity, exact=kind != "person" and _exact(term), tokenized=True)

    for row in _rows(DATA / "curated" / "leaders.tsv"):
        name, code, role, start, end, others = (row + [""] * 6)[:6]
        key = fold(name)
        entity = by_name.get(key)
        if entity is None or entity.kind != "person":
            entity = Entity(len(entities), name, "person")
            entities.append(entity)
            by_name[key] = entity
        entity.name = name
        entity.curated.append((code, role, _date(start), _date(end) or OPEN_END))
        add(name, "entity", None, entity, exact=False)
        for other in filter(None, others.split("|")):
            add(other, "entity", None, entity, exact=False)

    for row in _rows(DATA / "curated" / "organizations.tsv"):
        name, code, others = (row + [""] * 3)[:3]
        entity = by_name.get(fold(name))
        if entity is None or entity.kind != "org":
            entity = Entity(len(entities), name, "org")
            entities.append(entity)
            by_name[fold(name)] = entity
        entity.name = name
        entity.curated = [(code, "", 0, OPEN_END)]
        for term in [name] + [t for t in others.split("|") if t]:
            add(term, "entity", None, entity, exact=_exact(term) and term.upper() == term)

    surnames: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        if entity.kind == "person" and " " in entity.name:
            last = fold(entity.name.rsplit(" ", 1)[1])
            if last.isalpha() and len(last) >= 4:
                surnames[last].append(entity)

    seat_names = {}
    for term, code, display in _rows(DATA / "curated" / "seats.tsv"):
        add(term, "seat", code, exact=False)
        seat_names.setdefault(code, display)

    for terms in index.values():
        terms.sort(key=lambda t: -len(t.tokens))

    agents: dict[tuple[str, ...], str] = {}
    for term, code in _rows(DATA / "agents.tsv"):
        agents[tuple(term.split(" "))] = code
    core: dict[tuple[str, ...], str] = {}
    for row in _rows(DATA / "curated" / "agents.tsv"):
        term, code, use = (row + ["", ""])[:3]
        agents[tokens_of(term)] = code.strip()
        if use.strip() != "after":
            core[tokens_of(term)] = code.strip()
    return Tables(countries=countries, index=dict(index), agents=agents, core_agents=core, titles=titles,
                  title_words=words, seat_names=seat_names, surnames=dict(surnames))
