"""The actors stage: who takes part in the article, resolved to country, sector, role and CAMEO code.

``extract(ctx)`` finds named people and organisations (spaCy's entities checked against the reference
dictionaries), countries, capitals and seats of government acting as governments, nationality phrases and agent
nouns ("Ukrainian officials", "police"), then groups mentions of one real-world entity into one actor and adds the
descriptions ("the minister") and pronouns ("he") that refer to it. Leaders are resolved by name and by the
article's date. Actors are numbered a1, a2, ... in order of first mention; every mention is an exact span.

Modules: ``tables`` (reference tables, loaded once per process), ``matching`` (dictionary look-up), ``names``
(people and organisations, titles and appositions), ``nominals`` (countries, capitals, nationality + agent noun,
bare agent nouns), ``coref`` (grouping, descriptions, pronouns), ``syntax`` (word classes and parse tests).
"""
from __future__ import annotations

import re

from ...records import Actor
from ..context import Context
from . import coref, matching, tables
from .names import Namer
from .nominals import CountryContext, Nominals

__all__ = ["extract", "article_date"]


def article_date(ctx: Context) -> int | None:
    """The article's publication date as YYYYMMDD (leaders are resolved on it), None when unknown."""
    value = ctx.published.value if ctx.published is not None else None
    if not value:
        return None
    digits = re.sub(r"\D", "", value)[:8]
    if len(digits) == 4:
        digits += "0701"
    elif len(digits) == 6:
        digits += "15"
    return int(digits) if len(digits) == 8 else None


def extract(ctx: Context) -> list[Actor]:
    doc = ctx.doc
    if len(doc) == 0:
        return []
    table = tables.load()
    sheet = matching.sheet(doc)
    folded = sheet.folded
    matches = matching.find(doc, table, folded)
    context = CountryContext(doc, matches)
    namer = Namer(doc, table, matches, folded, article_date(ctx))
    people = namer.people(context)
    nominals = Nominals(doc, table, matches, sheet, namer.used, context)
    orgs = namer.organisations(nominals.agent_at, nominals.own_country)
    places = nominals.from_matches()
    agents = nominals.bare_agents()
    clusters = coref.group(doc, people + orgs + places + agents)
    coref.Resolver(doc, table, clusters, namer.used, sheet).run()
    return coref.to_actors(doc, table, clusters)
