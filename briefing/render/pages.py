"""Render a Corpus into Markdown pages under docs/ with the Jinja2 templates in templates/.

All decisions (ordering, lookups, links, labels) are made here and handed to the
templates as small view models; templates only loop and branch. Article text is
data: it reaches the templates through the context and every piece of it passes
the `md`, `html` or `attr` filter, so it cannot inject Markdown, HTML or Jinja.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote as url_quote

import jinja2

from briefing.system import forking
from briefing.render import pictures
from briefing.system.files import write_if_changed
from briefing.model import COPY_SHARE, Actor, Corpus, Discrepancy, Event, Paragraph, Quote, Source

KEY_EVENTS = 8
TOP_ACTORS = 12
# The coverage matrix compares the first sources by date on the key events and actors.
MAX_COVERAGE_SOURCES = 25
COVERAGE_EVENTS = 15
COVERAGE_ACTORS = 15
DISCREPANCY_KINDS = ("number", "date", "name", "wording")
GENERATED_DIRS = ("actors", "events", "sources")
ARTICLE_KINDS = frozenset({"body", "section"})
KIND_LABELS = {"person": "Person", "organization": "Organization", "place": "Place", "other": "Other"}
PRECISION_LABELS = {"day": "day", "week": "week", "month": "month", "year": "year"}
# Material's search: an actor page wins for any of its names; listings that repeat every
# name (timeline, quotes, indexes, tags) stay out of the results.
ACTOR_SEARCH_BOOST = 5
EVENT_SEARCH_BOOST = 2
# Article pages hold every word of the story: they rank below the actor and event pages.
SOURCE_SEARCH_BOOST = 0.5

# ------------------------------------------------------------------ escaping

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_WHITESPACE = re.compile(r"\s+")
# Block syntax (heading, list, quote, fence, admonition, definition ...) can only start the text.
_BLOCK_START = re.compile(r"[#+\-=~:?!.>*]|\d+[.)]")
_MARKDOWN_ESCAPES = str.maketrans(
    {
        **{c: "\\" + c for c in "\\`*_{}[]"},  # emphasis, code, attr_list, links, footnotes
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "|": "&#124;",  # table cells
    }
)


def escape_markdown(value: object) -> str:
    """Escape text for inline Markdown: no HTML, links, emphasis, attributes, tables or block syntax.

    Newlines collapse to spaces, so the text is one line and block syntax could only
    start at its first character, which is written as a numeric entity when it could.
    """
    return _escape_markdown(str(value))


@lru_cache(maxsize=1 << 16)  # names and titles are escaped for every link to them
def _escape_markdown(value: str) -> str:
    text = _WHITESPACE.sub(" ", value).strip()
    if _BLOCK_START.match(text):
        return f"&#{ord(text[0])};" + text[1:].translate(_MARKDOWN_ESCAPES)
    return text.translate(_MARKDOWN_ESCAPES)


def escape_inline(value: object) -> str:
    """Escape a piece of a Markdown line (spaces kept): used between inline HTML tags mid-line,
    where no block syntax can start."""
    return _WHITESPACE.sub(" ", str(value)).translate(_MARKDOWN_ESCAPES)


def escape_html(value: object) -> str:
    """Escape text for the content of a raw HTML block (no Markdown is processed there)."""
    return html.escape(_WHITESPACE.sub(" ", str(value)).strip(), quote=False)


def escape_attr(value: object) -> str:
    """Escape text for a double-quoted HTML attribute."""
    return html.escape(_WHITESPACE.sub(" ", str(value)).strip(), quote=True)


# MkDocs themes print page and site titles without escaping (and `striptags` unescapes
# entities), so titles get look-alike characters instead of HTML-special ones.
_TITLE_CHARS = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”"})


def plain_title(value: object) -> str:
    """A one-line title that is safe in MkDocs/Material templates, which do not escape titles."""
    return _WHITESPACE.sub(" ", str(value)).strip().translate(_TITLE_CHARS)


def yaml_title(value: object) -> str:
    """plain_title() as a double-quoted YAML scalar for a page's front matter."""
    return json.dumps(plain_title(value), ensure_ascii=False)


def safe_name(value: str) -> str:
    """A file name / HTML id made of [A-Za-z0-9._-], never empty, never starting with a dot."""
    name = _SAFE_NAME.sub("-", value).strip(".-")
    return name or "item"


_PLAIN_TAG = re.compile(r"[^\W_]+(?:[ '’.-][^\W_]+)*")


