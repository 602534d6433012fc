"""Event candidates: sentence-level actions with who, where and when, read from the parse.

An event candidate is a predicate (a verb, or a noun naming a happening such as
"vote" or "funeral") that is realised, i.e. happened or is happening:

- past tense, present perfect, past progressive, past participles of a realised
  clause ("a resolution passed by parliament");
- present tense only for verbs of the event lexicon (headline style);
- not under a modal ("will", "would", "could"), not an infinitive complement of
  a wish or plan ("needs to pass", "plans to attack"), not in an "if" clause,
  not negated;
- a reporting verb ("say", "tell") is a statement, not an event; its complement
  is an event when it is itself realised ("police said a man was killed"), or when
  the speaker announces its own action ("X said on Friday it would designate Y",
  "X announced it was removing limits"), dated by the announcement.

A verb becomes a candidate when it names an action of the event lexicon or has a
time expression of its own, or is a past action that is not weak ("be", "have").
Event nouns need a time (their own, or their governing verb's).

The time of a predicate is the time expression nearest to it in the parse,
without crossing into another clause; it is normalised against the publication
date by `briefing.dates.normalise_time_expression` (injected for tests).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from briefing.extract.nlp import sentence_ents
from briefing.lexicon.calendar import WEEKDAY_ALTERNATION
from briefing.lexicon.events import (
    ANNOUNCING_VERBS,
    CIRCUMSTANTIAL_PREPS,
    CLOSENESS,
    DEICTIC_DAYS,
    EVENT_NOUNS,
    IRREALIS_HEADS,
    LOCATIVE_PREPS,
    MODALS,
    NON_DATING_PREPS,
    PARTICLES,
    PROSPECTIVE_PREPS,
    SEQUENCE_PREPS,
    WEAK_PREDICATES,
    action_class,
    is_event_word,
)
from briefing.lexicon.numbers import WORD_NUMBERS
from briefing.lexicon.speech import REPORTING_VERBS, SUBJECT_PRONOUNS
from briefing.model import DateValue, EventCandidate

Normaliser = Callable[..., DateValue | None]

PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# Dependency labels that open a clause of its own: times and participants do not cross them.
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass", "pcomp", "appos"}
)
ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "obj", "iobj", "dative", "agent", "attr", "oprd", "npadvmod", "poss", "compound"}
)
# A count of two to ten in words: "three days", not "one day" (a date).
_SOME = "|".join(word for word, value in WORD_NUMBERS.items() if 2 <= value <= 10)
DURATION = re.compile(
    rf"\b(\d+|{_SOME}|several|many|few|decades?|centuries|hours|days|weeks|months|years)\b"
    r".*\b(seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b|^(decades|centuries|years|months|weeks|days)$",
    re.IGNORECASE,
)
WEEKDAY_OR_DEICTIC = re.compile(rf"^({WEEKDAY_ALTERNATION}|{'|'.join(DEICTIC_DAYS)})$", re.IGNORECASE)
NOUN_PATH_DEPS = frozenset({"pobj", "prep", "dobj", "nsubj", "nsubjpass", "poss", "conj", "appos", "attr"})


def _default_normaliser() -> Normaliser | None:
    try:
        from briefing.dates import (
            normalise_time_expression,  # written alongside; optional
        )
    except ImportError:
        return None
    return normalise_time_expression


def extract_events(
    doc: Doc, published: dt.date | None, *, normalise: Normaliser | None = None
) -> list[EventCandidate]:
    """Sentence-level event candidates: predicate, participants, places, time."""
    normalise = normalise or _default_normaliser()
    out: list[EventCandidate] = []
    for sent in doc.sents:
        if not any(t.is_alpha for t in sent):
            continue
        out.extend(_sentence_events(sent, published, normalise))
    return out


# ------------------------------------------------------------------ sentences


class _Time:
    __slots__ = ("span", "root", "tokens", "value")

    def __init__(self, span: Span, value: DateValue | None):
        self.span = span
        self.root = span.root
        self.tokens = {t.i for t in span}
        self.value = value


def _sentence_events(sent: Span, published: dt.date | None, normalise: Normaliser | None) -> Iterator[EventCandidate]:
    times = list(_time_expressions(sent))
    found: list[tuple[Token, DateValue | None]] = []
    for token in sent:
        verdict = _predicate_verdict(token)
        if verdict is None:
            continue
        kind, date_from = verdict
        time = _time_of(date_from if date_from is not None else token, times, sent)
        if time is None and date_from is not None:
            # "said on Friday it would ...": a time before the complement's subject is the saying's
            subject = _subject(token)
            before = [t for t in times if date_from.i < t.root.i < (subject.i if subject is not None else token.i)]
            time = before[0] if before else None
        date = _normalised(time, published, normalise, future=False)
        if kind == "noun" and date is None:
            continue
        if kind == "verb" and date is None and not _is_past_action(token):
            continue
        found.append((token, date))
    # One candidate per action class and sentence: a noun argument of a verb of
    # the same class ("a strike on Friday killed X") is the same event.
    kept: dict[str, tuple[Token, DateValue | None]] = {}
    absorbed: dict[str, list[Token]] = {}
    for token, date in found:
        cls = action_class(_lemma(token))
        absorbed.setdefault(cls, []).append(token)
        if cls in kept:
            old_token, old_date = kept[cls]
            better = (old_date is None and date is not None) or (
                (old_date is None) == (date is None) and old_token.pos_ not in ("VERB", "AUX") and token.pos_ in ("VERB", "AUX")
            )
            if not better:
                continue
        kept[cls] = (token, date)
    for cls, (token, date) in sorted(kept.items(), key=lambda item: item[1][0].i):
        participants, places = _arguments(token)
        for other in absorbed[cls]:  # the same event said twice: "a strike ... that killed X"
            if other.i != token.i:
                more_participants, more_places = _arguments(other)
                participants += [p for p in more_participants if p not in participants]
                places += [p for p in more_places if p not in places]
        yield EventCandidate(
            anchor="",
            sentence=" ".join(sent.text.split()),
            predicate=_lemma(token),
            trigger=token.text,
            start=token.idx,
            participants=participants,
            places=places,
            date=date,
        )


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    particles = [
        c.text.lower()
        for c in token.children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == token.i + 1 and c.lower_ in PARTICLES)
    ]
    return " ".join([lemma, *particles])


def _is_verb(token: Token) -> bool:
    """A verb, or a word the tagger missed that heads a clause ("it will not back down")."""
    if token.pos_ == "VERB":
        return True
    if token.pos_ == "AUX":
        return token.dep_ == "ROOT"
    if token.pos_ in ("ADV", "ADJ", "NOUN") and token.dep_ in ("ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl"):
        children = {c.dep_ for c in token.children}
        return "nsubj" in children and ("aux" in children or "neg" in children) and token.tag_ not in ("JJ", "JJR", "JJS")
    return False


def _is_prepositional(token: Token) -> bool:
    """A participle used as a preposition: "following the strike", "including X"."""
    return token.tag_ == "VBG" and any(c.dep_ == "pobj" for c in token.children) and not any(
        c.dep_ in ("nsubj", "aux") for c in token.children
    )


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return before or after


# ----------------------------------------------------------------- predicates


def _predicate_verdict(token: Token) -> tuple[str, Token | None] | None:
    """("verb"|"noun", token whose time dates it) when token is a realised event predicate."""
    lemma = token.lemma_.lower()
    if _is_prepositional(token) or token.dep_ in ("amod", "compound", "nmod") or _hyphenated(token):
        return None  # "following the vote", "state-backed militia"
    if _is_verb(token) and not (token.pos_ == "AUX" and lemma in ("be", "have", "do")):
        return _verb_verdict(token)
    if token.pos_ in ("NOUN", "PROPN") and lemma in EVENT_NOUNS:
        return _noun_verdict(token)
    return None


def _verb_verdict(token: Token) -> tuple[str, Token | None] | None:
    lemma = _lemma(token)
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


def _noun_verdict(token: Token) -> tuple[str, Token | None] | None:
    # the noun must be an argument, not a modifier ("strike force") nor a title
    if token.dep_ in ("compound", "amod"):
        return None
    head, first_prep = token, None
    while head.dep_ in NOUN_PATH_DEPS and head.head.i != head.i:
        if head.dep_ == "prep" or _is_prepositional(head):
            if head.lower_ in PROSPECTIVE_PREPS or head.head.lower_ in PROSPECTIVE_PREPS:
                return None  # "ahead of his funeral on Tuesday", "pending a vote"
            first_prep = first_prep or head.lower_
        head = head.head
        if head.pos_ in ("VERB", "AUX") and not _is_prepositional(head):
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


def _has_perfect(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)


def _has_dobj(token: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in token.children)


def _has_clausal_complement(token: Token) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") for c in token.children)


def _is_past_action(token: Token) -> bool:
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


def _subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return child
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        return _subject(token.head)
    return None


def _announces_own_action(token: Token, reporter: Token) -> bool:
    """ "X said it would ...": the complement's subject is the speaker or a pronoun for it."""
    subject, speaker = _subject(token), _subject(reporter)
    if subject is None or speaker is None:
        return False
    if subject.lower_ in SUBJECT_PRONOUNS:
        return True
    return subject.lemma_.lower() == speaker.lemma_.lower()


