"""Whether a noun names a person, and whether a person in a text is "he" or "she": pronouns,
titles, kin words.

Only what the text writes counts: "Mrs X", "X, the congresswoman", "his widow,
X", or a "she" already resolved to X. A person the text gives no such word is of
unknown gender and agrees with either pronoun; no first name is guessed.
"""

from __future__ import annotations

from spacy.tokens import Span

from briefing.lexicon.roles import KINSHIP_NOUNS, ROLE_TITLES
from briefing.lexicon.titles import FEMALE_WORDS, MALE_WORDS, TITLE_WORDS

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


# Endings of English agent nouns: "senator", "organiser", "strategist", "nominee", "candidate",
# "spokesman", "resident". Nouns of "-ment" ("statement", "government") name no one.
AGENT_ENDINGS = ("er", "or", "ist", "ant", "ent", "ee", "ian", "man", "woman", "person", "ate")


def is_person_noun(lemma: str) -> bool:
    """Whether a common noun can name a person: a title, a role, a kin word, an agent noun. "The
    candidate said" may be the person quoted before; "the choice", "the sound system" may not."""
    lemma = lemma.lower()
    if lemma in TITLE_WORDS or lemma in ROLE_TITLES or lemma in KINSHIP_NOUNS or word_gender(lemma):
        return True
    return lemma.endswith(AGENT_ENDINGS) and not lemma.endswith("ment")
