"""Batch extraction without Ray: planning, the input readers, the output layouts, the missing-extra message."""
from __future__ import annotations

import io
import json
import os
import sys

import pytest

from eventwire.batch.output import from_row, read_partition_file, to_row, write_partition
from eventwire.batch.plan import Partition, plan
from eventwire.batch.sources import read_jsonl_slice, read_partition
from eventwire.batch.worker import extract_all
from eventwire.cli import main
from eventwire.config import Settings
from eventwire.extract import STAGES, Stage
from eventwire.ingest import article_from_text, read_jsonl_text
from eventwire.pipeline import Pipeline
from eventwire.records import Article, InputError

PAGE = ("<html><head><title>Talks resume | Daily</title></head><body><nav>Home | World</nav><article>"
        "<h1>Talks resume</h1><p>Negotiators from both countries met in Geneva on Tuesday to resume talks on the "
        "ceasefire, the foreign ministry said in a statement.</p><p>The delegations agreed to meet again next "
        "month, after a first round that ended without agreement in March.</p></article></body></html>")

RECORDS = [
    {"id": "r1", "text": "Police arrested two men in Ahmedabad on Tuesday.", "published": "2002-03-05"},
    "not json {",
    {"id": "r3", "title": "no text"},
    {"id": "r4", "text": "The minister met his French counterpart in Paris.", "url": "https://example.org/a"},
    {"id": "r5", "html": PAGE},
]


def write_jsonl(path, records, blank_after=()):
    lines = []
    for number, record in enumerate(records):
        lines.append(record if isinstance(record, str) else json.dumps(record))
        if number in blank_after:
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def same_items(left, right):
    assert [type(x) for x in left] == [type(x) for x in right]
    for a, b in zip(left, right, strict=True):
        assert a == b


def test_jsonl_partitions_cover_every_line_and_read_like_extract(tmp_path):
    path = tmp_path / "in.jsonl"
    write_jsonl(path, RECORDS, blank_after={0})
    partitions = plan([str(path)], 2)
    assert [(p.kind, p.start, p.stop) for p in partitions] == [("jsonl", 1, 4), ("jsonl", 4, 6), ("jsonl", 6, 7)]
    items = [item for p in partitions for item in read_partition(p, Settings())]
    same_items(items, list(read_jsonl_text(path.read_text(encoding="utf-8"), str(path))))
    assert [getattr(i, "code", None) for i in items] == [None, "bad_json", "bad_record", None, None]
    assert items[1].input == f"{path}:3"  # the blank line after the first record still counts


def test_bad_bytes_and_oversized_lines_are_coded_as_extract_codes_them(tmp_path):
    from eventwire.ingest.readers import read_jsonl_file

    path = tmp_path / "in.jsonl"
    big = json.dumps({"id": "big", "text": "Troops crossed the border. " * 200})
    path.write_bytes(b'{"id": "a", "text": "Talks began in Geneva."}\n' + b'{"id": "b", "text": "caf\xe9"}\n'
                     + big.encode() + b"\n")
    settings = Settings(max_input_bytes=2_000)
    items = [item for p in plan([str(path)], 2) for item in read_partition(p, settings)]
    same_items(items, list(read_jsonl_file(path, settings)))
    assert [getattr(i, "code", None) for i in items] == [None, "undecodable", "too_large"]
    assert items[2].input == f"{path}:3" and "EVENTWIRE_MAX_INPUT_BYTES" in items[2].message


def test_partition_names_are_stable_and_follow_the_input(tmp_path):
    path = tmp_path / "in.jsonl"
    write_jsonl(path, RECORDS)
    first = [p.name for p in plan([str(path)], 2)]
    assert first == [p.name for p in plan([str(path)], 2)]
    assert all(Partition.from_json(p.to_json()).name == p.name for p in plan([str(path)], 2))
    write_jsonl(path, RECORDS + [{"id": "r6", "text": "A new line."}])
    os.utime(path, ns=(1, 1))
    assert set(first).isdisjoint(p.name for p in plan([str(path)], 2))


