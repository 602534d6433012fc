"""Static SVG pictures of the briefing: the actor network and the timeline chart.

Drawn at build time, the network laid out by Graphviz (graph_layout), with no randomness
and rounded coordinates, so the same corpus gives the same bytes. Every actor in a network
is a link to its page. The SVGs are inlined in the Markdown pages as raw
HTML (`<figure class="bf-picture">`), scale with the page width through their viewBox,
and use no colour that disappears in print. Every piece of article text (names, event
titles) is escaped here, because the templates output the SVG as is.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote as url_quote

from briefing.model import Actor, Corpus, Event
from briefing.render.graph_layout import Box, place, star
from briefing.render.lookup import page_path

NETWORK_NODES = 24  # the home page shows the most prominent actors only
NEIGHBOURS = 12  # an actor page shows its strongest neighbours only
FONT_SIZE = 11  # px, of the labels
CHAR_WIDTH = 6.4  # px, an average letter of the label font
MARGIN = 12  # px around the drawing, and below it for the legend
CENTRE_WEIGHT = ' font-weight="700"'  # the label of the actor whose page the picture is on
KIND_COLOURS = {"person": "#1565c0", "organization": "#e65100", "place": "#2e7d32", "other": "#6a1b9a"}
KIND_LABELS = {"person": "person", "organization": "organization", "place": "place", "other": "other"}

Pair = tuple[str, str]


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str
    size: float  # radius in px
    x: float = 0.0  # the centre of its circle
    y: float = 0.0

    @property
    def box(self) -> Box:
        """What is drawn for the node, the circle with its label under it: what must not overlap."""
        return Box(self.id, max(2 * self.size, CHAR_WIDTH * len(_short(self.label))) + 4, 2 * self.size + FONT_SIZE + 6)


# ------------------------------------------------------------------ the graph


def cooccurrence(corpus: Corpus) -> dict[Pair, int]:
    """How often two actors share a sentence, plus speaker -> actors named in the quote's sentence.

    Keys are (a, b) with a < b; a sentence counts once per pair.
    """
    by_sentence: dict[tuple[str, str], set[str]] = defaultdict(set)
    for actor in corpus.actors:
        for mention in actor.mentions:
            by_sentence[(mention.source, mention.anchor)].add(actor.id)
    weights: dict[Pair, int] = defaultdict(int)
    for ids in by_sentence.values():
        ordered = sorted(ids)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                weights[(a, b)] += 1
    known = {a.id for a in corpus.actors}
    for quote in corpus.quotes:
        if quote.speaker not in known:
            continue
        for other in sorted(by_sentence.get((quote.source, quote.anchor), set())):
            if other != quote.speaker:
                weights[_pair(quote.speaker, other)] += 1  # type: ignore[arg-type]
    return dict(sorted(weights.items()))


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def _by_prominence(actors: Iterable[Actor]) -> list[Actor]:
    return sorted(actors, key=lambda a: (-a.prominence.score, -a.prominence.mentions, a.name, a.id))


def _radius(actor: Actor, biggest: float) -> float:
    share = actor.prominence.score / biggest if biggest > 0 else 0.0
    return round(5.0 + 9.0 * math.sqrt(max(share, 0.0)), 1)


# ------------------------------------------------------------------ drawing


def _svg(width: int, height: int, label: str, body: list[str], role: str = "img") -> str:
    """An SVG named by its <title> (no article text in attributes); a picture holding links is a
    "group", as an "img" hides what it holds from assistive technology."""
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="{role}" '
            f'class="bf-svg" font-family="sans-serif">',
            f"<title>{escape(label)}</title>",
            *body,
            "</svg>",
        ]
    )


def actor_href(actor_id: str, root: str) -> str:
    """The URL of an actor's page from a page `root` away from the site root (directory URLs)."""
    return root + url_quote(page_path("actors", actor_id).removesuffix(".md")) + "/"


def _laid_out(nodes: Sequence[Node], edges: Mapping[Pair, int], centre: str) -> tuple[list[Node], int, int]:
    """The nodes placed (graph_layout: a star round `centre`, else by Graphviz) inside a margin, and
    the width and height of the picture."""
    boxes = {n.id: n.box for n in nodes}
    if centre:
        centres = star(boxes[centre], [box for node_id, box in boxes.items() if node_id != centre])
    else:
        centres = place(list(boxes.values()), edges)
    placed = []
    for node in nodes:
        x, y = centres[node.id]
        box = boxes[node.id]
        # The circle sits at the top of its box, the label under it.
        placed.append(Node(node.id, node.label, node.kind, node.size, round(x + MARGIN, 1),
                           round(y - box.height / 2 + node.size + MARGIN, 1)))
    width = max(centres[n.id][0] + boxes[n.id].width / 2 for n in nodes) + 2 * MARGIN
    height = max(centres[n.id][1] + boxes[n.id].height / 2 for n in nodes) + 2 * MARGIN + 16  # and the legend
    return placed, math.ceil(max(width, 300)), math.ceil(height)


