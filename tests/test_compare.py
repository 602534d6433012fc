"""Across sources: copies, independent corroboration and discrepancies, on hand-made records."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.model import (
    DateValue,
    Event,
    EventMention,
    Extraction,
    NumberSpan,
    Paragraph,
    Quote,
    Sentence,
    Source,
)
from briefing.resolve.compare import (
    count_independent,
    find_discrepancies,
    find_shared_passages,
    independence_groups,
)
from briefing.resolve.quotes import group_statements

WIRE = (
    "Rescue teams reached the flooded villages below the dam late on Monday after the water receded, "
    "and officials said more than two hundred families had been moved to shelters in the hills."
)


def source(source_id: str, body: str, *, outlet: str | None = None, republished_from: str | None = None) -> Source:
    sentence = Sentence(anchor="s1-1", start=0, end=len(body), text=body)
    return Source(
        id=source_id,
        file=f"{source_id}.txt",
        title=source_id,
        outlet=outlet,
        republished_from=republished_from,
        text=body,
        paragraphs=[Paragraph(anchor="p1", start=0, end=len(body), text=body, sentences=[sentence])],
    )


def test_compare_copies_count_once_and_partial_overlap_is_reported():
    sources = find_shared_passages(
        [
            source("wire", WIRE, outlet="Northwire"),
            source("copy", WIRE + " The regional governor will visit on Tuesday."),
            source("own", "The regional governor said the dam had been inspected last spring and found sound."),
        ]
    )
    by_id = {s.id: s for s in sources}
    assert by_id["wire"].shared_passages[0].source == "copy"
    assert by_id["wire"].shared_passages[0].share == 1.0
    assert by_id["own"].shared_passages == []
    groups = independence_groups(sources)
    event = Event(id="e", title="Rescue", sources=["copy", "own", "wire"])
    assert count_independent([event], groups)[0].independent_sources == 2


def test_compare_republished_report_is_not_independent():
    sources = [
        source("original", "The minister resigned on Friday.", outlet="The Ledger"),
        source("republished", "A different text about the resignation.", outlet="The Ledger", republished_from="The Ledger"),
    ]
    groups = independence_groups(find_shared_passages(sources))
    assert groups["original"] == groups["republished"]


def make_numbers(source_id: str, sentence: str, number: str, value: float, unit: str) -> Extraction:
    body = sentence
    start = body.index(number)
    return Extraction(
        source=source(source_id, body),
        numbers=[NumberSpan(text=number, value=value, unit=unit, start=start, end=start + len(number), anchor="s1-1")],
    )


def test_compare_two_sources_giving_different_counts_for_the_same_fact():
    extractions = [
        make_numbers("a", "The flood killed 12 villagers in the valley on Monday.", "12 villagers", 12, "villager"),
        make_numbers("b", "At least 15 villagers were killed by the flood in the valley.", "15 villagers", 15, "villager"),
        make_numbers("c", "Some 40 villagers attended the market in the town.", "40 villagers", 40, "villager"),
    ]
    found = find_discrepancies(extractions, [], [], [])
    assert [d.kind for d in found] == ["number"]
    assert {v.source: v.value for v in found[0].versions} == {"a": "12 villagers", "b": "15 villagers"}


def test_compare_counts_of_different_kinds_of_one_noun_are_no_discrepancy():
    """ "Four fire crews" and "22 ambulance crews" count different crews; "at least 9 crews" and
    "12 rescue crews" may count the same ones."""
    extractions = [
        make_numbers("a", "Four fire crews and the harbour police were at the Ellery quay on Monday.", "Four fire crews", 4, "crew"),
        make_numbers("b", "Some 22 ambulance crews were at the Ellery quay on Monday.", "22 ambulance crews", 22, "crew"),
    ]
    assert find_discrepancies(extractions, [], [], []) == []
    extractions = [
        make_numbers("a", "At least 9 crews were at the Ellery quay on Monday.", "At least 9 crews", 9, "crew"),
        make_numbers("b", "Some 12 rescue crews were at the Ellery quay on Monday.", "12 rescue crews", 12, "crew"),
    ]
    assert [d.kind for d in find_discrepancies(extractions, [], [], [])] == ["number"]


def test_compare_same_count_is_no_discrepancy():
    extractions = [
        make_numbers("a", "About 300 soldiers remain at the border post.", "300 soldiers", 300, "soldier"),
        make_numbers("b", "Some 300 soldiers remain at the border post, officials said.", "300 soldiers", 300, "soldier"),
    ]
    assert find_discrepancies(extractions, [], [], []) == []


def test_compare_disputed_event_date_and_quote_wording():
    day = dt.date(2031, 3, 3)
    event = Event(
        id="dam-vote",
        title="Council votes on the dam",
        date=day,
        date_disputed=True,
        sources=["a", "b"],
        mentions=[
            EventMention(source="a", anchor="s1-1", text="The council voted on Monday.", date=DateValue(value=day)),
            EventMention(source="b", anchor="s2-1", text="The council voted on Sunday.", date=DateValue(value=day - dt.timedelta(days=1))),
        ],
    )
    quotes = group_statements(
        [
            Quote(id="a-q1", source="a", text="We will rebuild every house that the water took", speaker="mayor", anchor="s1-1", start=0, end=1),
            Quote(id="b-q1", source="b", text="We will rebuild every home that the water took", speaker="mayor", anchor="s3-1", start=0, end=1),
        ]
    )
    found = find_discrepancies([], [], quotes, [event])
    assert sorted(d.kind for d in found) == ["date", "wording"]
    date = next(d for d in found if d.kind == "date")
    assert [v.value for v in date.versions] == ["2031-03-03", "2031-03-02"]


def test_compare_statements_group_copies_across_sources_not_within_one():
    def quote(qid: str, source: str, text: str, speaker: str | None) -> Quote:
        return Quote(id=qid, source=source, text=text, speaker=speaker, anchor="s1-1", start=0, end=1)

    long_text = "We will rebuild every house that the water took from this valley"
    variant = "We will rebuild every home that the water took from this valley"
    quotes = [
        *(quote(f"w{i}", f"wire-{i}", long_text, "mayor") for i in range(30)),  # one statement carried 30 times
        quote("v", "paper", variant, None),  # another wording, speaker not found: the same statement
        quote("x1", "solo", "The barrier failed before anyone could warn the lower town", "engineer"),
        quote("x2", "solo", "The barrier failed before anyone could warn the lower town", "engineer"),  # same source
        quote("o", "other", "The barrier failed before anyone could warn the lower town", "mayor"),  # another speaker
        quote("s1", "a", "No comment", "mayor"),
        quote("s2", "b", "No comment", "mayor"),  # too short to tell a statement
    ]
    statement = {q.id: q.statement for q in group_statements(quotes)}
    assert len({statement[f"w{i}"] for i in range(30)} | {statement["v"]}) == 1
    assert len({statement["x1"], statement["x2"], statement["o"], statement["w0"]}) == 4
    assert statement["s1"] != statement["s2"]


def _wording(texts: list[str]) -> list[str]:
    """The titles of the wording discrepancies found among `texts`, one statement quoted by one source each."""
    quotes = [
        Quote(id=f"q{i}", source=f"s{i}", text=text, speaker="warden", anchor="s1-1", start=0, end=1, statement="st")
        for i, text in enumerate(texts)
    ]
    return [d.title for d in find_discrepancies([], [], quotes, []) if d.kind == "wording"]


@pytest.mark.parametrize(
    "texts",
    [
        # the same name glossed by each editor in other brackets
        ["Nobody leaves before the Brannock Guard [BG] has gone", "Nobody leaves before the Brannock Guard (the militia) has gone"],
        # a gloss in one source only
        ["We closed the Tessaly crossing (on the northern border) at dawn", "We closed the Tessaly crossing at dawn"],
        # a shorter quote of the same words
        ["the crossing stays shut", "We closed the Tessaly crossing at dawn and the crossing stays shut"],
        # the same count, in the gloss and in the text
        ["The storm took 40 boats (most of the fleet)", "The storm took 40 boats [of the fleet]"],
        # two parts of one longer quote, carried whole by a third source
        ["The water rose in minutes.", "We ran for the hill.",
         "I was on the quay. The water rose in minutes. We ran for the hill."],
        # British and American spelling, a name written as one word or two
        ["the ferry was travelling far too fast for Harbour Lines", "the ferry was traveling far too fast for HarbourLines"],
    ],
)
def test_compare_same_words_with_other_glosses_are_no_discrepancy(texts: list[str]) -> None:
    assert _wording(texts) == []


@pytest.mark.parametrize(
    "texts",
    [
        ["At least 50 people were lost when the ferry sank", "58 people were lost when the ferry sank"],
        ["The ferry (which carried 50 passengers) sank off Ellery", "The ferry (which carried 58 passengers) sank off Ellery"],
        ["We will rebuild every house that the water took", "We will rebuild every home that the water took"],
        # the fullest versions go on differently
        ["The water rose in minutes.", "I was on the quay. The water rose in minutes.",
         "The water rose in minutes. Nobody came."],
    ],
)
def test_compare_other_words_or_counts_are_a_discrepancy(texts: list[str]) -> None:
    assert len(_wording(texts)) == 1


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Short words stay whole", "Wording of “Short words stay whole”"),
        ("There is no need for the patrols to stay on the ridge after defeating the raiders",
         "Wording of “There is no need for the patrols to stay on the ridge after…”"),
        ("x" * 70, f"Wording of “{'x' * 60}…”"),  # one word longer than a heading: cut where it must
    ],
)
def test_compare_wording_heading_ends_on_a_whole_word(text: str, title: str) -> None:
    assert _wording([text, text.replace(text[:5], "Other", 1) + " too"]) == [title]
