"""The store on a real DuckDB file: ids, idempotent writes, replacement, round trips, errors, schema, busy."""
from __future__ import annotations

import io
import re
import subprocess
import sys

import duckdb
import pytest

from eventwire.records import InputError
from eventwire.store import Store, StoreBusy, StoreError, canonical_url, document_id
from eventwire.store.schema import LATEST, MIGRATIONS, migrate

from .store_records import STRIKE, make_doc, strike, syndicated_copy

TABLES = ("documents", "actors", "places", "times", "quotes", "event_mentions", "events", "duplicates", "doc_bands",
          "errors")


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    return {t: sorted(store.sql(f"SELECT * FROM {t}")[1], key=repr) for t in TABLES}


@pytest.mark.parametrize("a, b", [
    ("https://www.example.com/a/b/?utm_source=x&id=3#top", "http://example.com/a//b?id=3"),
    ("HTTPS://Example.COM:443/a?y=2&x=1", "https://example.com/a?x=1&y=2"),
])
def test_canonical_urls_ignore_what_does_not_name_the_article(a, b):
    assert canonical_url(a) == canonical_url(b)
    assert document_id(a, "one text") == document_id(b, "another text")


def test_document_ids_without_url_come_from_the_normalised_text():
    assert document_id(None, "Russia  launched\nan attack.") == document_id(None, "RUSSIA launched an attack.")
    assert document_id(None, "Russia launched an attack.") != document_id(None, "Russia launched a new attack.")
    assert document_id("https://example.com/x", "text") != document_id("https://example.com/y", "text")
    assert canonical_url("https://example.com/a?id=1") != canonical_url("https://example.com/a?id=2")
    # pages kept without text (and without URL) are named by where they came from
    assert document_id(None, "", "pages/a.html") != document_id(None, "", "pages/b.html")


def test_a_stored_document_reads_back_as_the_same_record(tmp_path):
    original = strike()
    with Store(tmp_path / "s.duckdb") as store:
        summary = store.add_documents([original])
        (doc_id,) = summary.documents
        back = store.document(doc_id)
        by_record_id = store.document_dict("strike")
    expected = original.to_dict()
    got = back.to_dict()
    assert got.pop("id") == doc_id and expected.pop("id") == "strike"
    assert got == expected
    assert by_record_id["id"] == doc_id and by_record_id["record_id"] == "strike"


def test_extra_fields_of_a_record_survive_the_round_trip(tmp_path):
    record = strike().to_dict()
    record["events"][0]["mode"] = "aerial"  # a field a later events stage may add
    record["actors"][0]["wikidata"] = "Q159"
    record["feed"] = "world"
    with Store(tmp_path / "s.duckdb") as store:
        (doc_id,) = store.add_documents([record]).documents
        back = store.document_dict(doc_id)
    assert back["events"][0]["mode"] == "aerial"
    assert back["actors"][0]["wikidata"] == "Q159"
    assert back["feed"] == "world"


def test_ingesting_the_same_documents_twice_changes_nothing(tmp_path):
    docs = [strike(), syndicated_copy(), make_doc("Police arrested protesters in Moscow on Saturday.", doc_id="m")]
    with Store(tmp_path / "s.duckdb") as store:
        first = store.add_documents(docs)
        before = snapshot(store)
        second = store.add_documents([strike(), syndicated_copy(),
                                      make_doc("Police arrested protesters in Moscow on Saturday.", doc_id="m")])
        after = snapshot(store)
    assert (first.added, first.unchanged) == (3, 0)
    assert (second.added, second.replaced, second.unchanged) == (0, 0, 3)
    assert before == after
    assert len(before["documents"]) == 3


def test_the_same_url_with_a_changed_text_replaces_the_old_rows(tmp_path):
    url = "https://www.example-news.com/world/strike"
    changed = STRIKE.replace("ten people were killed", "twelve people were killed")
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents([strike(url=url)])
        old_event = store.events(code="195")[0]["id"]
        summary = store.add_documents([make_doc(changed, doc_id="strike-v2", url=url + "?utm_source=feed",
                                                events=({"trigger": "attack on Ukraine", "source": "Russia",
                                                         "target": "Ukraine", "cameo": "195", "place": "Kyiv"},))])
        texts = store.sql("SELECT record_id, text FROM documents")[1]
        mentions = store.sql("SELECT count(*) FROM event_mentions")[1][0][0]
        quotes = store.sql("SELECT count(*) FROM quotes")[1][0][0]
        events = store.events()
    assert summary.replaced == 1 and summary.added == 0
    assert texts == [("strike-v2", changed)]
    assert mentions == 1 and quotes == 0  # the old version's rows are gone
    assert [e["id"] for e in events] == [old_event]  # the event keeps its id


