"""Whether a person in a text is "he" or "she": pronouns, titles, kin words.

Only what the text writes counts: "Mrs X", "X, the congresswoman", "his widow,
X", or a "she" already resolved to X. A person the text gives no such word is of
unknown gender and agrees with either pronoun; no first name is guessed.
"""

from __future__ import annotations

from spacy.tokens import Span

from briefing.lexicon.titles import FEMALE_WORDS, MALE_WORDS

MALE, FEMALE = "male", "female"
PRONOUN_GENDERS = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE, "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}


def pronoun_gender(word: str) -> str | None:
    return PRONOUN_GENDERS.get(word.lower())


def word_gender(word: str) -> str | None:
    word = word.lower().rstrip(".")
    return MALE if word in MALE_WORDS else FEMALE if word in FEMALE_WORDS else None


def mention_gender(span: Span, roles: frozenset[str]) -> str | None:
    """The gender a name's own words give it: an honorific in or just before it, a gendered role
    among `roles` (its titles and appositions). None when they say nothing or disagree."""
    doc = span.doc
    words = [t.lower_ for t in span]
    if span.start > 0:
        words.append(doc[span.start - 1].lower_)
    found = {g for w in [*words, *roles] if (g := word_gender(w)) is not None}
    return found.pop() if len(found) == 1 else None
