"""Caches on disk: per-source Extractions (keyed by content, pipeline and extractor version) and
per-file ingest results (keyed by the file's bytes and path, and the ingest code)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from briefing.system.files import write_atomic
from briefing.model import Extraction, Source

log = logging.getLogger(__name__)
T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent


def code_digest(relative_paths: list[str]) -> str:
    """A digest of briefing's own modules (paths relative to the package; folders mean every .py
    file in them): a cache keyed by it is emptied by any change to that code."""
    files: list[Path] = []
    for name in relative_paths:
        path = PACKAGE / name
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# The modules whose code turns a file into a Source.
INGEST_CODE = ["ingest", "lexicon", "dates", "slugs.py", "model.py"]


class IngestCache:
    """A folder of `<key>.json` files: the Source that ingest made of a file, and whether its id came
    from front matter. The key is the file's bytes, its path as shown, and the ingest code."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.salt = f"{code_digest(INGEST_CODE)}\0".encode()

    def key(self, raw: bytes, shown: str) -> str:
        digest = hashlib.sha256(self.salt)
        digest.update(shown.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(raw)
        return digest.hexdigest()[:40]

    def get(self, key: str) -> tuple[Source, bool] | None:
        def parse(data: bytes) -> tuple[Source, bool]:
            return Source.model_validate_json(data[1:]), data[:1] == b"1"

        return _read_entry(self.folder / f"{key}.json", parse)

    def put(self, key: str, source: Source, fixed_id: bool) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / f"{key}.json", (b"1" if fixed_id else b"0") + source.model_dump_json().encode())


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
        extraction = _read_entry(self.folder / f"{self.key(source)}.json", Extraction.model_validate_json)
        if extraction is None:
            self.misses += 1
        else:
            self.hits += 1
        return extraction

    def put(self, source: Source, extraction: Extraction) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / f"{self.key(source)}.json", extraction.model_dump_json().encode())


def _read_entry(path: Path, parse: Callable[[bytes], T]) -> T | None:
    """A cache entry parsed, or None when it is missing; a corrupt entry is deleted (and so made again)."""
    try:
        return parse(path.read_bytes())
    except FileNotFoundError:
        return None
    except (ValidationError, ValueError, OSError) as exc:
        log.warning("Discarding corrupt cache entry %s: %s", path, exc)
        path.unlink(missing_ok=True)
        return None
