"""What the overview pages list: the dates covered, the key events, the timeline, who said what."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from briefing.render.labels import format_date
from briefing.render.lookup import Lookup
from briefing.render.records import RecordViews
from briefing.render.views import EventView, MonthGroup, SpeakerGroup, StatementView

KEY_EVENTS = 8


def date_range(lookup: Lookup) -> tuple[str, str]:
    """First and last event dates, as precise as known (none when no event is dated)."""
    dated = sorted((e.date, e.date_precision or "day") for e in lookup.corpus.events if e.date)
    if not dated:
        return ("", "")
    return (format_date(*dated[0]), format_date(*dated[-1]))


def reporting_range(lookup: Lookup) -> tuple[str, str]:
    """First and last publication dates of the sources: when the story was reported (the events
    told may reach far back, to a law or an earlier case)."""
    published = sorted(s.published for s in lookup.corpus.sources if s.published)
    if not published:
        return ("", "")
    return (format_date(published[0], "day"), format_date(published[-1], "day"))


def key_events(views: RecordViews, limit: int = 0) -> list[EventView]:
    """The events reported by the most sources (at most `limit`, default KEY_EVENTS), in date order."""
    lookup = views.lookup
    # Most sources first; among equals, day-dated events of the story before background
    # (a year or a month), the most recent first.
    ranked = sorted(
        lookup.corpus.events,
        key=lambda e: (
            -len(set(e.sources) | {m.source for m in e.mentions}),
            e.date is None,
            e.date_precision not in (None, "day"),
            -(e.date or dt.date.min).toordinal(),
            e.id,
        ),
    )[: limit or KEY_EVENTS]
    chosen = {e.id for e in ranked}
    return [views.event_view(e) for e in lookup.events_in_date_order() if e.id in chosen]


def timeline(views: RecordViews) -> list[MonthGroup]:
    """Every event in date order, grouped by month (by year for a year-dated one); undated last."""
    groups: dict[str, MonthGroup] = {}
    for event in views.lookup.events_in_date_order():
        if event.date is None:
            key, title = "undated", "Undated"
        elif event.date_precision == "year":
            key, title = f"y{event.date.year}", f"{event.date.year}"
        else:
            key, title = f"m{event.date:%Y-%m}", event.date.strftime("%B %Y")
        groups.setdefault(key, MonthGroup(key, title, [])).events.append(views.event_view(event))
    return list(groups.values())


def speaker_groups(views: RecordViews) -> list[SpeakerGroup]:
    """Statements by speaker, speakers by prominence; unresolved speakers last, as "Unattributed"."""
    lookup = views.lookup
    statements = views.statements(lookup.corpus.quotes)
    by_speaker: dict[str | None, list[StatementView]] = defaultdict(list)
    for statement in statements:
        by_speaker[statement.speaker.href if statement.speaker is not None else None].append(statement)
    groups = []
    for actor in lookup.actors_by_prominence():
        link = lookup.actor_link(actor.id)
        if link is not None and link.href in by_speaker:
            groups.append(SpeakerGroup(actor.name, link, by_speaker[link.href]))
    if None in by_speaker:
        groups.append(SpeakerGroup("Unattributed", None, by_speaker[None]))
    return groups
