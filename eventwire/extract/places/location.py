"""Where an event happened, read from the sentence's dependency structure.

The place must be attached to the event's own words, tried in this order: a locative phrase on the trigger
("attacked the Yuzhmash enterprise in Dnipro", "killed at a bar in southern Italy"), the trigger's object when that
is or names a place ("captured western Afghanistan", "targeting the town of Kabani"), a place inside its other
phrases ("after a swim at his house in Colombo", "raids north of Baghdad"), the clause coordinated with it or
subordinate to it ("were shot dead in Hebron, and ... strung up"), a locative phrase on its subject ("fighting in
Dagbon has left 36 dead"), and then the same for the clause it hangs on. A place that only describes a participant
("a cab driver from Abidjan") or names a country as a modifier ("a US airstrike") is not where the event happened,
and a sentence that names no place for the event gives none.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...records import Place
from ..context import Context
from . import linking
from .words import LANDMARK_FEATURES

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "on", "into", "within",
                  "along", "off", "over", "onto", "toward", "towards", "to", "through", "between", "beyond", "by",
                  "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outside of",
                  "among", "amid", "behind", "beside", "past", "underneath", "under", "above", "upon"}
#: prepositions whose phrase may hold the place deeper inside ("after a swim at his house in Colombo")
OTHER_PREPS = {"after", "during", "for", "following", "before", "with", "while", "since", "as"}
#: object relations whose phrase may itself be the place acted on ("captured Afghanistan")
OBJECT_DEPS = {"dobj", "nsubjpass", "obj", "attr", "oprd"}
#: a clause inherits the place of the clause it hangs on
INHERIT_DEPS = {"conj", "xcomp", "advcl", "pcomp", "acl", "relcl", "ccomp", "dobj", "pobj", "nsubj", "nsubjpass"}
#: relations that describe a participant, or another clause, rather than this event's setting
SKIP_DEPS = {"nsubj", "nsubjpass", "agent", "csubj", "expl", "poss", "appos", "relcl", "ccomp", "advcl", "parataxis",
             "mark", "punct", "cc", "det", "nummod", "quantmod"}
#: nouns that name a kind of place: "the town of X" is X
PLACE_NOUNS = {"town", "city", "village", "district", "province", "region", "area", "neighborhood", "neighbourhood",
               "suburb", "county", "state", "capital", "governorate", "outskirts", "hamlet", "municipality",
               "countryside", "island", "port", "camp", "commune", "prefecture", "zone", "part", "parts"}
#: nouns of a part or side of a place: its owner is where things in it happen ("in Sudan's west", "outside
#: Jamaica's capital", "patrolled Kenya's streets"), unlike the owner of other things ("Kiev's new efforts")
SETTING_NOUNS = PLACE_NOUNS | {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                               "center", "centre", "heart", "interior", "coast", "coastline", "border", "borders",
                               "frontier", "street", "streets", "suburbs", "territory", "soil", "airspace", "waters",
                               "side", "edge", "corner", "heartland", "hinterland", "periphery", "downtown", "midst",
                               "battlefield", "battleground", "front", "frontline"} | {
    # streets and sites a place's name owns or names: "Tbilisi's Rustaveli Avenue", "the Kandahar airport"
    "avenue", "road", "boulevard", "highway", "square", "plaza", "park", "bridge", "market", "airport", "station",
    "stadium", "mosque", "church", "cathedral", "temple", "hospital", "prison", "jail", "mall", "hotel", "port",
    "harbour", "harbor", "checkpoint", "crossing"}
#: nouns of an area within a larger one: in "the Sayidda Zaynab district of Damascus" the district is named before
AREA_NOUNS = {"region", "area", "district", "province", "governorate", "county", "countryside", "sector", "zone",
              "prefecture", "municipality", "commune", "part"}
SPEECH = {"say", "tell", "announce", "state", "claim", "report", "add", "note", "insist", "warn", "declare", "deny",
          "confirm", "quote", "accuse", "urge", "call", "ask", "believe", "think", "according"}
MAX_UP = 3
MAX_DEPTH = 8


def event_place(ctx: Context, trigger: Token, said: bool = False) -> str | None:
    """The id of the place where the event whose trigger word is ``trigger`` happened, or None when the
    sentence does not say (called by the events stage). The structural reading below is weighed against the
    sentence's other places by the linking model (``linking``) where its weights are installed. An event that is
    ``said`` rather than done (a statement, an appeal, a criticism) keeps the model's place only where the
    structure puts it too ("told reporters in Kabul") or where the speaker is ("officials in Omsk said"), not
    "the mayor of London thanked the police": the model learned from violent events, which are said to happen
    where they are far more often."""
    scored = candidates(ctx, trigger)
    if not scored:
        return None
    model = linking.model(ctx.settings.event_place_model)
    if model is None:
        return next((p.id for p, f in scored if f["rule"]), None)
    # a country naming whose thing another noun is ("a US airstrike", "the Syria conflict") is not a setting, nor
    # is a place that acts ("Kiev has applied", "Kiev's new efforts": the actors stage made it a government)
    scored = [(p, f) for p, f in scored if not f.get("modifies=country>other") and not _acting(ctx, trigger, p, f)
              and not _origin(trigger, p)]
    if not scored:
        return None
    chosen = model.choose([f for _, f in scored])
    if chosen is None:
        return None
    place = scored[chosen][0]
    if said and not scored[chosen][1]["rule"] and _subject_preposition(trigger, place) not in ("in", "at"):
        return None  # a statement is placed by its own phrase of place or by where its speaker is
    return place.id


def _subject_preposition(trigger: Token, place: Place) -> str | None:
    """The preposition by which the place hangs on the event's subject ("a fisherman from Aden was shot": "from";
    "officials in Omsk said": "in"), or None when it hangs otherwise."""
    head = linking.place_head(trigger.sent, place)
    path = linking.dependency_path(trigger, head) if head is not None else None
    if path is None or path[0]:
        return None
    down = path[1]
    if len(down) >= 3 and down[0].dep_ in ("nsubj", "nsubjpass") and down[1].dep_ == "prep":
        return down[1].lower_
    return None


def _origin(trigger: Token, place: Place) -> bool:
    """Whether the place is only where the subject comes from: "a fisherman from Aden was shot", "gunmen from
    Chechnya attacked the school". Not the object's: in "evacuated the wounded from Gorazde" the parse often hangs
    on the object what is the event's own "from"."""
    return _subject_preposition(trigger, place) == "from"


