"""Render a Corpus into Markdown pages under docs/ with the Jinja2 templates in templates/.

All decisions (ordering, lookups, links, labels) are made in Python and handed to the
templates as small view models (views.py); templates only loop and branch. Article text
is data: it reaches the templates through the context and every piece of it passes the
`md`, `html` or `attr` filter (escaping.py), so it cannot inject Markdown, HTML or Jinja.

Here: each page's context, the template environment, rendering (in parallel when it
pays) and writing the files.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2

from briefing.model import Actor, Corpus, Source
from briefing.render import actor_facts, comparison, overview, pictures
from briefing.render.escaping import (
    escape_attr,
    escape_html,
    escape_inline,
    escape_markdown,
    tag_anchor,
    yaml_title,
)
from briefing.render.labels import format_count
from briefing.render.lookup import Lookup, anchor_key, page_path
from briefing.render.records import RecordViews
from briefing.render.sentences import paragraph_blocks, sentence_ref
from briefing.render.views import (
    ActorView,
    Link,
    NetworkRow,
    Segment,
    SentenceCopies,
    SentenceRef,
    TagGroup,
)
from briefing.system import forking
from briefing.system.files import write_if_changed

TOP_ACTORS = 12
NETWORK_PARTNERS = 6  # the list beside the home page's network names each actor's strongest links only
GENERATED_DIRS = ("actors", "events", "sources")
# Material's search: an actor page wins for any of its names; listings that repeat every
# name (timeline, quotes, indexes, tags) stay out of the results.
ACTOR_SEARCH_BOOST = 5
EVENT_SEARCH_BOOST = 2
# Article pages hold every word of the story: they rank below the actor and event pages.
SOURCE_SEARCH_BOOST = 0.5

# ------------------------------------------------------------------ pages


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja2 environment: strict, Markdown output, the escaping and `counted` filters registered."""
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
    # A tag chip links to its section of the tags page (overrides/partials/tags.html).
    env.filters["tag_anchor"] = tag_anchor
    # Not "count": Jinja's own `count` is `length`.
    env.filters["counted"] = format_count
    return env


def render_page(env: jinja2.Environment, title: str, path: str, template: str, **context: Any) -> str:
    """One page's Markdown from its template; `base` leads from the page back to the docs root."""
    base = "../" * path.count("/")
    text = env.get_template(template).render(base=base, title=title, **context)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


class RecordPages:
    """The page of one actor, event or source: most pages of a briefing, so they can be shared out."""

    def __init__(self, views: RecordViews, env: jinja2.Environment, neighbourhoods: pictures.Neighbourhoods) -> None:
        self.views = views
        self.env = env
        self.neighbourhoods = neighbourhoods

    def render(self, kind: str, record_id: str) -> tuple[str, str]:
        views, lookup, path = self.views, self.views.lookup, page_path(kind, record_id)
        if kind == "actors":
            view = views.actor_view(lookup.actors[record_id])
            context = {**_actor_context(views, view), "tags": [view.kind], "search_boost": ACTOR_SEARCH_BOOST,
                       "network_svg": self.neighbourhoods.svg(record_id),
                       "network_rows": [NetworkRow(link, [], shared) for other, shared in
                                        self.neighbourhoods.neighbours(record_id)
                                        if (link := lookup.actor_link(other)) is not None]}
            template = "actor.md.j2"
        elif kind == "events":
            context = {"event": views.event_view(lookup.events[record_id]), "tags": ["Event"],
                       "search_boost": EVENT_SEARCH_BOOST}
            template = "event.md.j2"
        else:
            source = lookup.sources[record_id]
            context = {**_source_context(views, source), "tags": source_tags(source), "search_boost": SOURCE_SEARCH_BOOST}
            template = "source.md.j2"
        return path, render_page(self.env, lookup.corpus.title, path, template, **context)


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
    lookup = Lookup(corpus)
    views = RecordViews(lookup)
    pages: dict[str, str] = {}

    def render(path: str, template: str, **context: Any) -> None:
        pages[path] = render_page(env, corpus.title, path, template, **context)

    events = [views.event_view(e) for e in lookup.events_in_date_order()]
    actors = [views.actor_view(a) for a in lookup.actors_by_prominence()]
    sources = lookup.sources_by_date()
    first, last = overview.date_range(lookup)
    first_report, last_report = overview.reporting_range(lookup)
    links = pictures.cooccurrence(corpus)

    def render_overview() -> None:
        """The pages that list the whole corpus."""
        render(
            "index.md",
            "index.md.j2",
            first_date=first,
            last_date=last,
            first_report=first_report,
            last_report=last_report,
            source_count=len(sources),
            event_count=len(events),
            actor_count=len(actors),
            quote_count=len(corpus.quotes),
            corroborated=sum(1 for e in events if e.source_count > 1),
            independent=sum(1 for e in events if e.independent > 1),
            discrepancy_count=len(corpus.discrepancies),
            disputed=sum(1 for e in events if e.disputed),
            key_events=overview.key_events(views),
            top_actors=actors[:TOP_ACTORS],
            sources=[_source_row(lookup, s) for s in sources],
            network_svg=pictures.network_svg(corpus, links),
            network_rows=_network_rows(lookup, *pictures.network_actors(corpus, links)),
        )
        render("timeline.md", "timeline.md.j2", groups=overview.timeline(views), event_count=len(events),
               timeline_svg=pictures.timeline_svg(corpus.events))
        render("quotes.md", "quotes.md.j2", groups=overview.speaker_groups(views), quote_count=len(corpus.quotes))
        render("actors/index.md", "actors_index.md.j2", actors=actors)
        render("events/index.md", "events_index.md.j2", events=events)
        render("sources/index.md", "sources_index.md.j2", sources=[_source_row(lookup, s) for s in sources])
        render(
            "coverage.md",
            "coverage.md.j2",
            columns=comparison.coverage_columns(lookup),
            event_rows=comparison.event_coverage(views),
            actor_rows=comparison.actor_coverage(lookup),
            source_count=len(sources),
        )
        render("discrepancies.md", "discrepancies.md.j2", discrepancies=views.discrepancies())

    keys = [("actors", view.id) for view in actors]
    keys += [("events", event.id) for event in lookup.events_in_date_order()]
    keys += [("sources", source.id) for source in sources]
    records = RecordPages(views, env, pictures.Neighbourhoods(corpus, links))
    pages.update(render_records(records, keys, processes, meanwhile=render_overview))
    # The tags page is briefing's own (not the tags plugin's listing): its Markdown changes when a
    # page's tags do, which incremental site builds rely on.
    tagged: dict[str, list[Link]] = defaultdict(list)
    for view in actors:
        tagged[view.kind].append(view.link)
    for event in lookup.events_in_date_order():
        tagged["Event"].append(lookup.event_link(event))
    for source in sources:
        for tag in source_tags(source):
            tagged[tag].append(lookup.source_link(source.id))
    render("tags.md", "tags.md.j2", tags=[
        TagGroup(tag, tag_anchor(tag), sorted(tag_pages, key=lambda link: (link.text.casefold(), link.href)))
        for tag, tag_pages in sorted(tagged.items(), key=lambda item: item[0].casefold())
    ])
    return pages


