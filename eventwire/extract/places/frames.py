"""Place names the gazetteer may lack, told by their frame: a place noun ("the town of X", "X district", "the Deir
Ezzor Governorate") or a preposition of place on a verb ("killed in Oued Aissi"); and names the model calls places
that are said of someone ("his daughter Pratiksha", "according to Adan", "assailants shot Oudeh")."""
from __future__ import annotations

from spacy.tokens import Doc

from .words import (
    BELIEFS,
    BELIEVERS,
    CALENDAR,
    GENERIC,
    OPENING_QUOTES,
    PLACE_FRAMES,
    PLACE_ONLY_VERBS,
    and_segments,
    object_verb,
    qualified_after,
    taken_or_struck,
    word_before,
)

#: capitalized last words of a place's name that say what kind of place it is ("Deir Ezzor Governorate",
#: "Al-Assad Suburb", "Bama Town", "Sheikh Sa'eed Hill")
NAME_TAILS = PLACE_FRAMES | {"quarter", "hill", "hills", "mountains", "roundabout", "airbase", "locality", "plains",
                             "countryside", "junction", "crossing", "checkpoint", "ridge", "peak", "farms"}
#: first words of Arabic place names that say what kind of place it is: mountain, hill, village, valley, monastery,
#: ruin ("Jabal Al-Zafit", "Tal Al-Bardah", "Kafr Saghir", "Deir Hafer")
KIND_PREFIXES = {"jabal", "jebel", "jabel", "tal", "tell", "kafr", "kfar", "wadi", "deir", "dayr", "khirbet",
                 "khirbat"}
#: lower-case nouns after a name that make it a place's name ("the Cite Soleil shantytown", "the Hama
#: countryside"); not "community", "sector" or "quarter", said as often of peoples, trades and seasons ("the
#: Bafokeng community", "the SME sector", "the October-December quarter")
AFTER_FRAMES = {"shantytown", "shantytowns", "slum", "slums", "neighbourhoods", "neighborhoods", "outskirts",
                "countryside", "locality"}
#: nouns that stand before a name they call a place ("the capital Grozny", "the border town Torkham") or after it,
#: in apposition ("Mir Ali, a major town in North Waziristan")
APPOSED_PLACE_NOUNS = PLACE_FRAMES | {"capital", "hometown", "stronghold", "outpost"}
#: nouns of the parts around or within a place, framing its name after "of" ("the outskirts of Khan Al-Sheih")
OF_FRAMES = PLACE_FRAMES | {"outskirts", "suburbs", "environs", "countryside"}
#: nouns of fighting over a place, framing its name after "for" or "of" ("the battle for al-Qaryatain", "the siege
#: of Sarajevo"); a name the model calls a person, a group or an organisation is left out ("the capture of Saddam")
CONTESTED = {("battle", "for"), ("fight", "for"), ("siege", "of"), ("recapture", "of"), ("liberation", "of"),
             ("encirclement", "of"), ("fall", "of"), ("storming", "of"), ("shelling", "of"), ("bombardment", "of")}
#: plural place nouns that introduce examples of them ("villages like Cailaco and Manapa", "towns such as Homs")
EXAMPLE_WORDS = ("like", "including")
#: prepositions whose object is where something is or happens ("killed in Oued Aissi", "inside Kafr Sousah")
WHERE = {"in", "at", "inside", "near", "outside", "around"}
#: verbs of things that happen somewhere or of being somewhere: a name after their preposition of place is a place
#: ("killed in Oued Aissi"); after other verbs it is as often a journal, a firm or a band ("published in Science
#: Advances", "playing in Blues Incorporated", "done inside Red Hat")
HAPPENING_VERBS = frozenset("""
kill wound injure shoot attack arrest detain clash explode detonate fire murder die strike hit happen occur
hold protest demonstrate rally march gather fight kidnap abduct raid storm capture seize bomb shell burn destroy
patrol deploy station base live reside stay arrive land crash erupt break riot loot massacre execute behead stab
torture rape ambush intercept shoot-down capture free release rescue evacuate flee hide bury find discover
""".split())
#: nouns of an incident or a fight: a name after their preposition of place is as much a place ("their offensive at
#: Sheikh Miskeen", "a clash near El Meram", "the jihadist positions in Ayn al-Fijah")
HAPPENING_NOUNS = frozenset("""
attack attacks assault offensive counteroffensive counter-offensive operation operations clash clashes fighting
battle battles raid raids strike strikes airstrike airstrikes bombing bombings explosion blast shelling protest
protests demonstration demonstrations rally rallies march ambush incident violence killing killings massacre
positions position checkpoint frontline frontlines
""".split())
#: what may stand between two names of a list ("Hama, Homs and Rastan")
LIST_GLUE = ([","], ["and"], ["or"], [",", "and"], [",", "or"])
#: entity labels of names that are no place, whatever the preposition before them
NOT_PLACE_LABELS = {"NORP", "DATE", "TIME", "LANGUAGE", "EVENT", "LAW", "WORK_OF_ART", "MONEY", "PERCENT",
                    "QUANTITY", "CARDINAL", "ORDINAL"}

