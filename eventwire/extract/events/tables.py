"""The CAMEO code table: each code's name, Goldstein value, PLOVER type and quad class (``data/cameo/codes.tsv``,
built by ``scripts/build_cameo_tables.py`` from the published tables in ``../shared/reference``)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float
    plover: str | None  # None for CAMEO 01 and 02
    mode: str | None  # PLOVER mode where the conversion table gives one (arrest, visit ...)
    quad_class: int


@cache
def codes() -> dict[str, CodeInfo]:
    """Every CAMEO code (2 to 4 digits, leading zeros kept) with its facts."""
    table = {}
    with resources.files("eventwire.data").joinpath("cameo/codes.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            table[row["code"]] = CodeInfo(row["code"], row["name"], float(row["goldstein"]), row["plover"] or None,
                                          row["mode"] or None, int(row["quad_class"]))
    return table


def info(code: str) -> CodeInfo:
    """The facts for ``code``; a code the table lacks falls back to its parent (``0235`` -> ``023``)."""
    table = codes()
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    raise KeyError(f"unknown CAMEO code {code!r}")


def known(code: str | None) -> bool:
    return bool(code) and code in codes()
