"""Speech: verbs of saying, the pronouns that refer to speakers, and the nouns that speak."""

from __future__ import annotations

from briefing.lexicon.titles import ORG_NAME_HEADS, ORG_TYPE_NOUNS, TITLE_WORDS

# Every verb of saying once, by lemma. Each introduces speech or writing ("said", "told",
# "warned", "the resolution read"); the words after it say what else it does:
#   indirect   its clausal complement is reported speech: "she said (that) ..." is an indirect
#              quotation (a conservative subset);
#   reporting  it only reports speech or thought: the clause it heads is a statement, not an event.
_VERBS_OF_SAYING = """
say         indirect reporting
tell        indirect reporting
add         indirect reporting
warn        indirect
state       indirect reporting
declare     indirect
announce    indirect
write       reporting
read
urge
vow
call
accuse
insist      indirect reporting
argue       indirect reporting
note        indirect reporting
explain     indirect reporting
ask
reply       reporting
claim       indirect reporting
affirm      indirect
stress      indirect reporting
pledge
threaten
describe
reiterate   indirect
confirm     indirect
deny
reveal      indirect
report      reporting
acknowledge indirect reporting
admit       indirect reporting
assert      indirect reporting
comment     reporting
continue
demand
promise
suggest     reporting
tweet       reporting
post        reporting
respond
repeat
recall      reporting
complain
conclude
emphasise   indirect
emphasize   indirect
maintain    indirect reporting
predict
remark      reporting
recommend
caution
charge
contend     reporting
observe
proclaim
recount
quote
cite
tout
praise
condemn
denounce
blame
criticise
criticize
welcome
appeal
plead
order
instruct
advise
answer
boast
quip
joke
muse
exclaim
shout
yell
scream
scoff
snap
retort
counter
concede
lament
chime
wonder
mock
tease
gush
fume
thunder
beam
bark
boom
sing
chant
whisper
mutter
interject
testify
opine
rant
grumble
sneer
marvel
"""
_TABLE = [line.split() for line in _VERBS_OF_SAYING.strip().splitlines()]
# Verbs that introduce a quotation (its cue).
SPEECH_VERBS = frozenset(row[0] for row in _TABLE)
# Verbs whose clausal complement is reported speech, for indirect quotations.
INDIRECT_SPEECH_VERBS = frozenset(row[0] for row in _TABLE if "indirect" in row[1:])
# Verbs that report speech or thought: a statement, not an event.
REPORTING_VERBS = frozenset(row[0] for row in _TABLE if "reporting" in row[1:])

PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they", "we"})
# Pronouns that can stand for a named subject (the first person included: a speaker's "I").
SUBJECT_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | {"i"}
PRONOUNS = SUBJECT_PRONOUNS | {"you"}
# Texts that speak: "the statement said", "the resolution read".
DOCUMENT_NOUNS = frozenset(
    """
    statement resolution letter report communique communiqué declaration announcement message
    memo note post tweet bill motion decree order document text release notice agreement
    """.split()
)
# What an organisation does to a document it issues: "Parliament passed a resolution".
ISSUING_VERBS = frozenset(
    """
    pass adopt issue release publish approve send write sign vote draft table put
    """.split()
)
# The verb a document noun is named after: "the coalition stated ..." -> "the statement".
DOCUMENT_VERBS = {
    "statement": {"state", "say"},
    "announcement": {"announce"},
    "declaration": {"declare"},
    "letter": {"write"},
    "report": {"report"},
    "tweet": {"tweet", "write"},
    "post": {"post", "write"},
}
# "said on Twitter", "a threat on Twitter": a medium, not an actor (verbs and nouns of publishing).
MEDIUM_HEADS = frozenset(
    """say write post tweet announce state publish share comment reply issue
    threat statement message video tweet comment remark""".split()
)
# Head nouns of role phrases that can name a speaker: offices and titles, organisations.
SPEAKER_ROLE_NOUNS = TITLE_WORDS | ORG_NAME_HEADS | ORG_TYPE_NOUNS | frozenset(
    {"official", "officials", "lawmaker", "diplomat", "company", "firm", "union", "ministry", "agency", "envoy"}
)
# The kind of actor a pronoun can stand for.
PRONOUN_KINDS = {"he": "person", "she": "person", "him": "person", "her": "person", "it": "organization"}