def _draw_graph(nodes: Sequence[Node], edges: Mapping[Pair, int], label: str, root: str, centre: str = "") -> str:
    nodes, width, height = _laid_out(nodes, edges, centre)
    heaviest = max(edges.values(), default=1)
    where = {n.id: n for n in nodes}
    body = ['<g class="bf-edges" stroke="#78909c" stroke-linecap="round">']
    for (a, b), weight in sorted(edges.items()):
        if a in where and b in where:
            w = round(0.6 + 3.4 * weight / heaviest, 1)
            body.append(
                f'<line x1="{where[a].x}" y1="{where[a].y}" x2="{where[b].x}" y2="{where[b].y}" stroke-width="{w}" '
                f'stroke-opacity="0.55"><title>{escape(where[a].label)} – {escape(where[b].label)}: '
                f"{weight} shared sentence{'s' if weight != 1 else ''}</title></line>"
            )
    body.append("</g>")
    body.append(f'<g class="bf-nodes" font-size="{FONT_SIZE}" text-anchor="middle">')
    for node in nodes:
        colour = KIND_COLOURS.get(node.kind, KIND_COLOURS["other"])
        drawn = (
            f'<circle cx="{node.x}" cy="{node.y}" r="{node.size}" fill="{colour}" stroke="#fff" stroke-width="1.5">'
            f"<title>{escape(node.label)} ({KIND_LABELS.get(node.kind, node.kind)})</title></circle>"
            f'<text x="{node.x}" y="{round(node.y + node.size + FONT_SIZE, 1)}" fill="currentColor" '
            f'paint-order="stroke" stroke="var(--md-default-bg-color, #fff)" stroke-width="3"'
            f"{CENTRE_WEIGHT if node.id == centre else ''}>{escape(_short(node.label))}</text>"
        )
        if node.id == centre:  # the page the picture is on
            body.append(f"<g>{drawn}</g>")
        else:
            # xlink:href, which neither engine rewrites (Zensical reads a raw href as relative to the
            # Markdown file); the MkDocs plugin points it at data-bf-page's URL in builds without
            # directory URLs.
            body.append(f'<a xlink:href="{actor_href(node.id, root)}" data-bf-page="{escape(page_path("actors", node.id))}">'
                        f"{drawn}</a>")
    body.append("</g>")
    body.append(_legend(sorted({n.kind for n in nodes}), height))
    return _svg(width, height, label, body, role="group")


def _legend(kinds: Sequence[str], height: int) -> str:
    items = []
    x = 8
    for kind in kinds:
        colour = KIND_COLOURS.get(kind, KIND_COLOURS["other"])
        name = KIND_LABELS.get(kind, kind)
        items.append(f'<circle cx="{x + 5}" cy="{height - 10}" r="5" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="{height - 6}" fill="currentColor">{escape(name)}</text>')
        x += 24 + 7 * len(name)
    return f'<g class="bf-legend" font-size="11">{"".join(items)}</g>'


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def network_actors(corpus: Corpus, weights: Mapping[Pair, int] | None = None,
                   limit: int = NETWORK_NODES) -> tuple[list[Actor], dict[Pair, int]]:
    """The most prominent actors that are linked to another of them, and those links."""
    weights = cooccurrence(corpus) if weights is None else weights
    actors = _by_prominence(corpus.actors)[:limit]
    chosen = {a.id for a in actors}
    edges = {pair: w for pair, w in weights.items() if pair[0] in chosen and pair[1] in chosen}
    linked = {x for pair in edges for x in pair}
    return [a for a in actors if a.id in linked], edges


def network_svg(corpus: Corpus, weights: Mapping[Pair, int] | None = None, limit: int = NETWORK_NODES,
                root: str = "") -> str:
    """The most prominent actors linked by co-occurrence; "" when there is no link. `root` leads
    from the page the picture is on to the site root."""
    actors, edges = network_actors(corpus, weights, limit)
    if not edges:
        return ""
    biggest = max((a.prominence.score for a in actors), default=1.0)
    nodes = [Node(a.id, a.name, a.kind, _radius(a, biggest)) for a in actors]
    return _draw_graph(nodes, edges, "Actor network: actors linked when named in the same sentence", root)


