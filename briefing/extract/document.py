"""One source through spaCy: sentences and anchors, then entities, quotes, times and events."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from briefing.extract.entities import extract_entities
from briefing.extract.nlp import doc_text, forget_ents
from briefing.extract.ranges import Ranges
from briefing.extract.version import EXTRACTION_SUPPORT, EXTRACTOR_VERSION  # noqa: F401 (re-exported)
from briefing.model import (
    EntitySpan,
    EventCandidate,
    Extraction,
    NumberSpan,
    Paragraph,
    QuoteSpan,
    Sentence,
    Source,
    TimeSpan,
)

# Paragraph kinds whose names, quotes and events are story content.
CONTENT_KINDS = frozenset({"body"})
# A headline (and the standfirst under it) tells the story's main event in a line of its own.
EVENT_KINDS = CONTENT_KINDS | {"headline"}
# spaCy's default max_length is 1,000,000 characters; chunks stay well below it
# so that memory stays bounded on very long articles.
CHUNK_CHARS = 100_000


def nlp_text(source: Source) -> str:
    """The text spaCy reads: Source.text with line breaks inside a paragraph as spaces.

    Same length as Source.text, so every offset is an offset into Source.text.
    """
    chars = list(source.text)
    for paragraph in source.paragraphs:
        for i in range(paragraph.start, paragraph.end):
            if chars[i] == "\n":
                chars[i] = " "
    return "".join(chars)


def chunk_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Split text at line breaks into pieces of at most `limit` characters (joined, they give text back)."""
    chunks: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        end = cut + 1 if cut > start else start + limit
        chunks.append(text[start:end])
        start = end
    chunks.append(text[start:])
    return chunks


def parse_sources(
    sources: Sequence[Source], nlp: Language, *, batch_size: int = 16, n_process: int = 1
) -> Iterator[tuple[Source, Doc]]:
    """Parse sources with nlp.pipe, long texts in chunks joined back into one Doc."""
    pieces: list[tuple[int, str]] = []
    for index, source in enumerate(sources):
        pieces.extend((index, chunk) for chunk in chunk_text(nlp_text(source)))
    current: list[Doc] = []
    current_index = 0
    texts = (text for _, text in pieces)
    for (index, _), doc in zip(pieces, nlp.pipe(texts, batch_size=batch_size, n_process=n_process)):
        if index != current_index and current:
            yield sources[current_index], _join(current)
            current = []
        current_index = index
        current.append(doc)
    if current:
        yield sources[current_index], _join(current)


def _join(docs: list[Doc]) -> Doc:
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def extract_source(source: Source, doc: Doc) -> Extraction:
    """Everything extract finds in one parsed source, anchored to its sentences."""
    from briefing.extract.events import extract_events
    from briefing.extract.numbers import extract_numbers
    from briefing.extract.quotes import extract_quotes
    from briefing.extract.times import extract_times

    paragraphs = split_sentences(source.paragraphs, doc)
    source = source.model_copy(update={"paragraphs": paragraphs})
    anchors = AnchorIndex(paragraphs)
    published = source.published
    try:
        quotes = anchors.keep(extract_quotes(doc))
        # What a speaker says inside quote marks is a statement, not the reporter's account of an event.
        quoted = Ranges((q.start, q.end) for q in quotes if q.kind == "direct")
        headlines = [(p.start, p.end) for p in paragraphs if p.kind == "headline"]
        events = [e for e in extract_events(doc, published, headlines=headlines) if not quoted.covers(e.start)]
        return Extraction(
            source=source,
            entities=anchors.keep(extract_entities(doc)),
            quotes=quotes,
            times=anchors.keep(extract_times(doc, published)),
            events=AnchorIndex(paragraphs, EVENT_KINDS).keep(events),
            numbers=anchors.keep(extract_numbers(doc)),
        )
    finally:
        forget_ents(doc)


def split_sentences(paragraphs: Sequence[Paragraph], doc: Doc) -> list[Paragraph]:
    """Fill each paragraph's sentences from the parse; anchors are "s<paragraph>-<sentence>"."""
    starts = [sent.start_char for sent in doc.sents]
    result = []
    for paragraph in paragraphs:
        number = paragraph.anchor.lstrip("p")
        sentences: list[Sentence] = []
        inside = starts[bisect.bisect_right(starts, paragraph.start) : bisect.bisect_left(starts, paragraph.end)]
        bounds = [paragraph.start, *inside]
        bounds.append(paragraph.end)
        for start, end in zip(bounds, bounds[1:]):
            text = doc_text(doc)[start:end]
            stripped = text.strip()
            if not stripped:
                continue
            lead = len(text) - len(text.lstrip())
            sentences.append(
                Sentence(
                    anchor=f"s{number}-{len(sentences) + 1}",
                    start=start + lead,
                    end=start + lead + len(stripped),
                    text=stripped,
                )
            )
        result.append(paragraph.model_copy(update={"sentences": sentences}))
    return result


Anchored = TypeVar("Anchored", EntitySpan, QuoteSpan, TimeSpan, EventCandidate, NumberSpan)


class AnchorIndex:
    """Maps a character offset to its sentence anchor; keeps only what lies in story paragraphs."""

    def __init__(self, paragraphs: Sequence[Paragraph], kinds: frozenset[str] = CONTENT_KINDS) -> None:
        self.sentences = [s for p in paragraphs if p.kind in kinds for s in p.sentences]
        self.starts = [s.start for s in self.sentences]

    def anchor_at(self, offset: int) -> str | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.sentences[i].end:
            return None
        return self.sentences[i].anchor

    def keep(self, records: Iterable[Anchored]) -> list[Anchored]:
        """The records that start in a story sentence, with that sentence's anchor."""
        kept = []
        for record in records:
            anchor = self.anchor_at(record.start)
            if anchor is not None:
                kept.append(record.model_copy(update={"anchor": anchor}))
        return kept
