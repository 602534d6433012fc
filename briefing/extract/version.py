"""The version of the extraction code, for the cache: readable without importing spaCy."""

from __future__ import annotations

from briefing.cache import code_digest

# Modules outside briefing/extract whose code shapes an Extraction.
EXTRACTION_SUPPORT = ("names.py", "dates", "model.py", "lexicon")
# A digest of the code extraction runs: any change to it invalidates the cache.
EXTRACTOR_VERSION = code_digest(["extract", *EXTRACTION_SUPPORT])
