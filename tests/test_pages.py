"""render.pages: a page for every record, links and anchors that resolve, escaping, idempotent writes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
import yaml

from briefing.model import COPY_SHARE, Corpus, SharedPassage, Source
from briefing.render.lookup import page_path
from briefing.render.pages import render_site

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
LINK = re.compile(r"\]\(([^)\s]+)\)")
EXTENSIONS = ["toc", "tables", "admonition", "attr_list", "def_list", "md_in_html", "pymdownx.details", "pymdownx.superfences"]


@pytest.fixture
def docs(tmp_path: Path, corpus: Corpus) -> Path:
    docs_dir = tmp_path / "docs"
    render_site(corpus, TEMPLATES, docs_dir)
    return docs_dir


def generated(docs_dir: Path) -> dict[str, str]:
    return {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs_dir.rglob("*.md"))}


def ids_in(text: str) -> set[str]:
    """Ids a Markdown page defines: raw HTML id attributes and attr_list {#id} on headings."""
    return set(re.findall(r'\bid="([^"]+)"', text)) | set(re.findall(r"\{#([A-Za-z0-9_.-]+)\}", text))


def test_pages_written_for_every_record(docs: Path, corpus: Corpus) -> None:
    pages = generated(docs)
    overview = ["index.md", "timeline.md", "quotes.md", "coverage.md", "discrepancies.md", "actors/index.md",
                "events/index.md", "sources/index.md", "tags.md"]
    for name in overview:
        assert name in pages
    for kind, records in [("actors", corpus.actors), ("events", corpus.events), ("sources", corpus.sources)]:
        for record in records:
            assert page_path(kind, record.id) in pages
    assert len(pages) == len(overview) + len(corpus.actors) + len(corpus.events) + len(corpus.sources)


def test_pages_links_resolve_to_pages_and_anchors(docs: Path) -> None:
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


def test_pages_source_page_wraps_every_sentence_in_its_anchor(docs: Path, corpus: Corpus) -> None:
    for source in corpus.sources:
        text = (docs / page_path("sources", source.id)).read_text(encoding="utf-8")
        for paragraph in source.paragraphs:
            # a raw HTML paragraph, or a Markdown one with an attribute list
            assert f'id="{paragraph.anchor}"' in text or f"{{: #{paragraph.anchor} " in text
            for sentence in paragraph.sentences:
                assert f'<span id="{sentence.anchor}" class="sentence">' in text
        if any(p.kind == "caption" for p in source.paragraphs):
            assert '<details class="quote boilerplate"><summary>Boilerplate: caption' in text


def test_pages_home_page_answers_what_when_who(docs: Path) -> None:
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "\n# Orrin Dam collapse\n" in home
    assert "from **3 sources**" in home and "- **When:** reported from 2031-03-04 to 2031-04-02; the events told run from 2031-03 to 2031-03-04." in home
    assert home.index("## Key events") < home.index("## Who is involved") < home.index("## Sources")
    # key events are shown by date, undated last
    assert home.index("Governor declares an emergency") < home.index("Lawmakers open an inquiry")


def test_pages_event_page_shows_disputed_dates(docs: Path) -> None:
    text = (docs / page_path("events", "2031-03-03-orrin-dam-collapses")).read_text(encoding="utf-8")
    assert '!!! warning "Date disputed"' in text
    assert "2031-03-04 (“Tuesday”, weekday of publication)" in text
    undated = (docs / page_path("events", "inquiry-opened")).read_text(encoding="utf-8")
    assert "**Date:** undated" in undated and "Date disputed" not in undated


def test_pages_quotes_page_merges_statements_and_keeps_unattributed(docs: Path) -> None:
    text = (docs / "quotes.md").read_text(encoding="utf-8")
    assert text.count("“We will rebuild every home,”") == 1
    assert "carried by **2 sources**" in text
    assert ": “We will rebuild every single home,”" in text  # the other source's wording
    assert text.index("## Mira Okonkwo-Tal") < text.index("## Unattributed")
    assert "(as written: “A spokesperson”)" in text


def test_pages_reported_speech_is_shown_without_quotation_marks(docs: Path, corpus: Corpus) -> None:
    """An indirect statement is the reporter's words: no quotation marks on any page that lists it;
    a direct or partial quote keeps them."""
    indirect = next(q for q in corpus.quotes if q.kind == "indirect")
    partial = next(q for q in corpus.quotes if q.kind == "partial" and q.source == indirect.source)
    pages = {
        "quotes": docs / "quotes.md",
        "actor": docs / page_path("actors", indirect.speaker or ""),
        "source": docs / page_path("sources", indirect.source),
    }
    for name, path in pages.items():
        text = path.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if indirect.text in line]
        assert lines, name
        for line in lines:
            assert f"“{indirect.text}" not in line and f"{indirect.text}”" not in line, (name, line)
    source_page = pages["source"].read_text(encoding="utf-8")
    assert f"- {indirect.text} — " in source_page  # the list of the article's quotes
    assert f"“{partial.text}”" in source_page


