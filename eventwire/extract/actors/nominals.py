"""Countries, capitals, nationality phrases and agent nouns as actors.

- A country named as a party ("Russia launched", "Russia's occupation", "a war between Russia and Ukraine") is its
  government (``RUSGOV``); named as a place ("in eastern Ukraine", "Dnipro, Ukraine") it is no actor mention.
- A capital or a seat of government is the government when it acts ("Kiev has applied", "Moscow's response", "the
  Kremlin said"), the city when something is done to it ("could target Kiev").
- A nationality (or a country, an organisation) before an agent noun makes an actor with that country and the
  noun's sector: "Ukrainian officials" -> UKRGOV, "the Russian army" -> RUSMIL; coordinated nationalities make one
  actor each ("Hungarian and Romanian officials"). A title without a name is a description of a person ("the
  Ukrainian president"), resolved to a person later.
- A demonym used as a noun ("Palestinians") is the country's people.
- Agent nouns alone ("police", "troops", "the government") take their country from their own phrase ("police in
  Jericho"), else from the sentence (one country named there), else from the article (one country clearly ahead).
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from .matching import Match
from .mention import Mention
from .syntax import capital_is_government, is_modifier, is_place_use, is_subject
from .tables import Tables, country_of, fold, sector_of

COUNTRY_KINDS = ("country", "capital", "adjective", "demonym", "city")
PLURAL_TAGS = ("NNS", "NNPS")
#: agent nouns too vague to be an actor without a nationality before them
NEEDS_COUNTRY = frozenset({("source",), ("force",), ("authority",), ("leadership",), ("court",)})
#: "US-made", "Russian-built": the country is the origin of a thing
MADE_WORDS = frozenset("made built designed supplied produced manufactured born based owned flagged registered "
                       "style".split())
#: type of a nominal actor by its sector
TYPE_BY_SECTOR = {"MIL": "military", "GOV": "country", "COP": "organization", "JUD": "organization",
                  "LEG": "organization", "SPY": "organization", "BUS": "organization", "MED": "organization",
                  "EDU": "group"}


class Nominals:
    def __init__(self, doc: Doc, tables: Tables, matches: list[Match], folded: list[str], used: list[bool]):
        self.doc = doc
        self.tables = tables
        self.matches = matches
        self.folded = folded
        self.lemmas = [fold(t.lemma_) for t in doc]
        self.used = used
        self.match_at: dict[int, Match] = {}
        for m in matches:
            for i in range(m.start, m.end):
                self.match_at[i] = m

    # -- agent nouns -------------------------------------------------------------------------------------------------

    def agent_at(self, i: int, core: bool = False) -> tuple[int, str] | None:
        """The agent phrase ending at noun ``i`` (its first token and CAMEO agent code), longest first."""
        if i < 0 or i >= len(self.doc):
            return None
        tok = self.doc[i]
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        table = self.tables.core_agents if core else self.tables.agents
        for size in (4, 3, 2, 1):
            start = i - size + 1
            if start < 0:
                continue
            head = tuple(self.folded[start:i])
            for last in (self.lemmas[i], self.folded[i]):
                key = head + (last,)
                if key in table:
                    return start, table[key]
        return None

    def is_title(self, start: int, end: int) -> bool:
        return tuple(self.lemmas[start:end]) in self.tables.titles or tuple(self.folded[start:end]) in \
            self.tables.titles

    # -- countries, capitals, nationalities ------------------------------------------------------------------------

    def from_matches(self) -> list[Mention]:
        out: list[Mention] = []
        for match in self.matches:
            if any(self.used[k] for k in range(match.start, match.end)):
                continue
            term = match.first(*COUNTRY_KINDS)
            if term is None:
                continue
            out.extend(self._country_mention(match, term))
        return out

    def _country_mention(self, match: Match, term) -> list[Mention]:
        doc = self.doc
        last = doc[match.end - 1]
        code = term.code
        if match.end + 1 < len(doc) and doc[match.end].text == "-" and doc[match.end + 1].lower_ in MADE_WORDS:
            return []  # "US-made missiles"
        head = self._modified_noun(last)
        if head is not None and term.kind != "city":
            agent = self.agent_at(head.i)
            free = agent is not None and not any(self.used[k] for k in range(agent[0], head.i + 1))
            if agent is not None and agent[0] >= match.end and free:
                return self._nominal(match, term, head, agent)
            if agent is not None and agent[0] < match.end:  # the country is part of the agent phrase
                agent = None
        if term.kind == "city":
            return []
        if head is not None and term.kind in ("adjective", "demonym") and last.dep_ != "poss":
            return []  # "Ukrainian territory", "the Russian missile"
        if term.kind == "capital":
            if not capital_is_government(last):
                return []
            return [self._government(match, code, "metonym")]
        if term.kind in ("adjective", "demonym"):
            if last.pos_ in ("NOUN", "PROPN") and (last.tag_ in PLURAL_TAGS or term.kind == "demonym" or
                                                   any(c.dep_ == "det" for c in last.children)):
                # "Palestinians", "a Palestinian": the country's people
                name = doc[match.start:match.end].text
                self._use(match.start, match.end)
                return [Mention(match.start, match.end, "nominal", "group", name, "code:" + code, code=code,
                                country=code, plural=True, subject=is_subject(last))]
            return []
        # a country's name
        if is_place_use(last):
            return []
        return [self._government(match, code, "country")]

    def _government(self, match: Match, country: str, kind: str) -> Mention:
        last = self.doc[match.end - 1]
        self._use(match.start, match.end)
        name = self.tables.country_name(country) or self.doc[match.start:match.end].text
        return Mention(match.start, match.end, kind, "country", name, "code:" + country + "GOV",
                       code=country + "GOV", country=country, sector="GOV", subject=is_subject(last))

    def _modified_noun(self, tok: Token) -> Token | None:
        """The noun this nationality or country modifies: "Russian army", "Russia's army", "Hungarian and
        Romanian officials" (the second adjective hangs on the first)."""
        node = tok
        for _ in range(4):
            if node.dep_ == "conj" and node.head.i < node.i:
                node = node.head
                continue
            break
        if is_modifier(node) or (node.dep_ == "poss" and node.head.i > node.i):
            head = node.head
            # "Russian Foreign Ministry spokeswoman": the head of a compound chain
            while head.dep_ == "compound" and head.head.i > head.i and head.head.i - head.i <= 2 \
                    and self.agent_at(head.i) is None:
                head = head.head
            return head
        return None

    def _nominal(self, match: Match, term, head: Token, agent: tuple[int, str]) -> list[Mention]:
        """A nationality (or country) + agent noun: one actor per coordinated nationality."""
        doc = self.doc
        country = term.code
        a_start, a_code = agent
        plural = head.tag_ in PLURAL_TAGS
        phrase = doc[a_start:head.i + 1].text
        if self.is_title(a_start, head.i + 1) and not plural:
            # a title without a name ("the Ukrainian president", "Montenegro's prime minister")
            if head.i + 1 < len(doc) and doc[head.i + 1].ent_type_ == "PERSON":
                return []
            role = " ".join(w[:1].upper() + w[1:] for w in phrase.split())
            sector = self.tables.titles.get(tuple(self.lemmas[a_start:head.i + 1])) or \
                self.tables.titles.get(tuple(self.folded[a_start:head.i + 1])) or sector_of(a_code)
            self._use(match.start, head.i + 1)
            return [Mention(match.start, head.i + 1, "description", "person", doc[match.start:head.i + 1].text,
                            "", code=country + (sector or ""), country=country, sector=sector, role=role,
                            role_from_text=True, subject=is_subject(head))]
        code = country + a_code
        sector = sector_of(code)
        mtype = TYPE_BY_SECTOR.get(sector or "", "group" if plural else "other")
        start = match.start
        # the last conjunct's mention runs to the noun; an earlier one ("Hungarian" in "Hungarian and Romanian
        # officials") is the nationality alone, so that each actor has its own words
        later_conjunct = any(c.dep_ == "conj" and c.i > match.end - 1 for c in doc[match.end - 1].children)
        end = match.end if later_conjunct else head.i + 1
        name = doc[match.start:match.end].text + " " + phrase
        self._use(start, end)
        return [Mention(start, end, "nominal", mtype, name, "code:" + code, code=code, country=country,
                        sector=sector, plural=plural, subject=is_subject(head), head=head.i)]

    def _use(self, start: int, end: int) -> None:
        for k in range(start, end):
            self.used[k] = True

    # -- bare agent nouns ------------------------------------------------------------------------------------------

    def bare_agents(self, countries: list[tuple[int, str]]) -> list[Mention]:
        """ "police", "the troops", "rebels": with a country from the phrase, the sentence or the article."""
        doc = self.doc
        out: list[Mention] = []
        article = Counter(code for _, code in countries)
        ranked = article.most_common(2)
        dominant = None
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            dominant = ranked[0][0]
        by_sentence: dict[int, set[str]] = {}
        sent_of = {}
        for sent_i, sent in enumerate(doc.sents):
            for k in range(sent.start, sent.end):
                sent_of[k] = sent_i
        for i, code in countries:
            by_sentence.setdefault(sent_of.get(i, -1), set()).add(code)
        for tok in doc:
            if self.used[tok.i] or tok.pos_ not in ("NOUN", "PROPN") or is_modifier(tok):
                continue
            if tok.pos_ == "PROPN" and tok.ent_type_ not in ("", "ORG"):
                continue
            agent = self.agent_at(tok.i, core=True)
            if agent is None:
                continue
            a_start, a_code = agent
            if any(self.used[k] for k in range(a_start, tok.i + 1)):
                continue
            key = tuple(self.lemmas[a_start:tok.i + 1])
            if key in NEEDS_COUNTRY and tok.tag_ not in PLURAL_TAGS:
                continue
            if a_code == "" or key == ("force",) and tok.tag_ not in PLURAL_TAGS:
                continue
            country = self._own_country(tok) or (next(iter(by_sentence[sent_of[tok.i]]))
                                                 if len(by_sentence.get(sent_of[tok.i], ())) == 1 else dominant)
            if key in NEEDS_COUNTRY and country is None:
                continue
            code = (country or "") + a_code
            sector = sector_of(a_code if not country else code)
            plural = tok.tag_ in PLURAL_TAGS
            mtype = TYPE_BY_SECTOR.get(sector or "", "group" if plural else "other")
            if mtype == "country" and not country:
                mtype = "organization"
            name = doc[a_start:tok.i + 1].text
            self._use(a_start, tok.i + 1)
            out.append(Mention(a_start, tok.i + 1, "nominal", mtype, name, "code:" + code, code=code,
                               country=country, sector=sector, plural=plural, subject=is_subject(tok)))
        return out

    def _own_country(self, tok: Token) -> str | None:
        """A country in the noun's own phrase: "police in Jericho", "the army of Ukraine"."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        match = self.match_at.get(obj.i)
                        if match is not None:
                            term = match.first("country", "capital", "city", "adjective")
                            if term is not None:
                                return term.code
            if child.dep_ in ("amod", "compound") and child.i in self.match_at:
                term = self.match_at[child.i].first("country", "adjective", "capital")
                if term is not None:
                    return term.code
        return None


def country_codes(matches: list[Match]) -> list[tuple[int, str]]:
    """(token, country) for every country-ish name in the article (the context of bare agent nouns)."""
    out = []
    for match in matches:
        term = match.first("country", "adjective", "demonym", "capital", "city")
        if term is not None and term.code:
            out.append((match.start, term.code))
        else:
            ent = match.first("seat")
            if ent is not None and country_of(ent.code):
                out.append((match.start, country_of(ent.code)))
    return out
