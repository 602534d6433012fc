"""Work shared with forked processes: they inherit the data (nothing is pickled on the way in)
and send back only their results.

Used where a build has independent work and the machine has a second core (record pages,
shared passages). A fork copies the memory pages of every object it touches (reference counts
are writes), so above MAX_FORK_RESIDENT_BYTES the work runs in this process instead, and
wherever "fork" is not available.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Above this resident size, forked workers would push a 2,000-article build over 2 GB.
MAX_FORK_RESIDENT_BYTES = 800 * 1024**2

_INHERITED: dict[int, tuple[Callable[..., Any], tuple[Any, ...]]] = {}  # what forked workers find


def can_fork() -> bool:
    """Forked workers are available and affordable now."""
    return "fork" in multiprocessing.get_all_start_methods() and 0 < resident_bytes() <= MAX_FORK_RESIDENT_BYTES


def cpu_processes(jobs: int) -> int:
    """Processes for CPU-bound work (page rendering): `jobs`, or one per core for 0 (auto)."""
    return jobs if jobs > 0 else os.cpu_count() or 1


def resident_bytes() -> int:
    """This process's resident memory (Linux /proc); 0 where it cannot be read."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def fork_map(function: Callable[[int], T], shares: int, *, meanwhile: Callable[[], None] | None = None) -> list[T]:
    """[function(0), ..., function(shares - 1)] for shares >= 2: share 0 in this process (after
    `meanwhile`), the others in forked workers that see this process's data as it is now."""
    key = id(function)
    _INHERITED[key] = (function, ())
    gc.freeze()  # the workers' collector then leaves the inherited objects (and their pages) alone
    try:
        with multiprocessing.get_context("fork").Pool(shares - 1) as pool:
            pending = pool.map_async(_call, [(key, i) for i in range(1, shares)])
            if meanwhile is not None:
                meanwhile()
            mine = function(0)
            others = pending.get()
    finally:
        gc.unfreeze()
        _INHERITED.pop(key, None)
    return [mine, *others]


def fork_each(
    function: Callable[[T], R],
    items: Sequence[T],
    processes: int,
    *,
    chunk: int = 16,
    meanwhile: Callable[[], None] | None = None,
) -> list[R]:
    """[function(item) for item in items], in this process and processes - 1 forked workers (processes
    >= 2). Each takes the next `chunk` items whenever it is free, this one after `meanwhile`: when
    items or `meanwhile` take unequal time, no process waits long for another."""
    taken = multiprocessing.get_context("fork").Value("q", 0)  # shared: the first item nobody took

    def share(_: int) -> list[tuple[int, R]]:
        done: list[tuple[int, R]] = []
        while True:
            with taken.get_lock():
                start = taken.value
                taken.value = start + chunk
            if start >= len(items):
                return done
            done.extend((i, function(items[i])) for i in range(start, min(start + chunk, len(items))))

    results: dict[int, R] = {}
    for part in fork_map(share, processes, meanwhile=meanwhile):
        results.update(part)
    return [results[i] for i in range(len(items))]


class Background(Generic[T]):
    """function(*args) in a forked process while this one goes on; result() waits for it.
    Where forking is not possible or affordable, result() runs it here. Used as a context
    manager, the worker is stopped on the way out even when result() was never reached."""

    def __init__(self, function: Callable[..., T], *args: Any, worth_it: bool = True) -> None:
        self.function, self.args = function, args
        self.pool: Any = None
        if worth_it and can_fork():
            self.key = id(self)
            _INHERITED[self.key] = (function, args)
            gc.freeze()
            try:
                self.pool = multiprocessing.get_context("fork").Pool(1)
            except OSError:  # no process to spare (limits): result() runs it here
                _INHERITED.pop(self.key, None)
            finally:
                gc.unfreeze()
            if self.pool is not None:
                self.pending = self.pool.apply_async(_call, ((self.key, None),))

    def result(self) -> T:
        if self.pool is None:
            return self.function(*self.args)
        try:
            return self.pending.get()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the worker, done or no longer wanted (an error on the way): no process is left behind."""
        if self.pool is not None:
            stop(self.pool)
            _INHERITED.pop(self.key, None)

    def __enter__(self) -> Background[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def stop(pool: Any) -> None:
    """End a pool's workers now, whatever they are doing, and wait until they are gone."""
    pool.terminate()
    pool.join()


def _call(task: tuple[int, int | None]) -> Any:
    key, share = task
    function, args = _INHERITED[key]
    return function(share) if share is not None else function(*args)
