"""Batch extraction on a local Ray with 2 workers: the same records as ``eventwire extract``, bad inputs as error
records, a re-run that redoes only what is missing. One local Ray serves the module (it takes ~10 s to start)."""
from __future__ import annotations

import json

import pytest

from eventwire.batch import read_output, run_batch
from eventwire.batch.output import partition_files
from eventwire.cli import main
from eventwire.ingest import read_inputs
from eventwire.pipeline import Pipeline, as_dict

from .test_batch_parts import PAGE, RECORDS, write_jsonl, write_warc

ray = pytest.importorskip("ray", reason="the batch extra is not installed (pip install -e '.[batch]')")

pytestmark = [
    pytest.mark.model,
    # Ray Data's own code warns about its own deprecated settings
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray"),
]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(address="local", num_cpus=2, include_dashboard=False, object_store_memory=200 * 1024 * 1024,
             log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """A folder as extract reads it (text, HTML, a binary file, JSONL with bad lines), a Parquet file and a WARC."""
    root = tmp_path_factory.mktemp("batch-in")
    folder = root / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Rebels attacked a convoy near Goma on Sunday, the army said.\n", encoding="utf-8")
    (folder / "b.html").write_text(PAGE, encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x00\x01\x02" * 100)
    write_jsonl(folder / "d.jsonl", RECORDS + [
        {"id": "fr", "text": "Le président a rencontré le premier ministre à Paris mardi pour discuter du budget."},
        {"id": "r7", "text": "Russia launched a missile attack on Kyiv on Thursday.", "published": "2024-11-28"},
    ])
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [r for r in RECORDS if isinstance(r, dict)]
    pq.write_table(pa.table({k: [r.get(k) for r in rows] for k in ("id", "text", "html", "published", "url")}),
                   root / "e.parquet")
    write_warc(root / "f.warc.gz")
    return root


@pytest.fixture(scope="module")
def first_run(local_ray, inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("batch-out") / "out"
    paths = [str(inputs / "articles"), str(inputs / "e.parquet"), str(inputs / "f.warc.gz")]
    report = run_batch(paths, out, workers=2, partition_size=2)
    return paths, out, report


def test_records_equal_extract(first_run, inputs, tmp_path):
    paths, out, report = first_run
    assert report.workers == 2 and report.failed == [] and report.skipped == 0
    assert report.written == report.partitions == len(partition_files(out))
    records = list(read_output(out))
    assert report.articles == len(records)

    expected = tmp_path / "extract.jsonl"
    assert main(["extract", paths[0], "-o", str(expected), "-q"]) == 1  # some inputs fail
    extracted = [json.loads(line) for line in expected.read_text(encoding="utf-8").splitlines()]
    assert records[:len(extracted)] == extracted
    codes = [r["error"]["code"] for r in extracted if "error" in r]
    assert codes == ["binary", "bad_json", "bad_record"] and report.errors == len(codes) + 2  # + Parquet and WARC
    assert any(w["code"] == "not_english" for r in extracted for w in r.get("warnings", []))

    # Parquet rows give the records extract gives for the same input records, named by row instead of line
    pipeline = Pipeline()
    rows = [r for r in RECORDS if isinstance(r, dict)]
    from_parquet = records[len(extracted):len(extracted) + len(rows)]
    assert [r["input"] for r in from_parquet] == [f"{paths[1]}:{n}" for n in range(1, len(rows) + 1)]
    jsonl = tmp_path / "same.jsonl"
    write_jsonl(jsonl, rows)
    direct = [as_dict(r) for r in pipeline.run(read_inputs([jsonl]))]

    def unnamed(record):
        out = {k: v for k, v in record.items() if k != "input"}
        if "error" in out:
            out["error"] = {"code": out["error"]["code"]}
        return out

    assert [unnamed(r) for r in from_parquet] == [unnamed(r) for r in direct]

    # WARC page records: the page reads as the same HTML file would
    from_warc = records[len(extracted) + len(rows):]
    assert [r.get("error", {}).get("code") for r in from_warc] == [None, None, "no_text"]
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    (direct_page,) = [as_dict(r) for r in pipeline.run(read_inputs([page]))]
    assert from_warc[0]["url"] == "https://news.example/a"
    for key in ("text", "title", "published", "sentences", "actors", "events", "quotes", "times", "places"):
        assert from_warc[0][key] == direct_page[key], key


def test_rerun_skips_written_partitions(first_run, inputs):
    paths, out, report = first_run
    files = partition_files(out)
    stamps = {p.name: p.stat().st_mtime_ns for p in files}
    removed = files[1]
    before = list(read_output(out))
    removed.unlink()
    (out / f".{files[2].name}.tmp-0000").write_bytes(b"half-written")  # what a stopped run leaves
    again = run_batch(paths, out, workers=2, partition_size=2)
    assert (again.skipped, again.written, again.failed) == (report.partitions - 1, 1, [])
    assert {p.name: p.stat().st_mtime_ns for p in partition_files(out) if p != removed} == \
        {name: stamp for name, stamp in stamps.items() if name != removed.name}
    assert removed.exists() and not list(out.glob(".*.tmp-*"))
    assert list(read_output(out)) == before
    nothing = run_batch(paths, out, workers=2, partition_size=2)  # all there: Ray is not even asked
    assert (nothing.written, nothing.skipped, nothing.ray_start_s) == (0, report.partitions, 0.0)


def test_load_puts_batch_output_in_the_store_as_ingest_does(first_run, inputs, tmp_path):
    from eventwire.store import Store

    paths, out, report = first_run
    loaded, ingested = tmp_path / "loaded.duckdb", tmp_path / "ingested.duckdb"
    assert main(["load", str(out), "--store", str(loaded), "-q"]) == 1  # the batch output holds error records
    assert main(["ingest", paths[0], paths[2], "--store", str(ingested), "--no-fetch", "-q"]) == 1

    def contents(path):
        with Store(path, read_only=True) as store:
            out = {"documents": store.sql("SELECT id, record_id, url, title, input, content_hash FROM documents "
                                          "ORDER BY id")[1]}
            for table in ("event_mentions", "events", "quotes", "actors"):
                out[table] = store.sql(f"SELECT count(*) FROM {table}")[1]
            return out

    first = contents(loaded)
    # the Parquet rows repeat JSONL records: the same documents, found unchanged
    assert first == contents(ingested) and len(first["documents"]) > 0
    assert main(["load", str(out), "--store", str(loaded), "--json"]) == 1
    assert contents(loaded) == first  # loading again changes nothing


def test_batch_command_writes_jsonl_lines_as_extract_does(local_ray, tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, RECORDS)
    out, expected = tmp_path / "out", tmp_path / "extract.jsonl"
    assert main(["batch", str(source), "-o", str(out), "--format", "jsonl", "--workers", "1",
                 "--partition-size", "3"]) == 1  # some records are errors
    err = capsys.readouterr().err
    assert "eventwire: batch 2/2 partitions" in err and "2 partitions written" in err
    assert main(["extract", str(source), "-o", str(expected), "-q"]) == 1
    written = "".join(path.read_text(encoding="utf-8") for path in partition_files(out))
    assert written == expected.read_text(encoding="utf-8")
    assert main(["batch", str(source), "-o", str(out), "--format", "parquet"]) == 2  # one format per folder
    assert "holds jsonl output" in capsys.readouterr().err
