"""briefing.system.forking: work shared with forked processes gives what the same work gives here."""

from __future__ import annotations

import os
import threading
import time

import pytest

from briefing.system import forking

pytestmark = pytest.mark.skipif(not forking.can_fork(), reason="needs fork (Linux)")


def test_fork_map_gives_every_share_in_order_and_runs_meanwhile_here() -> None:
    lock = threading.Lock()  # cannot be pickled: the workers must inherit it, not receive it
    here = os.getpid()
    seen = []

    def share(number: int) -> tuple[int, bool]:
        with lock:
            return number * number, os.getpid() == here

    results = forking.fork_map(share, 3, meanwhile=lambda: seen.append(os.getpid()))
    assert [square for square, _ in results] == [0, 1, 4]
    assert [in_parent for _, in_parent in results] == [True, False, False]  # share 0 here, the others forked
    assert seen == [here]


def test_fork_map_passes_on_a_worker_error() -> None:
    def share(number: int) -> int:
        if number == 1:
            raise ValueError("share 1 failed")
        return number

    with pytest.raises(ValueError, match="share 1 failed"):
        forking.fork_map(share, 2)


def test_fork_each_gives_every_item_once_in_order_whoever_takes_it() -> None:
    here = os.getpid()
    seen = []

    def meanwhile() -> None:  # long enough for the worker to start taking items
        time.sleep(0.3)
        seen.append(os.getpid())

    items = list(range(50))
    results = forking.fork_each(lambda n: (n * n, os.getpid()), items, 2, chunk=3, meanwhile=meanwhile)
    assert [square for square, _ in results] == [n * n for n in items]
    assert seen == [here]
    assert {pid for _, pid in results} - {here}, "the forked worker took some items"


def test_background_runs_elsewhere_or_here_with_the_same_result() -> None:
    data = {"words": ["a", "b", "c"], "lock": threading.Lock()}

    def work(prefix: str) -> tuple[str, int]:
        return prefix + "".join(data["words"]), os.getpid()

    forked = forking.Background(work, ">")
    assert forked.pool is not None
    text, pid = forked.result()
    assert text == ">abc" and pid != os.getpid()
    here = forking.Background(work, ">", worth_it=False)
    assert here.pool is None and here.result() == (">abc", os.getpid())


def test_background_worker_is_stopped_when_the_block_fails_before_its_result() -> None:
    import multiprocessing

    before = {p.pid for p in multiprocessing.active_children()}
    with pytest.raises(RuntimeError, match="on the way"), forking.Background(time.sleep, 30) as job:
        assert job.pool is not None
        started = {p.pid for p in multiprocessing.active_children()} - before
        assert started, "a worker runs"
        raise RuntimeError("an error on the way")
    assert not started & {p.pid for p in multiprocessing.active_children()}, "the worker was stopped"
