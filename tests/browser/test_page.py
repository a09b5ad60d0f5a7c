"""The page in real headless Chromium against ``eventwire serve``: load, filter, the timeline, the map, an event's
evidence highlighted in its article, article markup shown as text, tokens. Screenshots go to test-artifacts/."""
from __future__ import annotations

import re

import httpx
import pytest

from ..serve_support import Server, copy_store, serve_store  # noqa: F401  (a fixture)
from .conftest import artifact

pytestmark = pytest.mark.model


def api(server, path: str, **params) -> dict:
    response = httpx.get(f"{server.url}{path}", params=params, timeout=10)
    response.raise_for_status()
    return response.json()


def expect():
    from playwright.sync_api import expect

    return expect


def wait_ready(page) -> None:
    page.wait_for_selector("body[data-ready]", state="attached")


def test_load_filter_timeline_and_see_an_events_evidence(page, server):
    page.goto(f"{server.url}/")
    wait_ready(page)
    total = api(server, "/events", total="true", limit=1)["total"]
    expect()(page.locator("#events-total")).to_have_text(f"{total} events")
    rows = page.locator("#events-table tbody tr")
    expect()(rows).to_have_count(min(total, 50))
    located = len(api(server, "/events", bbox="-180,-90,180,90", limit=1000)["items"])
    expect()(page.locator("#map path.event-marker")).to_have_count(located)
    periods = {r["period"] for r in api(server, "/timeline", by="month", split="quad_class")["items"]}
    expect()(page.locator("#timeline g.period:has(rect.bar)")).to_have_count(len(periods))

    # filter: only assaults, in the table, the timeline and the map
    page.fill("#filters input[name=code]", "ASSAULT")
    page.click("#filters button[type=submit]")
    assaults = api(server, "/events", code="ASSAULT", total="true", limit=1000)
    expect()(page.locator("#events-total")).to_have_text(f"{assaults['total']} events")
    expect()(rows).to_have_count(assaults["total"])
    for cell in page.locator("#events-table tbody tr td:nth-child(3)").all_inner_texts():
        assert "ASSAULT" in cell
    counted = sum(r["events"] for r in api(server, "/timeline", by="month", code="ASSAULT")["items"])
    expect()(page.locator("#timeline-total")).to_have_text(f"{counted} dated events")
    assert "code=ASSAULT" in page.url  # the view is in the address

    # the timeline: a bar's period becomes the date filter
    bar = page.locator("#timeline rect.bar").first
    period = bar.get_attribute("data-period")
    bar.click()
    expect()(page.locator("#filters input[name=since]")).to_have_value(period)
    until = page.locator("#filters input[name=until]")
    expect()(until).to_have_value(re.compile(rf"^{period[:7]}-\d\d$"))
    in_period = api(server, "/events", code="ASSAULT", since=period, until=until.input_value(), total="true")
    expect()(page.locator("#events-total")).to_have_text(f"{in_period['total']} events")
    assert in_period["total"] >= 1
    for day in page.locator("#events-table tbody tr td:nth-child(1)").all_inner_texts():
        assert day[:7] <= period[:7] <= (day + "-99")[:7] or len(day) < 7

    # an event: its panel, and its evidence highlighted in the article
    row = rows.first
    event_id = row.get_attribute("data-id")
    event = api(server, f"/events/{event_id}")
    row.click()
    panel = page.locator("#event-panel")
    expect()(panel).to_be_visible()
    expect()(panel.locator(".who")).to_contain_text(event["source_name"] or "—")
    expect()(panel).to_contain_text(f"CAMEO {event['cameo']}")
    expect()(panel).to_contain_text(event["modality"])
    expect()(panel).to_contain_text(event["date"] or "undated")
    if event["place_name"]:
        expect()(panel).to_contain_text(event["place_name"])
    report = event["reports"][0]
    expect()(panel.locator(".reports li").first).to_contain_text(report["evidence_text"])
    evidence = page.locator("#article-text .s-evidence")
    expect()(evidence.first).to_be_visible()
    assert "".join(evidence.all_text_contents()) == report["evidence_text"]
    trigger = page.locator("#article-text .s-evidence.s-trigger")
    assert report["trigger_text"] in "".join(trigger.all_text_contents())
    expect()(page.locator("#article-title")).to_have_text(report["title"] or "(untitled article)")
    page.screenshot(path=str(artifact("page-event-evidence.png")), full_page=True)

    # a map marker opens its event too
    page.click("#clear")
    expect()(page.locator("#events-total")).to_have_text(f"{total} events")
    page.locator("#map path.event-marker").first.dispatch_event("click")
    expect()(page).to_have_url(re.compile(r"event=ev-"))
    expect()(panel).to_be_visible()


