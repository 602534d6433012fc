"""Quotation marks as characters: pair opening and closing marks, one paragraph at a time.

No spaCy here. Curly and straight, double and single marks; apostrophes inside
and at the edges of words ("Norway’s", "don't", "’80s", "MPs'") are not marks. A
quotation never runs past the end of its paragraph: when the paragraph ends with
a quote still open, the quote is kept only if the next paragraph opens with a
quote mark (the convention for a quotation over several paragraphs). Typewriter
and TeX style pairs, two apostrophes ('') or two backticks (``), are double marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
# Characters that may stand right before an opening mark / right after a closing mark.
BEFORE_OPEN = set(" \t\n\xa0\u2009\u202f([{—–-/:") | set(DOUBLE_OPEN)
AFTER_CLOSE = set(" \t\n\xa0\u2009\u202f)]}—–-/.,;:!?…") | set(DOUBLE_CLOSE)
# Elisions that start with an apostrophe: ’80s, ’em, ’til, ’n’.
ELISION = re.compile(r"[’']((\d\d)s?\b|em\b|til\b|tis\b|n[’']|cause\b)", re.IGNORECASE)
# A two-character double mark is scanned as '"' and this filler, which no rule reads as a word or a mark.
FILLER = "\u2060"
TYPEWRITER_MARKS = ("''", "``")
CLOSING_TRIPLE = re.compile(r"(?<=\S)'''")
TRIM = " \t\n\xa0\u2009\u202f,;:" + FILLER


@dataclass(frozen=True)
class Marked:
    """The words between a pair of quote marks: text[start:end], marks excluded."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ended the quote
    single: bool = False


def find_marked(text: str) -> list[Marked]:
    """Every balanced quotation in `text`, in text order."""
    text = _typewriter_marks(text)
    found: list[Marked] = []
    paragraphs = list(_paragraphs(text))
    for i, (start, end) in enumerate(paragraphs):
        next_opens = i + 1 < len(paragraphs) and _opens_with_quote(text, paragraphs[i + 1][0])
        found.extend(_scan_paragraph(text, start, end, next_opens))
    return found


def _typewriter_marks(text: str) -> str:
    """The text to scan, of the same length: each '' or `` as one straight double mark. Three
    apostrophes after a word close a single mark and then the double one."""
    text = CLOSING_TRIPLE.sub("'" + STRAIGHT_DOUBLE + FILLER, text)
    for pair in TYPEWRITER_MARKS:
        text = text.replace(pair, STRAIGHT_DOUBLE + FILLER)
    return text


def _paragraphs(text: str):
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


def _opens_with_quote(text: str, start: int) -> bool:
    rest = text[start:].lstrip(" \t•*-–—·")
    return bool(rest) and rest[0] in DOUBLE_OPEN + SINGLE_OPEN + STRAIGHT_DOUBLE + STRAIGHT_SINGLE


def _scan_paragraph(text: str, start: int, end: int, next_opens: bool) -> list[Marked]:
    found: list[Marked] = []
    double_at: int | None = None
    single_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if double_at is None and single_at is None:
            if _can_open_double(text, i):
                double_at = i
            elif _can_open_single(text, i, end):
                single_at = i
        elif double_at is not None:
            if _can_close_double(text, i, end):
                found.append(_marked(text, double_at, i))
                double_at = None
            elif ch in DOUBLE_OPEN:
                double_at = i  # an opening mark was never closed: resynchronise here
        elif _can_close_single(text, i, end):
            found.append(_marked(text, cast(int, single_at), i, single=True))  # double_at is None here, so single_at is set
            single_at = None
        elif _can_open_double(text, i):
            double_at, single_at = i, None  # the single mark was an apostrophe after all
    if double_at is not None and next_opens and _starts_quotation(text, start, double_at):
        found.append(_marked(text, double_at, None, end=end))
    return [m for m in found if m.end > m.start]


def _starts_quotation(text: str, start: int, mark: int) -> bool:
    """An unclosed mark opens a quotation over paragraphs only at the paragraph start or after ':' or ','."""
    before = text[start:mark].rstrip()
    return not before.strip(" \t•*-–—·") or before.endswith((":", ","))


def _marked(text: str, open_at: int, close_at: int | None, end: int | None = None, single: bool = False) -> Marked:
    stop = cast(int, close_at if close_at is not None else end)  # `end` is given when there is no closing mark
    start = open_at + 1
    while start < stop and text[start] in TRIM:
        start += 1
    while stop > start and text[stop - 1] in TRIM:
        stop -= 1
    return Marked(start, stop, open_at, close_at, single)


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else "\n"


def _next(text: str, i: int, end: int) -> str:
    return text[i + 1] if i + 1 < end else "\n"


def _can_open_double(text: str, i: int) -> bool:
    ch = text[i]
    if ch in DOUBLE_OPEN:
        return True
    if ch == STRAIGHT_DOUBLE:
        return _prev(text, i) in BEFORE_OPEN or _prev(text, i) in SINGLE_OPEN
    return False


def _can_close_double(text: str, i: int, end: int) -> bool:
    ch = text[i]
    if ch in DOUBLE_CLOSE:
        return True
    if ch == "“" and _prev(text, i) in ",.!?…" and not _next(text, i, end).isalnum():
        return True  # a closing mark typed the wrong way round: “It's rare,“ said Roe.
    if ch == STRAIGHT_DOUBLE:
        return not _next(text, i, end).isalnum() or not _prev(text, i).isspace()
    return False


def _can_open_single(text: str, i: int, end: int) -> bool:
    ch = text[i]
    if ch not in SINGLE_OPEN + STRAIGHT_SINGLE + "’":
        return False
    if _prev(text, i) not in BEFORE_OPEN and _prev(text, i) not in DOUBLE_OPEN + STRAIGHT_DOUBLE:
        return False
    if not _next(text, i, end).isalnum() or ELISION.match(text, i):
        return False
    if ch == "’" or ch == STRAIGHT_SINGLE:
        # an ambiguous mark opens a quote only if a closing mark follows in the paragraph
        return any(_can_close_single(text, j, end) for j in range(i + 2, end))
    return True


def _can_close_single(text: str, i: int, end: int) -> bool:
    if text[i] not in SINGLE_CLOSE + STRAIGHT_SINGLE:
        return False
    before, after = _prev(text, i), _next(text, i, end)
    if before.isspace() or after.isalnum():
        return False
    return after in AFTER_CLOSE or after in "\"”"
