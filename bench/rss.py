"""Run a command; print its wall time, the peak RSS of its largest process and the peak memory of
its whole process tree.

    python -m bench.rss briefing build -q
    python -m bench.rss --no-sample briefing build -q    # wall time only (no /proc sampling)

Prints one JSON line on stdout after the command's own output (which goes to stderr).
The tree's memory is the sum of each process's PSS (proportional set size: a page shared by
forked processes counts once in all, not once in each as RSS would), sampled from /proc every
50 ms (Linux), so it may miss a very short peak; VmRSS where smaps_rollup is missing. The
largest single process is exact (getrusage of the children).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path


def _tree_rss(root: int) -> int:
    """Sum of the PSS (else VmRSS) in bytes of root and its descendants."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            status = (entry / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry.name)
        parents[pid] = ppid
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[pid] = int(line.split()[1]) * 1024
        try:
            for line in (entry / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    rss[pid] = int(line.split()[1]) * 1024
                    break
        except OSError:
            pass
    total = 0
    for pid, size in rss.items():
        node = pid
        while node and node != root:
            node = parents.get(node, 0)
        if node == root:
            total += size
    return total


def main(argv: list[str]) -> int:
    sampling = True
    if argv[:1] == ["--no-sample"]:  # wall time only: the sampler would take CPU from the command
        sampling, argv = False, argv[1:]
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=sys.stderr)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if sampling and Path("/proc/self/stat").exists():
        sampler.start()
    code = process.wait()
    seconds = time.perf_counter() - started
    done.set()
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
    print(json.dumps({"returncode": code, "seconds": seconds, "max_rss": largest, "tree_rss": max(peak, largest)}))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
