"""render.sentences: sentences cut at mentions and quotations; boilerplate folded."""

from __future__ import annotations

from briefing.model import Corpus, Paragraph, Sentence
from briefing.render.lookup import Lookup
from briefing.render.sentences import paragraph_blocks, readable_sentences, sentence_ref

LEDGER = "ledger-dam-breach-floods-valley"


def test_sentences_ref_marks_a_mention_and_keeps_the_spaces(corpus: Corpus) -> None:
    actor = next(a for a in corpus.actors if a.id == "mira-okonkwo-tal")
    mention = next(m for m in actor.mentions if m.source == LEDGER and m.anchor == "s3-2")
    ref = sentence_ref(Lookup(corpus), LEDGER, "s3-2", [(mention.start, mention.end)])
    assert [(s.text.strip(), s.mark, s.space_after) for s in ref.segments] == [
        ("Governor", False, True),
        ("Mira Okonkwo-Tal", True, True),
        ("declared an emergency within hours.", False, False),
    ]
    assert ref.anchor.href == f"sources/{LEDGER}.md#s3-2"


def test_sentences_paragraph_blocks_fold_boilerplate_and_link_mentions(corpus: Corpus) -> None:
    source = next(s for s in corpus.sources if s.id == LEDGER)
    blocks = paragraph_blocks(Lookup(corpus), source)
    assert [(b.boilerplate, b.kind, len(b.paragraphs)) for b in blocks] == [
        (True, "headline, byline", 2),
        (False, "article", 2),
        (True, "caption", 1),
        (False, "article", 1),
        (True, "credit", 1),
    ]
    folded = [x for b in blocks if b.boilerplate for p in b.paragraphs for _, sentence in p.annotated for x in sentence]
    assert folded and not any(x.href or x.quoted for x in folded)  # the caption names Lake Ossin: not linked there
    pieces = [x for p in blocks[1].paragraphs for _, sentence in p.annotated for x in sentence]
    assert any(x.href == "actors/mira-okonkwo-tal.md" and x.text == "Mira Okonkwo-Tal" for x in pieces)
    assert any(x.quoted and "We will rebuild every home," in x.text for x in pieces)


def _paragraph(pieces: list[str]) -> Paragraph:
    """A paragraph at offset 100 whose sentences are `pieces`, one space apart."""
    text, sentences, at = " ".join(pieces), [], 100
    for i, piece in enumerate(pieces, start=1):
        sentences.append(Sentence(anchor=f"s1-{i}", start=at, end=at + len(piece), text=piece))
        at += len(piece) + 1
    return Paragraph(anchor="p1", start=100, end=100 + len(text), text=text, sentences=sentences)


def test_sentences_a_lone_quotation_mark_joins_the_sentence_it_opens() -> None:
    paragraph = _paragraph(["“", "We stay,” the ministry of Ellery said.", "It gave no date."])
    assert [(anchor, text) for anchor, _, text in readable_sentences(paragraph)] == [
        ("s1-2", "“ We stay,” the ministry of Ellery said."),
        ("s1-3", "It gave no date."),
    ]
    closing = _paragraph(["Dana Whitfield left.", "”"])
    assert [(anchor, text) for anchor, _, text in readable_sentences(closing)] == [("s1-1", "Dana Whitfield left. ”")]
    assert [a for a, _, _ in readable_sentences(_paragraph(["One.", "Two."]))] == ["s1-1", "s1-2"]
