"""render.render_site: pages, links, anchors, escaping, idempotent writes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import markdown
import pytest
import yaml

from briefing.model import Corpus, Source
from briefing.render.escaping import escape_attr, escape_markdown, safe_name
from briefing.render.lookup import page_path
from briefing.render.pages import render_site

sys.path.insert(0, str(Path(__file__).parent))
from corpus_fixture import make_corpus  # noqa: E402

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
LINK = re.compile(r"\]\(([^)\s]+)\)")
EXTENSIONS = ["toc", "tables", "admonition", "attr_list", "md_in_html", "pymdownx.details", "pymdownx.superfences"]
EVIL = "</title>\"><img src=x onerror=alert(1)> <script>alert(1)</script> {{ 7*7 }} {% raw %} | a | b | [x](javascript:alert(1)) *em* {: onclick=x}"
EVIL_START = "# heading"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    docs_dir = tmp_path / "docs"
    render_site(make_corpus(), TEMPLATES, docs_dir)
    return docs_dir


def generated(docs_dir: Path) -> dict[str, str]:
    return {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs_dir.rglob("*.md"))}


def ids_in(text: str) -> set[str]:
    """Ids a Markdown page defines: raw HTML id attributes and attr_list {#id} on headings."""
    return set(re.findall(r'\bid="([^"]+)"', text)) | set(re.findall(r"\{#([A-Za-z0-9_.-]+)\}", text))


def test_render_writes_a_page_for_every_record(docs: Path) -> None:
    corpus = make_corpus()
    pages = generated(docs)
    overview = ["index.md", "timeline.md", "quotes.md", "coverage.md", "discrepancies.md", "actors/index.md",
                "events/index.md", "sources/index.md", "tags.md"]
    for name in overview:
        assert name in pages
    for kind, records in [("actors", corpus.actors), ("events", corpus.events), ("sources", corpus.sources)]:
        for record in records:
            assert page_path(kind, record.id) in pages
    assert len(pages) == len(overview) + len(corpus.actors) + len(corpus.events) + len(corpus.sources)


def test_render_links_resolve_to_pages_and_anchors(docs: Path) -> None:
    pages = generated(docs)
    checked = 0
    for name, text in pages.items():
        for href in LINK.findall(text):
            path, _, fragment = href.partition("#")
            target = (docs / name).parent / path if path else docs / name  # "#id": an anchor of this page
            assert target.is_file(), f"{name}: broken link {href}"
            if fragment:
                assert fragment in ids_in(target.read_text(encoding="utf-8")), f"{name}: no #{fragment} in {path}"
            checked += 1
    assert checked > 50


def test_render_source_page_wraps_every_sentence_in_its_anchor(docs: Path) -> None:
    for source in make_corpus().sources:
        text = (docs / page_path("sources", source.id)).read_text(encoding="utf-8")
        for paragraph in source.paragraphs:
            # a raw HTML paragraph, or a Markdown one with an attribute list
            assert f'id="{paragraph.anchor}"' in text or f"{{: #{paragraph.anchor} " in text
            for sentence in paragraph.sentences:
                assert f'<span id="{sentence.anchor}" class="sentence">' in text
        if any(p.kind == "caption" for p in source.paragraphs):
            assert '<details class="quote boilerplate"><summary>Boilerplate: caption' in text


def test_render_home_page_answers_what_when_who(docs: Path) -> None:
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "\n# Orrin Dam collapse\n" in home
    assert "from **3 sources**" in home and "- **When:** 2031-03 to 2031-03-04." in home
    assert home.index("## Key events") < home.index("## Who is involved") < home.index("## Sources")
    # key events are shown by date, undated last
    assert home.index("Governor declares an emergency") < home.index("Lawmakers open an inquiry")


def test_render_event_page_shows_disputed_dates(docs: Path) -> None:
    text = (docs / page_path("events", "2031-03-03-orrin-dam-collapses")).read_text(encoding="utf-8")
    assert '!!! warning "Date disputed"' in text
    assert "2031-03-04 (“Tuesday”, weekday of publication)" in text
    undated = (docs / page_path("events", "inquiry-opened")).read_text(encoding="utf-8")
    assert "**Date:** undated" in undated and "Date disputed" not in undated


def test_render_quotes_page_merges_statements_and_keeps_unattributed(docs: Path) -> None:
    text = (docs / "quotes.md").read_text(encoding="utf-8")
    assert text.count("“We will rebuild every home,”") == 1
    assert "carried by **2 sources**" in text
    assert ": “We will rebuild every single home,”" in text  # the other source's wording
    assert text.index("## Mira Okonkwo-Tal") < text.index("## Unattributed")
    assert "(as written: “A spokesperson”)" in text


def test_render_actor_page_marks_mentions(docs: Path) -> None:
    text = (docs / page_path("actors", "mira-okonkwo-tal")).read_text(encoding="utf-8")
    assert "- Governor <mark>Mira Okonkwo-Tal</mark> declared an emergency within hours. [s3-2]" in text
    assert "## Roles" in text and "## Quotes" in text and "## Events" in text and "## Mentions" in text


def test_render_second_run_writes_nothing(tmp_path: Path) -> None:
    docs_dir = tmp_path / "docs"
    first = render_site(make_corpus(), TEMPLATES, docs_dir)
    assert first and all(p.is_file() for p in first)
    assert render_site(make_corpus(), TEMPLATES, docs_dir) == []
    assert not list(docs_dir.rglob("*.tmp"))


def test_render_is_deterministic(tmp_path: Path) -> None:
    render_site(make_corpus(), TEMPLATES, tmp_path / "a")
    corpus = make_corpus()
    shuffled = corpus.model_copy(
        update={"actors": corpus.actors[::-1], "events": corpus.events[::-1], "quotes": corpus.quotes[::-1]}
    )
    render_site(shuffled, TEMPLATES, tmp_path / "b")
    assert generated(tmp_path / "a") == generated(tmp_path / "b")


def test_render_deletes_stale_pages(tmp_path: Path) -> None:
    docs_dir = tmp_path / "docs"
    corpus = make_corpus()
    render_site(corpus, TEMPLATES, docs_dir)
    keep = docs_dir / "actors" / "notes.txt"
    keep.write_text("not generated", encoding="utf-8")
    smaller = corpus.model_copy(update={"actors": [a for a in corpus.actors if a.id != "kessel-relief-fund"]})
    changed = render_site(smaller, TEMPLATES, docs_dir)
    stale = docs_dir / page_path("actors", "kessel-relief-fund")
    assert not stale.exists()
    assert stale in changed
    assert keep.exists()


def test_render_unsafe_ids_stay_inside_docs(tmp_path: Path) -> None:
    corpus = make_corpus()
    actor = corpus.actors[0].model_copy(update={"id": "../../escape me"})
    render_site(corpus.model_copy(update={"actors": [actor, *corpus.actors[1:]]}), TEMPLATES, tmp_path / "docs")
    assert (tmp_path / "docs" / "actors" / "escape-me.md").is_file()
    assert not (tmp_path / "escape me.md").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("AT&T <b>", "AT&amp;T &lt;b&gt;"),
        ("| a | b |", "&#124; a &#124; b &#124;"),
        ("# heading", "&#35; heading"),
        ("1. item", "&#49;. item"),
        ("- item", "&#45; item"),
        ("> quoted", "&#62; quoted"),
        ("!!! note", "&#33;!! note"),
        ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
        ("{{ 7*7 }}", r"\{\{ 7\*7 \}\}"),
        ("snake_case `code`", r"snake\_case \`code\`"),
        ("two\n\nlines", "two lines"),
    ],
)
def test_render_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


