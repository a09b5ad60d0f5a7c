"""Toponym recognition: place names found by the NER model and by the gazetteer, in context.

The spaCy model alone mislabels places (the small English model calls "Kiev" a PERSON) and misses small ones
("Kapustin Yar"), so every run of capitalized words is also looked up in the gazetteer (longest match first) and
kept when the context supports a place: the model called it a place, it follows a locative preposition, it names a
country, region or large city, or it is qualified ("Paris, Texas"). Demonyms ("French engineer") are never places.
A direction word before a place ("eastern Ukraine") joins the mention; a facility ("the Yuzhmash plant") becomes a
mention of its own (``facilities``), located later through the place it is said to be in.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...geo import Candidate, Gazetteer, fold
from ...geo.build import CODE
from ..actors.tables import load as actor_tables
from ..actors.tables import tokens_of
from .facilities import facility_run
from .frames import (
    ends_a_persons_name,
    framed_names,
    listed_names,
    located_names,
    names_someone,
    said_of_a_person,
)
from .mention import STRONG_POPULATION, EntIndex, Mention, is_strong, saint, span_key
from .words import (
    BELIEFS,
    CALENDAR,
    CITY_WORDS,
    CLOSING_QUOTES,
    CONNECTORS,
    DIRECTIONS,
    FEATURE_TAILS,
    FRAME_EXTRA,
    GENERIC,
    LANDMARK_FEATURES,
    LOCATIVE,
    NAME_PREFIXES,
    NON_PLACE_LABELS,
    OPENING_QUOTES,
    PLACE_FRAMES,
    PLACE_LABELS,
    REGION_WORDS,
    TAKING_PEOPLE,
    and_segments,
    is_name_token,
    object_verb,
    opens_particle_name,
    qualified_after,
    taken_or_struck,
    word_before,
)

MAX_TOKENS = 6


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of name tokens, with connectors and hyphens inside ("Rio de Janeiro", "Mazar-i-Sharif")."""
    runs = []
    i, n = 0, len(doc)
    while i < n:
        if not is_name_token(doc[i]) and not opens_particle_name(doc, i):
            i += 1
            continue
        j = i + 1
        while j < n:
            tok = doc[j]
            if tok.ent_type_ in NON_PLACE_LABELS and doc[i].ent_type_ not in NON_PLACE_LABELS:
                break  # "Zzyzxqwa Sunday"
            if is_name_token(tok):
                j += 1
            elif opens_particle_name(doc, j):
                j += 3  # "Ras al-Ain", "Bustan al-Qasr"
            elif ((tok.lower_ in CONNECTORS or tok.text in ("-", "'s", "’s")) and j + 1 < n
                  and is_name_token(doc[j + 1])):
                j += 2
            elif tok.lower_ == "of" and j + 2 < n and doc[j + 1].lower_ == "the" and is_name_token(doc[j + 2]):
                j += 3  # Democratic Republic of the Congo
            elif (tok.text == "-" and j + 3 < n and doc[j + 1].lower_ in CONNECTORS and doc[j + 2].text == "-"
                  and is_name_token(doc[j + 3])):
                j += 4
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _locative_before(doc: Doc, i: int, b: int | None = None) -> bool:
    """A preposition of place before the name: right before it ("in Yala", "in the north of"), or with words
    between whose phrase the name heads ("in downtown Yala", "in oil city Port Harcourt")."""
    k = word_before(doc, i)  # "in  Dhuluiya"
    if k >= 0 and doc[k].text in OPENING_QUOTES:
        end = b if b is not None else i + 1
        if any(t.text in CLOSING_QUOTES for t in doc[end:end + 4]):
            return False  # a title: "an actress in ‘Hart of Dixie’"
        k -= 1  # "in ‘Ayn Al-Fijah"
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k >= 0 and doc[k].lower_ in DIRECTIONS:
        k -= 1
    if k >= 0 and doc[k].lower_ in LOCATIVE:
        return True
    last = doc[b - 1] if b is not None else doc[i]
    prep = last.head
    return (last.dep_ == "pobj" and prep.lower_ in LOCATIVE and prep.lower_ != "of" and 0 < i - prep.i <= 4
            and all(t.text.islower() and t.is_alpha and t.pos_ != "DET" for t in doc[prep.i + 1:i]))


