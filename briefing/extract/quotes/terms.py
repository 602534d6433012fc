"""Quote marks around a name, not around words someone said: titles and nicknames.

    told KTVX's "Early Harbour"        a programme, after a possessive
    said on "Meet the Valley."          a title, after a preposition
    Del. Dorota "Dot" Varga             a nickname inside a name
    the "Never Roe" movement            a name used as a modifier of the noun after it

Only runs written in title case count, so that "called the senator a 'nasty guy'"
and "said it was 'a mistake'" stay quotations. With no verb of saying near it, a
short run that is no clause marks a term ("the 'lone wolf' theory"), while a
clause or a longer phrase repeats someone's words ("vowed to cut 'every
wasteful programme in the budget'").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from briefing.extract.nlp import doc_text, token_ent
from briefing.extract.quotes.attribution import has_clause
from briefing.extract.quotes.marks import Marked

# A title is short: longer runs in title case are headlines or slogans, judged elsewhere.
MAX_TITLE_WORDS = 8
# A term is a word or a short phrase ("lone wolf", "deep state", "safe third country"); a longer
# quoted run is someone's wording.
MAX_TERM_WORDS = 3
# Short words that title case leaves in lower case ("Meet the Valley", "House of Lanterns").
MINOR_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "off", "on", "or", "over", "per", "the", "to", "up", "via", "vs", "with"]
)
# Words before a title: a preposition ("on", "in an interview with", "an episode of"), or a verb whose
# object is the listener or the programme ("told", "visited", "hosts").
TITLE_VERBS = frozenset({"tell", "visit", "host", "appear", "join", "watch", "air", "star", "title", "entitle"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def is_name_in_marks(doc: Doc, m: Marked, quote: Span) -> bool:
    """Whether the quoted run names a work, a programme, an event or a person rather than quoting words."""
    words = doc_text(doc)[m.start : m.end].rstrip(".,;:").split()
    if not words or len(words) > MAX_TITLE_WORDS or not _title_case(words):
        return False
    before = _word_before(doc, m.open_mark)
    if before is None:
        return False
    if _inside_name(before, quote):
        return True
    if before.text in POSSESSIVE or before.tag_ == "POS":
        return True
    if before.pos_ == "ADP":
        return True
    if _modifies_noun_after(quote):
        return True
    if _is_one_entity(quote):
        return True
    return before.lemma_.lower() in TITLE_VERBS and before.pos_ == "VERB"


# Entities that a quoted run may be, whole: then the marks mention a name ("citing 'Jane Roe'",
# "reading 'Harbour Watch'"), they quote no words.
NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT"})


def _is_one_entity(quote: Span) -> bool:
    words = [t for t in quote if not t.is_punct and not t.is_space]
    if not words:
        return False
    ent = token_ent(words[0])
    return ent is not None and ent.label_ in NAMED and ent.start <= words[0].i and words[-1].i < ent.end


def _modifies_noun_after(quote: Span) -> bool:
    """ "during a 'Harbour Town Hall' forum": a name in marks that the noun after it heads."""
    doc = quote.doc
    after = quote.end
    while after < len(doc) and doc[after].is_punct and doc[after].text not in ",.;:!?":
        after += 1
    return after < len(doc) and doc[after].pos_ == "NOUN" and doc[after].is_lower and doc[after].i - quote.end <= 2


def _title_case(words: list[str]) -> bool:
    cleaned = [w.strip("\"'“”‘’«»()[]") for w in words]
    cleaned = [w for w in cleaned if w]
    if not cleaned or not cleaned[0][:1].isupper():
        return False
    if any(ch in w for w in cleaned[:-1] for ch in ".!?"):
        return False  # sentences: "Lock her up! Lock her up!", "The Donald. Big Daddy"
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in MINOR_WORDS for w in cleaned)


def _word_before(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(max(0, offset - 40), offset, alignment_mode="contract")
    if span is None:
        return None
    words = [t for t in span if not t.is_space]
    return words[-1] if words else None


def _inside_name(before: Token, quote: Span) -> bool:
    """A nickname between a first name and a surname: Dorota "Dot" Varga."""
    doc = quote.doc
    after = quote.end
    while after < len(doc) and (doc[after].is_punct or doc[after].is_space) and doc[after].text not in ",.;:":
        after += 1
    if after >= len(doc) or len(quote) > 3:
        return False
    return before.pos_ == "PROPN" and doc[after].pos_ == "PROPN" and before.text[:1].isupper() and doc[after].text[:1].isupper()


def is_term(quote: Span) -> bool:
    """Whether a quoted run with no verb of saying near it marks a term (scare quotes, a title) rather
    than repeating someone's words: a run of a few words that is no clause, or a run in title case."""
    words = [t for t in quote if not t.is_punct and not t.is_space]
    if _title_case(quote.text.rstrip(".,;:").split()):
        return True
    return len(words) <= MAX_TERM_WORDS and not has_clause(quote)
