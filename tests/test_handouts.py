"""briefing.site.handouts without a browser: finding pages, reading order, the assembled book."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.site import handouts
from briefing.errors import BriefingError


def _page(site: Path, path: str, body: str, title: str) -> None:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(
        '<html><head><link rel="stylesheet" href="assets/main.css"></head><body>'
        '<article class="md-content__inner md-typeset"><div class="bf-print-title">'
        '<span class="bf-print-title__date">Built 2031-01-01</span></div>'
        f'<h1 id="top">{title}<a class="headerlink" href="#top">¶</a></h1>{body}</article></body></html>',
        encoding="utf-8",
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    _page(tmp_path, "index.html", '<p><a href="actors/b/">B</a> <a href="https://example.org/x">ext</a></p>', "Story")
    _page(tmp_path, "timeline/index.html", "<p>t</p>", "Timeline")
    _page(tmp_path, "actors/index.html", '<a href="b/">B</a><a href="a/">A</a><a href="b/#m">B again</a>', "Actors")
    _page(tmp_path, "actors/a/index.html", '<p id="s1">a <a href="../../sources/x/#s4-2">cite</a></p>', "A &amp; Co")
    _page(tmp_path, "actors/b/index.html", '<a href="../a/#s1">A</a>', "B")
    _page(tmp_path, "sources/index.html", '<a href="x/">X</a>', "Sources")
    _page(tmp_path, "sources/x/index.html", '<span id="s4-2" class="sentence">S.</span>', "X")
    return tmp_path


def test_handouts_page_file_accepts_page_addresses(site: Path) -> None:
    for name in ["actors/a", "actors/a/", "/actors/a/index.html", "actors/a.md"]:
        assert handouts.page_file(site, name) == site / "actors" / "a" / "index.html"
    assert handouts.page_file(site, "") == site / "index.html"
    with pytest.raises(BriefingError, match="No page 'actors/zz'"):
        handouts.page_file(site, "actors/zz")


def test_handouts_reading_order_follows_the_indexes(site: Path) -> None:
    order = [(title, [p.relative_to(site).as_posix() for p in pages]) for title, pages in handouts.reading_order(site)]
    assert order == [
        ("Home", ["index.html"]),
        ("Timeline", ["timeline/index.html"]),
        ("Actors", ["actors/index.html", "actors/b/index.html", "actors/a/index.html"]),
        ("Sources", ["sources/index.html", "sources/x/index.html"]),
    ]


def test_handouts_book_links_inside_itself(site: Path) -> None:
    book = handouts.assemble_book(site)
    assert book.count('class="bf-book-page md-typeset"') == 7
    assert 'href="#bf-sources-x--s4-2"' in book and 'id="bf-sources-x--s4-2"' in book
    assert 'href="#bf-actors-a--s1"' in book and 'href="#bf-actors-b"' in book
    assert 'href="https://example.org/x"' in book
    assert "bf-print-title" not in book.split("</nav>", 1)[1] and "headerlink" not in book
    assert "Built 2031-01-01" in book.split("</section>", 1)[0]  # on the cover
    assert "<li><a href=\"#bf-actors-a\">A &amp; Co</a></li>" in book
    assert (site / "assets" / "main.css").as_uri() in book


def test_handouts_missing_site_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="briefing build"):
        handouts.assemble_book(tmp_path)


def test_handouts_missing_chromium_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_CHROMIUM", raising=False)
    monkeypatch.setattr(handouts.shutil, "which", lambda name: None)
    with pytest.raises(BriefingError, match="apt-get install chromium"):
        handouts.find_chromium()