def _region_code(doc: Doc, a: int, found: dict[str, list[Candidate]]) -> list[Candidate]:
    """The first-level regions a capitalised code after a preposition of place stands for ("in northern NSW",
    "from NSW"); elsewhere such a code is read only as a qualifier ("Lismore, NSW")."""
    text = doc[a].text
    if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 3) or not _locative_before(doc, a, a + 1):
        return []
    return [c for c in found.get(span_key(doc, a, a + 1), []) if c.kind == CODE and c.entry.feature == "ADM1"]


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    ents = EntIndex(doc)
    runs = _runs(doc)
    keys: set[str] = set()
    for i, j in runs:
        for a in range(i, j):
            for b in range(a + 1, min(j, a + MAX_TOKENS) + 1):
                keys.add(span_key(doc, a, b))
    ner_places = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    for ent in ner_places:
        keys.add(fold(ent.text))
    found = gaz.lookup(keys)
    ner_texts = {fold(e.text) for e in ner_places}

    mentions: list[Mention] = []
    taken: set[int] = set()
    for i, j in runs:
        for seg_start, seg_end in and_segments(doc, i, j):
            facility = facility_run(doc, seg_start, seg_end, ents, gaz)
            if facility is not None:
                mentions.append(facility)
                taken.update(range(facility.start, facility.end))
        a = i
        while a < j:
            match = None
            if a in taken:
                a += 1
                continue
            if any(_named_after_a_saint(doc, a, b, found) for b in range(a + 1, min(j, a + 4) + 1)):
                taken.update(range(a, j))  # "St. Patrick's Day", "St. Mary's Hospital": named after a saint
                break
            article = a == i + 2 and opens_particle_name(doc, i)  # "Al-Shadadi" is known as "Shadadi"
            for b in range(min(j, a + MAX_TOKENS), a, -1):
                if (doc[b - 1].text in ("-", ".", "'s", "’s") or doc[a].text == "-"
                        or doc[b - 1].lower_ in CONNECTORS):
                    continue
                if any(k in taken for k in range(a, b)):
                    continue
                key = span_key(doc, a, b)
                cands = [c for c in found.get(key, []) if c.kind != CODE]
                if (cands and b - a == 1 and a > i and is_name_token(doc[a - 1]) and not doc[a - 1].is_stop
                        and (b == j or is_name_token(doc[b])) and not _head_ok(doc, a, cands, ents)):
                    continue  # the last or a middle word of a longer name ("Northern Alliance", "Shah Wali Kot")
                if cands and _inside_longer_name(doc, a, b, j, cands):
                    continue
                if cands and a > i and (opens_particle_name(doc, a) or doc[a - 1].text == "-") and not (
                        _seat_or_country(cands) or article):
                    continue  # the end of a longer name ("Ahl al-Sham", "Ras al-Ain", "Mazar-i-Sharif")
                start = i if article else a
                if cands and _accept(doc, start, b, key, cands, ents, ner_texts, gaz):
                    match = Mention(start, b, start, key, found.get(key, []))
                    break
            if match is None and (regions := _region_code(doc, a, found)):
                match = Mention(a, a + 1, a, span_key(doc, a, a + 1), regions)
            if match is None:
                a += 1
                continue
            mentions.append(match)
            taken.update(range(match.start, match.end))
            a = match.end

    # NER places the gazetteer does not know (kept unresolved: they are still places)
    for ent in ner_places:
        start, end = ent.start, ent.end
        if doc[start].lower_ == "the":
            start += 1
        if start >= end or any(t in taken for t in range(start, end)):
            continue
        if gaz.country_of_demonym(doc[start:end].text) or doc[end - 1].lower_ in BELIEFS:
            continue
        if not any(ch.isalpha() for ch in doc[start:end].text) or not doc[start].text[:1].isupper():
            continue
        key = fold(doc[start:end].text)
        if not found.get(key) and _no_place_of_its_own(doc, start, end):
            continue
        if said_of_a_person(doc, start, end) and not _seat_or_country(found.get(key, [])):
            continue
        if ends_a_persons_name(doc, start, end) and not _major(found.get(key, [])):
            continue
        mentions.append(Mention(start, end, start, key, found.get(key, []), "ner"))
        taken.update(range(start, end))

    def add_framed(start: int, end: int) -> None:
        """A name its context makes a place, unless its words are taken or it is a demonym."""
        if any(t in taken for t in range(start, end)) or gaz.country_of_demonym(doc[start:end].text):
            return
        key = fold(doc[start:end].text)
        mentions.append(Mention(start, end, start, key, found.get(key, []), "ner", framed=True))
        taken.update(range(start, end))

    # names the gazetteer and the model both miss, in a place-naming frame: "the town of Kupres", "Shawa village"
    by_span = {(m.start, m.end): m for m in mentions}
    located = [(a, b) for a, b in located_names(doc, runs) if not found.get(span_key(doc, a, b))]
    for start, end in framed_names(doc, runs) + located:  # a located name the gazetteer knows passed _accept or not
        if (start, end) in by_span:
            by_span[start, end].framed = True
        ent = ents.at(start)
        if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP") and _name_length(doc, ent) > end - start:
            continue  # a longer name that merely begins with it
        add_framed(start, end)

    # names listed with places: "the villages of Aqrab, Harbnafseh and Al-Zarah", "Hama, Homs, Rastan and Talbiseh"
    for start, end in listed_names(doc, runs, [(m.start, m.end) for m in mentions]):
        add_framed(start, end)

    mentions.sort(key=lambda m: m.start)
    _qualifiers(doc, mentions, found, gaz)
    _directions(doc, mentions, gaz)
    _kind_hints(doc, mentions)
    _lists_of_regions(doc, mentions)
    for m in mentions:
        if not m.candidates:  # facilities, and names the gazetteer lacks: "Balintawak, Quezon City"
            m.facility_of = _after_location(doc, m, mentions)
    return mentions


