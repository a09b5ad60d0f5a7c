"""One event from many reports: clustering of event mentions across articles, and near-duplicate articles."""
from __future__ import annotations

import pytest

from eventwire.store import Store

from .store_records import make_doc, strike, syndicated_copy

ATTACK = "Russia launched a missile attack on Ukraine, hitting Kyiv on Thursday."


def report(n: int, text: str = ATTACK, **event) -> object:
    """Report ``n`` of an attack, in words of its own (so that no two evidence sentences are the same)."""
    spec = {"trigger": "attack", "source": "Russia", "target": "Ukraine", "cameo": "195", "place": "Kyiv"}
    spec.update(event)
    return make_doc(text.replace(" on Thursday", f" on Thursday, correspondent {n} said", 1), doc_id=f"r{n}",
                    url=f"https://site{n}.example.org/story", events=(spec,))


def partition(store: Store) -> set[frozenset[str]]:
    """The events as sets of (record id, event id) mentions."""
    rows = store.sql("SELECT m.event_id, d.record_id || '/' || m.local_id FROM event_mentions m "
                     "JOIN documents d ON d.id = m.doc_id")[1]
    groups: dict[str, set[str]] = {}
    for event, mention in rows:
        groups.setdefault(event, set()).add(mention)
    return {frozenset(g) for g in groups.values()}


def clusters(tmp_path, docs) -> set[frozenset[str]]:
    with Store(tmp_path / "c.duckdb") as store:
        store.add_documents(docs)
        return partition(store)