# ----------------------------------------------------------------------- time


def _time_expressions(sent: Span) -> Iterator[_Time]:
    seen: set[int] = set()
    for ent in sentence_ents(sent):
        if ent.label_ not in TIME_LABELS:
            continue
        if _in_brackets(ent) or DURATION.search(ent.text.strip()):
            continue
        if _non_dating(ent.root):
            continue
        seen.update(t.i for t in ent)
        yield _Time(ent, None)
    # weekday names and "yesterday" the model did not tag
    for token in sent:
        if token.i not in seen and WEEKDAY_OR_DEICTIC.match(token.text) and not _non_dating(token):
            yield _Time(sent.doc[token.i : token.i + 1], None)


def _in_brackets(span: Span) -> bool:
    """A dateline in brackets "(January 4, 2020) -" dates the report, not the event."""
    sent = span.sent
    before = [t.text for t in sent if t.i < span.start][-2:]
    after = [t.text for t in sent if t.i >= span.end][:2]
    return any(t in ("(", "[") for t in before) and any(t in (")", "]") for t in after)


def _non_dating(root: Token) -> bool:
    head = root
    while head.dep_ in ("pobj", "compound", "npadvmod", "nmod", "amod") and head.head.i != head.i:
        head = head.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            return head.lower_ in NON_DATING_PREPS
    return False


