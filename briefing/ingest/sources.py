"""Ingest: seeds/*.txt|md|markdown|html|htm -> Source records (text, paragraphs and their kinds, metadata).

One bad file never stops the others: it becomes a `Skipped` with a reason the
user can act on (empty, binary, undecodable, no article text, a duplicate, not
English when `non_english: skip`). Offsets in every Paragraph point into
`Source.text`, which is the file's text after any YAML front matter (or the
article text trafilatura found in a web page), with "\\r\\n" -> "\\n" and
no-break spaces -> spaces (same length, so offsets stay simple).

Article text is untrusted data: it is decoded and cleaned here, and escaped
wherever render.py writes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from briefing import dates
from briefing.cache import IngestCache
from briefing.ingest.encoding import UndecodableError, decode_bytes
from briefing.ingest.html import HTML_SUFFIXES, extract_html
from briefing.ingest.language import DEFAULT_LANGUAGE, detect_language
from briefing.ingest.layout import classify_paragraphs
from briefing.ingest.metadata import SourceMetadata, infer_metadata
from briefing.ingest.paragraphs import split_paragraphs
from briefing.model import DateValue, Paragraph, Source
from briefing.slugs import slugify_id, unique_ids

log = logging.getLogger(__name__)

SOURCE_SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES)
# Larger files are not articles (a 5 MB article is read; a 60 MB log file is not).
MAX_FILE_BYTES = 50_000_000
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
FRONT_MATTER_FIELDS = ("title", "outlet", "authors", "author", "date", "published", "id", "republished_from", "language")
NonEnglish = Literal["warn", "skip"]


@dataclass(frozen=True)
class Skipped:
    """A file that was not ingested, and why."""

    path: Path
    reason: str


class _SkipFile(Exception):
    """Internal: this file cannot be read; the message is the reason."""


def read_sources(
    seeds_dir: Path,
    project_dir: Path,
    *,
    non_english: NonEnglish = "warn",
    cache_dir: Path | None = None,
    on_new_file: Callable[[], None] | None = None,
) -> tuple[list[Source], list[Skipped]]:
    """Read every article file of seeds_dir (sorted by name) into Source records; the rest are Skipped.

    Args:
        non_english: "warn" builds articles detected as not English with a warning; "skip" skips them.
        cache_dir: keep each file's Source there (briefing.cache.IngestCache): a rebuild reads again
            only the files whose bytes changed.
        on_new_file: called once, before the first file that is not in that cache is read.
    """
    seeds_dir, project_dir = Path(seeds_dir), Path(project_dir)
    cache = IngestCache(cache_dir) if cache_dir is not None else None
    drafts: list[tuple[Source, bool]] = []
    skipped: list[Skipped] = []
    first_of: dict[str, str] = {}  # content key -> file of its first copy
    pending = [on_new_file] if on_new_file is not None else []

    def new_file() -> None:  # on_new_file, once
        while pending:
            pending.pop()()

    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if path.name.startswith("."):
            continue
        shown = _relative(path, project_dir)
        if path.is_symlink() and not path.exists():
            skipped.append(Skipped(path, f"{shown}: broken link (its target does not exist)"))
            continue
        if not path.is_file():
            continue
        if path.suffix.lower() not in SOURCE_SUFFIXES:
            skipped.append(Skipped(path, f"{shown}: not an article file (expected {', '.join(SOURCE_SUFFIXES)})"))
            continue
        try:
            source, fixed_id = read_source(path, project_dir, cache, new_file)
        except _SkipFile as exc:
            skipped.append(Skipped(path, str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - one odd file must not stop the build
            log.debug("Could not process %s", shown, exc_info=True)
            skipped.append(Skipped(path, f"{shown}: could not process the file ({type(exc).__name__}: {exc})"))
            continue
        key = content_key(source.text)
        if key in first_of:
            skipped.append(Skipped(path, f"{shown}: duplicate of {first_of[key]}"))
            continue
        first_of[key] = shown
        if source.language != DEFAULT_LANGUAGE:
            if non_english == "skip":
                skipped.append(
                    Skipped(path, f"{shown}: written in '{source.language}', not English (non_english: skip)")
                )
                continue
            log.warning(
                "%s: written in '%s', not English; extraction may miss names and quotes "
                "(set non_english: skip in briefing.yml to leave such articles out)",
                shown,
                source.language,
            )
        drafts.append((source, fixed_id))
    # Ids are unique across the corpus in file-name order; ids set in front matter keep theirs first.
    fixed = [source.id for source, from_front_matter in drafts if from_front_matter]
    ids = unique_ids(fixed + [source.id for source, from_front_matter in drafts if not from_front_matter])
    fixed_ids, other_ids = iter(ids[: len(fixed)]), iter(ids[len(fixed) :])
    sources = [
        source.model_copy(update={"id": next(fixed_ids) if from_front_matter else next(other_ids)})
        for source, from_front_matter in drafts
    ]
    return sources, skipped


def content_key(text: str) -> str:
    """What makes two articles exact duplicates: the same text up to Unicode form, case of spacing and line breaks."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def read_source(
    path: Path, project_dir: Path, cache: IngestCache | None = None, on_new_file: Callable[[], None] | None = None
) -> tuple[Source, bool]:
    """One file -> (Source with a candidate id, whether the id came from front matter). Raises _SkipFile."""
    shown = _relative(path, project_dir)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _SkipFile(f"{shown}: too large for an article ({size / 1e6:.0f} MB; at most {MAX_FILE_BYTES / 1e6:.0f} MB)")
        raw = path.read_bytes()
    except OSError as exc:
        raise _SkipFile(f"{shown}: could not read the file ({exc.strerror or exc})") from exc
    if cache is None:
        if on_new_file is not None:
            on_new_file()
        return _source_from_bytes(raw, path, shown)
    key = cache.key(raw, shown)
    cached = cache.get(key)
    if cached is None:
        if on_new_file is not None:
            on_new_file()
        cached = _source_from_bytes(raw, path, shown)
        cache.put(key, *cached)
    return cached


