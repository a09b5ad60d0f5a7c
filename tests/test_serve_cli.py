"""``eventwire serve``: its usage errors in-process, and a real server process on loopback."""
from __future__ import annotations

import httpx
import pytest

from eventwire.cli import main
from eventwire.serve import ServeSettings
from eventwire.serve.settings import ALL_NETWORKS, parse_networks

from .serve_support import Server, copy_store, serve_store  # noqa: F401  (a fixture)


def test_a_missing_store_is_an_error_for_a_read_only_server(tmp_path, capsys):
    assert main(["serve", "--store", str(tmp_path / "none.duckdb"), "--port", "8999"]) == 1
    assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize("args", [["--port", "0"], ["--port", "70000"], ["--allow-private", "nonsense"],
                                  ["--port", "many"]])
def test_usage_errors(tmp_path, capsys, args):
    assert main(["serve", "--store", str(tmp_path / "s.duckdb"), *args]) == 2
    assert capsys.readouterr().err


def test_settings_from_the_environment():
    settings = ServeSettings.from_env({"EVENTWIRE_STORE": "x.duckdb", "EVENTWIRE_SERVE_PORT": "9001",
                                       "EVENTWIRE_SERVE_WRITE_TOKEN": "w",
                                       "EVENTWIRE_SERVE_ALLOW_PRIVATE": "10.0.0.0/8"})
    assert (settings.store, settings.port) == ("x.duckdb", 9001)
    assert settings.writable and not settings.reads_need_token
    assert [str(n) for n in settings.allow_private] == ["10.0.0.0/8"]
    overridden = ServeSettings.from_env({"EVENTWIRE_SERVE_PORT": "9001"}, port=9002, allow_private=["all"])
    assert overridden.port == 9002 and overridden.allow_private == ALL_NETWORKS
    assert parse_networks("127.0.0.1, ::1") == parse_networks(["127.0.0.1/32", "::1/128"])


@pytest.mark.model
def test_a_server_process_reads_and_writes(serve_store, tmp_path):  # noqa: F811
    path = copy_store(serve_store, tmp_path)
    server = Server(path, env={"EVENTWIRE_SERVE_WRITE_TOKEN": "cli-secret"})
    try:
        assert httpx.get(f"{server.url}/health").json()["status"] == "ok"
        assert httpx.get(f"{server.url}/").headers["content-type"].startswith("text/html")
        total = httpx.get(f"{server.url}/events", params={"total": "true"}).json()["total"]
        assert total >= 6
        text = "Brazil and Argentina signed an agreement on energy in Brasilia on Friday."
        added = httpx.post(f"{server.url}/documents", json={"text": text, "published": "2024-07-05"},
                           headers={"Authorization": "Bearer cli-secret"}, timeout=120)
        assert added.status_code == 201, added.text
        assert httpx.get(f"{server.url}{added.json()['href']}").json()["text"] == text
    finally:
        server.stop()
    assert server.process.returncode is not None