#: verbs done to people: their object is someone, not a place ("shot Oudeh seven times", "killed Millan")
PERSON_VERBS = frozenset("""shoot kill murder wound injure assassinate execute kidnap abduct arrest detain behead
stab torture interview marry""".split())
#: verbs of saying: their subject is someone, unless a seat of government or a country (kept by the caller)
SPEAKING_VERBS = frozenset("say tell add explain note insist argue recall write testify reply".split())
#: relatives and others only a person has: their owner is someone ("Pereira's cousin")
KIN = frozenset("""cousin wife husband son daughter brother sister father mother parent uncle aunt nephew niece
widow widower fiance fiancee girlfriend boyfriend grandson granddaughter grandfather grandmother stepson
stepdaughter lawyer attorney""".split())
#: nouns a place's name may own or stand beside ("Kobane's residents", "the town, Tiri")
OWNED_BY_PLACES = PLACE_FRAMES | {"resident", "people", "population", "street", "outskirt", "border", "center",
                                  "centre", "airport", "mayor", "governor", "police", "capital", "hospital",
                                  "market", "port", "coast", "countryside"}


def names_someone(span) -> bool:
    """Whether a name the model calls a place, and the gazetteer lacks, is said of someone: in apposition to a
    common noun ("his daughter Pratiksha") or owning a thing that is no part of a place ("in Sabeeh's support")."""
    head = span.root
    noun = head.head
    if noun.i == head.i or noun.pos_ != "NOUN" or noun.lemma_.lower() in OWNED_BY_PLACES:
        return False
    return (head.dep_ == "appos" and noun.i < head.i) or head.dep_ == "poss"


def said_of_a_person(doc: Doc, a: int, b: int) -> bool:
    """Whether the name at ``a:b`` is used of a person, whatever the model's label: a source ("according to
    Adan"), a name with an age ("Millan, 41,"), the subject of a verb of saying ("Boccaletti told Wikinews"), the
    owner of a relative ("Pereira's cousin"), or the object of a verb done to people ("assailants shot Oudeh")."""
    head = doc[b - 1]
    while head.dep_ == "compound" and a <= head.head.i < b:
        head = head.head
    if a >= 2 and doc[a - 1].lower_ == "to" and doc[a - 2].lower_ == "according" and head.dep_ == "pobj":
        return True  # not "according to Chicago police"
    if b + 2 < len(doc) and doc[b].text == "," and doc[b + 1].like_num and doc[b + 2].text == ",":
        return True
    qualified = qualified_after(doc, b)  # "Severn, Md."
    if (head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEAKING_VERBS and (a == 0 or doc[a - 1].lower_ != "the")
            and not qualified and not any(t.lower_ in GENERIC for t in doc[a:b])):
        return True  # "Boccaletti told Wikinews"; not "Fort Hood said", "Krasnodar, Russia officials said"
    if head.dep_ == "poss" and head.head.lemma_.lower() in KIN:
        return True  # "Pereira's cousin"
    return head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in PERSON_VERBS and not qualified


def ends_a_persons_name(doc: Doc, a: int, b: int) -> bool:
    """Whether the one-word name at ``a:b`` is the last word of a person's fuller name elsewhere in the document
    ("Blankenship" after "Don Blankenship"), unqualified ("Allen, Texas" is a town)."""
    return b - a == 1 and doc[a].text in _surnames(doc) and not qualified_after(doc, b)


def _surnames(doc: Doc) -> set[str]:
    """The last words of the document's names of people of two words or more."""
    found = doc.user_data.get("eventwire_surnames")
    if found is None:
        found = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2
                 and all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in GENERIC for t in e)
                 and e[0].lower_ not in PLACE_FRAMES}  # not "Village Malakal", "Ebola-Reston"
        doc.user_data["eventwire_surnames"] = found
    return found


