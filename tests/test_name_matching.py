"""Name matching: spellings and transliterations of one name, and the similar tokens of a vocabulary."""

from __future__ import annotations

import random

import pytest

from briefing.resolve.name_matching import SimilarTokens, abbreviates, similar


def test_similar_tokens_finds_exactly_what_a_scan_finds():
    rng = random.Random(7)
    letters = "aeioukstrmnhjxyqcwlb"
    base = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 17))) for _ in range(300)]
    # Variants one to three edits away, and transliterations, so that many pairs are similar.
    variants = []
    for word in base:
        for _ in range(3):
            chars = list(word)
            for _ in range(rng.randint(1, 3)):
                i = rng.randrange(len(chars))
                op = rng.randrange(3)
                if op == 0 and len(chars) > 1:
                    del chars[i]
                elif op == 1:
                    chars.insert(i, rng.choice(letters))
                else:
                    chars[i] = rng.choice(letters)
            variants.append("".join(chars))
    vocabulary = base + variants + ["oleksandr", "olexandr", "qassem", "qasem", "mohammad", "muhammad"]
    index = SimilarTokens(vocabulary)
    similar_pairs = 0
    for token in vocabulary[::3] + ["oleksandr", "qassem", "mohammad", "zzzzzz"]:
        expected = sorted({t for t in vocabulary if similar(token, t)})
        assert index.of(token) == expected, token
        similar_pairs += len(expected) - (token in vocabulary)
    assert similar_pairs > 100  # the comparison is not vacuous


@pytest.mark.parametrize(
    ("full", "short", "expected"),
    [
        ("dorian quill varga", "varga", True),
        ("dorian quill varga", "dorian varga", True),
        ("dorian quill varga", "quill varga", True),
        ("dorian quill varga", "dorian q varga", True),
        ("frederick varga", "fred varga", True),
        ("dorian quill varga", "ilse varga", False),
        ("george h w varga", "george w varga", False),
        ("dorian varga", "dorian varga", False),
    ],
)
def test_name_matching_abbreviates(full, short, expected):
    assert abbreviates(full.split(), short.split()) is expected
