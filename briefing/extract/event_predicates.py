"""Event predicates: whether a verb or an event noun names an action that happened (realised,
not modal, not wished, not negated), and whether a reporting verb's complement is an event."""

from __future__ import annotations


from spacy.tokens import Token

from briefing.lexicon.events import (
    ANNOUNCING_VERBS,
    CIRCUMSTANTIAL_PREPS,
    EVENT_NOUNS,
    FORWARD_HEADS,
    IRREALIS_HEADS,
    MODALS,
    PARTICLES,
    PROSPECTIVE_PREPS,
    WEAK_PREDICATES,
    is_event_nominal,
    is_event_word,
)
from briefing.lexicon.speech import REPORTING_VERBS, SUBJECT_PRONOUNS


# Auxiliaries of a settled future ("will vote"); "would", "could", "may" tell what might be.
SETTLED_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONS = frozenset({"if", "unless", "whether"})
# Dependency labels that open a clause of its own: times and participants do not cross them.
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass", "pcomp", "appos"}
)
NOUN_PATH_DEPS = frozenset({"pobj", "prep", "dobj", "nsubj", "nsubjpass", "poss", "conj", "appos", "attr"})


def lemma_of(token: Token) -> str:
    """The lemma with the particle of a phrasal verb ("back down", "pass away"); only particles
    that change the verb's meaning count: "killed along with X" is "kill", "checked in" is "check"."""
    lemma = token.lemma_.lower()
    particles = [
        c.text.lower()
        for c in token.children
        if c.lower_ in PARTICLES and (c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == token.i + 1))
    ]
    return " ".join([lemma, *particles])


def is_verb(token: Token) -> bool:
    """A verb, or a word the tagger missed that heads a clause ("it will not back down")."""
    if token.pos_ == "VERB":
        return True
    if token.pos_ == "AUX":
        return token.dep_ == "ROOT"
    if token.pos_ in ("ADV", "ADJ", "NOUN") and token.dep_ in ("ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl"):
        children = {c.dep_ for c in token.children}
        return "nsubj" in children and ("aux" in children or "neg" in children) and token.tag_ not in ("JJ", "JJR", "JJS")
    return False


def is_prepositional(token: Token) -> bool:
    """A participle used as a preposition: "following the strike", "including X"."""
    return token.tag_ == "VBG" and any(c.dep_ == "pobj" for c in token.children) and not any(
        c.dep_ in ("nsubj", "aux") for c in token.children
    )


def hyphenated(token: Token) -> bool:
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return before or after


def predicate_verdict(token: Token, *, headline: bool = False) -> tuple[str, Token | None] | None:
    """("verb"|"noun", token whose time dates it) when token is a realised event predicate.

    headline: the token is in a headline, whose present tense, bare participle and infinitive name
    a happening (see `headline_tense`).
    """
    lemma = token.lemma_.lower()
    if is_prepositional(token) or token.dep_ in ("amod", "compound", "nmod") or hyphenated(token):
        return None  # "following the vote", "state-backed militia"
    if is_verb(token) and not (token.pos_ == "AUX" and lemma in ("be", "have", "do")):
        if headline and headline_tense(token) is not None:
            return _headline_verdict(token)
        return _verb_verdict(token)
    if token.pos_ in ("NOUN", "PROPN") and lemma in EVENT_NOUNS:
        return _noun_verdict(token)
    if token.pos_ == "NOUN" and not token.ent_type_ and is_event_nominal(lemma):
        return _noun_verdict(token)  # not inside a name or a date: "Snow", "the Ellery Campaign"
    return None


