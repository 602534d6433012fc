"""Site builds (briefing.site.build with the plugin): after an edit, an incremental build makes the site
a clean build makes; the pipeline's report is handed over to the plugin once."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from briefing import pipeline
from briefing.cache import ExtractionCache
from briefing.config import load_settings
from briefing.site.build import build_site
from tests.conftest import project_with_seeds

pytestmark = pytest.mark.slow

EDIT = "\nThe harbour authority said on Monday it would publish the inspection reports within a month.\n"


def build(project: Path, *, incremental: bool = True) -> pipeline.BuildReport:
    settings = load_settings(project)
    report = pipeline.build(settings)
    build_site(settings, strict=True, report=report, incremental=incremental)
    return report


def site_files(project: Path) -> dict[str, bytes]:
    # sitemap.xml.gz carries the time it was written in its gzip header
    site = project / "site"
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file() and p.suffix != ".gz"}


def page_times(project: Path) -> dict[str, int]:
    return {str(p.relative_to(project / "site")): p.stat().st_mtime_ns for p in (project / "site").rglob("index.html")}


def html_of(markdown: Path) -> str:
    """docs-relative Markdown path -> site-relative HTML path (directory URLs)."""
    if markdown.name == "index.md":
        return str(markdown.parent / "index.html") if markdown.parent != Path(".") else "index.html"
    return str(markdown.with_suffix("") / "index.html")


def touch_later(path: Path) -> None:
    """Make sure an edited file is newer than the HTML built from it, whatever the clock's resolution."""
    later = time.time() + 2
    os.utime(path, (later, later))


@pytest.fixture()
def twins(tmp_path: Path) -> tuple[Path, Path]:
    """One project built once, and an empty copy of it for clean builds (the same cache)."""
    project = project_with_seeds(tmp_path)
    (project / "briefing.yml").write_text(f"cache_dir: {tmp_path / 'cache'}\n", encoding="utf-8")
    build(project)
    clean = tmp_path / "clean"
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns("site", "docs"))
    shutil.copytree(project / "docs" / "assets", clean / "docs" / "assets")
    return project, clean


