"""The HTTP API's read side over a real store file: every endpoint, filters, sorting, pagination, errors, tokens."""
from __future__ import annotations

import base64

import pytest

from eventwire.serve import ServeSettings, create_app
from eventwire.store import Store
from eventwire.store.rows import date_range

from .serve_support import Client, serve_store  # noqa: F401  (a fixture)

pytestmark = pytest.mark.model  # the store holds the demo articles, extracted by the real pipeline

MINE = "example"  # the hand-written documents are on news.example.com and wire.example.org


@pytest.fixture(scope="module")
def client(serve_store):  # noqa: F811
    with Client(create_app(ServeSettings(store=str(serve_store)))) as client:
        yield client


def ok(response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


def codes(rows) -> list[str]:
    return sorted(row["cameo"] for row in rows)


def all_pages(client, path: str, **params) -> list[dict]:
    rows, cursor = [], None
    for _ in range(100):
        page = ok(client.get(path, params={**params, **({"cursor": cursor} if cursor else {})}))
        rows += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return rows
    raise AssertionError("pagination did not end")


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) - {"details"} == {"status", "code", "message"}
    assert error["status"] == status and isinstance(error["message"], str) and error["message"]
    if code:
        assert error["code"] == code
    return error


# -- server, page, schema -------------------------------------------------------------------------------------

def test_health_version_and_stats(client, serve_store):  # noqa: F811
    assert ok(client.get("/health"))["status"] == "ok"
    version = ok(client.get("/version"))
    with Store(serve_store, read_only=True) as store:
        expected = store.stats()
    assert version["schema_version"] == expected["schema_version"]
    stats = ok(client.get("/stats"))
    assert stats["tables"] == expected["tables"] and stats["writable"] is False
    assert stats["tables"]["documents"] == 7 + 4  # the demo articles and the hand-written ones


def test_openapi_schema_lists_every_endpoint(client):
    schema = ok(client.get("/openapi.json"))
    for path in ("/documents", "/documents/{doc_id}", "/events", "/events/{event_id}", "/quotes", "/actors",
                 "/timeline", "/health", "/version", "/stats"):
        assert path in schema["paths"], path
    assert "post" in schema["paths"]["/documents"]
    assert "ErrorResponse" in schema["components"]["schemas"]
    names = {p["name"] for p in schema["paths"]["/events"]["get"]["parameters"]}
    assert {"actor", "country", "code", "quad_class", "modality", "since", "until", "place", "bbox", "source",
            "sort", "limit", "cursor"} <= names


def test_page_and_its_bundled_files(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for src in ("/static/app.js", "/static/vendor/leaflet/leaflet.js", "/static/app.css"):
        assert src in page.text
        assert client.get(src).status_code == 200, src
    world = ok(client.get("/static/vendor/world.geojson"))
    assert world["type"] == "FeatureCollection" and len(world["features"]) > 150
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in world["features"])
    assert "http://" not in page.text and "https://" not in page.text  # nothing loaded from elsewhere


# -- documents ------------------------------------------------------------------------------------------------

def test_documents_pages_cover_every_document_once(client):
    rows = all_pages(client, "/documents", limit=3)
    assert len(rows) == 11 and len({r["id"] for r in rows}) == 11
    assert all("text" not in r for r in rows)
    days = [r["published"][:10] for r in rows if r["published"]]
    assert days == sorted(days, reverse=True)
    mine = ok(client.get("/documents", params={"source": "wire.example.org"}))["items"]
    assert sorted(r["record_id"] for r in mine) == ["agreement", "denial"]
    recent = ok(client.get("/documents", params={"since": "2024-05-01", "until": "2024-05-31"}))["items"]
    assert sorted(r["record_id"] for r in recent) == ["denial", "markup"]


def test_document_has_text_and_every_span(client):
    listed = ok(client.get("/documents", params={"limit": 100}))["items"]
    for row in listed:
        record = ok(client.get(f"/documents/{row['id']}"))
        text = record["text"]
        assert record["id"] == row["id"] and record["schema"] == "eventwire.document/1"
        spans = [m for a in record["actors"] for m in a["mentions"]]
        spans += [p["span"] for p in record["places"]] + [t["span"] for t in record["times"]]
        spans += [q["span"] for q in record["quotes"]]
        spans += [e[k] for e in record["events"] for k in ("trigger", "evidence")]
        for start, end in spans:
            assert 0 <= start < end <= len(text)
        assert all(e["event_id"].startswith("ev-") for e in record["events"])
    by_record_id = ok(client.get("/documents/shelling"))
    assert by_record_id["title"] == "Kharkiv shelled"
    place = by_record_id["places"][0]
    assert by_record_id["text"][place["span"][0]:place["span"][1]] == "Kharkiv"


def test_unknown_document_is_404(client):
    assert_error(client.get("/documents/d-0000000000000000"), 404, "not_found")


# -- events: filters, sorting, pagination ---------------------------------------------------------------------