class Neighbourhoods:
    """Every actor's co-occurrence neighbours, indexed once: one picture per actor page without
    scanning every pair of the corpus for each actor."""

    def __init__(self, corpus: Corpus, weights: Mapping[Pair, int] | None = None) -> None:
        weights = cooccurrence(corpus) if weights is None else weights
        self.actors = {a.id: a for a in corpus.actors}
        self.adjacent: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for (a, b), w in weights.items():
            if a in self.actors and b in self.actors:
                self.adjacent[a].append((w, b))
                self.adjacent[b].append((w, a))

    def neighbours(self, actor_id: str, limit: int = NEIGHBOURS) -> list[tuple[str, int]]:
        """The actor's strongest neighbours (id, shared sentences), strongest first, then by name."""
        actors = self.actors
        ranked = sorted(self.adjacent.get(actor_id, []), key=lambda item: (-item[0], actors[item[1]].name, item[1]))
        return [(other, weight) for weight, other in ranked[:limit]]

    def svg(self, actor_id: str, limit: int = NEIGHBOURS, root: str = "../../") -> str:
        """The actor in the middle and its strongest neighbours round it; "" when it has none."""
        actors = self.actors
        centre = actors.get(actor_id)
        ranked = self.neighbours(actor_id, limit)
        if centre is None or not ranked:
            return ""
        # Neighbours in name order around the circle, so the picture reads like an index.
        around = sorted((actors[o] for o, _ in ranked), key=lambda a: (a.name.casefold(), a.id))
        biggest = max(a.prominence.score for a in [centre, *around])
        edges = {_pair(actor_id, o): w for o, w in ranked}
        nodes = [Node(a.id, a.name, a.kind, _radius(a, biggest)) for a in [centre, *around]]
        return _draw_graph(nodes, edges, f"Actors named together with {centre.name}", root, centre.id)


def neighbours_svg(corpus: Corpus, actor_id: str, weights: Mapping[Pair, int] | None = None,
                   limit: int = NEIGHBOURS) -> str:
    """One actor's picture (see Neighbourhoods; build one of those for many actors)."""
    return Neighbourhoods(corpus, weights).svg(actor_id, limit)


def _date_label(event: Event) -> str:
    assert event.date is not None
    if event.date_precision == "year":
        return f"{event.date:%Y}"
    if event.date_precision == "month":
        return f"{event.date:%Y-%m}"
    return event.date.isoformat()


def timeline_svg(events: Sequence[Event]) -> str:
    """Dated events as stacked squares, one column per date that has events; "" if none is dated.

    Columns are evenly spaced in date order (a gap of more than a day is marked with a
    break), so a story with a long back-story and a busy week stays readable.
    """
    dated = sorted((e for e in events if e.date is not None), key=lambda e: (e.date, _date_label(e), e.title, e.id))  # type: ignore[arg-type,return-value]
    if not dated:
        return ""
    columns: dict[tuple[dt.date, str], list[Event]] = {}
    for event in dated:
        assert event.date is not None
        columns.setdefault((event.date, _date_label(event)), []).append(event)
    keys = list(columns)
    tallest = max(len(v) for v in columns.values())
    cell, col_width, left, top = 16, 34, 16, 12
    width = left * 2 + col_width * len(keys)
    base = top + cell * tallest
    height = base + 96
    most_sources = max(len(set(e.sources) | {m.source for m in e.mentions}) for e in dated)
    body = ['<g class="bf-axis" font-size="11" fill="currentColor">',
            f'<line x1="{left}" y1="{base + 1}" x2="{width - left}" y2="{base + 1}" stroke="#607d8b"/>']
    previous: dt.date | None = None
    for i, (day, label) in enumerate(keys):
        x = left + col_width * i + col_width / 2
        if previous is not None and (day - previous).days > 1:
            gap = left + col_width * i
            body.append(f'<path d="M{gap - 3} {base + 6} l4 -10 M{gap + 1} {base + 6} l4 -10" stroke="#607d8b" fill="none"/>')
        previous = day
        body.append(f'<text transform="translate({x + 4} {base + 10}) rotate(-55)" text-anchor="end">{escape(label)}</text>')
    body.append("</g>")
    body.append('<g class="bf-events">')
    for i, key in enumerate(keys):
        for j, event in enumerate(columns[key]):
            count = len(set(event.sources) | {m.source for m in event.mentions})
            shade = round(0.3 + 0.7 * count / most_sources, 2)
            x = left + col_width * i + (col_width - cell + 2) / 2
            y = base - cell * (j + 1) + 1
            text = f"{key[1]}: {event.title} ({count} source{'s' if count != 1 else ''})"
            body.append(f'<rect x="{round(x, 1)}" y="{y}" width="{cell - 2}" height="{cell - 2}" rx="2" '
                        f'fill="#e65100" fill-opacity="{shade}" stroke="#bf360c" stroke-width="0.8">'
                        f"<title>{escape(text)}</title></rect>")
    body.append("</g>")
    undated = len(events) - len(dated)
    label = f"Timeline chart: {len(dated)} dated events" + (f", {undated} undated not shown" if undated else "")
    return _svg(width, height, label, body)
