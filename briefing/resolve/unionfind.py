"""A small union-find (disjoint sets) over hashable keys, deterministic in its choice of roots."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    def __init__(self, keys: Iterable[K] = ()) -> None:
        self.parent: dict[K, K] = {}
        for key in keys:
            self.add(key)

    def add(self, key: K) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: K) -> K:
        self.add(key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: K, b: K) -> K:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        # The smaller key (in sort order) stays root, so results do not depend on input order.
        keep, drop = (ra, rb) if str(ra) <= str(rb) else (rb, ra)
        self.parent[drop] = keep
        return keep

    def groups(self) -> dict[K, list[K]]:
        result: dict[K, list[K]] = {}
        for key in self.parent:
            result.setdefault(self.find(key), []).append(key)
        return result
