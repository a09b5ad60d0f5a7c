"""RSS/Atom feed files and WARC archives made in the test, read into articles; mixed folders."""
from __future__ import annotations

import gzip
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest.feeds import html_text, parse_feed
from eventwire.ingest.sources import read_sources
from eventwire.ingest.warc import read_warc
from eventwire.records import Article, InputError

LONG = ("<p>Russia launched a massive missile attack on Ukraine on Thursday, hitting Kyiv and its power plants, "
        "officials said.</p><p>Ten people were killed and dozens wounded in the strikes, the mayor of Kyiv said in a "
        "statement on Thursday evening.</p><p>The attack damaged power lines across the region and left a million "
        "homes without heat as temperatures fell below freezing, the energy ministry said.</p>")

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>World news</title>
<item><title>Missiles hit Kyiv</title><link>https://news.example.com/world/strike</link>
  <guid>strike-1</guid><pubDate>Thu, 28 Nov 2024 18:00:00 +0100</pubDate>
  <description>A short summary.</description><content:encoded><![CDATA[{LONG}]]></content:encoded></item>
<item><title>Police arrest protesters</title><link>https://news.example.com/moscow</link>
  <pubDate>Sat, 30 Nov 2024 09:00:00 GMT</pubDate>
  <description>&lt;p&gt;Police arrested dozens of protesters in Moscow on Saturday.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://news.example.com/empty</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2024-11-29T00:00:00Z</updated>
<entry><title>Strike on Kyiv</title><id>urn:wire:1</id><link href="https://wire.example.org/1"/>
  <updated>2024-11-29T07:30:00Z</updated><content type="html"><![CDATA[{LONG}]]></content></entry>
</feed>"""


def test_html_fragments_keep_their_paragraphs():
    assert html_text("<p>One.</p><p>Two <b>bold</b>.</p><script>x()</script>") == "One.\nTwo bold."


def test_rss_entries_become_articles_from_their_content_or_summary(tmp_path):
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    strike, moscow, empty = read_sources([str(path)])
    assert isinstance(strike, Article) and strike.id == "strike-1" and strike.title == "Missiles hit Kyiv"
    assert strike.url == "https://news.example.com/world/strike" and strike.source == "news.example.com"
    assert strike.published == "2024-11-28T17:00:00" and strike.published_origin == "metadata"
    assert strike.text.split("\n")[0].startswith("Russia launched") and len(strike.text.split("\n")) == 3
    assert moscow.text == "Police arrested dozens of protesters in Moscow on Saturday."  # no fetcher: the summary
    assert isinstance(empty, InputError) and empty.code == "empty"


def test_atom_entries(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = parse_feed(path.read_bytes(), str(path))
    assert entry.full and entry.id == "urn:wire:1" and entry.published == "2024-11-29T07:30:00"
    (article,) = read_sources([str(path)])
    assert article.url == "https://wire.example.org/1" and "power lines" in article.text


def test_a_file_that_is_not_a_feed_is_an_error(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>call mum</note></notes>", encoding="utf-8")
    (item,) = read_sources([str(path)])
    assert isinstance(item, InputError) and item.code == "bad_feed" and str(path) in item.message


def page(title: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{LONG}</article>"
            "</body></html>").encode()


def write_warc(path, gzip_it=True) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip_it)

        def response(url, status, content_type, body):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          length=len(body), http_headers=headers))

        request = b"GET /a HTTP/1.1\r\nHost: news.example.com\r\n\r\n"
        writer.write_record(writer.create_warc_record("https://news.example.com/a", "request",
                                                      payload=io.BytesIO(request), length=len(request)))
        response("https://news.example.com/a", "200 OK", "text/html; charset=utf-8", page("First story"))
        response("https://news.example.com/logo.png", "200 OK", "image/png", b"\x89PNG" + b"\x00" * 50)
        response("https://news.example.com/gone", "404 Not Found", "text/html", b"<p>not here</p>")
        response("https://news.example.com/empty", "200 OK", "text/html", b"<html><body></body></html>")
        response("https://news.example.com/b", "200 OK", "text/html", page("Second story"))


def test_warc_pages_become_articles_and_the_rest_is_passed_over(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    first, empty, second = read_warc(path)  # the request, the image and the 404 are passed over
    assert isinstance(first, Article) and first.url == "https://news.example.com/a"
    assert first.title == "First story" and "Russia launched" in first.text
    assert isinstance(empty, InputError) and empty.id == "https://news.example.com/empty"
    assert empty.code == "no_text" and empty.input.startswith(f"{path}@")
    assert isinstance(second, Article) and second.title == "Second story"


def test_an_unreadable_page_in_a_warc_is_an_error_naming_the_record(tmp_path):
    path = tmp_path / "crawl.warc"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        body = b"\x00\x01\x02 binary bytes \x00" * 20
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example.com/bin", "response",
                                                      payload=io.BytesIO(body), length=len(body),
                                                      http_headers=headers))
    (error,) = read_warc(path)
    assert isinstance(error, InputError) and error.id == "https://news.example.com/bin" and error.code == "binary"
    assert error.input.startswith(f"{path}@")


def test_plain_warc_and_a_damaged_one(tmp_path):
    plain = tmp_path / "crawl.warc"
    write_warc(plain, gzip_it=False)
    assert [a.title for a in read_warc(plain) if isinstance(a, Article)] == ["First story", "Second story"]
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(gzip.compress(b"this is not a WARC record at all\r\n\r\n" * 5))
    items = list(read_warc(damaged))
    assert [i.code for i in items if isinstance(i, InputError)] == ["bad_warc"]


def test_a_folder_of_mixed_inputs_is_read_in_order(tmp_path):
    (tmp_path / "a.txt").write_text("Police arrested two men in Ahmedabad on Tuesday.", encoding="utf-8")
    (tmp_path / "b.rss").write_text(RSS, encoding="utf-8")
    write_warc(tmp_path / "c.warc.gz")
    (tmp_path / "d.png").write_bytes(b"\x89PNG")
    items = list(read_sources([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Article", "InputError", "Article",
                                                 "InputError", "Article"]
    assert items[0].id == "a" and items[1].id == "strike-1" and items[4].title == "First story"