#: the population above which a city the model calls a person is the city when it is captured or struck ("Russian
#: troops captured Grozny"); a smaller town is as often a person ("police captured Jackson")
TAKEN_TOWN = 250_000


def _no_place_of_its_own(doc: Doc, start: int, end: int) -> bool:
    """Whether a name the model calls a place, and the gazetteer lacks, is something else."""
    if doc[start].is_sent_start and all(t.tag_ in ("NN", "NNS") for t in doc[start:end]):
        return True  # a common noun capitalised at the start of a sentence ("Gunmen attacked ...")
    if end - start == 1 and object_verb(doc, start, end) in TAKING_PEOPLE:
        return True  # one word, captured: someone ("Israel captured Barghuti")
    if doc[start].lower_ == "operation" and end - start >= 2:
        return True  # a military operation's name ("Operation Anaconda")
    # an organisation or a person of the actor dictionaries ("Daesh"); someone's ("his daughter Pratiksha")
    return _names_an_actor(doc[start:end].text) or names_someone(doc[start:end])


def _names_an_actor(text: str) -> bool:
    """Whether ``text`` is, word for word, an organisation or a person of the actor dictionaries, and no place of
    theirs."""
    words = tokens_of(text)
    terms = [t for t in actor_tables().index.get(words[0], ()) if t.tokens == words] if words else []
    return any(t.entity is not None and t.entity.kind in ("org", "person") for t in terms) and not any(
        t.kind in ("country", "capital", "city") for t in terms)


