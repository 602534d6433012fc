"""Quotations: direct, partial and indirect, with their cue verb and speaker.

    quotes = extract_quotes(nlp(text))

Pairs of quote marks are found on the characters (`marks`), attributed with the
dependency parse (`attribution`: the cue verb that governs the quoted words, or
the nearest one in their sentence, and its subject), and speakers are resolved
within the document (`referents`: pronouns, role nouns and collective nouns to
the names they stand for). A quotation without a cue continues the previous
speaker's words when it follows them in the same or the next paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import cast

from spacy.tokens import Doc, Token

from briefing.extract.nlp import doc_text
from briefing.extract.quotes.attribution import (
    BULLETS,
    Cue,
    Mask,
    cue_of,
    find_cue,
    frame_of,
    governing_verb,
    is_cue,
    quote_kind,
    quote_span,
)
from briefing.extract.quotes.indirect import indirect_clauses
from briefing.extract.quotes.marks import Marked, find_marked
from briefing.extract.quotes.referents import Paragraphs, Referent, Referents
from briefing.extract.quotes.speakers import (
    Speaker,
    clean_entity_text,
    speaker_from_token,
)
from briefing.extract.quotes.terms import is_name_in_marks, is_term
from briefing.model import QuoteKind, QuoteSpan

__all__ = ["extract_quotes"]

HEADING_WORDS = 6
NAME_PARTICLES = frozenset({"de", "da", "del", "della", "di", "do", "dos", "du", "la", "le", "van", "von", "der", "den", "bin", "ibn", "al", "y"})
MAX_HEADING_QUESTION = 12


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: QuoteKind
    paragraph: int
    opens_paragraph: bool
    cue: Cue | None = None
    speaker: Speaker | None = None
    open_ended: bool = False  # ran to the end of its paragraph: the quotation goes on in the next
    whole_paragraph: bool = False  # the paragraph holds nothing but the quotation


def extract_quotes(doc: Doc) -> list[QuoteSpan]:
    """Every quotation in the document, with its cue and speaker span, in text order."""
    text = doc_text(doc)
    marked = [m for m in find_marked(text) if not _headline_scare(text, m)]
    mask = Mask(marked)
    paragraphs = Paragraphs(text)
    referents = Referents(doc, paragraphs, skip=lambda offset: mask.covers(offset) or _in_headline(text, offset))
    found = [f for m in marked if (f := _found_marked(doc, m, mask, paragraphs)) is not None]
    found += [_found_indirect(span, cue, paragraphs) for span, cue in indirect_clauses(doc, mask)]
    found.sort(key=lambda f: (f.start, f.end))
    return list(_attribute(doc, _carry_back(found), referents))


def _found_marked(doc: Doc, m: Marked, mask: Mask, paragraphs: Paragraphs) -> Found | None:
    quote = quote_span(doc, m)
    if quote is None or is_name_in_marks(doc, m, quote):
        return None
    cue = find_cue(frame_of(doc, m, paragraphs.bounds(m.open_mark)), quote, mask)
    speaker = None
    if cue is not None:
        head = cue.speaker if cue.speaker is not None else _heading_subject(doc, cue.token)
        speaker = speaker_from_token(head) if head is not None else None
    if speaker is None and m.close_mark is not None:
        speaker = _dash_signature(doc, m.close_mark, paragraphs.bounds(m.open_mark)[1])
    opens = not doc_text(doc)[paragraphs.bounds(m.open_mark)[0] : m.open_mark].strip(" \t\xa0" + BULLETS)
    if cue is None and opens:
        cue = _introduced(doc, m, mask, paragraphs)
        if cue is not None and cue.speaker is not None:
            speaker = speaker_from_token(cue.speaker)
    kind = quote_kind(doc, m, quote, cue)
    if speaker is None and (kind == "direct" or not is_term(quote)):
        speaker = _label(doc, paragraphs.bounds(m.open_mark)[0], m.open_mark)
    # Someone's wording though no verb of saying is near: a phrase ("went after Lee as a '...'"), or a
    # quotation inside a sentence ("rolled out a new message: '...'").
    if cue is None and speaker is None and not opens and (kind == "direct" or not is_term(quote)):
        cue = governing_verb(quote, mask)
        speaker = speaker_from_token(cast(Token, cue.speaker)) if cue is not None else None
    para_end = paragraphs.bounds(m.open_mark)[1]
    whole = opens and (m.close_mark is None or not doc_text(doc)[m.close_mark + 1 : para_end].strip(" \t\xa0.,;:!?…"))
    return Found(m.start, m.end, kind, paragraphs.index(m.start), opens, cue, speaker, m.close_mark is None, whole)


def _introduced(doc: Doc, m: Marked, mask: Mask, paragraphs: Paragraphs) -> Cue | None:
    """ "The Times reports:" closing the paragraph before a paragraph that opens with a quotation."""
    here = paragraphs.index(m.open_mark)
    if here == 0:
        return None
    start, end = paragraphs.spans[here - 1]
    text = doc_text(doc)
    if not text[start:end].rstrip().endswith(":"):
        return None
    last = doc.char_span(start, end, alignment_mode="contract")
    if last is None or not len(last):
        return None
    sentence = last[-1].sent
    frame = doc.char_span(max(start, sentence.start_char), end, alignment_mode="contract")
    if frame is None:
        return None
    cues = [t for t in frame if is_cue(t) and not mask.covers(t.idx)]
    if not cues:
        return None
    cue = cue_of(cues[-1], mask)
    return cue if cue.speaker is not None else None


# "“...” ― Jane Roe": a name after a dash closes the paragraph (a reader's comment, an epigraph).
SIGNATURE = re.compile(r"[ \t\xa0]*[―—–-]{1,2}[ \t\xa0]*(?P<name>[^\W\d_][\w.'’-]*(?:[ \t\xa0]+[\w.'’-]+){0,5}?)[ \t\xa0]*\.?[ \t\xa0]*$")


def _dash_signature(doc: Doc, close_mark: int, para_end: int) -> Speaker | None:
    text = doc_text(doc)
    found = SIGNATURE.match(text[close_mark + 1 : para_end])
    if found is None:
        return None
    start, end = close_mark + 1 + found.start("name"), close_mark + 1 + found.end("name")
    words = text[start:end].split()
    if not all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in words) or not words[-1][0].isupper():
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    heads = [t for t in span if t.pos_ == "PROPN"] if span is not None else []
    if not heads:
        return None
    name = clean_entity_text(text[start:end])
    return Speaker(heads[-1], start, end, text[start:end], "name", name) if name else None


# "Roe: Harbour plan 'a disgrace'": a name and a colon open a headline or a line of a transcript.
LABEL = re.compile(r"[ \t\xa0]*(?P<name>[^\W\d_][\w.'’-]*(?:[ \t\xa0]+[^\W\d_][\w.'’-]*){0,3}):[ \t\xa0]")


def _label(doc: Doc, para_start: int, open_mark: int) -> Speaker | None:
    """The name that a paragraph opens with, before a colon: who speaks the quotations of that line."""
    text = doc_text(doc)
    found = LABEL.match(text, para_start, open_mark)
    if found is None or not all(w[0].isupper() for w in found.group("name").split()):
        return None
    start, end = found.start("name"), found.end("name")
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not all(t.pos_ in ("PROPN", "NOUN") or t.is_punct for t in span):
        return None
    name = clean_entity_text(text[start:end])
    return Speaker(span[-1], start, end, text[start:end], "name", name) if name else None


def _found_indirect(span, cue: Cue, paragraphs: Paragraphs) -> Found:
    speaker = speaker_from_token(cast(Token, cue.speaker))  # indirect_clauses always gives the subject
    return Found(span.start_char, span.end_char, "indirect", paragraphs.index(span.start_char), False, cue, speaker)


def _carry_back(found: list[Found]) -> list[Found]:
    """A quotation over several paragraphs is attributed once, usually in its last paragraph."""
    result = list(found)
    for i in range(len(result) - 2, -1, -1):
        item, after = result[i], result[i + 1]
        if item.open_ended and item.speaker is None and after.speaker is not None and after.kind != "indirect":
            if after.paragraph == item.paragraph + 1 and after.opens_paragraph:
                result[i] = replace(item, cue=after.cue, speaker=after.speaker)
    return result


def _attribute(doc: Doc, found: list[Found], referents: Referents):
    previous: tuple[Found, Referent | None] | None = None
    for item in found:
        if item.speaker is None and item.kind != "indirect":
            if previous is not None and _continues(previous[0], item):
                item = replace(item, cue=previous[0].cue, speaker=previous[0].speaker)
                yield _quote_span(doc, item, previous[1].name if previous[1] else None)
                if item.whole_paragraph:
                    previous = (item, previous[1])  # a run of paragraphs of quotation goes on
                continue
            if item.kind == "partial" and item.cue is None and _is_term(doc, item):
                continue  # scare quotes: nobody is quoted
            yield _quote_span(doc, item, None)
            continue
        if item.speaker is None:
            continue
        ref = _resolve(item, referents, previous[1] if previous else None)
        yield _quote_span(doc, item, ref.name if ref else None)
        previous = (item, ref)


def _is_term(doc: Doc, item: Found) -> bool:
    span = doc.char_span(item.start, item.end, alignment_mode="expand")
    return span is None or is_term(span)


def _resolve(item: Found, referents: Referents, previous: Referent | None) -> Referent | None:
    speaker = cast(Speaker, item.speaker)  # _attribute resolves only items with a speaker
    name, kind = referents.resolve(speaker.head, speaker.type, speaker.name, previous)
    if not name:
        return None
    return Referent(speaker.start, item.paragraph, kind, name, frozenset(), True)


def _continues(previous: Found, item: Found) -> bool:
    if item.kind == "partial":
        return False
    return item.paragraph == previous.paragraph or (item.paragraph == previous.paragraph + 1 and item.opens_paragraph)


def _quote_span(doc: Doc, item: Found, name: str | None) -> QuoteSpan:
    speaker = item.speaker
    return QuoteSpan(
        text=doc_text(doc)[item.start : item.end],
        kind=item.kind,
        start=item.start,
        end=item.end,
        anchor="",
        cue=item.cue.text if item.cue is not None else None,
        speaker_text=speaker.text if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        speaker_type=speaker.type if speaker else "unknown",
        speaker_name=name,
    )


def _heading_subject(doc: Doc, cue: Token) -> Token | None:
    """A list item "• Says ..." speaks for the short heading above the list ("The resolution")."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, cue.idx) + 1
    if text[line_start : cue.idx].strip(" \t\xa0" + BULLETS):
        return None
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and not line.lstrip(BULLETS + " ").startswith(tuple(BULLETS)) and line[0] not in BULLETS:
            return _heading_root(doc, start, end)
        end = start - 1
    return None


