"""briefing.render.pictures: co-occurrence, deterministic SVG bytes, escaping, empty cases."""

from __future__ import annotations

import xml.dom.minidom

from briefing.model import Corpus
from briefing.render import pictures


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


def test_pictures_force_layout_stays_in_unit_square_and_is_stable() -> None:
    ids = [f"a{i}" for i in range(8)]
    edges = {("a0", "a1"): 3, ("a1", "a2"): 1, ("a3", "a4"): 2}
    layout = pictures.force_layout(ids, edges)
    assert layout == pictures.force_layout(ids, edges)
    assert set(layout) == set(ids)
    assert pictures.force_layout(["only"], {}) == {"only": (0.5, 0.5)}