def _named_after_a_saint(doc: Doc, a: int, b: int, found: dict[str, list[Candidate]]) -> bool:
    """"St. Mary's Hospital": named after a saint; not a large town that owns what follows ("San Francisco's
    Mission District", "St. Petersburg's mayor")."""
    if not saint(doc, a, b):
        return False
    end = b - 1 if doc[b - 1].text in ("'s", "’s") else b
    return not any(c.kind == 0 and c.entry.feature.startswith("PPL") and c.entry.population >= STRONG_POPULATION
                   for c in found.get(span_key(doc, a, end), []))


def _name_length(doc: Doc, ent) -> int:
    """How many tokens an entity's name has, without a leading "the" and up to a comma ("Poso, Col." is two
    names)."""
    start = ent.start + (doc[ent.start].lower_ == "the")
    end = next((k for k in range(start, ent.end) if doc[k].text == ","), ent.end)
    return end - start


def _after_location(doc: Doc, m: Mention, mentions: list[Mention]) -> int | None:
    """The place said to contain a facility or a name the gazetteer lacks: right after it ("Royal Street in New
    Orleans", "Barclays Center, Brooklyn", "the Adhamiyah district of Baghdad"), or framing it before ("Cairo's
    suburb of Madinaty", "the Nairobi slum Kibera")."""
    starts = {x.start for x in mentions if x.source != "facility"}
    k = m.end
    if k < len(doc) and doc[k].lower_ in PLACE_FRAMES and doc[k].text.islower():
        k += 1  # "Wedza district, Mashonaland East province"
    if k < len(doc) and doc[k].lower_ in (",", "in", "near", "at", "outside", "of"):
        k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k in starts:
            return k
    return _framing_location(doc, m, mentions)


def _framing_location(doc: Doc, m: Mention, mentions: list[Mention]) -> int | None:
    """"Cairo's gated suburb of Madinaty", "the Nairobi slum Kibera": the place before the frame noun."""
    k = m.start - 1
    if k >= 1 and doc[k].lower_ == "of":
        k -= 1
    if k < 1 or not (doc[k].lower_ in PLACE_FRAMES or doc[k].lower_ in FRAME_EXTRA) or not doc[k].text.islower():
        return None
    k -= 1
    while k >= 1 and doc[k].tag_ in ("JJ", "VBN") and doc[k].text.islower():
        k -= 1  # "gated", "northern"
    if doc[k].text in ("'s", "’s"):
        k -= 1
    for x in mentions:
        if x.source != "facility" and x.end - 1 == k and x is not m:
            return x.start
    return None


def _inside_longer_name(doc: Doc, a: int, b: int, j: int, cands: list[Candidate]) -> bool:
    """Whether a town's name at ``a:b`` only opens a longer name the gazetteer lacks: a natural feature or site
    named after it ("Fraser Valley", "Ural Mountains", "Eva's Village"), or an Arabic name that starts with a
    common word ("Beni Suef", "Abu Shok"). Countries, regions, large towns and this project's own areas keep their
    reading ("Sinai Peninsula", "Nile Delta", "Tijuana River")."""
    if b >= j:
        return False
    if opens_particle_name(doc, b) and not any(c.entry.feature in ("PCLI", "ADM1") for c in cands):
        return True  # "Bustan al-Qasr", "Ras al-Ain": one name, not the town "Bustan"
    if b - a == 1 and doc[a].lower_ in NAME_PREFIXES and is_name_token(doc[b]):
        return not any(c.entry.feature in ("PCLI", "ADM1") for c in cands)
    if all(c.entry.id < 0 and c.entry.feature in LANDMARK_FEATURES for c in cands) and is_name_token(doc[b]):
        return True  # a landmark that opens another name: "Wall Street Journal", "Camp David Accords"
    if is_strong(cands):
        return False  # a country, a region or a large town names the feature well enough ("Tijuana River")
    k = b + 1 if doc[b].text in ("'s", "’s") and b + 1 < len(doc) else b
    return doc[k].text[:1].isupper() and doc[k].lower_ in FEATURE_TAILS


