"""Within-article coreference: mentions grouped into actors, then descriptions and pronouns added to them.

- Names: "Volodymyr Zelensky", "President Zelensky" and "Zelensky" are one person (one name's words inside the
  other's, no conflicting country), as are two names of one dictionary entry ("Putin", "Vladimir Putin").
- Other mentions are one actor when they have the same code: "Russia", "Moscow's response" and "the Kremlin" are
  RUSGOV; "the Russian army" is RUSMIL, another actor.
- Descriptions: "the foreign minister" is the latest person whose role says so, "the country" the government of the
  country named last, "the alliance" the latest international organisation.
- Pronouns: "he"/"she" the most salient person of the last few sentences (subjects first, nearer first, gender
  kept apart where the text tells it); "it"/"its" an organisation or a country, only where one stands out (the
  clause's subject, else the only one before it in the sentence); "they" a group in the same way.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...records import Actor
from .matching import Sheet
from .mention import Mention
from .syntax import is_place_use, subject_of
from .tables import Tables, country_of, fold

HE = frozenset("he him his himself".split())
SHE = frozenset("she her hers herself".split())
IT = frozenset("it its itself".split())
THEY = frozenset("they them their theirs themselves".split())
PLEONASTIC_VERBS = frozenset("be seem appear happen take mean matter remain become rain".split())
GROUP_WORDS = {"country": "country", "nation": "country", "alliance": "igo", "bloc": "igo",
               "organization": "org", "organisation": "org", "group": "org", "movement": "org", "militia": "org"}
PERSON_WINDOW = 3  # sentences back a "he" or "she" may look
DESCRIPTION_WINDOW = 40  # sentences back "the minister" may look
#: words that make a role another office than its last word ("vice president" is no president)
OTHER_OFFICE = frozenset("vice deputy former acting first assistant under ex- ex deputy-".split())


def role_fits(role: str, title: str) -> bool:
    """ "the foreign minister" and "the minister" fit "Foreign Minister"; "the president" does not fit "Vice
    President"."""
    role = role.replace("former ", "") if not title.startswith("former") else role
    if not role or not title:
        return False
    if role == title:
        return True
    if not role.endswith(" " + title):
        return False
    before = role[: -len(title)].split()
    return not (before and before[-1] in OTHER_OFFICE) and len(title.split()) <= len(role.split())


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    names: set[str] = field(default_factory=set)  # the words of the person's names
    key: str = ""
    gender: str | None = None

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def type(self) -> str:
        kinds = {m.kind for m in self.mentions}
        if self.first.type == "person" or any(m.type == "person" and m.kind == "name" for m in self.mentions):
            return "person"
        if kinds & {"country", "metonym"} or any(m.kind == "seat" and m.type == "country" for m in self.mentions):
            return "country"
        return self.first.type

    def add(self, mention: Mention, words: set[str] | None = None) -> None:
        self.mentions.append(mention)
        if words:
            self.names |= words
        if mention.gender and not self.gender:
            self.gender = mention.gender


def _words(doc: Doc, m: Mention) -> set[str]:
    return {fold(doc[i].text) for i in m.tokens if doc[i].is_alpha and len(doc[i].text) > 1}


