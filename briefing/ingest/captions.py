"""Captions told by the form of their credit, whoever the agency ("(Dana Whitfield/Harbour
Images)"), and captions told by the page as a whole rather than by one line: a caption or pull
quote that prints again words of the article's text, a picture credit that opens several
captions of the page, a line in a run of captions, an unpunctuated line beside a video player.

Every page-level rule takes lines without a sentence's final punctuation only: reporting ends
its sentences, captions, pull quotes and player labels often do not.
"""

from __future__ import annotations

import re
from collections import defaultdict

from briefing.ingest.furniture import (
    MIN_CAPTION_WORDS as MIN_UNPUNCTUATED_CAPTION_WORDS,
)
from briefing.ingest.furniture import has_final_punctuation, is_title_case, words_of
from briefing.lexicon.press import (
    BRACKETED_CREDIT,
    LICENSOR_CREDIT,
    PICTURE_DESK_WORD,
    TRAILING_AGENCY_CREDIT,
    TRAILING_SLASH_CREDIT,
)
from briefing.model import ParagraphKind

# A caption is short: a credited paragraph longer than this is reporting that ends with a bracket.
MAX_CREDITED_CAPTION_WORDS = 80
# A bare credit after the caption's full stop closes a sentence or two, with no quotation in them.
MAX_TRAILING_CREDIT_WORDS = 45


def is_credited_caption(text: str) -> bool:
    """A caption told by the form of its credit, whoever the agency: "... in Ellery. (Dana
    Whitfield/Harbour Images)", "... (Harbour Images)", "... on Tuesday. Dana Whitfield/Harbour Herald",
    "Harbour Images or licensors Dockers march ...", "... on Tuesday. AFP"."""
    words = len(words_of(text))
    if words > MAX_CREDITED_CAPTION_WORDS:
        return False
    bracket = BRACKETED_CREDIT.search(text)
    # "(Dana Whitfield/Harbour Images)", not "(AC/DC)": a name and an organisation, or a picture desk.
    if bracket and (len(words_of(bracket.group(0))) >= 3 or re.search(PICTURE_DESK_WORD, bracket.group(0))):
        return True
    if LICENSOR_CREDIT.match(text):
        return True
    if words > MAX_TRAILING_CREDIT_WORDS or re.search(r"[\"\u201c\u201d]", text):
        return False
    trailing = TRAILING_SLASH_CREDIT.search(text)
    return bool(trailing and len(words_of(trailing.group(0))) >= 3) or TRAILING_AGENCY_CREDIT.search(text) is not None


# A caption or pull quote repeats a run of at least this many words of another paragraph
# (a shorter run is a phrase two sentences may share: "on suspicion of manslaughter").
MIN_REPEATED_RUN = 7
# ... and those runs cover most of it (a lead that shares a phrase with a later paragraph does not).
MIN_REPEATED_SHARE = 0.6
# An opening shared by captions is a credit of one to three capitalised words ("Harbour Images").
MAX_CREDIT_WORDS = 3
# Captions that share a credit have at least this many words (a credit and a described picture).
MIN_CAPTION_WORDS = 5
# A player's caption is short.
MAX_PLAYER_CAPTION_WORDS = 20
# Kinds of a video player's furniture: a line beside one is its caption.
PLAYER_KINDS = ("media",)


