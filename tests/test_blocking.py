"""resolve.blocking.candidate_pairs: every pair that shares a block, once, in order."""

from __future__ import annotations

import itertools
import random

from briefing.resolve.blocking import candidate_pairs


def test_candidate_pairs_are_the_pairs_sharing_a_block_each_once_sorted() -> None:
    rng = random.Random(7)
    blocks = [sorted(rng.sample(range(60), rng.randint(1, 8))) for _ in range(40)]
    expected = {pair for block in blocks for pair in itertools.combinations(sorted(block), 2)}
    pairs = list(candidate_pairs(blocks))
    assert pairs == sorted(expected)
    assert list(candidate_pairs([])) == [] and list(candidate_pairs([[3]])) == []
