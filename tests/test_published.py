"""The publication date: given > page metadata > stated in or inferred from the text > none."""
from __future__ import annotations

import pytest

from eventwire.extract.context import Context
from eventwire.extract.published import settle
from eventwire.ingest.pagedate import clean_url, find_page_date, labelled_date, url_day
from eventwire.records import Article


def _settle(nlp, text: str, published: str | None = None, origin: str | None = None):
    ctx = Context(article=Article(id="p", text=text, published=published, published_origin=origin), doc=nlp(text))
    return settle(ctx), ctx


# -- from the input or the page ----------------------------------------------------------------------------

@pytest.mark.model
def test_given_date_wins_over_the_text(nlp):
    published, _ = _settle(nlp, "Friday, January 4, 2019\n\nTalks resumed.", "2019-01-05", "given")
    assert (published.value, published.origin, published.confidence) == ("2019-01-05", "given", 1.0)


@pytest.mark.model
def test_metadata_date_is_kept_with_its_origin(nlp):
    published, _ = _settle(nlp, "Talks resumed on March 3, 2020.", "2020-03-04", "metadata")
    assert (published.value, published.origin) == ("2020-03-04", "metadata")


# -- from the text ------------------------------------------------------------------------------------------

@pytest.mark.model
def test_dateline_is_read_as_stated(nlp):
    text = "Friday, January 4, 2019\n\nAn apartment building collapsed on Monday in Magnitogorsk."
    published, _ = _settle(nlp, text)
    assert (published.value, published.origin) == ("2019-01-04", "text")
    assert published.evidence and text[slice(*published.evidence[0])] == "Friday, January 4, 2019"


@pytest.mark.model
def test_agency_dateline(nlp):
    published, _ = _settle(nlp, "NAIROBI, Kenya, Aug. 7, 1998 (AP) - Bombs exploded outside two embassies.")
    assert (published.value, published.origin) == ("1998-08-07", "text")


@pytest.mark.model
def test_inferred_between_past_and_coming_events(nlp):
    text = ("On November 28, Russia launched a second major attack on the energy grid. "
            "NATO foreign ministers will meet on December 3-4, 2024 in Brussels.")
    published, ctx = _settle(nlp, text)
    assert published.origin == "inferred"
    assert "2024-11-28" <= published.value <= "2024-12-02"
    assert 0 < published.confidence < 0.9
    assert any(w.code == "published_inferred" for w in ctx.warnings)


@pytest.mark.model
def test_year_less_date_borrows_no_year_from_a_distant_one(nlp):
    # 2014 is background, months away from March 24: nothing vouches for the year, so no guess
    text = "The party was founded in June 2014. The election is scheduled for March 24. Voters rallied on March 2."
    published, _ = _settle(nlp, text)
    assert published.origin == "none" and published.value is None


@pytest.mark.model
def test_one_bound_alone_abstains(nlp):
    published, ctx = _settle(nlp, "The treaty was signed on April 4, 1949, in Washington.")
    assert (published.value, published.origin, published.confidence) == (None, "none", 0.0)
    assert any(w.code == "no_published_date" for w in ctx.warnings)


@pytest.mark.model
def test_no_date_at_all_is_never_today(nlp):
    published, _ = _settle(nlp, "Protesters gathered outside parliament and police made arrests.")
    assert published.value is None and published.origin == "none"


@pytest.mark.model
def test_seed_article_facts(seed_record):
    published = seed_record["published"]
    assert published["origin"] == "inferred"
    assert "2024-11-28" <= published["value"] <= "2024-12-02"
    values = {t["text"]: t["value"] for t in seed_record["times"]}
    assert values["last month"] == "2024-10"
    assert values["November 28"] == "2024-11-28"
    assert values["33-month"] == "P33M"
    ranged = next(t for t in seed_record["times"] if t["text"] == "December 3-4, 2024")
    assert (ranged["value"], ranged["value_end"]) == ("2024-12-03", "2024-12-04")


# -- HTML pages (no model) ----------------------------------------------------------------------------------

def _page(head: str = "", body: str = "") -> str:
    return f"<html><head><title>T</title>{head}</head><body><article><p>{body}</p></article></body></html>"


def test_page_metadata_comes_before_dates_in_the_text():
    html = _page('<meta property="article:published_time" content="2021-03-05T10:00:00+01:00">',
                 "Die Regeln gelten seit dem 12.01.2020 und wurden 2019 beschlossen.")
    assert find_page_date(html, "https://example.org/news/regeln") == "2021-03-05"


def test_utc_timestamp_is_read_in_the_page_zone():
    html = _page('<meta property="article:published_time" content="2021-11-04T23:00Z">', "Wahlen.")
    assert find_page_date(html, "https://www.example.de/laenderberichte/wahlen") == "2021-11-05"


def test_labelled_publication_date_wins():
    html = _page("", "Letzte Änderung: 31.10.2023 - 14:49<br>Erschienen am: 01.11.2023<br>Text über 12.05.2021.")
    assert labelled_date(html) == "2023-11-01"
    assert find_page_date(html, "https://example.org/artikel") == "2023-11-01"


def test_disagreeing_labels_say_nothing():
    html = _page("", "Veröffentlicht am 03.02.2022. Kommentar veröffentlicht am 05.02.2022.")
    assert labelled_date(html) is None


def test_url_dates():
    assert url_day("https://news.example.com/2019/12/09/story.html") == "2019-12-09"
    assert clean_url("https://blog.example.de/2023/10/3-fragen-an-sie/") == "https://blog.example.de/2023/10/fragen-an-sie/"
    assert clean_url("https://example.com/2023/10/03/story") == "https://example.com/2023/10/03/story"


def test_page_without_any_date():
    assert find_page_date(_page("", "Kein Datum hier."), "https://example.org/about") is None
