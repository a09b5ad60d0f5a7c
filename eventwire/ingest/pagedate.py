"""The publication date of a web page: htmldate's reading of the page's metadata and visible dates, with checks
of our own where it is known to slip.

- A URL whose slug starts with a number right after a year and month ("/2023/10/3-fragen-an-...") is read by
  htmldate as a day; the number is taken off before htmldate sees the URL (the year and month stay).
- A page that labels its publication date ("Erschienen am: 01.11.2023", "Veröffentlicht am 16.08.2019",
  "Published: ...", an element marked ``itemprop="datePublished"``) says which of its dates is the one; when
  all its labelled dates agree, that date wins over htmldate's pick, unless the URL spells htmldate's day out.
- htmldate gives a bare year as 1 January; a full date from the page (its update date) is preferred then.
- Publication timestamps written in UTC ("2021-11-04T23:00Z") name the day in Greenwich, which is not the
  day the page was published where it was published. The day is taken in the page's own time zone: the offset
  its other timestamps carry, else the one its country domain implies.
"""
from __future__ import annotations

import html as html_entities
import logging
import re
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import htmldate

logging.getLogger("htmldate").setLevel(logging.CRITICAL)

SLUG_DAY = re.compile(r"(/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/)\d{1,2}-(?=[^/]*[A-Za-z])")
TIMESTAMP = re.compile(r"(\d{4}-\d\d-\d\d)[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)")
PUBLISHED_STAMP = re.compile(
    r"(?:article:published_time|og:published_time|datePublished|pubdate|publishdate|parsely-pub-date|"
    r"sailthru\.date|dc\.date\.issued|date\.available)[\"']?\s*(?:content=|:)\s*[\"']?"
    r"(\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d))", re.I)
# the zone a country domain implies, for pages that carry no offset of their own
TLD_ZONES = {
    "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich", "fr": "Europe/Paris", "it": "Europe/Rome",
    "es": "Europe/Madrid", "nl": "Europe/Amsterdam", "be": "Europe/Brussels", "pl": "Europe/Warsaw",
    "dk": "Europe/Copenhagen", "se": "Europe/Stockholm", "no": "Europe/Oslo", "cz": "Europe/Prague",
    "lu": "Europe/Luxembourg", "li": "Europe/Vaduz", "uk": "Europe/London", "ie": "Europe/Dublin",
    "pt": "Europe/Lisbon", "fi": "Europe/Helsinki", "gr": "Europe/Athens", "ru": "Europe/Moscow",
    "ua": "Europe/Kyiv", "jp": "Asia/Tokyo", "kr": "Asia/Seoul", "cn": "Asia/Shanghai", "in": "Asia/Kolkata",
    "au": "Australia/Sydney", "nz": "Pacific/Auckland", "br": "America/Sao_Paulo", "vn": "Asia/Ho_Chi_Minh",
}


def _offset(raw: str) -> timedelta:
    if raw == "Z":
        return timedelta(0)
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4]))


def clean_url(url: str | None) -> str | None:
    """``url`` without a number that starts its slug after /YYYY/MM/ (which htmldate would take for the day)."""
    if not url:
        return url
    parts = urlsplit(url)
    path = SLUG_DAY.sub(r"\1", parts.path)
    return urlunsplit(parts._replace(path=path)) if path != parts.path else url


def page_zone(html: str, url: str | None) -> timezone | ZoneInfo | None:
    """The page's own time zone: the commonest non-zero offset among its timestamps, else its country domain's."""
    offsets = Counter(m.group(4) for m in TIMESTAMP.finditer(html) if _offset(m.group(4)) != timedelta(0))
    if offsets:
        return timezone(_offset(offsets.most_common(1)[0][0]))
    host = urlsplit(url).hostname or "" if url else ""
    tld = host.rsplit(".", 1)[-1].lower() if host else ""
    return ZoneInfo(TLD_ZONES[tld]) if tld in TLD_ZONES else None


def local_day(html: str, url: str | None, day: str) -> str:
    """``day`` moved to the page's own zone when it came from a UTC publication timestamp."""
    zone = None
    for m in PUBLISHED_STAMP.finditer(html):
        stamp = TIMESTAMP.match(m.group(1))
        if stamp is None or stamp.group(1) != day or _offset(stamp.group(4)) != timedelta(0):
            continue
        if zone is None:
            zone = page_zone(html, url)
            if zone is None:
                return day
        moment = datetime.fromisoformat(f"{stamp.group(1)}T{stamp.group(2)}:{stamp.group(3)}").replace(
            tzinfo=UTC)
        return moment.astimezone(zone).date().isoformat()
    return day


