"""Event candidates: sentence-level actions with who, where and when, read from the parse.

An event candidate is a predicate (a verb, or a noun naming a happening such as
"vote" or "funeral") that is realised, i.e. happened or is happening:

- past tense, present perfect, past progressive, past participles of a realised
  clause ("a resolution passed by parliament");
- present tense only for verbs of the event lexicon, except in a headline, whose grammar
  tells a past happening in the present ("Fire destroys warehouse"), a passive one in a bare
  participle ("Man charged with arson") and a coming one in an infinitive ("Council to vote");
- not under a modal ("will", "would", "could"), not an infinitive complement of
  a wish or plan ("needs to pass", "plans to attack"), not in an "if" clause,
  not negated;
- a reporting verb ("say", "tell") is a statement, not an event; its complement
  is an event when it is itself realised ("police said a man was killed"), or when
  the speaker announces its own action ("X said on Friday it would designate Y",
  "X announced it was removing limits"), dated by the announcement.

A verb becomes a candidate when it names an action of the event lexicon or has a
time expression of its own, or is a past action that is not weak ("be", "have").
An event noun (the lexicon's, or a WordNet noun of an act or event derived from a verb:
"the arrest", "a blaze") is a candidate as the argument of a realised clause or with a
time of its own; resolve keeps a lone one only when it is dated, reported by several
sources or in the event lexicon.

The time of a predicate is the time expression nearest to it in the parse,
without crossing into another clause; it is normalised against the publication
date by `briefing.dates.normalise_time_expression` (injected for tests).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from briefing.extract.event_predicates import (
    CLAUSE_DEPS,
    headline_tense,
    is_past_action,
    is_prepositional,
    is_scheduled,
    lemma_of,
    predicate_verdict,
    subject_of,
)
from briefing.extract.event_times import Normaliser, Time, clause_tense, normalised, time_expressions, time_of
from briefing.extract.nlp import sentence_ents
from briefing.lexicon.events import (
    LOCATIVE_PREPS,
    action_class,
)
from briefing.model import DateValue, EventCandidate

PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "obj", "iobj", "dative", "agent", "attr", "oprd", "npadvmod", "poss", "compound"}
)


def _default_normaliser() -> Normaliser | None:
    try:
        from briefing.dates import (
            normalise_time_expression,  # written alongside; optional
        )
    except ImportError:
        return None
    return normalise_time_expression


def extract_events(
    doc: Doc,
    published: dt.date | None,
    *,
    normalise: Normaliser | None = None,
    headlines: Sequence[tuple[int, int]] = (),
) -> list[EventCandidate]:
    """Sentence-level event candidates: predicate, participants, places, time.

    headlines: (start, end) character ranges of the headline lines, read in headline grammar.
    """
    normalise = normalise or _default_normaliser()
    out: list[EventCandidate] = []
    for sent in doc.sents:
        if not any(t.is_alpha for t in sent):
            continue
        headline = any(start <= sent.start_char < end for start, end in headlines)
        out.extend(_sentence_events(sent, published, normalise, headline))
    return out


# ------------------------------------------------------------------ sentences


def _sentence_events(
    sent: Span, published: dt.date | None, normalise: Normaliser | None, headline: bool
) -> Iterator[EventCandidate]:
    times = list(time_expressions(sent))
    found: list[tuple[Token, DateValue | None]] = []
    for token in sent:
        verdict = predicate_verdict(token, headline=headline)
        if verdict is None:
            scheduled = _scheduled_date(token, times, sent, published, normalise) if not headline else None
            if scheduled is not None:
                found.append((token, scheduled))
            continue
        kind, date_from = verdict
        time = time_of(date_from if date_from is not None else token, times, sent)
        if time is None and date_from is not None:
            # "said on Friday it would ...": a time before the complement's subject is the saying's
            subject = subject_of(token)
            before = [t for t in times if date_from.i < t.root.i < (subject.i if subject is not None else token.i)]
            time = before[0] if before else None
        future = clause_tense(date_from if date_from is not None else token)
        if headline and future is None:
            future = headline_tense(token)
        date = normalised(time, published, normalise, future=future)
        if kind == "verb" and time is None and not headline and not is_past_action(token):
            continue
        found.append((token, date))
    # One candidate per action class and sentence: a noun argument of a verb of
    # the same class ("a strike on Friday killed X") is the same event.
    kept: dict[str, tuple[Token, DateValue | None]] = {}
    absorbed: dict[str, list[Token]] = {}
    for token, date in found:
        cls = action_class(lemma_of(token))
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
            predicate=lemma_of(token),
            trigger=token.text,
            nominal=token.pos_ in ("NOUN", "PROPN"),
            start=token.idx,
            participants=participants,
            places=places,
            date=date,
        )


def _scheduled_date(
    token: Token, times: list[Time], sent: Span, published: dt.date | None, normalise: Normaliser | None
) -> DateValue | None:
    """The date of a coming action stated as settled and dated in its own clause ("will vote on
    March 12", "is expected to sign in April"), read forward; None for any other token."""
    if not is_scheduled(token):
        return None
    time = time_of(token, times, sent)
    return normalised(time, published, normalise, future=True) if time is not None else None


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
        subject = subject_of(predicate)
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
            if child.dep_ in CLAUSE_DEPS - {"appos", "conj"} and child.pos_ in ("VERB", "AUX") and not is_prepositional(child):
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
