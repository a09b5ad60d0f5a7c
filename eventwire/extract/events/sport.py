"""Games and elections reported in the words of war: "Spain beat Germany 2-1 in the World Cup semifinal" is no
assault (180), "Brazil crushed Italy 4-0" no attack, "Biden defeated Trump in the election" no fight. A verb of
winning or fighting is no event when its sentence gives a score, or when it is about a sport or an election and
the one beaten is a rival (a name, "the incumbent"), not "protesters"."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

#: verbs news uses for winning and losing games as much as for fighting ("shoot" only as in "shot a 66": someone
#: shot dead at a football ground was shot)
CONTEST_VERBS = frozenset("""beat defeat crush rout thrash hammer edge down overpower outclass stun upset eliminate
knock whip clobber trounce overwhelm dominate sink dethrone batter demolish outgun outplay overcome vanquish conquer
storm shoot""".split())
#: words that say a sentence is about a game (one is enough)
SPORT_WORDS = frozenset("""tournament championship championships semifinal semifinals semi-final semi-finals
quarterfinal quarterfinals quarter-final quarter-finals playoff playoffs innings wicket wickets olympics nba nfl
nhl mlb fifa uefa atp wta tennis football soccer cricket rugby golf basketball baseball hockey boxing
goalkeeper striker midfielder grand-slam seed seeded match-point set-point hat-trick penalty-kick overtime
halftime half-time scoreline leaderboard""".split())
#: phrases of several words that say the same
SPORT_PHRASES = ("world cup", "grand prix", "grand slam", "test match", "premier league", "champions league",
                 "davis cup", "super bowl", "world series", "open final", "cup final", "fa cup")
#: a game's score ("2-1", "6-4, 6-3", "4 - 0"); not a year range ("2010-11") or a date
SCORE = re.compile(r"(?<![\d/.-])(\d{1,2}) ?[-–] ?(\d{1,2})(?![\d/.-])")


#: words before a tally that is a vote, not a score ("ruled 5-4", "voted 52-48", "by a 7-2 margin")
VOTE_WORDS = frozenset("rule ruled rules vote voted votes voting decide decided decision split approve approved "
                       "reject rejected pass passed by a an".split())


#: words after a score ("won 2-1 in Madrid", "a 3-0 victory"); another word makes the figures a range ("15-20
#: casualties", "some 10-73 civilians")
AFTER_SCORE = frozenset("in on at over against victory win won loss defeat lead draw triumph and to after with for "
                        "before when as the a this last home away thrashing drubbing".split())


def _score(text: str) -> bool:
    for match in SCORE.finditer(text):
        before = text[:match.start()].split()
        after = re.match(r"\s*([A-Za-z]+|[,.;:)]|$)", text[match.end():])
        follower = after.group(1).lower() if after else ""
        if before and before[-1].lower().strip(",") in VOTE_WORDS:
            continue  # "ruled 5-4", "by a 7-2 margin"
        if follower.isalpha() and follower not in AFTER_SCORE:
            continue  # "15-20 casualties": a range of a count
        return True
    return False


#: words that say a sentence is about an election
ELECTION_WORDS = frozenset("""election elections electoral primary primaries ballot ballots runoff run-off caucus
caucuses referendum reelection re-election nomination polls""".split())
#: the ones beaten in a game or an election, when not named
RIVALS = frozenset("""rival rivals opponent opponents incumbent challenger challengers champion champions holder
holders hosts favourite favorite favourites favorites team side candidate nominee""".split())


#: the verbs of beating a rival in an election ("shot a candidate" stays a shooting)
ELECTION_VERBS = frozenset("beat defeat crush rout thrash trounce edge upset overwhelm".split())


def about_a_game(sent: Span) -> bool:
    """Whether the sentence is about a sport (a score is tested apart)."""
    lowered = sent.text.lower()
    if any(phrase in lowered for phrase in SPORT_PHRASES):
        return True
    return any(t.lower_ in SPORT_WORDS for t in sent)


def about_an_election(sent: Span) -> bool:
    return any(t.lower_ in ELECTION_WORDS for t in sent)


def _beats_a_rival(verb: Token) -> bool:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objects or any(o.pos_ == "PROPN" or o.lemma_.lower() in RIVALS for o in objects)


def contest(verb: Token) -> bool:
    """Whether the verb reports a game or an election, not a fight ("Spain beat Germany 2-1 in the semifinal")."""
    lemma = verb.lemma_.lower()
    if lemma not in CONTEST_VERBS:
        return False
    passive = verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if lemma == "shoot" and (passive or any(t.lower_ in ("dead", "death", "killed", "wounded", "injured", "fatally")
                                            for t in verb.subtree)):
        return False  # "was shot dead at the stadium": a shooting wherever it happened
    if _score(verb.sent.text):
        return True
    rival = _beats_a_rival(verb)
    return rival and (about_a_game(verb.sent) or (lemma in ELECTION_VERBS and about_an_election(verb.sent)))