MY_EVENTS = ["057", "071", "138", "173", "190", "195"]


@pytest.mark.parametrize(("params", "expected"), [
    ({}, MY_EVENTS),
    ({"actor": "germany"}, ["057", "071"]),
    ({"actor": "RUSMIL"}, ["138", "195"]),
    ({"country": "FR"}, ["057", "071", "173"]),
    ({"country": "UKR"}, ["138", "195"]),
    ({"code": "19"}, ["190", "195"]),
    ({"code": "assault"}, ["190", "195"]),
    ({"quad_class": 4}, ["173", "190", "195"]),
    ({"modality": "negated"}, ["190"]),
    ({"modality": "future"}, ["071"]),
    ({"since": "2024-03-01", "until": "2024-03-31"}, ["138", "195"]),
    ({"since": "2024-05"}, ["071", "173", "190"]),
    ({"until": "2024-04"}, ["057", "138", "195"]),
    ({"place": "kharkiv"}, ["195"]),
    ({"place": "2950159"}, ["057"]),
    ({"bbox": "30,45,40,55"}, ["138", "195"]),
    ({"bbox": "-10,35,20,60"}, ["057", "173"]),
    ({"source": "wire.example.org"}, ["057", "071", "190"]),
    ({"actor": "germany", "modality": "asserted"}, ["057"]),
])
def test_event_filters(client, params, expected):
    page = ok(client.get("/events", params={"source": MINE, **params, "limit": 1000, "total": "true"}))
    assert codes(page["items"]) == expected
    assert page["total"] == len(expected) and page["next_cursor"] is None


def test_event_filters_hold_on_every_event(client):
    """Beyond the hand-written documents: whatever the demo articles gave, every row matches its filter."""
    for row in ok(client.get("/events", params={"quad_class": 4, "limit": 1000}))["items"]:
        assert row["quad_class"] == 4
    for row in ok(client.get("/events", params={"code": "19", "limit": 1000}))["items"]:
        assert row["cameo"].startswith("19")
    for row in ok(client.get("/events", params={"bbox": "30,45,40,55", "limit": 1000}))["items"]:
        assert 30 <= row["lon"] <= 40 and 45 <= row["lat"] <= 55


def test_events_of_one_document(client):
    doc = ok(client.get("/documents/shelling"))
    rows = ok(client.get("/events", params={"doc_id": doc["id"]}))["items"]
    assert codes(rows) == ["138", "195"]
    assert {r["id"] for r in rows} == {e["event_id"] for e in doc["events"]}


@pytest.mark.parametrize("sort", ["date", "-date", "mentions", "-mentions", "articles", "-articles"])
def test_event_sorting_and_cursor_pages(client, sort):
    whole = ok(client.get("/events", params={"sort": sort, "limit": 1000}))["items"]
    paged = all_pages(client, "/events", sort=sort, limit=2)
    assert [r["id"] for r in paged] == [r["id"] for r in whole]
    assert len({r["id"] for r in paged}) == len(paged)
    key = sort.lstrip("-")
    if key == "date":  # events sort by the first day of their date (a day, week, month or year)
        values = [span[0] for span in (date_range(r["date"]) for r in whole) if span]
    else:
        values = [r[key] for r in whole]
    assert values == sorted(values, reverse=sort.startswith("-"))


def test_one_event_with_its_reports_and_evidence(client):
    rows = ok(client.get("/events", params={"source": MINE, "code": "195"}))["items"]
    event = ok(client.get(f"/events/{rows[0]['id']}"))
    assert event["id"] == rows[0]["id"] and event["source_name"] == "Russia" and event["place_name"] == "Kharkiv"
    (report,) = event["reports"]
    doc = ok(client.get(f"/documents/{report['doc_id']}"))
    start, end = report["evidence"]
    assert report["evidence_text"] == doc["text"][start:end]
    assert report["trigger_text"] == "shelled" and report["source_actors"] == ["Russia"]
    assert_error(client.get("/events/ev-0000000000000000"), 404, "not_found")


# -- quotes, actors, timeline ---------------------------------------------------------------------------------

def test_quotes_by_speaker_and_text(client):
    (quote,) = ok(client.get("/quotes", params={"speaker": "sybiha", "source": MINE}))["items"]
    assert quote["text"] == "We will answer this attack." and quote["speaker"] == "Andrii Sybiha"
    found = ok(client.get("/quotes", params={"text": "answer this attack"}))["items"]
    assert [q["text"] for q in found] == ["We will answer this attack."]
    assert ok(client.get("/quotes", params={"text": "no such words anywhere"}))["items"] == []
    for row in ok(client.get("/quotes", params={"speaker": "UKR", "limit": 1000}))["items"]:
        assert "ukr" in (row["speaker"] or "").lower() or (row["speaker_code"] or "").startswith("UKR")
    everything = all_pages(client, "/quotes", limit=7)
    assert len(everything) == len({(q["doc_id"], q["id"]) for q in everything})
    assert len(everything) == ok(client.get("/stats"))["tables"]["quotes"]


