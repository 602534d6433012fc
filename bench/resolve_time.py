"""Time the resolve stage on the first n cached extractions of a project, for each n.

    python -m bench.resolve_time PROJECT 100 500 2000

Prints one JSON list of {articles, mentions, seconds}. The extractions must be in the
project's cache (a build of the project fills it).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    from briefing.config import load_settings
    from briefing.extract.batch import extraction_cache
    from briefing.ingest import ingest_sources
    from briefing.resolve import resolve
    from briefing.system.collector import fewer_collections

    settings = load_settings(Path(argv[0]))
    sources, _ = ingest_sources(settings)  # as the build made them: curated, years completed
    cache = extraction_cache(settings)
    extractions = [cache.get(s) for s in sources]
    missing = [s.file for s, e in zip(sources, extractions) if e is None]
    if missing:
        print(f"{len(missing)} extractions not cached (first: {missing[0]}); build the project first", file=sys.stderr)
        return 1
    # Untimed warm-up: what a process does once (the place gazetteer, caches, a first fork) is not
    # part of the growth this measures.
    resolve(extractions[: min(int(argv[1]), 120)], title=settings.title, curation=settings.curation)  # type: ignore[arg-type]
    points = []
    for n in (int(a) for a in argv[1:]):
        subset = extractions[:n]
        mentions = sum(len(e.entities) + len(e.quotes) + len(e.events) for e in subset)  # type: ignore[union-attr]
        with fewer_collections():  # the collector as a build sets it (pipeline.build)
            started = time.perf_counter()
            resolve(subset, title=settings.title, curation=settings.curation)  # type: ignore[arg-type]
            seconds = time.perf_counter() - started
        points.append({"articles": n, "mentions": mentions, "seconds": seconds})
    print(json.dumps(points))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
