"""Safe, stable, unique slugs for source, actor and event ids."""

from __future__ import annotations

from slugify import slugify

DEFAULT_MAX_LENGTH = 60
FALLBACK_SLUG = "item"


def slugify_id(text: str, max_length: int = DEFAULT_MAX_LENGTH) -> str:
    """Lowercase ASCII slug of `text`, at most `max_length` characters, cut at a word boundary.

    Returns "" when nothing sluggable is left (punctuation only, empty text);
    callers choose their own fallback.
    """
    # python-slugify's own word_boundary truncation skips a long word and keeps
    # later short ones; cut at the last whole word instead.
    slug = slugify(text or "", lowercase=True, separator="-").strip("-")
    return _shorten(slug, max_length)


def unique_ids(candidates: list[str], max_length: int = DEFAULT_MAX_LENGTH) -> list[str]:
    """Make slugs unique in list order: the first keeps its slug, later ones get -2, -3 ...

    Empty candidates become "item". A suffix never pushes an id past `max_length`:
    the base is shortened (at a hyphen when possible) to make room.
    """
    result: list[str] = []
    taken: set[str] = set()
    # Natural candidates keep their slug: a generated "x-2" never steals a literal "x-2".
    reserved = {candidate or FALLBACK_SLUG for candidate in candidates}
    counts: dict[str, int] = {}
    for candidate in candidates:
        base = candidate or FALLBACK_SLUG
        slug = base
        if slug in taken:
            number = counts.get(base, 1)
            while True:
                number += 1
                suffix = f"-{number}"
                stem = _shorten(base, max_length - len(suffix))
                slug = f"{stem}{suffix}"
                if slug not in taken and slug not in reserved:
                    break
            counts[base] = number
        taken.add(slug)
        result.append(slug)
    return result


def _shorten(slug: str, limit: int) -> str:
    """Cut `slug` to `limit` characters at a hyphen (mid-word only when a single word is too long)."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    if slug[limit] != "-" and "-" in cut:
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-") or slug[:limit]
