"""A spaCy pipeline loaded in a forked worker while ingest goes on, for the few articles a rebuild parses.

Loading spaCy and its pipeline takes most of a second; parsing one changed article, a tenth. A
rebuild learns that it will parse when ingest meets a file it has not seen; from then on the
worker loads the pipeline on the second core while this process reads every other file and the
extraction cache. Many articles to parse (a first build) go to nlp.pipe as before, and wherever
the worker cannot start or load, this process parses: the worker only ever saves time.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator, Sequence
from typing import Any, Self

from briefing.model import Extraction, Source
from briefing.system import forking

_NLP: Any = None  # in the worker: the loaded pipeline, or None when it could not be loaded


def _load(model: str) -> None:
    global _NLP
    try:
        from briefing.extract.nlp import load_nlp

        _NLP = load_nlp(model)
    except Exception:  # noqa: BLE001 - this process parses instead, and reports the error
        _NLP = None


def _extract(source: Source) -> Extraction | None:
    if _NLP is None:
        return None
    from briefing.extract.document import extract_source, parse_sources

    ((parsed, doc),) = parse_sources([source], _NLP)
    return extract_source(parsed, doc)


class WarmParser:
    """start() when a new file turns up; parse() the articles that need it, or None: parse them here.

    As a context manager, the worker is stopped when the block ends, whatever happens in it.
    enabled=False: start() never starts one, and this process parses.
    """

    def __init__(self, model: str, *, enabled: bool = True) -> None:
        self.model = model
        self.enabled = enabled
        self.pool: Any = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def start(self) -> None:
        # Not from a process with other threads (a live server): the worker imports spaCy and its
        # native libraries, and a fork keeps any lock another thread held at that moment.
        if self.enabled and self.pool is None and forking.can_fork() and threading.active_count() == 1:
            try:
                self.pool = multiprocessing.get_context("fork").Pool(1, initializer=_load, initargs=(self.model,))
            except OSError:  # no process to spare: this one parses
                self.pool = None

    def parse(self, sources: Sequence[Source]) -> Iterator[tuple[Source, Extraction]] | None:
        """(source, extraction) as the worker makes them (so progress shows), or None when this
        process should make them: no worker, or it could not load the pipeline."""
        if self.pool is None or not sources:
            return None
        made = self.pool.imap(_extract, sources)
        first = next(made)
        if first is None:  # the worker has no pipeline: neither has any later article
            self.close()
            return None
        return self._all(sources, first, made)

    def _all(
        self, sources: Sequence[Source], first: Extraction, rest: Iterator[Extraction | None]
    ) -> Iterator[tuple[Source, Extraction]]:
        try:
            yield sources[0], first
            for source, extraction in zip(sources[1:], rest, strict=True):
                assert extraction is not None  # the same worker, with the pipeline it had for the first
                yield source, extraction
        finally:
            self.close()

    def close(self) -> None:
        if self.pool is not None:
            forking.stop(self.pool)
            self.pool = None