def _source_from_bytes(raw: bytes, path: Path, shown: str) -> tuple[Source, bool]:
    text = decode(raw, shown)
    if path.suffix.lower() in HTML_SUFFIXES:
        front_matter, body, basis = _html_fields(text, shown)
        fields_text = ""
    else:
        front_matter, body = split_front_matter(text, shown)
        basis, fields_text = "front matter", text
    body = normalise_text(body)
    if not body.strip():
        raise _SkipFile(f"{shown}: empty file (no article text{' after the front matter' if front_matter else ''})")
    spans = split_paragraphs(body)
    kinds = classify_paragraphs([body[start:end] for start, end in spans])
    paragraphs = [
        Paragraph(anchor=f"p{number}", kind=kind, start=start, end=end, text=body[start:end])
        for number, ((start, end), kind) in enumerate(zip(spans, kinds), start=1)
    ]
    if basis == "front matter":
        fields = validate_front_matter(front_matter, shown, fields_text)
    else:
        fields = front_matter
    meta: SourceMetadata = infer_metadata(body, paragraphs, fields)
    stem_slug = slugify_id(path.stem) or "source"
    if "id" in fields:
        source_id = fields["id"]
    else:
        label = f"{meta.outlet} {meta.title}" if meta.outlet else meta.title
        source_id = slugify_id(label) or stem_slug
    body_words = sum(len(p.text.split()) for p in paragraphs if p.kind == "body")
    language = fields.get("language") or detect_language(
        "\n".join(p.text for p in paragraphs if p.kind == "body") or body
    ).code
    source = Source(
        id=source_id,
        file=shown,
        title=meta.title or path.stem,
        outlet=meta.outlet,
        authors=meta.authors,
        published=meta.published.value if meta.published else None,
        published_basis=meta.published.basis if meta.published else None,
        dateline_day=meta.dateline_day,
        republished_from=meta.republished_from,
        published_in_text=meta.published_in_text,
        language=language,
        word_count=body_words or len(body.split()),
        sha256=hashlib.sha256(raw).hexdigest(),
        text=body,
        paragraphs=paragraphs,
    )
    return source, "id" in fields


def _html_fields(html: str, shown: str) -> tuple[dict[str, Any], str, str]:
    """(metadata fields as validate_front_matter gives them, article text, basis) of a saved web page."""
    article = extract_html(html)
    if article is None:
        raise _SkipFile(f"{shown}: no article text found in the web page")
    fields: dict[str, Any] = {}
    if article.title:
        fields["title"] = article.title
    if article.site_name:
        fields["outlet"] = article.site_name
    if article.authors:
        fields["authors"] = article.authors
    if article.date:
        parsed = dates.parse_date(article.date)
        if parsed is not None and parsed.precision == "day":
            fields["published"] = parsed.model_copy(update={"basis": "page metadata"})
    if article.language:
        fields["language"] = language_code(article.language)
    return fields, article.text, "page metadata"


def language_code(value: str) -> str:
    """"en-GB", "EN_us", "en" -> "en"."""
    return re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower() or DEFAULT_LANGUAGE


def decode(raw: bytes, shown: str) -> str:
    """Text of a file: byte-order marks, UTF-8, else the detected encoding; mojibake repaired.

    Empty, binary (PDF, images, archives, NUL bytes) and undecodable files are refused.
    """
    try:
        decoded = decode_bytes(raw)
    except UndecodableError as exc:
        raise _SkipFile(f"{shown}: {exc}") from exc
    for note in decoded.notes:
        log.warning("%s: %s", shown, note)
    if decoded.encoding not in ("utf-8", "ascii"):
        log.info("%s: read as %s", shown, decoded.encoding)
    return decoded.text


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
        if key not in FRONT_MATTER_FIELDS:
            log.warning(
                "%s, line %d: unknown front matter field '%s' ignored; valid fields: %s",
                shown, _field_line(text, key), key, ", ".join(FRONT_MATTER_FIELDS),
            )
            continue
        if value is None:
            continue
        if key in ("title", "outlet", "republished_from", "language"):
            if not isinstance(value, str | int | float) or not str(value).strip():
                raise fail(key, "must be a non-empty string")
            fields[key] = str(value).strip()
            if key == "language":
                if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", fields[key]):
                    raise fail(key, f"{value!r} is not a language code (use e.g. en, de, fr)")
                fields[key] = language_code(fields[key])
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
        # The folder is resolved, not the file: a link is shown under its own name.
        return (path.parent.resolve() / path.name).relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