def _time_of(predicate: Token, times: list[_Time], sent: Span) -> _Time | None:
    """The time expression nearest to the predicate in the parse, within its clause."""
    if not times:
        return None
    best: tuple[int, int, _Time] | None = None
    for time in times:
        if predicate.i in time.tokens:
            continue
        distance = _clause_distance(predicate, time)
        if distance is None:
            continue
        key = (distance, abs(time.root.i - predicate.i))
        if best is None or key < best[:2]:
            best = (key[0], key[1], time)
    if best is not None:
        return best[2]
    # "the day he was killed": a relative clause on a time noun;
    # "a strike on Friday that killed X": the time of the noun it describes
    if predicate.dep_ in ("relcl", "acl"):
        head = predicate.head
        for time in times:
            if head.i in time.tokens or (head.head.i in time.tokens and head.dep_ == "appos"):
                return time
        if head.pos_ in ("NOUN", "PROPN"):
            if head.lemma_.lower() not in EVENT_NOUNS:
                return _nearest_below(head, times)
            # "a strike on Friday that killed X"; but not "a funeral for those killed"
            if predicate.dep_ == "relcl" or action_class(head.lemma_) == action_class(predicate.lemma_):
                return _time_of(head, times, sent)
    # an event noun takes the time of its governing verb
    if predicate.pos_ in ("NOUN", "PROPN"):
        head = predicate.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head.i != predicate.i:
            return _time_of(head, times, sent)
    return None


def _nearest_below(node: Token, times: list[_Time]) -> _Time | None:
    ranked = sorted(
        (d, t.root.i, t) for t in times if (d := _clause_distance(node, t)) is not None and node.i not in t.tokens
    )
    return ranked[0][2] if ranked else None


