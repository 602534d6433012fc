"""Static SVG pictures of the briefing: the actor network and the timeline chart.

Drawn at build time in plain Python, with no randomness and rounded coordinates, so
the same corpus gives the same bytes. The SVGs are inlined in the Markdown pages as raw
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

from briefing.model import Actor, Corpus, Event

NETWORK_NODES = 24  # the home page shows the most prominent actors only
NEIGHBOURS = 12  # an actor page shows its strongest neighbours only
LAYOUT_ITERATIONS = 200
KIND_COLOURS = {"person": "#1565c0", "organization": "#e65100", "place": "#2e7d32", "other": "#6a1b9a"}
KIND_LABELS = {"person": "person", "organization": "organization", "place": "place", "other": "other"}

Pair = tuple[str, str]


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str
    size: float  # radius in px
    x: float = 0.0
    y: float = 0.0


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


# ------------------------------------------------------------------ layout


def force_layout(ids: Sequence[str], edges: Mapping[Pair, int], iterations: int = LAYOUT_ITERATIONS) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold in the unit square, started on a circle in the given order (no randomness)."""
    n = len(ids)
    if n == 0:
        return {}
    if n == 1:
        return {ids[0]: (0.5, 0.5)}
    pos = {
        node: [0.5 + 0.4 * math.cos(2 * math.pi * i / n), 0.5 + 0.4 * math.sin(2 * math.pi * i / n)]
        for i, node in enumerate(ids)
    }
    k = math.sqrt(1.0 / n)
    heaviest = max(edges.values(), default=1)
    temperature = 0.1
    for _ in range(iterations):
        shift = {node: [0.0, 0.0] for node in ids}
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = math.hypot(dx, dy) or 1e-6
                force = k * k / dist
                shift[a][0] += dx / dist * force
                shift[a][1] += dy / dist * force
                shift[b][0] -= dx / dist * force
                shift[b][1] -= dy / dist * force
        for (a, b), weight in edges.items():
            if a not in pos or b not in pos:
                continue
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = math.hypot(dx, dy) or 1e-6
            force = dist * dist / k * (0.5 + weight / heaviest)
            shift[a][0] -= dx / dist * force
            shift[a][1] -= dy / dist * force
            shift[b][0] += dx / dist * force
            shift[b][1] += dy / dist * force
        for node in ids:
            # A weak pull to the centre keeps unconnected actors on the canvas.
            shift[node][0] += (0.5 - pos[node][0]) * 0.05
            shift[node][1] += (0.5 - pos[node][1]) * 0.05
            length = math.hypot(*shift[node]) or 1e-6
            step = min(length, temperature)
            pos[node][0] += shift[node][0] / length * step
            pos[node][1] += shift[node][1] / length * step
        temperature = max(temperature * 0.98, 0.002)
    return {node: (p[0], p[1]) for node, p in pos.items()}


def _fit(points: Mapping[str, tuple[float, float]], width: float, height: float, margin: float) -> dict[str, tuple[float, float]]:
    """Scale points into the box, keeping margin free for labels."""
    xs = [p[0] for p in points.values()]
    ys = [p[1] for p in points.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    fitted = {}
    for node, (x, y) in points.items():
        fx = margin + (x - min(xs)) / span_x * (width - 2 * margin) if len(points) > 1 else width / 2
        fy = margin + (y - min(ys)) / span_y * (height - 2 * margin) if len(points) > 1 else height / 2
        fitted[node] = (round(fx, 1), round(fy, 1))
    return fitted


# ------------------------------------------------------------------ drawing


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'class="bf-svg" font-family="sans-serif">',  # named by its <title>: no article text in attributes
            f"<title>{escape(label)}</title>",
            *body,
            "</svg>",
        ]
    )


def _draw_graph(nodes: Sequence[Node], edges: Mapping[Pair, int], width: int, height: int, label: str) -> str:
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
    body.append('<g class="bf-nodes" font-size="11" text-anchor="middle">')
    for node in nodes:
        colour = KIND_COLOURS.get(node.kind, KIND_COLOURS["other"])
        body.append(
            f'<g><circle cx="{node.x}" cy="{node.y}" r="{node.size}" fill="{colour}" stroke="#fff" stroke-width="1.5">'
            f"<title>{escape(node.label)} ({KIND_LABELS.get(node.kind, node.kind)})</title></circle>"
            f'<text x="{node.x}" y="{round(node.y + node.size + 11, 1)}" fill="currentColor" '
            f'paint-order="stroke" stroke="var(--md-default-bg-color, #fff)" stroke-width="3">{escape(_short(node.label))}</text></g>'
        )
    body.append("</g>")
    body.append(_legend(sorted({n.kind for n in nodes}), height))
    return _svg(width, height, label, body)


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


def network_svg(corpus: Corpus, weights: Mapping[Pair, int] | None = None, limit: int = NETWORK_NODES) -> str:
    """The most prominent actors linked by co-occurrence, laid out by force; "" when there is no link."""
    weights = cooccurrence(corpus) if weights is None else weights
    actors = _by_prominence(corpus.actors)[:limit]
    chosen = {a.id for a in actors}
    edges = {pair: w for pair, w in weights.items() if pair[0] in chosen and pair[1] in chosen}
    linked = {x for pair in edges for x in pair}
    actors = [a for a in actors if a.id in linked]
    if not edges:
        return ""
    width, height = 820, 520
    points = _fit(force_layout([a.id for a in actors], edges), width, height - 20, 60)
    biggest = max((a.prominence.score for a in actors), default=1.0)
    nodes = [Node(a.id, a.name, a.kind, _radius(a, biggest), *points[a.id]) for a in actors]
    return _draw_graph(nodes, edges, width, height, "Actor network: actors linked when named in the same sentence")


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

    def svg(self, actor_id: str, limit: int = NEIGHBOURS) -> str:
        """One actor in the centre and its strongest neighbours around it; "" when it has none."""
        actors = self.actors
        centre = actors.get(actor_id)
        if centre is None:
            return ""
        ranked = sorted(self.adjacent.get(actor_id, []), key=lambda item: (-item[0], actors[item[1]].name, item[1]))[:limit]
        if not ranked:
            return ""
        width, height = 640, 400
        cx, cy, radius = width / 2, (height - 20) / 2, min(width, height - 20) / 2 - 55
        biggest = max([centre.prominence.score, *(actors[o].prominence.score for _, o in ranked)])
        nodes = [Node(centre.id, centre.name, centre.kind, _radius(centre, biggest), round(cx, 1), round(cy, 1))]
        # Neighbours in name order around the circle, so the picture reads like an index.
        ordered = sorted((o for _, o in ranked), key=lambda o: (actors[o].name.casefold(), o))
        for i, other in enumerate(ordered):
            angle = -math.pi / 2 + 2 * math.pi * i / len(ordered)
            x = round(cx + radius * 1.35 * math.cos(angle), 1)
            y = round(cy + radius * math.sin(angle), 1)
            nodes.append(Node(other, actors[other].name, actors[other].kind, _radius(actors[other], biggest), x, y))
        edges = {_pair(actor_id, o): w for w, o in ranked}
        return _draw_graph(nodes, edges, width, height, f"Actors named together with {centre.name}")


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
