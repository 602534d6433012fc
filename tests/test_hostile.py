"""Bad input and hostile text: clear reasons for skipped files, nothing lost, nothing executed.

tests/fixtures/hostile/ holds one file per case (script tags, Jinja, Markdown and YAML
look-alikes, an odd file name, a huge line, NUL bytes, UTF-16, cp1252, mojibake, a saved
web page, an empty file, PDFs, a duplicate, a German article), all invented for these tests.
"""

from __future__ import annotations

import html.parser
import logging
import os
import shutil
import socket
from pathlib import Path

import pytest

from tests.conftest import HOSTILE, project_with_seeds

from briefing.system import files as fileio
from briefing.render import pages as render
from briefing.config import load_settings
from briefing.errors import ConfigError
from briefing.ingest.sources import read_sources

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {
    "11_empty.txt": "empty file",
    "12_report.pdf": "not an article file",
    "13_fake-pdf.txt": "binary file (a PDF document)",
    "14_duplicate.txt": "duplicate of seeds/09_cp1252.txt",
}
WARNINGS = {
    "07_nul-bytes.txt": "removed 3 control character(s) such as NUL",
    "15_mojibake.txt": "repaired mis-decoded characters (mojibake)",
    "16_non-english.txt": "written in 'de', not English",
}
ARTICLE = (
    "Ferry timetable changes in Maelford\n\n"
    "MAELFORD (Harbour Notes) - The ferry company of Maelford will change its timetable next month, "
    "its director Ilsa Brondt said on Tuesday. \u201cThe caf\u00e9 on the quay stays open,\u201d she said.\n"
)


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(HOSTILE, seeds)
    return seeds


# ------------------------------------------------------------------ ingest


def test_hostile_ingest_skips_with_one_reason_each_and_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    seeds = _seeds(tmp_path)
    with caplog.at_level(logging.WARNING, logger="briefing"):
        sources, skipped = read_sources(seeds, tmp_path)
    reasons = {item.path.name: item.reason for item in skipped}
    assert set(reasons) == set(SKIPPED)
    for name, reason in SKIPPED.items():
        assert reasons[name].startswith(f"seeds/{name}: ") and reason in reasons[name]
    assert len(sources) == len(list(HOSTILE.iterdir())) - len(SKIPPED)
    for name, warning in WARNINGS.items():
        assert any(r.getMessage().startswith(f"seeds/{name}") and warning in r.getMessage() for r in caplog.records), name
    by_file = {Path(s.file).name: s for s in sources}
    # Decoded right, whatever the encoding; mojibake and NUL bytes repaired, offsets intact.
    assert "Élodie Marchetti" in by_file["08_utf16.txt"].text and "\u201cIt took" in by_file["08_utf16.txt"].text
    assert "Niamh O\u2019Dowd" in by_file["09_cp1252.txt"].text and "caf\u00e9-sized" in by_file["09_cp1252.txt"].text
    assert "trust\u2019s director" in by_file["15_mojibake.txt"].text and "\u00e2" not in by_file["15_mojibake.txt"].text
    assert "\x00" not in by_file["07_nul-bytes.txt"].text
    assert by_file["16_non-english.txt"].language == "de"
    assert {s.language for s in sources} == {"en", "de"}
    for source in sources:
        for p in source.paragraphs:
            assert source.text[p.start : p.end] == p.text
    # The file name with spaces, unicode and dots gives a safe id and keeps its real path.
    odd = by_file["05 .. ..-Ünïcode ✓ name..txt"]
    assert odd.file == "seeds/05 .. ..-Ünïcode ✓ name..txt"
    assert all(c.isascii() and (c.isalnum() or c == "-") for s in sources for c in s.id)
    assert len({s.id for s in sources}) == len(sources)
    # Text that looks like YAML or front matter in the body is only text.
    yaml_like = by_file["04_yaml-lines.txt"]
    assert "pwned-yaml-title" in yaml_like.text and yaml_like.title != "pwned-yaml-title"