def test_incremental_build_after_an_edit_equals_a_clean_build(twins: tuple[Path, Path]) -> None:
    project, clean = twins
    before = page_times(project)
    for folder in (project, clean):
        article = next((folder / "seeds").glob("02_*"))
        article.write_text(article.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
        touch_later(article)
    report = build(project)
    build(clean, incremental=False)
    assert site_files(project) == site_files(clean)
    after = page_times(project)
    rebuilt = {page for page in after if after[page] != before.get(page)}
    # Exactly the pages whose Markdown changed were rebuilt.
    docs = project / "docs"
    changed = {html_of(p.relative_to(docs)) for p in report.written if p.suffix == ".md" and docs in p.parents}
    assert rebuilt == changed
    assert 0 < len(rebuilt) < len(after)
    index = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("inspection reports" in doc["text"] for doc in index["docs"])


def test_incremental_build_removes_the_pages_of_a_deleted_article(twins: tuple[Path, Path]) -> None:
    project, clean = twins
    for folder in (project, clean):
        next((folder / "seeds").glob("03_*")).unlink()
    build(project)
    build(clean, incremental=False)
    assert site_files(project) == site_files(clean)


def test_changed_settings_or_an_unfinished_build_mean_a_clean_build(twins: tuple[Path, Path]) -> None:
    project, _ = twins
    stale = project / "site" / "stale.html"
    stale.write_text("left over", encoding="utf-8")
    build(project)
    assert stale.exists()  # same settings: an incremental build keeps what it does not own
    (project / "briefing.yml").write_text(
        (project / "briefing.yml").read_text(encoding="utf-8") + "title: Another name\n", encoding="utf-8"
    )
    build(project)  # the site name is on every page: every page is rebuilt, the folder emptied first
    assert not stale.exists()
    assert "Another name" in (project / "site" / "events" / "index.html").read_text(encoding="utf-8")
    # A build that stops half-way leaves no record: the next one is clean.
    settings = load_settings(project)
    manifests = list((settings.cache_dir / "site").glob("*.json"))
    assert len(manifests) == 1
    manifests[0].unlink()
    stale.write_text("left over", encoding="utf-8")
    build(project)
    assert not stale.exists()


def test_tag_links_above_a_page_lead_to_its_section_of_the_tags_page(twins: tuple[Path, Path]) -> None:
    import re

    project, _ = twins
    tags_page = (project / "site" / "tags" / "index.html").read_text(encoding="utf-8")
    actor = next((project / "site" / "actors").glob("*/index.html")).read_text(encoding="utf-8")
    chips = re.findall(r'<a href="([^"]+)" class="md-tag">([^<]+)</a>', actor)
    assert chips, "no tag link above an actor page"
    for href, name in chips:
        assert href.startswith("../../tags/#tag-"), href
        anchor = href.split("#", 1)[1]
        assert f'id="{anchor}"' in tags_page, (name, anchor)
    # An actor's other names are tags for search only (ranked above any title or text), never chips.
    entries = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    checked = 0
    for markdown in sorted((project / "docs" / "actors").glob("*.md")):
        meta = yaml.safe_load(markdown.read_text(encoding="utf-8").removeprefix("---\n").split("\n---\n", 1)[0])
        if len(meta.get("tags", [])) == len(meta.get("tag_anchors", [])):  # the index, or no other name
            continue
        html = (project / "site" / html_of(markdown.relative_to(project / "docs"))).read_text(encoding="utf-8")
        chips = [name for _, name in re.findall(r'<a href="([^"]+)" class="md-tag">([^<]+)</a>', html)]
        assert chips == meta["tags"][: len(meta["tag_anchors"])], markdown.name
        location = f"actors/{markdown.stem}/"
        assert next(e.get("tags", []) for e in entries if e["location"] == location) == meta["tags"], location
        checked += 1
    assert checked


def test_serve_dirty_rebuilds_only_changed_pages_and_keeps_the_search_index_whole(tmp_path: Path) -> None:
    """`briefing serve` (mkdocs serve --dirty): each rebuild of the live server, as MkDocs' serve runs
    it (a fresh config per rebuild, one plugin object), rebuilds the edited pages only, and the
    search index still holds every page; the record of the temporary site folder goes at the end."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = project_with_seeds(tmp_path)
    site_dir = tmp_path / "served"
    serve_url = "http://127.0.0.1:8000/"

    def rebuild() -> Any:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
        config.site_url = serve_url
        mkdocs_build(config, serve_url=serve_url, dirty=True)
        return config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        rebuild()
        times = {p: p.stat().st_mtime_ns for p in site_dir.rglob("index.html")}
        first = search_locations(site_dir)
        article = next((project / "seeds").glob("02_*"))
        article.write_text(article.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
        touch_later(article)
        rebuild()
        rebuilt = {p for p in site_dir.rglob("index.html") if p.stat().st_mtime_ns != times.get(p)}
        assert 0 < len(rebuilt) < len(times) / 2
        assert search_locations(site_dir) == first, "every page keeps its search entries"
        index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert any("inspection reports" in doc["text"] for doc in index["docs"])
        manifests = list((load_settings(project).cache_dir / "site").glob("*.json"))
        assert len(manifests) == 1
    finally:
        config.plugins.on_shutdown()
    assert not manifests[0].exists()


def test_serve_rebuild_starts_no_second_build_for_the_pages_it_writes(tmp_path: Path) -> None:
    """`briefing serve`: the pages the pipeline writes during a rebuild are read by that rebuild; the
    server's watcher must not take them for an edit (a second build would hold back the browser's
    reload until it ended). An edit in docs/ after the rebuild still starts one."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    project = project_with_seeds(tmp_path)
    site_dir = tmp_path / "served"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=True)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site_dir), polling_interval=0.05)

    def wants_rebuild(seconds: float) -> bool:
        """Whether the watcher asked for a build within `seconds` (MkDocs' own flag, read as its build loop does)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if server._want_rebuild:
                return True
            time.sleep(0.05)
        return False

    try:
        mkdocs_build(config, dirty=True)  # the first build, then the server watches, as in mkdocs serve
        server.watch(config.docs_dir)
        config.plugins.on_serve(server, config=config, builder=server.builder)
        server.observer.start()
        time.sleep(0.3)
        article = next((project / "seeds").glob("02_*"))
        article.write_text(article.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
        assert wants_rebuild(5), "the edited article starts a build"
        server._want_rebuild = False  # MkDocs' build loop takes the request, then builds
        pages = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*.md")}
        mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir)), dirty=True)
        assert any(p.stat().st_mtime_ns != t for p, t in pages.items()), "the rebuild wrote pages"
        assert not wants_rebuild(1), "the pages it wrote start no second build"
        (project / "docs" / "notes.md").write_text("# Notes\n", encoding="utf-8")
        assert wants_rebuild(5), "a page edited by hand afterwards does"
    finally:
        server.observer.stop()
        server.observer.join()
        config.plugins.on_shutdown()


def search_locations(site_dir: Path) -> list[str]:
    """The locations of the search index's entries, in order."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [doc["location"] for doc in index["docs"]]


