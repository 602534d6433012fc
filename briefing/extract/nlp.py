"""Loading the spaCy pipeline: the one place that knows package names and components."""

from __future__ import annotations


import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

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


# Doc.user_data key of the entity spans, made once per Doc (dropped by forget_ents).
ENTS_KEY = "briefing_ents"


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """Doc.ents, made once per Doc: spaCy builds every entity Span on each access, and the
    extractors ask per sentence and per token (a third of extraction's time went there)."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = tuple(doc.ents)
    return ents


def sentence_ents(sent: Span) -> list[Span]:
    """Span.ents from the Doc's entities made once: those wholly inside the sentence."""
    return [ent for ent in doc_ents(sent.doc) if ent.start >= sent.start and ent.end <= sent.end]


def forget_ents(doc: Doc) -> None:
    """Drop the spans doc_ents kept: they refer to the Doc, which would then wait for the cycle collector."""
    doc.user_data.pop(ENTS_KEY, None)


def load_nlp(name: str) -> Language:
    """Load an installed spaCy pipeline by package name, with our sentence rule before the parser."""
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as exc:
        raise ModelNotInstalledError.for_pipeline(name) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(NEWLINE_BOUNDARIES, before="parser")
    return nlp
