"""The verb lexicon: the PETRARCH CAMEO 2.0 verb-pattern dictionary (``data/cameo/verbs.json``) matched against a
clause of the dependency parse, plus the project's own additions (``data/cameo/verbs_extra.tsv``).

A dictionary block groups synonymous verbs under a default code; its patterns refine the code by the words around
the verb: ``- * (IN GUNBATTLE) [193]`` codes "killed in a gunbattle" 193, ``- {SUICIDE ATTACK} * [183]`` codes a
suicide attack that killed 183, and ``[---]`` marks a phrase that is no event at all ("killed in an accident").
Patterns are matched here on the words of the verb's clause: the words before the verb (its subject and other left
dependents) and after it (objects, particles, prepositional phrases), in order, gaps allowed, each word compared
with a token's form and lemma; a phrase in braces must be contiguous; ``&NAME`` stands for any member of a
synonym set. The pattern that matches the most words wins; without a match the verb's own code, else the block's
default code applies.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

Element = str | tuple  # a word, a synonym set name ("&WEAPON"), or a phrase (tuple of elements)
Keys = Sequence[frozenset[str]]  # one set of forms (lower-case form, lemma) per token


class ModifierKeys(frozenset):
    """The forms of a noun that modifies the name of people, a unit, a vehicle, a site or an area ("government"
    in "government forces", "a government convoy", "the local government area"): it matches a word of a pattern
    only inside a phrase, never alone. A lone word of a pattern stands for what is acted on: "attack the
    government" is criticism, "attacked government forces" is not. Other modifiers still match ("suspended aid
    deliveries" is a cut in aid)."""


#: nouns naming people, units, vehicles, sites and areas: what a noun before them only qualifies
QUALIFIED_HEADS = frozenset("""forces force troops soldiers army units unit fighters militia militiamen officials
official officers officer supporters personnel staff members convoy convoys vehicle vehicles truck trucks car cars
patrol patrols plane planes aircraft helicopter helicopters ship ships building buildings headquarters office
offices compound station stations post posts checkpoint checkpoints base bases position positions installation
installations facility facilities target targets area areas zone zones district districts town village villages
camp camps""".split())


@dataclass(frozen=True)
class Pattern:
    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    code: str | None  # "---" = explicitly no event; None = only a reverse code
    reverse: str | None  # code of the event from the target back to the source ("[:173]")
    words: frozenset[str]  # literal words the pattern needs (a quick filter)
    weight: float  # how specific it is: words and synonym sets matched
    verb: str | None  # the verb it was written for (the dictionary's comment)


@dataclass(frozen=True)
class Block:
    name: str
    code: str | None
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True)
class Entry:
    block: int
    words: tuple[str, ...]  # particles or words that must follow the verb ("shut down")
    code: str | None  # the verb's own default code, overriding the block's; "---" = none


@dataclass(frozen=True)
class Match:
    code: str | None  # None: no event
    reverse: bool  # the code is the reverse direction (target acts on source)
    weight: float  # 0 for a default code, else the pattern's specificity
    block: str


def _element(raw) -> Element:
    if isinstance(raw, list):
        return tuple(_element(r) for r in raw)
    return raw


def _literal_words(elements) -> list[str]:
    out: list[str] = []
    for e in elements:
        if isinstance(e, tuple):
            out.extend(_literal_words(e))
        elif not e.startswith("&"):
            out.append(e)
    return out


def _weight(elements) -> float:
    total = 0.0
    for e in elements:
        if isinstance(e, tuple):
            total += _weight(e)
        else:
            total += 0.8 if e.startswith("&") else 1.0
    return total