def _verb_verdict(token: Token) -> tuple[str, Token | None] | None:
    lemma = lemma_of(token)
    base = token.lemma_.lower()
    if base in REPORTING_VERBS or base in IRREALIS_HEADS and token.dep_ != "ROOT" and not _has_dobj(token):
        return None
    if base in WEAK_PREDICATES and not is_event_word(base):
        return None
    if base in ANNOUNCING_VERBS and _has_clausal_complement(token):
        return None  # the announced action is the event
    # announced own action: "X said on Friday it would designate Y"
    reporter = _reporting_head(token)
    if reporter is not None:
        if not _realised(reporter):
            return None
        if _realised(token):
            return ("verb", None)
        if _announces_own_action(token, reporter) and (is_event_word(base) or " " in lemma):
            return ("verb", reporter)
        return None
    if not _realised(token):
        return None
    if token.tag_ in ("VBZ", "VBP") and not _has_perfect(token) and not is_event_word(base):
        return None  # plain present: a state or habit unless a lexicon action (headlines)
    return ("verb", None)


def headline_tense(token: Token) -> bool | None:
    """Where a headline verb points: False back for the headline present and the bare participle
    ("Fire destroys warehouse", "Man charged with arson"), True forward for the bare infinitive
    ("Council to vote on budget"); None when the verb is not in headline grammar (it has a
    modal, an auxiliary of its own, a negation, or is a clause's modifier)."""
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children):
        return None
    auxes = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if token.tag_ == "VB" and [a.lower_ for a in auxes] == ["to"] and token.dep_ in ("ROOT", "xcomp", "acl"):
        # "Council to vote", "Council set to vote"; "Council refuses to vote" is no coming event
        if token.dep_ == "xcomp" and token.head.lemma_.lower() not in IRREALIS_HEADS - {"refuse", "fail"}:
            return None
        return True
    if auxes:
        return None
    if token.tag_ in ("VBZ", "VBP") or (token.tag_ in ("VBN", "VBD") and token.dep_ in ("ROOT", "conj", "acl")):
        return False
    return None


def _headline_verdict(token: Token) -> tuple[str, Token | None] | None:
    base = token.lemma_.lower()
    if base in REPORTING_VERBS or (base in WEAK_PREDICATES and not is_event_word(base)):
        return None  # "X says ...": the complement is the event
    return ("verb", None)


def _noun_verdict(token: Token) -> tuple[str, Token | None] | None:
    # the noun must be an argument, not a modifier ("strike force") nor a title, nor what a
    # copula says of its subject ("the plan was a mistake")
    if token.dep_ in ("compound", "amod", "attr"):
        return None
    head, first_prep = token, None
    while head.dep_ in NOUN_PATH_DEPS and head.head.i != head.i:
        if head.dep_ == "prep" or is_prepositional(head):
            if head.lower_ in PROSPECTIVE_PREPS or head.head.lower_ in PROSPECTIVE_PREPS:
                return None  # "ahead of his funeral on Tuesday", "pending a vote"
            first_prep = first_prep or head.lower_
        head = head.head
        if head.pos_ in ("VERB", "AUX") and not is_prepositional(head):
            break
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in REPORTING_VERBS:
        return ("noun", None)
    circumstantial = first_prep in CIRCUMSTANTIAL_PREPS
    if head.lemma_.lower() in IRREALIS_HEADS and not circumstantial:
        return None  # "called for a vote", "planned an attack"
    if _realised(head):
        return ("noun", None)
    # "X said that ... need to leave on Saturday during a funeral procession": the
    # circumstance belongs to the (realised) main clause
    root = token.sent.root
    if circumstantial and first_prep in ("during", "amid", "at") and _realised(root):
        return ("noun", None)
    return None