def _network_rows(lookup: Lookup, actors: list[Actor], edges: dict[tuple[str, str], int]) -> list[NetworkRow]:
    """The network picture as a list: each actor with the others it is named with, most often first."""
    partners: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (a, b), weight in edges.items():
        partners[a].append((weight, b))
        partners[b].append((weight, a))
    rows = []
    for actor in actors:
        ranked = sorted(partners[actor.id], key=lambda item: (-item[0], lookup.actors[item[1]].name, item[1]))
        links = [link for _, other in ranked[:NETWORK_PARTNERS] if (link := lookup.actor_link(other)) is not None]
        link = lookup.actor_link(actor.id)
        if link is not None:
            rows.append(NetworkRow(link, links))
    return rows


def _source_row(lookup: Lookup, source: Source) -> dict[str, Any]:
    return {
        "link": lookup.source_link(source.id),
        "outlet": source.outlet or "",
        "published": source.published.isoformat() if source.published else "",
        "authors": list(source.authors),
        "words": source.word_count,
    }


def _actor_context(views: RecordViews, view: ActorView) -> dict[str, Any]:
    lookup = views.lookup
    actor = view.actor
    marks: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for mention in actor.mentions:
        marks[(mention.source, mention.anchor)].append((mention.start, mention.end))
    copies: dict[tuple[Segment, ...], list[SentenceRef]] = {}  # in order of first appearance
    for source_id, anchor in sorted(marks, key=lambda k: (lookup.source_sort_key(k[0]), anchor_key(k[1]))):
        ref = sentence_ref(lookup, source_id, anchor, marks[(source_id, anchor)])
        places = copies.setdefault(ref.segments, [])
        # A copy is cited by its outlet: the sources that copy a story mostly carry its title too.
        places.append(replace(ref, source=lookup.outlet_link(source_id)) if places else ref)
    return {
        "actor": view,
        "aliases": actor_facts.other_names(actor),
        "search_names": actor_facts.search_names(actor),
        "roles": actor_facts.merged_roles(lookup, actor),
        "prominence": actor.prominence,
        "statements": views.statements(lookup.quotes_by_speaker.get(actor.id, [])),
        "events": [views.event_view(e) for e in lookup.events_by_actor.get(actor.id, [])],
        "mention_groups": _by_first_source([SentenceCopies(segments, tuple(refs)) for segments, refs in copies.items()]),
    }


def _by_first_source(mentions: list[SentenceCopies]) -> list[tuple[Link, list[SentenceCopies]]]:
    """Sentences under the source where each is found first (its copies are cited there)."""
    groups: dict[str, list[SentenceCopies]] = {}
    for mention in mentions:
        groups.setdefault(mention.first.source.href, []).append(mention)
    return [(group[0].first.source, group) for group in groups.values()]


def _source_context(views: RecordViews, source: Source) -> dict[str, Any]:
    lookup = views.lookup
    return {
        "source": source,
        "published": source.published.isoformat() if source.published else "",
        "blocks": paragraph_blocks(lookup, source),
        "quotes": [views.quote_view(q) for q in lookup.quotes_by_source.get(source.id, [])],
        "shared": comparison.shared_passages(lookup, source),
        "only": comparison.only_in(views, source),
        "discrepancies": comparison.own_versions(views, source.id),
        "events": [views.event_view(e) for e in lookup.events_by_source.get(source.id, [])],
        "actors": [
            {"view": views.actor_view(actor), "count": count}
            for actor, count in lookup.actors_by_source.get(source.id, [])
        ],
    }


# ------------------------------------------------------------------ writing


def render_site(corpus: Corpus, templates_dir: Path, docs_dir: Path, *, processes: int = 1) -> list[Path]:
    """Render every page of the briefing under docs_dir; return the paths whose bytes changed.

    Files are written only when their bytes change (so `mkdocs serve` does not loop) and
    atomically; stale pages in docs/actors, docs/events and docs/sources are deleted.
    """
    return write_pages(build_pages(corpus, make_environment(templates_dir), processes=processes), docs_dir)


def write_pages(pages: Mapping[str, str], docs_dir: Path) -> list[Path]:
    """Write the pages (docs-relative path -> Markdown) whose bytes changed, delete the stale ones;
    return the paths written or deleted."""
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
