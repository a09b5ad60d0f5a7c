"""``eventwire ingest`` end to end with the real pipeline: idempotence, changed articles, bad inputs, a killed
run resumed, the demo, and a URL from a local server."""
from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.cli import main
from eventwire.store import Store

from .conftest import ROOT

pytestmark = pytest.mark.model

TABLES = ("documents", "actors", "places", "times", "quotes", "event_mentions", "events", "duplicates", "errors")
CITIES = ["Ahmedabad", "Goma", "Kyiv", "Lagos", "Manila", "Quito", "Dhaka", "Lima", "Accra", "Hanoi"]


WHEN = {"documents": " EXCLUDE (ingested_at)", "events": " EXCLUDE (first_added, updated_at)"}


def snapshot(path, when: bool = True) -> dict[str, list[tuple]]:
    """Every row of every table (without the times of writing unless ``when``)."""
    with Store(path, read_only=True) as store:
        return {t: sorted(store.sql(f"SELECT *{'' if when else WHEN.get(t, '')} FROM {t}")[1], key=repr)
                for t in TABLES}


def write_articles(folder, n=3):
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(
            f"Police arrest {i + 2} men in {CITIES[i]}\n\nPolice arrested {i + 2} men in {CITIES[i]} on Tuesday "
            f"after a protest outside the governor's office, officials said.\n\n"
            f"Source: https://news{i}.example.com/story/{i}", encoding="utf-8")
    return folder


