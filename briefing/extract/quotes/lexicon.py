"""Word lists for quotations: general English reporting verbs and speaker nouns, by lemma."""

from __future__ import annotations

# Verbs that introduce speech or writing ("said", "told", "warned", "the resolution read").
CUE_LEMMAS = frozenset(
    """
    say tell add warn state declare announce write read urge vow call accuse insist argue
    note explain ask reply claim affirm stress pledge threaten describe reiterate confirm deny
    reveal report acknowledge admit assert comment continue demand promise suggest tweet post
    respond repeat recall complain conclude emphasise emphasize maintain predict remark
    recommend caution charge contend observe proclaim recount quote cite tout praise condemn
    denounce blame criticise criticize welcome appeal plead order instruct advise announce
    """.split()
)
# Verbs whose clausal complement is reported speech, for indirect quotations (conservative).
INDIRECT_LEMMAS = frozenset(
    """
    say tell add warn state declare announce claim insist argue note explain reveal confirm
    stress affirm reiterate assert acknowledge admit emphasise emphasize maintain
    """.split()
)
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they", "we"})
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | {"i", "you"}
# Honorifics that mark a person even when the entity recogniser calls the name an ORG.
PERSON_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof"})
# Texts that speak: "the statement said", "the resolution read".
DOCUMENT_NOUNS = frozenset(
    """
    statement resolution letter report communique communiqué declaration announcement message
    memo note post tweet bill motion decree order document text release notice agreement
    """.split()
)
# Bodies that speak as one: "the government said", "the coalition forces stated".
ORG_NOUNS = frozenset(
    """
    parliament coalition government ministry council assembly alliance party army military
    committee commission office department agency embassy militia group bloc union court
    cabinet administration senate congress presidency police navy command movement
    organisation organization authority authorities company firm bank board federation
    """.split()
)
COLLECTIVE_NOUNS = DOCUMENT_NOUNS | ORG_NOUNS
# What an organisation does to a document it issues: "Parliament passed a resolution".
ISSUING_LEMMAS = frozenset(
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
