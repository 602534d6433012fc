"""Counts: a number and the noun it counts ("168 lawmakers", "at least one protester")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from briefing.extract.nlp import doc_text
from briefing.lexicon.numbers import APPROXIMATORS, MULTIPLIERS, WORD_NUMBERS
from briefing.model import NumberSpan

NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
NUMERAL = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


def extract_numbers(doc: Doc) -> Iterator[NumberSpan]:
    """Yield counts of things: a cardinal number attached to the noun it counts."""
    for ent in doc.ents:
        if ent.label_ not in NUMBER_LABELS:
            continue
        counted = _counted_noun(ent.root)
        value = parse_number(ent.text)
        if counted is None or value is None:
            continue
        yield NumberSpan(
            text=doc_text(doc)[ent.start_char : counted.idx + len(counted.text)] if counted.i > ent.root.i else ent.text,
            value=value,
            unit=counted.lemma_.lower(),
            start=ent.start_char,
            end=ent.end_char,
            anchor="",
            approximate=any(t.lower_ in APPROXIMATORS for t in doc[max(ent.start - 2, 0) : ent.start]),
        )


def _counted_noun(number: Token) -> Token | None:
    """ "168 lawmakers" (nummod), "three of the lawmakers" (of + pobj)."""
    if number.dep_ == "nummod" and number.head.pos_ in ("NOUN", "PROPN"):
        return number.head
    for child in number.children:
        if child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if objects:
                return objects[0]
    return None


def parse_number(text: str) -> float | None:
    """ "5,000" -> 5000; "three" -> 3; "1.5 million" -> 1500000; "at least one" -> 1."""
    total = 0.0
    current: float | None = None
    for word in text.lower().replace("-", " ").split():
        word = word.strip(",.")
        if NUMERAL.match(word):
            current = float(word.replace(",", ""))
        elif word in WORD_NUMBERS:
            current = (current or 0) + WORD_NUMBERS[word]
        elif word in MULTIPLIERS:
            total += (current or 1) * MULTIPLIERS[word]
            current = None
    if current is None and total == 0:
        return None
    return total + (current or 0)