class VerbLexicon:
    """The verb dictionary, indexed by verb form, with the matcher."""

    def __init__(self, data: dict, extra: list[tuple[str, tuple[str, ...], str, bool]]):
        self.synsets: dict[str, tuple[tuple[str, ...], ...]] = {
            name: tuple(tuple(words) for words in members) for name, members in data["synsets"].items()}
        # each synonym set's members by their first word, so that a token is tried only against the members it
        # can start (the sets are long; most members start with other words)
        self._synset_starts: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        self._synset_empty: set[str] = set()  # sets with an empty member, which matches without a word
        for name, members in self.synsets.items():
            starts: dict[str, list[tuple[str, ...]]] = {}
            for words in members:
                if words:
                    starts.setdefault(words[0], []).append(words)
                else:
                    self._synset_empty.add(name)
            self._synset_starts[name] = starts
        self._ordered: dict[tuple[str, str], tuple[Entry, ...]] = {}
        self._pattern_index: dict[int, tuple[list[int], dict[str, list[int]]]] = {}
        blocks = []
        for b in data["blocks"]:
            patterns = []
            for p in b["patterns"]:
                pre = tuple(_element(e) for e in p["pre"])
                post = tuple(_element(e) for e in p["post"])
                patterns.append(Pattern(pre, post, p["code"], p["reverse"],
                                        frozenset(_literal_words(pre) + _literal_words(post)),
                                        _weight(pre) + _weight(post), p.get("verb")))
            blocks.append(Block(b["name"], b["code"], tuple(patterns)))
        self.blocks: list[Block] = blocks
        self.verbs: dict[str, list[Entry]] = {
            form: [Entry(e["block"], tuple(e["words"]), e.get("code")) for e in entries]
            for form, entries in data["verbs"].items()}
        # the project's additions: a verb (with required following words) and its code, in a block of its own
        #: verbs whose default code is right only with an actor doing it ("the army advanced", not "prices advanced")
        self.needs_actor: set[str] = set()
        for lemma, words, code, needs_actor in extra:
            if needs_actor:
                self.needs_actor.add(lemma)
            self.blocks.append(Block(f"extra:{lemma}", code, ()))
            self.verbs.setdefault(lemma, []).insert(0, Entry(len(self.blocks) - 1, words, None))

    def entries(self, lemma: str, form: str) -> list[Entry]:
        for key in (lemma, form, *base_forms(form)):
            if key in self.verbs:
                return self.verbs[key]
        return []

    def ordered_entries(self, lemma: str, form: str) -> tuple[Entry, ...]:
        """A verb's entries in the order they are tried: the project's additions first, then, for a verb listed in
        several blocks, the entries that need following words, then those of its own block (the one named after
        it) where there is one; kept per (lemma, form)."""
        key = (lemma, form)
        found = self._ordered.get(key)
        if found is None:
            entries = self.entries(lemma, form)
            extras = [e for e in entries if self.blocks[e.block].name.startswith("extra:")]
            others = [e for e in entries if e not in extras]
            home = [e for e in others if self.blocks[e.block].name.lower() == lemma]
            found = tuple(extras + ([e for e in others if e.words and e not in home] + home if home else others))
            if len(self._ordered) < 100_000:
                self._ordered[key] = found
        return found

    def knows(self, lemma: str) -> bool:
        return lemma in self.verbs

    # -- matching ----------------------------------------------------------------------------------------------

    def _at(self, element: Element, keys: Keys, i: int, inner: bool = False) -> int:
        """The end index of ``element`` matched at token ``i`` of ``keys``, or -1 (``inner``: inside a phrase)."""
        if i >= len(keys):
            return -1
        if isinstance(element, tuple):
            j = i
            for e in element:
                j = self._at(e, keys, j, inner=True)
                if j < 0:
                    return -1
            return j
        if element.startswith("&"):
            best = i if element in self._synset_empty else -1
            starts = self._synset_starts.get(element)
            if not starts:
                return best
            for first in keys[i]:
                for words in starts.get(first, ()):
                    j = i + 1
                    for w in words[1:]:
                        if j < len(keys) and w in keys[j]:
                            j += 1
                        else:
                            j = -1
                            break
                    if j > best:
                        best = j
            return best
        if not inner and isinstance(keys[i], ModifierKeys):
            return -1
        return i + 1 if element in keys[i] else -1

    def _sequence(self, elements: Sequence[Element], keys: Keys) -> bool:
        """Whether ``elements`` occur in ``keys`` in order (gaps allowed between elements)."""
        pos = 0
        for element in elements:
            for i in range(pos, len(keys)):
                end = self._at(element, keys, i)
                if end >= 0:
                    pos = end
                    break
            else:
                return False
        return True

    def _patterns_with(self, block: int, words: frozenset[str]) -> list[Pattern]:
        """The block's patterns, in order, less those that need a word not in ``words`` (each pattern is indexed by
        one of the words it needs; the full test stays with the caller)."""
        index = self._pattern_index.get(block)
        if index is None:
            always: list[int] = []
            by_word: dict[str, list[int]] = {}
            for k, pattern in enumerate(self.blocks[block].patterns):
                if pattern.words:
                    by_word.setdefault(min(pattern.words), []).append(k)
                else:
                    always.append(k)
            index = self._pattern_index[block] = (always, by_word)
        always, by_word = index
        picked = list(always)
        if len(by_word) <= len(words):
            for word, ks in by_word.items():
                if word in words:
                    picked.extend(ks)
        else:
            for word in words:
                if word in by_word:
                    picked.extend(by_word[word])
        patterns = self.blocks[block].patterns
        return [patterns[k] for k in sorted(picked)]

    def match(self, entry: Entry, pre: Keys, post: Keys, words: frozenset[str], lemma: str) -> Match:
        """The code for a verb ``lemma`` of ``entry`` with the words ``pre`` and ``post`` around it (``words``: all
        of their forms, for a quick filter). A pattern written for another verb of the block applies only where it
        keeps to the verb's kind of event ("ARREST [173]" in a block of seizing is not "seized from" 192)."""
        block = self.blocks[entry.block]
        best: Pattern | None = None
        own = entry.code if entry.code not in (None, "---") else block.code
        for pattern in self._patterns_with(entry.block, words):
            if best is not None and pattern.weight <= best.weight:
                continue
            if not pattern.words <= words:
                continue
            if own and pattern.verb and pattern.verb != lemma and pattern.code not in (None, "---") \
                    and pattern.code[:2] != own[:2]:
                continue
            if pattern.verb and pattern.verb != lemma and pattern.code == "---":
                continue  # an idiom of another verb ("seize drugs") says nothing of this one ("captured a drug lord")
            if self._sequence(pattern.pre, pre) and self._sequence(pattern.post, post):
                best = pattern
        if best is not None:
            if best.code == "---":
                return Match(None, False, best.weight, block.name)
            if best.code:
                return Match(best.code, False, best.weight, block.name)
            return Match(best.reverse, True, best.weight, block.name)
        code = entry.code if entry.code is not None else block.code
        return Match(None if code in (None, "---") else code, False, 0.0, block.name)


