"""The Zensical engine (briefing.site.zensical): the same briefing, built without MkDocs, has every
page, link, anchor and search entry of the MkDocs build, and the print title block of both."""

from __future__ import annotations

import importlib.util
import json
import os
import posixpath
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from briefing import pipeline
from briefing.config import load_settings
from briefing.errors import BriefingError
from briefing.site import zensical
from briefing.site.build import build_site
from briefing.site.identity import build_date
from tests.conftest import ROOT, check_links, parse, project_with_seeds

Link = tuple[str, str]  # (site-relative page, fragment)


# ---------------------------------------------------------------- the config Zensical builds with


def test_build_date_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1930000000")  # 2031-02-27 23:06:40 UTC
    assert build_date() == "2031-02-27"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert len(build_date()) == 10 and build_date().startswith("20")


def test_config_inherits_mkdocs_yml_and_names_the_site_after_the_story(tmp_path: Path) -> None:
    project = project_with_seeds(tmp_path)
    settings = load_settings(project)
    config = yaml.safe_load(zensical.write_config(settings, story_title="Harbour <b>strike</b>").read_text())
    assert config["INHERIT"] == "mkdocs.yml"
    assert config["site_name"] == "Harbour ‹b›strike‹/b›"  # plain_title, as the MkDocs plugin names it
    assert config["extra"] == {"build_date": build_date()}
    assert "site_url" not in config


def test_config_keeps_a_site_name_set_by_hand_unless_briefing_yml_sets_one(tmp_path: Path) -> None:
    project = project_with_seeds(tmp_path)
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text().replace("site_name: Briefing", "site_name: Port desk"))
    config_file = zensical.write_config(load_settings(project), story_title="Harbour strike")
    assert yaml.safe_load(config_file.read_text())["site_name"] == "Port desk"
    (project / "briefing.yml").write_text("title: Ellery strike\nsite_url: https://example.org/strike/\n")
    config = yaml.safe_load(zensical.write_config(load_settings(project), story_title="Ellery strike").read_text())
    assert config["site_name"] == "Ellery strike" and config["site_url"] == "https://example.org/strike/"


def test_theme_override_needs_no_strftime() -> None:
    # Zensical's template engine has no strftime: "undefined has no method named strftime".
    for template in (ROOT / "overrides").rglob("*.html"):
        assert ".strftime(" not in template.read_text(), template


def test_a_missing_zensical_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zensical.importlib.util, "find_spec", lambda name: None)
    settings = load_settings(project_with_seeds(tmp_path), engine="zensical")
    with pytest.raises(BriefingError, match=r"briefing\[zensical\]"):
        build_site(settings, strict=False, report=pipeline.BuildReport(title="Harbour strike"))


# ---------------------------------------------------------------- both engines on the seeds


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The briefing of seeds/ built once, then into site-mkdocs/ by MkDocs and site-zensical/ by Zensical."""
    if importlib.util.find_spec("zensical") is None and not os.environ.get("CI"):
        pytest.skip("Zensical is not installed (pip install 'briefing[zensical]'; CI installs it)")
    project = project_with_seeds(tmp_path_factory.mktemp("zensical"), seeds=ROOT / "seeds")
    if (ROOT / ".cache" / "briefing").is_dir():  # the parses of the seeds, if a build made them
        shutil.copytree(ROOT / ".cache" / "briefing", project / ".cache" / "briefing")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", "1930000000")
        env.delenv("BRIEFING_OFFLINE", raising=False)
        report = pipeline.build(load_settings(project))
        for engine in ("mkdocs", "zensical"):
            env.setenv("BRIEFING_SITE_DIR", f"site-{engine}")  # mkdocs.yml's site_dir reads it (!ENV)
            build_site(load_settings(project, engine=engine), strict=True, report=report, incremental=False)
    yield project / "site-mkdocs", project / "site-zensical"


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _links(site: Path, page: str) -> set[Link]:
    """Where a page's relative links lead, resolved (the engines write the same link differently)."""
    links = set()
    for href in parse(site / page).hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("mailto:"):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
        if not target.endswith(".html"):
            target = "index.html" if target == "." else f"{target}/index.html"
        links.add((target, parts.fragment))
    # Left out: the themes' own anchors (#__skip), and a page's link to itself (MkDocs writes ".", Zensical "").
    return {link for link in links if not link[1].startswith("__") and link != (page, "")}


def _anchors(site: Path, page: str) -> set[str]:
    return {anchor for anchor in parse(site / page).ids if not anchor.startswith("__")}  # theme chrome


@pytest.mark.slow
def test_zensical_builds_every_page_link_and_anchor_of_mkdocs(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    pages = _pages(mkdocs_site)
    assert len(pages) > 100 and _pages(zensical_site) == pages
    assert check_links(zensical_site) > 1000
    for page in sorted(pages):
        assert _links(zensical_site, page) == _links(mkdocs_site, page), page
        assert _anchors(zensical_site, page) == _anchors(mkdocs_site, page), page


@pytest.mark.slow
def test_both_engines_index_every_page_for_search(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    mkdocs_index = json.loads((mkdocs_site / "search" / "search_index.json").read_text())["docs"]
    zensical_index = json.loads((zensical_site / "search.json").read_text())["items"]
    assert len(zensical_index) == len(mkdocs_index) > 100
    assert {item["location"] for item in zensical_index} == {doc["location"] for doc in mkdocs_index}


@pytest.mark.slow
def test_both_engines_print_the_title_block_and_the_tag_chips(sites: tuple[Path, Path]) -> None:
    for site in sites:
        home = (site / "index.html").read_text()
        assert '<span class="bf-print-title__date">Built 2031-02-27</span>' in home, site
        name = home.split('<span class="bf-print-title__name">', 1)[1].split("<", 1)[0]
        assert name and name != "Briefing", site  # named after the story
        actor = next((site / "actors").glob("*/index.html")).read_text()
        assert '<nav class="md-tags">' in actor and '../../tags/#tag-' in actor, site
