"""Sentences as shown: an article cut at every actor mention and quotation, a sentence with marks.

An article's body becomes runs of text (`Piece`) that link each actor's name to its page and
mark what is inside quotation marks; boilerplate (captions, credits, comments ...) stays
plain and folds away. A sentence cited for a mention has the mention marked (`Segment`).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from briefing.model import Paragraph, Source
from briefing.render.escaping import safe_name
from briefing.render.lookup import Lookup
from briefing.render.views import (
    ParagraphBlock,
    ParagraphView,
    Piece,
    Segment,
    SentenceRef,
)

ARTICLE_KINDS = frozenset({"body", "section"})


def sentence_ref(lookup: Lookup, source_id: str, anchor: str, marks: Iterable[tuple[int, int]] = ()) -> SentenceRef:
    """A sentence, cut into segments at `marks` (start, end offsets in its source's text)."""
    start, end, text = lookup.sentences.get((source_id, anchor), (0, 0, ""))
    pieces: list[tuple[str, bool]] = []
    cursor = start
    for m_start, m_end in sorted(set(marks)):
        if m_start < cursor or m_end > end or m_start >= m_end:
            continue
        pieces.append((text[cursor - start : m_start - start], False))
        pieces.append((text[m_start - start : m_end - start], True))
        cursor = m_end
    pieces.append((text[cursor - start :], False))
    # The escaping filter trims each piece, so remember where the spaces between them were.
    segments = []
    for i, (piece, mark) in enumerate(pieces):
        if not piece.strip():
            continue
        following = "".join(p for p, _ in pieces[i + 1 :])
        space_after = piece[-1].isspace() or (following[:1].isspace() if following.strip() else False)
        segments.append(Segment(piece, mark, space_after))
    return SentenceRef(
        source=lookup.source_link(source_id),
        anchor=lookup.anchor_link(source_id, anchor),
        text=text,
        segments=tuple(segments),
    )


def paragraph_blocks(lookup: Lookup, source: Source) -> list[ParagraphBlock]:
    """The source's paragraphs in order: the article's, annotated, and folded runs of boilerplate."""
    blocks: list[ParagraphBlock] = []
    mentions, quotes = _annotations(lookup, source)
    # Consecutive boilerplate paragraphs fold into one block labelled with their kinds.
    for paragraph in source.paragraphs:
        boilerplate = paragraph.kind not in ARTICLE_KINDS
        view = _paragraph_view(paragraph, [] if boilerplate else mentions, [] if boilerplate else quotes)
        if blocks and blocks[-1].boilerplate == boilerplate:
            blocks[-1].paragraphs.append(view)
            if boilerplate and paragraph.kind not in blocks[-1].kind.split(", "):
                blocks[-1].kind += f", {paragraph.kind}"
        else:
            blocks.append(ParagraphBlock(boilerplate, paragraph.kind if boilerplate else "article", [view]))
    return blocks


def _annotations(lookup: Lookup, source: Source) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Where this source names an actor (start, end, page) and quotes someone (start, end)."""
    quotes = [(q.start, q.end) for q in lookup.quotes_by_source.get(source.id, []) if q.kind != "indirect"]
    return sorted(lookup.mentions_by_source.get(source.id, [])), sorted(quotes)


def _paragraph_view(
    paragraph: Paragraph, mentions: list[tuple[int, int, str]], quotes: list[tuple[int, int]]
) -> ParagraphView:
    sentences = readable_sentences(paragraph)
    return ParagraphView(
        anchor=safe_name(paragraph.anchor),
        kind=paragraph.kind,
        sentences=[(safe_name(anchor), text) for anchor, _, text in sentences],
        text=paragraph.text,
        annotated=[(safe_name(anchor), _pieces(start, text, mentions, quotes)) for anchor, start, text in sentences],
    )


def readable_sentences(paragraph: Paragraph) -> list[tuple[str, int, str]]:
    """The paragraph's sentences as (anchor, start, text), a sentence without a word (a lone opening
    quotation mark the splitter cut off) joined to the next one, or to the one before when it is last.

    The joined sentence keeps the anchor of the one with words: records cite sentences with words.
    """
    joined: list[tuple[str, int, int]] = []  # (anchor, start, end)
    pending: int | None = None  # start of the wordless run waiting for the next sentence
    for sentence in paragraph.sentences:
        if not any(c.isalnum() for c in sentence.text):
            pending = sentence.start if pending is None else pending
            continue
        joined.append((sentence.anchor, sentence.start if pending is None else pending, sentence.end))
        pending = None
    if pending is not None:
        if joined:
            anchor, start, _ = joined.pop()
            joined.append((anchor, start, paragraph.sentences[-1].end))
        else:  # nothing but punctuation: shown as it is
            return [(s.anchor, s.start, s.text) for s in paragraph.sentences]
    offset = paragraph.start
    return [(anchor, start, paragraph.text[start - offset : end - offset].rstrip()) for anchor, start, end in joined]


def _pieces(start: int, text: str, mentions: list[tuple[int, int, str]], quotes: list[tuple[int, int]]) -> list[Piece]:
    """Cut a sentence at every mention and quotation boundary inside it."""
    end = start + len(text)
    inside: list[tuple[int, int, str]] = []
    # Overlapping mentions ("Dunmore" inside "Dunmore's assembly"): the longer one is linked.
    for a, b, href in sorted((m for m in mentions if start <= m[0] < m[1] <= end), key=lambda m: (m[0] - m[1], m[0])):
        if all(b <= x or a >= y for x, y, _ in inside):
            inside.append((a, b, href))
    quoted = [(max(a, start), min(b, end)) for a, b in quotes if a < end and b > start]
    cuts = sorted({start, end, *(x for a, b, _ in inside for x in (a, b)), *(x for span in quoted for x in span)})
    pieces = []
    for a, b in pairwise(cuts):
        href = next((h for m_a, m_b, h in inside if m_a <= a and b <= m_b), "")
        in_quote = any(q_a <= a and b <= q_b for q_a, q_b in quoted)
        pieces.append(Piece(text[a - start : b - start], href, in_quote))
    return pieces