def group(doc: Doc, mentions: list[Mention]) -> list[Cluster]:
    """People by their names, everything else by code (or the organisation's name)."""
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    people: list[Cluster] = []
    descriptions: list[Mention] = []
    ordered = sorted(mentions, key=lambda x: x.start)
    for m in ordered:
        if m.type == "person" and m.kind == "name":
            words = _words(doc, m)
            fitting = []
            for c in reversed(people):
                same_entry = m.entity is not None and any(x.entity is m.entity for x in c.mentions)
                nested = words and (words <= c.names or c.names <= words)
                countries = {x.country for x in c.mentions if x.country}
                if (same_entry or nested) and (not m.country or not countries or m.country in countries):
                    fitting.append(c)
                    if same_entry or not (words < c.names):
                        break  # the same person by the same name
            # a part of several people's names ("Mugabe" after Robert and Grace Mugabe): the one named most so far,
            # the nearest at equal counts
            target = max(fitting, key=lambda c: len(c.mentions)) if fitting else None
            if target is None:
                target = Cluster(key=f"person:{len(people)}")
                people.append(target)
                clusters.append(target)
            target.add(m, words)
    known = surnames(doc, people)
    previous: tuple[Mention, Cluster] | None = None
    for m in ordered:
        if m.type == "person" and m.kind == "name":
            continue
        if m.kind == "description" and m.type == "person":
            descriptions.append(m)
            continue
        if m.kind == "name" and m.type == "organization" and m.entity is None and m.end - m.start == 1:
            person = known.get(fold(doc[m.start].text))
            if person is not None:  # "Kosiec" the model took for an organisation: the person named before
                person.add(m)
                continue
        cluster = by_key.get(m.key) or _bracketed_alias(doc, m, previous)
        if cluster is None:
            cluster = Cluster(key=m.key)
            clusters.append(cluster)
        by_key.setdefault(m.key, cluster)  # an alias's key leads to the actor it names too
        cluster.add(m)
        previous = (m, cluster)
    for m in descriptions:  # "Montenegro's prime minister": a named person with that role, else a person of its own
        target = next((c for c in people if m.of is not None and any(x is m.of for x in c.mentions)), None) or \
            _person_with_role(people, m, before=None)
        if target is None:
            key = f"role:{m.code}:{(m.role or '').lower()}"
            target = by_key.get(key)
            if target is None:
                target = Cluster(key=key)
                by_key[key] = target
                clusters.append(target)
                people.append(target)
        target.add(m)
    return clusters


ORGANISED = frozenset({"organization", "group", "igo", "military"})


def _bracketed_alias(doc: Doc, m: Mention, previous: tuple[Mention, Cluster] | None) -> Cluster | None:
    """The actor named right before a name in brackets, when both name organisations: "the Islamic State of Iraq
    and Al-Sham (ISIS)" is one group, though the dictionaries list the two names as two entries."""
    if previous is None or m.kind != "name" or m.type not in ORGANISED:
        return None
    before, cluster = previous
    if before.kind != "name" or before.type not in ORGANISED or before.end != m.start - 1:
        return None
    if doc[m.start - 1].text != "(" or m.end >= len(doc) or doc[m.end].text != ")":
        return None
    return cluster


def surnames(doc: Doc, people: list[Cluster]) -> dict[str, Cluster]:
    """The last words of the people's full names, each naming one person of the article."""
    out: dict[str, Cluster] = {}
    clash: set[str] = set()
    for c in people:
        for m in c.mentions:
            if m.kind != "name" or m.end - m.start < 2:
                continue
            last = fold(doc[m.end - 1].text)
            if not doc[m.end - 1].is_alpha or len(last) < 3:
                continue
            if out.get(last, c) is not c:
                clash.add(last)
            out[last] = c
    return {k: v for k, v in out.items() if k not in clash}


def _role(c: Cluster) -> str | None:
    return next((m.role for m in c.mentions if m.role_from_text and m.role), None) or \
        next((m.role for m in c.mentions if m.role), None)


def _person_with_role(people: list[Cluster], m: Mention, before: int | None) -> Cluster | None:
    wanted = (m.role or "").lower()
    for c in reversed(people):
        if before is not None and c.first.start >= before:
            continue
        role = (_role(c) or "").lower()
        countries = {x.country for x in c.mentions if x.country}
        if role_fits(role, wanted) and (not m.country or not countries or m.country in countries):
            return c
    return None