def test_clicking_an_event_word_in_an_article_opens_that_event(page, server):
    doc = api(server, "/documents/shelling")
    page.goto(f"{server.url}/#?doc={doc['id']}")
    wait_ready(page)
    words = page.locator("#article-text .s-trigger")
    expect()(words).to_have_count(len(doc["events"]))
    words.filter(has_text="threatened").click()
    threat = next(e for e in doc["events"] if e["cameo"] == "138")
    expect()(page).to_have_url(re.compile(f"event={threat['event_id']}"))
    expect()(page.locator("#event-panel")).to_contain_text("CAMEO 138")
    expect()(page.locator("#article-text .s-evidence").first).to_be_visible()
    assert "".join(page.locator("#article-text .s-evidence").all_text_contents()) == \
        doc["text"][threat["evidence"][0]:threat["evidence"][1]]


def test_article_markup_shows_as_text(page, server):
    doc = api(server, "/documents/markup")
    page.goto(f"{server.url}/#?doc={doc['id']}")
    wait_ready(page)
    text = page.locator("#article-text")
    expect()(text).to_contain_text("<script>window.__pwned = 1</script>")
    expect()(text).to_contain_text('<img src=x onerror="window.__pwned = 2">')
    assert page.locator("#article-text script, #article-text img, #article-title b").count() == 0
    expect()(page.locator("#article-title")).to_have_text("<b>Arrest</b> in Paris")
    page.locator("#article-text .s-trigger").first.click()  # its event, whose evidence holds the markup
    expect()(page.locator("#event-panel .reports")).to_contain_text("<script>")
    assert page.evaluate("window.__pwned") is None
    page.screenshot(path=str(artifact("page-markup-as-text.png")), full_page=True)


def test_quotes_and_articles_tabs(page, server):
    page.goto(f"{server.url}/#?tab=quotes&speaker=Sybiha")
    wait_ready(page)
    quotes = page.locator("#quotes-table tbody tr")
    expect()(quotes).to_have_count(len(api(server, "/quotes", speaker="Sybiha")["items"]))
    quotes.filter(has_text="We will answer this attack.").click()
    expect()(page.locator("#article-text .s-selected-quote")).to_have_text("We will answer this attack.")
    page.click(".tabs button[data-tab=documents]")
    expect()(page.locator("#documents-table tbody tr")).to_have_count(len(api(server, "/documents")["items"]))


def test_the_page_needs_nothing_from_elsewhere(page, server):
    page.goto(f"{server.url}/")
    wait_ready(page)
    page.locator("#events-table tbody tr").first.click()
    expect()(page.locator("#article-text .s-evidence").first).to_be_visible()
    outside = [url for url in page.requested if not url.startswith(server.url)]
    assert outside == []


def test_a_read_token_is_asked_for(browser, serve_store, tmp_path):  # noqa: F811
    guarded = Server(copy_store(serve_store, tmp_path), env={"EVENTWIRE_SERVE_READ_TOKEN": "page-secret"})
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{guarded.url}/")
        wait_ready(page)
        expect()(page.locator("#token-form")).to_be_visible()
        expect()(page.locator("#message")).to_contain_text("token")
        page.fill("#token", "page-secret")
        page.click("#token-form button")
        expect()(page.locator("#token-form")).to_be_hidden()
        total = httpx.get(f"{guarded.url}/events", params={"total": "true"},
                          headers={"Authorization": "Bearer page-secret"}).json()["total"]
        expect()(page.locator("#events-total")).to_have_text(f"{total} events")
    finally:
        context.close()
        guarded.stop()
