"""CAMEO codes for events reported through another act: an appeal, demand, intent, threat or refusal whose content
is an action ("called on NATO to invite Ukraine" -> 02 appeal for diplomatic cooperation; "threatened to launch a
missile at Kiev" -> 138 threaten with military force; "will not lift the ban" -> 1244 refuse to ease sanctions).

CAMEO codes these families in parallel: the digit after the family says what is asked for, promised or refused
(material cooperation, diplomatic cooperation, aid, political reform, yielding, meeting, settling, mediation), and a
fourth digit says which kind (economic, military ...). ``aspect`` reads that from the action's own code.
"""
from __future__ import annotations

from . import tables

COOPERATION_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
VERBAL_ROOTS = frozenset({"01", "02", "09", "10", "11", "12", "13"})

_SUB_MATERIAL = {"061": "1", "062": "2", "063": "3", "064": "4"}
_SUB_AID = {"071": "1", "072": "2", "073": "3", "074": "4"}
_SUB_YIELD = {"081": "1", "082": "2", "084": "3", "085": "4", "086": "5", "087": "6"}
# CAMEO 12's order differs from 02, 03 and 10
_REFUSE = {"1": "121", "2": "120", "3": "122", "4": "123", "5": "124", "6": "125", "7": "127", "8": "126"}


def aspect(code: str | None) -> str | None:
    """What a cooperative action is, as CAMEO's second digit in 02/03/10 (with a third where it says more):
    '1' material cooperation ('11' economic ...), '2' diplomatic, '3' aid, '4' reform, '5' yield, '6' meet,
    '7' settle, '8' mediation; None for other actions."""
    if not code:
        return None
    root, head = code[:2], code[:3]
    if root == "06":
        return "1" + _SUB_MATERIAL.get(head, "")
    if root == "07":
        return "3" + _SUB_AID.get(head, "")
    if root == "05":
        return "7" if head == "057" else "2"
    if root == "04":
        return "8" if head == "045" else "6"
    if root == "08":
        return "4" if head == "083" else "5" + _SUB_YIELD.get(head, "")
    if root in ("03", "02", "10") and len(code) >= 3 and code[2] != "0":
        return code[2:]
    return None


def _valid(code: str, fallback: str) -> str:
    for key in (code, code[:3]):
        if tables.known(key):
            return key
    return fallback


def appeal(inner: str | None) -> str:
    part = aspect(inner)
    return _valid("02" + part, "020") if part else "020"


def demand(inner: str | None) -> str:
    part = aspect(inner)
    return _valid("10" + part, "100") if part else "100"


def intent(inner: str | None) -> str:
    """A promise or plan to act: 03 for cooperation, 13 for conflict, the code itself for what is already verbal,
    and for a show of force: a planned patrol or deployment is a posture, not a threat ("3,000 guards will
    patrol the streets")."""
    if inner and inner[:2] == "15":
        return inner
    if inner and inner[:2] in CONFLICT_ROOTS:
        return threat(inner)
    part = aspect(inner)
    if part:
        return _valid("03" + part, "030")
    if inner and inner[:2] in ("03", "13"):
        return inner
    return "030"


def refusal(inner: str | None) -> str:
    if inner and inner[:2] == "01":
        return "011"  # "declined to comment"
    part = aspect(inner)
    if not part:
        return "120"
    code = _REFUSE[part[0]]
    if len(part) > 1 and code in ("121", "122", "124"):
        return _valid(code + part[1], code)
    return code


_THREATS = {"14": "133", "15": "138", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
            "166": "136", "16": "131", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
            "172": "132", "173": "137", "174": "132", "175": "137", "171": "131", "17": "137", "18": "1383",
            "180": "138", "191": "1381", "192": "1382", "19": "1384", "20": "1385"}


def threat(inner: str | None) -> str:
    if not inner:
        return "130"
    for key in (inner[:4], inner[:3], inner[:2]):
        if key in _THREATS:
            return _THREATS[key]
    return inner if inner[:2] == "13" else "130"


_HALTS = {"046": "164", "040": "164", "045": "165", "042": "161", "043": "161", "044": "161", "04": "164",
          "05": "161", "06": "160", "074": "1661", "071": "1621", "072": "1622", "073": "1623", "07": "162",
          "163": "085", "1721": "0811", "1722": "0812", "1723": "0813", "1724": "081", "172": "081", "191": "0872",
          "192": "0874", "14": "082", "15": "0873", "18": "087", "19": "087", "20": "087"}


def halt(inner: str | None) -> str | None:
    """Stopping an action: cooperation cut (16), sanctions lifted and hostilities eased (08); None otherwise."""
    if not inner:
        return None
    for key in (inner[:4], inner[:3], inner[:2]):
        if key in _HALTS:
            return _HALTS[key]
    return None


def accept(inner: str | None) -> str | None:
    """Taking up what was asked or offered: demands and appeals met (08), offers and invitations taken up (03)."""
    if not inner:
        return None
    if inner[:2] in ("02", "10"):
        part = aspect(inner)
        return "083" if part and part[0] == "4" else "080"
    if inner[:3] == "045":
        return "038"
    if inner[:2] in COOPERATION_ROOTS:
        return intent(inner)
    return None


def combine(kind: str, inner: str | None, own: str | None) -> str | None:
    """The code of a verb of ``kind`` (see data/cameo/roles.tsv) governing an action coded ``inner``; ``own`` is
    the verb's own code from the lexicon, used where the action says nothing more."""
    if kind == "threat":
        return threat(inner)
    if kind == "appeal":
        return appeal(inner) if inner or not own or own[:2] != "02" else own
    if kind == "demand":
        return demand(inner) if inner or not own or own[:2] != "10" else own
    if kind == "intent":
        if inner is None:
            return own
        return intent(inner)
    if kind == "prepare":  # readying violence is a show of force; readying anything else, an intent
        if inner and inner[:2] in ("18", "19", "20"):
            return "150"
        return intent(inner) if inner else own
    if kind == "refuse":
        return refusal(inner) if inner else (own or "120")
    if kind in ("light", "fail"):
        if inner == "186" and kind == "light":
            return "185"  # attempted assassination
        return inner or own
    if kind == "halt":
        return halt(inner) or own
    if kind == "suppress":  # a demonstration prevented, banned or broken up
        return "1721" if inner and inner[:2] == "14" else own
    if kind == "accept":
        return accept(inner) or own
    return own


def family(code: str) -> str:
    root = code[:2]
    if root in COOPERATION_ROOTS:
        return "cooperation"
    if root in CONFLICT_ROOTS:
        return "conflict"
    return "verbal"