class Resolver:
    """Adds descriptions and pronouns to the actors, in text order."""

    def __init__(self, doc: Doc, tables: Tables, clusters: list[Cluster], used: list[bool], sheet: Sheet):
        self.sheet = sheet
        self.doc = doc
        self.tables = tables
        self.clusters = clusters
        self.used = used
        self.sent_of = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = k
        # the timeline: (token, cluster, mention) in text order, grown as pronouns are resolved
        self.timeline: list[tuple[int, Cluster, Mention]] = sorted(
            ((m.start, c, m) for c in clusters for m in c.mentions), key=lambda x: x[0])
        self.starts = [e[0] for e in self.timeline]
        self.title_heads = {t[-1] for t in tables.titles if len(t) <= 3}
        self.surnames = surnames(doc, [c for c in clusters if c.type == "person"])
        self.cluster_of_token: dict[int, Cluster] = {}
        for _, c, m in self.timeline:
            for i in m.tokens:
                self.cluster_of_token[i] = c

    def run(self) -> None:
        sheet = self.sheet
        for i, low in enumerate(sheet.folded):
            if self.used[i]:
                continue
            pos = sheet.pos[i]
            if pos == "PROPN" and low in self.surnames:
                tok = self.doc[i]
                if tok.text[:1].isupper():
                    self._surname(tok)
                continue
            pronoun = pos == "PRON" or sheet.tags[i] in ("PRP", "PRP$")
            if not (pronoun or low in GROUP_WORDS or sheet.lemmas[i] in self.title_heads):
                continue
            tok = self.doc[i]
            if pronoun:
                if low in HE or low in SHE:
                    self._add(tok.i, tok.i + 1, self._person_pronoun(tok, "f" if low in SHE else "m"), "pronoun")
                elif low in IT:
                    self._add(tok.i, tok.i + 1, self._it(tok), "pronoun")
                elif low in THEY:
                    self._add(tok.i, tok.i + 1, self._they(tok), "pronoun")
            else:
                self._description(tok)

    # -- mentions ------------------------------------------------------------------------------------------------

    def _add(self, start: int, end: int, cluster: Cluster | None, kind: str, gender: str | None = None) -> None:
        if cluster is None:
            return
        first = cluster.first
        m = Mention(start, end, kind, first.type, first.name, cluster.key, code=first.code, country=first.country,
                    sector=first.sector, subject=self.doc[end - 1].dep_ in ("nsubj", "nsubjpass"))
        cluster.mentions.append(m)
        self._record(cluster, m)

    def _record(self, cluster: Cluster, m: Mention) -> None:
        """Puts a mention added to a cluster on the timeline and marks its tokens as taken."""
        at = bisect.bisect_right(self.starts, m.start)
        self.starts.insert(at, m.start)
        self.timeline.insert(at, (m.start, cluster, m))
        for i in m.tokens:
            self.used[i] = True
            self.cluster_of_token[i] = cluster

    def _before(self, i: int, sentences_back: int):
        """Timeline entries before token ``i`` in this and the previous ``sentences_back`` sentences, nearest
        first."""
        s = self.sent_of[i]
        for k in range(bisect.bisect_left(self.starts, i) - 1, -1, -1):
            start, c, m = self.timeline[k]
            if self.sent_of[start] < s - sentences_back:
                break
            yield start, c, m

    def _surname(self, tok: Token) -> None:
        """A surname the model did not tag ("Pelosi has said"): the person of that full name."""
        doc = self.doc
        for k in (tok.i - 1, tok.i + 1):
            if 0 <= k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
                return  # part of a longer name
        self._add(tok.i, tok.i + 1, self.surnames[fold(tok.text)], "name")

    # -- descriptions --------------------------------------------------------------------------------------------

    def _description(self, tok: Token) -> None:
        """ "the minister", "the foreign minister", "the country", "the alliance"."""
        doc = self.doc
        det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"), None)
        if det is None or det.i > tok.i or any(self.used[k] for k in range(det.i, tok.i + 1)):
            return
        if tok.i + 1 < len(doc) and (doc[tok.i + 1].ent_type_ == "PERSON" or doc[tok.i + 1].lower_ == "of"):
            return  # "the minister Sybiha" is a title; "the president of X" names its own country
        words = [t for t in doc[det.i + 1:tok.i + 1]]
        if any(t.pos_ in ("PROPN",) and t.i in self.cluster_of_token for t in words):
            return
        low = tok.lower_
        if low in GROUP_WORDS:
            if is_place_use(tok):
                return
            wanted = GROUP_WORDS[low]
            found = self._latest_group(tok.i, wanted)
            if found is None and wanted == "country":
                found = self._new_government(det.i, tok.i + 1)
                if found is not None:
                    return
            self._add(det.i, tok.i + 1, found, "description")
            return
        title = " ".join(t.lower_ for t in words if t.pos_ in ("NOUN", "PROPN", "ADJ"))
        if not title:
            return
        for _, c, _m in self._before(tok.i, DESCRIPTION_WINDOW):
            if c.type == "person" and role_fits((_role(c) or "").lower(), title):
                self._add(det.i, tok.i + 1, c, "description")
                return

    def _new_government(self, start: int, end: int) -> Cluster | None:
        """ "Russian sources said the country had closed its airspace": the country of the latest mention that has
        one, as a government the article has not named yet; its first mention is "the country"."""
        for _, _c, m in self._before(start, 6):
            country = m.country or country_of(m.code)
            name = self.tables.country_name(country)
            if not name:
                continue
            mention = Mention(start, end, "description", "country", name, f"code:{country}GOV", code=f"{country}GOV",
                              country=country, sector="GOV",
                              subject=self.doc[end - 1].dep_ in ("nsubj", "nsubjpass"))
            cluster = Cluster(mentions=[mention], key=mention.key)
            self.clusters.append(cluster)
            self._record(cluster, mention)
            return cluster
        return None

    def _latest_group(self, i: int, wanted: str) -> Cluster | None:
        for _, c, m in self._before(i, 6):
            if wanted == "country":
                country = m.country or country_of(m.code)
                if country:
                    target = next((x for x in self.clusters if x.key == f"code:{country}GOV"), None)
                    if target is not None:
                        return target
            elif wanted == "igo" and c.type == "igo":
                return c
            elif wanted == "org" and c.type in ("organization", "group", "igo") and not m.plural:
                return c
        return None

    # -- pronouns --------------------------------------------------------------------------------------------------

    def _person_pronoun(self, tok: Token, gender: str) -> Cluster | None:
        s = self.sent_of[tok.i]
        best, best_score = None, None
        seen = set()
        for start, c, m in self._before(tok.i, PERSON_WINDOW):
            if c.type != "person" or id(c) in seen:
                continue
            if c.gender and c.gender != gender:
                continue
            if m.kind == "description" and m.type != "person":
                continue
            mtok = self.doc[m.end - 1]
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            if tok.dep_ in ("dobj", "dative", "pobj") and m.subject and mtok.head.i == verb.i:
                continue  # "Putin praised him", "Macron spoke with him": not the subject
            seen.add(id(c))
            distance = s - self.sent_of[start]
            score = -3 * distance + (2 if m.subject else 0) + (1 if distance == 0 else 0) + (3 if c.gender else 0)
            if best_score is None or score > best_score:
                best, best_score = c, score
        return best

    def _it(self, tok: Token) -> Cluster | None:
        if tok.lower_ == "it":
            head = tok.head
            if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or head.pos_ not in ("VERB", "AUX") or \
                    head.lemma_.lower() in PLEONASTIC_VERBS:
                return None
        return self._non_person(tok, plural=False)

    def _they(self, tok: Token) -> Cluster | None:
        return self._non_person(tok, plural=True)

    def _non_person(self, tok: Token, plural: bool) -> Cluster | None:
        def fits(c: Cluster, m: Mention) -> bool:
            if c.type == "person":
                return False
            return m.plural == plural if m.kind == "nominal" else not plural

        # 1. the subject of the clause, or of the clause this one reports ("Ukraine has accepted that it ...")
        node = tok
        for _ in range(3):
            subj = subject_of(node)
            if subj is None or subj.i == tok.i:
                if node.head.i == node.i:
                    break
                node = node.head
                while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
                    node = node.head
                continue
            c = self.cluster_of_token.get(subj.i)
            if c is not None and subj.i < tok.i:
                m = next((x for x in c.mentions if subj.i in x.tokens), c.first)
                if fits(c, m):
                    return c
            break
        # 2. the nearest candidate before it in the sentence (not a modifier, not the owner of the pronoun's phrase);
        # "they" only takes subjects (step 1 and 3): plural nouns that are no actor stand between too often
        s = self.sent_of[tok.i]
        if plural:
            return self._previous_subject(tok, fits)
        owners = {t.i for t in tok.ancestors if t.dep_ == "poss"} | {
            c.i for a in tok.ancestors for c in a.children if c.dep_ == "poss"}
        found: list[Cluster] = []
        for start, c, m in self._before(tok.i, 0):
            if self.sent_of[start] != s:
                break
            mtok = self.doc[m.end - 1]
            if mtok.dep_ in ("compound", "amod") or mtok.i in owners or not fits(c, m):
                continue
            if c not in found:
                found.append(c)
        if found:
            return found[0]
        # 3. the subject of the previous sentence
        return self._previous_subject(tok, fits)

    def _previous_subject(self, tok: Token, fits) -> Cluster | None:
        s = self.sent_of[tok.i]
        if s > 0:
            prev = [e for e in self._before(tok.i, 1) if self.sent_of[e[0]] == s - 1 and e[2].subject]
            prev = [e for e in prev if fits(e[1], e[2])]
            if len({id(e[1]) for e in prev}) == 1:
                return prev[0][1]
        return None


