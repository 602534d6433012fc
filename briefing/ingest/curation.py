"""Analyst corrections from briefing.yml applied to the sources (outlet, date, title, authors); they survive rebuilds."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from briefing.config import SourceCuration
from briefing.model import Source

log = logging.getLogger(__name__)


def apply_source_curation(sources: Sequence[Source], curation: Mapping[str, SourceCuration]) -> list[Source]:
    """Set outlet, date, title or authors of a source (keyed by file name, path or id) from briefing.yml."""
    if not curation:
        return list(sources)
    result = []
    used: set[str] = set()
    for source in sources:
        keys = (source.id, source.file, Path(source.file).name)
        match = next((k for k in keys if k in curation), None)
        if match is None:
            result.append(source)
            continue
        used.add(match)
        fix = curation[match]
        update: dict = {k: v for k, v in fix.model_dump().items() if v is not None and k != "published"}
        if fix.published is not None:
            update["published"] = fix.published
            update["published_basis"] = "set in briefing.yml"
        result.append(source.model_copy(update=update))
    for key in sorted(set(curation) - used):
        log.warning("briefing.yml curation: no source with file name or id %r", key)
    return result