def test_site_build_hands_the_report_to_the_plugin_once(twins: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """`briefing build` has just written the pages: the plugin takes its report instead of running the
    pipeline a second time; a later build with nothing handed over (each rebuild of `mkdocs serve`) runs it."""
    project, _ = twins
    settings = load_settings(project)
    calls: list[Path] = []
    run_pipeline = pipeline.build

    def counted(settings: Any, **options: Any) -> pipeline.BuildReport:
        calls.append(settings.project_dir)
        return run_pipeline(settings, **options)

    monkeypatch.setattr(pipeline, "build", counted)
    home = project / "site" / "index.html"
    build_site(settings, strict=True, report=SimpleNamespace(title="Handed over", summary=lambda: "written"))
    assert calls == []
    assert "<title>Home - Handed over</title>" in home.read_text(encoding="utf-8")  # the title of that report
    build_site(settings, strict=True)
    assert calls == [settings.project_dir]
    assert "Handed over" not in home.read_text(encoding="utf-8")


# An edit that brings a new person into an article (invented): new actor, new mentions, new links.
NEW_ACTOR = "\nMarit Olsgaard, the port's chief engineer, said the cranes of Harbour Dynamics would be inspected.\n"


def test_serve_rebuilds_equal_a_clean_build_and_one_that_changes_nothing_redoes_nothing(
    twins: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`briefing serve` keeps the last run (pipeline.LastRun): after an edit that changes an actor, the
    served site is the site a clean build makes; after a save that changes nothing, nothing is
    resolved or rendered again, and the site is still that of a clean build."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project, clean = twins
    served = project / "served"
    resolved: list[int] = []
    run_resolve = pipeline.resolve
    monkeypatch.setattr(pipeline, "resolve", lambda *a, **k: resolved.append(1) or run_resolve(*a, **k))
    rendered: list[int] = []
    run_build_pages = pipeline.build_pages
    monkeypatch.setattr(pipeline, "build_pages", lambda *a, **k: rendered.append(1) or run_build_pages(*a, **k))

    read: list[str] = []  # extractions read from the cache folder
    cache_get = ExtractionCache.get
    monkeypatch.setattr(ExtractionCache, "get", lambda self, source: read.append(source.file) or cache_get(self, source))

    def rebuild() -> None:
        mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(served)), dirty=True)

    def served_files() -> dict[str, bytes]:
        return {str(p.relative_to(served)): p.read_bytes() for p in sorted(served.rglob("*"))
                if p.is_file() and p.suffix != ".gz"}

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
    config.plugins.on_startup(command="serve", dirty=True)  # one plugin object for the serve's builds
    try:
        rebuild()
        for folder in (project, clean):
            article = next((folder / "seeds").glob("02_*"))
            article.write_text(article.read_text(encoding="utf-8") + NEW_ACTOR, encoding="utf-8")
            touch_later(article)
        resolved.clear()
        rendered.clear()
        read.clear()
        rebuild()
        assert (resolved, rendered) == ([1], [1])
        assert len(read) == 1 and "02_" in read[0], "only the edited article's extraction is looked for"
        after_edit = served_files()

        article = next((project / "seeds").glob("02_*"))
        article.write_bytes(article.read_bytes())  # saved again, unchanged
        touch_later(article)
        docs = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
        rebuild()
        assert (resolved, rendered, read) == ([1], [1], [read[0]]), "nothing read, resolved or rendered again"
        assert {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()} == docs
        after_save = served_files()

        page = next((project / "docs" / "actors").glob("*.md"))
        page.unlink()  # a generated page deleted by hand comes back from the kept pages
        rebuild()
        assert page.is_file() and rendered == [1]
        after_delete = served_files()
    finally:
        config.plugins.on_shutdown()
    build(clean, incremental=False)  # (the plugin object is the same: after the serve)
    assert "Marit Olsgaard" in (clean / "docs" / "data" / "actors.yaml").read_text(encoding="utf-8")
    assert after_edit == site_files(clean)
    assert after_save == after_edit
    assert after_delete == after_edit
