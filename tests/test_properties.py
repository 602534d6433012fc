"""Property-based tests: slugs, escaping and the YAML round trip hold for any text."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.model import Actor, Corpus, Event, EventMention, Mention, Paragraph, Quote, Source
from briefing.render.escaping import escape_attr, escape_html, escape_markdown
from briefing.render.pages import make_environment
from briefing.slugs import WINDOWS_RESERVED, is_safe_slug, slugify_id, unique_ids
from briefing.store import load_corpus, save_corpus

ROOT = Path(__file__).resolve().parent.parent
# Block syntax Markdown (and its extensions: admonitions, definition lists, attr_list) reads at a line start.
BLOCK_START = re.compile(r"[#+\-=~:?!.>*|]|\d+[.)]|\s")

texts = st.text(max_size=200)
names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


# ------------------------------------------------------------------ slugs


@given(texts, st.integers(min_value=4, max_value=120))
def test_properties_slug_is_safe_and_bounded(text: str, max_length: int) -> None:
    slug = slugify_id(text, max_length)
    assert slug == "" or is_safe_slug(slug, max_length)
    assert slugify_id(text, max_length) == slug  # stable


@pytest.mark.parametrize("name", sorted(WINDOWS_RESERVED))
def test_properties_reserved_device_names_are_never_ids(name: str) -> None:
    for text in (name, name.upper(), f"{name}.txt", f" {name} "):
        slug = slugify_id(text)
        assert slug not in WINDOWS_RESERVED and is_safe_slug(slug)
    assert all(i not in WINDOWS_RESERVED for i in unique_ids([name, name]))


@given(st.lists(st.one_of(texts, st.sampled_from(["a", "a-2", "item", "con", "", "x" * 70])), max_size=40),
       st.integers(min_value=8, max_value=80))
def test_properties_unique_ids_safe_bounded_unique_stable(candidates: list[str], max_length: int) -> None:
    slugs = [slugify_id(c, max_length) for c in candidates]
    ids = unique_ids(slugs, max_length)
    assert len(ids) == len(slugs)
    assert len(set(ids)) == len(ids)
    assert all(is_safe_slug(i, max_length) for i in ids)
    assert unique_ids(slugs, max_length) == ids  # same input, same ids
    # The first of equal slugs keeps it.
    for slug in set(s for s in slugs if s):
        assert ids[slugs.index(slug)] == slug


@given(st.lists(texts, max_size=20))
def test_properties_unique_ids_make_any_candidate_safe(candidates: list[str]) -> None:
    ids = unique_ids(candidates)
    assert len(set(ids)) == len(ids) and all(is_safe_slug(i) for i in ids)


# ------------------------------------------------------------------ escaping


@given(texts)
def test_properties_escape_markdown_is_inline_and_inert(text: str) -> None:
    out = escape_markdown(text)
    assert "<" not in out and ">" not in out
    assert "\n" not in out and "\r" not in out
    assert not BLOCK_START.match(out)
    # Nothing Markdown or attr_list reads as syntax is left unescaped.
    unescaped = re.sub(r"\\.", "", out)
    assert not set("`*_{}[]|") & set(unescaped)


@given(texts)
def test_properties_escape_html_and_attr(text: str) -> None:
    for out in (escape_html(text), escape_attr(text)):
        assert "<" not in out and ">" not in out and "\n" not in out
        assert re.sub(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);", "", out).count("&") == 0
    assert '"' not in escape_attr(text) and "'" not in escape_attr(text)


@given(texts)
def test_properties_article_text_is_never_a_template(text: str) -> None:
    env = make_environment(ROOT / "templates")
    template = env.from_string("{{ value | md }}|{{ value | html }}|{{ value | attr }}")
    assert template.render(value=text) == "|".join([escape_markdown(text), escape_html(text), escape_attr(text)])
    assert isinstance(env, jinja2.Environment)


# ------------------------------------------------------------------ YAML round trip

dates = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def sources(draw: st.DrawFn, source_id: str) -> Source:
    text = draw(texts)
    return Source(
        id=source_id,
        file=f"seeds/{draw(names)}",
        title=draw(names),
        outlet=draw(st.none() | names),
        authors=draw(st.lists(names, max_size=3)),
        published=draw(dates),
        language=draw(st.sampled_from(["en", "de", "fr"])),
        word_count=len(text.split()),
        text=text,
        paragraphs=[Paragraph(anchor="p1", start=0, end=len(text), text=text)] if text else [],
    )


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    ids = unique_ids([slugify_id(t) for t in draw(st.lists(names, min_size=1, max_size=3))])
    srcs = [draw(sources(i)) for i in ids]
    actors = [
        Actor(
            id=f"actor-{n}",
            name=draw(names),
            kind=draw(st.sampled_from(["person", "organization", "place", "other"])),
            aliases=draw(st.lists(names, max_size=3)),
            sources=[ids[0]],
            mentions=[Mention(source=ids[0], anchor="s1-1", text=draw(names), start=0, end=1)],
        )
        for n in range(draw(st.integers(0, 2)))
    ]
    quotes = [
        Quote(id=f"q{n}", source=ids[0], text=draw(texts), speaker_text=draw(st.none() | names), anchor="s1-1", start=0, end=1)
        for n in range(draw(st.integers(0, 2)))
    ]
    events = [
        Event(
            id=f"e{n}",
            title=draw(names),
            date=draw(dates),
            sources=[ids[0]],
            mentions=[EventMention(source=ids[0], anchor="s1-1", text=draw(texts))],
        )
        for n in range(draw(st.integers(0, 2)))
    ]
    return Corpus(title=draw(texts), sources=srcs, actors=actors, quotes=quotes, events=events)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_properties_yaml_round_trip_keeps_every_record(corpus: Corpus) -> None:
    with tempfile.TemporaryDirectory() as folder:
        save_corpus(corpus, Path(folder))
        loaded = load_corpus(Path(folder))
    assert loaded.sources == corpus.sources
    assert loaded.actors == corpus.actors
    assert loaded.quotes == corpus.quotes
    assert loaded.events == corpus.events
    assert loaded.title == corpus.title
