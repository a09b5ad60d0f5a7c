"""Readers: plain text, HTML, JSONL, folders, encodings and bad inputs (no model needed)."""
from __future__ import annotations

import json

from eventwire.config import Settings
from eventwire.ingest import read_inputs
from eventwire.ingest.decode import decode_bytes, looks_binary
from eventwire.ingest.text import clean_text
from eventwire.records import Article, InputError

from .conftest import SEED_TEXT


def test_seed_article_boilerplate_removed_and_url_taken():
    (article,) = list(read_inputs([SEED_TEXT]))
    assert isinstance(article, Article)
    assert article.id == "000_7f89604170f3214f"
    assert article.url == "https://vtcnews.vn/tiet-lo-buc-thu-ukraine-thuc-giuc-nato-ket-nap-thanh-vien-ar910555.html"
    assert article.source == "vtcnews.vn"
    assert "Source:" not in article.text and "Comment (0)" not in article.text
    assert article.text.startswith("The content of the letter sent by Ukrainian Foreign Minister Andrii Sybiha")
    assert article.text.endswith("the Yuzhmash enterprise in Dnipro, Ukraine.")
    assert article.title is None  # the first line is a sentence, not a headline


def test_title_line_detected():
    cleaned = clean_text("Russia strikes Ukraine's grid again\n\nRussia launched a major attack on Monday. It was "
                         "the second this month.\nShare this article\n")
    assert cleaned.title == "Russia strikes Ukraine's grid again"
    assert cleaned.text == "Russia launched a major attack on Monday. It was the second this month."


def test_footer_lines_inside_the_body_are_kept():
    cleaned = clean_text("First paragraph.\nComment (3)\nLast paragraph.")
    assert "Comment (3)" in cleaned.text


def test_html_page(tmp_path):
    page = tmp_path / "story.html"
    body = " ".join(["Officials in Nairobi said the talks would resume next week after a pause."] * 6)
    page.write_text(
        "<html><head><title>Talks resume | Daily</title>"
        '<meta property="article:published_time" content="2023-05-04T10:00:00Z">'
        '<link rel="canonical" href="https://daily.example/talks"></head>'
        f"<body><nav>Home | World</nav><article><h1>Talks resume</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>Copyright Daily</footer></body></html>", encoding="utf-8")
    (article,) = list(read_inputs([page]))
    assert isinstance(article, Article)
    assert "talks would resume" in article.text and "Home | World" not in article.text
    assert article.published == "2023-05-04" and article.published_origin == "metadata"
    assert article.title and "Talks resume" in article.title


def test_jsonl_records_and_a_malformed_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "Police arrested two men.", "published": "2013-03-21"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "x", "published": "yesterday"}),
        json.dumps({"id": "d", "text": "The mayor spoke.", "published": "2013-03-21T09:30:00Z"}),
    ]), encoding="utf-8")
    items = list(read_inputs([path]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "InputError", "Article"]
    assert items[0].published == "2013-03-21" and items[0].published_origin == "given"
    assert items[1].code == "bad_json" and f"{path}:2" in items[1].message
    assert items[2].id == "b" and items[2].code == "bad_record" and "neither 'text' nor 'html'" in items[2].message
    assert items[3].code == "bad_published" and "yesterday" in items[3].message
    assert items[4].published.startswith("2013-03-21T09:30")


def test_folder_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article text here.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("First article text here.", encoding="utf-8")
    (tmp_path / "notes.gold.json").write_text("{}", encoding="utf-8")  # not an article: skipped
    items = list(read_inputs([tmp_path]))
    assert [i.id for i in items] == ["two", "one"]  # sorted by path: b/two.txt before one.txt


def test_latin1_bytes_decoded_not_dropped(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président François Hollande a déclaré à Bamako que la France resterait.".encode("latin-1"))
    (article,) = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert "président François" in article.text and "déclaré à Bamako" in article.text


def test_windows_1252_quotes_decoded():
    data = "He said \u201cwe will stay\u201d and left \u2014 quickly, the minister\u2019s aide added.".encode("cp1252")
    assert "\u201cwe will stay\u201d" in decode_bytes(data, "x")


def test_bad_files_become_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    big = tmp_path / "big.txt"
    big.write_text("word " * 3000, encoding="utf-8")
    items = list(read_inputs([empty, binary, big, tmp_path / "missing.txt"], Settings(max_input_bytes=10_000)))
    assert all(isinstance(i, InputError) for i in items)
    assert [i.code for i in items] == ["empty", "binary", "too_large", "not_found"]
    assert all(str(tmp_path) in i.message for i in items)


def test_binary_detection():
    assert looks_binary(b"abc\x00def")
    assert not looks_binary("plain text, with ünïcode".encode())


def test_jsonl_limit_applies_to_each_record_not_the_file(tmp_path):
    path = tmp_path / "many.jsonl"
    small = json.dumps({"id": "ok", "text": "The council met on Monday. " * 10})
    big = json.dumps({"id": "big", "text": "word " * 400})
    path.write_text("\n".join([small] * 20 + [big]), encoding="utf-8")  # the file is over the limit, records not
    items = list(read_inputs([path], Settings(max_input_bytes=1000)))
    assert [type(i).__name__ for i in items[:20]] == ["Article"] * 20
    assert isinstance(items[20], InputError) and items[20].code == "too_large" and f"{path}:21" in items[20].message


def test_jsonl_line_that_is_not_utf8(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(json.dumps({"id": "a", "text": "Fine."}).encode() + b"\n"
                     + '{"id": "b", "text": "caf\xe9"}'.encode("latin-1") + b"\n")
    first, second = read_inputs([path])
    assert isinstance(first, Article)
    assert isinstance(second, InputError) and second.code == "undecodable" and f"{path}:2" in second.message


def test_html_page_without_article_text_keeps_its_date_with_a_warning(tmp_path):
    page = tmp_path / "gallery.html"
    page.write_text('<html><head><title>Photo gallery</title><meta name="date" content="2021-06-02"></head>'
                    "<body><div><img src='a.jpg'></div></body></html>", encoding="utf-8")
    (article,) = list(read_inputs([page]))
    assert isinstance(article, Article) and article.text == ""
    assert article.published == "2021-06-02"
    assert [w.code for w in article.warnings] == ["no_text"]
