"""Candidate pairs from blocks: the items that share a block are the only ones compared."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence


def candidate_pairs(blocks: Iterable[Sequence[int]]) -> Iterator[tuple[int, int]]:
    """Each pair (a, b), a < b, of items that share at least one block, once, in sorted order.

    Items sharing several blocks (a name and three words) are one pair, not one per block: each
    item gathers its partners from its blocks as a set.
    """
    blocks_of: dict[int, list[Sequence[int]]] = defaultdict(list)
    for block in blocks:
        for item in block:
            blocks_of[item].append(block)
    for a in sorted(blocks_of):
        partners: set[int] = set()
        for block in blocks_of[a]:
            partners.update(block)
        for b in sorted(p for p in partners if p > a):
            yield a, b
