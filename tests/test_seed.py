"""End to end on the reference article: the facts a careful reader would write down, from one real extraction."""
from __future__ import annotations

import math

import pytest

pytestmark = pytest.mark.model


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_publication_date_inferred_from_the_text(seed_record):
    published = seed_record["published"]
    assert "2024-11-28" <= published["value"][:10] <= "2024-12-02"
    assert published["origin"] in {"text", "inferred"} and 0 < published["confidence"] < 1


def test_putins_threat_is_cameo_13_toward_ukraine(seed_record):
    actors = {a["id"]: a for a in seed_record["actors"]}
    text = seed_record["text"]
    threats = [e for e in seed_record["events"] if e["cameo"].startswith("13")
               and "threatened to launch" in text[e["evidence"][0]:e["evidence"][1]]]
    assert threats, "the threat to launch the Oreshnik at Kiev is not coded as a threat"
    (threat,) = threats
    assert {actors[a]["name"] for a in threat["source"]} == {"Vladimir Putin"}
    assert {actors[a]["country"] for a in threat["target"]} == {"UKR"}
    assert threat["modality"] == "asserted" and threat["quad_class"] == 3 and threat["goldstein"] < 0


def test_sybihas_quote_is_attributed_to_him(seed_record):
    actors = {a["id"]: a for a in seed_record["actors"]}
    (quote,) = [q for q in seed_record["quotes"] if q["text"].startswith("This invitation should not be considered")]
    speaker = actors[quote["speaker"]]
    assert speaker["name"] == "Andrii Sybiha" and speaker["country"] == "UKR"
    assert "foreign minister" in speaker["role"].lower() and speaker["code"] == "UKRGOV"
    assert quote["kind"] == "direct" and quote["cue"] == "stated"
    assert seed_record["text"][quote["span"][0]:quote["span"][1]] == quote["text"]


def test_last_month_is_october_2024(seed_record):
    (last_month,) = [t for t in seed_record["times"] if t["text"] == "last month"]
    assert last_month["type"] == "DATE" and last_month["value"] == "2024-10"


def test_kiev_is_placed_within_25_km_of_the_city(seed_record):
    kiev = [p for p in seed_record["places"] if p["text"] == "Kiev"]
    assert kiev and all(km(p["lat"], p["lon"], 50.45, 30.52) <= 25 for p in kiev)
    assert {p["geonameid"] for p in kiev} == {703448}


def test_every_span_points_at_its_text(seed_record):
    text = seed_record["text"]
    for item in seed_record["times"] + seed_record["places"]:
        assert text[item["span"][0]:item["span"][1]] == item["text"]
    for actor in seed_record["actors"]:
        assert all(0 <= start < end <= len(text) for start, end in actor["mentions"])
    for event in seed_record["events"]:
        start, end = event["trigger"]
        assert event["evidence"][0] <= start < end <= event["evidence"][1]
