"""Extract: Source + spaCy -> Extraction. The only package that imports spaCy (and only when it parses)."""

from briefing.extract.batch import Track, extract_sources, no_progress, warm_parser

__all__ = ["Track", "extract_sources", "no_progress", "warm_parser"]
