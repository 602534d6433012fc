"""Speech: verbs of saying, the pronouns that refer to speakers, and the nouns that speak."""

from __future__ import annotations

from briefing.lexicon.titles import ORG_NAME_HEADS, ORG_TYPE_NOUNS, TITLE_WORDS

# Every verb of saying once, by lemma. Each introduces speech or writing ("said", "told",
# "warned", "the resolution read"); the words after it say what else it does:
#   indirect   its clausal complement is reported speech: "she said (that) ..." is an indirect
#              quotation (a conservative subset);
#   reporting  it only reports speech or thought: the clause it heads is a statement, not an event;
#   inverted   it may come before its subject after a quotation ("...," said Jane Roe); a verb whose
#              object is the listener or the one spoken of ("told", "asked", "praised") is not.
_VERBS_OF_SAYING = """
say         indirect reporting inverted
tell        indirect reporting
add         indirect reporting inverted
warn        indirect
state       indirect reporting inverted
declare     indirect inverted
announce    indirect
write       reporting inverted
read
urge
vow
call
accuse
insist      indirect reporting inverted
argue       indirect reporting inverted
note        indirect reporting inverted
explain     indirect reporting inverted
ask
reply       reporting inverted
claim       indirect reporting inverted
affirm      indirect
stress      indirect reporting inverted
pledge
threaten
describe
reiterate   indirect inverted
confirm     indirect inverted
deny
reveal      indirect
report      reporting inverted
acknowledge indirect reporting inverted
admit       indirect reporting inverted
assert      indirect reporting inverted
comment     reporting inverted
continue    inverted
demand
promise
suggest     reporting inverted
tweet       reporting inverted
post        reporting inverted
respond     inverted
repeat
recall      reporting inverted
complain    inverted
conclude    inverted
emphasise   indirect inverted
emphasize   indirect inverted
maintain    indirect reporting inverted
predict     inverted
remark      reporting inverted
recommend
caution     inverted
charge
contend     reporting inverted
observe     inverted
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
answer      inverted
boast       inverted
quip        inverted
joke        inverted
muse        inverted
exclaim     inverted
shout       inverted
yell        inverted
scream
scoff       inverted
snap        inverted
retort      inverted
counter     inverted
concede     inverted
lament      inverted
chime
wonder      inverted
mock
tease
gush        inverted
fume        inverted
thunder     inverted
beam        inverted
bark        inverted
boom        inverted
sing
chant
whisper     inverted
mutter      inverted
interject   inverted
testify     inverted
opine       inverted
rant
grumble
sneer
marvel      inverted
"""
_TABLE = [line.split() for line in _VERBS_OF_SAYING.strip().splitlines()]
# Verbs that introduce a quotation (its cue).
SPEECH_VERBS = frozenset(row[0] for row in _TABLE)
# Verbs whose clausal complement is reported speech, for indirect quotations.
INDIRECT_SPEECH_VERBS = frozenset(row[0] for row in _TABLE if "indirect" in row[1:])
# Verbs that report speech or thought: a statement, not an event.
REPORTING_VERBS = frozenset(row[0] for row in _TABLE if "reporting" in row[1:])
# Verbs that may stand before their subject after a quotation: "...," added a Nevada Democrat.
INVERTED_SPEECH_VERBS = frozenset(row[0] for row in _TABLE if "inverted" in row[1:])

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
