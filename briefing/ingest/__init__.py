"""Ingest: article files -> Source records (decoding, web pages, language, paragraphs and page furniture, metadata)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from briefing.config import Settings
from briefing.errors import BriefingError
from briefing.ingest.curation import apply_source_curation
from briefing.ingest.published import complete_years, publication_discrepancies
from briefing.ingest.repeats import fold_repeated_lines
from briefing.ingest.sources import Skipped, read_sources
from briefing.model import Source

__all__ = ["Skipped", "ingest_sources", "publication_discrepancies"]

log = logging.getLogger(__name__)


def ingest_sources(
    settings: Settings, *, on_new_file: Callable[[], None] | None = None
) -> tuple[list[Source], list[Skipped]]:
    """The sources as extraction sees them: ingested (cached per file), curated, years completed.

    Each skipped file is logged; no usable article at all is an error.
    on_new_file: called once, before the first file that is not in the ingest cache is read.
    """
    sources, skipped = read_sources(
        settings.seeds_dir, settings.project_dir, non_english=settings.non_english,
        cache_dir=settings.cache_dir / "ingest", on_new_file=on_new_file,
    )
    sources = complete_years(fold_repeated_lines(apply_source_curation(sources, settings.curation.sources)))
    for item in skipped:
        log.warning("Skipped %s", item.reason)  # the reason starts with the file, relative to the project
    if not sources:
        raise BriefingError(
            f"No usable articles in {settings.seeds_dir} ({len(skipped)} skipped). "
            "Add .txt, .md or .html files, or point `briefing build` at another folder."
        )
    return sources, skipped
