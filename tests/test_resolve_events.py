"""Event clustering across sources (no model): merging, dating and titles, on an invented story."""

from __future__ import annotations

import datetime as dt

from briefing.model import DateValue, EventCandidate
from briefing.resolve.events import cluster_events

SUNDAY = dt.date(2031, 3, 9)  # a Sunday
MONDAY = dt.date(2031, 3, 10)


def candidate(
    sentence: str, predicate: str, participants=(), places=(), date: DateValue | None = None, nominal: bool = False
) -> EventCandidate:
    trigger = next((w for w in sentence.split() if w.lower().startswith(predicate[:4])), predicate)
    return EventCandidate(
        anchor=f"s{abs(hash(sentence)) % 97}",
        sentence=sentence,
        predicate=predicate,
        trigger=trigger,
        nominal=nominal,
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


def test_a_lone_event_noun_refers_to_an_event_and_makes_none():
    # "the killing" names an event told elsewhere: it neither joins its sentence's other action
    # nor stands as an event of its own when undated and told by one source.
    sentence = "The killing marked a turning point for Ellery."
    mentions = [
        ("a", candidate(sentence, "killing", nominal=True)),
        ("a", candidate(sentence, "mark")),
        ("b", candidate("Residents of Ellery recalled the arrest.", "arrest", nominal=True)),
    ]
    assert cluster_events(mentions, actor_of, PUBLISHED) == []


def test_an_event_told_by_nouns_joins_the_verb_event_of_its_sentences():
    # "a resolution passed by a special session", copied by two sources: the session is the vote.
    sentence = "A resolution passed by a special session of the Ostrava Council said the accord should end."
    sunday = day(SUNDAY, "on Sunday")
    mentions = [
        (source, candidate(sentence, predicate, ["Ostrava Council"], [], sunday, nominal=predicate == "session"))
        for source in ("a", "b")
        for predicate in ("pass", "session")
    ]
    events = cluster_events(mentions, actor_of, PUBLISHED)
    assert len(events) == 1, [e.predicate for e in events]
    assert events[0].predicate == "pass" and len(events[0].mentions) == 4


def test_title_comes_from_a_sentence_that_tells_the_event_by_its_verb():
    sunday = day(SUNDAY, "on Sunday")
    mentions = [
        ("a", candidate("Patrols ringed the Ostrava Council before Sunday's vote.", "vote", ["Ostrava Council"], [], sunday,
                        nominal=True)),
        ("b", candidate("The Ostrava Council on Sunday approved a motion to close the Velmora refinery.", "approve",
                        ["Ostrava Council"], [], sunday)),
        ("c", candidate("Councillors in Ostrava passed the motion on Sunday.", "pass", ["Ostrava Council"], [], sunday)),
    ]
    events = [e for e in cluster_events(mentions, actor_of, PUBLISHED) if "ostrava-council" in e.participants]
    assert len(events) == 1, events
    assert "vote" not in events[0].title.lower() and "Patrols" not in events[0].title, events[0].title