def tag_anchor(tag: str) -> str:
    """The id of a tag's section on the tags page (tags.md), where a page's tag chip links to:
    readable for a plain name ("tag-person"), a digest for anything else (an outlet's name is article text)."""
    if len(tag) <= 40 and _PLAIN_TAG.fullmatch(tag) and tag.isascii():
        return "tag-" + safe_name(tag.casefold())
    return "tag-" + hashlib.sha256(tag.encode("utf-8", "surrogatepass")).hexdigest()[:10]


# ------------------------------------------------------------------ view models


@dataclass(frozen=True)
class Link:
    """Text and an href relative to the docs root (templates prefix it with `base`)."""

    text: str
    href: str


@dataclass(frozen=True)
class Segment:
    """A piece of a sentence; `mark` pieces are the mention being shown."""

    text: str
    mark: bool = False
    space_after: bool = False


@dataclass(frozen=True)
class SentenceRef:
    source: Link
    anchor: Link
    text: str
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class SentenceCopies:
    """One sentence as shown (its words and marks) and every place it was found: a sentence that
    copies of a story share is listed once, with each source that carries it."""

    segments: tuple[Segment, ...]
    places: tuple[SentenceRef, ...]  # the first place first

    @property
    def first(self) -> SentenceRef:
        return self.places[0]

    @property
    def copies(self) -> tuple[SentenceRef, ...]:
        return self.places[1:]


@dataclass(frozen=True)
class DateView:
    label: str  # "2031-03-04", "2031-03", "week of 2031-03-02", "undated"
    precision: str
    basis: str
    sort_key: tuple[int, str]


@dataclass(frozen=True)  # shared: made once per quote
class QuoteView:
    id: str
    text: str
    kind: str
    speaker: Link | None
    speaker_text: str
    source: Link
    anchor: Link
    cue: str


@dataclass
class StatementView:
    """Quotes sharing a statement id: shown once, with each source's wording when it differs."""

    text: str
    kind: str
    speaker: Link | None
    speaker_texts: list[str]
    quotes: list[QuoteView]
    variants: list[QuoteView]
    source_count: int


@dataclass
class SpeakerGroup:
    title: str
    actor: Link | None
    statements: list[StatementView]


@dataclass(frozen=True)  # shared: made once per event
class EventView:
    id: str
    title: str
    link: Link
    date: DateView
    disputed: bool
    place: Link | None
    participants: list[Link]
    source_count: int
    independent: int
    mentions: list[EventMentionView] = field(default_factory=list)
    rows: list[EventRow] = field(default_factory=list)  # the mentions, copies of one sentence together


@dataclass
class EventMentionView:
    source: Link
    anchor: Link
    text: str
    date: str
    date_text: str
    date_basis: str


@dataclass
class EventRow:
    """A sentence and the date it gives, from its first source; the sources that carry the same
    sentence with the same date (copies of one story) are cited in the same row, by outlet."""

    first: EventMentionView
    copies: list[EventMentionView] = field(default_factory=list)


@dataclass
class ActorView:
    id: str
    name: str
    kind: str
    link: Link
    actor: Actor


@dataclass
class ParagraphView:
    anchor: str
    kind: str
    sentences: list[tuple[str, str]]  # (anchor id, text)
    text: str
    annotated: list[tuple[str, list[Piece]]] = field(default_factory=list)  # (anchor id, pieces)


@dataclass(frozen=True)
class Piece:
    """A run of a sentence: plain, a linked actor mention, and/or inside a quotation."""

    text: str
    href: str = ""  # docs-relative page of the actor named here
    quoted: bool = False


@dataclass
class ParagraphBlock:
    """Consecutive paragraphs shown together: the article, or one folded boilerplate kind."""

    boilerplate: bool
    kind: str
    paragraphs: list[ParagraphView]


@dataclass(frozen=True)
class CoverageRow:
    label: Link
    cells: list[Link | str | None]  # per source column: a link to the sentence, a count, or None


@dataclass(frozen=True)
class VersionView:
    source: Link
    anchor: Link
    value: str
    text: str


@dataclass(frozen=True)
class DiscrepancyView:
    id: str
    kind: str
    title: str
    subject: Link | None
    versions: list[VersionView]


@dataclass(frozen=True)
class TagGroup:
    """One tag on the tags page: its name, its section id and the pages carrying it."""

    name: str
    anchor: str
    pages: list[Link]


@dataclass
class MonthGroup:
    id: str
    title: str
    events: list[EventView]


# ------------------------------------------------------------------ the site


