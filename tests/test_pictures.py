"""briefing.render.pictures: co-occurrence, deterministic SVG bytes, escaping, empty cases."""

from __future__ import annotations

import os
import shutil
import xml.dom.minidom

import pytest

from briefing.model import Corpus
from briefing.render import graph_layout, pictures


def test_pictures_cooccurrence_pairs_are_sorted_and_counted_once_per_sentence(corpus: Corpus) -> None:
    weights = pictures.cooccurrence(corpus)
    assert weights and all(a < b and w > 0 for (a, b), w in weights.items())
    assert list(weights) == sorted(weights)
    sentences = {(m.source, m.anchor) for a in corpus.actors for m in a.mentions}
    assert max(weights.values()) <= len(sentences) + len(corpus.quotes)


def test_pictures_are_deterministic_well_formed_svg(corpus: Corpus) -> None:
    first = [pictures.network_svg(corpus), pictures.timeline_svg(corpus.events)]
    first += [pictures.neighbours_svg(corpus, a.id) for a in corpus.actors]
    again = [pictures.network_svg(corpus), pictures.timeline_svg(corpus.events)]
    again += [pictures.neighbours_svg(corpus, a.id) for a in corpus.actors]
    assert first == again
    assert first[0] and first[1]
    for svg in filter(None, first):
        xml.dom.minidom.parseString(svg)  # well-formed
        assert svg.startswith("<svg ") and "\n\n" not in svg  # one raw HTML block in Markdown


def test_pictures_escape_article_text(evil_corpus: Corpus) -> None:
    for svg in [pictures.network_svg(evil_corpus), pictures.timeline_svg(evil_corpus.events),
                *(pictures.neighbours_svg(evil_corpus, a.id) for a in evil_corpus.actors)]:
        if svg:
            xml.dom.minidom.parseString(svg)
            assert "<script" not in svg.lower()


def test_pictures_nothing_to_draw_gives_empty_string(corpus: Corpus) -> None:
    empty = corpus.model_copy(update={"actors": [], "events": [], "quotes": []})
    assert pictures.network_svg(empty) == ""
    assert pictures.timeline_svg([]) == ""
    assert pictures.neighbours_svg(empty, "nobody") == ""


def _overlaps(boxes: list[graph_layout.Box], centres: dict[str, tuple[float, float]]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            (ax, ay), (bx, by) = centres[a.id], centres[b.id]
            if abs(ax - bx) < (a.width + b.width) / 2 and abs(ay - by) < (a.height + b.height) / 2:
                found.append((a.id, b.id))
    return found


@pytest.mark.parametrize("graphviz", [True, False])
def test_pictures_layout_keeps_every_label_clear_of_the_others(monkeypatch: pytest.MonkeyPatch, graphviz: bool) -> None:
    """Graphviz's neato (or, without it, a circle) places boxes of circle and label with no overlap, the
    same way each time, inside the picture."""
    if graphviz and shutil.which("neato") is None:
        message = "Graphviz's neato is not installed (apt-get install graphviz)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    if not graphviz:
        monkeypatch.setattr(graph_layout.shutil, "which", lambda name: None)
    boxes = [graph_layout.Box(f"a{i}", 40 + 9 * (i % 5), 30) for i in range(16)]
    edges = {(f"a{i}", f"a{j}"): 1 + (i + j) % 3 for i in range(16) for j in range(i + 1, 16) if (i * j) % 4 == 1 or j == i + 1}
    centres = graph_layout.place(boxes, edges)
    assert centres == graph_layout.place(boxes, edges)
    assert set(centres) == {b.id for b in boxes} and not _overlaps(boxes, centres)
    assert min(x - b.width / 2 for b in boxes for x, _ in [centres[b.id]]) >= 0
    assert graph_layout.place(boxes[:1], {}) == {"a0": (boxes[0].width / 2, boxes[0].height / 2)}


def test_pictures_network_nodes_link_to_actor_pages(corpus: Corpus) -> None:
    home = pictures.network_svg(corpus)
    actors, _ = pictures.network_actors(corpus)
    for actor in actors:
        assert f'<a xlink:href="actors/{actor.id}/" data-bf-page="actors/{actor.id}.md">' in home
    centre = actors[0]
    page = pictures.neighbours_svg(corpus, centre.id)
    assert f'data-bf-page="actors/{centre.id}.md"' not in page  # the page's own actor is no link
    neighbours = pictures.Neighbourhoods(corpus).neighbours(centre.id)
    assert neighbours and all(f'<a xlink:href="../../actors/{other}/"' in page for other, _ in neighbours)


def test_pictures_star_keeps_the_actor_and_its_neighbours_clear_of_each_other() -> None:
    centre = graph_layout.Box("me", 120, 32)
    for count in (1, 2, 5, 12):
        around = [graph_layout.Box(f"n{i}", 60 + 15 * (i % 4), 30) for i in range(count)]
        centres = graph_layout.star(centre, around)
        assert not _overlaps([centre, *around], centres), count
        assert centres == graph_layout.star(centre, around)
