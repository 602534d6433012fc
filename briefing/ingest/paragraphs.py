"""Paragraphs: split an article's text into paragraphs, joining lines a hard wrap broke."""

from __future__ import annotations

import re

from briefing.lexicon.press import INNER_NOTE_LABEL

BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u25e6\u2043\u2219*\-+]|\d{1,2}[.)])\s+")
SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$|[\"\u201d]$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph in `text`, pointing exactly at its stripped text.

    Handles blank-line separated paragraphs, one paragraph per line, and
    hard-wrapped text (lines of similar width inside a paragraph), whose lines
    are joined. Bullet lines are paragraphs of their own, and so is a note run into a paragraph
    ("Editor's note: ...").
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
    return [part for span in spans for part in _split_at_notes(text, span)]


def _split_at_notes(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """ "... that year. Editor's note: A previous version ..." -> the reporting, then the note: a
    note the page ran into a paragraph is a paragraph of its own."""
    start, end = span
    parts = []
    for match in INNER_NOTE_LABEL.finditer(text, start, end):
        parts.append((start, match.start()))
        start = match.end()
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