def test_ingesting_twice_changes_nothing_and_parses_nothing_again(tmp_path, capsys):
    folder = write_articles(tmp_path / "in")
    store = tmp_path / "s.duckdb"
    assert main(["ingest", str(folder), "--store", str(store), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    before = snapshot(store)
    assert main(["ingest", str(folder), "--store", str(store), "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert (first["added"], first["unchanged"]) == (3, 0)
    assert (second["added"], second["replaced"], second["unchanged"]) == (0, 0, 3)
    assert {o["status"] for o in second["outcomes"]} == {"unchanged"}
    assert snapshot(store) == before
    assert sorted(row[1] for row in before["documents"]) == ["a0", "a1", "a2"]


def test_a_changed_article_replaces_its_rows_and_a_bad_input_is_recorded(tmp_path, capsys):
    folder = write_articles(tmp_path / "in")
    store = tmp_path / "s.duckdb"
    assert main(["ingest", str(folder), "--store", str(store), "-q"]) == 0
    changed = folder / "a1.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("on Tuesday", "on Wednesday"),
                       encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    assert main(["ingest", str(folder), "--store", str(store)]) == 1  # some input failed
    err = capsys.readouterr().err
    assert "1 replaced" in err and "2 unchanged" in err and "1 errors" in err and "binary" in err
    with Store(store, read_only=True) as s:
        texts = [t for (t,) in s.sql("SELECT text FROM documents WHERE record_id = 'a1'")[1]]
        errors = s.errors()
        assert s.stats()["tables"]["documents"] == 3
    assert len(texts) == 1 and "on Wednesday" in texts[0]
    assert [(e["code"], e["record_id"]) for e in errors] == [("binary", "broken")]


def test_ingest_usage_errors(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s.duckdb")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_killed_ingest_keeps_what_it_committed_and_a_rerun_finishes_without_duplicates(tmp_path):
    n = 40
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({
        "id": f"k{i}", "published": f"2024-05-0{1 + i % 9}",
        "text": f"Police arrested {i + 2} protesters in {CITIES[i % 10]} on Monday after clashes near the "
                f"parliament, the interior ministry said in statement number {i}."}) for i in range(n)),
        encoding="utf-8")
    killed, reference = tmp_path / "killed.duckdb", tmp_path / "reference.duckdb"
    command = [sys.executable, "-m", "eventwire", "ingest", str(source), "--progress", "--batch-size", "4"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with subprocess.Popen(command + ["--store", str(killed)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                          text=True, env=env, cwd=ROOT) as run:
        committed, times = 0, []
        deadline = time.monotonic() + 240
        for line in run.stderr:
            found = re.search(r"(\d+) committed", line)
            if found:
                committed = int(found.group(1))
                times.append(time.monotonic())
            if committed >= 12 or time.monotonic() > deadline:
                break
        # stop it at a random moment of the next batch: while parsing, or while writing its transaction
        time.sleep(random.uniform(0, max(times[-1] - times[-2], 0.05) if len(times) > 1 else 0.1))
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL and 12 <= committed < n
    after_kill = snapshot(killed)
    assert committed <= len(after_kill["documents"]) < n  # nothing committed is lost
    # the reference: the same input in one uninterrupted run
    assert main(["ingest", str(source), "--store", str(reference), "-q", "--batch-size", "4"]) == 0
    # nothing is half written: every stored document has all of its rows
    with Store(killed, read_only=True) as s, Store(reference, read_only=True) as r:
        query = ("SELECT d.record_id, (SELECT count(*) FROM actors a WHERE a.doc_id = d.id), "
                 "(SELECT count(*) FROM event_mentions m WHERE m.doc_id = d.id), "
                 "(SELECT count(*) FROM times t WHERE t.doc_id = d.id) FROM documents d")
        partial, full = dict((row[0], row[1:]) for row in s.sql(query)[1]), dict((row[0], row[1:]) for row in
                                                                                r.sql(query)[1])
        assert all(full[k] == v for k, v in partial.items())
        assert s.sql("SELECT count(*) FROM event_mentions WHERE event_id IS NULL")[1] == [(0,)]
    # the re-run finishes the job: the same rows as the uninterrupted run, no duplicates
    assert main(["ingest", str(source), "--store", str(killed), "-q", "--batch-size", "4"]) == 0
    resumed = snapshot(killed, when=False)
    assert len(resumed["documents"]) == n
    assert resumed == snapshot(reference, when=False)


def test_the_demo_stores_its_articles(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "stored in eventwire.duckdb" in out
    with Store(tmp_path / "eventwire.duckdb", read_only=True) as store:
        assert store.stats()["tables"]["documents"] == 6
    assert main(["demo"]) == 0
    assert "6 unchanged" in capsys.readouterr().out


class _Page(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        body = (b"<html><head><title>Rebels attack convoy</title></head><body><article><h1>Rebels attack convoy</h1>"
                b"<p>Rebels attacked a United Nations convoy near Goma on Sunday, killing two peacekeepers, the "
                b"mission said in a statement.</p><p>The convoy was carrying food to camps north of the city.</p>"
                b"</article></body></html>") if self.path == "/news/convoy" else b""
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_ingest_a_url(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_FETCH_DELAY", "0")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/news/convoy"
    try:
        assert main(["ingest", url, "--store", str(tmp_path / "s.duckdb"), "-q"]) == 0
    finally:
        server.shutdown()
        server.server_close()
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        (doc,) = store.documents()
    assert doc["url"] == url and doc["title"] == "Rebels attack convoy" and doc["record_id"] == url


def test_a_syndicated_copy_through_the_pipeline_reports_the_same_events(tmp_path, pipeline):
    from eventwire.ingest import article_from_text

    from .store_records import STRIKE

    copy = STRIKE.replace("The attack damaged power lines across the region and left a million homes without "
                          "heat. ", "")
    articles = [article_from_text(STRIKE, doc_id="original", published="2024-11-29", title="Russia strikes Kyiv",
                                  url="https://www.example-news.com/world/strike"),
                article_from_text(copy, doc_id="copy", published="2024-11-30", url="https://other-wire.org/n/1",
                                  title="Missiles hit Ukrainian capital")]  # another site, a day later
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents(pipeline.run(articles))
        original, syndicated = store.document_dict("original"), store.document_dict("copy")
        assert [d["id"] for d in syndicated["near_duplicates"]] == [original["id"]]
        assert syndicated["events"], "the pipeline found no events in the copy"
        shared = {e["event_id"] for e in original["events"]}
        assert all(e["event_id"] in shared for e in syndicated["events"])
        for event_id in {e["event_id"] for e in syndicated["events"]}:
            event = store.event(event_id)
            assert event["articles"] == 2 and event["sources"] == 2 and event["independent"] == 1
