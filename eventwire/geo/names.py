"""Name keys: the one normalization shared by the gazetteer's index and its look-ups."""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
#: apostrophes, and the letters written like them (the Hawaiian and Tongan okina, the ayin and hamza of
#: transliterated Arabic): "Nukuʻalofa" is "Nuku'alofa"
_APOSTROPHES = re.compile(r"[’'`ʼ‘ʻʽʿʾ]")
_LATIN = re.compile(r"^[\s0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff'’.,()\-/&]+$")


def fold(name: str) -> str:
    """``name`` lower-cased, accents and apostrophes dropped, other punctuation as single spaces.

    "Dnipropetrovs'k" -> "dnipropetrovsk", "Côte d’Ivoire" -> "cote divoire", "Mazar-i-Sharif" -> "mazar i sharif",
    "St. Louis" -> "st louis", "U.S." -> "us".
    """
    if name.isascii():  # nothing to decompose (the common case: skips a pass per character)
        text = name
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.lower()).replace(".", "")
    return _NON_WORD.sub(" ", text).strip()


def is_latin(name: str) -> bool:
    """True for names written in the Latin script (the only ones an English article is likely to use)."""
    return bool(_LATIN.match(name))


def variants(name: str) -> set[str]:
    """The keys ``name`` is indexed under: its fold, plus "saint"/"st" and "the X" forms."""
    key = fold(name)
    if not key:
        return set()
    out = {key}
    if key.startswith("the "):
        out.add(key[4:])
    if key.startswith("saint "):
        out.add("st " + key[6:])
    elif key.startswith("st "):
        out.add("saint " + key[3:])
    return out
