"""briefing.site.handouts without a browser: finding pages, reading order, the assembled book."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.site import handouts
from briefing.site.pdf_pages import destination_pages
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
    _page(tmp_path, "discrepancies/index.html", "<p>d</p>", "Discrepancies")
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
        ("Discrepancies", ["discrepancies/index.html"]),
        ("Actors", ["actors/index.html", "actors/b/index.html", "actors/a/index.html"]),
        ("Sources", ["sources/index.html", "sources/x/index.html"]),
    ]


def test_handouts_book_links_inside_itself(site: Path) -> None:
    book = handouts.assemble_book(site)
    assert book.count('class="bf-book-page md-typeset"') == 8
    assert 'href="#bf-sources-x--s4-2"' in book and 'id="bf-sources-x--s4-2"' in book
    assert 'href="#bf-actors-a--s1"' in book and 'href="#bf-actors-b"' in book
    assert 'href="https://example.org/x"' in book
    assert "bf-print-title" not in book.split("</nav>", 1)[1] and "headerlink" not in book
    assert "Built 2031-01-01" in book.split("</section>", 1)[0]  # on the cover
    assert ('<li><a href="#bf-actors-a"><span class="bf-toc__title">A &amp; Co</span>'
            '<span class="bf-toc__page"></span></a></li>') in book
    assert (site / "assets" / "main.css").as_uri() in book


def test_handouts_contents_carry_the_page_of_each_section(site: Path) -> None:
    book = handouts.assemble_book(site, {"bf-actors-a": 7, "bf-home": 3})
    assert '<span class="bf-toc__title">A &amp; Co</span><span class="bf-toc__page">7</span>' in book
    assert '<span class="bf-toc__title">Home</span><span class="bf-toc__page">3</span>' in book
    assert '<span class="bf-toc__title">Timeline</span><span class="bf-toc__page"></span>' in book  # not known


def _pdf(pages: int, dests: dict[str, int]) -> bytes:
    """A PDF laid out as Chromium writes one: a two-level page tree, named destinations in the catalog."""
    objects = {1: "<</Type /Catalog\n/Pages 2 0 R\n/Dests 3 0 R\n/MarkInfo <</Marked true>>>>",
               2: "<</Type /Pages\n/Count %d\n/Kids [4 0 R 5 0 R]>>" % pages}
    first = list(range(10, 10 + pages // 2))
    second = list(range(10 + pages // 2, 10 + pages))
    objects[4] = "<</Type /Pages\n/Count %d\n/Kids [%s]\n/Parent 2 0 R>>" % (len(first), " ".join(f"{r} 0 R" for r in first))
    objects[5] = "<</Type /Pages\n/Count %d\n/Kids [%s]\n/Parent 2 0 R>>" % (len(second), " ".join(f"{r} 0 R" for r in second))
    for ref in first + second:
        objects[ref] = "<</Type /Page\n/Parent 4 0 R\n/Contents 99 0 R>>"
    objects[3] = "<<" + "\n".join(f"/{name} [{9 + page} 0 R /XYZ 0 841.9 0]" for name, page in dests.items()) + ">>"
    body = "".join(f"{ref} 0 obj\n{text}\nendobj\n" for ref, text in sorted(objects.items()))
    return b"%PDF-1.4\n" + body.encode() + b"99 0 obj\n<</Length 3>> stream\nxyz\nendstream\nendobj\n%%EOF\n"


def test_handouts_pdf_destinations_give_page_numbers() -> None:
    pdf = _pdf(6, {"bf-home": 1, "bf-actors-mainstream-a": 4, "bf-sources-x": 6})
    assert destination_pages(pdf) == {"bf-home": 1, "bf-actors-mainstream-a": 4, "bf-sources-x": 6}
    assert destination_pages(b"%PDF-1.4\nnot laid out as expected\n") == {}


def test_handouts_missing_site_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="briefing build"):
        handouts.assemble_book(tmp_path)


def test_handouts_missing_chromium_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_CHROMIUM", raising=False)
    monkeypatch.setattr(handouts.shutil, "which", lambda name: None)
    with pytest.raises(BriefingError, match="apt-get install chromium"):
        handouts.find_chromium()
