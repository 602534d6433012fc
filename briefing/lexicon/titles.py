"""Titles before names, particles inside them, and the words that make a name an organisation or a place."""

from __future__ import annotations

# Honorifics that mark a person even when the entity recogniser calls the name an ORG ("Mr", "Dr").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof"})
# Honorifics and office titles that precede a name. They are roles, not part of the name:
# "President X" is X.
TITLE_WORDS = HONORIFICS | frozenset(
    """
    lord lady
    president vice prime minister premier chancellor secretary foreign defence defense
    general gen maj major col colonel lt lieutenant capt captain cmdr commander adm admiral brig
    sgt sergeant cpl corporal marshal field
    sen senator rep representative congressman congresswoman governor gov mayor
    judge justice ambassador envoy spokesman spokeswoman spokesperson speaker
    king queen prince princess sheikh shaikh emir ayatollah imam cleric pope cardinal bishop
    archbishop rev reverend father rabbi
    chief supreme leader deputy acting caretaker interim former late
    """.split()
)
# Words that may start a multi-word title but are also ordinary name parts when alone
# ("al", "van"): lower-case parts inside a person's name.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "van", "von", "der", "la", "le"})
# Lower-case words that may stand inside a person's name as written ("Yosef ben Ami"): the particles,
# and "ben", which names compare (a first name, once folded to lower case).
LOWER_CASE_NAME_PARTS = NAME_PARTICLES | {"ben"}
# Prefixes that, hyphenated to a name, make an adjective of it: "pro-Roe", "anti-Roe", "ex-Roe".
ADJECTIVE_PREFIXES = frozenset({"pro", "anti", "ex", "non", "un", "post", "pre", "neo", "mid"})

# Nouns that say "the name before me is an organisation" ("the X militia"); not part of the name.
ORG_TYPE_NOUNS = frozenset(
    {"militia", "group", "alliance", "movement", "bloc", "party", "faction", "organisation", "organization", "network"}
)
# Last words that make a name a place: "X Square", "X Airport".
PLACE_NAME_HEADS = frozenset(
    """square street avenue road boulevard bridge park palace airport airbase base port harbour harbor
    station embassy consulate mosque church cathedral shrine hospital stadium strait straits gulf sea
    river lake island islands mountain mountains valley desert province district glacier creek canyon
    plaza reef fjord volcano peninsula lagoon""".split()
)
# First words that make a name a place: "Mount X", "Lake X", "Rue X" (names folded: "Mt" is "Mount").
PLACE_NAME_STARTS = frozenset({"mount", "lake", "rue", "cape", "fort", "isle", "port"})
# Last words that make a name an organisation: "X Alliance", "X Ministry".
ORG_NAME_HEADS = frozenset(
    """alliance party front movement council ministry agency commission union association federation
    committee army forces force guard guards brigade brigades organization organisation institute foundation
    company corporation bank university court parliament assembly government administration department
    office service police navy coalition group league network authority bureau""".split()
)
# Nouns that complete an organisation's name after a capitalised word: "the State department".
ORG_NAME_COMPLETIONS = frozenset({"department", "ministry", "office", "agency", "council", "committee", "commission", "service", "embassy"})
# Common nouns that name an institution when modified by a place or used alone
# ("the Danish parliament", "the UN-led mission"): actors that NER often misses.
INSTITUTION_NOUNS = frozenset(
    """parliament government coalition congress senate cabinet ministry army navy military police
    council court administration embassy legislature assembly""".split()
)
# Nouns that make a place name a facility: "Oslo airport".
FACILITY_NOUNS = frozenset({"airport", "airbase", "base", "port", "harbour", "harbor", "station", "embassy", "consulate"})
# "the city of X": X is a place, whatever the tagger thought.
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "capital", "port", "district", "county"})
# Lower-case words after an organisation's name that mean its members: "X militants".
MEMBER_NOUNS = frozenset({"militants", "fighters", "members", "supporters", "officials", "militia", "militias", "group"})
# Bodies that speak as one: "the government said", "the coalition forces stated".
ORG_NOUNS = frozenset(
    """
    parliament coalition government ministry council assembly alliance party army military
    committee commission office department agency embassy militia group bloc union court
    cabinet administration senate congress presidency police navy command movement
    organisation organization authority authorities company firm bank board federation
    """.split()
)

# Endings of adjectives of nationality ("Ruritanian", "Freedonese", "Latverish").
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
# Endings of one-word nationality or group adjectives, loosely ("Ruritanian", "Freedonese", "Sunni"):
# such a word is no headline name.
LOOSE_DEMONYM_ENDINGS = (*DEMONYM_ENDINGS, "i", "an", "ic", "ite", "a")
# Modifiers that do not tell one organisation from another of the same kind.
GENERIC_MODIFIERS = frozenset({"international", "multinational", "global", "led", "backed", "the"})
# Spellings that vary between transliterations of the same name ("Oleksandr"/"Olexandr",
# "Mohammad"/"Muhammad"): letter groups folded to one form before names are compared.
TRANSLITERATION_GROUPS = (("ks", "x"), ("kh", "h"), ("ph", "f"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"),
                          ("j", "i"), ("w", "v"), ("q", "k"), ("c", "k"), ("o", "u"), ("e", "i"))

# Titles, honorifics and kin words that say whether a person is "he" or "she" ("Mrs X", "the
# congresswoman", "his widow, Jane X"). Offices held by both ("chairman" for a woman, "chair")
# say nothing and are left out.
MALE_WORDS = frozenset(
    """
    mr sir lord king prince duke earl baron emperor sultan
    congressman assemblyman councilman alderman spokesman businessman statesman
    father husband son brother uncle nephew grandfather grandson widower stepfather stepson dad
    boy man gentleman
    """.split()
)
FEMALE_WORDS = frozenset(
    """
    mrs ms miss dame lady queen princess duchess countess baroness empress
    congresswoman assemblywoman councilwoman alderwoman spokeswoman businesswoman stateswoman
    chairwoman anchorwoman actress
    mother wife daughter sister aunt niece grandmother granddaughter widow stepmother stepdaughter mom
    girl woman
    """.split()
)
