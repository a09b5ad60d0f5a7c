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

from .matching import Match, Sheet
from .mention import Mention
from .syntax import capital_is_government, is_modifier, is_place_use, is_subject, subject_of
from .tables import Tables, country_of, sector_of

COUNTRY_KINDS = ("country", "capital", "adjective", "demonym", "city")
PLURAL_TAGS = ("NNS", "NNPS")
#: agent nouns too vague to be an actor without a nationality before them
NEEDS_COUNTRY = frozenset({("source",), ("force",), ("authority",), ("leadership",), ("court",)})
#: "US-made", "Russian-built": the country is the origin of a thing
MADE_WORDS = frozenset("made built designed supplied produced manufactured born based owned flagged registered "
                       "style".split())
#: "Vietnamese-led forces", "Saudi-backed militias": the country leads or backs the actor
LED_WORDS = frozenset("led backed allied sponsored supported dominated controlled run trained armed funded "
                      "aligned".split())
#: nouns of acts a government does: a nationality before them is that government ("an Australian ultimatum")
DEALING_NOUNS = frozenset("plan proposal offer ultimatum demand request initiative decision statement warning threat "
                          "threats sanction sanctions embargo response reaction call appeal pressure policy position "
                          "stance veto protest complaint accusation criticism condemnation refusal rejection pledge "
                          "promise commitment invitation involvement intervention attack attacks offensive invasion "
                          "occupation bombing bombardment shelling raid raids airstrike airstrikes strike strikes "
                          "incursion blockade crackdown retaliation ceasefire truce".split())
#: type of a nominal actor by its sector
TYPE_BY_SECTOR = {"MIL": "military", "GOV": "country", "COP": "organization", "JUD": "organization",
                  "LEG": "organization", "SPY": "organization", "BUS": "organization", "MED": "organization",
                  "EDU": "group"}


class CountryContext:
    """The countries an article names, by sentence: what a bare agent noun or a titled person without a country
    belongs to (the one country of its sentence, else the article's clearly dominant country)."""

    def __init__(self, doc: Doc, matches: list[Match]):
        countries = country_codes(doc, matches)
        self.sent_of = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = k
        self.doc = doc
        self.by_sentence: dict[int, list[str]] = {}
        self.at_sentence: dict[int, list[int]] = {}  # where in the sentence each of them is named
        for i, code in countries:
            self.by_sentence.setdefault(self.sent_of[i], []).append(code)
            self.at_sentence.setdefault(self.sent_of[i], []).append(i)
        ranked = Counter(code for _, code in countries).most_common(2)
        self.dominant = None
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            self.dominant = ranked[0][0]

    def around(self, i: int) -> str | None:
        here = set(self.by_sentence.get(self.sent_of[i], ()))
        if len(here) == 1:
            code = next(iter(here))
            if self.dominant and code != self.dominant and self._only_later_and_apart(i):
                # "The army said the plane was bringing meat from Bishkek, Kyrgyzstan" in an Iranian story: a
                # country named further on, outside the noun's own phrase, is where things went, not whose it is
                return self.dominant
            return code
        return self.dominant if not here else None

    def _only_later_and_apart(self, i: int) -> bool:
        """Whether every country of the sentence of token ``i`` is named after it, none inside its own phrase
        ("police in Kyrgyzstan")."""
        doc = self.doc
        for j in self.at_sentence.get(self.sent_of[i], ()):
            if j <= i:
                return False
            node = doc[j]
            while node.head.i != node.i:
                node = node.head
                if node.i == i:
                    return False
        return True

    def other(self, i: int, besides: str) -> str | None:
        """The country of the sentence other than ``besides`` ("ethnic Albanians in Macedonia"): the only one, or
        the one named most often."""
        ranked = Counter(c for c in self.by_sentence.get(self.sent_of[i], ()) if c != besides).most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    __call__ = around


