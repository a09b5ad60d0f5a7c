"""Named people and organisations, with the role, country and code the text gives them.

People come from spaCy's PERSON entities and from the dictionaries' names (the small model misses some and calls
capitals people: a name the dictionaries know as a place is not a person). The words before a name ("Ukrainian
Deputy Prime Minister Olga Stefanishyna", "NATO Secretary General Mark Rutte") and an apposition after it ("Andrii
Sybiha, Ukraine's foreign minister,") give the role and the country; a known person's code and role on the
article's date come from the dictionaries when the text gives none.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .matching import Match
from .mention import Mention
from .syntax import FEMALE_NAMES, HONORIFICS_F, HONORIFICS_M, MALE_A, MALE_NAMES, is_modifier, is_subject
from .tables import Entity, Tables, country_of, fold, sector_of

#: words that may stand in a title before a name besides the titles themselves
TITLE_EXTRAS = frozenset("deputy vice first acting interim former ex ex- senior top chief foreign defence defense "
                         "interior finance prime general state of the affairs national security supreme outgoing "
                         "incoming then late ousted deposed exiled veteran assistant under - special comrade "
                         "cde".split())
FORMER = frozenset("former ex ex- ousted deposed exiled late then outgoing".split())
SMALL_WORDS = frozenset("of the and for in on to".split())
GENERIC_ORG_WORDS = frozenset("alliance bloc organization organisation group movement union coalition".split())
COMMON_ORG_HEADS = frozenset("command ship tracker centre center office agency ministry committee council court "
                              "department service force army police government parliament company".split())
PLACE_NAME_WORDS = frozenset("avenue street square boulevard road bridge airport station prospekt highway lane "
                             "park stadium hospital university school district".split())
PLACE_KINDS = ("country", "capital", "city", "seat", "adjective", "demonym")
#: nouns that name a kind of place before "of": "the town of Shali" names a town, not a person called Shali
PLACE_FRAME_NOUNS = frozenset("town city village district province region county municipality hamlet suburb "
                              "neighbourhood neighborhood governorate island port".split())


@dataclass
class Prefix:
    """What the words around a name say: the title, the country or organisation, honorifics."""

    role: str | None = None
    sector: str | None = None
    country: str | None = None
    org_code: str | None = None
    former: bool = False
    gender: str | None = None
    start: int | None = None  # first token of the prefix (to mark it used)
    span: tuple[int, int] | None = None  # the apposition's tokens


def role_text(tokens: list[Token]) -> str:
    words = []
    for tok in tokens:
        word = tok.text
        low = word.lower()
        if low in SMALL_WORDS and words:
            words.append(low)
        elif word == "-":
            words.append("-")
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(words).replace(" - ", "-")


def _longest_title(tables: Tables, folded: list[str], start: int, end: int) -> tuple[int, int, str] | None:
    """The longest title from the table inside tokens [start, end)."""
    best = None
    for i in range(start, end):
        for j in range(end, i, -1):
            key = tuple(folded[i:j])
            if key in tables.titles and (best is None or j - i > best[1] - best[0]):
                best = (i, j, tables.titles[key])
                break
    return best


def _person_term(match: Match):
    for term in match.terms:
        if term.kind == "entity" and term.entity is not None and term.entity.kind == "person":
            return term
    return None


class Namer:
    """Finds the people and organisations of one article."""

    def __init__(self, doc: Doc, tables: Tables, matches: list[Match], folded: list[str], when: int | None):
        self.doc = doc
        self.tables = tables
        self.folded = folded
        self.when = when
        self.match_at: dict[int, Match] = {}
        for m in matches:
            for i in range(m.start, m.end):
                self.match_at[i] = m
        self.used = [False] * len(doc)

    # -- the words around a name ---------------------------------------------------------------------------------

    def prefix(self, start: int, sent: Span) -> Prefix:
        """Read leftwards from a name over titles, nationalities and organisation names."""
        doc, tables, folded = self.doc, self.tables, self.folded
        out = Prefix()
        i = start - 1
        first = start
        while i >= sent.start:
            tok = doc[i]
            low = folded[i]
            match = self.match_at.get(i)
            if match is not None and match.kinds() & {"country", "adjective", "capital", "demonym", "entity", "seat"}:
                term = match.first("adjective", "country", "capital", "demonym", "seat", "entity")
                if term.kind == "entity" and term.entity is not None and term.entity.kind == "person":
                    break
                first = match.start
                i = match.start - 1
                if term.kind == "entity" and term.entity is not None:
                    code, _ = term.entity.at(self.when)
                    out.org_code = out.org_code or code
                elif term.kind == "seat":
                    out.country = out.country or country_of(term.code)
                else:
                    out.country = out.country or term.code
                if i >= sent.start and doc[i].text in ("'s", "'"):  # "Ukraine's foreign minister X"
                    continue
                continue
            if low in ("'s", "’s") and i - 1 >= sent.start:
                i -= 1
                continue
            if low in tables.title_words or low in TITLE_EXTRAS:
                if low in ("of", "the", "-") and first == start:
                    break  # a title does not end with these
                first = i
                i -= 1
                continue
            if low in HONORIFICS_M or low in HONORIFICS_F:
                out.gender = "m" if low in HONORIFICS_M else "f"
                first = i
                i -= 1
                continue
            if tok.ent_type_ == "ORG" and tok.text[:1].isupper():  # "National Assembly president"
                first = i
                i -= 1
                continue
            break
        while first < start and folded[first] in ("the", "of", "-", "'s"):
            first += 1
        if first >= start:
            return out
        out.start = first
        self._read_title(out, first, start)
        return out

    def _read_title(self, out: Prefix, first: int, end: int) -> None:
        """Fill role and sector from the title words in tokens [first, end)."""
        doc, folded = self.doc, self.folded
        title = _longest_title(self.tables, folded, first, end)
        if title is None:
            return
        t0 = title[0]
        # the role runs from the first title word after the nationality / organisation to the end of the title
        j = t0
        while j > first and (folded[j - 1] in self.tables.title_words or folded[j - 1] in TITLE_EXTRAS) \
                and j - 1 not in self.match_at and folded[j - 1] not in ("the", "'s"):
            j -= 1
        words = [doc[k] for k in range(j, title[1]) if folded[k] not in FORMER]
        out.former = any(folded[k] in FORMER for k in range(first, title[1]))
        while words and words[0].lower_ in SMALL_WORDS | {"-"}:
            words = words[1:]
        if words:
            out.role = role_text(words)
            out.sector = title[2]
        if out.former and out.role:
            out.role = "Former " + out.role
            out.sector = "ELI"

    def apposition(self, name: Span) -> Prefix:
        """ "Andrii Sybiha, Ukraine's foreign minister," or "Ukraine's foreign minister, Andrii Sybiha,"."""
        out = Prefix()
        root = name.root
        spans = [c for c in root.children if c.dep_ == "appos" and c.i >= name.end]
        if root.dep_ == "appos" and root.head.i < name.start:
            spans.append(root.head)
            of = root.head.head
            if root.head.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and of.head.i < name.start:
                spans.append(of.head)  # "The mayor of Paris, Anne Hidalgo," parsed with the name beside "Paris"
        for head in spans:
            sub = [t for t in head.subtree if not (name.start <= t.i < name.end)]
            if not sub or len(sub) > 14:
                continue
            lo, hi = min(t.i for t in sub), max(t.i for t in sub) + 1
            title = _longest_title(self.tables, self.folded, lo, hi)
            if title is None:
                continue
            for i in range(lo, hi):
                match = self.match_at.get(i)
                if match is None:
                    continue
                term = match.first("adjective", "country", "capital", "demonym", "entity")
                if term is None:
                    continue
                if term.kind == "entity" and term.entity is not None and term.entity.kind != "person":
                    out.org_code = out.org_code or term.entity.at(self.when)[0]
                elif term.kind != "entity":
                    out.country = out.country or term.code
            self._read_title(out, title[0], title[1])
            if out.role:
                out.span = (lo, hi)
                return out
        return out

    # -- people ----------------------------------------------------------------------------------------------------

    def person_spans(self) -> list[tuple[int, int, Entity | None]]:
        """Token spans of people's names (titles trimmed), with the dictionary entry when there is one."""
        doc, folded = self.doc, self.folded
        spans: list[tuple[int, int, Entity | None]] = []
        taken = [False] * len(doc)
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            start, end = ent.start, ent.end
            while end > start and folded[end - 1] in ("'s", "'", "’s"):
                end -= 1
            while (start > ent.sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound"
                   and start <= doc[start - 1].head.i < end and doc[start - 1].ent_type_ == ""
                   and doc[start - 1].is_title and self.match_at.get(start - 1) is None
                   and folded[start - 1] not in self.tables.title_words):
                start -= 1  # "Sadiq" before "Khan" (PERSON): the model's entity cut the first name off
            while start < end and (folded[start] in self.tables.title_words or folded[start] in TITLE_EXTRAS
                                   or folded[start] in HONORIFICS_M or folded[start] in HONORIFICS_F
                                   or self._is_nationality(start)):
                start += 1
            if start >= end or not doc[start].text[:1].isupper():
                continue
            if any(ch in "[]" for ch in doc[start:end].text):
                continue  # "[W]e": a quoted word with an editor's bracket, not a name
            match = self.match_at.get(start)
            if match is not None and match.start == start and match.end == end and not match.first("entity"):
                continue  # a place the small model took for a person ("Kiev")
            entity = self._person_entity(start, end)
            if entity is None and match is not None and match.end >= end and match.first("entity") is not None:
                continue  # an organisation the small model took for a person
            if is_modifier(doc[end - 1]) and doc[end - 1].head.pos_ == "NOUN":
                continue  # "the Oreshnik missile"
            if folded[end - 1] in PLACE_NAME_WORDS:
                continue  # "Karl Marx Avenue"
            if end - start == 1 and start > 0 and folded[start - 1] in ("ethnic", "fellow", "many", "other"):
                continue  # "ethnic Ndebele": a people, not a person
            if start >= 2 and folded[start - 1] == "of" and doc[start - 2].lemma_.lower() in PLACE_FRAME_NOUNS:
                continue  # "the town of Shali"
            spans.append((start, end, entity))
            for i in range(start, end):
                taken[i] = True
        for ent in doc.ents:  # a name the model calls an organisation but an apposition calls a minister
            if ent.label_ not in ("ORG", "GPE", "NORP") or any(taken[k] for k in range(ent.start, ent.end)):
                continue
            start = ent.start
            while start > 0 and start - 1 >= ent.sent.start and doc[start - 1].pos_ == "PROPN" and \
                    doc[start - 1].ent_type_ == "" and doc[start - 1].text[:1].isupper() and \
                    folded[start - 1] not in self.tables.title_words:
                start -= 1  # "Tomasz" before "Kubiak" (ORG)
            if not 2 <= ent.end - start <= 3 or not all(t.is_alpha and t.text[:1].isupper()
                                                        for t in doc[start:ent.end]):
                continue
            if any(k in self.match_at for k in range(start, ent.end)):
                continue
            if self.apposition(doc[start:ent.end]).role:
                spans.append((start, ent.end, None))
                for k in range(start, ent.end):
                    taken[k] = True
        for i, match in sorted(self.match_at.items()):
            if match.start != i or taken[i]:
                continue
            term = _person_term(match)
            if term is None:
                continue
            if any(taken[k] for k in range(match.start, match.end)):
                continue
            tok = doc[match.start]
            if match.end - match.start == 1 and (tok.ent_type_ not in ("", "PERSON") or tok.pos_ != "PROPN"):
                continue
            if match.kinds() & set(PLACE_KINDS):
                continue
            spans.append((match.start, match.end, term.entity))
            for k in range(match.start, match.end):
                taken[k] = True
        spans.sort()
        return spans

    def _is_nationality(self, i: int) -> bool:
        match = self.match_at.get(i)
        return match is not None and bool(match.kinds() & {"adjective", "seat"})

    def _person_entity(self, start: int, end: int) -> Entity | None:
        """The dictionary person whose name is (a part of) tokens [start, end)."""
        best = None
        for i in range(start, end):
            match = self.match_at.get(i)
            if match is None or match.start < start or match.end > end:
                continue
            person = _person_term(match)
            if person is None:
                continue
            if best is None or match.end - match.start > best[0]:
                best = (match.end - match.start, person.entity)
        return best[1] if best else None

    def by_surname(self, start: int, end: int, role: str | None) -> Entity | None:
        """A surname ("President Bush", "Carlos Menem") names a dictionary person when the persons of that
        surname (with that first name, with that title once) are all of one country; the one in office on the
        article's date (else the latest) is taken."""
        words = [self.folded[k] for k in range(start, end) if self.doc[k].is_alpha]
        if not words:
            return None
        people = self.tables.surnames.get(words[-1])
        if not people:
            return None
        if len(words) > 1:
            people = [p for p in people if fold(p.name).split()[0] == words[0]]
        if role and len(people) > 1:
            head = role.lower().split()[-1]
            titled = [p for p in people if any(head in (t or "").lower() for t, _, _ in p.roles) or
                      any(head in (r or "").lower() for _, r, _, _ in p.curated)]
            people = titled or people
        if not people:
            return None
        countries = {country_of(p.at(self.when)[0]) for p in people}
        if len(countries) != 1 or None in countries:
            return None
        if len(people) == 1:
            return people[0]
        ranked = sorted(people, key=lambda p: (sector_of(p.at(self.when)[0]) == "GOV",
                                               max((s for _, s, _ in p.codes), default=0)))
        return ranked[-1]

    def people(self, context=None) -> list[Mention]:
        """The people named in the article; ``context(token)`` gives the country the context suggests for a
        titled person the text and the dictionaries leave without one ("President Gbagbo" next to "Ivory Coast")."""
        out = []
        for start, end, entity in self.person_spans():
            span = self.doc[start:end]
            sent = span.sent
            before = self.prefix(start, sent)
            after = self.apposition(span) if before.role is None else Prefix()
            if entity is None:
                entity = self.by_surname(start, end, before.role or after.role)
            text = before if before.role or before.country or before.org_code else after
            if after.role and not before.role:
                text = after
            country = text.country or before.country
            org_code = text.org_code or before.org_code
            dict_code, dict_role = entity.at(self.when) if entity is not None else (None, None)
            if dict_code is None and entity is not None and not (country or org_code):
                country = entity.home()  # out of the dictionary's dates: still of its country
            code, sector = self._code(text, country, org_code, dict_code, dict_role if entity is not None else None)
            country = country or country_of(code)
            if code is None and text.role and context is not None:
                country = context(start)
                code = country + (sector or "") if country else None
            role = text.role or (dict_role if entity is not None else None)
            gender = before.gender or self._gender(span)
            name = " ".join(t.text for t in span).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
            mention = Mention(start, end, "name", "person", name, "", code=code or None,
                              country=country, sector=sector,
                              role=role, entity=entity, role_from_text=bool(text.role), gender=gender,
                              subject=is_subject(span.root))
            if before.start is not None:
                for k in range(before.start, start):
                    self.used[k] = True
            if text is after and after.span is not None:
                lo, hi = after.span
                for k in range(lo, hi):
                    if not start <= k < end:
                        self.used[k] = True
                if lo < start < hi:
                    hi = start
                elif lo < end < hi:
                    lo = end
                while lo < hi and not self.doc[lo].is_alpha:
                    lo += 1
                while hi > lo and not self.doc[hi - 1].is_alpha:
                    hi -= 1
                if lo < hi and (hi <= start or lo >= end):
                    out.append(Mention(lo, hi, "description", "person", self.doc[lo:hi].text, "", role=text.role,
                                       country=country, code=code, of=mention))
            for k in range(start, end):
                self.used[k] = True
            out.append(mention)
        return out

    @staticmethod
    def _code(text: Prefix, country: str | None, org_code: str | None, dict_code: str | None,
              dict_role: str | None = None):
        """The person's CAMEO code and sector: the title's sector under the text's country or organisation, else
        the dictionary's code on the article's date (also where the dictionary gives the same title: Hong Kong's
        "Chief Executive" is its government, not a business)."""
        if org_code and not country:
            return org_code, (text.sector if text.role else sector_of(org_code))
        if text.role:
            if country:
                same_title = bool(dict_role) and fold(dict_role) == fold(text.role)
                if dict_code and country_of(dict_code) == country and (sector_of(dict_code) == text.sector
                                                                       or same_title):
                    return dict_code, sector_of(dict_code)
                return country + (text.sector or ""), text.sector
            if dict_code:
                if text.former and country_of(dict_code):
                    return country_of(dict_code) + "ELI", "ELI"
                return dict_code, sector_of(dict_code)
            return None, text.sector
        if dict_code and country in (None, country_of(dict_code)):
            return dict_code, sector_of(dict_code)
        return country, None

    @staticmethod
    def _gender(span: Span) -> str | None:
        if len(span) < 2:
            return None
        first = fold(span[0].text)
        if first in FEMALE_NAMES or (first.endswith("a") and len(first) > 2 and first not in MALE_A):
            return "f"
        if first in MALE_NAMES:
            return "m"
        return None

    # -- organisations -------------------------------------------------------------------------------------------

    def organisations(self, agent_at, own_country=None) -> list[Mention]:
        """IGOs, named organisations and seats of government found by the dictionaries, and ORG entities."""
        doc = self.doc
        out: list[Mention] = []
        seen_starts = set()
        for i, match in sorted(self.match_at.items()):
            if match.start != i or self.used[i]:
                continue
            term = match.first("seat") or match.first("entity")
            if term is None or (term.kind == "entity" and (term.entity is None or term.entity.kind == "person")):
                continue
            if match.first("country", "capital", "adjective", "demonym") is not None and term.kind == "entity":
                continue  # a country's own name wins over an organisation spelled the same
            seen_starts.add(i)
            out.extend(self._org_mention(match.start, match.end, term, agent_at))
        for ent in doc.ents:
            if ent.label_ != "ORG" or any(self.used[k] for k in range(ent.start, ent.end)):
                continue
            if len(ent) <= 2 and fold(ent[-1].text) in GENERIC_ORG_WORDS:
                continue  # "the Alliance": a description, resolved later
            mention = self._org_entity(ent, agent_at, own_country)
            if mention is not None:
                out.append(mention)
        return out

    def _org_entity(self, ent: Span, agent_at, own_country=None) -> Mention | None:
        """An ORG entity the dictionaries do not name: an organisation, with the country its name carries
        ("Nigerian Union of Teachers"); None when dictionary names explain its words ("Ukraine NATO")."""
        doc, folded = self.doc, self.folded
        inside = []
        for k in range(ent.start, ent.end):
            m = self.match_at.get(k)
            if m is not None and (not inside or inside[-1] is not m):
                inside.append(m)
        if any(m.first("seat") or (m.first("entity") and not m.first("country", "adjective", "capital"))
               for m in inside):
            return None  # the dictionary pass names it
        covered = {k for m in inside for k in range(m.start, m.end)}
        start = ent.start + (1 if folded[ent.start] == "the" else 0)
        end = ent.end
        opened = max((k for k in range(start, end) if doc[k].text == "("), default=None)
        if opened is not None and not any(doc[k].text == ")" for k in range(opened, end)):
            end = opened  # "National Hurricane Center (NHC": the model's entity stops inside the brackets
        while end > start and folded[end - 1] in ("'s", "'", "of", "and", "the", "-", ","):
            end -= 1
        if end - start == 1 and (doc[start].pos_ == "NOUN" or folded[start] in GENERIC_ORG_WORDS or
                                 doc[start].lemma_.lower() in COMMON_ORG_HEADS):
            return None  # "Command", "Ships": a common noun the model took for a name
        rest = [k for k in range(start, end) if k not in covered and doc[k].is_alpha
                and folded[k] not in ("the", "of", "and") and agent_at(k) is None]
        if start >= end or not rest or not doc[start].text[:1].isupper():
            return None
        last = doc[end - 1]
        if is_modifier(last) and agent_at(last.head.i) is None and last.head.pos_ == "NOUN":
            return None  # "Euro-Atlantic integration", "Oreshnik missile"
        country = None
        for m in inside:
            term = m.first("country", "adjective", "capital", "demonym")
            if term is not None:
                country = term.code
                break
        head = last.head if is_modifier(last) and last.head.i - end <= 2 else None
        agent = agent_at(head.i) if head is not None else agent_at(end - 1)
        if head is not None and agent is not None:  # "the Yuzhmash enterprise": the name and its noun
            end = head.i + 1
            if country is None and own_country is not None:
                country = own_country(head)
        a_code = agent[1] if agent else ""
        code = (country or "") + a_code or None
        name = doc[start:end].text
        for k in range(start, end):
            self.used[k] = True
        return Mention(start, end, "name", "organization", name, "org:" + fold(name), code=code, country=country,
                       sector=sector_of(code) if code else None, subject=is_subject(last))

    def _regional(self, code: str | None, start: int, end: int) -> str | None:
        """A dictionary code under a region (MEAREB) takes the country the name carries ("Palestinian ...")."""
        if not code or code[:3] in self.tables.countries or code.startswith(("IGO", "NGO", "IMG", "MNC")):
            return code
        for k in range(start, end):
            for term in self.tables.index.get(self.folded[k], ()):
                if len(term.tokens) == 1 and term.kind in ("adjective", "country") and term.code:
                    return term.code + code[3:]
        return code

    def _org_mention(self, start: int, end: int, term, agent_at) -> list[Mention]:
        doc = self.doc
        if term.kind == "seat":
            code = term.code
            name = self.tables.seat_names.get(code) or doc[start:end].text
            mtype = "country" if code.endswith("GOV") else ("military" if code.endswith("MIL") else "organization")
            key = "code:" + code  # the Kremlin is Russia's government
        else:
            code, _ = term.entity.at(self.when)
            name = term.entity.name
            mtype = "igo" if code and code.startswith("IGO") else "organization"
            if code and sector_of(code) == "REB" or (code or "").startswith("IMG"):
                mtype = "group"
            code = self._regional(code, start, end)
            key = "ent:" + str(term.entity.id)  # one organisation, whatever others share its code
        last = doc[end - 1]
        head = last.head
        agent = agent_at(head.i) if is_modifier(last) or last.dep_ == "poss" else None
        if agent is not None and code:  # "NATO troops", "Hamas militants", "the Kremlin's spokesman"
            a_start, a_code = agent
            if head.i + 1 - start <= 6:
                full = code if (a_code and a_code in code[3:]) or not a_code else code + a_code
                sector = sector_of(full)
                mtype2 = "military" if sector == "MIL" else ("group" if head.tag_ in ("NNS", "NNPS") else mtype)
                for k in range(start, head.i + 1):
                    self.used[k] = True
                return [Mention(start, head.i + 1, "nominal", mtype2 if full != code else mtype,
                                doc[start:head.i + 1].text if full != code else name,
                                "code:" + full if full != code else key, code=full, country=country_of(full),
                                sector=sector, plural=head.tag_ in ("NNS", "NNPS"), subject=is_subject(head))]
        for k in range(start, end):
            self.used[k] = True
        return [Mention(start, end, "seat" if term.kind == "seat" else "name", mtype, name, key, code=code,
                        country=country_of(code), sector=sector_of(code), entity=term.entity,
                        subject=is_subject(last))]