def _head_ok(doc: Doc, a: int, cands: list[Candidate], ents: EntIndex) -> bool:
    ent = ents.at(a)
    if ent is not None and ent.label_ in PLACE_LABELS and ent.start == a:
        return True
    return doc[a - 1].lower_ in DIRECTIONS or any(c.entry.feature in ("PCLI", "ADM1", "CONT") or c.entry.id < 0
                                                  for c in cands)


def _major(cands: list[Candidate]) -> bool:
    """A country, a first-level region, a capital or a city of a million: not a surname however used."""
    return _seat_or_country(cands) or any(c.kind == 0 and c.entry.population >= 1_000_000 for c in cands)


def _seat_or_country(cands: list[Candidate]) -> bool:
    """A country, a first-level region, a capital or a continent: a place even where a person's name would fit."""
    return any(c.entry.is_country or c.entry.feature in ("PPLC", "ADM1", "CONT") for c in cands)


def _accept(doc: Doc, a: int, b: int, key: str, cands: list[Candidate], ents: EntIndex, ner_texts: set[str],
            gaz: Gazetteer) -> bool:
    if gaz.country_of_demonym(doc[a:b].text) and not any(c.entry.is_country for c in cands):
        return False
    ent = ents.at(a)
    spanned = {id(e): e for e in (ents.at(k) for k in range(a, b)) if e is not None}
    if b - a >= 2 and any(c.kind == 0 and c.entry.is_country for c in cands):
        return True  # a country's full name ("Trinidad and Tobago"), however the model splits it
    if said_of_a_person(doc, a, b) and not _seat_or_country(cands):
        return False  # "according to Adan", "Millan, 41,", "assailants shot Oudeh"
    if ends_a_persons_name(doc, a, b) and not _major(cands):
        return False  # "Blankenship" after "Don Blankenship"; not "Melbourne" after a slogan "Make Melbourne"
    if len(spanned) > 1 and not all(e.label_ in PLACE_LABELS for e in spanned.values()):
        return False  # the match straddles two entities
    if ent is not None and (ent.label_ in NON_PLACE_LABELS
                            or (ent.label_ == "NORP" and gaz.country_of_demonym(ent.text))):
        if ent.label_ == "NORP" or doc[a].lower_ in CALENDAR:
            return False
        ent = None  # the small model's DATE / NORP on a town's name ("in Manbij", "the town of Torun")
    label = ent.label_ if ent is not None else ""
    last = doc[b - 1].lower_
    core = a + 2 if opens_particle_name(doc, a) else a  # "al-Bab" is one word
    if b - core == 1:
        tok = doc[core]
        whole_place = label in PLACE_LABELS and ent.end - ent.start == 1
        if (tok.lower_ in DIRECTIONS or tok.lower_ in CALENDAR or tok.lower_ in BELIEFS
                or (fold(tok.text) in GENERIC and not whole_place)):
            return False  # "Western", "May", "Peninsula"
        if not whole_place and (tok.pos_ in ("VERB", "ADV", "PRON", "DET", "AUX")
                                or (tok.pos_ == "ADJ" and not (is_strong(cands) and tok.text.istitle()
                                                                and (core == 0 or doc[core - 1].text != "-")))
                                or (tok.is_stop and not tok.text.isupper())):
            return False  # "No", "Will", "anti-Bush"; not "Aleppo bore the brunt", a large city the parser made an ADJ
        if any(ch.isupper() for ch in tok.text[1:]) and not tok.text.isupper() and "-" not in tok.text:
            return False  # "MoD", "iPhone"
        if len(key) <= 3 and not tok.text.isupper() and all(c.kind != 0 for c in cands):
            return False  # a word that spells a region's code ("Act" is not the ACT)
        if tok.text.isupper() and len(tok.text) <= 5 and not any(c.entry.is_country or c.entry.id < 0
                                                                  for c in cands):
            return False  # acronyms ("NATO") are organisations unless they name a country ("US", "EU")
    elif last in GENERIC and all(c.kind != 0 for c in cands):
        return False  # "White House" is not Casablanca
    strong = is_strong(cands)
    if ent is not None:
        if ent.end < b:
            return label in PLACE_LABELS and all(e.label_ in PLACE_LABELS for e in spanned.values())
        if label in PLACE_LABELS:
            return True
        if label == "PERSON":
            if (b - a) < (ent.end - ent.start):
                return False  # part of a person's name ("Paris Hilton")
            if (a >= 2 and doc[a - 1].text in ("'s", "’s") and doc[a - 2].ent_type_ in ("ORG", "PERSON")
                    and not any(c.entry.is_country for c in cands)):
                return False  # a member of a band or a team ("U2's Bono"); not "Mexico's Sinaloa"
            top = max(cands, key=lambda c: c.entry.population).entry
            # a country, a region, a capital or one of this project's named areas ("On Oahu, home to Honolulu")
            return (top.feature in ("PCLI", "ADM1", "PPLC") or any(c.entry.id < 0 for c in cands)
                    or key in ner_texts or _locative_before(doc, a, b) or qualified_after(doc, b)
                    or (taken_or_struck(doc, a, b, of_places_only=True) and any(c.kind == 0 for c in cands))
                    or (taken_or_struck(doc, a, b) and not ends_a_persons_name(doc, a, b)
                        and any(c.kind == 0 and c.entry.population >= TAKEN_TOWN for c in cands)))
        # ORG, WORK_OF_ART, EVENT, PRODUCT, LAW, LANGUAGE: embedded toponyms ("The Washington Post"), or a town
        # the small model mislabels, named whole after a locative preposition ("fighting in Vukovar")
        whole = ent.start == a and (ent.end == b or doc[b].text in ("(", ","))  # "the city of Palmyra (Tadmur)"
        return strong or (whole and any(c.kind == 0 for c in cands)
                          and (_locative_before(doc, a, b) or taken_or_struck(doc, a, b)))
    if strong or key in ner_texts:
        return True
    if taken_or_struck(doc, a, b) and any(c.kind == 0 for c in cands):
        return True  # "rebels captured Birao", "Mullaittivu was shelled", "Vukovar was captured"
    if doc[a].is_sent_start and b - core == 1:
        return False
    if _locative_before(doc, a, b) or qualified_after(doc, b):
        return True
    return b - core >= 2 and any(c.kind == 0 for c in cands)


