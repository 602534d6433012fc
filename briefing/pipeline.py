"""The whole run, top to bottom: ingest -> extract -> resolve -> YAML -> Markdown (the site is MkDocs' own build)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.config import Settings
from briefing.extract import Track, extract_sources, no_progress, warm_parser
from briefing.extract.batch import extraction_cache
from briefing.ingest import Skipped, ingest_sources, publication_discrepancies
from briefing.model import Corpus, Extraction, Source
from briefing.render import build_pages, make_environment, render_site, write_pages
from briefing.resolve import resolve
from briefing.store import DATA_FILES, load_corpus, save_corpus
from briefing.system.collector import fewer_collections
from briefing.system.forking import cpu_processes

__all__ = ["BuildReport", "LastRun", "Stage", "Track", "build", "no_progress", "no_stage", "render_only"]

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


class LastRun:
    """What the last run of a long-lived process (`briefing serve`) extracted, resolved and rendered,
    kept so that a rebuild does not redo what its inputs did not change: the extractions (not read
    from the cache folder again), the corpus when every
    extraction (by its cache key: the source as ingested, the pipeline, the extractor), the title and
    the curation are the same; the pages when the YAML, the templates and the docs folder are. Only a
    caller that builds again in the same process keeps one (the code, hence its output, is fixed)."""

    def __init__(self) -> None:
        self.extractions: dict[str, Extraction] = {}  # by cache key: read from the cache folder once
        self.resolved: tuple[str, Corpus] | None = None
        self.rendered: tuple[str, dict[str, str]] | None = None

    def resolve(self, extractions: list[Extraction], sources: list[Source], settings: Settings) -> Corpus:
        key = _resolve_key(sources, settings)
        if self.resolved is None or self.resolved[0] != key:
            self.resolved = (key, resolve(extractions, title=settings.title, curation=settings.curation))
        return self.resolved[1]

    def render(self, settings: Settings) -> dict[str, str] | None:
        """The pages of the last run if its YAML and templates are those on disk now, else None."""
        if self.rendered is not None and self.rendered[0] == _render_key(settings):
            return self.rendered[1]
        return None

    def rendered_pages(self, settings: Settings, pages: dict[str, str]) -> None:
        self.rendered = (_render_key(settings), pages)


def _resolve_key(sources: list[Source], settings: Settings) -> str:
    digest = hashlib.sha256(f"{settings.title}\0{settings.curation.model_dump_json()}\0".encode())
    cache = extraction_cache(settings)
    for source in sources:
        digest.update(cache.key(source).encode() + b"\0")
    return digest.hexdigest()


def _render_key(settings: Settings) -> str:
    """A digest of what the pages are made of besides the code: the YAML just written, the templates."""
    digest = hashlib.sha256(f"{settings.docs_dir.resolve()}\0{settings.templates_dir.resolve()}\0".encode())
    for name in DATA_FILES:
        path = settings.data_dir / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"-") + b"\0")
    templates = settings.templates_dir
    for path in sorted(templates.rglob("*")) if templates.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(templates).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build(
    settings: Settings,
    *,
    track: Track = no_progress,
    render_pages: bool = True,
    stage: Stage = no_stage,
    last_run: LastRun | None = None,
) -> BuildReport:
    """Turn the articles of settings.seeds_dir into YAML (and Markdown pages under settings.docs_dir).

    last_run: what the previous build of this process made (`briefing serve` keeps one): a rebuild
    reuses its corpus and its pages when their inputs did not change.
    """
    with fewer_collections():
        started = time.perf_counter()
        # Should ingest meet a file it has not seen (an article to parse), spaCy loads in a worker meanwhile.
        with warm_parser(settings) as warm:
            sources, skipped = ingest_sources(settings, on_new_file=warm.start)
            kept = last_run.extractions if last_run is not None else None
            extractions, parsed = extract_sources(sources, settings, track=track, warm=warm, kept=kept)
        # Everything is gathered before anything is written: actors and events are resolved across all the articles.
        stage(f"Resolving actors, quotes and events across {len(extractions)} articles")
        if last_run is not None:
            corpus = last_run.resolve(extractions, sources, settings)
        else:
            corpus = resolve(extractions, title=settings.title, curation=settings.curation)
        # A page whose own date line contradicts its front matter is a discrepancy of the sources themselves.
        corpus = corpus.model_copy(update={"discrepancies": [*corpus.discrepancies, *publication_discrepancies(sources)]})
        stage("Writing the YAML files" + (" and the pages" if render_pages else ""))
        written = save_corpus(corpus, settings.data_dir, fragments_file=settings.cache_dir / "yaml" / "fragments.json")
        pages = _render(corpus, settings, last_run) if render_pages else []
        return _report(corpus, skipped, parsed, written + pages, len(pages), started)


def render_only(settings: Settings) -> BuildReport:
    """Render the pages from the YAML in docs/data, without spaCy."""
    started = time.perf_counter()
    with fewer_collections():
        corpus = load_corpus(settings.data_dir)
        pages = _render(corpus, settings)
    return _report(corpus, [], [], pages, len(pages), started)


def _render(corpus: Corpus, settings: Settings, last_run: LastRun | None = None) -> list[Path]:
    processes = cpu_processes(settings.jobs)
    if last_run is None:
        return render_site(corpus, settings.templates_dir, settings.docs_dir, processes=processes)
    pages = last_run.render(settings)
    if pages is None:
        pages = build_pages(corpus, make_environment(settings.templates_dir), processes=processes)
        last_run.rendered_pages(settings, pages)
    return write_pages(pages, settings.docs_dir)


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
