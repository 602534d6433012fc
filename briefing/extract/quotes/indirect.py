"""Reported speech without quote marks: "X said (that) <clause>"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from briefing.extract.quotes.attribution import Cue, Mask
from briefing.extract.quotes.marks import (
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    SINGLE_OPEN,
    STRAIGHT_DOUBLE,
)
from briefing.extract.quotes.speakers import speaker_from_token, subject_of
from briefing.lexicon.speech import INDIRECT_SPEECH_VERBS

SPEAKER_TYPES = frozenset({"name", "pronoun", "role"})
QUOTE_CHARS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + STRAIGHT_DOUBLE


def indirect_clauses(doc: Doc, mask: Mask) -> Iterator[tuple[Span, Cue]]:
    """Clausal complements of reporting verbs whose subject names, points to or describes a person."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in INDIRECT_SPEECH_VERBS or mask.covers(verb.idx):
            continue
        subject = subject_of(verb)
        if subject is None or mask.covers(subject.idx):
            continue
        if speaker_from_token(subject).type not in SPEAKER_TYPES:
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and (c.i > verb.i or _fronted(c, subject))):
            span = _reported(doc, clause)
            if span is not None and not _has_quote(doc, span, mask) and not span.start <= subject.i < span.end:
                yield span, Cue(verb, verb.text, subject)


def _fronted(clause, subject) -> bool:
    """ "The talks failed, Roe said.": the reported clause opens the sentence, a comma ends it, and
    the subject of the verb of saying comes right after."""
    doc = clause.doc
    last = max(t.i for t in clause.subtree)
    first = min(t.i for t in clause.subtree)
    phrase_start = min(t.i for t in subject.subtree)
    return (
        doc[first].is_sent_start
        and last + 1 < len(doc)
        and doc[last + 1].text == ","
        and phrase_start == last + 2
        and subject.i < clause.head.i
    )


def _reported(doc: Doc, clause) -> Span | None:
    tokens = list(clause.subtree)
    first, last = tokens[0].i, tokens[-1].i
    while first <= last and (doc[first].dep_ == "mark" or doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if last - first < 2:
        return None
    span = doc[first : last + 1]
    return None if "\n" in span.text else span


def _has_quote(doc: Doc, span: Span, mask: Mask) -> bool:
    if any(ch in QUOTE_CHARS for ch in span.text):
        return True
    return any(mask.covers(t.idx) for t in span)
