"""Kinds of actors: what a tagger's label and the words around a name vote for, which kind
wins, and the country words (names, demonyms, adjectives of nationality) that qualify an
organisation's name rather than name it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from briefing.lexicon.kinds import DESCRIPTION_BREAKS, ORGANIZATION_NOUNS, PERSON_NOUNS, PLACE_DESCRIPTION_NOUNS, THING_NOUNS
from briefing.lexicon.titles import DEMONYM_ENDINGS, GENERIC_MODIFIERS
from briefing.model import ActorKind, Extraction
from briefing.names import fold
from briefing.resolve.places import Gazetteer

LABEL_KIND: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "INST": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
# Evidence weights for an actor's kind. The clearest mentions count most: a full
# name ("Jane Roe") over a bare surname the tagger may take for a place, a title
# ("Mr", "President"), a type noun ("the X militia"), a place word ("X Square").
PERSON_TITLE_VOTES = 6
TYPE_NOUN_VOTES = 3
PLACE_HEAD_VOTES = 3
FULL_NAME_WEIGHT = 3
# A description in the text ("the newspaper X", "X, a lawyer") or an address ("X Road, Y") says
# what the name is: it outweighs the tagger's label on several mentions of a full name.
DESCRIBED_VOTES = 12
# A name the tagger took for a person's that heads a phrase with "the" ("the X said"): no person,
# an organisation unless a description says what else.
DETERMINED_VOTES = 6

NOUN_KINDS: dict[str, ActorKind] = {
    **{noun: "person" for noun in PERSON_NOUNS},
    **{noun: "organization" for noun in ORGANIZATION_NOUNS},
    **{noun: "place" for noun in PLACE_DESCRIPTION_NOUNS},
    **{noun: "other" for noun in THING_NOUNS},
}


def winning_kind(votes: Counter[str]) -> ActorKind:
    """The kind with most votes; on a tie, person before organisation before place; no vote: other."""
    if not votes:
        return "other"
    order = ("person", "organization", "place", "other")
    best = max(order, key=lambda k: (votes[k], -order.index(k)))
    return best  # type: ignore[return-value]


def described_kind(description: str) -> ActorKind | None:
    """The kind a description gives: that of its head, the last noun of a kind before a
    preposition or a relative ("South Korean newspaper", "a lawyer who ...", "the brother of
    the gunman", "the team she drove for"); None when no noun tells."""
    kind: ActorKind | None = None
    for word in fold(description).split():
        if word in DESCRIPTION_BREAKS:
            break
        kind = NOUN_KINDS.get(word, kind)
    return kind


def find_demonyms(extractions: Sequence[Extraction]) -> frozenset[str]:
    """Words tagged as nationalities that also have the form of one ("Ruritanian", "Freedoni"):
    they qualify an organisation's name, they do not name it. (The tagger's NORP alone is too
    noisy: it also tags parts of names.)"""
    words = {fold(s.text) for e in extractions for s in e.entities if s.label == "NORP" and " " not in s.text}
    return frozenset(w for w in words if w.endswith(DEMONYM_ENDINGS + ("i",)))


def place_prefix(tokens: list[str], gazetteer: Gazetteer, place_keys: set[str]) -> tuple[str | None, list[str]]:
    """Split country words off the front of an organisation name: ("united states", ["state", "department"])."""
    country: str | None = None
    i = 0
    while i < len(tokens) - 1:
        token = tokens[i]
        stem = token.removesuffix("s")
        found = (
            gazetteer.country(token, as_place=True)
            or gazetteer.demonym(token)
            or gazetteer.country(stem, as_place=True)
        )
        words = _place_words(tokens, i, place_keys)
        if found is not None:
            country = found.name
        elif token in place_keys or stem in place_keys:
            country = token if token in place_keys else stem
        elif words:
            country = " ".join(tokens[i : i + words])  # "New Halden Rovers": a place of two or three words
            i += words
            continue
        elif len(token) >= 6 and token.endswith(DEMONYM_ENDINGS) and i + 1 < len(tokens):
            country = token  # "Ruritanian Navy": an adjective of nationality, by its form
        elif token not in GENERIC_MODIFIERS:
            break
        i += 1
    return country, tokens[i:]


def _place_words(tokens: list[str], i: int, place_keys: set[str]) -> int:
    """How many tokens from i, two or three and not the last, name a place of the corpus; 0 if none."""
    for size in (3, 2):
        if i + size < len(tokens) and " ".join(tokens[i : i + size]) in place_keys:
            return size
    return 0