def framed_names(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of capitalized words that a place noun frames: "the town of X", "X village", "X district"."""
    out = []
    for i, j in runs:
        owner = max((k for k in range(i, j) if doc[k].text in ("'s", "’s")), default=None)
        if owner is not None:
            i = owner + 1  # "Mogadishu's Huriwa district": the name after the owner's
        if i >= j or all(t.is_stop or t.lower_ in GENERIC for t in doc[i:j]):
            continue
        k = word_before(doc, i) + 1  # "the town of  Dhuluiya"
        before = doc[k - 2:k] if k >= 2 else None
        after = doc[j] if j < len(doc) else None
        demonyms = _demonyms(doc[i:j])  # "settlement of Russian Jewish immigrants", not "the Punjab province"
        if before is not None and before[1].lower_ == "of" and not demonyms and (
                before[0].lemma_.lower() in PLACE_FRAMES or before[0].lower_ in OF_FRAMES):
            out.extend((a, b) for a, b in and_segments(doc, i, j) if b > a)  # "the towns of X and Y"
        elif (after is not None and after.lemma_.lower() in PLACE_FRAMES | AFTER_FRAMES and after.text.islower()
              and not demonyms):  # not "a mainly Bosnian Serb town"
            out.extend((a, b) for a, b in and_segments(doc, i, j) if b > a)  # "X and Y districts"
        elif _contested_or_example(doc, i) or _stormed(doc, i, j):
            out.extend((a, b) for a, b in and_segments(doc, i, j) if b > a)  # "the battle for X", "stormed X"
        elif j - i >= 2 and doc[j - 1].lower_ in NAME_TAILS and not all(
                t.lower_ in GENERIC or t.is_stop for t in doc[i:j - 1]) and not (
                doc[i].ent_type_ == "PERSON" and j - i == 2 and doc[j - 1].lower_ in ("hill", "hills")
                and not taken_or_struck(doc, i, j)) and not (after is not None and after.like_num):
            out.append((i, j))  # "the Deir Ezzor Governorate", "Bama Town"; not "Conleth Hill", "Storm Area 51"
        elif j - i >= 2 and doc[i].lower_ in KIND_PREFIXES and doc[i + 1].lower_ not in GENERIC and not any(
                t.lower_.split("-")[0] in ("ben", "bin", "ibn") for t in doc[i + 1:j]):  # not "Tal Ben-Haim"
            out.extend((a, b) for a, b in and_segments(doc, i, j) if b - a >= 2)  # "Jabal Afa'ii", "Kafr Saghir"
        elif _apposed(doc, i, j) or _called(doc, i):
            out.append((i, j))  # "the capital Grozny", "Mir Ali, a major town", "a place called Teiba"
        elif (i >= 1 and doc[i - 1].lower_ in ("in", "at", "near") and j + 1 < len(doc)
              and (doc[j].text == "," or doc[j].lower_ in ("in", "near")) and doc[j + 1].text[:1].isupper()
              and doc[i].ent_type_ not in ("PERSON", "ORG", "NORP", "DATE", "TIME")):
            out.append((i, j))  # "at Gaidakot in Nawalparashi district", "in Bab el-Oued, an area of Algiers"
    return out


def _demonyms(words) -> bool:
    """Whether words the model calls a people are shaped like names of peoples ("Bosnian Serb", "Russian Jewish",
    "Rohingya Muslim"), not a place it mislabels ("Punjab", "Shiite al-Bayaa")."""
    return all(t.ent_type_ == "NORP" for t in words) and (
        any(t.lower_.endswith(("an", "ish", "ese", "ic", "i")) for t in words) or words[-1].lower_ in BELIEVERS)


def _contested_or_example(doc: Doc, i: int) -> bool:
    """A name fought over ("the battle for X", "the siege of X") or given as an example of places ("villages like
    X", "towns such as X"). The small model calls most such names people; only "of" leaves room for one ("the
    capture of Saddam"), so there a name the model calls a person or an organisation is left out."""
    if i < 2 or doc[i].ent_type_ in ("NORP", "DATE", "TIME", "EVENT"):
        return False
    noun, word = doc[i - 2], doc[i - 1].lower_
    if noun.pos_ == "NOUN" and noun.text.islower() and (noun.lemma_.lower(), word) in CONTESTED:
        return word != "of" or doc[i].ent_type_ not in ("PERSON", "ORG")
    if word == "as" and noun.lower_ == "such" and i >= 3:
        noun, word = doc[i - 3], "like"  # "towns such as X"
    return word in EXAMPLE_WORDS and noun.tag_ == "NNS" and noun.lemma_.lower() in PLACE_FRAMES


def _stormed(doc: Doc, i: int, j: int) -> bool:
    """A name that is the object of a verb done to places only ("entered Zabdeen", "Saraf was shelled"): not an
    acronym, a date or a people's name, and not the owner of what is meant ("stormed Hamas's positions"). The
    model's word for an unknown one-word name is often an event or a work ("Zabdeen"); a longer one is believed
    ("entered World War II")."""
    if object_verb(doc, i, j) not in PLACE_ONLY_VERBS:
        return False
    words = doc[i:j]
    labels = NOT_PLACE_LABELS - {"EVENT", "WORK_OF_ART"} if j - i == 1 else NOT_PLACE_LABELS  # "entered Zabdeen"
    return not (any(t.ent_type_ in labels for t in words) or (j - i == 1 and doc[i].text.isupper())
                or all(t.lower_ in GENERIC or t.is_stop for t in words) or doc[i].lower_ in CALENDAR
                or (j < len(doc) and doc[j].text in ("'s", "’s")))


def listed_names(doc: Doc, runs: list[tuple[int, int]], placed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names listed with places ("the villages of Aqrab, Harbnafseh and Al-Zarah", "Hama, Homs, Rastan and Talbiseh"):
    a name in a list ("X, Y and Z") of which at least two names are places and at least two thirds, or one when a
    place noun frames the list. ``placed``: the token spans of the places found. Never an acronym, a date, a number or a
    name the model calls a people; a name it calls an organisation or a person only in a framed list, and a person
    also in a list of three places or more ("Russia, China and Putin" is no list of places)."""
    segments = [seg for i, j in runs for seg in and_segments(doc, i, j) if seg[1] > seg[0]]
    is_place = [any(s <= a + 1 and e >= b for s, e in placed) for a, b in segments]  # not "Minister of the UAE"
    out = []
    k = 0
    while k < len(segments):
        m = k + 1
        while m < len(segments) and _glued(doc, segments[m - 1][1], segments[m][0]):
            m += 1
        known = sum(is_place[k:m])
        start = segments[k][0]
        framed = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].tag_ == "NNS" and (
            doc[start - 2].lemma_.lower() in OF_FRAMES)
        if m - k >= 2 and known and (framed or (known >= 2 and 3 * known >= 2 * (m - k))):
            labels = {"NORP"} if framed else {"NORP", "ORG"} if known >= 3 else {"NORP", "ORG", "PERSON"}
            out.extend(seg for seg, yes in zip(segments[k:m], is_place[k:m], strict=True)
                       if not yes and _may_be_listed_place(doc, *seg, labels))
        k = m
    return out


def _glued(doc: Doc, b: int, a: int) -> bool:
    """Whether the words between two names (``b:a``) join them in a list: ",", "and", ", and" ..."""
    return 0 < a - b <= 2 and [doc[k].lower_ for k in range(b, a)] in LIST_GLUE


def _may_be_listed_place(doc: Doc, a: int, b: int, labels: set[str]) -> bool:
    """Whether the list's name at ``a:b`` may be a place: none of its words has one of the entity ``labels`` or
    the labels that are never places, and it is no acronym, number, date ("Apr 5") or owner ("Hezbollah's")."""
    words = doc[a:b]
    if any(t.ent_type_ in NOT_PLACE_LABELS or t.ent_type_ in labels for t in words):
        return False
    if (b - a == 1 and doc[a].text.isupper()) or any(ch.isdigit() for t in words for ch in t.text):
        return False
    return not (all(t.lower_ in GENERIC or t.is_stop for t in words) or doc[a].lower_ in CALENDAR
                or (b < len(doc) and (doc[b].text in ("'s", "’s") or doc[b].like_num)))  # "Apr 5", "Gisec 2018"


def _apposed(doc: Doc, i: int, j: int) -> bool:
    """A place noun right before the name and bound to it ("the war-ravaged capital Grozny", "the border town
    Torkham"), or after it in apposition: a comma, an article, a few lower-case words and the place noun heading
    them ("Mir Ali, a major town in ...", not "Tiri, a town official")."""
    if i >= 1:
        noun = doc[i - 1]
        if (noun.text.islower() and noun.lemma_.lower() in APPOSED_PLACE_NOUNS
                and ((noun.dep_ == "compound" and i <= noun.head.i < j)
                     or any(t.head.i == noun.i and t.dep_ == "appos" for t in doc[i:j]))):
            return True
    if (j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in ("a", "an", "the")
            or doc[j - 1].pos_ != "PROPN" or (i >= 1 and doc[i - 1].text == "-")):
        return False  # "Subsequently, the village was shelled"; "St-Joseph-de-la-Rive"
    for k in range(j + 2, min(j + 7, len(doc))):
        tok = doc[k]
        if not (tok.text.islower() and (tok.is_alpha or tok.text == "-")) or tok.pos_ in ("ADP", "DET", "AUX"):
            return False  # "Ahmed Shami, the chief medic at the city's main hospital"
        if tok.lemma_.lower() in APPOSED_PLACE_NOUNS and tok.pos_ == "NOUN":
            nxt = doc[k + 1] if k + 1 < len(doc) else None
            return nxt is None or not (nxt.pos_ in ("NOUN", "PROPN", "AUX") or nxt.text[:1].isupper()
                                       or nxt.tag_ in ("VBD", "VBZ", "VBP") or nxt.text in ("'s", "’s"))
    return False


def _called(doc: Doc, i: int) -> bool:
    """A name a place noun is said to be called: "a place called Teiba", "a village known as Umm Batna"."""
    if i >= 2 and doc[i - 1].lower_ in ("called", "named"):
        noun = doc[i - 2]
    elif i >= 3 and doc[i - 1].lower_ == "as" and doc[i - 2].lower_ == "known":
        noun = doc[i - 3]
    else:
        return False
    return noun.lemma_.lower() in APPOSED_PLACE_NOUNS | {"place", "spot", "location"}


def _happening(word) -> bool:
    """Whether a word a preposition of place hangs on says that something happens there: a verb of it ("killed
    in"), a noun of an incident ("their offensive at"), or a verb done with such a noun ("renewed their offensive
    at")."""
    if word.lemma_.lower() in HAPPENING_VERBS or (word.pos_ == "NOUN" and word.lower_ in HAPPENING_NOUNS):
        return True  # (the verbs' lemmas also take their nouns: "a base at Shkin", "the attack in Adhaim")
    return word.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and c.lower_ in HAPPENING_NOUNS
                                                for c in word.children)


def located_names(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of capitalized words that are the object of a preposition of place after a verb of something happening
    or being somewhere: "killed in Oued Aissi", "murdered at Karvenagar", "detonated inside Kafr Sousah". Not after
    a noun ("the analyst at IHS Markit"), another verb ("published in Science Advances") or "the", not a possessor
    ("in Obama's speech"), an acronym, a date or a people's name, and not a name whose last word says it is an
    organisation or a building ("in Congress")."""
    out = []
    for i, j in runs:
        k = word_before(doc, i)  # "killed in  Dhuluiya"
        if k >= 1 and doc[k].text in OPENING_QUOTES:
            k -= 1  # "in ‘Ayn Al-Fijah"
        if k < 0 or doc[k].lower_ not in WHERE or not _happening(doc[k].head):
            continue  # "the analyst at IHS Markit", "published in Science Advances": an employer, a journal
        last = doc[j - 1]
        if last.dep_ != "pobj" or last.head.i != k or (j < len(doc) and doc[j].text in ("'s", "’s")):
            continue
        if doc[k].lower_ == "at" and last.ent_type_ == "ORG":
            continue  # "lost money at Wedbush", "ate at Taco Bell"
        words = doc[i:j]
        if (any(t.ent_type_ in NOT_PLACE_LABELS for t in words) or doc[i].is_stop or doc[i].lower_ in CALENDAR
                or last.lower_ in BELIEFS):
            continue
        if (last.lower_ in GENERIC and last.lower_ not in NAME_TAILS) or all(t.lower_ in GENERIC for t in words):
            continue
        if any(ch.isdigit() for t in words for ch in t.text):
            continue  # "estimated at R2bn"
        if j - i == 1 and (last.text.isupper() or any(ch.isupper() for ch in last.text[1:]) and "-" not in last.text):
            continue  # "at NATO", "in iPhone"
        out.append((i, j))
    return out
