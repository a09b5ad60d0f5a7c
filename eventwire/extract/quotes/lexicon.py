"""The words that introduce an attribution, grouped by what they take as their content.

Written for this project from the usual classes of English reporting predicates (speech acts, cognition and
belief, intention, evaluation); no third-party list was copied.
"""
from __future__ import annotations

#: verbs of saying: a clause (``said that ...``), a quotation (``"...," she said``)
SPEECH = frozenset("""
say tell add state claim assert insist argue explain note observe remark comment announce declare report write
tweet post reply respond answer ask warn caution stress emphasize emphasise acknowledge admit concede confirm deny
reveal disclose suggest propose predict promise pledge vow threaten joke quip boast brag complain lament recall
recount continue conclude contend maintain allege charge mention indicate signal hint imply testify repeat reiterate
shout yell scream whisper mutter exclaim chant urge demand advise recommend estimate speculate wonder muse counter
retort protest object agree disagree reason posit grumble gush marvel sigh snap proclaim assure reassure inform
concur clarify elaborate opine theorize theorise tout affirm reaffirm guarantee swear acknowledge predict forecast
project calculate blog text email message preach lecture plead concede interject interrupt
""".split())

#: verbs of thinking and knowing: a clause (``believes that ...``)
COGNITION = frozenset("""
think believe feel know expect hope fear worry suspect doubt assume presume guess imagine realize realise recognize
recognise understand consider figure reckon decide determine find learn discover notice see remember forget wish
trust bet regret sense hear conclude anticipate deem judge show demonstrate prove reveal indicate suggest
""".split())

#: verbs of intending and wanting: an infinitive (``wants to ...``)
INTENTION = frozenset("""
want plan intend aim seek hope expect promise pledge vow threaten refuse decline agree offer prefer wish need plot
mean decide choose opt urge ask push vote call encourage
""".split())

#: verbs of evaluating and taking a position: an object (``criticized the plan``)
STANCE = frozenset("""
support oppose endorse back praise criticize criticise condemn attack blast slam mock ridicule reject dismiss
welcome defend applaud laud hail denounce decry blame thank accuse question challenge dispute like love hate dislike
favor favour prefer want propose embrace tout champion advocate recommend rebuke scold lambaste knock chide fault
bemoan deride castigate berate excoriate commend congratulate celebrate downplay refute debunk deny admit confirm
announce predict demand promise pledge describe call label dub brand characterize characterise cite rule
""".split())

#: verb + preposition pairs whose object is the content (``called for a ban``, ``warned about the risk``)
WITH_PREPOSITION = {
    "call": {"for"}, "push": {"for"}, "argue": {"for", "against"}, "advocate": {"for"}, "speak": {"about", "of", "on"},
    "talk": {"about", "of"}, "warn": {"about", "of", "against"}, "complain": {"about", "of"}, "comment": {"on"},
    "insist": {"on"}, "accuse": {"of"}, "blame": {"for"}, "praise": {"for"}, "criticize": {"for"},
    "criticise": {"for"}, "thank": {"for"}, "attack": {"for"}, "slam": {"for"}, "blast": {"for"},
    "ask": {"about", "for"}, "testify": {"about", "on"}, "worry": {"about"}, "care": {"about"}, "think": {"about", "of"},
    "agree": {"on", "with"}, "apologize": {"for"}, "apologise": {"for"}, "boast": {"about", "of"},
    "brag": {"about"}, "joke": {"about"}, "write": {"about", "of"}, "tweet": {"about"}, "hint": {"at"},
    "vote": {"for", "against"}, "campaign": {"for", "against", "on"}, "rail": {"against"}, "lash": {"out"},
    "hope": {"for"}, "fight": {"for"}, "object": {"to"}, "respond": {"to"}, "react": {"to"}, "refer": {"to"},
    "point": {"to"}, "dwell": {"on"}, "focus": {"on"}, "weigh": {"in"}, "express": {"about"},
}

#: nouns whose clause is reported (``the claim that ...``, ``his promise to ...``)
NOUNS = frozenset("""
statement claim assertion belief view argument suggestion promise pledge proposal warning remark comment announcement
allegation accusation charge fear hope concern notion idea insistence admission prediction message call vow threat
assurance conviction opinion contention suspicion expectation demand plan plea argument report testimony tweet
""".split())

#: adjectives with a clause (``is confident that ...``)
ADJECTIVES = frozenset("""
confident optimistic pessimistic sure certain convinced aware unaware worried concerned afraid hopeful skeptical
sceptical adamant happy glad sorry proud disappointed angry upset determined eager willing reluctant clear
""".split())

#: pronouns and their grammatical person, for speaker resolution
PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
    "they": "plural", "them": "plural", "their": "plural", "themselves": "plural",
    "it": "neuter", "its": "neuter", "itself": "neuter",
}
