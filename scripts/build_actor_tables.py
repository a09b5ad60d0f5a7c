#!/usr/bin/env python3
"""Regenerate the actor tables under ``eventwire/data/actors/`` from the reference dictionaries.

    python scripts/build_actor_tables.py [--reference ../shared/reference/actors]

Reads (see ``../shared/reference/README.md`` for their sources and licences):

- ``CountryInfo.120116.txt``: country codes, names, nationality adjectives, capitals, major cities, leaders with
  their titles and dates, and government members with their CAMEO codes, dates and titles;
- ``countrynames.txt``: display names of the countries;
- ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``, ``Phoenix.MilNonState.actors.txt``: named
  people and organisations with (dated) CAMEO actor codes;
- ``Phoenix.agents.txt``: agent nouns with their CAMEO agent codes.

Writes ``countries.tsv``, ``entities.tsv`` and ``agents.tsv`` (formats in their header lines); terms are written
as the tokens the stage matches (``al - qaeda``), so that loading them needs no tokenizer. The hand-maintained
tables in ``eventwire/data/actors/curated/`` are not touched. The output is deterministic (sorted), so a rebuild
from the same reference files gives the same bytes.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from eventwire.extract.actors.tables import tokens_of  # noqa: E402  (the tokenizer the stage matches with)

DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference" / "actors"
OUT = ROOT / "eventwire" / "data" / "actors"

# Words that make an entry a title or a description rather than a name ("AMERICAN_VICE_PRESIDENT").
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "ministers", "secretary", "general", "chief", "leader", "premier",
    "chairman", "spokesman", "spokeswoman", "ambassador", "king", "queen", "prince", "sheikh", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "dr", "dr.", "governor", "senator", "deputy", "foreign", "defense", "defence", "commander",
    "head", "former", "acting", "interim", "emir", "sultan", "envoy", "official", "chancellor", "speaker", "mayor",
}
ORG_WORDS = {
    "army", "coalition", "party", "department", "ministry", "council", "assembly", "front", "movement",
    "organization", "organisation", "union", "committee", "commission", "agency", "bank", "court", "forces",
    "force", "brigade", "brigades", "group", "league", "alliance", "federation", "association", "institute",
    "office", "service", "services", "congress", "parliament", "senate", "duma", "guard", "police", "militia",
    "network", "foundation", "fund", "corporation", "company", "authority", "administration", "cabinet",
    "government", "house", "center", "centre", "mission", "tribunal", "secretariat", "bureau", "board", "jihad",
    "hamas", "hezbollah", "hizbollah", "taliban", "qaeda", "al-qaeda", "cell", "cells", "nuclei", "faction",
    "battalion", "corps", "command", "navy", "airforce", "regiment", "division", "unit", "units", "society",
    "church", "mosque", "university", "school", "academy", "program", "programme", "junta",
}
# Single words that are no name, whatever entry lists them as a synonym
GENERIC_WORDS = ORG_WORDS | TITLE_WORDS | {"state", "people", "nation", "republic", "kingdom", "islamic", "national",
                                          "democratic", "popular", "revolutionary", "liberation", "resistance"}
# A person's dictionary terms that start with one of these are a title plus a name: the name alone is kept.
LEADING_DESCRIPTORS = TITLE_WORDS | {"the", "u.s.", "us", "un", "u.n."}


DISPLAY_OVERRIDES = {"PSE": "Palestine", "MDG": "Madagascar", "COD": "Democratic Republic of the Congo"}


def clean_term(raw: str) -> str | None:
    """A dictionary phrase (``VLADIMIR_V._PUTIN_``) as lower-case words (``vladimir v. putin``); None if unusable."""
    term = raw.strip().split("#")[0].strip()
    term = re.sub(r"\([^)]*\)", " ", term)  # "HIZBOLLAH_(PARTY_OF_GOD)" -> "HIZBOLLAH"
    term = term.replace("_", " ").strip().lower()
    term = re.sub(r"\s+", " ", term)
    if term.startswith("the "):
        term = term[4:]
    if not term or len(term) < 2 or not term.isascii() or re.search(r"[^a-z0-9 .,'&/-]", term):
        return None
    if not re.search(r"[a-z]", term):
        return None
    return term.strip(" ,")


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


# -- dates --

def full_date(text: str) -> str:
    """A TABARI date (``YYMMDD`` or ``YYYYMMDD``) as ``YYYYMMDD``; two-digit years up to 20 are 20xx."""
    text = re.sub(r"\D", "", text)
    if len(text) == 6:
        year = int(text[:2])
        return ("20" if year <= 20 else "19") + text
    if len(text) == 7:  # a typo in the source (a missing digit): keep the year and month
        return text[:6] + "01"
    return text[:8]


def parse_range(text: str) -> tuple[str, str]:
    """``>080508`` -> (20080508, ''), ``<991231`` -> ('', 19991231), ``700101-990809`` -> both ends."""
    text = text.strip()
    if not text:
        return "", ""
    if text.startswith(">"):
        return full_date(text[1:]), ""
    if text.startswith("<"):
        return "", full_date(text[1:])
    if "-" in text:
        start, end = text.split("-", 1)
        return full_date(start), full_date(end)
    return full_date(text), full_date(text)


CODE_RE = re.compile(r"\[([~A-Z0-9-]+)((?:\s*[<>]?\s*\d{6,8})?(?:\s*-\s*\d{6,8})?)\s*\]")


def parse_codes(text: str) -> list[tuple[str, str, str]]:
    out = []
    for code, dates in CODE_RE.findall(text):
        if not re.fullmatch(r"[A-Z]{3,}", code.replace("~", "")) or code == "---":
            continue
        start, end = parse_range(dates.replace(" ", ""))
        out.append((code, start, end))
    return out


# -- the Phoenix actor dictionaries --

def phoenix_entries(path: Path) -> list[dict]:
    """Entries of a PETRARCH actor dictionary: names (primary first), codes with dates, and the source comment.

    Consecutive name lines (``+`` marks a synonym) share the codes that follow them, inline (``NAME [CODE]``) or on
    indented lines (``\t[CODE 080508-120101]``); a blank line ends an entry."""
    entries: list[dict] = []
    names: list[str] = []
    codes: list[tuple[str, str, str]] = []
    comments: list[str] = []
    inline = False

    def flush():
        nonlocal names, codes, comments, inline
        if names and codes:
            entries.append({"names": names, "codes": codes, "comment": " ".join(comments)})
        elif names and entries and inline_last[0]:
            entries[-1]["names"].extend(names)  # codeless names right after an inline-coded entry
        names, codes, comments, inline = [], [], [], False

    inline_last = [False]
    for raw in read_text(path).splitlines():
        body, _, comment = raw.partition("#")
        stripped = body.strip()
        if not stripped:
            if not raw.strip():
                flush()
            continue
        if raw[0] in " \t" and stripped.startswith("["):
            codes.extend(parse_codes(stripped))
            inline = False
            inline_last[0] = False
            continue
        name_part = stripped.lstrip("+").strip()
        found = parse_codes(name_part)
        name = CODE_RE.sub("", name_part).strip()
        if codes and not (stripped.startswith("+") and inline and not found):
            flush()
        names.append(name)
        comments.append(comment)
        if found:
            codes.extend(found)
            inline = True
            inline_last[0] = True
    flush()
    return entries


def entry_kind(names: list[str], comment: str, codes: list[tuple[str, str, str]]) -> str:
    """person | org | title | country, from the entry's name, source comment and codes."""
    primary = clean_term(names[0]) or ""
    words = set(re.split(r"[ -]", primary))
    if all(len(c) == 3 for c, _, _ in codes):
        return "country"
    if "countryinfo" in comment.lower() or "rulers" in comment.lower():
        return "person"
    if words & ORG_WORDS:
        return "org"
    if words & TITLE_WORDS and words <= TITLE_WORDS | COUNTRY_WORDS:
        return "title"
    if any(c.endswith("ELI") for c, _, _ in codes):
        return "person"
    if all(c.startswith(("NGO", "IGO", "MNC", "IMG")) or "REB" in c for c, _, _ in codes):
        return "org"
    tokens = primary.split()
    if 2 <= len(tokens) <= 4 and all(re.fullmatch(r"[a-z][a-z'.-]*", t) for t in tokens) and not words & TITLE_WORDS:
        return "person"
    return "org"