def _clause_distance(predicate: Token, time: _Time) -> int | None:
    """Edges from the predicate down to the time root, not entering another clause."""
    node, steps = time.root, 0
    while node.i != predicate.i:
        if node.head.i == node.i:
            return None
        if node.dep_ in CLAUSE_DEPS and node.pos_ in ("VERB", "AUX") and node.i not in time.tokens:
            return None
        if node.pos_ in ("VERB", "AUX") and node.i != time.root.i and node.dep_ in CLAUSE_DEPS and not _is_prepositional(node):
            return None
        if node.i != time.root.i and (node.dep_ == "prep" or _is_prepositional(node)) and _sequence_prep(node):
            return None
        node = node.head
        steps += 1
    return steps


def _sequence_prep(prep: Token) -> bool:
    """ "after X", "following X", "before X" (unless "just before"): X's time is not ours."""
    word = prep.lower_
    if word not in SEQUENCE_PREPS:
        return False
    if word in ("before", "ahead", "prior"):
        return not any(c.lower_ in CLOSENESS for c in prep.children if c.dep_ in ("advmod", "npadvmod"))
    return True


def _normalised(time: _Time | None, published: dt.date | None, normalise: Normaliser | None, *, future: bool) -> DateValue | None:
    if time is None or normalise is None:
        return None
    if time.value is None:
        try:
            time.value = normalise(time.span.text, published, future=future)
        except Exception:  # a date library error must not stop extraction
            time.value = None
    return time.value


# ---------------------------------------------------------------- arguments


def _arguments(predicate: Token) -> tuple[list[str], list[str]]:
    """Entity names among the predicate's arguments, and places of its locative phrases."""
    participants: list[str] = []
    places: list[str] = []
    roots: list[tuple[Token, bool]] = []  # (argument head, locative?)
    anchor = predicate
    for child in anchor.children:
        if child.dep_ in ARGUMENT_DEPS or child.dep_ in ("nmod", "amod"):
            roots.append((child, False))
        elif child.dep_ == "prep":
            locative = child.lower_ in LOCATIVE_PREPS
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "pcomp"):
                    roots.append((grandchild, locative))
                    # "in the southern city of X"
                    for of in grandchild.children:
                        if of.dep_ == "prep" and of.lower_ == "of":
                            roots.extend((g, locative) for g in of.children if g.dep_ == "pobj")
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in predicate.children):
        subject = _subject(predicate)
        if subject is not None:
            roots.append((subject, False))
    # participles and relative clauses describe their head noun: "a resolution passed by X"
    if predicate.dep_ in ("acl", "relcl") and predicate.head.pos_ in ("NOUN", "PROPN"):
        roots.append((predicate.head, False))
    tokens: dict[int, bool] = {}
    for root, locative in roots:
        for i in _phrase_tokens(root):
            tokens[i] = tokens.get(i, False) or locative
    for ent in sentence_ents(predicate.sent):  # the entities inside the predicate's sentence
        if ent.root.i not in tokens or predicate.i in range(ent.start, ent.end):
            continue
        name = _clean(ent)
        if not name:
            continue
        if ent.label_ in PLACE_LABELS and tokens[ent.root.i]:
            if name not in places:
                places.append(name)
        elif ent.label_ in PARTICIPANT_LABELS or ent.label_ in PLACE_LABELS:
            if name not in participants:
                participants.append(name)
    return participants, places


def _phrase_tokens(root: Token) -> Iterator[int]:
    stack = [root]
    while stack:
        node = stack.pop()
        yield node.i
        for child in node.children:
            if child.dep_ in CLAUSE_DEPS - {"appos", "conj"} and child.pos_ in ("VERB", "AUX") and not _is_prepositional(child):
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)


def _clean(ent: Span) -> str:
    text = " ".join(ent.text.split())
    try:
        from briefing.names import clean_name, split_title
    except ImportError:  # pragma: no cover - names.py is part of the package
        text = re.sub(r"[’']s$", "", text)
        return re.sub(r"^(the|The)\s+", "", text).strip(" .,;:\"“”‘’'")
    _, text = split_title(text)
    return clean_name(text)[0]


def event_key_terms(candidate: EventCandidate) -> list[str]:
    """Terms that identify the event across sources: action class, participants, places."""
    terms = [f"class:{action_class(candidate.predicate)}"]
    terms += [f"who:{p.lower()}" for p in candidate.participants]
    terms += [f"where:{p.lower()}" for p in candidate.places]
    return terms
