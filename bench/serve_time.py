"""Time from saving an edited article to the reloaded page, with `briefing serve` running.

    python -m bench.serve_time PROJECT [--edits 3]

PROJECT is a built briefing project (its seeds/ as the benchmark writes them). The server is
started as a user starts it; the measurement then does what a browser showing the edited
article's source page does: it waits on MkDocs' live-reload endpoint for a new version of the
site and, once told, fetches the page again (MkDocs answers a page request only when no build
is under way, so a second build after the first delays the page as much as the first did).
Each edit appends one sentence to the article; the time runs from the moment the file is saved
to the moment the page that holds the new sentence has arrived. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import yaml

# Sentences an edit appends (invented; one per edit so that each reload can be told apart).
EDITS = (
    "The committee said on Monday it would publish its findings within a month.",
    "The committee said on Tuesday it would publish its findings within two months.",
    "The committee said on Wednesday it would publish its findings within three months.",
)
# What the reloaded page must show of each sentence (the words around names may become links).
MARKERS = tuple(re.search(r"publish .*", sentence)[0].rstrip(".") for sentence in EDITS)  # type: ignore[index]
LIVERELOAD = re.compile(rb"livereload\((\d+), (\d+)\)")
READY_SECONDS = 900  # the first build is a full MkDocs build of every page
RELOAD_SECONDS = 120


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--edits", type=int, default=len(EDITS), choices=range(1, len(EDITS) + 1))
    parser.add_argument("--article", default=None, help="file name under seeds/ (default: the middle one)")
    args = parser.parse_args(argv)
    print(json.dumps(measure_serve(args.project.resolve(), args.edits, args.article)))
    return 0


def measure_serve(project: Path, edits: int, article: str | None) -> dict[str, Any]:
    seeds = sorted((project / "seeds").glob("*.md"))
    path = project / "seeds" / article if article else seeds[len(seeds) // 2]
    original = path.read_bytes()
    port = _free_port()
    log_path = project / "serve.log"
    briefing = str(Path(sys.executable).parent / "briefing")
    env = {**os.environ, "CI": "1", "NO_MKDOCS_2_WARNING": "1"}
    with open(log_path, "wb") as log_file:
        server = subprocess.Popen([briefing, "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                                  stdout=log_file, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        started = time.perf_counter()
        page = base + _source_url(project, path)
        body = _get_when_up(page, server)
        ready = time.perf_counter() - started
        seconds = []
        for k in range(edits):
            epoch = _epoch(body)
            reloads: list[int] = []
            waiter = threading.Thread(target=lambda e=epoch: reloads.append(_wait_reload(base, e)), daemon=True)
            waiter.start()
            time.sleep(1.0)  # the long poll is waiting, the watcher has seen the folder as it is
            path.write_bytes(original + f"\n{EDITS[k]}\n".encode())
            saved = time.perf_counter()
            body, seconds_k = _reloaded_page(base, page, epoch, MARKERS[k], saved, waiter, reloads)
            seconds.append(seconds_k)
        builds_after = _count(log_path, "Building documentation")
        time.sleep(3.0)  # a build started by the pages the last rebuild wrote would show by now
        extra = _count(log_path, "Building documentation") - builds_after
    finally:
        path.write_bytes(original)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return {
        "seconds": statistics.median(seconds),
        "each": [round(s, 2) for s in seconds],
        "first_build_seconds": round(ready, 1),
        "builds": _count(log_path, "Building documentation"),
        "builds_after_last_reload": extra,
        "edits": edits,
    }


def _reloaded_page(base: str, page: str, epoch: int, marker: str, saved: float,
                   waiter: threading.Thread, reloads: list[int]) -> tuple[bytes, float]:
    """Follow the reloads after an edit until the page shows it: (the page, seconds since saved)."""
    deadline = saved + RELOAD_SECONDS
    while time.perf_counter() < deadline:
        waiter.join(timeout=max(0.0, deadline - time.perf_counter()))
        if not reloads:
            break
        body = urllib.request.urlopen(page, timeout=RELOAD_SECONDS).read()  # what location.reload() asks
        if marker.encode() in body:
            return body, time.perf_counter() - saved
        epoch = _epoch(body)
        reloads.clear()
        waiter = threading.Thread(target=lambda e=epoch: reloads.append(_wait_reload(base, e)), daemon=True)
        waiter.start()
    raise SystemExit(f"no reloaded page showed the edit within {RELOAD_SECONDS} s")


def _wait_reload(base: str, epoch: int) -> int:
    """MkDocs' live-reload long poll, as the page's script does it: the new epoch when there is one."""
    while True:
        answer = int(urllib.request.urlopen(f"{base}livereload/{epoch}/1", timeout=RELOAD_SECONDS).read())
        if answer > epoch:
            return answer


def _epoch(body: bytes) -> int:
    found = LIVERELOAD.search(body)
    if found is None:
        raise SystemExit("the served page has no live-reload script")
    return int(found[1])


def _source_url(project: Path, path: Path) -> str:
    sources = yaml.safe_load((project / "docs" / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    for source in sources:
        if Path(source["file"]).name == path.name:
            return f"sources/{source['id']}/"
    raise SystemExit(f"{path.name} is not among the sources of {project}")


def _get_when_up(url: str, server: subprocess.Popen[bytes]) -> bytes:
    deadline = time.perf_counter() + READY_SECONDS
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"briefing serve stopped (exit {server.returncode})")
        try:
            return urllib.request.urlopen(url, timeout=READY_SECONDS).read()
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise SystemExit(f"briefing serve did not answer within {READY_SECONDS} s")


def _count(log_path: Path, text: str) -> int:
    return log_path.read_text(encoding="utf-8", errors="replace").count(text)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


if __name__ == "__main__":
    sys.exit(main())