V = TypeVar("V")


def _once(made: dict[str, V], key: str, make: Callable[[], V]) -> V:
    """made[key], made by make() the first time it is asked for."""
    if key not in made:
        made[key] = make()
    return made[key]


def page_path(kind: str, record_id: str) -> str:
    """Path of a record's page relative to docs/, as used in links."""
    return f"{kind}/{safe_name(record_id)}.md"


def format_date(value: dt.date | None, precision: str | None) -> str:
    """A date as precise as it is known: 2031-03-04, 2031-03, 2031, week of 2031-03-02."""
    if value is None:
        return "undated"
    if precision == "month":
        return value.strftime("%Y-%m")
    if precision == "year":
        return value.strftime("%Y")
    if precision == "week":
        return f"week of {value.isoformat()}"
    return value.isoformat()


class Site:
    """Lookups and view models over one corpus, built once and shared by every page."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.sources: dict[str, Source] = {s.id: s for s in corpus.sources}
        self.actors: dict[str, Actor] = {a.id: a for a in corpus.actors}
        self.events: dict[str, Event] = {e.id: e for e in corpus.events}
        self.sentences: dict[tuple[str, str], tuple[int, int, str]] = {}
        for source in corpus.sources:
            for paragraph in source.paragraphs:
                for sentence in paragraph.sentences:
                    self.sentences[(source.id, sentence.anchor)] = (sentence.start, sentence.end, sentence.text)
                self.sentences.setdefault((source.id, paragraph.anchor), (paragraph.start, paragraph.end,
                                                                          paragraph.text))
        self.quotes_by_speaker: dict[str | None, list[Quote]] = defaultdict(list)
        self.quotes_by_source: dict[str, list[Quote]] = defaultdict(list)
        for q in sorted(corpus.quotes, key=self._quote_key):
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
        statement_sources: dict[str, set[str]] = defaultdict(set)
        for q in corpus.quotes:
            statement_sources[q.statement or q.id].add(q.source)
        self._statement_sources = {q.id: statement_sources[q.statement or q.id] for q in corpus.quotes}
        # source id -> (start, end, actor page) of every mention: gathered once, not per source page
        self.mentions_by_source: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for actor in corpus.actors:
            page = url_quote(page_path("actors", actor.id))
            for mention in actor.mentions:
                self.mentions_by_source[mention.source].append((mention.start, mention.end, page))
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
        self._event_views: dict[str, EventView] = {}
        self._quote_views: dict[str, QuoteView] = {}
        self._discrepancy_views: dict[str, DiscrepancyView] = {}
        self._source_links: dict[str, Link] = {}

    # ---- ordering

    def _quote_key(self, q: Quote) -> tuple[Any, ...]:
        return (self.source_sort_key(q.source), q.start, q.id)

    def source_sort_key(self, source_id: str) -> tuple[Any, ...]:
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
        return _once(self._source_links, source_id, lambda: self._make_source_link(source_id))

    def _make_source_link(self, source_id: str) -> Link:
        source = self.sources.get(source_id)
        return Link(source.title if source else source_id, url_quote(page_path("sources", source_id)))

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

    # ---- views

    def sentence_ref(self, source_id: str, anchor: str, marks: Iterable[tuple[int, int]] = ()) -> SentenceRef:
        start, end, text = self.sentences.get((source_id, anchor), (0, 0, ""))
        pieces: list[tuple[str, bool]] = []
        cursor = start
        for m_start, m_end in sorted(set(marks)):
            if m_start < cursor or m_end > end or m_start >= m_end:
                continue
            pieces.append((text[cursor - start : m_start - start], False))
            pieces.append((text[m_start - start : m_end - start], True))
            cursor = m_end
        pieces.append((text[cursor - start :], False))
        # The escaping filter trims each piece, so remember where the spaces between them were.
        segments = []
        for i, (piece, mark) in enumerate(pieces):
            if not piece.strip():
                continue
            following = "".join(p for p, _ in pieces[i + 1 :])
            space_after = piece[-1].isspace() or (following[:1].isspace() if following.strip() else False)
            segments.append(Segment(piece, mark, space_after))
        return SentenceRef(
            source=self.source_link(source_id),
            anchor=self.anchor_link(source_id, anchor),
            text=text,
            segments=tuple(segments),
        )

    def date_view(self, value: dt.date | None, precision: str | None, basis: str | None) -> DateView:
        return DateView(
            label=format_date(value, precision),
            precision=PRECISION_LABELS.get(precision or "", "") if value else "",
            basis=basis or "",
            sort_key=(1, "") if value is None else (0, value.isoformat()),
        )

    def event_view(self, event: Event) -> EventView:
        """An event's view, made once: source and actor pages list the same events many times over."""
        return _once(self._event_views, event.id, lambda: self._make_event_view(event))

    def _make_event_view(self, event: Event) -> EventView:
        mentions = []
        rows: dict[tuple[str, str], EventRow] = {}  # in order of first appearance
        for m in sorted(event.mentions, key=lambda m: (self.source_sort_key(m.source), m.anchor)):
            view = EventMentionView(
                source=self.source_link(m.source),
                anchor=self.anchor_link(m.source, m.anchor),
                text=m.text or self.sentences.get((m.source, m.anchor), (0, 0, ""))[2],
                date=format_date(m.date.value, m.date.precision) if m.date else "",
                date_text=m.date.text if m.date else "",
                date_basis=m.date.basis if m.date else "",
            )
            mentions.append(view)
            row = rows.get((view.text, view.date))
            if row is None:
                rows[(view.text, view.date)] = EventRow(view)
            elif view.anchor not in [row.first.anchor, *(c.anchor for c in row.copies)]:  # two triggers, one sentence
                row.copies.append(replace(view, source=self.outlet_link(m.source)))
        participants = [link for a in event.participants if (link := self.actor_link(a)) is not None]
        return EventView(
            id=event.id,
            title=event.title,
            link=self.event_link(event),
            date=self.date_view(event.date, event.date_precision, event.date_basis),
            disputed=event.date_disputed,
            place=self.actor_link(event.place),
            participants=participants,
            source_count=len(set(event.sources) | {m.source for m in event.mentions}),
            independent=event.independent_sources,
            mentions=mentions,
            rows=list(rows.values()),
        )

    def quote_view(self, q: Quote) -> QuoteView:
        return _once(self._quote_views, q.id, lambda: self._make_quote_view(q))

    def _make_quote_view(self, q: Quote) -> QuoteView:
        return QuoteView(
            id=q.id,
            text=q.text,
            kind=q.kind,
            speaker=self.actor_link(q.speaker),
            speaker_text=q.speaker_text or "",
            source=self.source_link(q.source),
            anchor=self.anchor_link(q.source, q.anchor),
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
        for q in sorted(quotes, key=self._quote_key):
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
                    speaker=self.actor_link(speaker_id),
                    speaker_texts=sorted({q.speaker_text for q in members if q.speaker_text}),
                    quotes=quote_views,
                    variants=[v for v in quote_views if _normalise(v.text) != _normalise(first.text)],
                    source_count=len({q.source for q in members}),
                )
            )
        return views

    def speaker_groups(self) -> list[SpeakerGroup]:
        """Statements by speaker, speakers by prominence; unresolved speakers last, as "Unattributed"."""
        statements = self.statements(self.corpus.quotes)
        by_speaker: dict[str | None, list[StatementView]] = defaultdict(list)
        ids_by_name = {}
        for statement in statements:
            key = None
            if statement.speaker is not None:
                key = statement.speaker.href
                ids_by_name[key] = statement.speaker
            by_speaker[key].append(statement)
        groups = []
        for actor in self.actors_by_prominence():
            link = self.actor_link(actor.id)
            if link is not None and link.href in by_speaker:
                groups.append(SpeakerGroup(actor.name, link, by_speaker[link.href]))
        if None in by_speaker:
            groups.append(SpeakerGroup("Unattributed", None, by_speaker[None]))
        return groups

    def annotations(self, source: Source) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
        """Where this source names an actor (start, end, page) and quotes someone (start, end)."""
        quotes = [(q.start, q.end) for q in self.quotes_by_source.get(source.id, []) if q.kind != "indirect"]
        return sorted(self.mentions_by_source.get(source.id, [])), sorted(quotes)

    def paragraph_blocks(self, source: Source) -> list[ParagraphBlock]:
        blocks: list[ParagraphBlock] = []
        mentions, quotes = self.annotations(source)
        # Consecutive boilerplate paragraphs fold into one block labelled with their kinds.
        for paragraph in source.paragraphs:
            boilerplate = paragraph.kind not in ARTICLE_KINDS
            view = _paragraph_view(paragraph, [] if boilerplate else mentions, [] if boilerplate else quotes)
            if blocks and blocks[-1].boilerplate == boilerplate:
                blocks[-1].paragraphs.append(view)
                if boilerplate and paragraph.kind not in blocks[-1].kind.split(", "):
                    blocks[-1].kind += f", {paragraph.kind}"
            else:
                blocks.append(ParagraphBlock(boilerplate, paragraph.kind if boilerplate else "article", [view]))
        return blocks

    # ---- comparing sources

    def coverage_columns(self) -> list[tuple[str, Link]]:
        """The sources compared, by date: (short label, link); at most MAX_COVERAGE_SOURCES."""
        sources = self.sources_by_date()[:MAX_COVERAGE_SOURCES]
        return [(f"S{i}", self.source_link(s.id)) for i, s in enumerate(sources, start=1)]

    def event_coverage(self) -> list[CoverageRow]:
        columns = [s.id for s in self.sources_by_date()[:MAX_COVERAGE_SOURCES]]
        rows = []
        for view in self.key_events(limit=COVERAGE_EVENTS):
            event = self.events[view.id]
            first: dict[str, str] = {}
            for mention in sorted(event.mentions, key=lambda m: _anchor_key(m.anchor)):
                first.setdefault(mention.source, mention.anchor)
            cells: list[Link | str | None] = [
                self.anchor_link(sid, first[sid]) if sid in first else ("yes" if sid in event.sources else None)
                for sid in columns
            ]
            rows.append(CoverageRow(view.link, cells))
        return rows

    def actor_coverage(self) -> list[CoverageRow]:
        columns = [s.id for s in self.sources_by_date()[:MAX_COVERAGE_SOURCES]]
        rows = []
        for actor in self.actors_by_prominence()[:COVERAGE_ACTORS]:
            counts: dict[str, int] = defaultdict(int)
            for mention in actor.mentions:
                counts[mention.source] += 1
            link = self.actor_link(actor.id)
            assert link is not None
            rows.append(CoverageRow(link, [str(counts[sid]) if counts.get(sid) else None for sid in columns]))
        return rows

    def only_in(self, source: Source) -> dict[str, list[Any]]:
        """What no other source has: events, statements, actors."""
        events = [self.event_view(e) for e in self.events_by_source.get(source.id, []) if set(e.sources) <= {source.id}]
        statements = [
            st for st in self.statements(self.quotes_by_source.get(source.id, []))
            if all(self._statement_sources.get(q.id, {source.id}) <= {source.id} for q in st.quotes)
        ]
        actors = [self.actor_view(a) for a, _ in self.actors_by_source.get(source.id, []) if set(a.sources) <= {source.id}]
        return {"events": events, "statements": statements, "actors": actors}

    def discrepancy_view(self, item: Discrepancy) -> DiscrepancyView:
        return _once(self._discrepancy_views, item.id, lambda: self._make_discrepancy_view(item))

    def _make_discrepancy_view(self, item: Discrepancy) -> DiscrepancyView:
        subject = self.actor_link(item.subject)
        if subject is None and item.subject in self.events:
            subject = self.event_link(self.events[item.subject])
        return DiscrepancyView(
            id=item.id,
            kind=item.kind,
            title=item.title,
            subject=subject,
            versions=[
                VersionView(self.source_link(v.source), self.anchor_link(v.source, v.anchor), v.value, v.text)
                for v in sorted(item.versions, key=lambda v: (self.source_sort_key(v.source), _anchor_key(v.anchor)))
            ],
        )

    def discrepancies(self, source_id: str | None = None) -> list[DiscrepancyView]:
        items = self.corpus.discrepancies if source_id is None else self.discrepancies_by_source.get(source_id, [])
        order = {kind: i for i, kind in enumerate(DISCREPANCY_KINDS)}
        return [self.discrepancy_view(d) for d in sorted(items, key=lambda d: (order.get(d.kind, 9), d.title, d.id))]

    def own_versions(self, source_id: str) -> list[dict[str, Any]]:
        """This source's side of each discrepancy it is part of, linking to the full comparison:
        a source page stays the same size however many sources disagree with it."""
        rows = []
        href = self.source_link(source_id).href
        for view in self.discrepancies(source_id):
            mine = [v for v in view.versions if v.source.href == href]
            others = {v.source.href for v in view.versions} - {v.source.href for v in mine}
            rows.append({"discrepancy": view, "mine": mine, "others": len(others)})
        return rows

    def shared_passages(self, source: Source) -> list[dict[str, Any]]:
        return [
            {"source": self.source_link(p.source), "percent": round(100 * p.share), "copy": p.share >= COPY_SHARE}
            for p in source.shared_passages
            if p.source in self.sources
        ]

    def date_range(self) -> tuple[str, str]:
        """First and last event dates, as precise as known; publication dates if no event is dated."""
        dated = sorted((e.date, e.date_precision or "day") for e in self.corpus.events if e.date)
        if not dated:
            dated = sorted((s.published, "day") for s in self.corpus.sources if s.published)
        if not dated:
            return ("", "")
        return (format_date(*dated[0]), format_date(*dated[-1]))

    def key_events(self, limit: int = 0) -> list[EventView]:
        # Most sources first; among equals, day-dated events of the story before background
        # (a year or a month), the most recent first.
        ranked = sorted(
            self.corpus.events,
            key=lambda e: (
                -len(set(e.sources) | {m.source for m in e.mentions}),
                e.date is None,
                e.date_precision not in (None, "day"),
                -(e.date or dt.date.min).toordinal(),
                e.id,
            ),
        )[: limit or KEY_EVENTS]
        chosen = {e.id for e in ranked}
        return [self.event_view(e) for e in self.events_in_date_order() if e.id in chosen]

    def timeline(self) -> list[MonthGroup]:
        groups: dict[str, MonthGroup] = {}
        for event in self.events_in_date_order():
            if event.date is None:
                key, title = "undated", "Undated"
            elif event.date_precision == "year":
                key, title = f"y{event.date.year}", f"{event.date.year}"
            else:
                key, title = f"m{event.date:%Y-%m}", event.date.strftime("%B %Y")
            groups.setdefault(key, MonthGroup(key, title, [])).events.append(self.event_view(event))
        return list(groups.values())


