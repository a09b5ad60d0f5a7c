"""The gazetteer: name keys, look-ups by name and alternate name, the on-disk index and its cache key."""
from __future__ import annotations

import os

import pytest

from eventwire.geo import fold, get_gazetteer, index_path
from eventwire.geo.build import CODE
from eventwire.geo.gazetteer import ensure_index
from eventwire.geo.names import variants


def test_fold_drops_accents_apostrophes_and_dots():
    assert fold("Dnipropetrovs'k") == "dnipropetrovsk"
    assert fold("Côte d’Ivoire") == "cote divoire"
    assert fold("Mazar-i-Sharif") == "mazar i sharif"
    assert fold("U.S.") == "us"
    assert fold("St. Louis") == "st louis"
    assert fold("Nukuʻalofa") == fold("Nuku'alofa") == "nukualofa"  # the okina is an apostrophe-like letter
    assert fold("Sanʿaʾ") == fold("San'a'") == "sana"


def test_variants_cover_saint_and_leading_article():
    assert variants("St. Petersburg") == {"st petersburg", "saint petersburg"}
    assert "hague" in variants("The Hague")


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _ids(gaz, name):
    return {c.entry.id for c in gaz.candidates(name)}


def test_kiev_and_kyiv_name_the_same_city(gaz):
    assert 703448 in _ids(gaz, "Kiev")
    assert 703448 in _ids(gaz, "Kyiv")
    kyiv = gaz.get(703448)
    assert kyiv.country == "UA" and kyiv.feature == "PPLC"


def test_dnipro_under_its_old_name(gaz):
    assert 709930 in _ids(gaz, "Dnipropetrovsk")
    assert 709930 in _ids(gaz, "Dnipro")


def test_small_places_are_in(gaz):
    (yar,) = [c.entry for c in gaz.candidates("Kapustin Yar")]
    assert yar.country == "RU" and abs(yar.lat - 48.58) < 0.1 and abs(yar.lon - 45.75) < 0.1


def test_countries_regions_and_state_codes(gaz):
    ukraine = gaz.countries["UA"]
    assert ukraine.feature == "PCLI" and abs(ukraine.lat - 49) < 1 and abs(ukraine.lon - 32) < 1
    texas = [c for c in gaz.candidates("Texas") if c.entry.feature == "ADM1"]
    assert texas and texas[0].entry.country == "US"
    assert any(c.kind == CODE and c.entry.id == texas[0].entry.id for c in gaz.candidates("Tex."))
    assert gaz.candidates("Donbas")[0].entry.country == "UA"


def test_demonyms_map_to_countries_not_places(gaz):
    assert gaz.country_of_demonym("French") == "FR"
    assert gaz.country_of_demonym("Ukrainians") == "UA"
    assert gaz.country_of_demonym("Paris") is None


def test_an_unknown_name_has_no_candidate(gaz):
    assert gaz.candidates("Zzyzxqwa") == []


def test_the_index_is_cached_under_a_key_of_its_sources(gaz):
    path = ensure_index(500)
    assert path == gaz.path and path.exists()
    before = os.stat(path).st_mtime_ns
    assert ensure_index(500) == path  # found, not rebuilt
    assert os.stat(path).st_mtime_ns == before
    assert index_path(500) != index_path(15000)  # another population floor is another index


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    assert index_path(500).parent == tmp_path


def test_a_repeated_look_up_gives_the_same_candidates_in_a_list_of_its_own(gaz):
    first = gaz.lookup(["dnipro", "zzz no such place"])
    again = gaz.lookup(["dnipro", "zzz no such place", "kyiv"])
    assert "zzz no such place" not in first and "zzz no such place" not in again
    assert [c.entry.id for c in again["dnipro"]] == [c.entry.id for c in first["dnipro"]]
    assert again["kyiv"] == gaz.lookup(["kyiv"])["kyiv"]
    first["dnipro"].clear()  # a caller may change what it got: the next caller is not affected
    assert gaz.lookup(["dnipro"])["dnipro"] == again["dnipro"]


def test_ascii_and_accented_names_fold_alike():
    assert fold("Zaporizhzhia Oblast") == "zaporizhzhia oblast"
    assert fold("Zaporízhzhia") == fold("Zaporizhzhia")
    assert fold("Ukrainians") == "ukrainians"


def test_demonyms_answer_the_same_when_asked_again(gaz):
    for _ in range(2):
        assert gaz.country_of_demonym("Ukrainians") == "UA"
        assert gaz.country_of_demonym("French") == "FR"
        assert gaz.country_of_demonym("Minister") is None
