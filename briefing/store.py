"""Corpus <-> docs/data/*.yaml, validated both ways against the model."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from briefing.errors import DataFileError
from briefing.system.files import write_atomic, write_if_changed
from briefing.model import (
    SCHEMA_VERSION,
    Actor,
    Corpus,
    Discrepancy,
    Event,
    Quote,
    Source,
)

# file name -> (list key, record type)
DATA_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "sources.yaml": ("sources", Source),
    "actors.yaml": ("actors", Actor),
    "quotes.yaml": ("quotes", Quote),
    "events.yaml": ("events", Event),
    "discrepancies.yaml": ("discrepancies", Discrepancy),
}


# Characters YAML reads as line breaks, although Python does not split lines there.
YAML_ONLY_BREAKS = "\x85\u2028\u2029"


# libyaml's emitter when PyYAML has it (4x faster; the same bytes, checked on a 500-article bench corpus).
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Block style; multi-line strings as literal blocks so diffs stay readable."""


def _represent_str(dumper: Any, value: str) -> yaml.Node:
    style = "|" if "\n" in value and not any(c in value for c in "\r\t") and value == value.strip() else None
    if any(c in value for c in YAML_ONLY_BREAKS):
        style = '"'  # only the double-quoted style escapes them; elsewhere a reader folds them to spaces
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> bytes:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100).encode("utf-8")


def save_corpus(corpus: Corpus, data_dir: Path, *, fragments_file: Path | None = None) -> list[Path]:
    """Write the YAML files; return those whose bytes changed.

    A file is its header and one YAML fragment per record, the bytes yaml.dump gives the whole
    document. With fragments_file (in the cache folder), the fragments of the last run are reused
    for the records that did not change: a rebuild after one edited article re-emits a few records.
    """
    fragments = YamlFragments(fragments_file)
    written = []
    for name, (key, _) in DATA_FILES.items():
        header: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        if key == "sources":
            header["title"] = corpus.title
        records = getattr(corpus, key)
        body = b"".join(fragments.get(record) for record in records) if records else None
        if body is None:
            data = dump_yaml({**header, key: []})
        else:
            data = dump_yaml(header) + f"{key}:\n".encode() + body
        path = data_dir / name
        if write_if_changed(path, data):
            written.append(path)
    fragments.save()
    return written


class YamlFragments:
    """YAML text of records (as items of a top-level list) by the digest of their JSON, kept between runs."""

    VERSION = f"1/{yaml.__version__}/{_BaseDumper.__name__}"

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[str, str] = {}
        self.used: dict[str, str] = {}
        if path is not None:
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
                if stored.get("version") == self.VERSION and isinstance(stored.get("fragments"), dict):
                    self.known = stored["fragments"]
            except (OSError, ValueError, AttributeError):
                pass  # a missing or damaged file only costs time

    def get(self, record: BaseModel) -> bytes:
        data = record.model_dump_json().encode("utf-8")
        key = hashlib.sha256(data).hexdigest()[:32]
        text = self.used.get(key) or self.known.get(key)
        if text is None:
            text = dump_yaml([record.model_dump(mode="json")]).decode("utf-8")
        self.used[key] = text
        return text.encode("utf-8")

    def save(self) -> None:
        """Keep the fragments of this run only (those of records gone are dropped)."""
        if self.path is not None and self.used != self.known:
            write_atomic(self.path, json.dumps({"version": self.VERSION, "fragments": self.used}).encode("utf-8"))


def load_corpus(data_dir: Path) -> Corpus:
    """Read and validate docs/data/*.yaml; errors name the file and the path inside it."""
    parts: dict[str, Any] = {}
    title = ""
    for name, (key, record_type) in DATA_FILES.items():
        path = data_dir / name
        document = _read_document(path, key)
        if key == "sources":
            title = str(document.get("title") or "")
        records = []
        for i, raw in enumerate(document[key] or []):
            try:
                records.append(record_type.model_validate(raw))
            except ValidationError as exc:
                raise DataFileError(_describe(path, key, i, exc)) from exc
        parts[key] = records
    return Corpus(title=title, **parts)


# libyaml's safe loader when PyYAML has it (5x faster on large files, same data); the pure-Python one otherwise.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_document(path: Path, key: str) -> dict[str, Any]:
    if not path.exists():
        raise DataFileError(f"{path} does not exist: run `briefing build` (or `briefing extract`) first.")
    text = path.read_text(encoding="utf-8")
    try:
        document = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError:
        try:  # the pure-Python loader's message shows the offending line
            document = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise DataFileError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(document, dict) or key not in document:
        raise DataFileError(f"{path}: expected a mapping with 'schema_version' and a '{key}' list.")
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        raise DataFileError(f"{path}: schema_version is {version!r}; this briefing reads version {SCHEMA_VERSION}.")
    return document


def _describe(path: Path, key: str, index: int, exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        where = " -> ".join(str(part) for part in (key, index, *error["loc"]))
        lines.append(f"{path}: [{where}] {error['msg']}")
    return "\n".join(lines)