def test_render_escape_attr_and_safe_name() -> None:
    assert escape_attr('a "b" <c>') == "a &quot;b&quot; &lt;c&gt;"
    assert safe_name("../x y/z") == "x-y-z"
    assert safe_name("...") == "item"


def make_evil_corpus() -> Corpus:
    """The fixture with hostile text in every field that reaches a page."""
    corpus = make_corpus(title=f"{EVIL_START} {EVIL}")

    def evil_source(source):  # type: ignore[no-untyped-def]
        paragraphs = [
            p.model_copy(
                update={
                    "text": f"{EVIL_START} {EVIL}",
                    "sentences": [s.model_copy(update={"text": f"{EVIL_START} {EVIL} {s.text}"}) for s in p.sentences],
                }
            )
            for p in source.paragraphs
        ]
        return source.model_copy(
            update={
                "title": f"{EVIL_START} {EVIL}",
                "outlet": EVIL,
                "authors": [EVIL],
                "published_basis": EVIL,
                "republished_from": EVIL,
                "file": EVIL,
                "paragraphs": paragraphs,
            }
        )

    actors = [
        a.model_copy(
            update={
                "name": f"{EVIL_START} {a.name} {EVIL}",
                "aliases": [EVIL, f"- {EVIL}"],
                "roles": [r.model_copy(update={"text": EVIL}) for r in a.roles],
            }
        )
        for a in corpus.actors
    ]
    quotes = [q.model_copy(update={"text": f"{EVIL_START} {EVIL}", "speaker_text": EVIL}) for q in corpus.quotes]
    events = [
        e.model_copy(
            update={
                "title": f"{EVIL_START} {EVIL}",
                "date_basis": EVIL,
                "mentions": [
                    m.model_copy(
                        update={
                            "text": f"{EVIL_START} {EVIL}",
                            "date": m.date.model_copy(update={"text": EVIL, "basis": EVIL}) if m.date else None,
                        }
                    )
                    for m in e.mentions
                ],
            }
        )
        for e in corpus.events
    ]
    discrepancies = [
        d.model_copy(
            update={
                "title": f"{EVIL_START} {EVIL}",
                "versions": [v.model_copy(update={"text": f"{EVIL_START} {EVIL}", "value": EVIL}) for v in d.versions],
            }
        )
        for d in corpus.discrepancies
    ]
    return corpus.model_copy(
        update={"sources": [evil_source(s) for s in corpus.sources], "actors": actors, "quotes": quotes,
                "events": events, "discrepancies": discrepancies}
    )