def _acting(ctx: Context, trigger: Token, place: Place, features: dict[str, float]) -> bool:
    """Whether the place's words name an actor here rather than a setting: the possessor of a thing ("Kiev's new
    efforts", not "Baghdad's Adhamiyah district") or the doer of the event ("Kiev has applied"), which the actors
    stage read as an actor."""
    if ctx.actor_at(place.span) is None:
        return False
    head = linking.place_head(trigger.sent, place)
    if head is None:
        return False
    if head.dep_ == "poss":
        return bool(features.get("modifies=place>other"))
    return head.dep_ == "nsubj" and head.head.i == trigger.i  # the event's own doer


def candidates(ctx: Context, trigger: Token) -> list[tuple[Place, dict[str, float]]]:
    """Every place of the trigger's sentence with the linking model's features (``rule``: the structural choice)."""
    sent = trigger.sent
    places = [p for p in ctx.places if sent.start_char <= p.span[0] < sent.end_char]
    if not places:
        return []
    in_name = {p.id for p in places if _inside_a_name(sent, p)}
    chosen = structural_place(trigger, places, in_name)
    heads = [(p, linking.place_head(sent, p)) for p in places]
    return [(p, linking.features(trigger, p, head, heads, chosen.id if chosen else None, specificity,
                                 p.id in in_name, _modifies(head, p))) for p, head in heads]


def _modifies(head: Token | None, place: Place) -> str | None:
    """What kind of noun the place's words modify, when they modify one: 'place' ("the Zafaraniya district"),
    or 'other' ("a US airstrike", "Syrian troops"), the country kind apart."""
    if head is None or head.dep_ not in ("compound", "amod", "nmod", "poss") or head.head.i == head.i:
        return None
    noun = head.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("DATE", "TIME"):
        return None  # "in central Hong Kong Sunday": a place parsed onto the date beside it modifies nothing
    kind = "place" if noun.lemma_.lower() in SETTING_NOUNS or noun.lower_ in SETTING_NOUNS else "other"
    return f"{'country' if _is_country(place) else 'place'}>{kind}"