def test_hostile_html_page_text_and_metadata(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / "10_saved-page.html", seeds / "page.html")
    (source,), skipped = read_sources(seeds, tmp_path)
    assert skipped == []
    assert (source.title, source.outlet, source.authors) == (
        "Museum roof repairs finished",
        "The Pellam Observer",
        ["Greta Holm"],
    )
    assert source.published is not None and source.published.isoformat() == "2031-06-12"
    assert source.published_basis == "page metadata"
    assert "museum director Oskar Lind said" in source.text
    for marker in ("pwned", "<script", "onerror", "javascript:", "Subscribe", "Sport"):
        assert marker not in source.text


def test_hostile_html_input_never_touches_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during ingest")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / "10_saved-page.html", seeds / "page.html")
    (seeds / "links.htm").write_text(
        '<html><head><link rel="canonical" href="https://example.invalid/a"><base href="https://example.invalid/">'
        '<meta http-equiv="refresh" content="0;url=https://example.invalid/b"></head><body><article>'
        "<p>The river authority of Tollmere said on Friday that the dam would be inspected next spring, "
        'according to <a href="https://example.invalid/c">a statement</a>.</p></article></body></html>',
        encoding="utf-8",
    )
    sources, skipped = read_sources(seeds, tmp_path)
    assert len(sources) == 2 and skipped == []


def test_hostile_html_without_article_is_skipped(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "empty.html").write_text("<html><head><script>alert(1)</script></head><body></body></html>", encoding="utf-8")
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    sources, (skip,) = read_sources(seeds, tmp_path)
    assert len(sources) == 1
    assert skip.reason == "seeds/empty.html: no article text found in the web page"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252", "latin-1"])
def test_hostile_encodings_are_read_correctly(tmp_path: Path, encoding: str) -> None:
    text = ARTICLE if encoding != "latin-1" else ARTICLE.replace("\u201c", '"').replace("\u201d", '"')
    if encoding.endswith("-bom"):
        codec = encoding[: -len("-bom")]
        data = ("\ufeff" + text).encode(codec)
    else:
        data = text.encode(encoding)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_bytes(data)
    (source,), skipped = read_sources(seeds, tmp_path)
    assert skipped == []
    assert source.text == text


def test_hostile_non_english_skip_setting(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / "16_non-english.txt", seeds / "de.txt")
    (seeds / "en.txt").write_text(ARTICLE, encoding="utf-8")
    sources, (skip,) = read_sources(seeds, tmp_path, non_english="skip")
    assert [s.file for s in sources] == ["seeds/en.txt"]
    assert skip.reason == "seeds/de.txt: written in 'de', not English (non_english: skip)"
    # Front matter that names the language wins over the detector.
    (seeds / "de.txt").unlink()
    (seeds / "de.md").write_text("---\nlanguage: en\n---\n" + (HOSTILE / "16_non-english.txt").read_text("utf-8"), "utf-8")
    sources, skipped = read_sources(seeds, tmp_path, non_english="skip")
    assert skipped == [] and {s.language for s in sources} == {"en"}