def _qualifiers(doc: Doc, mentions: list[Mention], found: dict[str, list[Candidate]], gaz: Gazetteer) -> None:
    """Link "Paris, Texas" and "Paris, Tex." (a code not otherwise a mention becomes one)."""
    by_start = {m.start: m for m in mentions}
    extra: list[Mention] = []
    for m in mentions:
        k = m.end
        if k + 1 >= len(doc) or doc[k].text != ",":
            continue
        nxt = by_start.get(k + 1)
        if nxt is None:
            for b in range(min(len(doc), k + 1 + 3), k + 1, -1):
                if doc[b - 1].is_punct:
                    continue  # "Lismore, NSW, arrested": the code, not its comma
                key = span_key(doc, k + 1, b)
                codes = [c for c in found.get(key, []) if c.kind == CODE]
                if not codes:
                    codes = [c for c in gaz.lookup([key]).get(key, []) if c.kind == CODE]
                if codes and doc[k + 1].text[:1].isupper():
                    end = b + 1 if b < len(doc) and doc[b].text == "." and not doc[b - 1].text.endswith(".") else b
                    nxt = Mention(k + 1, end, k + 1, key, codes)
                    extra.append(nxt)
                    break
        if nxt is None or not any(c.entry.is_country or c.entry.is_admin for c in nxt.candidates):
            continue
        named = [c for c in m.candidates if c.kind != CODE]
        if named and max(named, key=lambda c: c.entry.population).entry.feature in ("PCLI", "ADM1", "CONT"):
            continue  # a list of countries or states ("Maine, Vermont and ..."), not a town and its state
        m.qualifier = nxt
        m.listed = _goes_on(doc, nxt, by_start)
    mentions.extend(extra)
    mentions.sort(key=lambda x: x.start)


