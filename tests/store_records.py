"""Hand-built ``Document`` records for store tests (our own record type, filled by hand as a stage would)."""
from __future__ import annotations

import re
from typing import Any

from eventwire.records import Actor, Document, Event, EventDate, Place, Published, Quote, TimeExpr

ACTORS = {  # name -> (type, country, sector, code)
    "Russia": ("country", "RUS", "GOV", "RUSGOV"),
    "Ukraine": ("country", "UKR", "GOV", "UKRGOV"),
    "NATO": ("igo", None, None, "IGOWSTNAT"),
    "Andrii Sybiha": ("person", "UKR", "GOV", "UKRGOV"),
    "Russian troops": ("military", "RUS", "MIL", "RUSMIL"),
    "police": ("organization", None, "COP", None),
    "protesters": ("group", None, "OPP", None),
}
PLACES = {  # name -> (geonameid, lat, lon, country, feature)
    "Kyiv": (703448, 50.4547, 30.5238, "UA", "PPLC"),
    "Lviv": (702550, 49.8383, 24.0232, "UA", "PPLA"),
    "Ukraine": (690791, 49.0, 32.0, "UA", "PCLI"),
    "Moscow": (524901, 55.7522, 37.6156, "RU", "PPLC"),
    "Brussels": (2800866, 50.8505, 4.3488, "BE", "PPLC"),
}
CODES = {  # CAMEO -> (PLOVER, quad class, Goldstein)
    "195": ("ASSAULT", 4, -10.0), "194": ("ASSAULT", 4, -10.0), "190": ("ASSAULT", 4, -10.0),
    "040": ("CONSULT", 1, 1.0), "036": ("AGREE", 1, 4.0), "111": ("ACCUSE", 3, -2.0), "145": ("PROTEST", 4, -7.5),
    "0234": ("REQUEST", 3, -2.0), "010": (None, 1, 0.0),
}


def _find(text: str, words: str, start: int = 0) -> tuple[int, int]:
    at = text.find(words, start)
    assert at >= 0, f"{words!r} is not in the text"
    return at, at + len(words)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"[.!?](?:\s+|$)", text):
        spans.append((start, match.start() + 1))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def make_doc(text: str, *, doc_id: str = "doc", url: str | None = None, title: str | None = None,
             published: str | None = "2024-11-29", events: tuple[dict[str, Any], ...] = (),
             quotes: tuple[dict[str, Any], ...] = ()) -> Document:
    """A document whose actors, places and times are found by name in ``text``.

    Each event is a dict: ``trigger`` (words in the text), ``source`` / ``target`` (actor names, or None),
    ``cameo``, ``date`` (a value, or None), ``date_origin`` (text | published), ``place`` (a place name or None),
    ``modality`` (default asserted). Each quote: ``speaker`` (actor name), ``cue``, ``text``.
    """
    sentences = _sentences(text)
    actors: dict[str, Actor] = {}
    for name, (kind, country, sector, code) in ACTORS.items():
        spans = [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", text, re.I)]
        if spans:
            actors[name] = Actor(f"a{len(actors) + 1}", name, kind, country, sector, None, code, spans)
    places: dict[str, Place] = {}
    for name, (geonameid, lat, lon, country, feature) in PLACES.items():
        match = re.search(rf"\b{re.escape(name)}\b", text)
        if match:
            places[name] = Place(f"p{len(places) + 1}", name, (match.start(), match.end()), name, geonameid, lat, lon,
                                 country, feature, "country" if feature.startswith("PCL") else "city")
    times = [TimeExpr(f"t{i + 1}", m.group(0), (m.start(), m.end()), "DATE", value)
             for i, (m, value) in enumerate((m, v) for word, v in (("Thursday", "2024-11-28"),
                                                                   ("Saturday", "2024-11-30"))
                                            for m in re.finditer(word, text))]
    built = []
    for i, spec in enumerate(events):
        trigger = _find(text, spec["trigger"])
        sentence = next(n for n, (a, b) in enumerate(sentences) if a <= trigger[0] < b)
        plover, quad, goldstein = CODES[spec["cameo"]]
        date = spec.get("date", "2024-11-28")
        built.append(Event(
            f"e{i + 1}", [actors[spec["source"]].id] if spec.get("source") else [],
            [actors[spec["target"]].id] if spec.get("target") else [], spec["cameo"], plover, quad, goldstein,
            spec.get("modality", "asserted"),
            EventDate(date, spec.get("date_origin", "text"), None, "day") if date else None,
            places[spec["place"]].id if spec.get("place") else None, sentence, trigger, sentences[sentence], 0.8))
    built_quotes = []
    for i, spec in enumerate(quotes):
        span = _find(text, spec["text"])
        cue = _find(text, spec["cue"])
        speaker = actors[spec["speaker"]]
        built_quotes.append(Quote(f"q{i + 1}", speaker.id, speaker.mentions[0], spec["cue"], cue, spec["text"], span,
                                  spec.get("kind", "direct")))
    source = url.split("/")[2].removeprefix("www.") if url else None
    return Document(id=doc_id, text=text, published=Published(published, "given" if published else "none",
                                                              1.0 if published else 0.0),
                    url=url, source=source, title=title, language="en", sentences=sentences,
                    actors=list(actors.values()), events=built, quotes=built_quotes, times=times,
                    places=list(places.values()))


STRIKE = ("Russia launched a massive missile attack on Ukraine on Thursday, hitting Kyiv and its power plants. "
          "Officials in Kyiv said ten people were killed and dozens wounded in the strikes. "
          "The attack damaged power lines across the region and left a million homes without heat. "
          "Andrii Sybiha said Ukraine needs more air defence systems to protect its cities.\n"
          "Ukraine accused Russia of targeting civilians. Russia said its forces hit military sites only. "
          "NATO ministers will meet in Brussels next week to discuss more help for Ukraine.")

STRIKE_EVENTS = (
    {"trigger": "attack on Ukraine", "source": "Russia", "target": "Ukraine", "cameo": "195", "place": "Kyiv"},
    {"trigger": "accused", "source": "Ukraine", "target": "Russia", "cameo": "111", "place": None},
)


def strike(doc_id: str = "strike", url: str | None = "https://www.example-news.com/world/strike",
           **kwargs: Any) -> Document:
    return make_doc(STRIKE, doc_id=doc_id, url=url, title="Russia strikes Kyiv", events=STRIKE_EVENTS,
                    quotes=({"speaker": "Andrii Sybiha", "cue": "said",
                             "text": "Ukraine needs more air defence systems", "kind": "indirect"},), **kwargs)


def syndicated_copy(doc_id: str = "copy", url: str = "https://other-wire.org/news/12345") -> Document:
    """The same story on another site: another headline, the third sentence trimmed."""
    text = STRIKE.replace("The attack damaged power lines across the region and left a million homes without "
                          "heat. ", "")
    return make_doc(text, doc_id=doc_id, url=url, title="Missiles hit Ukrainian capital", events=STRIKE_EVENTS,
                    published="2024-11-29")