class Nominals:
    def __init__(self, doc: Doc, tables: Tables, matches: list[Match], sheet: Sheet, used: list[bool],
                 context: CountryContext | None = None):
        self.context = context
        self.sheet = sheet
        self.doc = doc
        self.tables = tables
        self.matches = matches
        self.folded = sheet.folded
        self.lemmas = sheet.lemmas
        self.used = used
        self.match_at: dict[int, Match] = {}
        for m in matches:
            for i in range(m.start, m.end):
                self.match_at[i] = m

    # -- agent nouns -------------------------------------------------------------------------------------------------

    def agent_at(self, i: int, core: bool = False) -> tuple[int, str] | None:
        """The agent phrase ending at noun ``i`` (its first token and CAMEO agent code), longest first."""
        if i < 0 or i >= len(self.doc) or self.sheet.pos[i] not in ("NOUN", "PROPN"):
            return None
        endings = self.tables.agent_endings(core)
        if self.lemmas[i] not in endings and self.folded[i] not in endings:
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
            if term is None or inside_name(self.doc, match):
                continue
            out.extend(self._country_mention(match, term))
        return out

    def _country_mention(self, match: Match, term) -> list[Mention]:
        doc = self.doc
        last = doc[match.end - 1]
        code = term.code
        if term.kind == "city":
            return []
        ethnic = match.start > 0 and doc[match.start - 1].lower_ == "ethnic"
        if ethnic:  # "ethnic Albanians in Macedonia": the people of another country
            code = self.own_country(last) or (self.context.other(match.start, code) if self.context else None)
        hyphen = match.end + 1 < len(doc) and doc[match.end].text in ("-", "–")
        if hyphen and doc[match.end + 1].lower_ in MADE_WORDS:
            return []  # "US-made missiles"
        if hyphen and doc[match.end + 1].lower_ in LED_WORDS:  # "Vietnamese-led forces", "Saudi-backed"
            head = doc[match.end + 1].head if doc[match.end + 1].head.i > match.end + 1 else None
        else:
            head = self._modified_noun(last)
        if code is None:
            return []
        if head is not None:
            found = self._agent_of_phrase(match, head)
            if found is not None:
                return self._nominal(match, term, code, found[0], found[1])
            if head.lemma_.lower() in DEALING_NOUNS and term.kind in ("adjective", "country"):
                return [self._government(match, code, "country")]  # "a Senegalese peace plan", "Israeli raids"
            if head.tag_ in PLURAL_TAGS and (head.text[:1].isupper() or head.ent_type_ == "NORP") \
                    and term.kind in ("adjective", "country") and not self.used[head.i]:
                return [self._group(match.start, head.i + 1, code, plural=True)]  # "Iraqi Kurds"
            if term.kind in ("adjective", "demonym") and last.dep_ != "poss":
                return []  # "Ukrainian territory", "the Russian missile"
        if term.kind == "capital":
            if not capital_is_government(last, match.start):
                return []
            return [self._government(match, code, "metonym")]
        if term.kind == "adjective" and last.ent_type_ == "GPE" and last.tag_ == "NNP" and head is None:
            term_kind = "country"  # a country's name the tables list with the adjectives
        else:
            term_kind = term.kind
        if term_kind in ("adjective", "demonym"):
            if last.pos_ in ("NOUN", "PROPN") and (last.tag_ in PLURAL_TAGS or term.kind == "demonym" or
                                                   any(c.dep_ == "det" for c in last.children)):
                return [self._group(match.start, match.end, code, plural=True)]  # "Palestinians", "a Palestinian"
            return []
        # a country's name
        if is_place_use(last, match.start):
            return []
        return [self._government(match, code, "country")]

    def _agent_of_phrase(self, match: Match, head: Token) -> tuple[Token, tuple[int, str]] | None:
        """The agent noun of the phrase a nationality opens: the head ("Russian army") or a noun of its compound
        chain ("Ugandan opposition candidates", "Israeli army bulldozers")."""
        agent = self.agent_at(head.i)
        if agent is not None and agent[0] >= match.end:
            if not any(self.used[k] for k in range(agent[0], head.i + 1)):
                return head, agent
            return None
        for k in range(head.i - 1, match.end - 1, -1):
            tok = self.doc[k]
            if tok.dep_ != "compound" or self.used[k]:
                continue
            inner = self.agent_at(k)
            if inner is not None and inner[0] >= match.end:
                return head, (inner[0], inner[1])
        return None

    def _group(self, start: int, end: int, country: str, plural: bool) -> Mention:
        doc = self.doc
        self._use(start, end)
        return Mention(start, end, "nominal", "group", doc[start:end].text, "code:" + country, code=country,
                       country=country, plural=plural, subject=is_subject(doc[end - 1]))

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

    def _nominal(self, match: Match, term, country: str, head: Token, agent: tuple[int, str]) -> list[Mention]:
        """A nationality (or country) + agent noun: one actor per coordinated nationality."""
        doc = self.doc
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
        mtype = _type(sector, a_code, plural)
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

    def bare_agents(self) -> list[Mention]:
        """ "police", "the troops", "rebels": with a country from the phrase, the sentence or the article."""
        doc = self.doc
        out: list[Mention] = []
        for i, pos in enumerate(self.sheet.pos):
            if self.used[i] or pos not in ("NOUN", "PROPN"):
                continue
            agent = self.agent_at(i, core=True)
            if agent is None:
                agent = self.agent_at(i)
                if agent is None or agent[0] == i:
                    continue  # the dictionary's single nouns only after a nationality; its phrases also alone
            tok = doc[i]
            if is_modifier(tok) or (pos == "PROPN" and tok.ent_type_ not in ("", "ORG")):
                continue
            a_start, a_code = agent
            if any(self.used[k] for k in range(a_start, tok.i + 1)):
                continue
            key = tuple(self.lemmas[a_start:tok.i + 1])
            plural = tok.tag_ in PLURAL_TAGS
            if a_code == "" or (key in NEEDS_COUNTRY and not plural):
                continue
            country = self.own_country(tok) or (self.context.around(tok.i) if self.context else None) or \
                self._subject_country(tok)
            if key in NEEDS_COUNTRY and country is None:
                continue
            start = self._left_modifiers(tok, a_start)
            code = (country or "") + a_code
            sector = sector_of(a_code if not country else code)
            mtype = _type(sector, a_code, plural)
            if mtype == "country" and not country:
                mtype = "organization"
            name = doc[start:tok.i + 1].text
            self._use(start, tok.i + 1)
            out.append(Mention(start, tok.i + 1, "nominal", mtype, name, "code:" + code, code=code,
                               country=country, sector=sector, plural=plural, subject=is_subject(tok)))
        return out

    def _left_modifiers(self, tok: Token, start: int) -> int:
        """The mention of an agent noun takes in its adjectives and noun modifiers ("Moslem fundamentalist
        demonstrators"), not its determiner or numbers."""
        k = start
        while k - 1 >= 0 and not self.used[k - 1]:
            prev = self.doc[k - 1]
            if prev.dep_ in ("amod", "compound") and prev.head.i >= start and prev.pos_ in ("ADJ", "NOUN", "PROPN") \
                    and prev.is_alpha:
                k -= 1
                continue
            break
        return k

    def _subject_country(self, tok: Token) -> str | None:
        """ "France is ready to contribute troops", "Syria offered its troops": the country whose clause it is."""
        subject = subject_of(tok)
        if subject is None or subject.i == tok.i:
            return None
        match = self.match_at.get(subject.i)
        term = match.first("country", "adjective", "capital", "seat") if match is not None else None
        if term is None:
            return None
        return term.code if term.kind != "seat" else country_of(term.code)

    def own_country(self, tok: Token) -> str | None:
        """A country in the noun's own phrase: "police in Jericho", "the army of Ukraine"; for an object, the place
        its verb names ("attacked the Yuzhmash enterprise in Dnipro")."""
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "poss") and child.i in self.match_at:
                term = self.match_at[child.i].first("country", "adjective", "capital", "city")
                if term is not None:  # "Darfur rebels", "Gaza militants"
                    return term.code
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")]
        if tok.dep_ in ("dobj", "nsubjpass"):
            preps += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "in"]
        for prep in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    match = self.match_at.get(obj.i)
                    if match is not None:
                        term = match.first("country", "capital", "city", "adjective")
                        if term is not None:
                            return term.code
        return None