def mark_page_captions(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """Mark, in place, the body lines that the page's other lines show to be captions."""
    _mark_repeated_runs(plain, kinds)
    _mark_shared_credits(plain, kinds)
    _mark_player_captions(plain, kinds)
    _mark_caption_runs(plain, kinds)


def _unpunctuated(plain: list[str], kinds: list[ParagraphKind], minimum: int) -> list[int]:
    return [
        i for i, text in enumerate(plain)
        if kinds[i] == "body" and not has_final_punctuation(text) and len(words_of(text)) >= minimum
    ]


def _word_runs(words: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}



def _folded_words(text: str) -> list[str]:
    return [w.casefold().replace("\u2019", "'") for w in words_of(text)]


def _mark_repeated_runs(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """ "Dockers marched to the gates before dawn on Tuesday Dana Whitfield" beside the paragraph
    "Dockers marched to the gates before dawn on Tuesday, said Dana Whitfield.": a pull quote or
    a caption printing the article's words again, without their full stop."""
    candidates = _unpunctuated(plain, kinds, MIN_REPEATED_RUN)
    if not candidates:
        return
    body = [i for i, kind in enumerate(kinds) if kind == "body"]
    words_of_line = {i: _folded_words(plain[i]) for i in body}
    owners: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i in body:
        for run in _word_runs(words_of_line[i], MIN_REPEATED_RUN):
            if len(owners[run]) < 2:  # two owners settle it; long pages stay linear
                owners[run].add(i)
    for i in candidates:
        words = words_of_line[i]
        covered: set[int] = set()
        for start in range(len(words) - MIN_REPEATED_RUN + 1):
            if owners[tuple(words[start : start + MIN_REPEATED_RUN])] - {i}:
                covered.update(range(start, start + MIN_REPEATED_RUN))
        # Most of the line is printed elsewhere: only a credit or a name is its own.
        if len(covered) >= MIN_REPEATED_SHARE * len(words):
            kinds[i] = "caption"


_CAPITALISED = re.compile(r"^[A-Z][\w&.'\u2019\-]*$")


def _credit_openings(text: str) -> list[str]:
    """ "Harbour Images Dana Whitfield waves ..." -> ["Harbour", "Harbour Images", "Harbour Images Dana"]:
    the openings of capitalised words that a capitalised word follows."""
    words = text.split()
    openings = []
    for size in range(1, MAX_CREDIT_WORDS + 1):
        if len(words) <= size or not all(_CAPITALISED.match(w) for w in words[: size + 1]):
            break
        openings.append(" ".join(words[:size]))
    return openings


def _mark_shared_credits(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """ "Harbour Images Dana Whitfield waves to the crowd" and "Harbour Images The ferry leaves the
    slipway": unpunctuated lines opened by the same credit of two or more words are captions."""
    lines_of: dict[str, set[int]] = defaultdict(set)
    for i in _unpunctuated(plain, kinds, MIN_CAPTION_WORDS):
        for opening in _credit_openings(plain[i]):
            if len(opening.split()) >= 2:
                lines_of[opening].add(i)
    for lines in lines_of.values():
        if len(lines) >= 2:
            for i in lines:
                kinds[i] = "caption"


def _mark_player_captions(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """ "Media playback is unsupported on your device" then "Dana Whitfield on the ferry order": an
    unpunctuated short line beside a video player's furniture is the video's caption."""
    for i, text in enumerate(plain):
        if kinds[i] != "body" or has_final_punctuation(text) or len(words_of(text)) > MAX_PLAYER_CAPTION_WORDS:
            continue
        if any(0 <= j < len(plain) and kinds[j] in PLAYER_KINDS for j in (i - 1, i + 1)):
            kinds[i] = "media"


# Captions name people and places: beside other captions, only a line nearly all capitalised is a heading.
HEADING_CAPITALS_SHARE = 0.8
_QUOTE_OPEN = "\"'\u201c\u2018\u201d"


def _caption_beside_captions(text: str) -> bool:
    return (
        len(words_of(text)) >= MIN_UNPUNCTUATED_CAPTION_WORDS
        and not has_final_punctuation(text)
        and not is_title_case(text, HEADING_CAPITALS_SHARE)
        and text[:1] not in _QUOTE_OPEN
    )


# Furniture printed in runs, and the kind a bare line beside it takes.
RUN_KINDS: dict[str, ParagraphKind] = {"caption": "caption", "related": "related", "sidebar": "related"}


def _mark_caption_runs(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """ "Dana Whitfield waves from the bridge (Harbour Images)" then "Crowds line the quay to watch
    the ferry leave": a page prints its pictures in runs, so a caption-like line without a full stop
    beside a caption is one too (a credit is often printed on one picture of a run only); beside a
    list of links or a "Most read" box, such a line is a link's headline."""
    changed = True
    while changed:
        changed = False
        for i, text in enumerate(plain):
            if kinds[i] != "body" or not _caption_beside_captions(text):
                continue
            beside = [kinds[j] for j in (i - 1, i + 1) if 0 <= j < len(plain)]
            kind = next((RUN_KINDS[k] for k in beside if k in RUN_KINDS), None)
            if kind is not None:
                kinds[i] = kind
                changed = True
