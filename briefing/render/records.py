"""The views of records: events, quotes, statements, actors and discrepancies, each made once.

Source and actor pages list the same events and quotes many times over: a record's view is
made the first time a page asks for it, and every later page gets the same one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar
from urllib.parse import quote as url_quote

from briefing.model import Actor, Discrepancy, Event, Quote
from briefing.render.labels import KIND_LABELS, PRECISION_LABELS, format_date
from briefing.render.lookup import Lookup, anchor_key, page_path
from briefing.render.sentences import sentence_ref
from briefing.render.views import (
    ActorView,
    DateView,
    DiscrepancyView,
    EventMentionView,
    EventRow,
    EventView,
    Link,
    QuoteView,
    SentenceRef,
    StatementView,
    VersionView,
)

DISCREPANCY_KINDS = ("number", "date", "name", "wording")

V = TypeVar("V")


def _once(made: dict[str, V], key: str, make: Callable[[], V]) -> V:
    """made[key], made by make() the first time it is asked for."""
    if key not in made:
        made[key] = make()
    return made[key]


def date_view(value: dt.date | None, precision: str | None, basis: list[str | Link]) -> DateView:
    return DateView(
        label=format_date(value, precision),
        precision=PRECISION_LABELS.get(precision or "", "") if value else "",
        basis=basis,
        sort_key=(1, "") if value is None else (0, value.isoformat()),
    )


class RecordViews:
    """The views of one corpus's records, made from its Lookup, each once, shared by every page."""

    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self._event_views: dict[str, EventView] = {}
        self._quote_views: dict[str, QuoteView] = {}
        self._discrepancy_views: dict[str, DiscrepancyView] = {}

    def event_view(self, event: Event) -> EventView:
        return _once(self._event_views, event.id, lambda: self._make_event_view(event))

    def _make_event_view(self, event: Event) -> EventView:
        lookup = self.lookup
        mentions = []
        rows: dict[tuple[str, str], EventRow] = {}  # in order of first appearance
        for m in sorted(event.mentions, key=lambda m: (lookup.source_sort_key(m.source), m.anchor)):
            view = EventMentionView(
                source=lookup.source_link(m.source),
                anchor=lookup.anchor_link(m.source, m.anchor),
                text=m.text or lookup.sentences.get((m.source, m.anchor), (0, 0, ""))[2],
                date=format_date(m.date.value, m.date.precision) if m.date else "",
                date_text=m.date.text if m.date else "",
                date_basis=lookup.name_sources(m.date.basis) if m.date else [],
            )
            mentions.append(view)
            row = rows.get((view.text, view.date))
            if row is None:
                rows[(view.text, view.date)] = EventRow(view)
            elif view.anchor not in [row.first.anchor, *(c.anchor for c in row.copies)]:  # two triggers, one sentence
                row.copies.append(replace(view, source=lookup.outlet_link(m.source)))
        participants = [link for a in event.participants if (link := lookup.actor_link(a)) is not None]
        return EventView(
            id=event.id,
            title=event.title,
            link=lookup.event_link(event),
            date=date_view(event.date, event.date_precision, lookup.name_sources(event.date_basis or "")),
            disputed=event.date_disputed,
            place=lookup.actor_link(event.place),
            participants=participants,
            source_count=len(set(event.sources) | {m.source for m in event.mentions}),
            independent=event.independent_sources,
            mentions=mentions,
            rows=list(rows.values()),
        )

    def quote_view(self, q: Quote) -> QuoteView:
        return _once(self._quote_views, q.id, lambda: self._make_quote_view(q))

    def _make_quote_view(self, q: Quote) -> QuoteView:
        lookup = self.lookup
        return QuoteView(
            id=q.id,
            text=q.text,
            kind=q.kind,
            speaker=lookup.actor_link(q.speaker),
            speaker_text=q.speaker_text or "",
            source=lookup.source_link(q.source),
            anchor=lookup.anchor_link(q.source, q.anchor),
            cue=q.cue or "",
        )

    def actor_view(self, actor: Actor) -> ActorView:
        return ActorView(
            id=actor.id,
            name=actor.name,
            kind=KIND_LABELS.get(actor.kind, actor.kind),
            link=Link(actor.name, url_quote(page_path("actors", actor.id))),
            actor=actor,
        )

    def statements(self, quotes: Iterable[Quote]) -> list[StatementView]:
        """Group quotes by statement id (a quote without one is its own statement), in source order."""
        groups: dict[str, list[Quote]] = {}
        for q in sorted(quotes, key=self.lookup.quote_key):
            groups.setdefault(q.statement or f"\0{q.id}", []).append(q)
        views = []
        for members in groups.values():
            first = members[0]
            speaker_id = next((q.speaker for q in members if q.speaker), None)
            quote_views = [self.quote_view(q) for q in members]
            views.append(
                StatementView(
                    text=first.text,
                    kind=first.kind,
                    speaker=self.lookup.actor_link(speaker_id),
                    speaker_texts=sorted({q.speaker_text for q in members if q.speaker_text}),
                    quotes=quote_views,
                    variants=[v for v in quote_views if _normalise(v.text) != _normalise(first.text)],
                    source_count=len({q.source for q in members}),
                )
            )
        return views

    def discrepancy_view(self, item: Discrepancy) -> DiscrepancyView:
        return _once(self._discrepancy_views, item.id, lambda: self._make_discrepancy_view(item))

    def _make_discrepancy_view(self, item: Discrepancy) -> DiscrepancyView:
        lookup = self.lookup
        subject = lookup.actor_link(item.subject)
        if subject is None and item.subject in lookup.events:
            subject = lookup.event_link(lookup.events[item.subject])
        versions = sorted(item.versions, key=lambda v: (lookup.source_sort_key(v.source), anchor_key(v.anchor)))
        return DiscrepancyView(
            id=item.id,
            kind=item.kind,
            title=item.title,
            subject=subject,
            versions=[
                VersionView(lookup.source_link(v.source), lookup.anchor_link(v.source, v.anchor), v.value, v.text,
                            self._version_sentence(v.source, v.anchor, v.value))
                for v in versions
            ],
        )

    def _version_sentence(self, source_id: str, anchor: str, value: str) -> SentenceRef:
        """The sentence a version was read from, its value marked where the sentence spells it so."""
        start, _, text = self.lookup.sentences.get((source_id, anchor), (0, 0, ""))
        at = text.casefold().find(value.casefold()) if value else -1
        return sentence_ref(self.lookup, source_id, anchor, [(start + at, start + at + len(value))] if at >= 0 else [])

    def discrepancies(self, source_id: str | None = None) -> list[DiscrepancyView]:
        """The discrepancies (those a source is part of, with `source_id`), by kind, then title."""
        lookup = self.lookup
        items = lookup.corpus.discrepancies if source_id is None else lookup.discrepancies_by_source.get(source_id, [])
        order = {kind: i for i, kind in enumerate(DISCREPANCY_KINDS)}
        return [self.discrepancy_view(d) for d in sorted(items, key=lambda d: (order.get(d.kind, 9), d.title, d.id))]


def _normalise(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()
