"""Queries, exports and the query commands, over a real store file built from hand-made records."""
from __future__ import annotations

import csv
import json

import duckdb
import pytest

from eventwire.cli import main
from eventwire.store import FilterError, Store
from eventwire.store.export import GDELT_COLUMNS

from .store_records import make_doc, strike, syndicated_copy


def protest():
    return make_doc("Police arrested protesters in Moscow on Saturday after a rally against the war. "
                    "Protesters marched through the centre of Moscow.", doc_id="moscow",
                    url="https://www.moscow-times.example/news/rally", published="2024-12-01",
                    events=({"trigger": "arrested", "source": "police", "target": "protesters", "cameo": "145",
                             "place": "Moscow", "date": "2024-11-30"},))


def talks():
    return make_doc("NATO ministers will meet in Brussels to consult Ukraine on air defence.", doc_id="talks",
                    url="https://brussels.example.eu/nato", published="2024-11-20",
                    events=({"trigger": "meet", "source": "NATO", "target": "Ukraine", "cameo": "040",
                             "place": "Brussels", "date": "2024-12-03", "modality": "future"},))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "q.duckdb"
    with Store(path) as store:
        store.add_documents([strike(), syndicated_copy(), protest(), talks()])
    return path


@pytest.fixture
def store(store_path):
    with Store(store_path, read_only=True) as reader:
        yield reader


def codes(rows):
    return sorted(r["cameo"] for r in rows)


@pytest.mark.parametrize("filters, expected", [
    ({}, ["040", "111", "145", "195"]),
    ({"actor": "russia"}, ["111", "195"]),
    ({"actor": "IGOWSTNAT"}, ["040"]),
    ({"country": "UKR"}, ["040", "111", "195"]),
    ({"country": "RU"}, ["111", "145", "195"]),  # alpha-2 works; Moscow counts
    ({"code": "19"}, ["195"]),
    ({"code": "1"}, ["111", "145", "195"]),
    ({"code": "assault"}, ["195"]),
    ({"quad_class": 4}, ["145", "195"]),
    ({"modality": "future"}, ["040"]),
    ({"since": "2024-11-30"}, ["040", "145"]),
    ({"until": "2024-11-29"}, ["111", "195"]),
    ({"since": "2024-11", "until": "2024-11"}, ["111", "145", "195"]),
    ({"place": "kyiv"}, ["195"]),
    ({"place": "524901"}, ["145"]),
    ({"bbox": "20,44,41,53"}, ["195"]),  # Ukraine's box
    ({"source": "other-wire.org"}, ["111", "195"]),
    ({"source": "moscow-times.example", "code": "19"}, []),
])
def test_event_filters(store, filters, expected):
    assert codes(store.events(**filters)) == expected
    assert store.count_events(**filters) == len(expected)


def test_doc_filter_gives_the_events_a_document_reports(store):
    doc_id = store.document_dict("moscow")["id"]
    assert codes(store.events(doc_id=doc_id)) == ["145"]


@pytest.mark.parametrize("filters", [{"country": "XX"}, {"code": "19x"}, {"since": "last week"},
                                     {"quad_class": 7}, {"bbox": "1,2,3"}, {"sort": "size"}, {"limit": 0},
                                     {"after": "not-a-cursor"}])
def test_bad_filters_are_refused_with_a_clear_error(store, filters):
    with pytest.raises(FilterError):
        store.events(**filters)


@pytest.mark.parametrize("sort", ["date", "-date", "mentions", "-mentions", "articles", "-articles"])
def test_cursor_pages_cover_every_event_once_in_order(store, sort):
    everything = [r["id"] for r in store.events(sort=sort, limit=100)]
    seen, cursor = [], None
    while True:
        page = store.events_page(sort=sort, limit=1, after=cursor)
        seen += [r["id"] for r in page.rows]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == everything and len(seen) == 4


