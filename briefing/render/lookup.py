"""Lookups over one corpus: records by id, the indexes between them, their order, links to their pages."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any
from urllib.parse import quote as url_quote

from briefing.model import Actor, Corpus, Discrepancy, Event, Quote, Source
from briefing.render.escaping import safe_name
from briefing.resolve.compare import independence_groups
from briefing.render.views import Link


def page_path(kind: str, record_id: str) -> str:
    """Path of a record's page relative to docs/, as used in links."""
    return f"{kind}/{safe_name(record_id)}.md"


def anchor_key(anchor: str) -> tuple[Any, ...]:
    """Sort key of a sentence or paragraph anchor, numbers as numbers: s2-9 before s2-10."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", anchor))


class Lookup:
    """Every record by id, what refers to what, in which order, and the links to their pages.

    Built once from the whole corpus before any page, so every page orders and links the same way.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.sources: dict[str, Source] = {s.id: s for s in corpus.sources}
        self.actors: dict[str, Actor] = {a.id: a for a in corpus.actors}
        self.events: dict[str, Event] = {e.id: e for e in corpus.events}
        # (source id, sentence or paragraph anchor) -> (start, end, text)
        self.sentences: dict[tuple[str, str], tuple[int, int, str]] = {}
        for source in corpus.sources:
            for paragraph in source.paragraphs:
                for sentence in paragraph.sentences:
                    self.sentences[(source.id, sentence.anchor)] = (sentence.start, sentence.end, sentence.text)
                self.sentences.setdefault((source.id, paragraph.anchor), (paragraph.start, paragraph.end,
                                                                          paragraph.text))
        self.quotes_by_speaker: dict[str | None, list[Quote]] = defaultdict(list)
        self.quotes_by_source: dict[str, list[Quote]] = defaultdict(list)
        for q in sorted(corpus.quotes, key=self.quote_key):
            self.quotes_by_speaker[q.speaker].append(q)
            self.quotes_by_source[q.source].append(q)
        self.events_by_actor: dict[str, list[Event]] = defaultdict(list)
        self.events_by_source: dict[str, list[Event]] = defaultdict(list)
        for event in self.events_in_date_order():
            for actor_id in dict.fromkeys([*event.participants, *([event.place] if event.place else [])]):
                self.events_by_actor[actor_id].append(event)
            for source_id in dict.fromkeys([*event.sources, *(m.source for m in event.mentions)]):
                self.events_by_source[source_id].append(event)
        # quote id -> the sources carrying its statement
        carried_by: dict[str, set[str]] = defaultdict(set)
        for q in corpus.quotes:
            carried_by[q.statement or q.id].add(q.source)
        self.statement_sources = {q.id: carried_by[q.statement or q.id] for q in corpus.quotes}
        # source id -> (start, end, actor page) of every mention: gathered once, not per source page
        self.mentions_by_source: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for actor in corpus.actors:
            page = url_quote(page_path("actors", actor.id))
            for mention in actor.mentions:
                self.mentions_by_source[mention.source].append((mention.start, mention.end, page))
        # source id -> (actor, its mentions there) of every actor it names, most prominent first
        self.actors_by_source: dict[str, list[tuple[Actor, int]]] = defaultdict(list)
        for actor in self.actors_by_prominence():
            counts: dict[str, int] = defaultdict(int)
            for mention in actor.mentions:
                counts[mention.source] += 1
            for source_id in sorted(set(counts) | set(actor.sources)):
                self.actors_by_source[source_id].append((actor, counts.get(source_id, 0)))
        self.discrepancies_by_source: dict[str, list[Discrepancy]] = defaultdict(list)
        for item in corpus.discrepancies:
            for source_id in dict.fromkeys(v.source for v in item.versions):
                self.discrepancies_by_source[source_id].append(item)
        # group id -> a source and its copies (shared text, republication): they tell one story
        self._copies: dict[str, set[str]] = defaultdict(set)
        self._copy_group = independence_groups(corpus.sources)
        for source_id, group in self._copy_group.items():
            self._copies[group].add(source_id)
        self._source_links: dict[str, Link] = {}
        # A source id written inside a note (a date's basis: "publication date of <id>"), longest first.
        ids = sorted((re.escape(s.id) for s in corpus.sources), key=len, reverse=True)
        self._source_ids = re.compile(rf"(?<![\w-])({'|'.join(ids)})(?![\w-])") if ids else None

    def with_copies(self, source_id: str) -> set[str]:
        """The source and its copies (and the sources it copies): together they count as one."""
        return self._copies.get(self._copy_group.get(source_id, ""), set()) | {source_id}

    # ---- order

    def quote_key(self, q: Quote) -> tuple[Any, ...]:
        """Quotes in the order of their sources, then of their place in the text."""
        return (self.source_sort_key(q.source), q.start, q.id)

    def source_sort_key(self, source_id: str) -> tuple[Any, ...]:
        """Sources by publication date (undated last), then title."""
        source = self.sources.get(source_id)
        published = source.published if source and source.published else dt.date.max
        return (published, source.title if source else source_id, source_id)

    def sources_by_date(self) -> list[Source]:
        return sorted(self.corpus.sources, key=lambda s: self.source_sort_key(s.id))

    def actors_by_prominence(self) -> list[Actor]:
        return sorted(
            self.corpus.actors,
            key=lambda a: (-a.prominence.score, -a.prominence.sources, -a.prominence.mentions, a.name, a.id),
        )

    def events_in_date_order(self) -> list[Event]:
        return sorted(self.corpus.events, key=lambda e: (e.date is None, e.date or dt.date.max, e.title, e.id))

    # ---- links

    def actor_link(self, actor_id: str | None) -> Link | None:
        if actor_id is None:
            return None
        actor = self.actors.get(actor_id)
        if actor is None:
            return None
        return Link(actor.name, url_quote(page_path("actors", actor.id)))

    def source_link(self, source_id: str) -> Link:
        """The source's page, named by its title; made once per source, as most links lead to one."""
        link = self._source_links.get(source_id)
        if link is None:
            source = self.sources.get(source_id)
            link = Link(source.title if source else source_id, url_quote(page_path("sources", source_id)))
            self._source_links[source_id] = link
        return link

    def cited_source(self, source_id: str) -> Link:
        """The source's page, named as a reader cites it: outlet and title ("Ellery Courier, “Harbour fire …”")."""
        source = self.sources[source_id]
        title = f"“{source.title}”"
        return Link(f"{source.outlet}, {title}" if source.outlet else title, self.source_link(source_id).href)

    def name_sources(self, text: str) -> list[str | Link]:
        """A note as pieces of text and links: every source id in it becomes its outlet and title."""
        if self._source_ids is None or not text:
            return [text] if text else []
        pieces: list[str | Link] = []
        for i, piece in enumerate(self._source_ids.split(text)):
            if i % 2:
                pieces.append(self.cited_source(piece))
            elif piece:
                pieces.append(piece)
        return pieces

    def outlet_link(self, source_id: str) -> Link:
        """The source's page, named by its outlet (copies of one story share their title), else by its title."""
        source = self.sources.get(source_id)
        link = self.source_link(source_id)
        return Link(source.outlet, link.href) if source is not None and source.outlet else link

    def anchor_link(self, source_id: str, anchor: str) -> Link:
        """Link to one sentence (or paragraph) on a source page; falls back to the page itself."""
        page = self.source_link(source_id).href
        if (source_id, anchor) in self.sentences:
            return Link(anchor, f"{page}#{url_quote(safe_name(anchor))}")
        return Link(anchor, page)

    def event_link(self, event: Event) -> Link:
        return Link(event.title, url_quote(page_path("events", event.id)))
