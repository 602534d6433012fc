"""Event times: the time expressions of a sentence, the one nearest a predicate without crossing
into another clause, normalised against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from briefing.extract.event_predicates import CLAUSE_DEPS, is_prepositional
from briefing.extract.nlp import sentence_ents
from briefing.lexicon.calendar import WEEKDAY_ALTERNATION
from briefing.lexicon.events import (
    CLOSENESS,
    DEICTIC_DAYS,
    EVENT_NOUNS,
    FORWARD_HEADS,
    NON_DATING_PREPS,
    SEQUENCE_PREPS,
    action_class,
)
from briefing.lexicon.numbers import WORD_NUMBERS
from briefing.model import DateValue


Normaliser = Callable[..., DateValue | None]

TIME_LABELS = frozenset({"DATE", "TIME"})
# The subject and what stands beside it: a time inside them is not the time of the predicate.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "appos"})
# A count of two to ten in words: "three days", not "one day" (a date).
_SOME = "|".join(word for word, value in WORD_NUMBERS.items() if 2 <= value <= 10)
DURATION = re.compile(
    rf"\b(\d+|{_SOME}|several|many|few|decades?|centuries|hours|days|weeks|months|years)\b"
    r".*\b(seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b|^(decades|centuries|years|months|weeks|days)$",
    re.IGNORECASE,
)
WEEKDAY_OR_DEICTIC = re.compile(rf"^({WEEKDAY_ALTERNATION}|{'|'.join(DEICTIC_DAYS)})$", re.IGNORECASE)


class Time:
    __slots__ = ("span", "root", "tokens", "value")

    def __init__(self, span: Span, value: DateValue | None):
        self.span = span
        self.root = span.root
        self.tokens = {t.i for t in span}
        self.value = value


def time_expressions(sent: Span) -> Iterator[Time]:
    seen: set[int] = set()
    for ent in sentence_ents(sent):
        if ent.label_ not in TIME_LABELS:
            continue
        if _in_brackets(ent) or DURATION.search(ent.text.strip()):
            continue
        if _non_dating(ent.root):
            continue
        seen.update(t.i for t in ent)
        yield Time(ent, None)
    # weekday names and "yesterday" the model did not tag
    for token in sent:
        if token.i not in seen and WEEKDAY_OR_DEICTIC.match(token.text) and not _non_dating(token):
            yield Time(sent.doc[token.i : token.i + 1], None)


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


def time_of(predicate: Token, times: list[Time], sent: Span) -> Time | None:
    """The time expression nearest to the predicate in the parse, within its clause."""
    if not times:
        return None
    best: tuple[int, int, Time] | None = None
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
                return time_of(head, times, sent)
    # an event noun takes the time of its governing verb
    if predicate.pos_ in ("NOUN", "PROPN"):
        head = predicate.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head.i != predicate.i:
            return time_of(head, times, sent)
    return None


def _nearest_below(node: Token, times: list[Time]) -> Time | None:
    ranked = sorted(
        (d, t.root.i, t) for t in times if (d := _clause_distance(node, t)) is not None and node.i not in t.tokens
    )
    return ranked[0][2] if ranked else None


def _clause_distance(predicate: Token, time: Time) -> int | None:
    """Edges from the predicate down to the time root, not entering another clause."""
    node, steps = time.root, 0
    while node.i != predicate.i:
        if node.head.i == node.i:
            return None
        if node.dep_ in CLAUSE_DEPS and node.pos_ in ("VERB", "AUX") and node.i not in time.tokens:
            return None
        if node.pos_ in ("VERB", "AUX") and node.i != time.root.i and node.dep_ in CLAUSE_DEPS and not is_prepositional(node):
            return None
        if node.i not in time.tokens and node.dep_ in SUBJECT_DEPS and node.pos_ in ("NOUN", "PROPN", "PRON"):
            return None  # "stars of the 1940s died": a time inside the subject describes it, not the event
        if node.i != time.root.i and (node.dep_ == "prep" or is_prepositional(node)) and _sequence_prep(node):
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


def clause_tense(token: Token) -> bool | None:
    """Where the clause of `token` points in time, for reading a year-less date: True forward ("will
    vote on March 12", "is expected in April", "plans to meet on Tuesday"), False back (past tense,
    perfect: "voted on March 12"), None when nothing says (present tense; a noun with no verb)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = any(a.lemma_.lower() == "have" for a in auxes)
    if any(a.tag_ == "MD" for a in auxes) and not perfect:
        return True
    forward_head = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FORWARD_HEADS
    if forward_head or (verb.lemma_.lower() in FORWARD_HEADS and verb.tag_ == "VBN" and not perfect):
        return True
    if verb.tag_ == "VBD" or perfect or any(a.tag_ == "VBD" for a in auxes):
        return False
    return None


def normalised(time: Time | None, published: dt.date | None, normalise: Normaliser | None, *, future: bool | None) -> DateValue | None:
    if time is None or normalise is None:
        return None
    if time.value is None:
        try:
            time.value = normalise(time.span.text, published, future=future)
        except Exception:  # a date library error must not stop extraction
            time.value = None
    return time.value


