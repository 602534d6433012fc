"""Name matching: when two name tokens are spellings of one name (a small edit, a
transliteration), when a short name ends a full one, and the similar tokens of a vocabulary
found without comparing every pair."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from briefing.lexicon.titles import TRANSLITERATION_GROUPS

FUZZY_TOKEN_SIMILARITY = 0.8
FUZZY_MIN_LENGTH = 5


def similar(a: str, b: str) -> bool:
    """Two tokens of a name are one spelling: equal, close in edits, or the same transliteration."""
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LENGTH or a[0] != b[0]:
        return False
    if Levenshtein.normalized_similarity(a, b) >= FUZZY_TOKEN_SIMILARITY:
        return True
    return _transliteration_key(a) == _transliteration_key(b)




@lru_cache(maxsize=65536)
def _transliteration_key(token: str) -> str:
    for group, single in TRANSLITERATION_GROUPS:
        token = token.replace(group, single)
    return re.sub(r"(.)\1+", r"\1", token)  # doubled letters: "Hassan"/"Hasan"


def ends_with(full: list[str], short: list[str]) -> bool:
    """The tokens of short are the last tokens of full, each a similar() spelling."""
    if len(short) > len(full) or not short:
        return False
    return all(similar(x, y) for x, y in zip(full[len(full) - len(short) :], short))


class SimilarTokens:
    """The tokens of a vocabulary that similar() may accept for a given token, found without a
    scan of the vocabulary: the same token; the same first letter and transliteration key; or a
    Levenshtein distance small enough for FUZZY_TOKEN_SIMILARITY, found through the strings both
    tokens give by deleting letters (symmetric deletion). Every token returned passes similar()."""

    # Two tokens within distance d share a string made by deleting at most d letters from each.
    # d <= 0.2 * the longer length, so a token of length L needs deletions up to L // 4; beyond
    # MAX_DELETIONS the (rare, long) tokens are compared directly.
    MAX_DELETIONS = 2

    def __init__(self, tokens: Iterable[str]) -> None:
        self.vocabulary = set(tokens)
        self.by_variant: dict[str, set[str]] = {}
        self.by_transliteration: dict[tuple[str, str], set[str]] = {}
        self.long: list[str] = []
        for token in self.vocabulary:
            if len(token) < FUZZY_MIN_LENGTH:
                continue
            self.by_transliteration.setdefault((token[0], _transliteration_key(token)), set()).add(token)
            for variant in _deletions(token, self._depth(token)):
                self.by_variant.setdefault(variant, set()).add(token)
            if len(token) // 4 > self.MAX_DELETIONS:
                self.long.append(token)

    def _depth(self, token: str) -> int:
        return min(len(token) // 4, self.MAX_DELETIONS)

    def of(self, token: str) -> list[str]:
        found = {token} if token in self.vocabulary else set()
        if len(token) >= FUZZY_MIN_LENGTH:
            found |= self.by_transliteration.get((token[0], _transliteration_key(token)), set())
            for variant in _deletions(token, self._depth(token)):
                found |= self.by_variant.get(variant, set())
            if len(token) // 4 >= self.MAX_DELETIONS:
                found.update(self.long)
        return sorted(t for t in found if similar(token, t))


def _deletions(token: str, depth: int) -> set[str]:
    """token and every string made from it by deleting up to depth letters."""
    found = {token}
    frontier = {token}
    for _ in range(depth):
        frontier = {word[:i] + word[i + 1 :] for word in frontier for i in range(len(word))}
        found |= frontier
    return found


def abbreviates(full: list[str], short: list[str]) -> bool:
    """short is a shorter or initialled form of full: the same last token (a spelling of it) and
    each other token a spelling, an initial or a short form of full's: "Roe" and "Jane Roe" of
    "Jane Mary Roe", "J. Mary Roe" of it, "Fred Roe" of "Frederick Roe". A given name and a
    surname may leave out middle names; a name with a middle part is only a spelling of one
    as long ("George W. Roe" is no form of "George H. W. Roe")."""
    if not short or len(short) > len(full) or short == full or not similar(full[-1], short[-1]):
        return False
    if len(short) == len(full):
        return all(_same_given(f, s) for f, s in zip(full[:-1], short[:-1]))
    return len(short) == 1 or (len(short) == 2 and any(_same_given(f, short[0]) for f in full[:-1]))


def _same_given(full: str, short: str) -> bool:
    """A given name and a spelling, an initial or a short form of it ("Fred" of "Frederick")."""
    if len(full) == 1 or len(short) == 1:
        return full[0] == short[0]
    if min(len(full), len(short)) >= 3 and (full.startswith(short) or short.startswith(full)):
        return True
    return similar(full, short)