def _heading_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) > HEADING_WORDS or span.text.rstrip().endswith((".", "!", "?")):
        return None
    if any(t.pos_ == "VERB" for t in span):
        return None
    inside = range(span.start, span.end)
    heads = [t for t in span if t.pos_ in ("NOUN", "PROPN") and (t.dep_ == "ROOT" or t.head.i not in inside)]
    return heads[0] if heads else None


TITLE_WORD = re.compile(r"^[A-Z0-9]")


def _title_case(words: list[str]) -> bool:
    long_words = [w.strip("\"'“”‘’«»()") for w in words]
    long_words = [w for w in long_words if len(w) > 3]
    return bool(long_words) and sum(bool(TITLE_WORD.match(w)) for w in long_words) >= 0.8 * len(long_words)


def _line(text: str, offset: int) -> str:
    return text[text.rfind("\n", 0, offset) + 1 : (text.find("\n", offset) + 1 or len(text) + 1) - 1]


def _in_headline(text: str, offset: int) -> bool:
    line = _line(text, offset).strip()
    words = line.split()
    if line.endswith("?") and len(words) <= MAX_HEADING_QUESTION:
        return _title_case(words)  # a section heading: "How Dangerous Is the Situation?"
    return not line.endswith((".", "!", "?", "”", '"', ":")) and _title_case(words)


def _headline_scare(text: str, m: Marked) -> bool:
    """Title-case words in quote marks on a headline-like line: "‘No Way Back’ Group Warns"."""
    words = text[m.start : m.end].split()
    return len(words) >= 2 and _title_case(words) and _in_headline(text, m.start)