def test_pages_actor_page_marks_mentions(docs: Path) -> None:
    text = (docs / page_path("actors", "mira-okonkwo-tal")).read_text(encoding="utf-8")
    assert "- Governor <mark>Mira Okonkwo-Tal</mark> declared an emergency within hours. [s3-2]" in text
    assert "\nRoles\n:   " in text and "## Quotes" in text and "## Events" in text and "## Mentions" in text


def test_pages_counts_agree_with_their_number(docs: Path, corpus: Corpus) -> None:
    """ "1 mention in 1 source", never "1 mentions in 1 sources"; the home page's counts likewise."""
    for actor in corpus.actors:
        text = (docs / page_path("actors", actor.id)).read_text(encoding="utf-8")
        p = actor.prominence
        mentions = f"{p.mentions} mention{'s' if p.mentions != 1 else ''}"
        sources = f"{p.sources} source{'s' if p.sources != 1 else ''}"
        quotes = f"{p.quotes} quote{'s' if p.quotes != 1 else ''}"
        assert f"Prominence\n:   {mentions} in {sources}, {quotes} (score" in text
    assert any(a.prominence.sources == 1 for a in corpus.actors)  # the singular is exercised
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert re.search(r"\*\*What:\*\* \d+ events?, \d+ actors?", home) and " 1 sources" not in home


def test_pages_second_run_writes_nothing(tmp_path: Path, make_corpus: Callable[..., Corpus]) -> None:
    docs_dir = tmp_path / "docs"
    first = render_site(make_corpus(), TEMPLATES, docs_dir)
    assert first and all(p.is_file() for p in first)
    assert render_site(make_corpus(), TEMPLATES, docs_dir) == []
    assert not list(docs_dir.rglob("*.tmp"))


def test_pages_are_deterministic(tmp_path: Path, corpus: Corpus) -> None:
    render_site(corpus, TEMPLATES, tmp_path / "a")
    shuffled = corpus.model_copy(
        update={"actors": corpus.actors[::-1], "events": corpus.events[::-1], "quotes": corpus.quotes[::-1]}
    )
    render_site(shuffled, TEMPLATES, tmp_path / "b")
    assert generated(tmp_path / "a") == generated(tmp_path / "b")


def test_pages_stale_ones_are_deleted(tmp_path: Path, corpus: Corpus) -> None:
    docs_dir = tmp_path / "docs"
    render_site(corpus, TEMPLATES, docs_dir)
    keep = docs_dir / "actors" / "notes.txt"
    keep.write_text("not generated", encoding="utf-8")
    smaller = corpus.model_copy(update={"actors": [a for a in corpus.actors if a.id != "kessel-relief-fund"]})
    changed = render_site(smaller, TEMPLATES, docs_dir)
    stale = docs_dir / page_path("actors", "kessel-relief-fund")
    assert not stale.exists()
    assert stale in changed
    assert keep.exists()


def test_pages_unsafe_ids_stay_inside_docs(tmp_path: Path, corpus: Corpus) -> None:
    actor = corpus.actors[0].model_copy(update={"id": "../../escape me"})
    render_site(corpus.model_copy(update={"actors": [actor, *corpus.actors[1:]]}), TEMPLATES, tmp_path / "docs")
    assert (tmp_path / "docs" / "actors" / "escape-me.md").is_file()
    assert not (tmp_path / "escape me.md").exists()


def test_pages_escape_hostile_article_text(tmp_path: Path, evil_corpus: Corpus) -> None:
    docs_dir = tmp_path / "docs"
    render_site(evil_corpus, TEMPLATES, docs_dir)
    for name, text in generated(docs_dir).items():
        assert "<script" not in text, name
        assert "49" not in text, name  # {{ 7*7 }} was never evaluated
        body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)  # MkDocs reads the front matter as YAML
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
        for table in re.findall(r"<table>.*?</table>", html, flags=re.DOTALL):
            widths = {len(re.findall(r"<t[hd]", row)) for row in re.findall(r"<tr>.*?</tr>", table, flags=re.DOTALL)}
            assert len(widths) == 1, f"{name}: a table row was split: {widths}"


def wire_and_its_copy(corpus: Corpus, copy_id: str) -> tuple[Source, Source]:
    """The fixture's wire story, and a copy of it carried by another outlet under the same title."""
    wire = next(s for s in corpus.sources if s.id == "northgate-wire-governor-promises-rebuild")
    return wire, wire.model_copy(update={"id": copy_id, "outlet": "Harbour Post"})


def test_pages_actor_page_lists_a_copied_sentence_once_citing_each_source(tmp_path: Path, corpus: Corpus) -> None:
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


def test_pages_event_page_gives_one_row_per_sentence_and_cites_copies_in_it(tmp_path: Path, corpus: Corpus) -> None:
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