def _realised(token: Token) -> bool:
    """Past, perfect or present, not modal, not an infinitive of intent, not conditional, not negated."""
    verb = token
    # conjuncts share the auxiliaries of their first verb: "could deploy or attempt"
    while True:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in MODALS or a.lemma_.lower() in MODALS for a in auxes):
            return False
        if any(c.dep_ == "neg" for c in verb.children) and verb.i == token.i:
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
            return False
        if any(a.lower_ == "to" for a in auxes) or (verb.tag_ == "VB" and not auxes and verb.dep_ != "ROOT"):
            # infinitive: real only under a realised implicative head ("managed to", "was forced to")
            return False
        if verb.dep_ == "conj" and not auxes and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        break
    if token.tag_ == "VB" and not any(a.lemma_ == "do" for a in token.children if a.dep_ == "aux"):
        # a bare VB ROOT is an imperative or a headline verb; keep lexicon actions only
        return token.dep_ == "ROOT" and is_event_word(token.lemma_.lower())
    if token.dep_ in ("xcomp", "ccomp") and token.head.lemma_.lower() in IRREALIS_HEADS:
        return False
    if token.tag_ == "VBG":
        auxes = [c for c in token.children if c.dep_ == "aux"]
        return any(a.lemma_ == "be" for a in auxes)  # "was removing"; a bare participle is a modifier
    return True


def is_scheduled(token: Token) -> bool:
    """A coming action the text states as settled: under "will"/"shall" ("the council will vote"),
    or the complement of a head that schedules it ("is expected to vote", "is set to sign"); not
    negated, not conditional, not a wish, a saying or a weak verb. It is an event only with a time
    of its own (the caller's check): "will vote on March 12", not "will vote"."""
    if not is_verb(token) or token.pos_ == "AUX" or is_prepositional(token):
        return False
    base = token.lemma_.lower()
    if base in REPORTING_VERBS or base in IRREALIS_HEADS or base in FORWARD_HEADS:
        return False
    if base in WEAK_PREDICATES and not is_event_word(base):
        return False
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children) or any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children):
        return False
    if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONS for g in c.children) for c in children):
        return False  # "if the mayor resigns, the council will vote on Friday"
    auxes = [c.lower_ for c in children if c.dep_ in ("aux", "auxpass")]
    if any(a in SETTLED_FUTURE for a in auxes):
        return True
    head = token.head
    if token.dep_ != "xcomp" or "to" not in auxes or head.lemma_.lower() not in FORWARD_HEADS:
        return False
    # "is expected to sign", not a plan told in the past ("had been due to meet", "was set to sign")
    verbs = [head, head.head] if head.dep_ in ("acomp", "attr", "oprd") else [head]  # "had been due to"
    helpers = [c for v in verbs for c in v.children if c.dep_ in ("aux", "auxpass", "cop", "neg")]
    past = any(v.tag_ == "VBD" for v in verbs) or any(c.dep_ == "neg" or c.tag_ in ("VBD", "VBN") or c.lemma_ == "have" for c in helpers)
    return not past


def _has_perfect(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)


def _has_dobj(token: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in token.children)


def _has_clausal_complement(token: Token) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") for c in token.children)


def is_past_action(token: Token) -> bool:
    """A clear past-tense (or perfect) action without a time expression."""
    base = token.lemma_.lower()
    if base in WEAK_PREDICATES:
        return False
    if is_event_word(base):
        return True
    if token.tag_ == "VBD":
        return True
    if token.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return True
    return False


def _reporting_head(token: Token) -> Token | None:
    """The reporting or announcing verb whose complement this verb is, if any."""
    if token.dep_ not in ("ccomp", "xcomp", "conj"):
        return None
    head = token.head
    if token.dep_ == "conj":
        return _reporting_head(head) if head.pos_ in ("VERB", "AUX") else None
    base = head.lemma_.lower()
    if base in REPORTING_VERBS or base in ANNOUNCING_VERBS:
        return head
    return None


def subject_of(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return child
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        return subject_of(token.head)
    return None


def _announces_own_action(token: Token, reporter: Token) -> bool:
    """ "X said it would ...": the complement's subject is the speaker or a pronoun for it."""
    subject, speaker = subject_of(token), subject_of(reporter)
    if subject is None or speaker is None:
        return False
    if subject.lower_ in SUBJECT_PRONOUNS:
        return True
    return subject.lemma_.lower() == speaker.lemma_.lower()