def test_folders_group_loose_files_and_split_at_containers(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.html", "e.txt"):
        (folder / name).write_text("Rebels attacked a convoy near Goma on Sunday.", encoding="utf-8")
    write_jsonl(folder / "d.jsonl", RECORDS[:1])
    (folder / "empty.jsonl").write_text("\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    (folder / "notes.csv").write_text("x", encoding="utf-8")
    partitions = plan([str(folder)], 2)
    described = [(p.kind, [s.name.rsplit("/", 1)[1] for s in p.sources]) for p in partitions]
    assert described == [("files", ["a.txt", "b.txt"]), ("files", ["c.html"]), ("jsonl", ["d.jsonl"]),
                         ("files", ["e.txt", "empty.jsonl"])]
    (error,) = [i for i in read_partition(partitions[-1], Settings()) if isinstance(i, InputError)]
    assert error.code == "empty" and error.id == "empty"  # what extract writes for an empty JSONL file


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    pytest.importorskip("ray", reason="the batch extra is not installed (pip install -e '.[batch]')")
    assert main(["batch", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_missing_extra_names_the_install_command(tmp_path, monkeypatch, capsys):
    path = tmp_path / "in.jsonl"
    write_jsonl(path, RECORDS[:1])
    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    assert main(["batch", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert 'pip install "eventwire[batch]"' in err and "ray[data]" in err
    assert not (tmp_path / "out").exists()


def test_record_rows_round_trip():
    document = {"schema": "eventwire.document/1", "id": "d1", "url": None, "source": None, "title": "T",
                "language": "en", "published": {"value": "2024-11-29", "origin": "given", "confidence": 1.0},
                "text": "Kyiv was hit.", "sentences": [[0, 13]], "actors": [], "events": [], "quotes": [],
                "times": [], "places": [{"id": "p1", "text": "Kyiv", "span": [0, 4], "lat": 50.45}],
                "input": "x.jsonl:1", "novel": {"kept": True}}
    error = {"schema": "eventwire.document/1", "id": "x.jsonl:2", "error": {"code": "bad_json", "message": "m"},
             "input": "x.jsonl:2"}
    for record in (document, error, {k: v for k, v in document.items() if k != "input"}):
        row = to_row(record)
        assert all(v is None or isinstance(v, str) for v in row.values())
        assert from_row(row) == record
    assert json.loads(to_row(document)["extra"]) == {"novel": {"kept": True}}


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_partition_files_hold_the_records(tmp_path, fmt):
    records = [{"schema": "eventwire.document/1", "id": "é1", "url": None, "source": None, "title": None,
                "language": "en", "published": {"value": None, "origin": "none", "confidence": 0.0},
                "text": "Señor Pérez spoke.", "sentences": [[0, 18]], "actors": [], "events": [], "quotes": [],
                "times": [], "places": [], "warnings": [{"code": "w", "message": "m"}]},
               {"schema": "eventwire.document/1", "id": "e", "error": {"code": "empty", "message": "m"}}]
    path = write_partition(tmp_path, "part-00000-0123456789ab", fmt, records)
    assert path.name == f"part-00000-0123456789ab.{fmt}"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # nothing left aside
    assert list(read_partition_file(path)) == records
    if fmt == "jsonl":  # the very lines extract writes
        assert path.read_text(encoding="utf-8") == "".join(json.dumps(r, ensure_ascii=False) + "\n"
                                                           for r in records)


def test_parquet_input_rows(tmp_path):
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"id": [1, 2, 3, 4], "text": ["Troops crossed the border.", None, "Talks began.", "Bye."],
                      "published": [datetime.date(2020, 1, 2), None, None, datetime.date(2021, 5, 6)],
                      "other": ["x", "y", "z", "w"]})
    path = tmp_path / "in.parquet"
    pq.write_table(table, path, row_group_size=3)
    partitions = plan([str(path)], 2)
    assert [(p.start, p.stop) for p in partitions] == [(1, 3), (3, 5)]
    items = [item for p in partitions for item in read_partition(p, Settings())]
    assert [type(i) for i in items] == [Article, InputError, Article, Article]
    assert items[0].id == "1" and items[0].published == "2020-01-02" and items[0].input == f"{path}:1"
    assert items[1].code == "bad_record" and items[1].input == f"{path}:2"
    assert items[3].input == f"{path}:4" and items[3].published == "2021-05-06"
    small = [item for p in plan([str(path)], 2) for item in read_partition(p, Settings(max_input_bytes=15))]
    assert [getattr(i, "code", None) for i in small] == ["too_large", "bad_record", None, None]


def write_warc(path, keep: float = 1.0):
    """A small crawl: a request, a page, a 404, an image, a plain-text page, a page without text; gzipped record by
    record as crawlers write them; ``keep`` < 1 cuts it short like an interrupted download."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)

    def response(uri, status, content_type, body):
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=http))

    request = b"GET /a HTTP/1.1\r\n\r\n"
    writer.write_record(writer.create_warc_record("https://news.example/a", "request", payload=io.BytesIO(request),
                                                  length=len(request),
                                                  warc_content_type="application/http; msgtype=request"))
    response("https://news.example/a", "200 OK", "text/html; charset=utf-8", PAGE.encode())
    response("https://news.example/gone", "404 Not Found", "text/html", b"<html>gone</html>")
    response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG....")
    response("https://news.example/b.txt", "200 OK", "text/plain", b"Rebels attacked a convoy near Goma on Sunday.")
    response("https://news.example/c", "200 OK", "text/html", b"<html><body></body></html>")
    data = buffer.getvalue()
    path.write_bytes(data[:int(len(data) * keep)])


def test_warc_slices_read_as_ingest_reads_the_archive(tmp_path):
    from eventwire.ingest.warc import read_warc

    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    partitions = plan([str(path)], 2)
    assert [p.count for p in partitions] == [2, -1]
    items = [i for p in partitions for i in read_partition(p, Settings())]
    same_items(items, list(read_warc(path, Settings())))
    page, text, empty = items
    assert isinstance(page, Article) and page.id == page.url == "https://news.example/a" and "Geneva" in page.text
    assert page.input.startswith(f"{path}@")
    assert isinstance(text, Article) and text.text == "Rebels attacked a convoy near Goma on Sunday."
    assert isinstance(empty, InputError) and empty.id == "https://news.example/c"


@pytest.mark.parametrize("keep", [0.5, 0.8, 0.9])
def test_cut_warc_ends_with_an_error_record(tmp_path, keep):
    path = tmp_path / "cut.warc.gz"
    write_warc(path, keep=keep)
    from eventwire.ingest.warc import read_warc

    items = [i for p in plan([str(path)], 2) for i in read_partition(p, Settings())]
    whole = list(read_warc(path, Settings()))  # eventwire ingest reads the same cut archive the same way
    for found in (items, whole):
        assert isinstance(found[0], Article)
        assert isinstance(found[-1], InputError) and found[-1].code == "bad_warc"
        assert str(path) in found[-1].message


def test_jsonl_slice_reads_only_its_lines(tmp_path):
    path = tmp_path / "in.jsonl"
    write_jsonl(path, RECORDS)
    (p1, p2, p3) = plan([str(path)], 2)
    assert [i.id for i in read_jsonl_slice(p2.sources[0], p2.offset, p2.start, p2.stop, Settings())] == ["r3", "r4"]


@pytest.mark.model
def test_an_article_that_breaks_the_pipeline_becomes_an_error_record(nlp):
    def fragile(ctx):
        if "BREAK" in ctx.text:
            raise RuntimeError("stage bug")
        return []

    stages = STAGES[:4] + (Stage("quotes", fragile, ("actors",), "quotes"),) + STAGES[5:]
    pipeline = Pipeline(Settings(batch_size=4), stages=stages)
    pipeline.strict = True  # a stage failure raises out of the pipeline, as an unexpected crash would
    articles = [article_from_text(text, doc_id=f"t{n}") for n, text in
                enumerate(["Troops crossed the border.", "BREAK here.", "Talks began in Geneva."])]
    results = list(extract_all(pipeline, articles))
    assert [r.id for r in results] == ["t0", "t1", "t2"]
    assert isinstance(results[1], InputError) and results[1].code == "extract_failed"
    assert "stage bug" in results[1].message
    assert not isinstance(results[0], InputError) and not isinstance(results[2], InputError)


def test_workers_parse_smaller_batches_unless_told(monkeypatch):
    from eventwire.batch.run import WORKER_BATCH_SIZE, worker_settings

    monkeypatch.delenv("EVENTWIRE_BATCH_SIZE", raising=False)
    assert worker_settings().batch_size == WORKER_BATCH_SIZE < Settings().batch_size
    assert worker_settings(batch_size=16).batch_size == 16
    monkeypatch.setenv("EVENTWIRE_BATCH_SIZE", "24")
    assert worker_settings().batch_size == 24