def structural_place(trigger: Token, places: list[Place], in_name: set[str] | frozenset = frozenset()
                     ) -> Place | None:
    """The place the sentence's structure gives the event (see the module's docstring), or None."""
    at_token: dict[int, Place] = {}
    for p in places:
        if p.id in in_name:
            continue  # "the Islamic State of Iraq", "Kurdistan Workers' Party": a name, not a setting
        for tok in trigger.sent:
            if p.span[0] <= tok.idx < p.span[1]:
                at_token.setdefault(tok.i, p)
    node, steps = trigger, 0
    while True:
        found = _own_place(node, at_token) or _related_place(node, at_token)
        if found is not None:
            return found
        if node.dep_ not in INHERIT_DEPS or node.head.i == node.i or steps >= MAX_UP:
            return None
        if node.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") and node.pos_ not in ("NOUN", "VERB"):
            return None
        node, steps = node.head, steps + 1


def _own_place(node: Token, at_token: dict[int, Place], depth: int = 0) -> Place | None:
    """A place in the word's own locative phrases, objects, or other phrases."""
    found = [p for p in (_search(c, at_token) for c in node.children
                         if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS) if p is not None]
    located = next((p for p in found if not _is_country(p)), found[0]) if found else None
    # "In neighbouring Lebanon, protesters marched to UN offices in central Beirut": Beirut
    for child in node.children:
        if child.dep_ in OBJECT_DEPS and child.i != node.i:
            if child.dep_ == "nsubjpass" and not (child.i in at_token or child.lemma_.lower() in PLACE_NOUNS):
                continue  # "A Boston Globe reporter was shot": the patient's modifiers are not the setting
            if located is not None and not (child.lemma_.lower() in PLACE_NOUNS
                                            or (child.dep_ == "dobj" and child.i in at_token)):
                continue  # "attacked a convoy near Kunduz": the setting, not what the object's phrase names
            place = _search(child, at_token, top=True)
            if place is not None and (located is None or specificity(place) <= specificity(located)):
                return place  # "captured the village of Bihac in northwestern Bosnia": the place taken
    if located is not None:
        return located
    for child in node.children:
        if (child.dep_ == "prep" and child.lower_ in OTHER_PREPS) or child.dep_ in ("advmod", "npadvmod", "agent"):
            place = _search(child, at_token, locative_only=child.dep_ in ("prep", "agent"))
            if place is not None:
                return place
    for child in node.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.i in at_token and not _is_country(at_token[child.i]):
            return at_token[child.i]
    for child in node.children:  # "attempted to enter the city of Al-Bab", "began shelling Aleppo"
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and depth < 2:
            place = _own_place(child, at_token, depth + 1)
            if place is not None:
                return place
    return None


def _related_place(node: Token, at_token: dict[int, Place]) -> Place | None:
    """A place of a coordinated or subordinate clause, or a locative phrase on the subject."""
    for child in node.children:
        if child.dep_ in ("conj", "advcl") and child.pos_ in ("VERB", "AUX"):
            place = _own_place(child, at_token, depth=2)
            if place is not None:
                return place
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "NUM", "PRON"):
            # "five were killed and 12 others injured in Baquba": the parse hangs the second verb on "others"
            for verb in child.children:
                if verb.dep_ == "acl" and verb.tag_ == "VBN":
                    place = _own_place(verb, at_token, depth=2)
                    if place is not None:
                        return place
    if node.lemma_.lower() in SPEECH:
        return None
    for child in node.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj") and child.pos_ in ("NOUN", "PROPN", "VERB"):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near", "on", "across", "around"):
                    place = _search(prep, at_token)
                    if place is not None:
                        return place
    for child in node.children:  # "New Delhi police shot dead a man", "the Basra protesters marched"
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
            for mod in child.children:
                if (mod.dep_ in ("compound", "nmod") and mod.i < child.i and mod.i in at_token
                        and mod.ent_type_ in ("GPE", "LOC", "FAC") and not _is_country(at_token[mod.i])
                        and specificity(at_token[mod.i]) <= 2):
                    return at_token[mod.i]
    return None


#: the last words of a country's or a region's own name before "of" ("the Democratic Republic of Congo")
NAME_OF_PLACE = {"republic", "kingdom", "emirate", "emirates", "gulf", "city", "isle", "island", "islands",
                 "province", "district", "governorate", "region", "sea", "bay", "strait", "straits", "cape"}


