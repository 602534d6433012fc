"""Ingest: seeds/*.txt|md|markdown -> Source records (text, paragraphs and their kinds, metadata).

One bad file never stops the others: it becomes a `Skipped` with a reason the
user can act on. Offsets in every Paragraph point into `Source.text`, which is
the file's text after any YAML front matter, with "\\r\\n" -> "\\n" and
no-break spaces -> spaces (same length, so offsets stay simple).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefing import dates
from briefing.layout import classify_paragraphs, split_paragraphs
from briefing.metadata import SourceMetadata, infer_metadata
from briefing.model import DateValue, Paragraph, Source
from briefing.slugs import slugify_id, unique_ids

SOURCE_SUFFIXES = (".txt", ".md", ".markdown")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
FRONT_MATTER_FIELDS = {"title", "outlet", "authors", "author", "date", "published", "id", "republished_from", "language"}


@dataclass(frozen=True)
class Skipped:
    """A file that was not ingested, and why."""

    path: Path
    reason: str


class _SkipFile(Exception):
    """Internal: this file cannot be read; the message is the reason."""


def read_sources(seeds_dir: Path, project_dir: Path) -> tuple[list[Source], list[Skipped]]:
    """Read every *.txt / *.md / *.markdown file (sorted by name) into Source records."""
    seeds_dir, project_dir = Path(seeds_dir), Path(project_dir)
    drafts: list[tuple[Source, bool]] = []
    skipped: list[Skipped] = []
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or not path.is_file():
            continue
        shown = _relative(path, project_dir)
        if path.suffix.lower() not in SOURCE_SUFFIXES:
            skipped.append(Skipped(path, f"{shown}: not an article file (expected {', '.join(SOURCE_SUFFIXES)})"))
            continue
        try:
            drafts.append(read_source(path, project_dir))
        except _SkipFile as exc:
            skipped.append(Skipped(path, str(exc)))
    # Ids are unique across the corpus in file-name order; ids set in front matter keep theirs first.
    fixed = [source.id for source, from_front_matter in drafts if from_front_matter]
    ids = unique_ids(fixed + [source.id for source, from_front_matter in drafts if not from_front_matter])
    fixed_ids, other_ids = iter(ids[: len(fixed)]), iter(ids[len(fixed) :])
    sources = [
        source.model_copy(update={"id": next(fixed_ids) if from_front_matter else next(other_ids)})
        for source, from_front_matter in drafts
    ]
    return sources, skipped


def read_source(path: Path, project_dir: Path) -> tuple[Source, bool]:
    """One file -> (Source with a candidate id, whether the id came from front matter). Raises _SkipFile."""
    shown = _relative(path, project_dir)
    raw = path.read_bytes()
    text = decode(raw, shown)
    front_matter, body = split_front_matter(text, shown)
    body = normalise_text(body)
    if not body.strip():
        raise _SkipFile(f"{shown}: empty file (no article text{' after the front matter' if front_matter else ''})")
    spans = split_paragraphs(body)
    kinds = classify_paragraphs([body[start:end] for start, end in spans])
    paragraphs = [
        Paragraph(anchor=f"p{number}", kind=kind, start=start, end=end, text=body[start:end])
        for number, ((start, end), kind) in enumerate(zip(spans, kinds), start=1)
    ]
    fields = validate_front_matter(front_matter, shown, text)
    meta: SourceMetadata = infer_metadata(body, paragraphs, fields)
    stem_slug = slugify_id(path.stem) or "source"
    if "id" in fields:
        source_id = fields["id"]
    else:
        label = f"{meta.outlet} {meta.title}" if meta.outlet else meta.title
        source_id = slugify_id(label) or stem_slug
    body_words = sum(len(p.text.split()) for p in paragraphs if p.kind == "body")
    source = Source(
        id=source_id,
        file=shown,
        title=meta.title or path.stem,
        outlet=meta.outlet,
        authors=meta.authors,
        published=meta.published.value if meta.published else None,
        published_basis=meta.published.basis if meta.published else None,
        republished_from=meta.republished_from,
        language=fields.get("language", "en"),
        word_count=body_words or len(body.split()),
        sha256=hashlib.sha256(raw).hexdigest(),
        text=body,
        paragraphs=paragraphs,
    )
    return source, "id" in fields


def decode(raw: bytes, shown: str) -> str:
    """UTF-8 (a BOM is dropped), else cp1252; binary files are refused."""
    if not raw.strip():
        raise _SkipFile(f"{shown}: empty file")
    if b"\x00" in raw[:8192]:
        raise _SkipFile(f"{shown}: binary file (contains NUL bytes), not an article text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _SkipFile(f"{shown}: could not decode the file as UTF-8 or cp1252 (byte {exc.start}); save it as UTF-8") from exc


def normalise_text(text: str) -> str:
    """Line breaks to "\\n", no-break spaces to spaces; one character for one where offsets matter."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").replace("\u202f", " ")


def split_front_matter(text: str, shown: str) -> tuple[dict[str, Any], str]:
    """(front matter mapping, text after it); no front matter gives ({}, text)."""
    normalised = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(normalised)
    if match is None:
        return {}, text
    try:
        loaded = yaml.safe_load(match["yaml"] or "") or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _SkipFile(f"{shown}{line}: invalid YAML front matter: {problem}") from exc
    if not isinstance(loaded, dict):
        raise _SkipFile(f"{shown}, line 2: front matter must be a mapping of fields (title: ..., outlet: ...)")
    return loaded, normalised[match.end() :]


def validate_front_matter(front_matter: dict[str, Any], shown: str, text: str) -> dict[str, Any]:
    """Checked, normalised fields: title/outlet str, authors list[str], published DateValue, id slug."""
    fields: dict[str, Any] = {}

    def fail(key: str, message: str) -> _SkipFile:
        return _SkipFile(f"{shown}, line {_field_line(text, key)}: front matter field '{key}' {message}")

    for key, value in front_matter.items():
        key = str(key)
        if value is None:
            continue
        if key in ("title", "outlet", "republished_from", "language"):
            if not isinstance(value, str | int | float) or not str(value).strip():
                raise fail(key, "must be a non-empty string")
            fields[key] = str(value).strip()
        elif key in ("authors", "author"):
            names = [value] if isinstance(value, str) else value
            if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                raise fail(key, "must be a name or a list of names")
            fields["authors"] = [n.strip() for n in names]
        elif key in ("date", "published"):
            fields["published"] = _front_matter_date(value, lambda message: fail(key, message))
        elif key == "id":
            slug = slugify_id(str(value))
            if not slug:
                raise fail(key, f"{value!r} has no letters or digits to make an id from")
            fields["id"] = slug
    return fields


def _front_matter_date(value: Any, fail: Any) -> DateValue:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DateValue(value=value, text=value.isoformat(), basis="front matter")
    parsed = dates.parse_date(str(value))
    if parsed is None or parsed.precision != "day":
        raise fail(f"{value!r} is not a date (use YYYY-MM-DD)")
    return parsed.model_copy(update={"basis": "front matter"})


def _field_line(text: str, key: str) -> int:
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return number
    return 1


def _relative(path: Path, project_dir: Path) -> str:
    try:
        return path.resolve().relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
