#!/usr/bin/env python3
"""Build the event-coding tables under ``eventwire/data/cameo/`` from the reference files in ``../shared/reference``.

    python scripts/build_cameo_tables.py [--reference ../shared/reference] [--out eventwire/data/cameo]

Writes
- ``codes.tsv``: every CAMEO code with its name, root, Goldstein value (ICEWS table), PLOVER type and mode
  (CAMEO2PLOVER-2021, PLOVER draft 0.8) and quad class (PLOVER's quad category where the code has a PLOVER type,
  else CAMEO's: roots 01-02 verbal cooperation);
- ``verbs.json``: the PETRARCH CAMEO 2.0 verb-pattern dictionary parsed into synonym sets, verb blocks with their
  default codes and patterns, and an index from verb forms to blocks (see ``eventwire/extract/events/lexicon.py``
  for how the patterns are matched against a dependency parse).

The hand-written tables beside them (``nouns.tsv``, ``verbs_extra.tsv``, ``wrappers.tsv``) are the project's own and
are not generated. Run this script again when the reference files change; the output is deterministic.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# PLOVER quad categories (PLOVER manual, per-type "Quad category" sections).
PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
# CAMEO's own quad classes by root, used where a code has no PLOVER type (01 statements, 02 appeals).
CAMEO_ROOT_QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3,
                   "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4}


def read_plover(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) from CAMEO2PLOVER-2021.txt (codes not listed inherit from their parent)."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not match:
            continue
        fields = [f.strip() for f in match.group(2).split(",")]
        kind = fields[0].upper() if fields and fields[0] else ""
        mode = fields[1] if len(fields) > 1 else ""
        if kind and kind.isalpha():
            table[match.group(1)] = (kind, mode)
    return table


def build_codes(reference: Path) -> list[dict[str, str]]:
    plover = read_plover(reference / "plover" / "CAMEO2PLOVER-2021.txt")
    rows = []
    with open(reference / "cameo" / "cameo_codes.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["code"].strip()
            root = code[:2]
            kind, mode = "", ""
            for key in (code, code[:3], code[:2]):
                if key in plover:
                    kind, mode = plover[key]
                    break
            if root in ("01", "02"):
                kind, mode = "", ""  # CAMEO 01 and 02 have no PLOVER type
            quad = PLOVER_QUAD.get(kind, CAMEO_ROOT_QUAD[root])
            rows.append({"code": code, "name": row["name"].strip(), "root": root,
                         "goldstein": f"{float(row['goldstein']):g}", "plover": kind, "mode": mode,
                         "quad_class": str(quad)})
    return rows


# -- the PETRARCH verb dictionary ---------------------------------------------------------------------------------

def _words(token: str) -> list[str]:
    """A dictionary word (KILLED_AND, CASH_) as lower-case words."""
    return [w for w in token.strip("_").lower().split("_") if w]


def parse_code(text: str) -> tuple[str | None, str | None]:
    """'[042:043]' -> ('042', '043'); '[:173]' -> (None, '173'); '[---]' -> ('---', None)."""
    text = text.strip("[] ")
    if text.startswith("---"):
        return "---", None
    forward, _, reverse = text.partition(":")
    return (forward or None), (reverse or None)


def parse_pattern(body: str) -> tuple[list, list]:
    """The words before and after the verb ('*'): each element a word, a synset name ('&WEAPON') or a phrase
    (a list of words that must be adjacent). Markers for actor positions ($ + ^ %) and brackets are dropped."""
    pre: list = []
    post: list = []
    side = pre
    phrase: list | None = None
    for raw in re.findall(r"\{|\}|\(|\)|[^\s{}()]+", body):
        if raw == "{":
            phrase = []
            continue
        if raw == "}":
            if phrase:
                side.append(phrase if len(phrase) > 1 else phrase[0])
            phrase = None
            continue
        if raw in ("(", ")", "$", "+", "^", "%"):
            continue
        if raw.startswith("*"):
            side = post
            rest = raw[1:].strip("_")
            if rest:
                post.extend(_words(rest))
            continue
        if raw.startswith("&"):
            item: str | list = raw.rstrip("_").upper()
            elements = [item]
        else:
            elements = _words(raw.strip("$+^%"))
            if not elements:
                continue
        target = phrase if phrase is not None else side
        if phrase is None and len(elements) > 1:
            target.append(elements)
        else:
            target.extend(elements)
    return pre, post


def parse_verb_dictionary(path: Path) -> dict:
    lines = path.read_text(encoding="latin-1").splitlines()
    synsets: dict[str, list] = {}
    blocks: list[dict] = []
    verbs: dict[str, list] = {}
    section = None
    current_set: str | None = None
    block: dict | None = None
    for line in lines:
        if line.startswith("#######"):
            section = "synsets" if "SYNONYM" in line else "verbs" if "VERB PATTERNS" in line else "other"
            continue
        stripped = line.split("#", 1)[0].rstrip()
        if not stripped.strip():
            continue
        if section == "synsets":
            if stripped.startswith("&"):
                current_set = stripped.strip().rstrip("_").upper()
                synsets[current_set] = []
            elif stripped.startswith("+") and current_set:
                words = _words(stripped.strip()[1:])
                if words:
                    synsets[current_set].append(words)
        elif section == "verbs":
            header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", stripped)
            if header:
                code, _ = parse_code(header.group(2))
                block = {"name": header.group(1), "code": None if code == "---" else code, "patterns": []}
                blocks.append(block)
                continue
            if block is None:
                continue
            if stripped.startswith("-"):
                match = re.match(r"^-\s*(.*?)\s*(\[[^\]]*\])\s*$", stripped)
                if not match:
                    continue
                pre, post = parse_pattern(match.group(1))
                code, reverse = parse_code(match.group(2))
                # the comment names the verb the pattern was written for ("# EXPRESS")
                comment = line.split("#", 1)[1] if "#" in line else ""
                source = _words(comment.split(",")[0].split()[0]) if comment.split() else []
                if pre or post:
                    block["patterns"].append({"pre": pre, "post": post, "code": code, "reverse": reverse,
                                              "verb": source[0] if source else None})
                continue
            # a verb line: FORM {IRREGULAR FORMS} [code]
            match = re.match(r"^\s*(\+?[A-Z][A-Z0-9_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", stripped)
            if not match:
                continue
            words = _words(match.group(1).lstrip("+"))
            if not words:
                continue
            own = parse_code(match.group(3))[0] if match.group(3) else None
            entry = {"block": len(blocks) - 1, "words": words[1:]}
            if own is not None:
                entry["code"] = own
            forms = {words[0]}
            for form in re.findall(r"[^\s{},]+", match.group(2) or ""):
                form_words = _words(form.lstrip("+"))
                if form_words:
                    forms.add(form_words[0])
            for form in sorted(forms):
                bucket = verbs.setdefault(form, [])
                if entry not in bucket:
                    bucket.append(entry)
    return {"synsets": synsets, "blocks": blocks, "verbs": dict(sorted(verbs.items()))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference", default=str(ROOT.parent / "shared" / "reference"))
    parser.add_argument("--out", default=str(ROOT / "eventwire" / "data" / "cameo"))
    args = parser.parse_args()
    reference, out = Path(args.reference), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    rows = build_codes(reference)
    with open(out / "codes.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    verbs = parse_verb_dictionary(reference / "actors" / "CAMEO.2.0.txt")
    with open(out / "verbs.json", "w", encoding="utf-8") as handle:
        json.dump(verbs, handle, separators=(",", ":"), sort_keys=False)
        handle.write("\n")
    patterns = sum(len(b["patterns"]) for b in verbs["blocks"])
    print(f"{len(rows)} codes; {len(verbs['blocks'])} verb blocks, {len(verbs['verbs'])} verb forms, "
          f"{patterns} patterns, {len(verbs['synsets'])} synonym sets -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
