"""The words of place recognition: entity labels, prepositions, directions, the nouns that frame or end a place's
name, and the token tests built on them (shared by ``recognize`` and ``frames``)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

PLACE_LABELS = {"GPE", "LOC", "FAC"}

#: entity labels whose tokens are never place names
NON_PLACE_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}

#: faiths and beings: no places, though the gazetteer has towns of some of these names ("believes in God", "in Islam")
BELIEFS = {"god", "allah", "jesus", "christ", "islam", "christianity", "judaism", "buddhism", "hinduism", "heaven",
           "hell", "paradise", "quran", "koran", "qur'an", "bible", "torah", "talmud"}

#: believers: a name made of them is a people's, not a place's ("his Rohingya Muslim neighborhood")
BELIEVERS = {"muslim", "muslims", "christian", "christians", "jewish", "jew", "jews", "buddhist", "buddhists",
             "hindu", "hindus", "sikh", "sikhs", "sunni", "sunnis", "shia", "shiite", "shiites", "catholic",
             "catholics", "protestant", "protestants", "orthodox", "alawite", "alawites", "druze", "yazidi",
             "yazidis"}

#: lower-case words allowed inside a multi-word name ("Rio de Janeiro", "Bosnia and Herzegovina")
CONNECTORS = {"of", "de", "del", "la", "le", "les", "el", "al", "da", "do", "dos", "das", "di", "du", "des", "and",
              "upon", "sur", "am", "an", "der", "y", "i", "e", "bin", "ibn", "ul", "es", "au", "aux", "en", "sous"}

LOCATIVE = {"in", "at", "near", "from", "to", "into", "outside", "across", "around", "throughout", "toward",
            "towards", "inside", "within", "via", "through", "between", "over", "off", "along", "of", "beyond",
            "nearby", "northeast", "northwest", "southeast", "southwest", "north", "south", "east", "west"}

DIRECTIONS = {
    "north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1), "northern": (1, 0), "southern": (-1, 0),
    "eastern": (0, 1), "western": (0, -1), "northeast": (1, 1), "northeastern": (1, 1), "north-east": (1, 1),
    "north-eastern": (1, 1), "northwest": (1, -1), "northwestern": (1, -1), "north-west": (1, -1),
    "north-western": (1, -1), "southeast": (-1, 1), "southeastern": (-1, 1), "south-east": (-1, 1),
    "south-eastern": (-1, 1), "southwest": (-1, -1), "southwestern": (-1, -1), "south-west": (-1, -1),
    "south-western": (-1, -1), "central": (0, 0),
}

FACILITY_NOUNS = {"plant", "factory", "enterprise", "works", "airport", "airbase", "base", "port", "refinery",
                  "mine", "dam", "complex", "facility", "site", "station", "prison", "compound", "shipyard",
                  "terminal", "camp", "cosmodrome", "reactor", "stadium", "bridge", "harbor", "harbour",
                  "crossing", "checkpoint", "market", "airfield", "yard"}

#: words that are never a place on their own ("the Peninsula", "Union"), though they end many place names
GENERIC = {"peninsula", "republic", "union", "cathedral", "church", "valley", "ocean", "sea", "river", "lake", "bay",
           "gulf", "island", "islands", "mount", "mountain", "mountains", "hill", "hills", "park", "square", "house",
           "city", "centre", "center", "village", "county", "state", "states", "province", "district", "coast",
           "united", "kingdom", "federal", "national", "international", "university", "college", "hospital",
           "airport", "station", "street", "road", "avenue", "bridge", "tower", "hall", "court", "office", "capitol",
           "congress", "senate", "parliament", "ministry", "army", "police", "government", "council", "new", "old",
           "great", "little", "upper", "lower", "middle", "region", "territory", "land", "forest", "desert", "beach",
           "harbour", "harbor", "port", "fort", "cape", "point", "springs", "falls", "heights", "creek", "wing",
           "pacific", "atlantic", "arctic", "victory", "liberty", "independence", "freedom", "unity", "hope",
           "paradise", "eden", "quarter", "friendship", "progress", "commerce", "industry", "energy", "mobile",
           "reading", "alliance", "front", "party", "brigade", "brigades", "forces", "committee", "movement", "man",
           "woman", "red", "white", "black", "green", "blue", "jewish", "muslim", "christian", "arab", "kurdish",
           "shiite", "sunni", "catholic", "islamic", "hindu", "buddhist", "orthodox", "the", "st", "mt", "ft", "pt"}

CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "christmas", "easter", "ramadan"}

#: the last word of a facility's or street's name ("Royal Street", "Barclays Center", "Manila Cathedral")
FACILITY_SUFFIXES = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "way",
                     "highway", "square", "plaza", "park", "bridge", "school", "university", "college", "academy",
                     "hospital", "clinic", "church", "cathedral", "basilica", "chapel", "mosque", "temple",
                     "synagogue", "center", "centre", "stadium", "arena", "airport", "station", "hall", "house",
                     "building", "tower", "towers", "market", "mall", "prison", "jail", "courthouse", "embassy",
                     "consulate", "hotel", "restaurant", "canal", "lagoon", "beach", "pier", "terminal", "base",
                     "plant", "factory", "mine", "dam", "palace", "castle", "museum", "library", "zoo", "estate",
                     "quarter", "field", "fields", "gardens", "garden", "cemetery", "port", "harbour", "harbor"}

#: GeoNames feature codes of sites inside a town (the landmarks of regions.tsv: "White House", "Wall Street")
LANDMARK_FEATURES = frozenset({"BLDG", "PAL", "SQR", "STRT", "AIRP"})

#: nouns that frame a place name: "the town of X", "X village"
PLACE_FRAMES = {"town", "city", "village", "district", "province", "region", "neighborhood", "neighbourhood",
                "suburb", "governorate", "hamlet", "municipality", "township", "county", "oblast", "prefecture",
                "camp", "enclave", "area", "settlement", "commune", "island", "islands", "isle"}

#: nouns that frame a part of a town ("the Nairobi slum Kibera", "Cairo's suburb of Madinaty")
FRAME_EXTRA = {"slum", "slums", "neighborhood", "neighbourhood", "quarter", "township", "estate"}

#: the last word of a natural feature's or a site's name ("Ural Mountains", "Fraser Valley", "Eva's Village")
FEATURE_TAILS = {"mountains", "mountain", "mount", "valley", "bay", "lake", "lakes", "river", "delta", "island",
                 "islands", "peninsula", "hills", "hill", "creek", "canyon", "desert", "forest", "gorge", "falls",
                 "glacier", "plateau", "basin", "strait", "sound", "reef", "lagoon", "village", "estate", "range",
                 "park", "beach", "coast", "heights", "marsh", "wetlands", "dam", "reservoir", "harbour", "harbor",
                 "sea"}

#: words that open many Arabic and Berber place names without being a place themselves ("Beni Suef", "Bab el-Oued")
NAME_PREFIXES = {"abu", "bab", "beni", "bani", "ain", "bir", "tell", "tal", "tel", "wadi", "jebel", "jabal", "ras",
                 "kafr", "deir", "dayr", "beit", "bayt", "umm", "sidi", "khan", "el", "al"}

#: adjectives that open many facility names without being names themselves
OPENING_WORDS = {"royal", "central", "general", "main", "grand", "first", "second", "third", "regional",
                 "municipal", "public", "state", "memorial", "metropolitan", "greater"}

#: quotation marks that may open a transliterated name ("in ‘Ayn Al-Fijah") or close a title ("in ‘Hart of Dixie’")
OPENING_QUOTES = ("‘", "'", "’", "\"", "“")
CLOSING_QUOTES = ("’", "'", "\"", "”")

#: verbs done to a place by force: their object names a place when the gazetteer has that name
SEIZING_VERBS = frozenset("""capture recapture seize retake storm overrun shell bomb bombard besiege encircle
surround liberate occupy raid enter invade patrol""".split())

CITY_WORDS = {"city", "town", "village", "township", "municipality"}

REGION_WORDS = {"state", "province", "region", "oblast", "governorate", "prefecture", "territory", "county",
                "district"}

_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az"}
_PARTICLE_NAME = re.compile(r"^(?:d|l|al|el|ad|ar|as|ash|at|az)[-'’]\w", re.IGNORECASE)


def is_name_token(tok: Token) -> bool:
    text = tok.text
    return bool(text) and text[0].isalpha() and (text[0].isupper() or bool(_PARTICLE_NAME.match(text)))


#: verbs of seizing that take people as often as places ("captured Ocalan", "seized the smugglers")
TAKING_PEOPLE = {"capture", "seize", "raid", "surround"}


def qualified_after(doc: Doc, b: int) -> bool:
    """Whether a name ending at ``b`` is qualified by the place it is in: "Paris, Texas", "Severn, Md."."""
    return b + 1 < len(doc) and doc[b].text == "," and doc[b + 1].text[:1].isupper()


#: verbs done to places and hardly ever to people or groups ("bombed ISIS" leaves out "bomb"): their object is a
#: place even where the gazetteer lacks the name and the model calls it a person ("the army entered Zabdeen")
PLACE_ONLY_VERBS = SEIZING_VERBS - TAKING_PEOPLE - {"bomb"}


def object_verb(doc: Doc, a: int, b: int) -> str | None:
    """The lemma of the verb whose object (or passive subject) the name at ``a:b`` is, or None."""
    head = doc[b - 1]
    while head.dep_ == "compound" and a <= head.head.i < b:
        head = head.head
    return head.head.lemma_.lower() if head.dep_ in ("dobj", "nsubjpass") else None


def taken_or_struck(doc: Doc, a: int, b: int, of_places_only: bool = False) -> bool:
    """Whether the name at ``a:b`` is the object of a verb of seizing or striking ("captured Birao", "was
    shelled"); with ``of_places_only``, of one done to places only ("stormed Najarah", not "captured Ocalan")."""
    verb = object_verb(doc, a, b)
    return verb in SEIZING_VERBS and not (of_places_only and verb in TAKING_PEOPLE)


def word_before(doc: Doc, i: int) -> int:
    """The index of the last token before ``i`` that is not white space (a run of spaces in the text is a token of
    its own: "the town of  Dhuluiya"), or -1."""
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k


def opens_particle_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is an Arabic article the tokenizer split from its name ("al", "-", "Bab")."""
    return (i + 2 < len(doc) and doc[i].lower_ in _PARTICLES and doc[i + 1].text == "-"
            and doc[i + 2].text[:1].isupper() and doc[i + 1].idx == doc[i].idx + len(doc[i].text))


def and_segments(doc: Doc, i: int, j: int) -> list[tuple[int, int]]:
    """The parts of the run ``i:j`` between its "and"s ("Kafr Rouma and Saraqib"), "and" left out."""
    cuts = [i] + [k + 1 for k in range(i, j) if doc[k].lower_ == "and"] + [j + 1]
    return [(a, b - 1) for a, b in zip(cuts, cuts[1:], strict=False)]
