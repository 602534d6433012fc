"""Quotes: a speaker phrase resolved to the actor it names, without spaCy."""

from __future__ import annotations

from briefing.model import Actor, Extraction, Paragraph, QuoteSpan, Sentence, Source
from briefing.resolve.actor_index import build_index
from briefing.resolve.quotes import resolve_quotes


def one_quote(speaker_text: str, speaker_name: str | None, speaker_type: str = "name") -> Extraction:
    body = f"“The harbour will reopen,” said {speaker_text}."
    sentence = Sentence(anchor="s1-1", start=0, end=len(body), text=body)
    source = Source(
        id="ellery-gazette",
        file="ellery-gazette.txt",
        title="Harbour",
        text=body,
        paragraphs=[Paragraph(anchor="p1", start=0, end=len(body), text=body, sentences=[sentence])],
    )
    quote = QuoteSpan(
        text="The harbour will reopen",
        kind="direct",
        start=1,
        end=24,
        anchor="s1-1",
        cue="said",
        speaker_text=speaker_text,
        speaker_type=speaker_type,
        speaker_name=speaker_name,
    )
    return Extraction(source=source, quotes=[quote])


def speaker_of(extraction: Extraction, actors: list[Actor]) -> str | None:
    (quote,) = resolve_quotes([extraction], build_index(actors), actors)
    return quote.speaker


def test_resolve_quotes_a_phrase_with_a_name_of_its_own_speaks_only_through_that_name():
    # "Whitfield" describes the treasurer (a campaign's name); Jane Roe, with no actor, is not Whitfield
    whitfield = Actor(id="dana-whitfield", name="Dana Whitfield", kind="person", aliases=["Dana Whitfield", "Whitfield"])
    extraction = one_quote("Whitfield campaign Treasurer Jane Roe", "Jane Roe")
    assert speaker_of(extraction, [whitfield]) is None
    roe = Actor(id="jane-roe", name="Jane Roe", kind="person", aliases=["Jane Roe"])
    assert speaker_of(extraction, [whitfield, roe]) == "jane-roe"


def test_resolve_quotes_a_role_beside_a_name_speaks_through_the_name():
    roe = Actor(id="jane-roe", name="Jane Roe", kind="person", aliases=["Jane Roe", "Roe"])
    extraction = one_quote("the top adviser to the mayor, Gen. Jane Roe", None, "role")
    assert speaker_of(extraction, [roe]) == "jane-roe"
