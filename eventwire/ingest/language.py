"""Language identification (py3langid), with a guard for short English texts that the model misreads."""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-zA-Z']+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in is was were are for on that with as by at from it its his her their this be has have had "
    "not but or an a which who said will would after about than been also into".split()
)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_share(text: str) -> float:
    words = _WORD.findall(text[:5000].lower())
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


ENGLISH_SHARE = 0.2  # texts with this share of English function words or more are English, whatever the model says
UNSURE = 0.5  # a short text the model gives another language with less than this probability is taken as English
SHORT = 400  # characters


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability). English function words overrule the model on short or odd texts."""
    sample = text[:5000]
    if not sample.strip():
        return "und", 0.0
    lang, prob = _identifier().classify(sample)
    if lang != "en" and english_share(sample) >= ENGLISH_SHARE:
        return "en", max(0.5, 1.0 - prob)
    if lang != "en" and prob < UNSURE and len(sample) <= SHORT:
        # "Ukrainian Foreign Minister Andrii Sybiha met reporters.": names and no function word leave the model
        # guessing (Estonian, p=0.08); a short sentence in another language it names with p > 0.85
        return "en", float(dict(_identifier().rank(sample)).get("en", 0.0))
    return lang, float(prob)


def surely_english(text: str) -> bool:
    """True when ``identify`` calls ``text`` English whatever the model says (its function words overrule the
    model): for a caller that needs the language only, not the model's probability, the model need not run."""
    return english_share(text[:5000]) >= ENGLISH_SHARE
