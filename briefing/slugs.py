"""Safe, stable, unique slugs for source, actor and event ids.

An id becomes a file name (`actors/<id>.md`) and an URL on every OS, so a slug is
made only of [a-z0-9] runs joined by single hyphens: no dots (so no `..` and no
extension), no separators, no leading or trailing hyphen, never longer than its
bound, and never a name Windows reserves for a device (CON, NUL, COM1 ...).
"""

from __future__ import annotations

import re

from slugify import slugify

DEFAULT_MAX_LENGTH = 60
FALLBACK_SLUG = "item"
# Device names Windows reserves in any folder, with or without an extension.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin", "conout"}
    | {f"com{n}" for n in "123456789"}
    | {f"lpt{n}" for n in "123456789"}
)
RESERVED_SUFFIX = "-id"
SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slugify_id(text: str, max_length: int = DEFAULT_MAX_LENGTH) -> str:
    """Lowercase ASCII slug of `text`, at most `max_length` characters, cut at a word boundary.

    Returns "" when nothing sluggable is left (punctuation only, empty text);
    callers choose their own fallback.
    """
    # python-slugify's own word_boundary truncation skips a long word and keeps
    # later short ones; cut at the last whole word instead.
    slug = slugify(text or "", lowercase=True, separator="-").strip("-")
    return _unreserve(_shorten(slug, max_length), max_length)


def is_safe_slug(slug: str, max_length: int = DEFAULT_MAX_LENGTH) -> bool:
    """True when slug is a non-empty id that is safe as a file name and an URL on every OS."""
    return (
        0 < len(slug) <= max_length
        and SAFE_SLUG.fullmatch(slug) is not None
        and slug not in WINDOWS_RESERVED
    )


def unique_ids(candidates: list[str], max_length: int = DEFAULT_MAX_LENGTH) -> list[str]:
    """Make slugs unique in list order: the first keeps its slug, later ones get -2, -3 ...

    Empty candidates become "item". A suffix never pushes an id past `max_length`:
    the base is shortened (at a hyphen when possible) to make room.
    """
    result: list[str] = []
    taken: set[str] = set()
    # Natural candidates keep their slug: a generated "x-2", a fallback "item" or a repaired
    # unsafe candidate never steals a slug that a later candidate has as it is.
    reserved = {candidate for candidate in candidates if is_safe_slug(candidate, max_length)}
    counts: dict[str, int] = {}
    for candidate in candidates:
        natural = candidate in reserved
        base = candidate if natural else (slugify_id(candidate, max_length) or FALLBACK_SLUG)
        slug = base
        if slug in taken or (not natural and slug in reserved):
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


def _unreserve(slug: str, limit: int) -> str:
    """"con" -> "con-id", "nul" -> "nul-id": a device name is never a file name, not even as "con.md".

    Slugs hold no dots, so only a slug that is the device name itself is reserved ("nul-txt" is not).
    """
    if slug not in WINDOWS_RESERVED:
        return slug
    unreserved = f"{slug}{RESERVED_SUFFIX}"
    return unreserved if len(unreserved) <= limit else slug[: max(limit - 1, 0)] + "x"
