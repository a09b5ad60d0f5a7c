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

#: verbs of intending and committing: an infinitive (``vowed to ...``, ``is expected to ...``)
INTENTION = frozenset("""
expect promise pledge vow threaten refuse decline agree offer urge ask call encourage seek intend aim plan hope
""".split())

#: verbs of public evaluation and of speech acts with a noun-phrase object (``criticized the plan``)
STANCE = frozenset("""
endorse criticize criticise praise denounce condemn reject dismiss defend blast slam mock ridicule deride question
cite announce deny confirm reveal tout hail applaud laud lambaste rebuke decry call dub label brand support oppose
back accuse blame predict propose demand describe characterize characterise dispute attack note
mention acknowledge admit tweet
""".split())

#: stance verbs that also name a physical act ("rebels attacked the town", "rockets slammed into a school")
PHYSICAL_SENSE = frozenset("attack blast slam defend".split())
#: who does such an act by force: the act is no statement ("troops attacked", "a drone attacked")
ARMED_NOUNS = frozenset("""
force troop soldier army military militant rebel gunman insurgent fighter guerrilla militia militiaman jihadist
terrorist attacker assailant bomber mob police policeman jet warplane aircraft plane helicopter drone missile rocket
artillery tank navy shark dog bear
""".split())
#: what such an act is done to: places and military targets ("attacked the town", "defended the base")
TARGET_NOUNS = frozenset("""
town city village position positions base post checkpoint convoy building house home camp station area district
outpost headquarters office embassy school hospital mosque church market bus car vehicle ship vessel patrol
stronghold border frontier bridge airport harbor harbour port plant facility compound line lines trench territory
""".split())

#: verbs of naming: a content only with what the object is called (``called him a liar``, ``labeled it as ...``)
NAMING = frozenset("call dub label brand name term".split())

#: verb + preposition pairs whose object is the content (``called for a ban``, ``warned about the risk``)
WITH_PREPOSITION = {
    "call": {"for"}, "push": {"for"}, "argue": {"for", "against"}, "advocate": {"for"}, "talk": {"about"},
    "warn": {"about", "of", "against"}, "complain": {"about"}, "insist": {"on"}, "accuse": {"of"},
    "blame": {"for"}, "praise": {"for"}, "criticize": {"for"}, "criticise": {"for"}, "thank": {"for"},
    "ask": {"about", "for"}, "testify": {"about"}, "boast": {"about", "of"}, "brag": {"about"}, "hint": {"at"},
    "rail": {"against"}, "refer": {"to"}, "point": {"to"}, "joke": {"about"},
}

#: nouns whose clause is reported (``the claim that ...``, ``his promise to ...``)
NOUNS = frozenset("""
statement claim assertion belief view argument suggestion promise pledge warning remark comment announcement
allegation accusation charge fear hope concern notion idea insistence admission prediction message vow threat
assurance conviction opinion contention suspicion expectation demand plea report testimony tweet
""".split())

#: verbs of regarding: an object and its "as" phrase (``sees Clinton as the most electable``)
REGARDING = frozenset("see view regard consider treat portray cast paint depict frame".split())

#: adjectives with a clause (``is confident that ...``)
ADJECTIVES = frozenset("""
confident optimistic pessimistic certain convinced aware unaware worried concerned afraid hopeful skeptical
sceptical adamant eager
""".split())

#: pronouns and their grammatical person, for speaker resolution
PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
    "they": "plural", "them": "plural", "their": "plural", "themselves": "plural",
    "it": "neuter", "its": "neuter", "itself": "neuter",
}
