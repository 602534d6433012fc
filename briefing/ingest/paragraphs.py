"""Paragraphs: split an article's text into paragraphs, joining lines a hard wrap broke."""

from __future__ import annotations

import re

from briefing.lexicon.press import (
    INNER_DATE_LABEL,
    INNER_NOTE_LABEL,
    PUBLICATION_LABELS,
)

BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u25e6\u2043\u2219*\-+]|\d{1,2}[.)])\s+")
SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$|[\"\u201d]$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph in `text`, pointing exactly at its stripped text.

    Handles blank-line separated paragraphs, one paragraph per line, and
    hard-wrapped text (lines of similar width inside a paragraph), whose lines
    are joined. Bullet lines are paragraphs of their own, and so is a note or a date line run
    into a paragraph ("Editor's note: ...", "Updated: 2031-03-03").
    """
    lines = _lines(text)
    width = _wrap_width([line for _, _, line in lines if line.strip()])
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous = ""
    for start, end, line in lines:
        stripped = line.strip()
        if not stripped:
            _flush(spans, current)
            current = None
            previous = ""
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        span = (start + lead, end - trail)
        if current is not None and width and _continues(previous, stripped, width):
            current = (current[0], span[1])
        else:
            _flush(spans, current)
            current = span
        previous = stripped
    _flush(spans, current)
    return [part for span in spans for part in _split_at_labels(text, span)]


# Words that end a date line rather than a headline: "First Published:", "8:33 am Updated:", "ET Last Updated:".
_DATE_LINE_END = re.compile(r"^(?:[ap]\.?m\.?|[A-Z]{2,5}|\S*\d\S*)$")


def _ends_headline(before: str) -> bool:
    """Whether the words before a date label end a headline (not another date line, nor its label)."""
    words = before.split()
    return bool(words) and words[-1].lower() not in PUBLICATION_LABELS and not _DATE_LINE_END.match(words[-1])


def _split_at_labels(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """ "... that year. Editor's note: A previous version ..." -> the reporting, then the note; "Ferry
    order signed Updated: 2031-03-03 06:50" -> the headline, then the date line: a note or a date
    line that the page ran into a paragraph is a paragraph of its own."""
    start, end = span
    parts = []
    cuts = sorted(
        [m.span() for m in INNER_NOTE_LABEL.finditer(text, start, end)]
        + [m.span() for m in INNER_DATE_LABEL.finditer(text, start, end) if _ends_headline(text[start : m.start()])]
    )
    for cut_start, cut_end in cuts:
        if cut_start > start:
            parts.append((start, cut_start))
            start = cut_end
    parts.append((start, end))
    return parts


def _lines(text: str) -> list[tuple[int, int, str]]:
    result = []
    position = 0
    for line in text.split("\n"):
        result.append((position, position + len(line), line))
        position += len(line) + 1
    return result


def _flush(spans: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
    if current is not None and current[1] > current[0]:
        spans.append(current)
    return None


def _wrap_width(lines: list[str]) -> int:
    """The wrap width if the text is hard-wrapped, else 0.

    Hard-wrapped text has no line much longer than ~100 characters and many
    lines close to the same maximum; pasted web text has long paragraph lines.
    """
    lengths = [len(line.rstrip()) for line in lines]
    if len(lengths) < 4:
        return 0
    longest = max(lengths)
    if longest > 110 or longest < 40:
        return 0
    full = [n for n in lengths if n >= longest * 0.75]
    if len(full) < 3 or len(full) < len(lengths) * 0.4:
        return 0
    return longest


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether `line` continues the hard-wrapped paragraph that `previous` ended."""
    if BULLET.match(line):
        return False
    first_word = line.split()[0]
    # The classic test: had the next word fitted on the previous line, the
    # writer broke the line on purpose (end of paragraph).
    would_fit = len(previous) + 1 + len(first_word) <= width
    if not would_fit:
        return True
    return not SENTENCE_END.search(previous) and line[:1].islower()
