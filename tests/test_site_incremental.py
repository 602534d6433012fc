"""The bookkeeping of incremental site builds (briefing.site.incremental), without building a site."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from briefing.config import Settings, load_settings
from briefing.site.incremental import DIRTY_WARNING, DropDirtyWarning, IncrementalSite


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A folder with seeds/, docs/ and an mkdocs.yml of its own (MkDocs' default theme)."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Harbour\n", encoding="utf-8")
    return tmp_path


def start(project: Path) -> IncrementalSite:
    from mkdocs.config import load_config

    site = IncrementalSite(load_settings(project), load_config(str(project / "mkdocs.yml")))
    site.start()
    return site


def page(url: str) -> Any:
    """What IncrementalSite reads of a MkDocs Page: its URL and where its HTML goes."""
    return SimpleNamespace(url=url, file=SimpleNamespace(dest_uri=f"{url}index.html"))


def finish(project: Path, site: IncrementalSite, urls: list[str]) -> None:
    """End a build of these pages as MkDocs and the plugin would: HTML, search index, record."""
    entries = [{"location": url, "text": f"old {url}"} for url in urls]
    for url in urls:
        html = project / "site" / url / "index.html"
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(url, encoding="utf-8")
    index = project / "site" / "search" / "search_index.json"
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text(json.dumps({"docs": entries}), encoding="utf-8")
    site.finish([page(url) for url in urls])


def test_incremental_first_build_is_full_and_empties_the_site_folder(project: Path) -> None:
    (project / "site").mkdir()
    (project / "site" / "left-over.html").write_text("x", encoding="utf-8")
    site = start(project)
    assert site.full
    assert not (project / "site" / "left-over.html").exists()
    assert site.manifest.parent == load_settings(project).cache_dir / "site"


def test_incremental_build_follows_a_finished_one_with_the_same_settings(project: Path) -> None:
    finish(project, start(project), ["", "actors/a/", "actors/b/"])
    site = start(project)
    assert not site.full
    assert site.previous_pages == ["actors/a/index.html", "actors/b/index.html", "index.html"]
    assert (project / "site" / "actors" / "a" / "index.html").is_file()
    assert not site.manifest.exists(), "the record goes while a build runs: one that stops half-way is not trusted"


@pytest.mark.parametrize(
    "change",
    [
        lambda project: (project / "mkdocs.yml").write_text("site_name: Another\n", encoding="utf-8"),
        lambda project: (project / "docs" / "logo.png").write_bytes(b"png"),  # a new static file
        lambda project: (project / "site" / "search" / "search_index.json").unlink(),
    ],
    ids=["mkdocs.yml", "static file", "search index gone"],
)
def test_incremental_anything_else_changed_means_a_full_build(project: Path, change: Any) -> None:
    finish(project, start(project), ["", "actors/a/"])
    change(project)
    assert start(project).full


def test_incremental_search_index_keeps_the_entries_of_pages_not_rebuilt_in_page_order(project: Path) -> None:
    finish(project, start(project), ["", "actors/a/", "actors/b/"])
    site = start(project)
    site.page_built("actors/b/")
    new = [{"location": "actors/b/", "text": "new b"}, {"location": "actors/b/#quotes", "text": "new b quotes"}]
    merged = site.merge_search_entries([page(""), page("actors/a/"), page("actors/b/"), page("actors/c/")], new)
    assert [entry["text"] for entry in merged] == ["old ", "old actors/a/", "new b", "new b quotes"]


def test_incremental_removes_the_html_of_pages_that_are_gone(project: Path) -> None:
    finish(project, start(project), ["", "actors/a/", "actors/b/"])
    site = start(project)
    removed = site.remove_stale_pages([page(""), page("actors/a/")])
    assert removed == [(project / "site" / "actors" / "b" / "index.html").resolve()]
    assert not (project / "site" / "actors" / "b").exists()
    assert (project / "site" / "actors" / "a" / "index.html").is_file()


def test_incremental_drops_only_mkdocs_dirty_build_warning() -> None:
    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.commands.build", logging.WARNING, __file__, 1, message, None, None)

    drop = DropDirtyWarning()
    assert not drop.filter(record(DIRTY_WARNING + ", this will likely lead to inaccurate navigation"))
    assert drop.filter(record("Doc file 'index.md' contains a link to 'nowhere.md'"))


def test_incremental_record_is_per_site_folder(project: Path) -> None:
    from mkdocs.config import load_config

    settings: Settings = load_settings(project)
    config_file = str(project / "mkdocs.yml")
    elsewhere = IncrementalSite(settings, load_config(config_file, site_dir=str(project / "served")))
    assert elsewhere.manifest != IncrementalSite(settings, load_config(config_file)).manifest


def test_theme_bytecode_cache_compiles_a_template_once_and_again_when_it_changes(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The plugin's cache of compiled theme templates (MkDocs makes a new Jinja environment per build)."""
    import jinja2

    from briefing.site.plugin import MemoryBytecodeCache

    (tmp_path / "page.html").write_text("<p>{{ name }} of Harbour Dynamics</p>", encoding="utf-8")
    compiled: list[str] = []
    compile_source = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiled.append(str(name))
        return compile_source(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    cache = MemoryBytecodeCache()

    def render() -> str:  # each build's new environment
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
        return env.get_template("page.html").render(name="Dana Whitfield")

    assert render() == render() == "<p>Dana Whitfield of Harbour Dynamics</p>"
    assert compiled == ["page.html"]
    (tmp_path / "page.html").write_text("<p>{{ name }}, Ellery</p>", encoding="utf-8")
    assert render() == "<p>Dana Whitfield, Ellery</p>"
    assert compiled == ["page.html", "page.html"]