def _goes_on(doc: Doc, qualifier: Mention, by_start: dict[int, Mention]) -> bool:
    """Whether a town's "qualifier" may not be the region the town is in: another name follows it as in a list
    ("Copenhagen, Hamburg, Brasoc and Mannheim"), other than the country the qualifier is in ("Stroud, Ontario,
    Canada"), or it only begins a longer name or a possessor."""
    k = qualifier.end
    if k < len(doc) and (doc[k].lower_ in ("and", "or") or doc[k].text in ("-", "'s", "’s")):
        return True  # and "Rosemead, Mexico's Justice Department", "Mora, Mayo-Sava": not the town's region
    if not (k + 1 < len(doc) and doc[k].text == "," and is_name_token(doc[k + 1])):
        return False
    after = by_start.get(k + 1)
    countries = {c.entry.country for c in qualifier.candidates}
    return not (after is not None and any(c.entry.is_country and c.entry.country in countries
                                          for c in after.candidates))


def _kind_hints(doc: Doc, mentions: list[Mention]) -> None:
    """"New York state", "the state of Washington", "Quebec City", "the city of Mosul"."""
    for m in mentions:
        after = doc[m.end].lower_ if m.end < len(doc) else ""
        before = doc[m.name_start - 2].lower_ if m.name_start >= 2 and doc[m.name_start - 1].lower_ == "of" else ""
        for word in (after, before):
            if word in CITY_WORDS:
                m.kind_hint = "city"
            elif word in REGION_WORDS:
                m.kind_hint = "region"
        if (m.kind_hint is None and m.direction is not None and doc[m.start].text.islower()
                and any(c.kind == 0 and c.entry.feature == "ADM1" for c in m.candidates)
                and not any(c.entry.is_country for c in m.candidates)):
            m.kind_hint = "region"  # "central Washington", "western New York": a side of a state, not of a town


def _lists_of_regions(doc: Doc, mentions: list[Mention]) -> None:
    """In "Michigan, Oregon, New York and Ohio" every name is a state: a name listed beside regions that can be a
    region is taken as one ("New York" the state, "Washington" the state)."""
    def region_like(m: Mention) -> bool:
        named = [c for c in m.candidates if c.kind == 0]
        return bool(named) and max(named, key=lambda c: c.entry.population).entry.feature == "ADM1"

    listed = [False] * len(mentions)
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        between = doc[a.end:b.start]
        if len(between) <= 2 and all(t.text in (",", "and", "or") for t in between) and len(between) >= 1:
            if region_like(b):
                listed[k] = True
            if region_like(a):
                listed[k + 1] = True
    for m, flag in zip(mentions, listed, strict=True):
        if flag and m.kind_hint is None and any(c.entry.feature == "ADM1" and c.kind == 0 for c in m.candidates):
            m.kind_hint = "region"


def _directions(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> None:
    for m in mentions:
        k = m.start - 1
        if k >= 0 and doc[k].lower_ in DIRECTIONS:
            key = fold(doc[k:m.end].text)
            named = [c for c in gaz.lookup([key]).get(key, []) if c.kind == 0]
            if named:  # "eastern Ghouta", "South Sudan": the direction is part of the name
                m.start = m.name_start = k
                m.key, m.candidates = key, named
                continue
        if k >= 0 and doc[k].lower_ in DIRECTIONS and (doc[k].text[:1].islower() or m.candidates
                                                        and all(c.entry.feature != "PPL" for c in m.candidates)):
            m.direction = DIRECTIONS[doc[k].lower_]
            m.start = k