def _normalise(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def _paragraph_view(
    paragraph: Paragraph, mentions: list[tuple[int, int, str]], quotes: list[tuple[int, int]]
) -> ParagraphView:
    return ParagraphView(
        anchor=safe_name(paragraph.anchor),
        kind=paragraph.kind,
        sentences=[(safe_name(s.anchor), s.text) for s in paragraph.sentences],
        text=paragraph.text,
        annotated=[(safe_name(s.anchor), _pieces(s.start, s.text, mentions, quotes)) for s in paragraph.sentences],
    )


def _pieces(start: int, text: str, mentions: list[tuple[int, int, str]], quotes: list[tuple[int, int]]) -> list[Piece]:
    """Cut a sentence at every mention and quotation boundary inside it."""
    end = start + len(text)
    inside: list[tuple[int, int, str]] = []
    # Overlapping mentions ("Dunmore" inside "Dunmore's assembly"): the longer one is linked.
    for a, b, href in sorted((m for m in mentions if start <= m[0] < m[1] <= end), key=lambda m: (m[0] - m[1], m[0])):
        if all(b <= x or a >= y for x, y, _ in inside):
            inside.append((a, b, href))
    quoted = [(max(a, start), min(b, end)) for a, b in quotes if a < end and b > start]
    cuts = sorted({start, end, *(x for a, b, _ in inside for x in (a, b)), *(x for span in quoted for x in span)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        href = next((h for m_a, m_b, h in inside if m_a <= a and b <= m_b), "")
        in_quote = any(q_a <= a and b <= q_b for q_a, q_b in quoted)
        pieces.append(Piece(text[a - start : b - start], href, in_quote))
    return pieces


# ------------------------------------------------------------------ pages


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja2 environment: strict, Markdown output, escaping filters registered."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # the output is Markdown; the md/html/attr filters escape data explicitly
    )
    env.filters["md"] = escape_markdown
    env.filters["md_inline"] = escape_inline
    env.filters["html"] = escape_html
    env.filters["attr"] = escape_attr
    env.filters["yaml_title"] = yaml_title
    return env


def render_page(env: jinja2.Environment, title: str, path: str, template: str, **context: Any) -> str:
    """One page's Markdown from its template; `base` leads from the page back to the docs root."""
    base = "../" * path.count("/")
    text = env.get_template(template).render(base=base, title=title, **context)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


class RecordPages:
    """The page of one actor, event or source: most pages of a briefing, so they can be shared out."""

    def __init__(self, site: Site, env: jinja2.Environment, neighbourhoods: pictures.Neighbourhoods) -> None:
        self.site = site
        self.env = env
        self.neighbourhoods = neighbourhoods

    def render(self, kind: str, record_id: str) -> tuple[str, str]:
        site, path = self.site, page_path(kind, record_id)
        if kind == "actors":
            view = site.actor_view(site.actors[record_id])
            context = {**_actor_context(site, view), "tags": [view.kind], "search_boost": ACTOR_SEARCH_BOOST,
                       "network_svg": self.neighbourhoods.svg(record_id)}
            template = "actor.md.j2"
        elif kind == "events":
            context = {"event": site.event_view(site.events[record_id]), "tags": ["Event"],
                       "search_boost": EVENT_SEARCH_BOOST}
            template = "event.md.j2"
        else:
            source = site.sources[record_id]
            context = {**_source_context(site, source), "tags": source_tags(source), "search_boost": SOURCE_SEARCH_BOOST}
            template = "source.md.j2"
        return path, render_page(self.env, site.corpus.title, path, template, **context)


def source_tags(source: Source) -> list[str]:
    return ["Source", *([source.outlet] if source.outlet else [])]


# Below this many record pages per process, forking costs more than it saves.
MIN_PAGES_PER_PROCESS = 300


def render_records(
    records: RecordPages, keys: list[tuple[str, str]], processes: int, meanwhile: Callable[[], None] | None = None
) -> list[tuple[str, str]]:
    """Render the record pages `keys` ((kind, id)), in `processes` processes when it pays: this
    one and forked workers (briefing.system.forking). `meanwhile` (the overview pages) runs here."""
    processes = min(processes, len(keys) // MIN_PAGES_PER_PROCESS)
    if processes <= 1 or not forking.can_fork():
        if meanwhile is not None:
            meanwhile()
        return [records.render(*key) for key in keys]

    return forking.fork_each(lambda key: records.render(*key), keys, processes, meanwhile=meanwhile)


def build_pages(corpus: Corpus, env: jinja2.Environment, *, processes: int = 1) -> dict[str, str]:
    """Every page of the briefing: docs-relative path -> Markdown text."""
    # First gather all lookups from the whole corpus so every page links consistently.
    site = Site(corpus)
    pages: dict[str, str] = {}

    def render(path: str, template: str, **context: Any) -> None:
        pages[path] = render_page(env, corpus.title, path, template, **context)

    events = [site.event_view(e) for e in site.events_in_date_order()]
    actors = [site.actor_view(a) for a in site.actors_by_prominence()]
    sources = site.sources_by_date()
    first, last = site.date_range()
    links = pictures.cooccurrence(corpus)

    def overview() -> None:
        """The pages that list the whole corpus."""
        render(
            "index.md",
            "index.md.j2",
            first_date=first,
            last_date=last,
            source_count=len(sources),
            event_count=len(events),
            actor_count=len(actors),
            quote_count=len(corpus.quotes),
            corroborated=sum(1 for e in events if e.source_count > 1),
            independent=sum(1 for e in events if e.independent > 1),
            discrepancy_count=len(corpus.discrepancies),
            disputed=sum(1 for e in events if e.disputed),
            key_events=site.key_events(),
            top_actors=actors[:TOP_ACTORS],
            sources=[_source_row(site, s) for s in sources],
            network_svg=pictures.network_svg(corpus, links),
        )
        render("timeline.md", "timeline.md.j2", groups=site.timeline(), event_count=len(events),
               timeline_svg=pictures.timeline_svg(corpus.events))
        render("quotes.md", "quotes.md.j2", groups=site.speaker_groups(), quote_count=len(corpus.quotes))
        render("actors/index.md", "actors_index.md.j2", actors=actors)
        render("events/index.md", "events_index.md.j2", events=events)
        render("sources/index.md", "sources_index.md.j2", sources=[_source_row(site, s) for s in sources])
        render(
            "coverage.md",
            "coverage.md.j2",
            columns=site.coverage_columns(),
            event_rows=site.event_coverage(),
            actor_rows=site.actor_coverage(),
            source_count=len(sources),
        )
        render("discrepancies.md", "discrepancies.md.j2", discrepancies=site.discrepancies())

    keys = [("actors", view.id) for view in actors]
    keys += [("events", event.id) for event in site.events_in_date_order()]
    keys += [("sources", source.id) for source in sources]
    records = RecordPages(site, env, pictures.Neighbourhoods(corpus, links))
    pages.update(render_records(records, keys, processes, meanwhile=overview))
    # The tags page is briefing's own (not the tags plugin's listing): its Markdown changes when a
    # page's tags do, which incremental site builds rely on.
    tagged: dict[str, list[Link]] = defaultdict(list)
    for view in actors:
        tagged[view.kind].append(view.link)
    for event in site.events_in_date_order():
        tagged["Event"].append(site.event_link(event))
    for source in sources:
        for tag in source_tags(source):
            tagged[tag].append(site.source_link(source.id))
    render("tags.md", "tags.md.j2", tags=[
        TagGroup(tag, tag_anchor(tag), sorted(tag_pages, key=lambda link: (link.text.casefold(), link.href)))
        for tag, tag_pages in sorted(tagged.items(), key=lambda item: item[0].casefold())
    ])
    return pages


def _source_row(site: Site, source: Source) -> dict[str, Any]:
    return {
        "link": site.source_link(source.id),
        "outlet": source.outlet or "",
        "published": source.published.isoformat() if source.published else "",
        "authors": list(source.authors),
        "words": source.word_count,
    }


def _actor_context(site: Site, view: ActorView) -> dict[str, Any]:
    actor = view.actor
    marks: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for mention in actor.mentions:
        marks[(mention.source, mention.anchor)].append((mention.start, mention.end))
    copies: dict[tuple[Segment, ...], list[SentenceRef]] = {}  # in order of first appearance
    for source_id, anchor in sorted(marks, key=lambda k: (site.source_sort_key(k[0]), _anchor_key(k[1]))):
        ref = site.sentence_ref(source_id, anchor, marks[(source_id, anchor)])
        places = copies.setdefault(ref.segments, [])
        # A copy is cited by its outlet: the sources that copy a story mostly carry its title too.
        places.append(replace(ref, source=site.outlet_link(source_id)) if places else ref)
    return {
        "actor": view,
        "aliases": [a for a in actor.aliases if a != actor.name],
        "roles": [
            {"text": r.text, "source": site.source_link(r.source), "anchor": site.anchor_link(r.source, r.anchor)}
            for r in sorted(actor.roles, key=lambda r: (r.text.casefold(), site.source_sort_key(r.source), r.anchor))
        ],
        "prominence": actor.prominence,
        "statements": site.statements(site.quotes_by_speaker.get(actor.id, [])),
        "events": [site.event_view(e) for e in site.events_by_actor.get(actor.id, [])],
        "mention_groups": _by_first_source([SentenceCopies(segments, tuple(refs)) for segments, refs in copies.items()]),
    }


def _by_first_source(mentions: list[SentenceCopies]) -> list[tuple[Link, list[SentenceCopies]]]:
    """Sentences under the source where each is found first (its copies are cited there)."""
    groups: dict[str, list[SentenceCopies]] = {}
    for mention in mentions:
        groups.setdefault(mention.first.source.href, []).append(mention)
    return [(group[0].first.source, group) for group in groups.values()]


def _anchor_key(anchor: str) -> tuple[Any, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", anchor))


def _source_context(site: Site, source: Source) -> dict[str, Any]:
    return {
        "source": source,
        "published": source.published.isoformat() if source.published else "",
        "blocks": site.paragraph_blocks(source),
        "quotes": [site.quote_view(q) for q in site.quotes_by_source.get(source.id, [])],
        "shared": site.shared_passages(source),
        "only": site.only_in(source),
        "discrepancies": site.own_versions(source.id),
        "events": [site.event_view(e) for e in site.events_by_source.get(source.id, [])],
        "actors": [
            {"view": site.actor_view(actor), "count": count} for actor, count in site.actors_by_source.get(source.id, [])
        ],
    }


# ------------------------------------------------------------------ writing


def render_site(corpus: Corpus, templates_dir: Path, docs_dir: Path, *, processes: int = 1) -> list[Path]:
    """Render every page of the briefing under docs_dir; return the paths whose bytes changed.

    Files are written only when their bytes change (so `mkdocs serve` does not loop) and
    atomically; stale pages in docs/actors, docs/events and docs/sources are deleted.
    """
    env = make_environment(templates_dir)
    pages = build_pages(corpus, env, processes=processes)
    docs_dir = Path(docs_dir)
    changed: list[Path] = []
    for rel, text in sorted(pages.items()):
        path = docs_dir / rel
        if write_if_changed(path, text.encode("utf-8")):
            changed.append(path)
    changed.extend(remove_stale_pages(docs_dir, pages))
    return sorted(changed)


def remove_stale_pages(docs_dir: Path, pages: Mapping[str, str]) -> list[Path]:
    """Delete generated .md files that no longer belong to a record."""
    removed = []
    for name in GENERATED_DIRS:
        folder = docs_dir / name
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            if f"{name}/{path.name}" not in pages:
                path.unlink()
                removed.append(path)
    return removed