def test_reports_of_the_same_event_from_several_sites_are_one_event(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.add_documents([report(1), report(2)])
        store.add_documents([report(3)])  # a later batch joins the same event
        (event,) = store.events()
        full = store.event(event["id"])
    assert (event["mentions"], event["articles"], event["sources"]) == (3, 3, 3)
    assert event["cameo"] == "195" and event["date"] == "2024-11-28" and event["place_name"] == "Kyiv"
    assert (event["source_name"], event["target_name"]) == ("Russia", "Ukraine")
    assert set(event["agreement"].values()) == {1.0}
    assert sorted(r["doc_id"] for r in full["reports"]) == sorted({r["doc_id"] for r in full["reports"]})
    assert all(r["evidence_text"].startswith("Russia launched") for r in full["reports"])
    assert all(r["trigger_text"] == "attack" for r in full["reports"])


@pytest.mark.parametrize("change", [
    {"date": "2024-11-30"},  # another day
    {"place": "Lviv"},  # another city, 470 km away
    {"cameo": "040", "trigger": "hitting"},  # another code family
    {"modality": "negated"},  # "did not attack" is not the attack
    {"source": "Ukraine", "target": "Russia"},  # the other way round
    {"source": "NATO", "target": None},  # other actors
])
def test_incompatible_reports_stay_apart(tmp_path, change):
    text = ATTACK.replace("Kyiv", "Kyiv and Lviv") + " NATO condemned it."
    assert len(clusters(tmp_path, [report(1, text), report(2, text, **change)])) == 2


@pytest.mark.parametrize("change", [
    {"place": None},  # an unknown place agrees with any
    {"place": "Ukraine"},  # the country holds the city
    {"target": None},  # the target is unknown, the source agrees
    {"date": "2024-11-29", "date_origin": "published"},  # dated by publication: the event may be the day before
    {"cameo": "190"},  # the same family (19), a less specific code
])
def test_compatible_reports_join(tmp_path, change):
    text = ATTACK.replace("Kyiv", "Kyiv in Ukraine")
    assert len(clusters(tmp_path, [report(1, text), report(2, text, **change)])) == 1


def test_a_country_code_holds_its_government_and_military(tmp_path):
    text = "Russia and Russian troops launched a missile attack on Ukraine, hitting Kyiv on Thursday."
    docs = [report(1, text, source="Russia"), report(2, text, source="Russian troops")]
    assert len(clusters(tmp_path, docs)) == 2  # RUSGOV and RUSMIL differ
    docs[0].actors[0].code = "RUS"
    assert len(clusters(tmp_path / "again", docs)) == 1  # RUS holds RUSMIL


def test_coarse_dates_join_only_the_same_period(tmp_path):
    docs = [report(1, date="2024-11"), report(2, date="2024-11"), report(3, date="2024-11-28")]
    assert sorted(len(g) for g in clusters(tmp_path, docs)) == [1, 2]


def test_a_shared_year_joins_nothing_but_the_event_keeps_its_year(tmp_path):
    docs = [report(1, date="2024"), report(2, date="2024")]
    assert sorted(len(g) for g in clusters(tmp_path, docs)) == [1, 1]
    with Store(tmp_path / "c.duckdb", read_only=True) as store:
        assert {row["date"] for row in store.events(since="2024-06")} == {"2024"}  # a year still filters by range


def copy_of_attack(n: int, date: str) -> object:
    return make_doc(f"{ATTACK} Copy {n}.", doc_id=f"c{n}", url=f"https://copy{n}.example.org/s",
                    events=({"trigger": "attack", "source": "Russia", "target": "Ukraine", "cameo": "195",
                             "place": "Kyiv", "date": date},))


def test_the_same_evidence_sentence_joins_across_articles_despite_other_dates(tmp_path):
    # copies published on other days resolved "Thursday" to other days; a week later it is another event
    docs = [copy_of_attack(1, "2024-11-28"), copy_of_attack(2, "2024-11-29"), copy_of_attack(3, "2024-11-30"),
            copy_of_attack(4, "2024-12-05")]
    assert clusters(tmp_path, docs) == {frozenset({"c1/e1", "c2/e1", "c3/e1"}), frozenset({"c4/e1"})}


def test_clusters_do_not_depend_on_the_order_of_arrival(tmp_path):
    docs = [report(1), report(2, place=None), report(3, target=None), report(4, date="2024-11-30"),
            report(5, source="Ukraine", target="Russia"), report(6, date="2024-11-29", date_origin="published")]
    forward = clusters(tmp_path / "a", docs)
    one_by_one = tmp_path / "b"
    with Store(one_by_one / "c.duckdb") as store:
        for doc in reversed(docs):
            store.add_documents([doc])
        backward = partition(store)
    assert forward == backward
    assert sorted(len(g) for g in forward) == [1, 1, 4]


def test_per_field_agreement_counts_the_reports_that_agree(tmp_path):
    text = ATTACK.replace("Kyiv", "Kyiv in Ukraine")
    docs = [report(1, text), report(2, text), report(3, text, cameo="194", place="Ukraine"),
            report(4, text, place=None)]
    with Store(tmp_path / "c.duckdb") as store:
        store.add_documents(docs)
        (event,) = store.events()
    assert event["cameo"] == "195"
    assert event["agreement"]["code"] == pytest.approx(3 / 4, abs=0.001)
    assert event["agreement"]["place"] == pytest.approx(2 / 3, abs=0.001)  # of the three reports with a place
    assert event["agreement"]["date"] == 1.0


def test_a_changed_report_leaves_its_event_and_the_event_keeps_its_id(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.add_documents([report(1), report(2), report(3)])
        (before,) = store.events()
        moved = report(3, "Russia launched another missile attack on Ukraine, hitting Kyiv on Thursday.",
                       date="2024-11-30")
        summary = store.add_documents([moved])
        after = {e["id"]: e for e in store.events()}
        assert summary.replaced == 1
        assert after[before["id"]]["mentions"] == 2  # the bigger part keeps the id
        assert sorted(e["mentions"] for e in after.values()) == [1, 2]
        assert store.sql("SELECT count(*) FROM event_mentions WHERE event_id IS NULL")[1] == [(0,)]
        assert store.sql("SELECT count(*) FROM events e WHERE mentions <> (SELECT count(*) FROM event_mentions m "
                         "WHERE m.event_id = e.id)")[1] == [(0,)]


def test_a_syndicated_copy_is_a_near_duplicate_whose_events_are_mentions_of_the_same_events(tmp_path):
    unrelated = make_doc("Police arrested protesters in Moscow on Saturday after a rally against the war. "
                         "The protesters were taken to police stations across the city.", doc_id="moscow",
                         events=({"trigger": "arrested", "source": "police", "target": "protesters",
                                  "cameo": "145", "place": "Moscow", "date": "2024-11-30"},))
    with Store(tmp_path / "c.duckdb") as store:
        store.add_documents([strike(), unrelated])
        summary = store.add_documents([syndicated_copy()])
        original = store.document_dict("strike")
        copy = store.document_dict("copy")
        events = {e["id"]: e for e in store.events()}
    assert summary.near_duplicates == 1
    assert [d["id"] for d in copy["near_duplicates"]] == [original["id"]]
    assert copy["near_duplicates"][0]["containment"] >= 0.8
    assert [e["event_id"] for e in copy["events"]] == [e["event_id"] for e in original["events"]]
    for event in copy["events"]:
        shared = events[event["event_id"]]
        assert (shared["mentions"], shared["articles"], shared["sources"]) == (2, 2, 2)
        assert shared["independent"] == 1  # two articles, one story
    assert len(events) == 3


def test_near_duplicate_groups_follow_replacements(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.add_documents([strike(), syndicated_copy()])
        groups = dict(store.sql("SELECT record_id, dup_group FROM documents")[1])
        assert groups["strike"] == groups["copy"]
        rewritten = make_doc("An entirely different story now: police arrested protesters in Moscow on Saturday.",
                             doc_id="copy2", url="https://other-wire.org/news/12345")
        store.add_documents([rewritten])
        groups = dict(store.sql("SELECT record_id, dup_group FROM documents")[1])
        assert store.sql("SELECT count(*) FROM duplicates")[1] == [(0,)]
        assert groups["strike"] != groups["copy2"]
        assert store.events(code="195")[0]["independent"] == 1
