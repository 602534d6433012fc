"""The look-ups that keep extraction linear in an article's length give what a scan of everything gave.

Each index (entities by token, noun chunks by range, the quote-mark mask, referents by offset,
role word and name) is checked against the scan it replaced, on invented text long enough for
the binary searches to matter.
"""

from __future__ import annotations

import random

import pytest

from briefing.extract.ranges import Ranges
from briefing.extract.nlp import char_ent, function_words, noun_chunks_within, sentence_ents, token_ent
from briefing.extract.quotes import extract_quotes
from briefing.extract.quotes.attribution import Mask, _end_of_text_before, _last_word_before
from briefing.extract.quotes.marks import Marked
from briefing.extract.quotes.referents import (
    LOOKBACK_PARAGRAPHS,
    Paragraphs,
    Referent,
    Referents,
    _role_matches,
    required_role_words,
)

pytestmark = pytest.mark.slow

PARAGRAPHS = [
    "Dana Whitfield, the harbour minister of Ellery, said on Monday that the eastern pier would reopen. "
    "“We are ready,” she said.",
    "Prime Minister Ravi Ostrander told reporters that the council had approved the plan. "
    "The prime minister said the budget was sound.",
    "Harbour Dynamics said in a statement that it welcomed the decision. The company said it would hire forty workers.",
    "“The harbour belongs to everyone,” said Corin Vale, a lawyer for the fishermen. Vale added that the union "
    "would appeal. The lawyer said talks would go on.",
    "Whitfield said she had spoken with Ostrander. He said nothing. The minister said the pier would open in June.",
    "Following Vale, the fishermen marched to the quay, as the Ellery Harbour Board is formally known, "
    "and the board said it would listen.",
]


def _article(copies: int, seed: int) -> str:
    """The paragraphs in a shuffled order, `copies` times over: many referents, names met again and again."""
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(copies):
        paragraphs.extend(rng.sample(PARAGRAPHS, len(PARAGRAPHS)))
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(_article(6, seed=3))


class ScanningReferents(Referents):
    """Referents looked up as they were before the indexes, by scanning every one: the oracle."""

    def _known_person(self, name):
        def names(r):  # the name itself, or a surname alone of a name in full
            return r.name == name or bool(name) and " " not in name and r.name.endswith(" " + name)

        return any(r.kind == "person" and names(r) for r in self.items)

    def before(self, offset, paragraphs=LOOKBACK_PARAGRAPHS):
        here = self.paragraphs.index(offset)
        for ref in reversed(self.items):
            if ref.offset < offset and here - ref.paragraph <= paragraphs:
                yield ref

    def _with_role(self, wanted, offset):
        return (r for r in self.before(offset, paragraphs=len(self.paragraphs.starts)) if r.kind == "person")

    def _has_role(self, name, wanted, offset):
        return any(r.name == name and _role_matches(r.roles, wanted) for r in self.items if r.offset < offset)


def _both(doc):
    paragraphs = Paragraphs(doc.text)
    return Referents(doc, paragraphs, skip=lambda offset: False), ScanningReferents(doc, paragraphs, skip=lambda offset: False)


# ------------------------------------------------------------------ referents


def test_referents_are_the_same_in_the_same_order(doc) -> None:
    indexed, scanned = _both(doc)
    assert len(indexed.items) > 100
    assert indexed.items == scanned.items
    assert [r.offset for r in indexed.items] == sorted(r.offset for r in indexed.items)


def test_referents_before_gives_what_a_scan_gives(doc) -> None:
    indexed, scanned = _both(doc)
    for token in doc:
        for paragraphs in (0, 1, LOOKBACK_PARAGRAPHS, len(indexed.paragraphs.starts)):
            assert list(indexed.before(token.idx, paragraphs)) == list(scanned.before(token.idx, paragraphs))