MONTH_NAMES = {
    "januar": 1, "jänner": 1, "january": 1, "janvier": 1, "gennaio": 1, "enero": 1,
    "februar": 2, "february": 2, "février": 2, "febbraio": 2, "febrero": 2,
    "märz": 3, "maerz": 3, "march": 3, "mars": 3, "marzo": 3,
    "april": 4, "avril": 4, "aprile": 4, "abril": 4,
    "mai": 5, "may": 5, "maggio": 5, "mayo": 5,
    "juni": 6, "june": 6, "juin": 6, "giugno": 6, "junio": 6,
    "juli": 7, "july": 7, "juillet": 7, "luglio": 7, "julio": 7,
    "august": 8, "août": 8, "agosto": 8,
    "september": 9, "septembre": 9, "settembre": 9, "septiembre": 9,
    "oktober": 10, "october": 10, "octobre": 10, "ottobre": 10, "octubre": 10,
    "november": 11, "novembre": 11, "noviembre": 11,
    "dezember": 12, "december": 12, "décembre": 12, "dicembre": 12, "diciembre": 12,
}
_MONTHS_RX = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
_DATE = (r"(?:(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.\s?(?P<y1>(?:19|20)\d\d)"
         r"|(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)"
         r"|(?P<d3>\d{1,2})\.?\s+(?P<n3>" + _MONTHS_RX + r")\.?\s+(?P<y3>(?:19|20)\d\d)"
         r"|(?P<n4>" + _MONTHS_RX + r")\s+(?P<d4>\d{1,2}),?\s+(?P<y4>(?:19|20)\d\d))")
CUED = re.compile(r"(?i)(?<!\w)(?:erschienen am|veröffentlicht am|veröffentlicht|erstellt am|publiziert am|"
                  r"publiziert|published on|published|posted on|posted|datum|date|publié le|pubblicato il|"
                  r"publicado el|online seit)\s*:?\s*(?:\w+,\s*)?" + _DATE)
NOT_PUBLISHED = re.compile(r"(?i)(?:letzte änderung|aktualisiert|updated|modified|geändert|stand)\W*$")
ITEMPROP = re.compile(
    r"itemprop=[\"']datePublished[\"'][^>]*?(?:content|datetime)=[\"']([^\"']+)|"
    r"(?:content|datetime)=[\"']([^\"']+)[\"'][^>]*?itemprop=[\"']datePublished[\"']", re.I)
INVISIBLE = re.compile(r"(?is)<(script|style|noscript|template)[^>]*>.*?</\1>")
URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|$|[_.])")


def _cued_day(match: re.Match) -> str | None:
    g = match.groupdict()
    for i in "1234":
        if g.get(f"y{i}"):
            month = int(g[f"m{i}"]) if g.get(f"m{i}") else MONTH_NAMES[g[f"n{i}"].lower()]
            day = int(g[f"d{i}"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{int(g[f'y{i}']):04d}-{month:02d}-{day:02d}"
    return None


def labelled_date(html: str, url: str | None = None) -> str | None:
    """The publication date the page labels as such, when all its labelled dates agree; else None."""
    marked = set()
    for m in ITEMPROP.finditer(html):
        raw = m.group(1) or m.group(2)
        if re.match(r"\d{4}-\d\d-\d\d", raw):
            marked.add(raw[:10])  # as written: an element marked up by hand shows the day it means
    if len(marked) == 1:
        return marked.pop()
    if marked:
        return None
    text = re.sub(r"\s+", " ", html_entities.unescape(re.sub(r"<[^>]+>", " ", INVISIBLE.sub(" ", html))))
    found = set()
    for m in CUED.finditer(text):
        if NOT_PUBLISHED.search(text[max(0, m.start() - 30):m.start()]):
            continue
        day = _cued_day(m)
        if day:
            found.add(day)
    return found.pop() if len(found) == 1 else None


def url_day(url: str | None) -> str | None:
    """The day a URL spells out (/2019/12/09/), or None."""
    m = URL_DAY.search(url or "")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def find_page_date(html: str, url: str | None = None) -> str | None:
    """The page's publication day (YYYY-MM-DD), or None."""
    try:
        day = htmldate.find_date(html, url=clean_url(url), extensive_search=True, original_date=True)
    except Exception:  # htmldate raises on odd markup; a page without a date is not an error
        day = None
    if day and day.endswith("-01-01"):
        # a bare year (a copyright line, a "since 2004") comes out as 1 January: a full date the page gives
        # as its last update is the better reading then
        try:
            updated = htmldate.find_date(html, url=clean_url(url), extensive_search=True, original_date=False)
        except Exception:
            updated = None
        if updated and not updated.endswith("-01-01"):
            day = updated
    if day:
        day = local_day(html, url, day)
    labelled = labelled_date(html, url)
    if labelled and labelled != day and not (day and day == url_day(url)):
        return labelled
    return day
