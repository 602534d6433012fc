"""Layout: tell the reporter's text from page furniture, paragraph by paragraph, by what each
paragraph is (briefing.ingest.furniture) and where it stands in the page: the header above the
first body paragraph, an advocacy preamble, reader comments and bios at the end, sub-headings.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.ingest.captions import is_credited_caption, mark_page_captions
from briefing.ingest.furniture import (
    is_advert,
    is_advocacy,
    is_appeal,
    is_bio,
    is_bracketed_link,
    is_byline,
    is_caption,
    is_caption_like,
    is_comment,
    is_credit,
    is_dateline,
    is_embed,
    is_follow_prompt,
    is_headline_like,
    is_kicker,
    is_located_byline,
    is_media,
    is_note,
    is_picture_caption,
    is_picture_description,
    is_print_edition,
    is_quoted_heading,
    is_read_more_link,
    is_related,
    is_related_headline,
    is_section_heading,
    is_share,
    is_sidebar,
    is_signup,
    looks_like_organisation,
    looks_like_person,
    plain_text,
    repeats_headline,
    words_of,
)
from briefing.ingest.paragraphs import BULLET
from briefing.model import ParagraphKind

# Furniture a line is by itself, wherever it stands; the first rule that holds wins.
FURNITURE_RULES: list[tuple[ParagraphKind, Callable[[str], bool]]] = [
    ("credit", is_credit),
    ("note", is_note),
    ("note", is_print_edition),
    ("caption", is_caption),
    ("caption", is_credited_caption),
    ("dateline", is_dateline),
    ("byline", is_byline),
    ("share", is_share),
    ("share", is_follow_prompt),
    ("advert", is_advert),
    ("signup", is_signup),
    ("media", is_media),
    ("sidebar", is_sidebar),
    ("appeal", is_appeal),
    ("embed", is_embed),
    ("related", is_related),
    ("related", is_read_more_link),
    ("related", is_bracketed_link),
]


# A page that prints its captions as lines without a full stop has at least this many of them,
# and this share of its reporting-like paragraphs (a sentence that lost its full stop is rarer).
MIN_CAPTION_LINES = 5
MIN_CAPTION_SHARE = 0.2
# Furniture that heads a list of links, and how long its bare label may be ("More on this story").
LIST_KINDS = ("related", "sidebar")
MAX_LIST_LABEL_WORDS = 4


def classify_paragraphs(texts: list[str]) -> list[ParagraphKind]:
    """The kind of each paragraph: "body" for the reporter's text, else the kind of furniture."""
    plain = [plain_text(t) for t in texts]
    kinds: list[ParagraphKind] = ["body"] * len(texts)
    for index, text in enumerate(plain):
        for kind, rule in FURNITURE_RULES:
            if rule(text):
                kinds[index] = kind
                break
    headline_index = _mark_header(plain, kinds, texts)
    _mark_preamble(plain, kinds, headline_index)
    _mark_tail(plain, kinds)
    _mark_inner_headings(plain, kinds, texts)
    _mark_unpunctuated_captions(plain, kinds)
    mark_page_captions(plain, kinds)
    return kinds


def _mark_header(plain: list[str], kinds: list[ParagraphKind], raw: list[str]) -> int | None:
    """Headline, kicker, standfirst, repeated title, bylines and captions above the first body paragraph."""
    if not plain:
        return None
    index = 0
    # A kicker ("World News") directly above a title-like line.
    if kinds[0] == "body" and len(plain) > 1 and is_kicker(plain[0]) and is_headline_like(plain[1]) and kinds[1] == "body":
        kinds[0] = "section"
        index = 1
    while index < len(plain) and kinds[index] != "body":
        index += 1
    if index >= len(plain):
        return None
    first = plain[index]
    markdown_title = raw[index].lstrip().startswith("#")
    if not (markdown_title or is_headline_like(first) or (len(words_of(first)) <= 14 and not first.endswith("."))):
        return None
    kinds[index] = "headline"
    headline = first
    position = index + 1
    # The header block: until the first paragraph that reads like reporting.
    while position < len(plain):
        text = plain[position]
        kind = kinds[position]
        if repeats_headline(text, headline):
            kinds[position] = "headline"
        elif kind != "body":
            pass
        elif position == index + 1 and is_headline_like(text) and len(words_of(text)) >= 6 and not is_advocacy(text):
            kinds[position] = "headline"  # standfirst (dek) under the title
        elif is_picture_description(text):
            kinds[position] = "caption"
        elif looks_like_person(text) or looks_like_organisation(text) and len(words_of(text)) <= 5:
            kinds[position] = "byline"  # a bare author (or outlet) name line
        elif is_located_byline(text):
            kinds[position] = "byline"  # "Jane Doe in City"
        else:
            if not _later_repeat(plain, position, headline):
                break
        position += 1
    return index


