"""Python's cycle collector, tuned for a build.

A build allocates millions of small objects that live until it ends (records read from the
caches, the corpus, page views). With the default threshold (a collection every 700 net
allocations), the collector runs thousands of times and its full passes walk that whole heap:
a quarter of a rebuild's time at 500 articles. Collecting less often keeps cycles collectable
(nothing is disabled) and saves that time; memory grows by the garbage of a few more
allocations between passes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Net allocations between two young-generation collections during a build (Python's default: 700).
BUILD_THRESHOLD = 100_000


@contextmanager
def fewer_collections(threshold: int = BUILD_THRESHOLD) -> Iterator[None]:
    """Run the block with the collector's first threshold raised; restore it afterwards."""
    previous = gc.get_threshold()
    gc.set_threshold(max(threshold, previous[0]), *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
