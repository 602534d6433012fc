"""Comparing sources: who reports what (the coverage matrix), what only one source has, what
a source shares with others, and its side of each discrepancy."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from briefing.model import COPY_SHARE, Source
from briefing.render.lookup import Lookup, anchor_key
from briefing.render.overview import key_events
from briefing.render.records import RecordViews
from briefing.render.views import CoverageRow, Link, SharedPassageView

# The coverage matrix compares the first sources by date on the key events and actors.
MAX_COVERAGE_SOURCES = 25
COVERAGE_EVENTS = 15
COVERAGE_ACTORS = 15


def coverage_columns(lookup: Lookup) -> list[tuple[str, Link]]:
    """The sources compared, by date: (short label, link); at most MAX_COVERAGE_SOURCES."""
    sources = lookup.sources_by_date()[:MAX_COVERAGE_SOURCES]
    return [(f"S{i}", lookup.source_link(s.id)) for i, s in enumerate(sources, start=1)]


def event_coverage(views: RecordViews) -> list[CoverageRow]:
    """A row per key event: per source, a link to the first sentence reporting it, "yes" or None."""
    lookup = views.lookup
    columns = [s.id for s in lookup.sources_by_date()[:MAX_COVERAGE_SOURCES]]
    rows = []
    for view in key_events(views, limit=COVERAGE_EVENTS):
        event = lookup.events[view.id]
        first: dict[str, str] = {}
        for mention in sorted(event.mentions, key=lambda m: anchor_key(m.anchor)):
            first.setdefault(mention.source, mention.anchor)
        cells: list[Link | str | None] = [
            lookup.anchor_link(sid, first[sid]) if sid in first else ("yes" if sid in event.sources else None)
            for sid in columns
        ]
        rows.append(CoverageRow(view.link, cells))
    return rows


def actor_coverage(lookup: Lookup) -> list[CoverageRow]:
    """A row per most prominent actor: per source, how often it names the actor (None for never)."""
    columns = [s.id for s in lookup.sources_by_date()[:MAX_COVERAGE_SOURCES]]
    rows = []
    for actor in lookup.actors_by_prominence()[:COVERAGE_ACTORS]:
        counts: dict[str, int] = defaultdict(int)
        for mention in actor.mentions:
            counts[mention.source] += 1
        link = lookup.actor_link(actor.id)
        assert link is not None
        rows.append(CoverageRow(link, [str(counts[sid]) if counts.get(sid) else None for sid in columns]))
    return rows


def only_in(views: RecordViews, source: Source) -> dict[str, list[Any]]:
    """What no other source has, counting the source's copies as itself: events every sentence of which
    is in it (or a copy), statements no other source carries, actors no other source names."""
    lookup = views.lookup
    own = lookup.with_copies(source.id)
    # An event counts every source that reports it: those it lists and those of its sentences
    # (an analyst's curation or a hand-edited file can leave the two apart).
    events = [
        views.event_view(e) for e in lookup.events_by_source.get(source.id, [])
        if set(e.sources) | {m.source for m in e.mentions} <= own
    ]
    statements = [
        st for st in views.statements(lookup.quotes_by_source.get(source.id, []))
        if all(lookup.statement_sources.get(q.id, {source.id}) <= own for q in st.quotes)
    ]
    actors = [
        views.actor_view(a) for a, _ in lookup.actors_by_source.get(source.id, [])
        if set(a.sources) | {m.source for m in a.mentions} <= own
    ]
    copies = [lookup.source_link(s) for s in sorted(own - {source.id}, key=lookup.source_sort_key)]
    return {"events": events, "statements": statements, "actors": actors, "copies": copies}


def own_versions(views: RecordViews, source_id: str) -> list[dict[str, Any]]:
    """This source's side of each discrepancy it is part of, linking to the full comparison:
    a source page stays the same size however many sources disagree with it."""
    rows = []
    href = views.lookup.source_link(source_id).href
    for view in views.discrepancies(source_id):
        mine = [v for v in view.versions if v.source.href == href]
        others = {v.source.href for v in view.versions} - {v.source.href for v in mine}
        rows.append({"discrepancy": view, "mine": mine, "others": len(others)})
    return rows


def shared_passages(lookup: Lookup, source: Source) -> list[SharedPassageView]:
    """The sources this one shares text with: link, percent shared, and whether that makes it a copy.

    A view object, not a dict: in a template `p.copy` of a dict is the dict's copy method (always true).
    """
    return [
        SharedPassageView(lookup.source_link(p.source), round(100 * p.share), p.share >= COPY_SHARE)
        for p in source.shared_passages
        if p.source in lookup.sources
    ]