COUNTRY_WORDS: set[str] = set()  # filled from CountryInfo (country names and adjectives), used by entry_kind


# -- CountryInfo --

def countryinfo(path: Path) -> list[dict]:
    text = read_text(path)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    countries = []
    for block in text.split("<Country>")[1:]:  # (some blocks lack their closing tag)
        block = block.split("</Country>")[0]
        block = "\n".join(line for line in block.splitlines() if not line.lstrip().startswith("#"))

        def field(tag: str, block: str = block) -> str:
            m = re.search(rf"<{tag}>(.*?)</{tag}>", block, flags=re.S)
            return m.group(1) if m else ""

        def items(tag: str, field=field) -> list[str]:
            return [line.split("#")[0].strip() for line in field(tag).splitlines()
                    if line.strip() and not line.strip().startswith("#")]

        code = re.split(r"[\s#]", field("CountryCode").strip())[0]
        if not re.fullmatch(r"[A-Z]{3}", code):
            continue  # dependencies (USAPRI) are left to their country's names
        leaders = []
        for title, body in re.findall(r"<([^/>][^>]*)>(.*?)</\1>", field("Leaders"), flags=re.S):
            for line in body.splitlines():
                line = line.split("#")[0].strip()
                if not line:
                    continue
                names = re.findall(r"\{([^}]*)\}", line) or [re.split(r"\s|\[", line)[0]]
                ranges = [r for r in re.findall(r"\[([<>]?\d{8}(?:\s*-\s*\d{8})?)\]", line)]
                leaders.append({"names": names, "title": leader_title(title),
                                "ranges": [parse_range(r.replace(" ", "")) for r in ranges]})
        government = []
        for line in field("Government").splitlines():
            body, _, title = line.partition("#")
            body = body.strip()
            if not body:
                continue
            names = re.findall(r"\{([^}]*)\}", body) or [re.split(r"\s|\[", body)[0]]
            government.append({"names": names, "codes": parse_codes(body), "title": government_title(title)})
        countries.append({
            "code": code, "name": field("CountryName").strip(), "alpha2": field("ISO3166-alpha2").strip(),
            "nationality": items("Nationality"), "capital": items("Capital"), "cities": items("MajorCities"),
            "leaders": leaders, "government": government,
        })
    return countries


