"""From a pair of quote marks to its cue verb, speaker phrase and kind (direct or partial)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from spacy.tokens import Doc, Span, Token

from briefing.extract.nlp import doc_text
from briefing.extract.quotes.gender import is_person_noun
from briefing.extract.quotes.marks import Marked
from briefing.extract.quotes.speakers import subject_of
from briefing.extract.ranges import Ranges
from briefing.lexicon.speech import SPEECH_VERBS
from briefing.model import QuoteKind

BULLETS = "•*·-–—▪◦●"
QUOTE_MARKS = "\"“”‘’«»„"


@dataclass(frozen=True)
class Cue:
    token: Token
    text: str  # as written: "said", "according to"
    speaker: Token | None  # head of the speaker phrase


class Mask:
    """Which characters lie between quote marks (marks included)."""

    def __init__(self, marked: list[Marked]):
        self.ranges = [(m.open_mark, m.close_mark if m.close_mark is not None else m.end) for m in marked]
        self._union = Ranges(self.ranges, closed=True)

    def covers(self, offset: int) -> bool:
        return self._union.covers(offset)


def quote_span(doc: Doc, m: Marked) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def frame_of(doc: Doc, m: Marked, para: tuple[int, int]) -> Span:
    """The sentences the quotation touches, inside its paragraph."""
    span = quote_span(doc, m)
    last = m.close_mark if m.close_mark is not None else m.end - 1
    # "expand" char spans inside the text are never None (spaCy returns None only out of range)
    start_tok = doc[span.start] if span is not None else cast(Span, doc.char_span(m.open_mark, m.open_mark + 1, "expand"))[0]
    end_tok = _token_at(doc, last)
    start = max(start_tok.sent.start_char, para[0])
    end = min(end_tok.sent.end_char, para[1])
    if m.close_mark is not None:
        tag = _tag_sentence(doc, m.close_mark, para)
        if tag is not None:
            end = min(tag.end_char, para[1])
    return cast(Span, doc.char_span(start, end, alignment_mode="expand"))


# A sentence that only says who spoke ("Roe demanded.", "said Jane Roe, a lawyer.") names its cue
# among its first few words.
TAG_CUE_WORDS = 8


def _tag_sentence(doc: Doc, close_mark: int, para: tuple[int, int]) -> Span | None:
    """The attribution after a quotation the parser made a sentence of its own: “...?” Roe demanded."""
    after = _token_at(doc, close_mark)
    if after.i + 1 >= len(doc):
        return None
    first = doc[after.i + 1]
    if not first.is_sent_start or first.idx >= para[1]:
        return None
    sent = first.sent
    words = [t for t in sent if not t.is_punct and not t.is_space][:TAG_CUE_WORDS]
    for token in words:
        if is_cue(token) and not any(c.dep_ in ("ccomp", "xcomp") for c in token.children):
            before = doc_text(doc)[sent.start_char : token.idx]
            if any(ch in QUOTE_MARKS for ch in before) or _says_something_else(token):
                return None
            return sent
    return None


def _says_something_else(verb: Token) -> bool:
    """ "X has also announced a kind of truce": a verb of saying with an object of its own says that
    object, it tags no quotation. Its object may be the listener ("Roe told reporters")."""
    return any(c.dep_ == "dobj" and not _listener(c) for c in verb.children)


def _listener(token: Token) -> bool:
    return token.pos_ in ("PRON", "PROPN") or is_person_noun(token.lemma_)


def _token_at(doc: Doc, offset: int) -> Token:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[-1]


def is_cue(token: Token) -> bool:
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        return False  # "so-called", "self-declared"
    if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
        return True
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"


def cue_of(token: Token, mask: Mask | None = None) -> Cue:
    if token.lower_ == "according":
        to = token.nbor()
        objects = [c for c in to.children if c.dep_ == "pobj"]
        return Cue(token, doc_text(token.doc)[token.idx : to.idx + len(to)], objects[0] if objects else None)
    skip = (lambda t: mask.covers(t.idx)) if mask is not None else None
    return Cue(token, token.text, subject_of(token, skip))


def find_cue(frame: Span, quote: Span, mask: Mask) -> Cue | None:
    """The cue of a quotation: a cue verb governing it, governed by it, or the nearest one in its sentence."""
    outside = [t for t in frame if not mask.covers(t.idx) and not t.is_space]
    tag = _tag_after(quote, frame, mask)
    if tag is not None:
        return tag
    cues = [t for t in outside if is_cue(t)] + _bullet_verb(frame, outside)
    if not cues:
        return None
    governing = _governing_cue(quote, mask)
    if governing is not None:
        return cue_of(governing, mask)
    inside = {t.i for t in quote}
    ranked = sorted(cues, key=lambda t: (t.head.i not in inside, _distance(t, quote)))
    if ranked[0].head.i not in inside:
        # No verb of saying governs the words: the verb that does, if someone is its subject, says
        # them ("as Roe went on about 'the rigged system', Lee said yes"; "When Lee suggested ...,
        # Roe fired back: '...'"), not the nearest verb of saying of another clause.
        own = _introduced_by_colon(quote, mask) or governing_verb(quote, mask)
        if own is not None and own.speaker is not None and _is_someone(own.speaker):
            return own
    for token in ranked:
        cue = cue_of(token, mask)
        if cue.speaker is not None and not mask.covers(cue.speaker.idx):
            return cue
    first = cue_of(ranked[0], mask)
    return first if first.speaker is None or not mask.covers(first.speaker.idx) else Cue(first.token, first.text, None)


# Words between a quotation and the verb of its attribution tag: "“...,” Jane Roe, a lawyer, said".
MAX_TAG_GAP = 12


def _tag_after(quote: Span, frame: Span, mask: Mask) -> Cue | None:
    """The attribution tag right after a quotation that ends a clause (“...,” / “...?” / “...!”): its
    subject, or its verb, comes first after the closing mark. "“...,” Roe said, after Lee said ..."
    is Roe's whatever the parse hangs the quotation on; "“...,” an angry Lindqvist retaliated" too,
    though "retaliate" is no verb of saying."""
    doc = quote.doc
    text = doc_text(doc)
    if _in_own_clause(quote, mask):
        return None  # "as Roe went on about '...,' Lee said yes": the comma closes Roe's clause
    after = quote.end
    while after < frame.end and (doc[after].is_punct or doc[after].is_space) and mask.covers(doc[after].idx):
        after += 1  # the closing mark
    if after >= frame.end:
        return None
    ending = text[quote.end_char - 1 : doc[after].idx + 1]
    if not any(ch in ending for ch in ",!?"):
        return None
    while after < frame.end and doc[after].text == ",":
        after += 1
    for verb in doc[after : min(frame.end, after + MAX_TAG_GAP)]:
        if mask.covers(verb.idx) or verb.text in (".", ";", ":"):
            return None
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        cue = cue_of(verb, mask)
        if cue.speaker is None or cue.speaker.i < after or cue.speaker.i >= verb.i + MAX_TAG_GAP:
            return None
        phrase = {t.i for t in cue.speaker.subtree}
        gap = [t for t in doc[after : verb.i] if not t.is_punct and t.i not in phrase]
        if gap:
            return None
        own = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") and not mask.covers(c.idx)]
        if not is_cue(verb) and own:
            return None  # "“...,” Roe wrote a letter": a verb with an object of its own (the quotation is not one)
        return cue
    return None


def _governing_cue(quote: Span, mask: Mask) -> Token | None:
    """Walk up the parse from the quoted words to the nearest cue verb outside the marks; not past
    an adverbial clause with a subject of its own ("as Roe went on about '...', Lee said yes")."""
    roots = [t for t in quote if t.head.i < quote.start or t.head.i >= quote.end]
    for root in roots:
        token, steps = root.head, 0
        while steps < 12:
            if not mask.covers(token.idx) and is_cue(token):
                return token
            if token.head.i == token.i or _own_clause(token, mask):
                break
            token, steps = token.head, steps + 1
    return None


def _bullet_verb(frame: Span, outside: list[Token]) -> list[Token]:
    """ "• Calls on the government to ...": a list item that starts with a reporting verb."""
    words = [t for t in outside if t.text not in BULLETS]
    if not words or words[0].lemma_.lower() not in SPEECH_VERBS:
        return []
    first = words[0]
    line_start = doc_text(first.doc).rfind("\n", 0, first.idx) + 1
    before = doc_text(first.doc)[line_start : first.idx]
    return [first] if not before.strip(BULLETS + " \t") else []


def _distance(token: Token, quote: Span) -> int:
    if token.idx >= quote.end_char:
        return token.idx - quote.end_char
    return max(0, quote.start_char - token.idx)


def quote_kind(doc: Doc, m: Marked, quote: Span | None, cue: Cue | None) -> QuoteKind:
    """ "direct" for a quoted sentence or a quoted clause after its cue, "partial" for a fragment."""
    if quote is None:
        return "partial"
    text = doc_text(doc)
    end = _end_of_text_before(text, m.open_mark)
    if not end or "\n" in text[end : m.open_mark] or text[end - 1] in "\n.!?”\"’'(" + BULLETS:
        return "direct"
    after_cue = cue is not None and cue.token.i == _last_word_before(doc, m.open_mark)
    if (text[end - 1] in ":,;—–" or after_cue) and has_clause(quote):
        return "direct"
    return "partial"


def has_clause(quote: Span) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
               for t in quote) or any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in quote)


def _end_of_text_before(text: str, offset: int) -> int:
    """len(text[:offset].rstrip()), without copying the text before offset (once per quotation)."""
    end = offset
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _last_word_before(doc: Doc, offset: int) -> int:
    span = doc.char_span(0, offset, alignment_mode="contract")
    if span is None:
        return -1
    for i in range(span.end - 1, span.start - 1, -1):
        if not doc[i].is_space:
            return i
    return -1


# Conjunctions of an adverbial clause that tells another moment, with a speaker of its own ("as",
# "when"); "if Congress does not pass '...'" is part of what the sentence's speaker says.
TIME_MARKS = frozenset({"as", "while", "when", "whenever", "after", "before", "once", "until"})


def _in_own_clause(quote: Span, mask: Mask) -> bool:
    """Whether the quoted words hang on an adverbial clause that opens before them with a subject of
    its own, below any verb of saying."""
    for root in (t for t in quote if t.head.i < quote.start or t.head.i >= quote.end):
        token = root.head
        for _ in range(12):
            if not mask.covers(token.idx) and is_cue(token):
                break
            if _own_clause(token, mask):
                return token.i < quote.start
            if token.head.i == token.i:
                break
            token = token.head
    return False


def _own_clause(verb: Token, mask: Mask) -> bool:
    if verb.dep_ != "advcl" or verb.pos_ != "VERB" or mask.covers(verb.idx):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and not mask.covers(c.idx)), None)
    return subject is not None and _is_someone(subject)


def _introduced_by_colon(quote: Span, mask: Mask) -> Cue | None:
    """ "Roe fired back: '...'": the verb whose clause a colon ends introduces the quotation."""
    doc = quote.doc
    i = quote.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct and mask.covers(doc[i].idx) and doc[i].text != ":"):
        i -= 1
    if i < 0 or doc[i].text != ":" or doc[i].head.pos_ != "VERB" or mask.covers(doc[i].head.idx):
        return None
    cue = cue_of(doc[i].head, mask)
    return cue if cue.speaker is not None and not mask.covers(cue.speaker.idx) else None


def _is_someone(token: Token) -> bool:
    """A subject that can speak: a name, a pronoun for a person or a group, a noun for a person."""
    if token.pos_ == "PRON":
        return token.lower_ not in ("it", "this", "that", "what", "which", "there")
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and is_person_noun(token.lemma_)


def governing_verb(quote: Span, mask: Mask) -> Cue | None:
    """The nearest verb above a quoted phrase that no verb of saying governs, with its subject: in
    "Roe went after Lee as a 'leech who will bleed the town dry'" the words are Roe's."""
    for root in (t for t in quote if t.head.i < quote.start or t.head.i >= quote.end):
        token = root.head
        for _ in range(12):
            if token.pos_ == "VERB" and not mask.covers(token.idx):
                cue = cue_of(token, mask)
                return cue if cue.speaker is not None and not mask.covers(cue.speaker.idx) else None
            if token.head.i == token.i:
                break
            token = token.head
    return None