def test_replace_rewrites_unchanged_documents_on_request(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents([strike()])
        summary = store.add_documents([strike()], replace=True)
        count = store.sql("SELECT count(*) FROM documents")[1][0][0]
    assert summary.replaced == 1 and count == 1


def test_errors_are_recorded_counted_and_cleared_by_a_later_success(tmp_path):
    bad = InputError("broken", "binary", "in/broken.txt: binary data, not a text article", "in/broken.txt")
    with Store(tmp_path / "s.duckdb") as store:
        first = store.add_documents([bad, strike()])
        store.add_documents([bad])
        recorded = store.errors()
        fixed = make_doc("Police arrested protesters in Moscow on Saturday.", doc_id="broken")
        fixed.input = "in/broken.txt"
        store.add_documents([fixed])
        after = store.errors()
    assert first.errors == 1 and first.added == 1
    assert [(e["input"], e["code"], e["attempts"]) for e in recorded] == [("in/broken.txt", "binary", 2)]
    assert after == []


def test_dict_records_and_error_records_are_accepted_bad_ones_become_errors(tmp_path):
    good = strike().to_dict()
    error = {"id": "x", "error": {"code": "bad_json", "message": "in.jsonl:3: not valid JSON"}, "input": "in.jsonl:3"}
    wrong_type = make_doc("Police arrested protesters in Moscow on Saturday.", doc_id="w").to_dict()
    wrong_type["events"] = [{"id": "e1", "cameo": "145", "quad_class": "four", "sentence": 0}]
    not_a_record = {"id": "y", "title": "no text"}
    with Store(tmp_path / "s.duckdb") as store:
        summary = store.add_documents([good, error, wrong_type, not_a_record])
        codes = sorted(e["code"] for e in store.errors())
        docs = store.sql("SELECT record_id FROM documents")[1]
    assert (summary.added, summary.errors) == (1, 3)
    assert codes == ["bad_json", "bad_record", "bad_record"]
    assert docs == [("strike",)]


def test_a_record_with_repeated_item_ids_is_an_error_and_the_batch_goes_on(tmp_path):
    twice = strike(doc_id="twice").to_dict()
    twice["actors"].append(dict(twice["actors"][0]))
    with Store(tmp_path / "s.duckdb") as store:
        summary = store.add_documents([twice, syndicated_copy()])
        errors = store.errors()
    assert (summary.added, summary.errors) == (1, 1)
    assert errors[0]["code"] == "bad_record" and "a1" in errors[0]["message"]


def test_migrations_are_recorded_and_an_old_store_is_migrated(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    assert migrate(con, upto=1) == [1]
    con.close()
    with pytest.raises(StoreError, match="needs migrating"):
        Store(path, read_only=True)
    with Store(path) as store:
        versions = store.sql("SELECT version, name FROM schema_migrations ORDER BY version")[1]
        assert store.schema_version == LATEST
    assert [v for v, _ in versions] == [m.version for m in MIGRATIONS]
    with Store(path, read_only=True) as store:
        assert store.sql("SELECT count(*) FROM mention_details")[1] == [(0,)]


def test_a_store_from_a_newer_eventwire_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store(path) as store:
        store.sql("INSERT INTO schema_migrations VALUES (99, 'from the future', now())")
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_a_reader_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_one_writer_per_file_in_a_process(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as writer:
        writer.add_documents([strike()])
        with pytest.raises(StoreBusy, match="the store is busy"):
            Store(path)
        with Store(path, read_only=True) as reader:  # readers in the writer's process share its database
            assert reader.count_events() == 2
            with pytest.raises(StoreError, match="read-only"):
                reader.add_documents([syndicated_copy()])
    with Store(path) as again:  # closed writers free the file
        assert again.count_events() == 2


_OPENER = """
import sys
from eventwire.store import Store
for line in sys.stdin:
    mode, path = line.split(maxsplit=1)
    try:
        Store(path.strip(), read_only=mode == "r").close()
        print("opened", flush=True)
    except Exception as error:
        print(type(error).__name__, error, flush=True)
"""


def test_a_second_writer_in_another_process_gets_store_busy(tmp_path):
    path = tmp_path / "s.duckdb"
    with subprocess.Popen([sys.executable, "-c", _OPENER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as other:

        def try_open(mode: str) -> str:
            other.stdin.write(f"{mode} {path}\n")
            other.stdin.flush()
            return other.stdout.readline().strip()

        try:
            with Store(path) as writer:
                writer.add_documents([strike()])
                for mode in ("w", "r"):
                    answer = try_open(mode)
                    assert answer.startswith("StoreBusy the store is busy"), answer
                    assert "open for writing by process" in answer
            with Store(path, read_only=True):  # readers share the file while nothing writes
                assert try_open("r") == "opened"
        finally:
            other.stdin.close()
            other.wait(timeout=60)


def test_sql_on_a_reader_cannot_change_the_store(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_documents([strike()])
    with Store(path, read_only=True) as reader:
        with pytest.raises(StoreError, match="SQL error"):
            reader.sql("DELETE FROM documents")
        assert reader.sql("SELECT count(*) FROM documents")[1] == [(1,)]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_shows_articles_rate_and_errors():
    from eventwire.store.ingest import Progress

    screen = _Terminal()
    progress = Progress(stream=screen, every=0.0)
    for error in (False, True, False):
        progress.tick(error=error)
    progress.committed(3)
    progress.finish()
    last = screen.getvalue().split("\r")[-1]
    assert re.fullmatch(r"eventwire ingest: 3 articles, [\d.]+ articles/s, 1 errors, 3 committed\n", last)
    log = io.StringIO()  # not a terminal: quiet, unless asked for one line per commit
    Progress(stream=log).committed(3)
    lines = Progress(stream=log, lines=True)
    lines.tick()
    lines.committed(1)
    assert log.getvalue().count("\n") == 1 and "1 committed" in log.getvalue()


def test_pages_kept_without_text_are_not_near_duplicates_of_each_other(tmp_path):
    empty = [make_doc("", doc_id=f"live{i}", url=f"https://news.example.com/live/{i}") for i in range(3)]
    with Store(tmp_path / "s.duckdb") as store:
        summary = store.add_documents(empty)
        assert (summary.added, summary.near_duplicates) == (3, 0)
        assert store.sql("SELECT count(DISTINCT dup_group) FROM documents")[1] == [(3,)]
