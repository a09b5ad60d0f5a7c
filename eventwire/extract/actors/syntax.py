"""Word classes and parse tests the actor rules share (where a name stands: subject, modifier, place)."""
from __future__ import annotations

from spacy.tokens import Token

#: prepositions that make a country or capital the place of something, not a party to it
LOCATIVE_PREPS = frozenset("in inside within throughout across near around into at over outside beyond along "
                           "through onto off upon".split())
#: prepositions whose object takes part (talks with Moscow, pressure from Kiev, a war between Russia and Ukraine)
PARTY_PREPS = frozenset("by with against between toward towards versus vs. among".split())
#: compass words: "eastern Ukraine" is a region
REGION_WORDS = frozenset("eastern western northern southern central north south east west northeastern "
                         "northwestern southeastern southwestern northeast northwest southeast southwest mainland "
                         "occupied rural coastal".split())
#: nouns of a city or a country as a place ("Kiev's streets", "the Ukraine border")
PLACE_NOUNS = frozenset("street streets resident residents mayor airport center centre suburb suburbs outskirts "
                        "population skyline metro district districts neighbourhood neighborhood neighborhoods "
                        "building buildings square river bridge station hospital hospitals sky skies city town "
                        "region regions province border borders frontier coast territory territories soil area "
                        "areas capital countryside village villages land lands oblast map heart downtown port "
                        "embassy consulate time weather zoo university stadium citizen citizens people".split())
#: verbs done to a place, not to a government ("could target Kiev", "troops entered Moscow")
PHYSICAL_VERBS = frozenset("target attack strike hit bomb shell pound rock shake capture take seize surround besiege "
                           "reach enter visit leave fly travel liberate occupy evacuate encircle approach storm raid "
                           "flee return arrive move relocate destroy damage level ravage bombard launch fire aim "
                           "head drive walk march rebuild tour overfly cross invade defend protect hold lose "
                           "illuminate flood burn".split())
#: verbs whose subject is a place ("Kiev lies on the Dnieper")
LOCATIVE_VERBS = frozenset("lie sit locate situate border host experience suffer burn flood shake overlook "
                           "stretch stand".split())
#: nouns and verbs of dealings between governments: their objects are governments ("pressure on Moscow")
DEALING_WORDS = frozenset("pressure sanction sanctions response reaction message demand request appeal call signal "
                          "support aid help warning criticism threat threats letter statement offer proposal talk "
                          "talks relation relations tie ties dialogue negotiation negotiations deal agreement treaty "
                          "accord pact dispute conflict war tension tensions position stance policy decision plan "
                          "ultimatum invitation commitment promise pledge loan grant assistance backing "
                          "appeal urge ask invite tell warn accuse blame criticize criticise condemn praise thank "
                          "send give offer promise pledge supply provide grant sell deliver send say".split())
HONORIFICS_M = frozenset("mr mr. sir lord monsieur herr senor señor".split())
HONORIFICS_F = frozenset("mrs mrs. ms ms. miss madam madame lady dame frau senora señora".split())
#: first names ending in "a" that are men's names (the "a" rule makes the others women's)
MALE_A = frozenset("joshua luca nikola andrea mustafa hamza musa isa yahya ilya nikita sasha kostya attila jonah "
                   "elia garcia costa akira aliyu saba dzhokhar bola mehmet kwasi abdullah moshe mohammedia "
                   "pasha luka nicola zurab noah jaroslava koba".split())