def test_events_sorted_by_date(store):
    assert [r["date"] for r in store.events(sort="date")] == ["2024-11-28", "2024-11-28", "2024-11-30",
                                                              "2024-12-03"]


def test_quotes_actors_timeline_documents(store):
    (quote,) = store.quotes(speaker="sybiha")
    assert quote["text"] == "Ukraine needs more air defence systems" and quote["speaker_code"] == "UKRGOV"
    assert store.quotes(text="AIR DEFENCE")[0]["id"] == "q1"
    assert store.quotes(source="moscow-times") == []
    actors = {a["key"]: a for a in store.actors()}
    assert actors["RUSGOV"]["documents"] == 2 and actors["RUSGOV"]["as_source"] == 2
    assert actors["RUSGOV"]["as_target"] == 2  # "Ukraine accused Russia", in both copies
    assert actors["UKRGOV"]["quotes"] == 1
    assert [a["key"] for a in store.actors(country="RU")] == ["RUSGOV"]
    months = store.timeline(by="month")
    assert [(m["period"], m["events"]) for m in months] == [("2024-11-01", 3), ("2024-12-01", 1)]
    split = store.timeline(by="month", split="quad_class", since="2024-11-30")
    assert [(m["period"], m["quad_class"], m["events"]) for m in split] == [("2024-11-01", 4, 1),
                                                                            ("2024-12-01", 1, 1)]
    docs = store.documents()
    assert [d["record_id"] for d in docs][0] == "moscow"  # most recently published first
    assert {d["record_id"]: d["events"] for d in docs} == {"strike": 2, "copy": 2, "moscow": 1, "talks": 1}