@pytest.mark.parametrize(("share", "is_copy"), [(0.02, False), (0.3, False), (COPY_SHARE, True), (0.97, True)])
def test_pages_source_page_calls_a_copy_only_a_copy(tmp_path: Path, corpus: Corpus, share: float, is_copy: bool) -> None:
    """A shared passage is "a copy" only from COPY_SHARE up (a template once read a dict's copy method: always true)."""
    first, second = corpus.sources[0], corpus.sources[1]
    shared = first.model_copy(update={"shared_passages": [SharedPassage(source=second.id, share=share)]})
    render_site(corpus.model_copy(update={"sources": [shared, *corpus.sources[1:]]}), TEMPLATES, tmp_path)
    text = (tmp_path / page_path("sources", first.id)).read_text(encoding="utf-8")
    assert f"{round(100 * share)} % of this text also appears in" in text
    assert ("**a copy**" in text) is is_copy


def test_pages_templates_read_no_attribute_named_like_a_dict_method() -> None:
    """`x.copy` of a dict in Jinja is the dict's method, never the key: templates must not use such names."""
    methods = "items|keys|values|copy|get|update|pop|clear|setdefault"
    found = [
        f"{path.name}: {match.group(0)}"
        for path in sorted(TEMPLATES.glob("*.j2"))
        for match in re.finditer(rf"\b\w+\.(?:{methods})\b(?!\s*\()", path.read_text(encoding="utf-8"))
    ]
    assert not found, found


def test_pages_event_date_basis_names_a_source_by_outlet_and_title(tmp_path: Path, corpus: Corpus) -> None:
    """A basis that names a source by its id ("publication date of <id>") shows the outlet and title, linked."""
    source = corpus.sources[0]
    event = corpus.events[0].model_copy(update={"date_basis": f"not stated; publication date of {source.id}"})
    render_site(corpus.model_copy(update={"events": [event, *corpus.events[1:]]}), TEMPLATES, tmp_path)
    text = (tmp_path / page_path("events", event.id)).read_text(encoding="utf-8")
    date_line = next(line for line in text.splitlines() if line.startswith("- **Date:**"))
    assert f"publication date of [{source.outlet}, “{source.title}”](../sources/{source.id}.md)" in date_line
    assert date_line.count(source.id) == 1  # only in the link's address


def test_pages_only_in_this_source_leaves_out_an_event_another_source_reports(tmp_path: Path, corpus: Corpus) -> None:
    """An event with a sentence in another source is not "only in this source", even when its list
    of sources names one (the two can differ after curation or a hand edit)."""
    event = next(e for e in corpus.events if len({m.source for m in e.mentions}) > 1)
    first = event.mentions[0].source
    narrowed = event.model_copy(update={"sources": [first]})
    render_site(corpus.model_copy(update={"events": [narrowed if e.id == event.id else e for e in corpus.events]}),
                TEMPLATES, tmp_path)
    text = (tmp_path / page_path("sources", first)).read_text(encoding="utf-8")
    only = text[text.index("## Only in this source"):] if "## Only in this source" in text else ""
    only = only[: only.find("\n## ", 3)] if "\n## " in only[3:] else only
    assert f"events/{event.id}.md" not in only
    assert f"events/{event.id}.md" in text  # still listed among the events it reports


def _only_in(page: str) -> str:
    """The "Only in this source" section of a source page ("" when it has none)."""
    if "## Only in this source" not in page:
        return ""
    section = page[page.index("## Only in this source"):]
    return section[: section.find("\n## ", 3)] if "\n## " in section[3:] else section


def test_pages_only_in_this_source_lists_events_no_other_source_reports(tmp_path: Path, corpus: Corpus) -> None:
    """Only events every sentence of which is in the source or a copy of it (a republication counts as
    the source): an event another source reports too is left out."""
    by_id = {s.id: s for s in corpus.sources}
    copy = next(s for s in corpus.sources if s.republished_from)
    original = next(s for s in corpus.sources if s.outlet == copy.republished_from)
    other = next(s for s in corpus.sources if s.id not in {copy.id, original.id})
    event = next(e for e in corpus.events if {m.source for m in e.mentions} == {original.id, other.id})
    mine = event.mentions[[m.source for m in event.mentions].index(original.id)]
    copied = corpus.events[0].model_copy(update={
        "id": "copied-story", "title": "A story told by one outlet and its republisher",
        "sources": [original.id, copy.id],
        "mentions": [mine, mine.model_copy(update={"source": copy.id, "anchor": "s1-1"})],
    })
    render_site(corpus.model_copy(update={"events": [*corpus.events, copied]}), TEMPLATES, tmp_path)

    def only(source_id: str) -> str:
        return _only_in((tmp_path / page_path("sources", source_id)).read_text(encoding="utf-8"))

    assert "## Only in this source and its copies" in only(original.id)
    assert f"sources/{copy.id}.md" in only(original.id)  # the copy is named
    for source_id in (original.id, copy.id):
        assert "events/copied-story.md" in only(source_id), by_id[source_id].title
        assert f"events/{event.id}.md" not in only(source_id)
    assert f"events/{event.id}.md" not in only(other.id)
    assert "## Only in this source\n" in (tmp_path / page_path("sources", other.id)).read_text(encoding="utf-8")
