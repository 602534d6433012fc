"""Events: which lemmas name an action, which actions are the same kind of happening
("strike", "kill", "assassinate"), which are too weak to make an event on their own, and the
prepositions that place an event in time. (Verbs that only report speech: lexicon.speech.)
"""

from __future__ import annotations

import re

from briefing.lexicon.event_nominals import EVENT_NOMINALS
from briefing.lexicon.event_synonyms import SYNONYM_GROUPS
from briefing.lexicon.speech import PRONOUNS

# Lemmas (verbs and event nouns) grouped into action classes: mentions of one
# real event in different words share a class. Phrasal verbs are "lemma particle" ("pass_away" here).
ACTION_CLASSES: dict[str, frozenset[str]] = {
    name: frozenset(word.replace("_", " ") for word in words.split())
    for name, words in {
        "attack": "kill strike airstrike attack assassinate assassination killing bomb bombing "
        "shoot shooting shell shelling raid hit murder slay execute die death pass_away "
        "explode explosion blast ambush fire",
        "vote": "pass vote approve back adopt endorse ratify resolution ballot legislate",
        "mourn": "mourn funeral procession burial bury memorial vigil commemorate "
        "honour honor wake mourner",
        "pause": "pause suspend halt stop freeze suspension cease",
        "resume": "resume restart",
        "protest": "protest demonstrate demonstration rally march riot storm clash sit-in",
        "meet": "meet meeting summit talk talks visit host negotiate",
        "elect": "elect election appoint nominate",
        "designate": "designate designation blacklist sanction",
        "resign": "resign resignation quit",
        "deploy": "deploy deployment dispatch send reinforce",
        "withdraw": "withdraw withdrawal expel expulsion evacuate evacuation exit",
        "arrest": "arrest detain capture seize jail imprison detention",
        "sign": "sign agree agreement deal accord treaty",
        "lift": "remove lift abandon scrap drop exceed breach",
        "retaliate": "retaliate retaliation respond response",
        "launch": "launch",
        "travel": "arrive land depart travel return",
        "call": "call urge demand appeal",
        "injure": "injure wound",
        "announce": "announce declare unveil",
        "speech": "speech address",
    }.items()
}
_CLASS_OF: dict[str, str] = {}
for _name, _words in ACTION_CLASSES.items():
    for _word in _words:
        _CLASS_OF.setdefault(_word, _name)

# Words outside the classes above that name one kind of happening (WordNet synonyms, "quake" and
# "earthquake", "foil" and "thwart"): one class, the listed class of a group member when there is
# exactly one ("loot" joins "raid" in "attack"), else a class of their own ("~earthquake").
_SYNONYM_CLASS_OF: dict[str, str] = {}
for _group in SYNONYM_GROUPS:
    _listed = sorted({_CLASS_OF[w] for w in _group if w in _CLASS_OF})
    _key = _listed[0] if len(_listed) == 1 else f"~{_group[0]}"
    for _word in _group:
        if _word not in _CLASS_OF:
            _SYNONYM_CLASS_OF.setdefault(_word, _key)

# Nouns that name a happening; with a time or as the argument of an action they
# are event triggers of their own ("Sunday's vote", "during a funeral procession").
EVENT_NOUNS = frozenset(
    """
    strike airstrike attack assassination killing bombing shooting shelling raid explosion blast
    ambush murder execution death
    vote ballot election referendum resolution
    funeral procession burial memorial vigil ceremony
    protest demonstration rally march riot clash sit-in
    summit meeting talks visit session conference
    suspension withdrawal expulsion evacuation deployment arrest detention
    resignation designation retaliation invasion offensive
    speech address
    """.split()
)

# WordNet's act nouns that in news name an office, a field or a state of affairs, not a happening.
NOT_HAPPENINGS = frozenset(
    """
    administration career job role duty responsibility case result effect consequence factor process
    project work use practice behavior behaviour conduct protection support care help weather market
    finance technology energy electricity gravity fortune destiny custom difficulty
    """.split()
)

# Verbs whose complement, when the speaker announces its own action, is an event.
ANNOUNCING_VERBS = frozenset("announce declare confirm reveal unveil pledge decide agree".split())

