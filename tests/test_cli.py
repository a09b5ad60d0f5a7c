"""The command line: exit statuses, output records, summaries. Runs the real CLI function in-process."""
from __future__ import annotations

import json

import pytest

from eventwire.cli import main

from .conftest import SEED_TEXT

pytestmark = pytest.mark.model


def read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_extract_writes_one_record_per_article(tmp_path):
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("\n".join(json.dumps(r) for r in [
        {"id": "x1", "text": "Police arrested two men in Ahmedabad on Tuesday.", "published": "2002-03-05"},
        {"id": "x2", "text": "The minister met his French counterpart in Paris."},
    ]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inputs), "--output", str(out), "--published", "2020-01-02", "-q"]) == 0
    records = read(out)
    assert [r["id"] for r in records] == ["x1", "x2"]
    assert all(r["schema"] == "eventwire.document/1" for r in records)
    assert records[0]["published"] == {"value": "2002-03-05", "origin": "given", "confidence": 1.0}
    assert records[1]["published"]["value"] == "2020-01-02"  # --published fills in where the input has none
    for r in records:
        assert r["text"] and r["sentences"] and r["sentences"][0][0] == 0
        for key in ("actors", "events", "quotes", "times", "places"):
            assert isinstance(r[key], list)


def test_some_inputs_failing_gives_status_1_and_keeps_the_rest(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Rebels attacked a convoy near Goma on Sunday.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(good), str(bad), "-o", str(out), "-q"]) == 1
    records = read(out)
    assert [r["id"] for r in records] == ["good", "bad"]
    assert "error" not in records[0]
    assert records[1]["error"]["code"] == "binary" and str(bad) in records[1]["error"]["message"]
    assert str(bad) in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["extract"],
    ["extract", "/no/such/file.txt", "-o", "x.jsonl"],
    ["extract", str(SEED_TEXT), "--published", "last tuesday"],
    ["no-such-command"],
])
def test_usage_errors_give_status_2(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert "error" in capsys.readouterr().err


def test_show_prints_a_summary(tmp_path, capsys):
    out = tmp_path / "seed.jsonl"
    assert main(["extract", str(SEED_TEXT), "-o", str(out), "-q"]) == 0
    capsys.readouterr()
    assert main(["show", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "000_7f89604170f3214f" in shown and "published" in shown