def leader_title(tag: str) -> str:
    """``Prime ministers`` -> ``Prime Minister``, ``Kings/QUEENS`` -> ``King``, ``Governors-GENERAL`` ->
    ``Governor-General``, ``Chairmen of the council of ministers`` -> ``Chairman of the Council of Ministers``."""
    tag = tag.split("(")[0].split("/")[0].strip().lower()
    head, _, rest = tag.partition(" of ")
    head = re.sub(r"\bchairmen\b", "chairman", head)
    head = re.sub(r"ies\b", "y", head)
    head = re.sub(r"(?<![s])s\b", "", head)
    title = head + (" of " + rest if rest else "")
    small = {"of", "the", "and", "for"}
    return " ".join(w if w in small else "-".join(p.capitalize() for p in w.split("-")) for w in title.split())


def government_title(text: str) -> str:
    text = re.sub(r"\"[^\"]*\"", "", text).strip()  # '"Acting"', '"FSB"'
    text = text.split("&")[-1].strip()  # "Deputy Premier & Minister of Defense": the later office
    return re.sub(r"\s+", " ", text)[:80]


# -- agents --

def agents(path: Path) -> dict[str, str]:
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in read_text(path).splitlines():
        line = raw.split("#")[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.fullmatch(r"(.+?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        phrase, code = m.group(1), m.group(2)
        variants = [phrase]
        for name, words in macros.items():
            if f"!{name}!" in phrase:
                variants = [v.replace(f"!{name}!", w) for v in variants for w in words[:1]]
        for variant in variants:
            term = clean_term(variant)
            if term and len(term) > 2 and "!" not in term:
                out.setdefault(term, code)
    return out


# -- output --

ACRONYM_WORDS = {"us", "u.s.", "un", "u.n.", "eu", "uk", "nato", "opec", "asean", "imf", "who", "iaea", "osce",
                 "ecowas", "icc", "icj", "unicef", "unhcr", "undp", "wfp", "fao", "plo", "pkk", "eta", "ira", "anc"}


def tokenized(term: str) -> str:
    """A term as the stage's tokens joined by spaces ("al-qaeda" -> "al - qaeda"): loading needs no tokenizer."""
    return " ".join(tokens_of(term))


def display_name(term: str) -> str:
    """``north atlantic treaty organization`` -> ``North Atlantic Treaty Organization``, ``nato`` -> ``NATO``."""
    small = {"of", "the", "and", "for", "al", "de", "da", "bin", "ibn", "van", "von", "el", "on", "in"}
    words = term.split()
    if len(words) == 1 and (words[0] in ACRONYM_WORDS or not re.search(r"[aeiouy]", words[0])):
        return words[0].upper()
    return " ".join(w.upper() if w in ACRONYM_WORDS else w if (w in small and i) else
                    "-".join(p[:1].upper() + p[1:] for p in w.split("-")) for i, w in enumerate(words))


def is_adjective(term: str, names: set[str]) -> bool:
    if term in names or " " in term and not term.endswith(("ian", "an", "ese", "ish", "i")):
        return False
    suffix = re.search(r"(ian|ean|ese|ish|ic|ch|i)$", term)
    if term.endswith("stan") or (not suffix and any(n.startswith(term[:5]) and abs(len(term) - len(n)) <= 2
                                                    for n in names)):
        return False  # "afganistan", "ukrane": a spelling of the name
    return bool(re.search(r"(ian|an|ese|ish|i|ic|ch|ean|iote|ene|ine|er)$", term))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _settle_shared_terms(rows: list[dict]) -> None:
    """A term listed for several countries ("serbian" under Serbia and Montenegro) stays with the country whose
    name it resembles most; on a tie it is dropped (the curated corrections may add it back)."""
    owners: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        for kind in ("names", "adjectives", "capitals"):
            for term in row[kind]:
                owners[term].append(row)
    for term, listed in owners.items():
        if len({id(r) for r in listed}) < 2:
            continue
        scores = sorted(((_common_prefix(term, r["name"].lower()), r["code"]) for r in listed), reverse=True)
        keep = scores[0][1] if scores[0][0] > scores[1][0] and scores[0][0] >= 4 else None
        for row in listed:
            if row["code"] != keep:
                for kind in ("names", "adjectives", "capitals"):
                    row[kind].discard(term)


def build(reference: Path, out: Path) -> dict[str, int]:
    info = countryinfo(reference / "CountryInfo.120116.txt")
    display: dict[str, str] = {}
    for line in read_text(reference / "countrynames.txt").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[A-Z]{3}", parts[1]) and parts[0] != "NULL":
            known = display.get(parts[1])
            # a later name inside the first is its short form (Russian Federation -> Russia); else the first stays
            if known is None or parts[0] in known:
                display[parts[1]] = parts[0]
    display.update(DISPLAY_OVERRIDES)
    country_rows = []
    seen_codes: dict[str, dict] = {}
    for c in info:
        row = seen_codes.get(c["code"])
        if row is None:
            name = display.get(c["code"]) or display_name(clean_term(c["name"]) or c["code"])
            row = {"code": c["code"], "name": name,
                   "alpha2": c["alpha2"] if re.fullmatch(r"[A-Z]{2}", c["alpha2"]) else "", "names": set(),
                   "adjectives": set(), "capitals": set(), "cities": set()}
            seen_codes[c["code"]] = row
            country_rows.append(row)
        official = clean_term(c["name"])
        if official:
            row["names"].add(official)
        row["names"].add(row["name"].lower())
        for line in read_text(reference / "countrynames.txt").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1] == c["code"]:
                term = clean_term(parts[0])
                if term:
                    row["names"].add(term)
        for raw in c["nationality"]:
            term = clean_term(raw)
            if term:
                (row["adjectives"] if is_adjective(term, row["names"]) else row["names"]).add(term)
        for raw in c["capital"]:
            term = clean_term(raw)
            if term:
                row["capitals"].add(term)
        for raw in c["cities"]:
            term = clean_term(raw)
            if term:
                row["cities"].add(term)
    _settle_shared_terms(country_rows)
    for row in country_rows:
        COUNTRY_WORDS.update(w for t in row["names"] | row["adjectives"] for w in t.split())

    agent_words = {t for t in agents(reference / "Phoenix.agents.txt") if " " not in t}
    # people and organisations: Phoenix dictionaries, then CountryInfo leaders and government members
    entities: dict[str, dict] = {}
    by_term: dict[str, str] = {}

    def entity(key: str, name: str, kind: str) -> dict:
        if key not in entities:
            entities[key] = {"name": name, "kind": kind, "codes": [], "roles": [], "terms": set()}
        return entities[key]

    for file in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for e in phoenix_entries(reference / file):
            kind = entry_kind(e["names"], e["comment"], e["codes"])
            terms = [t for t in (clean_term(n) for n in e["names"]) if t]
            if not terms:
                continue
            if kind == "country":
                # the country blocks list cities and provinces too: keep those as places that tell a country
                for term in terms:
                    country = e["codes"][-1][0][:3]
                    row = seen_codes.get(country)
                    if row and term not in row["names"] | row["adjectives"] | row["capitals"]:
                        row["cities"].add(term)
                continue
            if kind == "title":
                continue
            primary = terms[0]
            key = by_term.get(primary) or f"{kind}:{primary}"
            ent = entity(key, display_name(primary), kind)
            for term in terms:
                if kind == "person" and term.split()[0] in LEADING_DESCRIPTORS | COUNTRY_WORDS:
                    continue
                if " " not in term and (term in GENERIC_WORDS or term in agent_words):
                    continue  # "organization" as a synonym of one group: a common word, no name
                ent["terms"].add(term)
                by_term.setdefault(term, key)
            ent["codes"].extend(c for c in e["codes"] if c not in ent["codes"])

    for c in info:
        for leader in c["leaders"] + c["government"]:
            terms = [t for t in (clean_term(n) for n in leader["names"]) if t]
            if not terms:
                continue
            key = next((by_term[t] for t in terms if t in by_term), None) or f"person:{terms[0]}"
            ent = entity(key, display_name(terms[0]), "person")
            for term in terms:
                ent["terms"].add(term)
                by_term.setdefault(term, key)
            if "ranges" in leader:  # a leader: the office's title over each range; the code is the government
                for start, end in leader["ranges"]:
                    ent["roles"].append((leader["title"], start, end))
                    if (c["code"] + "GOV", start, end) not in ent["codes"]:
                        ent["codes"].append((c["code"] + "GOV", start, end))
            else:
                for code, start, end in leader["codes"]:
                    if leader["title"]:
                        ent["roles"].append((leader["title"], start, end))
                    if (code, start, end) not in ent["codes"]:
                        ent["codes"].append((code, start, end))

    agent_table = agents(reference / "Phoenix.agents.txt")

    out.mkdir(parents=True, exist_ok=True)
    with open(out / "countries.tsv", "w", encoding="utf-8") as fh:
        fh.write("# generated by scripts/build_actor_tables.py from CountryInfo.120116.txt and countrynames.txt\n")
        fh.write("# code\tname\talpha2\tnames\tadjectives\tcapitals\tcities (lists are |-separated, lower case)\n")
        for row in sorted(country_rows, key=lambda r: r["code"]):
            row["cities"] -= row["names"] | row["adjectives"] | row["capitals"]
            lists = ["|".join(sorted({tokenized(t) for t in row[k]})) for k in ("names", "adjectives", "capitals",
                                                                                   "cities")]
            fh.write("\t".join([row["code"], row["name"], row["alpha2"]] + lists) + "\n")
    count_entities = 0
    with open(out / "entities.tsv", "w", encoding="utf-8") as fh:
        fh.write("# generated by scripts/build_actor_tables.py from the Phoenix actor dictionaries and CountryInfo\n")
        fh.write("# name\tkind\tcodes (CODE@start-end;...; dates YYYYMMDD, open ends empty)"
                 "\troles (Title@start-end;...)\tterms (|-separated, lower case)\n")
        for key in sorted(entities):
            ent = entities[key]
            if not ent["terms"] or not ent["codes"]:
                continue
            codes = ";".join(f"{c}@{s}-{e}" for c, s, e in ent["codes"])
            roles = ";".join(f"{t}@{s}-{e}" for t, s, e in ent["roles"])
            terms = "|".join(sorted({tokenized(t) for t in ent["terms"]}))
            fh.write("\t".join([ent["name"], ent["kind"], codes, roles, terms]) + "\n")
            count_entities += 1
    with open(out / "agents.tsv", "w", encoding="utf-8") as fh:
        fh.write("# generated by scripts/build_actor_tables.py from Phoenix.agents.txt\n")
        fh.write("# term (lower case)\tCAMEO agent code\n")
        for term in sorted(agent_table):
            fh.write(f"{tokenized(term)}\t{agent_table[term]}\n")
    return {"countries": len(country_rows), "entities": count_entities, "agents": len(agent_table)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.reference / "CountryInfo.120116.txt").exists():
        print(f"no reference dictionaries at {args.reference}", file=sys.stderr)
        return 2
    counts = build(args.reference, args.out)
    print(", ".join(f"{v:,} {k}" for k, v in counts.items()), "written to", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