def _inside_a_name(sent, place: Place) -> bool:
    """The place is a word in an organisation's name ("Islamic State of Iraq", "Kurdistan Workers' Party",
    "the Revolutionary Armed Forces of Colombia"), whether or not the model marks the name."""
    first = next((t for t in sent if place.span[0] <= t.idx < place.span[1]), None)
    if (first is not None and first.i - 5 >= sent.start and first.nbor(-1).lower_ == "and"
            and first.nbor(-3).lower_ == "of"):
        first = first.nbor(-2)  # "the Islamic State of Iraq and Al-Sham": the second of two places after "of"
    if first is not None and first.i - 3 >= sent.start and first.nbor(-1).lower_ == "of":
        a, b = first.nbor(-3), first.nbor(-2)
        if a.is_title and b.is_title and not a.is_sent_start and b.lower_ not in NAME_OF_PLACE:
            return True
    for ent in sent.ents:
        if ent.label_ not in ("ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
            continue
        if not (ent.start_char <= place.span[0] and place.span[1] <= ent.end_char):
            continue
        rest = [t for t in ent if not (place.span[0] <= t.idx < place.span[1]) and t.is_alpha
                and t.lower_ not in PLACE_NOUNS and t.lower_ not in ("the", "of", "governorate", "city")]
        return len(rest) >= 2
    return False


def _of_place(node: Token, at_token: dict[int, Place]) -> Place | None:
    """"the town of Kabani", "the West Bank city of Nablus": the place named after "of"; but in "the East Ghouta
    region of rural Damascus" the name before the noun is the region's own, the one after it contains it."""
    if node.lemma_.lower() not in PLACE_NOUNS:
        return None
    for prep in node.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i in at_token:
                    after = at_token[obj.i]
                    own = [at_token[c.i] for c in node.children if c.dep_ in ("compound", "nmod", "amod")
                           and c.i in at_token and c.i < node.i]
                    if own and (node.lemma_.lower() in AREA_NOUNS or specificity(own[0]) < specificity(after)):
                        return own[0]
                    return after
    return None


def _is_country(place: Place) -> bool:
    return place.feature == "PCLI"


def _search(start: Token, at_token: dict[int, Place], top: bool = False, locative_only: bool = False) -> Place | None:
    """The place in ``start``'s phrase where the event happened: of the places the phrase names (breadth first,
    not entering participants or other clauses), the most specific one near the first ("in the Vedeno region of
    southern Chechnya": Vedeno; "in Sadr City in east Baghdad": Sadr City), leaving out places named only as a
    landmark ("Akida village near Maiduguri", "Saptari district, south of Kathmandu") where there are others."""
    found = _phrase_places(start, at_token, top, locative_only)
    if not found:
        return None
    first_depth = found[0][1]
    near = [(p, landmark) for p, depth, landmark in found if depth <= first_depth + SPECIFIC_DEPTH]
    pool = [p for p, landmark in near if not landmark] or [p for p, _ in near]
    # "the West Ghouta region of rural Damascus": the named area is in the town, whatever the gazetteer says
    containers = {outer.id for own, outer in _named_areas(start, at_token) if own in pool}
    pool = [p for p in pool if p.id not in containers] or pool
    return min(pool, key=specificity)


def _named_areas(start: Token, at_token: dict[int, Place]) -> list[tuple[Place, Place]]:
    """(area, the place it is in) for each "<name> region of <place>" in ``start``'s phrase."""
    out = []
    for node in start.subtree:
        if node.lemma_.lower() not in AREA_NOUNS:
            continue
        own = [at_token[c.i] for c in node.children if c.dep_ in ("compound", "nmod", "amod") and c.i < node.i
               and c.i in at_token]
        if not own:
            continue
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out.extend((own[0], at_token[obj.i]) for obj in prep.children
                           if obj.dep_ == "pobj" and obj.i in at_token and at_token[obj.i] is not own[0])
    return out


#: how much deeper than the first place found a more specific one may lie in the same phrase
SPECIFIC_DEPTH = 3


def specificity(place: Place) -> int:
    """0 a part of a town or a facility placed at its town, 1 a town (or a name the gazetteer lacks), 2 a district,
    3 a province or a region, 4 a country, 5 a continent."""
    feature = place.feature or ""
    if feature == "CONT" or place.text.lower().endswith(("africa", "europe", "asia", "america")):
        return 5
    if feature in ("PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR"):
        return 4
    if feature == "PPLX" or feature in LANDMARK_FEATURES:
        return 0
    if feature.startswith("PPL"):
        return 1
    if feature.startswith("ADM") and feature != "ADM1":
        return 2
    if feature:
        return 3
    if place.lat is not None and place.precision == "city":
        return 0  # a facility placed at the town it is in
    return 1  # a name the gazetteer lacks: mostly a village or a part of a town


def _phrase_places(start: Token, at_token: dict[int, Place], top: bool, locative_only: bool
                   ) -> list[tuple[Place, int, bool]]:
    """The places of ``start``'s phrase with their depth and whether they are only a landmark (reached through
    "near", "south of", "including" ...), in breadth-first order; in "the province of Narathiwat" the place named
    after "of" comes first."""
    out: list[tuple[Place, int, bool]] = []
    seen: set[str] = set()

    def add(place: Place, depth: int, landmark: bool) -> None:
        if place.id not in seen:
            seen.add(place.id)
            out.append((place, depth, landmark))

    if top and start.i in at_token:
        add(at_token[start.i], 0, False)
    named = _of_place(start, at_token)
    if named is not None:
        add(named, 0, False)
    frontier = [(start, False)]
    seen_locative = not locative_only
    for depth in range(1, MAX_DEPTH + 1):
        nxt: list[tuple[Token, bool]] = []
        for node, landmark in frontier:
            named = _of_place(node, at_token)
            if named is not None:
                add(named, depth, landmark)
            kids = [c for c in node.children if c.dep_ not in SKIP_DEPS or c.dep_ == "poss"
                    or (c.dep_ == "appos" and (node.i in at_token or node.lemma_.lower() in PLACE_NOUNS))]
            if node.lemma_.lower() in PLACE_NOUNS:  # "the town of Kabani": the name before the modifiers
                kids.sort(key=lambda c: 0 if c.dep_ == "prep" and c.lower_ == "of" else 1)
            for child in kids:
                if child.i in at_token and child.dep_ not in ("prep",):
                    place = at_token[child.i]
                    modifier = child.dep_ in ("compound", "amod", "nmod", "poss") and node.i not in at_token
                    locative = node.lower_ in LOCATIVE_PREPS and node.dep_ != "agent"
                    setting = child.dep_ == "poss" and node.lemma_.lower() in SETTING_NOUNS
                    if (seen_locative or child.dep_ != "pobj" or locative) and not (
                            modifier and _is_country(place) and not setting):
                        # "patrolled Bangladesh's cities", "in Sudan's west": the possessor names the place,
                        # unless the area has a name of its own ("Mogadishu's Wadajir district")
                        add(place, depth, landmark or (child.dep_ == "poss" and node.lemma_.lower() in PLACE_NOUNS))
                if child.dep_ == "prep" and child.lower_ == "from":
                    continue
                if child.dep_ in ("prep", "pobj", "pcomp", "compound", "conj", "appos", "amod", "nmod", "advmod",
                                  "npadvmod", "acl", "dobj", "poss"):
                    nxt.append((child, landmark or (node.i != start.i and _is_landmark(child))))
            if node.i in at_token and node.i != start.i and node.dep_ == "pobj":
                add(at_token[node.i], depth, landmark)
        frontier = nxt
        if not frontier:
            break
    if not out and start.i in at_token and not (start.dep_ in ("compound", "amod") and _is_country(at_token[start.i])):
        add(at_token[start.i], 0, False)
    return out


#: prepositions whose object is a landmark, not the place itself
LANDMARK_PREPS = {"near", "outside", "including", "to", "toward", "towards", "between", "beyond", "off", "past",
                  "from", "like", "via", "along", "across", "around", "close"}
DIRECTION_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                   "kilometers", "kilometres", "km", "miles", "mile", "kms", "outskirts"}


def _is_landmark(token: Token) -> bool:
    """Whether a phrase reached through ``token`` names a landmark: "near X", "south of X", "50 km from X"."""
    if token.dep_ != "prep":
        return False
    if token.lower_ in LANDMARK_PREPS:
        return True
    return token.lower_ == "of" and token.head.lower_ in DIRECTION_WORDS
