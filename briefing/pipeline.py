"""The whole run, top to bottom: ingest -> extract -> resolve -> YAML -> Markdown (the site is MkDocs' own build)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.config import Settings
from briefing.extract import Track, extract_sources, no_progress, warm_parser
from briefing.ingest import Skipped, ingest_sources, publication_discrepancies
from briefing.model import Corpus
from briefing.render import render_site
from briefing.resolve import resolve
from briefing.store import load_corpus, save_corpus
from briefing.system.collector import fewer_collections
from briefing.system.forking import cpu_processes

__all__ = ["BuildReport", "Stage", "Track", "build", "no_progress", "no_stage", "render_only"]

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
        started = time.perf_counter()
        # Should ingest meet a file it has not seen (an article to parse), spaCy loads in a worker meanwhile.
        with warm_parser(settings) as warm:
            sources, skipped = ingest_sources(settings, on_new_file=warm.start)
            extractions, parsed = extract_sources(sources, settings, track=track, warm=warm)
        # Everything is gathered before anything is written: actors and events are resolved across all the articles.
        stage(f"Resolving actors, quotes and events across {len(extractions)} articles")
        corpus = resolve(extractions, title=settings.title, curation=settings.curation)
        # A page whose own date line contradicts its front matter is a discrepancy of the sources themselves.
        corpus = corpus.model_copy(update={"discrepancies": [*corpus.discrepancies, *publication_discrepancies(sources)]})
        stage("Writing the YAML files" + (" and the pages" if render_pages else ""))
        written = save_corpus(corpus, settings.data_dir, fragments_file=settings.cache_dir / "yaml" / "fragments.json")
        pages = _render(corpus, settings) if render_pages else []
        return _report(corpus, skipped, parsed, written + pages, len(pages), started)


def render_only(settings: Settings) -> BuildReport:
    """Render the pages from the YAML in docs/data, without spaCy."""
    started = time.perf_counter()
    with fewer_collections():
        corpus = load_corpus(settings.data_dir)
        pages = _render(corpus, settings)
    return _report(corpus, [], [], pages, len(pages), started)


def _render(corpus: Corpus, settings: Settings) -> list[Path]:
    return render_site(corpus, settings.templates_dir, settings.docs_dir, processes=cpu_processes(settings.jobs))


def _report(
    corpus: Corpus, skipped: list[Skipped], parsed: list[str], written: list[Path], pages: int, started: float
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
