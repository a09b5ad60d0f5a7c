"""Place names the gazetteer may lack, told by their frame: a place noun ("the town of X", "X district"), and
names that are said of someone rather than of a place ("his daughter Pratiksha")."""
from __future__ import annotations

from spacy.tokens import Doc

from .words import GENERIC, PLACE_FRAMES, and_segments

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


def framed_names(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of capitalized words that a place noun frames: "the town of X", "X village", "X district"."""
    out = []
    for i, j in runs:
        owner = max((k for k in range(i, j) if doc[k].text in ("'s", "’s")), default=None)
        if owner is not None:
            i = owner + 1  # "Mogadishu's Huriwa district": the name after the owner's
        if i >= j or all(t.is_stop or t.lower_ in GENERIC for t in doc[i:j]):
            continue
        before = doc[i - 2:i] if i >= 2 else None
        after = doc[j] if j < len(doc) else None
        if before is not None and before[1].lower_ == "of" and before[0].lemma_.lower() in PLACE_FRAMES:
            out.extend((a, b) for a, b in and_segments(doc, i, j) if b > a)  # "the towns of X and Y"
        elif after is not None and after.lemma_.lower() in PLACE_FRAMES and after.text.islower():
            out.extend((a, b) for a, b in and_segments(doc, i, j) if b > a)  # "X and Y districts"
        elif (i >= 1 and doc[i - 1].lower_ in ("in", "at", "near") and j + 1 < len(doc)
              and (doc[j].text == "," or doc[j].lower_ in ("in", "near")) and doc[j + 1].text[:1].isupper()
              and doc[i].ent_type_ not in ("PERSON", "ORG", "NORP", "DATE", "TIME")):
            out.append((i, j))  # "at Gaidakot in Nawalparashi district", "in Bab el-Oued, an area of Algiers"
    return out
