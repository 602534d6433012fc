"""Loading the spaCy pipeline: the one place that knows package names and components."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefing.errors import ModelNotInstalledError

# What extraction uses: the parser (sentences, dependencies), tagger, lemmatizer
# and NER. Nothing else is loaded.
NEWLINE_BOUNDARIES = "briefing_newline_boundaries"


@Language.component(NEWLINE_BOUNDARIES)
def set_newline_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: a line is at least a paragraph in our input."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc


# Doc.user_data key of the text, computed once per Doc.
TEXT_KEY = "briefing_text"


def doc_text(doc: Doc) -> str:
    """Doc.text, computed once: spaCy joins every token's text on each access, which made
    the extractors (that slice the text many times per Doc) quadratic in the Doc's length."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


# Doc.user_data keys of what is made once per Doc and dropped by forget_ents: the entity
# spans with their first tokens, the noun chunks with theirs, and the lower-case words
# the tagger used as participles or prepositions.
ENTS_KEY = "briefing_ents"
CHUNKS_KEY = "briefing_noun_chunks"
FUNCTION_WORDS_KEY = "briefing_function_words"


class SpanIndex:
    """Spans of one Doc in text order, found by token: what covers token i, what lies inside a range.

    Doc.ents and Doc.noun_chunks never overlap, so a binary search on their first tokens finds
    them; a scan of all of them per token or per sentence made extraction quadratic in the
    length of an article.
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = tuple(spans)
        self.starts = [span.start for span in self.spans]
        self.start_chars = [span.start_char for span in self.spans]

    def covering(self, i: int) -> Span | None:
        """The span that holds token i, if any."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.spans[k] if k >= 0 and i < self.spans[k].end else None

    def covering_char(self, offset: int) -> Span | None:
        """The span that holds the character at offset, if any."""
        k = bisect.bisect_right(self.start_chars, offset) - 1
        return self.spans[k] if k >= 0 and offset < self.spans[k].end_char else None

    def within(self, start: int, end: int) -> list[Span]:
        """The spans wholly inside tokens start..end (end excluded), in text order."""
        found = []
        for k in range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)):
            if self.spans[k].end <= end:
                found.append(self.spans[k])
        return found


def _ent_index(doc: Doc) -> SpanIndex:
    index = doc.user_data.get(ENTS_KEY)
    if index is None:
        index = doc.user_data[ENTS_KEY] = SpanIndex(doc.ents)
    return index


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """Doc.ents, made once per Doc: spaCy builds every entity Span on each access, and the
    extractors ask per sentence and per token (a third of extraction's time went there)."""
    return _ent_index(doc).spans


def sentence_ents(sent: Span) -> list[Span]:
    """Span.ents from the Doc's entities made once: those wholly inside the sentence."""
    return _ent_index(sent.doc).within(sent.start, sent.end)


def token_ent(token: Token) -> Span | None:
    """The entity the token is part of (Doc.ents made once, found by binary search)."""
    return _ent_index(token.doc).covering(token.i)


def char_ent(doc: Doc, offset: int) -> Span | None:
    """The entity that holds the character at offset, if any."""
    return _ent_index(doc).covering_char(offset)


def noun_chunks_within(doc: Doc, start: int, end: int) -> list[Span]:
    """Span.noun_chunks of doc[start:end] from the Doc's noun chunks made once (spaCy makes
    every chunk of the Doc for each Span asked)."""
    index = doc.user_data.get(CHUNKS_KEY)
    if index is None:
        index = doc.user_data[CHUNKS_KEY] = SpanIndex(doc.noun_chunks)
    return index.within(start, end)


def function_words(doc: Doc) -> frozenset[str]:
    """The words of the Doc tagged as participles (VBG) or prepositions (ADP, SCONJ), as written."""
    words = doc.user_data.get(FUNCTION_WORDS_KEY)
    if words is None:
        words = doc.user_data[FUNCTION_WORDS_KEY] = frozenset(
            t.text for t in doc if t.tag_ == "VBG" or t.pos_ in ("ADP", "SCONJ")
        )
    return words


def forget_ents(doc: Doc) -> None:
    """Drop the spans made once per Doc: they refer to the Doc, which would then wait for the cycle collector."""
    for key in (ENTS_KEY, CHUNKS_KEY, FUNCTION_WORDS_KEY):
        doc.user_data.pop(key, None)


# A quote mark glued to the words on both sides: "...paranoia,”Roe said", "said,“We ...". spaCy's
# rules split marks only at the edges of a token, so the mark, the punctuation before it and the
# name after it made one token, and the attribution was lost.
GLUED_MARKS = (
    r"(?<=[^\W\d_])[,.!?;:](?=[”\"»][^\W\d_])|(?<=[,.!?;:])[”\"»](?=[^\W\d_])",
    r"(?<=[^\W\d_]),(?=[“«][^\W\d_])|(?<=,)[“«](?=[^\W\d_])",
)


def load_nlp(name: str) -> Language:
    """Load an installed spaCy pipeline by package name, with our sentence rule before the parser
    and quote marks glued between words split off."""
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as exc:
        raise ModelNotInstalledError.for_pipeline(name) from exc
    infixes = [*(nlp.Defaults.infixes or ()), *GLUED_MARKS]
    tokenizer: Any = nlp.tokenizer  # a spacy.tokenizer.Tokenizer (a compiled class without type stubs)
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(NEWLINE_BOUNDARIES, before="parser")
    return nlp
