"""The benchmark's corpus generator: deterministic, prefix-stable, and disguised."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from bench.corpus import (
    REPEATED_CHARS,
    STORY_SIZE,
    Disguise,
    SeedArticle,
    article_name,
    long_article,
    make_article,
    name_words,
    repeated_paragraph_article,
    write_corpus,
)

from tests.conftest import FIXTURE_SEEDS

ARTICLES = [
    SeedArticle(
        title="Harbour fire in Ellery",
        paragraphs=(
            "Fire chief Dana Whitfield said on March 12 that the blaze at the Ellery harbour was under control.",
            "“We were lucky,” Whitfield told reporters on 14 March 2031, as crews from Port Tamsin arrived.",
        ),
        published=dt.date(2031, 3, 13),
    ),
    SeedArticle(
        title="Inquiry opens",
        paragraphs=("The harbour authority of Ellery opened an inquiry, Mayor Ravi Ostrander said.",),
        published=dt.date(2031, 3, 15),
    ),
]


def _front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_bench_corpus_name_words_are_parts_of_names() -> None:
    words = name_words(ARTICLES)
    assert {"Dana", "Whitfield", "Ravi", "Ostrander", "Port", "Tamsin"} <= words
    assert not words & {"March", "Fire", "The", "We"}


def test_bench_corpus_is_deterministic_and_disguised() -> None:
    words = name_words(ARTICLES)
    first = [make_article(i, ARTICLES, words) for i in range(3)]
    assert first == [make_article(i, ARTICLES, words) for i in range(3)]
    for text in first:
        assert "Whitfield" not in text and "Ostrander" not in text
        meta = _front_matter(text)
        assert meta["title"] and meta["outlet"] and meta["authors"]
    assert make_article(0, ARTICLES, words, seed=1) != first[0]


def test_bench_corpus_story_shares_names_and_date_shift() -> None:
    words = name_words(ARTICLES)
    a, b = Disguise(0, 0, words), Disguise(0, 0, words)
    assert a.apply("Dana Whitfield met Whitfield", 2031) == b.apply("Dana Whitfield met Whitfield", 2031)
    moved = a.apply("on March 12 and on 14 March 2031", 2031)
    day = dt.date(2031, 3, 12) + a.shift
    assert f"{day:%B} {day.day}" in moved
    assert a.shift.days % 7 == 0  # weekdays stay true
    assert Disguise(0, 1, words).name("Whitfield") != a.name("Whitfield") or Disguise(0, 1, words).weeks != a.weeks


def test_bench_corpus_files_are_prefix_stable_and_ingestible(tmp_path: Path) -> None:
    from briefing.ingest import sources as ingest

    small = write_corpus(FIXTURE_SEEDS, tmp_path / "small" / "seeds", 3)
    large = write_corpus(FIXTURE_SEEDS, tmp_path / "large" / "seeds", STORY_SIZE + 2)
    assert [p.name for p in small] == [article_name(i) for i in range(3)]
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in large[:3]]
    sources, skipped = ingest.read_sources(tmp_path / "large" / "seeds", tmp_path / "large")
    assert not skipped and len(sources) == STORY_SIZE + 2
    assert all(s.published and s.outlet for s in sources)


QUOTED = SeedArticle(
    title="Pier reopens in Ellery",
    paragraphs=(
        "“The eastern pier is open again, the cranes are working and the first ships are already on their way to "
        "us at last,” said Dana Whitfield, the harbour minister of Ellery, on a visit to the quay with workers of Harbour "
        "Dynamics and members of the council.",
        "The council of Port Tamsin said it would send an inspector.",
    ),
    published=dt.date(2031, 3, 20),
)


def test_bench_corpus_long_article_is_the_corpus_paragraphs_one_after_another(tmp_path: Path) -> None:
    from briefing.ingest import sources as ingest

    words = name_words(ARTICLES)
    text = long_article(ARTICLES, words, 2_000)
    assert text == long_article(ARTICLES, words, 2_000)
    body = text.split("---\n", 2)[2]
    assert len(body) >= 2_000
    assert body.startswith(make_article(0, ARTICLES, words).split("---\n", 2)[2].rstrip("\n"))
    assert _front_matter(text)["title"] == _front_matter(make_article(0, ARTICLES, words))["title"]
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "long.md").write_text(text, encoding="utf-8")
    sources, skipped = ingest.read_sources(tmp_path / "seeds", tmp_path)
    assert not skipped and len(sources[0].text) >= 2_000


def test_bench_corpus_repeated_article_is_one_quoted_paragraph_many_times() -> None:
    articles = [QUOTED, *ARTICLES]
    words = name_words(articles)
    text = repeated_paragraph_article(articles, words, 5)
    paragraphs = text.split("---\n", 2)[2].rstrip("\n").split("\n\n")
    assert len(paragraphs) == 5 and len(set(paragraphs)) == 1
    assert "“" in paragraphs[0] and REPEATED_CHARS <= len(paragraphs[0]) < REPEATED_CHARS * 6 // 5
    assert "Whitfield" not in text  # disguised like every article of the corpus
    with pytest.raises(ValueError):
        repeated_paragraph_article(ARTICLES, name_words(ARTICLES), 5)  # no paragraph that long