#: common men's first names in the news (a "she" is not one of them)
MALE_NAMES = frozenset("""
john james michael david robert william richard joseph thomas charles christopher daniel matthew anthony mark donald
steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas
eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis
jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger
noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel
logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny mike bill bob tom jim
ted chuck mitch newt rand marco bernie barack hunter boris rishi keir emmanuel francois françois jacques nicolas
olaf gerhard helmut angelo silvio matteo giuseppe pedro luis carlos jair luiz ignacio vladimir dmitry sergei sergey
volodymyr petro viktor andrii dmytro oleksandr oleksii mikhail alexei alexey yevgeny ramzan recep ahmet mehmet
bashar hafez hassan hosni mohamed mohammed muhammad ali omar ahmed abdel abdul khalid saud salman naftali yair ehud
ariel shimon yitzhak mahmoud ismail yahya narendra rahul imran nawaz shehbaz xi shinzo fumio yoshihide javier
mauricio hugo evo rafael enrique andres andrés gustavo alvaro álvaro fidel raul raúl
""".split())
FEMALE_NAMES = frozenset("""
hillary elizabeth ursula liz marine ruth catherine margaret nancy christine michelle golda benazir indira jacinda
theresa sanae ellen beatrix ingrid mette sanna kaja sahra aung mary anne ann jane karen sharon ivanka melania nikki
condoleezza madeleine hadja yingluck megawati gloria dilma michele carrie tsai leymah shirin rania noor susan helen
jennifer kimberly emily deborah rachel carol janet frances alice jean judith joan evelyn abigail grace kathleen
lauren kate meghan harriet charlotte isabel isabelle beatrice agnes annegret ilse marion judy lindsay elise
heather amy beth betsy cathy kathy peggy nicole rebecca megan allison shannon kristen kirsten kristin lynn
ellen ilhan alexandria rashida ayanna nikki tulsi kirsten dianne lisa sarah deb debbie hilary priti suella
yvette harriet penny kemi rosie nadine ingrid mariam miriam esther ruth noa tzipi shulamit fatima aisha zainab
khadija leila laila mahnaz ashraf shirin nasrin farah hind yasmin yasmine samira amal nour huda hanan reem
ruby jade chloe zoe sophie rose marie louise claire chantal segolene anne-marie ségolène elisabeth brigitte
mireille simone yvonne agnès agnes lucie nathalie sylvie valerie valérie celine céline aurore edith gisele
giselle ines inés ines ingeborg birgit jutta heike gudrun petra sabine ursel dagmar katrin doris
""".split())


def is_modifier(tok: Token) -> bool:
    """A noun or adjective that modifies a noun to its right ("Russian army", "Oreshnik missile")."""
    return tok.dep_ in ("amod", "compound", "nmod", "nn") and tok.head.i > tok.i and tok.head.pos_ in (
        "NOUN", "PROPN", "NUM")


def governing_prep(tok: Token) -> Token | None:
    return tok.head if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent", "dative") else None


def is_place_use(tok: Token, start: int | None = None) -> bool:
    """The name (ending at ``tok``, starting at token ``start``) stands for a place here: "in Ukraine", "eastern
    Ukraine", "Dnipro, Ukraine", "the Ukraine border"."""
    prep = governing_prep(tok)
    if prep is not None and prep.lower_ in LOCATIVE_PREPS:
        return True
    first = tok.i if start is None else start
    doc = tok.doc
    if (first == tok.sent.start or doc[first - 1].is_space) and tok.i + 1 < len(doc) and \
            doc[tok.i + 1].text in (":", "-", "\u2014", "\u2013", "("):
        return True  # a dateline: "NEW DELHI: ...", "Kiev (Reuters) -"
    if any(child.lower_ in REGION_WORDS and child.dep_ in ("amod", "compound") and child.i < first
           for child in tok.children):
        return True
    if tok.dep_ in ("appos", "npadvmod") and tok.head.ent_type_ in ("GPE", "LOC") and tok.head.i < tok.i:
        return True
    if tok.dep_ in ("compound", "nmod") and tok.head.i > tok.i and tok.head.lemma_.lower() in PLACE_NOUNS:
        return True
    if prep is not None and prep.lower_ == "of" and prep.head.ent_type_ == "PERSON":
        return True  # "Senator David Perdue of Georgia": where the person comes from
    return False


def capital_is_government(tok: Token, start: int | None = None) -> bool:
    """A capital or a seat of government used for its government: "Kiev has applied", "Moscow's response",
    "preventing Kiev from becoming a member", "talks with Moscow"; not "could target Kiev", "in Kiev"."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    dep = tok.dep_
    head = tok.head
    if is_place_use(tok, start):
        return False
    if dep in ("nsubj", "csubj"):
        verb = head.lemma_.lower()
        if verb == "be":
            return _be_with_agent_attr(head)
        return verb not in LOCATIVE_VERBS
    if dep == "nsubjpass":
        return head.lemma_.lower() not in PHYSICAL_VERBS
    if dep == "poss":
        return head.lemma_.lower() not in PLACE_NOUNS
    if dep in ("dobj", "obj", "dative", "oprd"):
        return head.lemma_.lower() not in PHYSICAL_VERBS
    prep = governing_prep(tok)
    if prep is not None:
        if prep.lower_ in PARTY_PREPS or prep.dep_ == "agent":
            return True
        return prep.head.lemma_.lower() in DEALING_WORDS
    return False


def _be_with_agent_attr(verb: Token) -> bool:
    """ "Kiev is ready to", "Moscow was furious": a copula with an adjective that describes an agent."""
    return any(child.dep_ == "acomp" for child in verb.children)


def subject_of(tok: Token) -> Token | None:
    """The subject of the clause holding ``tok`` (climbing to the nearest verb)."""
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != tok.i:
                    return child
            if node.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and node.head.i != node.i:
                node = node.head
                continue
            return None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def is_subject(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass", "csubj")