def base_forms(form: str) -> list[str]:
    """Candidate base forms of an inflected verb, for when the tagger's lemma is off ("staged" -> "stag")."""
    out = []
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")),
                                 ("es", ("", "e")), ("s", ("",))):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out.extend(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "stopped" -> "stop"
    return out


@dataclass(frozen=True)
class NounSense:
    code: str
    modifiers: frozenset[str]  # words one of which must modify the noun (compound, amod, prep), or empty
    alone: bool  # reports an event by itself, not only as the object of a verb


@cache
def verbs() -> VerbLexicon:
    root = resources.files("eventwire.data").joinpath("cameo")
    data = json.loads(root.joinpath("verbs.json").read_text(encoding="utf-8"))
    extra = []
    for row in _rows("verbs_extra.tsv"):
        head, *rest = row[0].split()
        extra.append((head, tuple(rest), row[1], len(row) > 2 and row[2] == "actor"))
    return VerbLexicon(data, extra)


@cache
def nouns() -> dict[str, list[NounSense]]:
    """Event nouns ("attack", "arrest", "talks") and their codes; senses with modifiers come first."""
    table: dict[str, list[NounSense]] = {}
    for row in _rows("nouns.tsv"):
        modifiers = frozenset(w for w in (row[2].split(",") if len(row) > 2 and row[2] else []) if w)
        alone = len(row) > 3 and row[3] == "alone"
        table.setdefault(row[0], []).append(NounSense(row[1], modifiers, alone))
    for senses in table.values():
        senses.sort(key=lambda s: not s.modifiers)
    return table


@cache
def roles() -> dict[str, str]:
    """Verbs that take another event as their complement (a clause or an event noun), and what they make of it:
    threat, appeal, demand, intent, refuse, light, halt, accept, fail (see data/cameo/roles.tsv)."""
    return {row[0]: row[1] for row in _rows("roles.tsv")}


def _rows(name: str) -> list[list[str]]:
    path = resources.files("eventwire.data").joinpath("cameo").joinpath(name)
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if row and row[0].strip() and not row[0].startswith("#"):
                rows.append([cell.strip() for cell in row])
    return rows
