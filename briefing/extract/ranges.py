"""A union of character ranges of one article, asked whether it holds an offset by binary search.

Asked once per token or per event, a scan of every range (every quotation of the article) made
long articles quadratic.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Ranges:
    """Ranges [start, end) merged where they touch or overlap; closed=True: [start, end] (an empty
    range then holds its one offset)."""

    def __init__(self, ranges: Iterable[tuple[int, int]], *, closed: bool = False) -> None:
        self.closed = closed
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(r for r in ranges if r[0] < r[1] or (closed and r[0] == r[1])):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def covers(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and (offset <= self.ends[k] if self.closed else offset < self.ends[k])