def _later_repeat(plain: list[str], position: int, headline: str) -> bool:
    """Whether the headline is repeated within the next few paragraphs (republisher layouts)."""
    return any(repeats_headline(text, headline) for text in plain[position + 1 : position + 12])


def _mark_preamble(plain: list[str], kinds: list[ParagraphKind], headline_index: int | None) -> None:
    """Advocacy text before a republished article: calls to action, and all between title and its repeat."""
    start = 0 if headline_index is None else headline_index + 1
    repeat = None
    if headline_index is not None:
        for position in range(start, min(len(plain), start + 15)):
            if repeats_headline(plain[position], plain[headline_index]):
                repeat = position
                break
    block = range(start, repeat) if repeat is not None else range(start, len(plain))
    advocacy = [i for i in block if kinds[i] in ("body", "caption", "byline") and is_advocacy(plain[i])]
    if not advocacy:
        return
    if repeat is not None:
        for i in block:
            if kinds[i] in ("body", "caption", "byline"):
                kinds[i] = "preamble"
        return
    # No repeated title: the leading run of calls to action (before any reporting).
    for i in block:
        if kinds[i] != "body" and kinds[i] != "preamble":
            continue
        if is_advocacy(plain[i]) or (i - 1 in advocacy and i + 1 in advocacy):
            kinds[i] = "preamble"
        else:
            break


def _mark_tail(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """Reader comments and their closing notices near the end, then author bios."""
    _mark_comments(plain, kinds)
    _mark_bios(plain, kinds)


def _first_body(kinds: list[ParagraphKind]) -> int | None:
    return next((i for i, k in enumerate(kinds) if k == "body"), None)


def _mark_comments(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """Everything from the first signed comment to the end (notices keep their kind) is comments."""
    count = len(plain)
    first_body = _first_body(kinds)
    if first_body is None:
        return
    comments = [i for i in range(first_body + 1, count) if kinds[i] == "body" and is_comment(plain[i])]
    if not comments:
        return
    # One signed comment only counts in the last part of the page; a run counts anywhere after the lead.
    late = [i for i in comments if i >= count * 0.6]
    start: int | None
    if len(comments) >= 2:
        start = comments[0] if len(comments) - len(late) <= 1 else late[0] if len(late) >= 2 else None
    else:
        start = late[0] if late and count - late[0] <= 3 else None
    if start is None:
        return
    # Comments fill the tail: most remaining reporting-like paragraphs must be signed.
    rest = [i for i in range(start, count) if kinds[i] == "body"]
    if sum(i in comments for i in rest) < 0.6 * len(rest):
        return
    for i in range(start, count):
        if kinds[i] == "body":
            kinds[i] = "comment"


def _mark_bios(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """ "<Full Name> is a reporter ..." in the second half, closing the article."""
    count = len(plain)
    first_body = _first_body(kinds)
    if first_body is None:
        return
    for i in range(first_body + 1, count):
        # A bio closes the article: at most one reporting-like paragraph may follow it.
        trailing_body = sum(kinds[j] == "body" for j in range(i + 1, count))
        if kinds[i] == "body" and is_bio(plain[i]) and i >= count * 0.5 and trailing_body <= 1:
            kinds[i] = "bio"


def _mark_inner_headings(plain: list[str], kinds: list[ParagraphKind], raw: list[str]) -> None:
    """Sub-headings, captions and headline-like related links between body paragraphs; the
    headlines listed under a bare "Read more:" or "Most read" label."""
    # Paragraphs that open or continue a list of links: a bare label ("Read more:") and its items.
    listed = {i for i, text in enumerate(plain) if kinds[i] in LIST_KINDS and len(words_of(text)) <= MAX_LIST_LABEL_WORDS}
    for i, text in enumerate(plain):
        if kinds[i] != "body" or BULLET.match(raw[i]):
            continue
        if raw[i].lstrip().startswith("#"):
            kinds[i] = "section"
        elif is_picture_caption(text):
            kinds[i] = "caption"
        elif i - 1 in listed and is_headline_like(text):
            kinds[i] = kinds[i - 1]  # the next headline of a "Read more:" or "Most read" list
            listed.add(i)
        elif is_quoted_heading(text):
            kinds[i] = "section"
        elif is_related_headline(text):
            kinds[i] = "related"
        elif is_section_heading(text):
            kinds[i] = "section"


def _mark_unpunctuated_captions(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """Captions printed between paragraphs as sentences without a full stop ("Dockers march
    to the harbour gates after the vote"), when the page prints many of them."""
    body = [i for i, kind in enumerate(kinds) if kind == "body"]
    lines = [i for i in body if is_caption_like(plain[i])]
    if len(lines) >= MIN_CAPTION_LINES and len(lines) >= MIN_CAPTION_SHARE * len(body):
        for i in lines:
            kinds[i] = "caption"
