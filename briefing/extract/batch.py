"""Extraction of every source of a build: from the cache when the content, pipeline and extractor
are unchanged; the rest parsed with nlp.pipe (in several processes when there are many), by the
warm worker that loaded spaCy during ingest (a few), or on a Dask cluster (--scheduler).

spaCy is imported only when an article must be parsed: a rebuild that changed nothing never loads it.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from briefing.cache import ExtractionCache
from briefing.config import Settings
from briefing.errors import ModelNotInstalledError
from briefing.extract.warm import WarmParser
from briefing.model import Extraction, Source

if TYPE_CHECKING:
    from spacy.language import Language

T = TypeVar("T")
# Progress over the articles being parsed: (items, how many) -> the same items, as they come.
Track = Callable[[Iterable[T], int], Iterable[T]]

# Below this many articles to parse, starting processes (each loads the pipeline) costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 50


def no_progress(items: Iterable[T], total: int) -> Iterable[T]:
    return items


def warm_parser(settings: Settings) -> WarmParser:
    """The worker that loads spaCy while ingest reads, once ingest meets a file it has not seen
    (pass its start as ingest's on_new_file); use it in a `with` block, which stops it.

    None starts with --jobs 1 (one process) or a Dask cluster (the workers parse).
    """
    return WarmParser(settings.spacy_model, enabled=not settings.scheduler and settings.jobs != 1)


def extract_sources(
    sources: Sequence[Source],
    settings: Settings,
    *,
    track: Track = no_progress,
    nlp: Language | None = None,
    warm: WarmParser | None = None,
    kept: dict[str, Extraction] | None = None,
) -> tuple[list[Extraction], list[str]]:
    """The extraction of every source, and the files parsed to make them (the others came from the cache).

    nlp: the loaded pipeline of settings.spacy_model, when the caller has it (else loaded if needed).
    warm: a worker that may have loaded the pipeline meanwhile; it parses the missing few, if it can.
    kept: extractions by cache key that a long-lived process (`briefing serve`) keeps between runs:
    taken from it before the cache folder (not read and validated again), and left holding this run's.
    """
    cache = extraction_cache(settings)
    keys = {source.id: cache.key(source) for source in sources} if kept is not None else {}
    found: dict[str, Extraction] = {}
    missing = []
    for source in sources:
        cached = kept.get(keys[source.id]) if kept is not None else None
        if cached is None:
            cached = cache.get(source)
        if cached is None:
            missing.append(source)
        else:
            found[source.id] = cached
    parsed = None
    if warm is not None and warm.enabled:  # it parses what one process would (the many go to nlp.pipe in several)
        if nlp is None and parse_processes(settings.jobs, len(missing)) == 1:
            parsed = warm.parse(missing)
        if parsed is None:
            warm.close()
    for source, extraction in track(parsed or _parse(missing, settings, nlp), len(missing)):
        cache.put(source, extraction)  # keyed by the source as ingest made it
        found[source.id] = extraction
    if kept is not None:
        kept.clear()
        kept.update((keys[s.id], found[s.id]) for s in sources)
    return [found[s.id] for s in sources], [s.file for s in missing]


def _parse(sources: Sequence[Source], settings: Settings, nlp: Language | None) -> Iterator[tuple[Source, Extraction]]:
    if not sources:
        return
    if settings.scheduler:
        from briefing.extract.distributed import extract_on_cluster

        yield from extract_on_cluster(sources, settings.spacy_model, settings.scheduler)
        return
    from briefing.extract.document import extract_source, parse_sources
    from briefing.extract.nlp import load_nlp

    if nlp is None:
        nlp = load_nlp(settings.spacy_model)
    for source, doc in parse_sources(sources, nlp, n_process=parse_processes(settings.jobs, len(sources))):
        yield source, extract_source(source, doc)


def parse_processes(jobs: int, articles: int) -> int:
    """Processes for nlp.pipe: `jobs`, or for 0 (auto) one per core when there are many articles to parse."""
    if jobs > 0:
        return jobs
    return max(1, min(os.cpu_count() or 1, articles // MIN_ARTICLES_PER_PROCESS))


def extraction_cache(settings: Settings) -> ExtractionCache:
    """The extraction cache of settings.cache_dir, for settings.spacy_model as installed and this extraction code."""
    from briefing.extract.version import EXTRACTOR_VERSION

    return ExtractionCache(settings.cache_dir, pipeline_key(settings.spacy_model), EXTRACTOR_VERSION)


def pipeline_key(name: str) -> str:
    """Name and version of the installed pipeline package and of spaCy, without importing spaCy
    (half a second, spent only when an article must be parsed)."""
    version = _installed_version(name)
    if version is None:
        # Not an installed package: maybe a path to a pipeline folder.
        path = Path(name)
        if (path / "meta.json").exists() or (path / "config.cfg").exists():
            return f"{path.resolve()}@{(path / 'meta.json').stat().st_mtime if (path / 'meta.json').exists() else 0}"
        raise ModelNotInstalledError.for_pipeline(name)
    return f"{name}@{version}/spacy-{_installed_version('spacy')}"


def _installed_version(package: str) -> str | None:
    """What spacy.util.get_package_version gives, from the package metadata."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None
