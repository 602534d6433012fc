"""Lines an outlet prints on several of its pages: a reused photo caption, a speaker label, a
section label. Across the corpus, a short paragraph found word for word in two or more articles of
the same outlet is the outlet's page furniture, not reporting (reports of one outlet do not repeat
a short sentence verbatim, but its templates and picture desk do).
"""

from __future__ import annotations

import re
from collections import defaultdict

from briefing.model import Source

# Longer paragraphs repeated by one outlet are shared reporting (an agency paragraph), not furniture.
MAX_REPEATED_WORDS = 14
# Kinds a repeated line is taken from: reporting and sub-headings.
REPEATABLE_KINDS = ("body", "section")


def fold_repeated_lines(sources: list[Source]) -> list[Source]:
    """The sources with each short line that another article of their outlet repeats marked "repeated"."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for source in sources:
        for p in source.paragraphs:
            key = _line_key(source, p.text, p.kind)
            if key is not None:
                seen[key].add(source.id)
    result = []
    for source in sources:
        marked = [
            p.model_copy(update={"kind": "repeated"})
            if (key := _line_key(source, p.text, p.kind)) is not None and len(seen[key]) >= 2
            else p
            for p in source.paragraphs
        ]
        changed = any(a.kind != b.kind for a, b in zip(marked, source.paragraphs))
        result.append(source.model_copy(update={"paragraphs": marked}) if changed else source)
    return result


def _line_key(source: Source, text: str, kind: str) -> tuple[str, str] | None:
    if source.outlet is None or kind not in REPEATABLE_KINDS or len(text.split()) > MAX_REPEATED_WORDS:
        return None
    words = re.sub(r"\W+", " ", text.casefold()).strip()
    return (source.outlet.casefold(), words) if words else None