def test_hostile_unreadable_and_broken_files_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "locked.txt").write_text(ARTICLE + "More.\n", encoding="utf-8")
    (seeds / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    real_read_bytes = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    sources, skipped = read_sources(seeds, tmp_path)
    assert [s.file for s in sources] == ["seeds/a.txt"]
    assert [s.reason for s in skipped] == [
        "seeds/gone.txt: broken link (its target does not exist)",
        "seeds/locked.txt: could not read the file (Permission denied)",
    ]


def test_hostile_front_matter_unknown_field_warns_with_choices(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\ntitle: T\ntitel: Typo\nid: CON\n---\n" + ARTICLE, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        (source,), _ = read_sources(seeds, tmp_path)
    assert "seeds/a.md, line 3: unknown front matter field 'titel' ignored; valid fields: title, outlet" in caplog.text
    assert source.id == "con-id"  # a front-matter id is made safe like any other (CON is a Windows device)


def test_hostile_front_matter_bad_language_names_line_and_field(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\ntitle: T\nlanguage: ../../x\n---\n" + ARTICLE, encoding="utf-8")
    _, (skip,) = read_sources(seeds, tmp_path)
    assert skip.reason.startswith("seeds/a.md, line 3: front matter field 'language'")


def test_hostile_config_enum_error_lists_choices_and_line(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "briefing.yml").write_text(
        "title: T\nnon_english: sometimes\ncuration:\n  actors:\n    kind: {acme: company}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as raised:
        load_settings(tmp_path)
    message = str(raised.value)
    assert "Config value 'non_english': 'sometimes' is not a valid choice; valid choices: warn, skip (briefing.yml, line 2)" in message
    assert (
        "Config value 'curation.actors.kind.acme': 'company' is not a valid choice; "
        "valid choices: person, organization, place, other (briefing.yml, line 5)"
    ) in message


def test_hostile_config_non_english_default_and_value(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    assert load_settings(tmp_path).non_english == "warn"
    (tmp_path / "briefing.yml").write_text("non_english: skip\n", encoding="utf-8")
    assert load_settings(tmp_path).non_english == "skip"


# ------------------------------------------------------------------ writes


def test_hostile_interrupted_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "data" / "sources.yaml"
    fileio.write_atomic(path, b"schema_version: 1\nsources: []\n")
    assert path.stat().st_mode & 0o777 == 0o644

    def crash(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        fileio.write_atomic(path, b"schema_version: 1\nsources:\n- id: half")
    assert path.read_bytes() == b"schema_version: 1\nsources: []\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["sources.yaml"]  # no temporary file left


def test_hostile_render_writes_through_fileio() -> None:
    assert render.write_if_changed is fileio.write_if_changed


# ------------------------------------------------------------------ large inputs


@pytest.mark.parametrize("limit", [10, 100, 1000])
def test_hostile_chunk_text_splits_at_breaks_and_joins_back(limit: int) -> None:
    from briefing.extract.document import chunk_text

    text = ("A short line.\n" * 50) + "x" * (3 * limit) + " " + ("word " * 400) + "end"
    chunks = chunk_text(text, limit)
    assert "".join(chunks) == text
    assert all(0 < len(chunk) <= limit for chunk in chunks)
    # A cut falls after a line break or a space whenever one is in reach.
    for chunk, following in zip(chunks, chunks[1:]):
        if "\n" in chunk or " " in chunk:
            assert chunk[-1] in "\n " or following[0] in "\n "


def test_hostile_chunk_text_short_text_is_one_chunk() -> None:
    from briefing.extract.document import chunk_text

    assert chunk_text("", 10) == [""]
    assert chunk_text("abc", 10) == ["abc"]


@pytest.mark.slow
def test_hostile_article_over_a_million_characters_is_parsed(tmp_path: Path) -> None:
    import spacy

    from briefing.extract.document import nlp_text, parse_sources

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    paragraph = "The harbour authority of Vell said on Monday that it would close the eastern pier for repairs. " * 20
    (seeds / "long.txt").write_text("Pier closes in Vell\n\n" + (paragraph + "\n\n") * 600, encoding="utf-8")
    (seeds / "line.txt").write_text("One line " + "and another clause " * 60_000 + "\n", encoding="utf-8")
    sources, skipped = read_sources(seeds, tmp_path)
    assert skipped == [] and all(len(s.text) > 1_000_000 for s in sources)
    nlp = spacy.blank("en")
    assert nlp.max_length == 1_000_000
    parsed = list(parse_sources(sources, nlp))
    assert [s.id for s, _ in parsed] == [s.id for s in sources]
    for source, doc in parsed:
        assert doc.text == nlp_text(source)


@pytest.mark.slow
def test_hostile_two_thousand_small_files(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(2000):
        (seeds / f"{n:04d}.txt").write_text(
            f"Notice {n} from the Vell harbour office\n\nThe harbour office of Vell posted notice {n} on Monday, "
            f"a spokesman said, about berth {n % 37}.\n",
            encoding="utf-8",
        )
    sources, skipped = read_sources(seeds, tmp_path)
    assert skipped == [] and len(sources) == 2000
    assert len({s.id for s in sources}) == 2000


# ------------------------------------------------------------------ the whole build


class _Page(html.parser.HTMLParser):
    """Scripts, attributes, hrefs and text of one built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            self.attrs.append((tag, name, value))
        if tag == "script":
            self._script, self._script_text = dict(attrs), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._script_text)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)
        else:
            self.text.append(data)


@pytest.mark.slow
def test_hostile_corpus_builds_a_safe_site(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from click.testing import CliRunner

    from briefing.cli import cli

    project = project_with_seeds(tmp_path, seeds=HOSTILE)
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(cli, ["build", "--quiet", "--project-dir", str(project)])
    assert result.exit_code == 0, result.output
    used = len(list(HOSTILE.iterdir())) - len(SKIPPED)
    assert f"Done: {used} articles ({len(SKIPPED)} skipped)" in result.output
    messages = [r.getMessage() for r in caplog.records]
    # One line per skipped file and run (the mkdocs plugin runs the pipeline again, from the cache).
    runs = sum(m.startswith("Skipped seeds/11_empty.txt: ") for m in messages)
    assert runs in (1, 2)
    for name, reason in SKIPPED.items():
        assert sum(m.startswith(f"Skipped seeds/{name}: ") and reason in m for m in messages) == runs, name
    for name, warning in WARNINGS.items():
        assert any(m.startswith(f"seeds/{name}") and warning in m for m in messages), name

    site = project / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > used
    texts: dict[str, str] = {}
    parsed: dict[str, _Page] = {}
    for page in pages:
        parser = _Page()
        parser.feed(page.read_text(encoding="utf-8"))
        rel = page.relative_to(site).as_posix()
        texts[rel], parsed[rel] = "".join(parser.text), parser
    # The theme's own inline scripts: those of 404.html, a page with no article content at all.
    theme_scripts = {code for attrs, code in parsed["404.html"].scripts if not attrs.get("src")}
    problems = []
    for rel, parser in parsed.items():
        for attrs, code in parser.scripts:
            src = attrs.get("src")
            if src:
                if "assets/" not in src or src.startswith(("http:", "https:", "//", "javascript:")) or code.strip():
                    problems.append((rel, "script src", src))
            elif not (attrs.get("id") == "__config" or "__md_" in code or code in theme_scripts):
                problems.append((rel, "inline script", code[:200]))
            if "pwned" in code:
                problems.append((rel, "script with injected code", code[:200]))
        for tag, name, value in parser.attrs:
            if name.lower().startswith("on"):
                problems.append((rel, f"{tag} {name}", value))
            if name in ("href", "src", "action", "formaction", "data") and (value or "").strip().lower().startswith(
                ("javascript:", "data:text/html", "vbscript:")
            ):
                problems.append((rel, f"{tag} {name}", value))
            if tag in ("iframe", "object", "embed", "img", "style", "form", "base", "meta") and "pwned" in (value or ""):
                problems.append((rel, f"{tag} {name}", value))
    assert problems == []

    source_pages = {rel: text for rel, text in texts.items() if rel.startswith("sources/") and rel != "sources/index.html"}
    everything = "\n".join(source_pages.values())
    # The hostile strings are shown as text, literally: escaped, not dropped and not evaluated.
    for literal in (
        '<script>alert("pwned-script")</script>',
        '<img src=x onerror=alert("pwned-img")>',
        "{{ config.__class__.__init__.__globals__ }}",
        "{% for x in range(3) %}pwned-jinja-loop{% endfor %}",
        "{# pwned-jinja-comment #}",
        '[click here](javascript:alert("pwned-md-link"))',
        "<!-- pwned-comment -->",
        "| pwned | table |",
        "{: onclick=\"alert('pwned-attr')\" }",
        "title: pwned-yaml-title",
        "# pwned-heading Quarry expansion",
    ):
        assert literal in everything, literal
    assert "pwned-jinja-looppwned-jinja-loop" not in everything  # the loop never ran
    assert "Council budget 49" not in "\n".join(texts.values())  # {{ 7*7 }} never evaluated
    # Text of the web page's scripts and handlers never reaches the site.
    for marker in ("pwned-page-script", "pwned-onload", "pwned-onerror", "pwned-footer", "pwned-style"):
        assert marker not in "\n".join(texts.values()), marker
    # Markdown structure in article text does not become structure on the page.
    markdown_page = next(page for page in pages if "pwned-heading" in page.read_text(encoding="utf-8") and "sources/" in page.as_posix())
    body = markdown_page.read_text(encoding="utf-8")
    assert "<table" not in body.split('class="md-content"', 1)[-1] or "pwned</th>" not in body
    assert "<h1" not in body.split("pwned-heading", 1)[0][-200:]
    assert "<blockquote>" not in body.split("pwned-blockquote", 1)[0][-200:]
