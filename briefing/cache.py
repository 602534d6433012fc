"""Per-source Extraction cache on disk, keyed by content, pipeline and extractor version."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pydantic import ValidationError

from briefing.fileio import write_atomic
from briefing.model import Extraction, Source

log = logging.getLogger(__name__)


class ExtractionCache:
    """A folder of `<key>.json` files, one per extracted source.

    The key covers everything extraction reads: the source record as ingest made
    it (text, paragraph kinds, publication date), the spaCy pipeline's name and
    version, and EXTRACTOR_VERSION. A corrupt entry is discarded and re-parsed.
    """

    def __init__(self, folder: Path, pipeline: str, extractor_version: str) -> None:
        self.folder = folder
        self.salt = f"{pipeline}\0{extractor_version}\0"
        self.hits = 0
        self.misses = 0

    def key(self, source: Source) -> str:
        digest = hashlib.sha256(self.salt.encode())
        digest.update(source.model_dump_json().encode())
        return digest.hexdigest()[:40]

    def get(self, source: Source) -> Extraction | None:
        path = self.folder / f"{self.key(source)}.json"
        try:
            extraction = Extraction.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            self.misses += 1
            return None
        except (ValidationError, ValueError, OSError) as exc:
            log.warning("Discarding corrupt cache entry %s: %s", path, exc)
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        self.hits += 1
        return extraction

    def put(self, source: Source, extraction: Extraction) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / f"{self.key(source)}.json", extraction.model_dump_json().encode())
