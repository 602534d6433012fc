"""The whole run, top to bottom: ingest -> extract -> resolve -> YAML -> Markdown (-> site)."""

from __future__ import annotations

import importlib.metadata
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from briefing import store
from briefing import render
from briefing.cache import ExtractionCache
from briefing.system.collector import fewer_collections
from briefing.config import Settings
from briefing.errors import ModelNotInstalledError
from briefing.extract.warm import WarmParser
from briefing.ingest import Skipped, ingest_sources
from briefing.model import Corpus, Extraction, Source
from briefing.resolve import resolve

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)
T = TypeVar("T")
Track = Callable[[Iterable[T], int], Iterable[T]]


def no_progress(items: Iterable[T], total: int) -> Iterable[T]:
    return items


# Told when a long stage starts ("Resolving ... 2000 articles"), for a terminal.
Stage = Callable[[str], None]


def no_stage(message: str) -> None:
    return None


@dataclass(frozen=True)
class BuildReport:
    """What a run did, for the CLI's summary line and for tests."""

    title: str
    sources: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    parsed: list[str] = field(default_factory=list)  # source files spaCy parsed (cache misses)
    actors: int = 0
    quotes: int = 0
    events: int = 0
    pages: int = 0
    written: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        skipped = f" ({len(self.skipped)} skipped)" if self.skipped else ""
        return (
            f"Done: {self.sources} articles{skipped}, {len(self.parsed)} parsed, {self.actors} actors, "
            f"{self.quotes} quotes, {self.events} events -> {self.pages} pages changed in {self.seconds:.1f} seconds."
        )


def build(
    settings: Settings, *, track: Track = no_progress, render_pages: bool = True, stage: Stage = no_stage
) -> BuildReport:
    """Turn the articles of settings.seeds_dir into YAML (and Markdown pages under settings.docs_dir)."""
    with fewer_collections():
        return _build(settings, track=track, render_pages=render_pages, stage=stage)


def _build(settings: Settings, *, track: Track, render_pages: bool, stage: Stage) -> BuildReport:
    started = time.perf_counter()
    corpus, skipped, parsed = extract_corpus(settings, track=track, stage=stage)
    stage("Writing the YAML files" + (" and the pages" if render_pages else ""))
    written = store.save_corpus(corpus, settings.data_dir, fragments_file=settings.cache_dir / "yaml" / "fragments.json")
    pages = (
        render.render_site(corpus, settings.templates_dir, settings.docs_dir, processes=cpu_processes(settings.jobs))
        if render_pages
        else []
    )
    return _report(corpus, skipped, parsed, written + pages, len(pages), started)


def extract_corpus(
    settings: Settings, *, track: Track = no_progress, stage: Stage = no_stage
) -> tuple[Corpus, list[Skipped], list[str]]:
    """Ingest, extract (cached) and resolve; nothing is written but the caches."""
    # A file ingest has not seen means an article to parse: spaCy loads meanwhile (extract/warm.py).
    warm = WarmParser(settings.spacy_model) if not settings.scheduler and settings.jobs != 1 else None
    try:
        sources, skipped = ingest_sources(settings, on_new_file=warm.start if warm else None)
        extractions, parsed = extract_sources(sources, settings, track=track, warm=warm)
    finally:
        if warm is not None:
            warm.close()
    stage(f"Resolving actors, quotes and events across {len(extractions)} articles")
    corpus = resolve(extractions, title=settings.title, curation=settings.curation)
    return corpus, skipped, parsed


def extract_sources(
    sources: Sequence[Source],
    settings: Settings,
    *,
    track: Track = no_progress,
    nlp: Language | None = None,
    warm: WarmParser | None = None,
) -> tuple[list[Extraction], list[str]]:
    """Extraction of every source: from the cache when the content, pipeline and extractor are unchanged.

    nlp: the loaded pipeline of settings.spacy_model, when the caller has it (else loaded if needed).
    warm: a worker that may have loaded the pipeline meanwhile; it parses the missing few, if it can.
    """
    from briefing.extract.version import EXTRACTOR_VERSION

    cache = ExtractionCache(settings.cache_dir, pipeline_key(settings.spacy_model), EXTRACTOR_VERSION)
    found: dict[str, Extraction] = {}
    missing = []
    for source in sources:
        cached = cache.get(source)
        if cached is None:
            missing.append(source)
        else:
            found[source.id] = cached
    parsed = None
    if warm is not None:  # it parses what one process would (the many go to nlp.pipe in several)
        if nlp is None and parse_processes(settings.jobs, len(missing)) == 1:
            parsed = warm.parse(missing)
        if parsed is None:
            warm.close()
    for source, extraction in track(parsed or _parse(missing, settings, nlp), len(missing)):
        cache.put(source, extraction)  # keyed by the source as ingest made it
        found[source.id] = extraction
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


# Below this many articles to parse, starting processes (each loads the pipeline) costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 50


def parse_processes(jobs: int, articles: int) -> int:
    """Processes for nlp.pipe: `jobs`, or for 0 (auto) one per core when there are many articles to parse."""
    if jobs > 0:
        return jobs
    return max(1, min(os.cpu_count() or 1, articles // MIN_ARTICLES_PER_PROCESS))


def cpu_processes(jobs: int) -> int:
    """Processes for CPU-bound stages (page rendering): `jobs`, or one per core for 0 (auto)."""
    return jobs if jobs > 0 else os.cpu_count() or 1


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


def render_only(settings: Settings) -> BuildReport:
    """Render the pages from the YAML in docs/data, without spaCy."""
    started = time.perf_counter()
    with fewer_collections():
        corpus = store.load_corpus(settings.data_dir)
        pages = render.render_site(corpus, settings.templates_dir, settings.docs_dir, processes=cpu_processes(settings.jobs))
    return _report(corpus, [], [], pages, len(pages), started)


def _report(
    corpus: Corpus, skipped: list, parsed: list[str], written: list[Path], pages: int, started: float
) -> BuildReport:
    return BuildReport(
        title=corpus.title,
        sources=len(corpus.sources),
        skipped=skipped,
        parsed=parsed,
        actors=len(corpus.actors),
        quotes=len(corpus.quotes),
        events=len(corpus.events),
        pages=pages,
        written=written,
        seconds=time.perf_counter() - started,
    )