def test_render_escapes_hostile_article_text(tmp_path: Path) -> None:
    docs_dir = tmp_path / "docs"
    render_site(make_evil_corpus(), TEMPLATES, docs_dir)
    for name, text in generated(docs_dir).items():
        assert "<script" not in text, name
        assert "49" not in text, name  # {{ 7*7 }} was never evaluated
        body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # MkDocs reads the front matter as YAML
        html = markdown.markdown(body, extensions=EXTENSIONS)
        assert "<script" not in html, name
        assert not re.search(r"<a [^>]*javascript", html), name
        assert not re.search(r"<[^>]+\s(onclick|onerror)=", html), name
        assert "<img" not in html, name
        assert "[x](javascript:alert(1))" in html, name  # shown as text
        assert "<em>em</em>" not in html, name
        assert "<h1>heading" not in html and "<h1 id=\"heading\"" not in html, name
        assert "{{ 7*7 }}" in html or "{{ 7*7 }}" in html.replace("&#123;", "{"), name
        front = yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}
        assert not set(front.get("title", "")) & set('<>&"'), name  # themes print titles unescaped
        for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
            widths = {len(re.findall(r"<t[hd]", row)) for row in re.findall(r"<tr>.*?</tr>", table, flags=re.S)}
            assert len(widths) == 1, f"{name}: a table row was split: {widths}"


def wire_and_its_copy(corpus: Corpus, copy_id: str) -> tuple[Source, Source]:
    """The fixture's wire story, and a copy of it carried by another outlet under the same title."""
    wire = next(s for s in corpus.sources if s.id == "northgate-wire-governor-promises-rebuild")
    return wire, wire.model_copy(update={"id": copy_id, "outlet": "Harbour Post"})


def test_render_actor_page_lists_a_copied_sentence_once_citing_each_source(tmp_path: Path) -> None:
    corpus = make_corpus()
    wire, copy = wire_and_its_copy(corpus, "harbour-post-governor-promises-rebuild")
    actors = []
    for actor in corpus.actors:
        if actor.id == "mira-okonkwo-tal":
            copied = [m.model_copy(update={"source": copy.id}) for m in actor.mentions if m.source == wire.id]
            actor = actor.model_copy(update={"mentions": actor.mentions + copied, "sources": [*actor.sources, copy.id]})
        actors.append(actor)
    render_site(corpus.model_copy(update={"sources": [*corpus.sources, copy], "actors": actors}), TEMPLATES, tmp_path)
    text = (tmp_path / page_path("actors", "mira-okonkwo-tal")).read_text(encoding="utf-8")
    mentions = text[text.index("## Mentions"):]
    line = next(line for line in mentions.splitlines() if "— also in [" in line)
    assert "— also in [Harbour Post](" in line or "— also in [Northgate Wire](" in line  # a copy named by its outlet
    sentence = line[2 : line.index(" [s")]
    assert mentions.count(sentence) == 1, "the copied sentence is listed once"
    assert f"](../sources/{copy.id}.md#" in line and f"](../sources/{wire.id}.md#" in line  # both cited
    assert mentions.count(f"### {wire.title}") == 1  # the copy, with the same title, has nothing of its own to list


def test_render_event_page_gives_one_row_per_sentence_and_cites_copies_in_it(tmp_path: Path) -> None:
    corpus = make_corpus()
    wire, copy = wire_and_its_copy(corpus, "zz-harbour-post-governor-promises-rebuild")  # sorted after the wire
    events = []
    for event in corpus.events:
        extra = []
        for mention in event.mentions:
            if mention.source == wire.id:
                extra.append(mention.model_copy(update={"predicate": "another trigger"}))  # same sentence again
                extra.append(mention.model_copy(update={"source": copy.id}))  # a copy in another source
        events.append(event.model_copy(update={"mentions": event.mentions + extra}))
    assert any(len(e.mentions) > len(o.mentions) for e, o in zip(events, corpus.events))
    render_site(corpus.model_copy(update={"sources": [*corpus.sources, copy], "events": events}), TEMPLATES, tmp_path)
    checked = 0
    for event, original in zip(events, corpus.events):
        if len(event.mentions) == len(original.mentions):
            continue
        text = (tmp_path / page_path("events", event.id)).read_text(encoding="utf-8")
        table = text[text.index("## What the sources say"):]
        rows = [line for line in table.splitlines() if line.startswith("| [")]
        assert len(rows) == len(original.mentions), "one row per sentence and date, not per trigger or copy"
        copied = [row for row in rows if "— also in [Harbour Post](" in row]
        assert len(copied) == sum(1 for m in original.mentions if m.source == wire.id)
        assert all(row.count(f"{copy.id}.md#") == 1 for row in copied)
        checked += 1
    assert checked
