"""The whole site: `mkdocs build --strict` on rendered pages, every internal link and anchor, the plugin."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from briefing.config import Settings
from briefing.errors import BriefingError
from briefing.model import Corpus
from briefing.render import render_site
from tests.conftest import check_links, parse

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
MKDOCS = Path(sys.executable).parent / "mkdocs"

pytestmark = pytest.mark.slow


def make_project(tmp: Path, corpus: Any, *, plugin_enabled: bool = False) -> Path:
    """A project folder: our mkdocs.yml (briefing plugin disabled), docs/assets and rendered pages."""
    from mkdocs.utils.yaml import get_yaml_loader  # resolves mkdocs.yml's !ENV switches to their defaults

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())  # noqa: S506
    config["plugins"] = ["search", {"briefing": {"enabled": plugin_enabled}}]
    (tmp / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", tmp / "docs" / "assets", ignore=shutil.ignore_patterns("screenshots"))
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", tmp / "overrides")
    (tmp / "seeds").mkdir()
    if corpus is not None:
        render_site(corpus, TEMPLATES, tmp / "docs")
    return tmp


def mkdocs_build(project: Path) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, make_corpus: Callable[..., Corpus]) -> tuple[Path, str]:
    project = make_project(tmp_path_factory.mktemp("site"), make_corpus())
    return project / "site", mkdocs_build(project)


def test_site_builds_strict_without_warnings(built: tuple[Path, str]) -> None:
    site, output = built
    assert not [line for line in output.splitlines() if "WARNING" in line], output
    assert "not included in the" not in output  # every page is in nav or not_in_nav
    for name in ["index.html", "timeline/index.html", "quotes/index.html", "actors/mira-okonkwo-tal/index.html",
                 "events/inquiry-opened/index.html", "sources/ledger-dam-breach-floods-valley/index.html"]:
        assert (site / name).is_file(), name


def test_site_links_and_anchors_resolve(built: tuple[Path, str]) -> None:
    site, _ = built
    assert check_links(site) > 200


def test_site_sentence_anchors_survive_material(built: tuple[Path, str], corpus: Corpus) -> None:
    site, _ = built
    page = parse(site / "sources" / "ledger-dam-breach-floods-valley" / "index.html")
    for paragraph in corpus.sources[1].paragraphs:
        for sentence in paragraph.sentences:
            assert sentence.anchor in page.ids
    assert "article" in page.ids


def test_site_has_print_styles_and_search(built: tuple[Path, str]) -> None:
    site, _ = built
    css = (site / "assets" / "stylesheets" / "briefing.css").read_text(encoding="utf-8")
    assert "@media print" in css and ":target" in css
    assert (site / "search" / "search_index.json").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/stylesheets/briefing.css" in home


def test_site_escapes_hostile_text_through_material(tmp_path: Path, evil_corpus: Corpus) -> None:
    project = make_project(tmp_path, evil_corpus)
    output = mkdocs_build(project)
    assert not [line for line in output.splitlines() if "WARNING" in line], output
    for page in (project / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page
        assert not re.search(r"<a [^>]*href=\"javascript", text), page
        assert not re.search(r"<[^>]+\s(onclick|onerror)=", text), page
        # One <title> in the head; inline SVG pictures carry their own <title> tooltips in the body.
        assert "<img src=x" not in text and text.split("</head>", 1)[0].count("</title>") == 1, page
    search = (project / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>alert" not in search
    check_links(project / "site")


# ------------------------------------------------------------------ the plugin


def fake_pipeline(
    monkeypatch: pytest.MonkeyPatch, calls: list[Settings], corpus: Corpus, *, error: str | None = None
) -> None:
    """Replace briefing.pipeline.build with one that renders `corpus`."""
    import briefing.pipeline as pipeline

    def build(settings: Settings, **_: Any) -> Any:
        calls.append(settings)
        if error:
            raise BriefingError(error)
        pages = render_site(corpus, TEMPLATES, settings.docs_dir)
        return SimpleNamespace(title=settings.title or corpus.title, pages=len(pages), sources=len(corpus.sources))

    monkeypatch.setattr(pipeline, "build", build)


def run_plugin_build(project: Path) -> Any:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config


def test_plugin_runs_the_pipeline_and_names_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Corpus
) -> None:
    calls: list[Settings] = []
    fake_pipeline(monkeypatch, calls, corpus)
    project = make_project(tmp_path, None, plugin_enabled=True)
    (project / "briefing.yml").write_text("site_url: https://example.org/briefing/\n", encoding="utf-8")
    config = run_plugin_build(project)
    assert len(calls) == 1
    assert calls[0].project_dir == project.resolve()
    assert config.site_name == "Orrin Dam collapse"
    assert config.site_url == "https://example.org/briefing/"
    assert (project / "site" / "actors" / "veltmark" / "index.html").is_file()
    assert "<title>Home - Orrin Dam collapse</title>" in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_plugin_briefing_yml_title_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Corpus) -> None:
    fake_pipeline(monkeypatch, [], corpus)
    project = make_project(tmp_path, None, plugin_enabled=True)
    (project / "briefing.yml").write_text("title: Valley flood briefing\n", encoding="utf-8")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("site_name: Briefing", "site_name: Mine")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert run_plugin_build(project).site_name == "Valley flood briefing"


def test_plugin_turns_briefing_errors_into_plugin_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Corpus
) -> None:
    from mkdocs.exceptions import PluginError

    fake_pipeline(monkeypatch, [], corpus, error="No usable articles in seeds")
    project = make_project(tmp_path, None, plugin_enabled=True)
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"))
    with pytest.raises(PluginError, match="No usable articles in seeds"):
        config.plugins.on_config(config)


def test_plugin_disabled_does_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Corpus) -> None:
    calls: list[Settings] = []
    fake_pipeline(monkeypatch, calls, corpus)
    project = make_project(tmp_path, corpus, plugin_enabled=False)
    config = run_plugin_build(project)
    assert calls == [] and config.site_name == "Briefing"


def test_plugin_watches_seeds_templates_and_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Corpus
) -> None:
    from mkdocs.config import load_config

    fake_pipeline(monkeypatch, [], corpus)
    project = make_project(tmp_path, None, plugin_enabled=True)
    (project / "templates").mkdir()
    (project / "briefing.yml").write_text("title: T\n", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    watched: list[str] = []
    server = SimpleNamespace(watch=watched.append)
    config.plugins.on_serve(server, config=config, builder=lambda: None)
    for name in ["seeds", "templates", "briefing.yml"]:
        assert str((project / name).resolve()) in watched


def test_plugin_points_picture_links_at_pages_without_directory_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Corpus
) -> None:
    """The actor links of a network picture (raw SVG) lead to the pages in a build without
    directory URLs too (the offline copy), where MkDocs' own link rewriting does not reach."""
    fake_pipeline(monkeypatch, [], corpus)
    project = make_project(tmp_path, None, plugin_enabled=True)
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("use_directory_urls: false\n")
    run_plugin_build(project)
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a xlink:href="([^"]+)" data-bf-page="', home)
    assert links and all(re.fullmatch(r"actors/[^/]+\.html", href) for href in links), links
    pictured = [p for p in sorted((site / "actors").glob("*.html")) if "data-bf-page=" in p.read_text(encoding="utf-8")]
    assert pictured
    for page in pictured:
        hrefs = re.findall(r'<a xlink:href="([^"]+)" data-bf-page="', page.read_text(encoding="utf-8"))
        assert all((page.parent / href).is_file() for href in hrefs), (page.name, hrefs)