# Heads after which the complement is not (yet) real: "needs to pass", "plans to attack".
IRREALIS_HEADS = frozenset(
    """
    need want plan seek hope try aim intend expect threaten vow promise propose consider
    wish prepare ask urge call demand refuse fail mean wait prefer allow push
    due likely able set supposed going about ready willing
    """.split()
)

# Too weak (copula, light or stative verbs) to make an event alone.
WEAK_PREDICATES = frozenset(
    """
    be have do make get seem appear remain become stay keep know think believe feel see look
    mean include involve contain represent exist lack belong consider find show want need
    like use give take go come put set let begin start continue try help work play
    """.split()
)

# Heads that put their complement, or a time of their own, ahead of publication: "is expected in
# April", "is scheduled to vote on March 12", "is going to sign", "plans to meet on Tuesday".
FORWARD_HEADS = frozenset("expect schedule plan set due go intend prepare aim poise slate".split())

MODALS = frozenset("will would could may might shall should must can 'll 'd ca wo ought".split())


def action_class(predicate: str) -> str:
    """The action class of a predicate lemma ("airstrike" -> "attack", "temblor" -> "~earthquake");
    the lemma itself if unknown."""
    predicate = predicate.lower().strip()
    if predicate in _CLASS_OF:
        return _CLASS_OF[predicate]
    if predicate in _SYNONYM_CLASS_OF:
        return _SYNONYM_CLASS_OF[predicate]
    if " " in predicate:  # phrasal verbs keep their own meaning: "back down" is not "back"
        return predicate
    return predicate


def is_event_nominal(lemma: str) -> bool:
    """A noun naming a happening: the event nouns, or a WordNet noun of an act, event or process
    derived from a verb ("arrest", "blaze", "heist"), unless it names an office or a state."""
    return lemma in EVENT_NOUNS or (lemma in EVENT_NOMINALS and lemma not in NOT_HAPPENINGS)


def is_event_word(lemma: str) -> bool:
    """True for lemmas listed in an action class or as event nouns."""
    lemma = lemma.lower()
    return lemma in _CLASS_OF or lemma in EVENT_NOUNS

# ------------------------------------------------------------ place and time around a trigger

# Prepositions that place an event ("in X", "near X", "outside X").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "on", "into", "from", "over"})
# Prepositions before a time that do not date the event ("since October", "until May").
NON_DATING_PREPS = frozenset({"since", "until", "till", "through", "throughout", "by", "for"})
# Prepositions before an event noun that make it prospective ("ahead of his funeral").
PROSPECTIVE_PREPS = frozenset({"ahead", "pending", "until", "till", "prior"})
# Particles of phrasal verbs: "back down", "step up" name their own action.
PARTICLES = frozenset({"down", "up", "out", "off", "back", "over", "away"})
# Prepositions after which the time dates the other event, not this one ("after a strike on Friday").
SEQUENCE_PREPS = frozenset({"after", "following", "since", "before", "ahead", "prior", "until"})
# Words that make "before X" close enough to share X's date ("just before Sunday's vote").
CLOSENESS = frozenset({"just", "shortly", "immediately", "hours", "minutes", "moments", "right"})
# Prepositions that place an event noun in time or circumstance, not in intent.
CIRCUMSTANTIAL_PREPS = frozenset({"after", "following", "since", "during", "amid", "in", "at", "on", "before", "despite"})
# Words that date an event relative to publication on their own: "yesterday", "today", "tonight".
DEICTIC_DAYS = ("yesterday", "today", "tonight")

# ------------------------------------------------------------ event titles

# An opening adverbial cut from a title ("In a statement on Friday, ...", "Meanwhile, ...").
LEADING_ADVERBIAL = re.compile(
    r"^(?:in|on|at|after|before|during|since|following|amid|despite|however|meanwhile|also|but|and|"
    r"earlier|later|separately|elsewhere|instead|still|yet)\b[^,;:]{0,60},\s+",
    re.IGNORECASE,
)
# Words that cannot open a title as its subject: pronouns and auxiliaries.
NOT_A_SUBJECT = PRONOUNS | frozenset("is was are were has had have this".split())
# Conjunctions that open a subordinate clause: a title is cut before them.
SUBORDINATORS = frozenset("after when as because that which who while before since although though once".split())
