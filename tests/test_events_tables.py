"""The event-coding tables and the code arithmetic (no model): CAMEO facts, the families of appeals, demands,
intents, threats and refusals, the verb dictionary's pattern matcher, and the build script's output."""
from __future__ import annotations

import filecmp
import subprocess
import sys

import pytest

from eventwire.extract.events import coding, lexicon, tables

from .conftest import ROOT, SHARED


def test_codes_carry_plover_quad_class_and_goldstein():
    attack = tables.info("190")
    assert (attack.plover, attack.quad_class, attack.goldstein) == ("ASSAULT", 4, -10.0)
    assert tables.info("0874").plover == "RETREAT" and tables.info("0874").quad_class == 2
    assert tables.info("163").plover == "COERCE"  # an exception in CAMEO2PLOVER: embargo is coercion
    assert tables.info("057").plover == "SUPPORT" and tables.info("057").quad_class == 1
    assert tables.info("173").mode == "arrest"


def test_statements_and_appeals_have_no_plover_type():
    for code in ("01", "010", "012", "02", "020", "0234"):
        assert tables.info(code).plover is None, code


def test_every_code_has_a_name_and_a_known_root():
    for code, info in tables.codes().items():
        assert info.name and code[:2] in tables.codes(), code
        assert 1 <= info.quad_class <= 4


def test_unknown_subcode_falls_back_to_its_parent():
    assert tables.info("0239").code == "023"
    with pytest.raises(KeyError):
        tables.info("99")


@pytest.mark.parametrize("inner, appeal, demand, intent, refusal", [
    ("072", "0232", "1032", "0332", "1222"),  # military aid
    ("084", "0253", "1053", "0353", "1243"),  # release persons
    ("046", "026", "106", "036", "125"),  # negotiate
    ("057", "027", "107", "037", "127"),  # settle (sign an agreement)
    ("062", "0212", "1012", "0312", "1212"),  # military cooperation
    (None, "020", "100", "030", "120"),
])
def test_the_parallel_families_follow_what_is_asked_promised_or_refused(inner, appeal, demand, intent, refusal):
    assert coding.appeal(inner) == appeal
    assert coding.demand(inner) == demand
    assert coding.intent(inner) == intent
    assert coding.refusal(inner) == refusal


@pytest.mark.parametrize("inner, threat", [
    ("195", "1384"), ("192", "1382"), ("163", "1312"), ("1723", "1323"), ("141", "133"), ("173", "137"),
    (None, "130"), ("040", "130"),
])
def test_threats_by_what_is_threatened(inner, threat):
    assert coding.threat(inner) == threat


def test_promising_violence_is_a_threat():
    assert coding.intent("190") == "1384"


def test_a_planned_show_of_force_stays_a_show_of_force():
    assert coding.intent("150") == "150"  # "3,000 guards will patrol the streets": a posture, not a threat
    assert coding.intent("154") == "154"


def test_halting_and_accepting():
    assert coding.halt("042") == "161"  # a visit cancelled
    assert coding.halt("046") == "164"  # talks halted
    assert coding.halt("073") == "1623"  # humanitarian aid cut
    assert coding.halt("163") == "085"  # sanctions lifted
    assert coding.halt("190") == "087"  # attacks stopped: de-escalation
    assert coding.halt("010") is None
    assert coding.accept("100") == "080"  # a demand met
    assert coding.accept("040") == "036"  # an invitation accepted
    assert coding.accept("190") is None


def test_combine_keeps_the_verbs_own_code_where_the_complement_says_nothing():
    assert coding.combine("threat", None, "130") == "130"
    assert coding.combine("light", "195", None) == "195"
    assert coding.combine("light", "186", None) == "185"  # an attempted assassination
    assert coding.combine("demand", None, "030") == "100"  # a demand, whatever the dictionary's pattern said
    assert coding.combine("fail", "190", None) == "190"


def keys(*words: str) -> list[frozenset[str]]:
    return [frozenset(w.split("/")) for w in words]


def test_dictionary_pattern_refines_the_verb_code():
    verbs = lexicon.verbs()
    (entry,) = [e for e in verbs.entries("kill", "killed") if not e.words]
    post = keys("in", "a", "gunbattle")
    assert verbs.match(entry, [], post, frozenset().union(*post), "kill").code == "193"
    post = keys("in", "an", "accident")
    assert verbs.match(entry, [], post, frozenset().union(*post), "kill").code is None  # no event at all
    post = keys("three", "people/person")
    match = verbs.match(entry, [], post, frozenset().union(*post), "kill")
    assert match.code == "190" and match.weight == 0.0  # the block's default


def test_phrase_in_braces_must_be_contiguous():
    verbs = lexicon.verbs()
    (entry,) = [e for e in verbs.entries("kill", "killed") if not e.words]
    pre = keys("suicide", "car", "attack")  # {SUICIDE ATTACK} needs the two words side by side
    assert verbs.match(entry, pre, [], frozenset().union(*pre), "kill").code != "183"
    pre = keys("a", "suicide", "attack")
    assert verbs.match(entry, pre, [], frozenset().union(*pre), "kill").code == "183"


def test_base_forms_cover_the_taggers_misses():
    assert "stage" in lexicon.base_forms("staged")
    assert "stop" in lexicon.base_forms("stopped")
    assert "bury" in lexicon.base_forms("buried")


def test_event_nouns_and_roles_are_loaded():
    nouns = lexicon.nouns()
    assert any(s.code == "195" and "air" in s.modifiers for s in nouns["strike"])
    assert nouns["proposal"][0].alone is False and nouns["attack"][-1].alone is True
    roles = lexicon.roles()
    assert roles["threaten"] == "threat" and roles["call off"] == "halt" and roles["urge"] == "appeal"


@pytest.mark.skipif(not (SHARED / "reference" / "cameo" / "cameo_codes.csv").exists(),
                    reason="the reference tables are not at ../shared/reference")
def test_build_script_reproduces_the_committed_tables(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_cameo_tables.py"), "--reference",
                    str(SHARED / "reference"), "--out", str(tmp_path)], check=True, capture_output=True)
    committed = ROOT / "eventwire" / "data" / "cameo"
    for name in ("codes.tsv", "verbs.json"):
        assert filecmp.cmp(tmp_path / name, committed / name, shallow=False), name
