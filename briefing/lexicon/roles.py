"""Words about people and organisations that are not part of their names.

Occupations and positions written before a name as a title ("Attorney Jane Roe", "Forward
Sam Doe"), relatives named by a family noun, and the legal forms and generic heads that end
a company's name ("X Inc.", "X Corp").
"""

from __future__ import annotations

# Occupations, ranks and positions that news writes capitalised before a person's name. They
# describe the person ("Attorney X" is X, whose role is attorney); unlike the honorifics and
# office titles of titles.TITLE_WORDS they are only taken off the front of a person's name.
ROLE_TITLES = frozenset(
    """
    attorney lawyer prosecutor solicitor barrister counsel
    actor actress singer rapper songwriter musician comedian director producer author writer
    poet artist designer model dancer star
    coach quarterback pitcher forward midfielder striker defender goalkeeper goalie guard centre
    center linebacker receiver catcher shortstop outfielder infielder rookie captain skipper
    jockey driver
    doctor nurse surgeon physician professor dr prof scientist researcher
    officer detective trooper constable sheriff deputy inspector superintendent patrolman
    det supt insp asst pc con
    councilman councilwoman councillor councilor alderman commissioner chairman chairwoman
    chairperson chair ceo cfo coo cto founder cofounder executive
    editor reporter correspondent columnist anchor host
    witness suspect victim
    senior junior assistant associate
    """.split()
)

# Family nouns: "her brother, Tom X", "the deputy's wife": a relative of the person a story is
# about, who shares the surname but is not that person.
KINSHIP_NOUNS = frozenset(
    """
    brother sister son daughter father mother wife husband widow widower parent parents
    grandson granddaughter grandfather grandmother grandchild grandchildren nephew niece cousin
    uncle aunt stepson stepdaughter stepfather stepmother stepmom stepdad mom dad
    brothers sisters sons daughters child children sibling siblings spouse fiancee fiance
    elder
    """.split()
)

# Legal forms that end a company's name and may be left out: "Harbour Dynamics Co." is
# "Harbour Dynamics". Folded (no dots), as names are compared.
LEGAL_SUFFIXES = frozenset(
    """inc incorporated corp corporation co company ltd limited llc plc llp lp ag sa nv bv gmbh
    pty holdings group""".split()
)

# Generational suffixes after a person's name: "Jane Roe Jr." may be "Jane Roe", unless the
# corpus also knows another generation of the same name.
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# One office, other words: how a role is spelt out before roles are compared ("premier" and
# "PM" are "prime minister", "Gov." is "governor"). Folded (no dots), as roles are compared.
OFFICE_SPELLINGS = {
    "premier": "prime minister", "pm": "prime minister", "gov": "governor", "sen": "senator",
    "rep": "representative", "gen": "general", "col": "colonel", "lt": "lieutenant", "capt": "captain",
    "cmdr": "commander", "adm": "admiral", "sgt": "sergeant", "cpl": "corporal", "supt": "superintendent",
    "insp": "inspector", "det": "detective", "prof": "professor", "asst": "assistant",
}  # fmt: skip
