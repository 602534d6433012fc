"""Common nouns that tell what kind of actor a name is when the text describes it with them:
"the newspaper X", "X, a lawyer who ...", "the vessel, X", "X, the team she drove for".

A description written in the text outweighs the tagger's guess. The lists are nouns of general
English; a noun that may describe several kinds ("station", "member", "house"; "rival",
"champion", "owner", which are teams and companies as often as people) is in none.
"""

from __future__ import annotations

from briefing.lexicon.roles import KINSHIP_NOUNS, ROLE_TITLES
from briefing.lexicon.titles import ORG_NAME_HEADS, ORG_NOUNS, ORG_TYPE_NOUNS, PLACE_NAME_HEADS, PLACE_NOUNS, TITLE_WORDS

PERSON_NOUNS = (
    ROLE_TITLES
    | TITLE_WORDS
    | KINSHIP_NOUNS
    | frozenset(
        """
        man woman boy girl teenager toddler baby resident residents citizen native friend neighbour neighbor
        worker employee student pupil teacher official spokesman spokeswoman leader victim suspect
        gunman attacker assailant killer passenger tourist fan boxer fighter player manager
        politician lawmaker legislator candidate nominee activist campaigner hacker billionaire
        entrepreneur businessman businesswoman analyst expert economist veteran survivor eyewitness
        teammate pilot soldier nurse doctor priest pastor monk athlete runner cyclist swimmer
        """.split()
    )
)
ORGANIZATION_NOUNS = (
    ORG_NOUNS
    | ORG_TYPE_NOUNS
    | (ORG_NAME_HEADS - {"office", "court", "force", "forces", "guard", "guards", "service"})
    | frozenset(
        """
        team club franchise newspaper daily tabloid magazine broadcaster publisher outlet
        company corporation conglomerate firm bank lender insurer retailer airline
        manufacturer carmaker automaker startup brand studio charity
        """.split()
    )
)
PLACE_DESCRIPTION_NOUNS = (
    PLACE_NOUNS
    | (PLACE_NAME_HEADS - {"base", "embassy", "consulate", "hospital", "palace"})
    | frozenset(
        """
        circuit track venue arena town city village suburb neighbourhood neighborhood area region
        state country nation island resort border coast beach promenade seafront capital municipality
        """.split()
    )
)
# Things that are named but are neither people, organisations nor places.
THING_NOUNS = frozenset(
    """ship vessel tanker boat ferry freighter yacht submarine aircraft airliner plane jet helicopter
    car train tram truck lorry drone missile satellite film movie novel album song""".split()
)
# Words that end the part of a description that holds its head noun: "the brother of the
# gunman", "a lawyer who specializes in ...", "the team she drove for".
DESCRIPTION_BREAKS = frozenset({"of", "who", "whom", "whose", "which", "that", "for", "in", "at", "from", "with", "on", "to", "and", "or"})