def test_referents_resolve_pronouns_roles_and_names_as_a_scan_does(doc) -> None:
    indexed, scanned = _both(doc)
    people = [r for r in indexed.items if r.kind == "person"]
    previous_choices: list[Referent | None] = [None, people[0], people[len(people) // 2], people[-1]]
    resolved = 0
    for token in doc:
        assert indexed.pronoun(token) == scanned.pronoun(token)
        if token.pos_ in ("NOUN", "PROPN"):
            for previous in previous_choices:
                role = indexed.role(token, previous)
                assert role == scanned.role(token, previous)
                resolved += role is not None
            for type_ in ("name", "role", "collective"):
                assert indexed.resolve(token, type_, token.text) == scanned.resolve(token, type_, token.text)
    assert resolved > 50  # the text's role nouns do find their people


def test_referents_has_role_and_known_person_as_a_scan(doc) -> None:
    indexed, scanned = _both(doc)
    names = sorted({r.name for r in indexed.items}) + ["Nobody Here"]
    roles = [required_role_words(t) for t in doc if t.pos_ == "NOUN"][:40]
    offsets = [0, len(doc.text) // 3, len(doc.text) // 2, len(doc.text)]
    for name in names:
        assert indexed._known_person(name) == scanned._known_person(name)
        for wanted in roles:
            for offset in offsets:
                assert indexed._has_role(name, wanted, offset) == scanned._has_role(name, wanted, offset)


def test_quotes_attributed_as_with_a_scan(doc, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.extract import quotes

    indexed = extract_quotes(doc)
    monkeypatch.setattr(quotes, "Referents", ScanningReferents)
    assert extract_quotes(doc) == indexed
    assert sum(q.speaker_name is not None for q in indexed) > 20


# ------------------------------------------------------------------ spans of the Doc


def test_entity_of_a_token_and_a_character_as_a_scan(doc) -> None:
    ents = list(doc.ents)
    assert len(ents) > 50
    for token in doc:
        expected = next((e for e in ents if e.start <= token.i < e.end), None)
        assert token_ent(token) == expected
    for offset in range(len(doc.text)):
        expected = next((e for e in ents if e.start_char <= offset < e.end_char), None)
        assert char_ent(doc, offset) == expected


def test_sentence_entities_and_noun_chunks_as_spacy_gives_them(doc) -> None:
    for sent in doc.sents:
        assert sentence_ents(sent) == list(sent.ents)
        assert noun_chunks_within(doc, sent.start, sent.end) == list(sent.noun_chunks)
    rng = random.Random(5)
    for _ in range(200):
        start = rng.randrange(len(doc))
        end = min(len(doc), start + rng.randrange(1, 30))
        assert noun_chunks_within(doc, start, end) == list(doc[start:end].noun_chunks)


def test_function_words_as_a_scan(doc) -> None:
    words = function_words(doc)
    for lower in {token.lower_ for token in doc}:
        expected = any(t.text == lower and (t.tag_ == "VBG" or t.pos_ in ("ADP", "SCONJ")) for t in doc)
        assert (lower in words) == expected


def test_last_word_before_as_a_scan(doc) -> None:
    for offset in range(0, len(doc.text), 7):
        span = doc.char_span(0, offset, alignment_mode="contract")
        words = [t for t in span if not t.is_space] if span is not None else []
        assert _last_word_before(doc, offset) == (words[-1].i if words else -1)


# ------------------------------------------------------------------ ranges of characters


@pytest.mark.parametrize("seed", range(5))
def test_mask_covers_what_any_range_covers(seed: int) -> None:
    rng = random.Random(seed)
    marked = []
    for _ in range(40):
        start = rng.randrange(1000)
        end = start + rng.randrange(0, 60)
        close = None if rng.random() < 0.2 else end
        marked.append(Marked(start + 1, end, start, close))
    mask = Mask(marked)
    for offset in range(-2, 1100):
        assert mask.covers(offset) == any(a <= offset <= b for a, b in mask.ranges)


@pytest.mark.parametrize("seed", range(5))
def test_ranges_cover_what_any_half_open_range_covers(seed: int) -> None:
    rng = random.Random(seed)
    pairs = [(a, a + rng.randrange(-3, 50)) for a in (rng.randrange(1000) for _ in range(40))]
    ranges = Ranges(pairs)
    for offset in range(-2, 1100):
        assert ranges.covers(offset) == any(a <= offset < b for a, b in pairs)


@pytest.mark.parametrize("text", ["", "   ", "a  \n\t b \u00a0\n", "word", "  lead", "x\u2003 y"])
def test_end_of_text_before_is_the_length_without_trailing_space(text: str) -> None:
    for offset in range(len(text) + 1):
        assert _end_of_text_before(text, offset) == len(text[:offset].rstrip())