def test_gdelt_export_has_gdelts_61_columns(store, tmp_path):
    out = tmp_path / "events.tsv"
    store.export("gdelt", out, header=True)
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    header, body = rows[0], rows[1:]
    assert len(GDELT_COLUMNS) == 61 and header == [name for name, _ in GDELT_COLUMNS]
    assert header[:2] == ["GLOBALEVENTID", "SQLDATE"] and header[-1] == "SOURCEURL"
    assert all(len(row) == 61 for row in body) and len(body) == 4
    attack = dict(zip(header, next(r for r in body if r[header.index("EventCode")] == "195"), strict=True))
    assert attack["SQLDATE"] == "20241128" and attack["MonthYear"] == "202411" and attack["Year"] == "2024"
    assert (attack["Actor1Code"], attack["Actor1CountryCode"], attack["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (attack["Actor2Code"], attack["Actor2Name"]) == ("UKRGOV", "Ukraine")
    assert (attack["EventBaseCode"], attack["EventRootCode"], attack["QuadClass"]) == ("195", "19", "4")
    assert (attack["NumMentions"], attack["NumSources"], attack["NumArticles"]) == ("2", "2", "2")
    assert attack["ActionGeo_FullName"] == "Kyiv, Ukraine" and attack["ActionGeo_CountryCode"] == "UP"
    assert attack["ActionGeo_Type"] == "4" and attack["ActionGeo_FeatureID"] == "703448"
    assert attack["IsRootEvent"] == "1" and attack["AvgTone"] == "" and attack["Actor1Geo_Type"] == ""
    assert attack["SOURCEURL"].startswith("https://") and len(attack["DATEADDED"]) == 14
    store.export("gdelt", out, code="14")
    assert [r.split("\t")[26] for r in out.read_text(encoding="utf-8").splitlines()] == ["145"]


def test_plover_export_writes_one_record_per_event_with_a_plover_type(store, tmp_path):
    out = tmp_path / "events.jsonl"
    store.export("plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["event_type"] for r in records) == ["ACCUSE", "ASSAULT", "CONSULT", "PROTEST"]
    attack = next(r for r in records if r["event_type"] == "ASSAULT")
    assert attack["actor"][0]["code"] == "RUSGOV" and attack["recipient"][0]["code"] == "UKRGOV"
    assert attack["location"]["geonameid"] == 703448 and attack["quad_category"] == "material conflict"
    assert len(attack["reports"]) == 2 and attack["reports"][0]["text"].startswith("Russia launched")
    meeting = next(r for r in records if r["event_type"] == "CONSULT")
    assert meeting["aux_mode"] == "future"


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_table_exports_write_one_readable_file_per_table(store, tmp_path, fmt):
    written = store.export(fmt, tmp_path / fmt)
    names = sorted(p.name for p in written)
    assert f"documents.{fmt}" in names and f"events.{fmt}" in names and f"event_mentions.{fmt}" in names
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    con = duckdb.connect()
    for path in written:
        count = con.execute(f"SELECT count(*) FROM {reader}('{path}')").fetchall()[0][0]
        table = path.stem
        assert count == store.sql(f"SELECT count(*) FROM {table}")[1][0][0], table
    assert con.execute(f"SELECT count(*) FROM {reader}('{tmp_path / fmt / f'documents.{fmt}'}') "
                       "WHERE text LIKE 'Russia launched%'").fetchall()[0][0] == 2


def test_table_exports_refuse_filters(store, tmp_path):
    with pytest.raises(FilterError):
        store.export("csv", tmp_path / "x", code="19")
    with pytest.raises(FilterError):
        store.export("xml", tmp_path / "x.xml")


# -- the commands ---------------------------------------------------------------------------------------------

def run(capsys, *argv):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_query_commands_print_tables_and_json(store_path, capsys):
    status, out, _ = run(capsys, "events", "--store", str(store_path), "--code", "19")
    assert status == 0 and "ASSAULT" in out and "Russia" in out and "Kyiv" in out
    status, out, _ = run(capsys, "events", "--store", str(store_path), "--json", "--country", "RUS")
    assert status == 0 and codes(json.loads(out)) == ["111", "145", "195"]
    event_id = json.loads(out)[0]["id"]
    status, out, _ = run(capsys, "events", "--store", str(store_path), "--id", event_id)
    assert status == 0 and "reports" in out and "agreement" in out
    status, out, _ = run(capsys, "quotes", "--store", str(store_path), "--speaker", "Sybiha")
    assert status == 0 and "air defence" in out
    status, out, _ = run(capsys, "actors", "--store", str(store_path), "--json")
    assert status == 0 and "RUSGOV" in {a["key"] for a in json.loads(out)}
    status, out, _ = run(capsys, "timeline", "--store", str(store_path), "--by", "day")
    assert status == 0 and "2024-11-28" in out and "#" in out
    status, out, _ = run(capsys, "sql", "--store", str(store_path), "SELECT count(*) AS n FROM documents", "--json")
    assert status == 0 and json.loads(out) == [{"n": 4}]


def test_query_commands_report_bad_filters_and_missing_stores(store_path, tmp_path, capsys):
    status, _, err = run(capsys, "events", "--store", str(store_path), "--country", "XX")
    assert status == 2 and "unknown country code" in err
    status, _, err = run(capsys, "events", "--store", str(tmp_path / "none.duckdb"))
    assert status == 1 and "no store" in err
    status, _, err = run(capsys, "sql", "--store", str(store_path), "DROP TABLE events")
    assert status == 1 and "SQL error" in err


def test_export_command(store_path, tmp_path, capsys):
    out = tmp_path / "g.tsv"
    status, _, err = run(capsys, "export", "--store", str(store_path), "--format", "gdelt", "--output", str(out))
    assert status == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 4 and "exported" in err
    status, out_text, _ = run(capsys, "export", "--store", str(store_path), "-f", "plover", "-o", "-",
                              "--actor", "NATO")
    assert status == 0 and json.loads(out_text)["event_type"] == "CONSULT"


def test_the_docs_list_every_gdelt_column():
    from .conftest import ROOT

    text = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    assert all(name in text for name, _ in GDELT_COLUMNS)