def _type(sector: str | None, agent_code: str, plural: bool) -> str:
    """The actor type of a nominal: a government's own words ("officials", "the government") are the country;
    its bodies ("state media", GOVMED) are organisations."""
    if sector == "GOV" and agent_code != "GOV":
        return "organization"
    return TYPE_BY_SECTOR.get(sector or "", "group" if plural else "other")


def inside_name(doc: Doc, match: Match) -> bool:
    """A country's name inside an organisation's or a work's name, not at its head ("Agence France-Presse",
    "Bank of England"): part of that name, no mention of the country."""
    tok = doc[match.start]
    if tok.ent_type_ not in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT") or tok.ent_iob_ == "B":
        return False
    k = match.start - 1
    while k >= 0 and doc[k].ent_iob_ == "I":
        k -= 1
    return not (k >= 0 and doc[k].lower_ == "the" and k == match.start - 1)


def country_codes(doc: Doc, matches: list[Match]) -> list[tuple[int, str]]:
    """(token, country) for every country-ish name in the article (the context of bare agent nouns)."""
    out = []
    for match in matches:
        if inside_name(doc, match):
            continue
        term = match.first("country", "adjective", "demonym", "capital", "city")
        if term is not None and term.code:
            out.append((match.start, term.code))
        else:
            seat = match.first("seat")
            if seat is not None and country_of(seat.code):
                out.append((match.start, country_of(seat.code)))
                continue
            ent = match.first("entity")
            if ent is not None and ent.entity is not None and ent.entity.kind == "org":
                code = ent.entity.at(None)[0] or ""
                country = None if code.startswith("MNC") else country_of(code)
                if country:  # "UNITA" tells of Angola (a company tells of no place)
                    out.append((match.start, country))
    return out