def test_actors(client):
    rows = ok(client.get("/actors", params={"name": "germany"}))["items"]
    germany = next(r for r in rows if r["code"] == "DEUGOV")
    assert germany["as_source"] >= 2 and germany["documents"] >= 1
    for row in ok(client.get("/actors", params={"country": "DE"}))["items"]:
        assert row["country"] == "DEU"
    assert len(ok(client.get("/actors", params={"limit": 2}))["items"]) == 2


def test_timeline_counts(client):
    answer = ok(client.get("/timeline", params={"by": "month", "source": MINE}))
    assert answer["by"] == "month"
    assert [(r["period"], r["events"]) for r in answer["items"]] == [
        ("2024-03-01", 2), ("2024-04-01", 1), ("2024-05-01", 2), ("2025-01-01", 1)]
    split = ok(client.get("/timeline", params={"by": "month", "split": "root", "source": MINE}))["items"]
    assert {(r["period"], r["root"]) for r in split} == {
        ("2024-03-01", "19"), ("2024-03-01", "13"), ("2024-04-01", "05"), ("2024-05-01", "17"),
        ("2024-05-01", "19"), ("2025-01-01", "07")}
    weeks = ok(client.get("/timeline", params={"by": "week", "split": "quad_class", "quad_class": 4,
                                                "source": MINE}))["items"]
    assert sum(r["events"] for r in weeks) == 3 and {r["quad_class"] for r in weeks} == {4}
    days = ok(client.get("/timeline", params={"by": "day", "code": "19"}))["items"]
    assert sum(r["events"] for r in days) == ok(client.get("/events", params={"code": "19", "total": "true",
                                                                              "limit": 1}))["total"]


# -- errors: one shape ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "url", "status", "code"), [
    ("GET", "/no/such/path", 404, "not_found"),
    ("GET", "/events/ev-missing", 404, "not_found"),
    ("DELETE", "/events", 405, "method_not_allowed"),
    ("GET", "/events?quad_class=5", 422, "validation"),
    ("GET", "/events?since=last-week", 422, "validation"),
    ("GET", "/events?limit=0", 422, "validation"),
    ("GET", "/events?limit=lots", 422, "validation"),
    ("GET", "/events?sort=random", 422, "validation"),
    ("GET", "/events?modality=maybe", 422, "validation"),
    ("GET", "/events?bbox=1,2,3", 422, "validation"),
    ("GET", "/timeline?by=hour", 422, "validation"),
    ("GET", "/events?country=ZZ", 400, "bad_filter"),
    ("GET", "/events?code=19x", 400, "bad_filter"),
    ("GET", "/events?cursor=not-a-cursor", 400, "bad_filter"),
    ("GET", "/actors?country=QQ", 400, "bad_filter"),
    ("POST", "/documents", 403, "writes_disabled"),
])
def test_every_error_has_the_one_shape(client, method, url, status, code):
    error = assert_error(client.request(method, url), status, code)
    if status == 422:
        assert error["details"] and all({"location", "message", "type"} <= set(d) for d in error["details"])


def test_a_forged_cursor_is_refused(client):
    forged = base64.urlsafe_b64encode(b'["2024-01-01", "x\' OR 1=1 --"]').decode().rstrip("=")
    page = client.get("/events", params={"cursor": forged})
    assert page.status_code == 200  # a well-formed cursor is only a parameter, never SQL
    assert_error(client.get("/events", params={"cursor": base64.urlsafe_b64encode(b"[1]").decode()}), 400)


def test_server_failures_have_the_one_shape(serve_store, tmp_path):  # noqa: F811
    app = create_app(ServeSettings(store=str(serve_store)))

    @app.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    with Client(app) as client:
        error = assert_error(client.get("/boom"), 500, "internal")
        assert "a bug" not in error["message"]  # no internals leak to clients
        app.state.store.close()  # the store goes away under a running server
        assert_error(client.get("/events"), 500, "store")


# -- tokens ---------------------------------------------------------------------------------------------------

def test_reads_are_open_by_default(client):
    assert client.get("/events").status_code == 200


def test_read_token(serve_store):  # noqa: F811
    settings = ServeSettings(store=str(serve_store), read_token="r-secret")
    with Client(create_app(settings)) as client:
        for path in ("/events", "/documents", "/quotes", "/actors", "/timeline", "/stats", "/documents/shelling"):
            error = assert_error(client.get(path), 401, "unauthorized")
            assert error["message"]
        response = client.get("/events")
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert_error(client.get("/events", token="wrong"), 403, "bad_token")
        assert client.get("/events", token="r-secret").status_code == 200
        assert client.get("/events", headers={"X-Eventwire-Token": "r-secret"}).status_code == 200
        # what needs no token: whether the server is up, its version, the schema and the page itself
        for path in ("/health", "/version", "/openapi.json", "/", "/static/app.js"):
            assert client.get(path).status_code == 200, path