def to_actors(doc: Doc, tables: Tables, clusters: list[Cluster]) -> list[Actor]:
    out = []
    ordered = sorted((c for c in clusters if c.mentions), key=lambda c: min(m.start for m in c.mentions))
    for c in ordered:
        spans = sorted({(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)) for m in c.mentions})
        out.append(_actor(f"a{len(out) + 1}", c, spans, tables))
    return out


def _actor(actor_id: str, c: Cluster, spans, tables: Tables) -> Actor:
    mtype = c.type
    if mtype == "person":
        named = [m for m in c.mentions if m.kind == "name"]
        source = named or [m for m in c.mentions if m.kind == "description"] or c.mentions
        name = max(source, key=lambda m: (len(m.name.split()), -m.start)).name
        entity = next((m.entity for m in c.mentions if m.entity is not None), None)
        if entity is not None and len(name.split()) == 1 and fold(name) in fold(entity.name).split():
            name = entity.name  # "Zelensky" alone in the text: the dictionary's full name
        texty = next((m for m in c.mentions if m.role_from_text), None)
        coded = next((m for m in c.mentions if m.code), None)
        role = _role(c)
        country = (texty.country if texty and texty.country else None) or next(
            (m.country for m in c.mentions if m.country), None)
        code = (texty.code if texty and texty.code else None) or (coded.code if coded else None)
        sector = (texty.sector if texty and texty.sector else None) or next(
            (m.sector for m in c.mentions if m.sector), None)
        if country and code and country_of(code) not in (country, None):
            code = country + (sector or "")
        if country not in tables.countries:
            country = None
        return Actor(actor_id, name, "person", country, sector, role, code, spans)
    first = c.first
    if mtype == "country" and c.key == f"code:{first.country}GOV":
        name = tables.country_name(first.country) or first.name
    else:
        name = next((m.name for m in c.mentions if m.kind == "name"), None) or first.name
    country = first.country if first.country in tables.countries else None  # not a region (MEA, SEA)
    return Actor(actor_id, name, mtype, country, first.sector, None, first.code, spans)
