"""The events stage: who did what to whom, coded in CAMEO and PLOVER, with modality, date, place and confidence.

For every clause of every sentence, the event word (a verb, or an event noun such as "attacks") is coded by the
verb lexicon (``lexicon``), by the act that governs it (an appeal, demand, promise, threat or refusal: ``coding``),
and by reported speech (what a speaker says they will or could do is an intent or a threat; what they say others
must do is a demand). Its source and target are the actors (``ctx.actors``) of its subject and object phrases
(``clauses``, ``participants``); its modality comes from the grammar of the event word (``modality``); its date and
place from the times and places stages (``times.event_date``, ``places.event_place``).
"""
from __future__ import annotations

from .extractor import extract

__all__ = ["extract"]
