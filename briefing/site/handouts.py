"""PDF handouts of a built briefing site, printed by headless Chromium (no network, no extra package).

`write_briefing_pdf()` assembles the whole briefing into one HTML book (cover, table of
contents, then home, timeline, quotes, coverage, discrepancies, events, actors and sources,
each index followed by its pages in the index's order), rewrites every link between pages
into a link inside the book, and prints it with the site's own print styles (which number
the pages). It prints twice: the first print tells on which page each section starts
(pdf_pages), the second carries those numbers in the table of contents. `write_page_pdf()`
prints one page of the site as it is (with its print title block and link footnotes).

Chromium is found on PATH (chromium, chromium-browser, google-chrome) or through the
BRIEFING_CHROMIUM environment variable.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from briefing.errors import BriefingError
from briefing.site.pdf_pages import destination_pages

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)
PRINT_TIMEOUT = 300  # seconds
# The briefing in reading order: (section title, index page, whether the index's pages follow it).
SECTIONS = (
    ("Home", "", False),
    ("Timeline", "timeline/", False),
    ("Quotes", "quotes/", False),
    ("Coverage", "coverage/", False),
    ("Discrepancies", "discrepancies/", False),
    ("Events", "events/", True),
    ("Actors", "actors/", True),
    ("Sources", "sources/", True),
)

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_DROP = (
    re.compile(r'<div class="bf-print-title">.*?</div>', re.S),
    re.compile(r'<nav class="md-tags".*?</nav>', re.S),
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S),
)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ID = re.compile(r'(\sid=")([^"]*)(")')
_HREF = re.compile(r'(\shref=")([^"]*)(")')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
_BUILD_DATE = re.compile(r'<span class="bf-print-title__date">([^<]*)</span>')


@dataclass
class BookPage:
    key: str  # the id of its section in the book
    path: str  # site-relative file, e.g. "actors/x/index.html"
    title: str
    body: str


# ------------------------------------------------------------------ chromium


def find_chromium() -> str:
    """The Chromium (or Chrome) executable, or a BriefingError that says how to get one."""
    configured = os.environ.get("BRIEFING_CHROMIUM")
    if configured:
        return configured
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BriefingError(
        "PDF handouts need Chromium: install it (Debian: apt-get install chromium) "
        "or set BRIEFING_CHROMIUM to a Chrome/Chromium executable."
    )


def print_to_pdf(page: Path, output: Path) -> Path:
    """Print one HTML file to output with headless Chromium and the page's print styles."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-chromium-") as profile:
        command = [find_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                   f"--print-to-pdf={output.resolve()}", page.resolve().as_uri()]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=PRINT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise BriefingError(f"Chromium did not finish printing {page} within {PRINT_TIMEOUT} seconds.") from exc
    if result.returncode != 0 or not output.is_file() or output.stat().st_size == 0:
        raise BriefingError(f"Chromium could not print {page} (exit {result.returncode}):\n{result.stderr.strip()[-2000:]}")
    return output


# ------------------------------------------------------------------ site pages


def page_file(site_dir: Path, page: str) -> Path:
    """The HTML file of a site page given as `actors/<id>`, `actors/<id>/`, `timeline` or `` (home).

    Works for directory URLs (actors/x/index.html) and for the offline build (actors/x.html).
    """
    name = page.strip().strip("/").removesuffix(".md").removesuffix(".html").removesuffix("/index")
    candidates = [site_dir / "index.html"] if name in ("", "index") else [
        site_dir / name / "index.html",
        site_dir / f"{name}.html",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise BriefingError(
        f"No page '{page}' in {site_dir}: give a page as in its address, e.g. actors/<id> or events/<id>, "
        "and build the site first (briefing build)."
    )


def _site_path(site_dir: Path, file: Path) -> str:
    return file.relative_to(site_dir).as_posix()


def _key(path: str) -> str:
    stem = path.removesuffix("index.html").removesuffix(".html").strip("/")
    return "bf-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", stem) or "home")


def _linked_pages(site_dir: Path, index: Path) -> list[Path]:
    """The pages an index page links to, in its order (its own section only, once each)."""
    text = index.read_text(encoding="utf-8")
    match = _ARTICLE.search(text)
    section = posixpath.dirname(_site_path(site_dir, index))
    seen: dict[Path, None] = {}
    for href in re.findall(r'\shref="([^"#]+)"', match.group(1) if match else ""):
        if urlsplit(href).scheme:
            continue
        target = _resolve(site_dir, _site_path(site_dir, index), href)
        if target is not None and target != index and _site_path(site_dir, target).startswith(section + "/"):
            seen.setdefault(target, None)
    return list(seen)


def _resolve(site_dir: Path, from_path: str, href: str) -> Path | None:
    """The site file an href of the page at from_path leads to, if any."""
    path = unquote(urlsplit(href).path)
    if not path:
        return site_dir / from_path
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), path))
    if joined.startswith(".."):
        return None
    target = site_dir / joined
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and target.suffix == ".html" else None


def reading_order(site_dir: Path) -> list[tuple[str, list[Path]]]:
    """The briefing's sections and their pages in reading order."""
    sections = []
    for title, index, with_pages in SECTIONS:
        try:
            first = page_file(site_dir, index)
        except BriefingError:
            continue
        sections.append((title, [first, *(_linked_pages(site_dir, first) if with_pages else [])]))
    return sections


def _book_page(site_dir: Path, file: Path) -> BookPage:
    path = _site_path(site_dir, file)
    match = _ARTICLE.search(file.read_text(encoding="utf-8"))
    body = match.group(1) if match else ""
    for pattern in _DROP:
        body = pattern.sub("", body)
    heading = _H1.search(body)
    title = html.unescape(_TAG.sub("", heading.group(1))).strip() if heading else path
    return BookPage(_key(path), path, title, body)


def _rewrite(page: BookPage, site_dir: Path, keys: dict[Path, str]) -> str:
    """Prefix the page's ids with its key and turn links between pages into links inside the book."""
    body = _ID.sub(lambda m: f"{m.group(1)}{page.key}--{m.group(2)}{m.group(3)}", page.body)

    def link(match: re.Match[str]) -> str:
        href = html.unescape(match.group(2))
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return match.group(0)
        target = _resolve(site_dir, page.path, href)
        if target is None or target not in keys:
            return f'{match.group(1)}#{page.key}{match.group(3)}'  # a page outside the book: stay here
        anchor = keys[target] + (f"--{parts.fragment}" if parts.fragment else "")
        return f"{match.group(1)}#{html.escape(anchor)}{match.group(3)}"

    return _HREF.sub(link, body)


def _toc_entry(key: str, title: str, page_numbers: dict[str, int] | None) -> str:
    """A line of the table of contents: the title, dot leaders, its page (blank until the first print says)."""
    number = str(page_numbers.get(key, "")) if page_numbers is not None else ""
    return (f'<a href="#{key}"><span class="bf-toc__title">{html.escape(title)}</span>'
            f'<span class="bf-toc__page">{number}</span></a>')


def assemble_book(site_dir: Path, page_numbers: dict[str, int] | None = None) -> str:
    """One HTML document holding the whole briefing, styled by the site's CSS for print.

    `page_numbers` (section key -> page) fills the table of contents; without it the numbers
    stay blank in a box of the same width, so filling them in moves nothing.
    """
    site_dir = Path(site_dir)
    sections = reading_order(site_dir)
    if not sections:
        raise BriefingError(f"No built site in {site_dir}: run `briefing build` first.")
    home = page_file(site_dir, "")
    home_html = home.read_text(encoding="utf-8")
    stylesheets = [(home.parent / unquote(href)).resolve().as_uri() for href in _STYLESHEET.findall(home_html)
                   if not urlsplit(href).scheme]
    date = _BUILD_DATE.search(home_html)
    pages = [[_book_page(site_dir, f) for f in files] for _, files in sections]
    keys = {site_dir / p.path: p.key for group in pages for p in group}
    title = pages[0][0].title if pages and pages[0] else "Briefing"

    out = ['<!doctype html>', '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{html.escape(title)}</title>",
           *(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in stylesheets),
           "</head>",
           '<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="blue-grey" '
           'data-md-color-accent="deep-orange" class="bf-book">',
           '<section class="bf-cover md-typeset">',
           f"<h1>{html.escape(title)}</h1>",
           "<p>A briefing of the story in its sources: what happened, when, who is involved, who said what, "
           "and the sentence every line comes from.</p>",
           f"<p>{html.escape(date.group(1)) if date else ''}</p>",
           "</section>",
           '<nav class="bf-toc md-typeset"><h2>Contents</h2><ol>']
    for (section_title, _), group in zip(sections, pages):
        out.append(f"<li>{_toc_entry(group[0].key, section_title, page_numbers)}")
        if len(group) > 1:
            out.append("<ol>")
            out.extend(f"<li>{_toc_entry(p.key, p.title, page_numbers)}</li>" for p in group[1:])
            out.append("</ol>")
        out.append("</li>")
    out.append("</ol></nav>")
    for group in pages:
        for page in group:
            out.append(f'<article id="{page.key}" class="bf-book-page md-typeset">')
            out.append(_rewrite(page, site_dir, keys))
            out.append("</article>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ commands


def write_briefing_pdf(site_dir: Path, output: Path) -> Path:
    """The whole briefing as one PDF with a cover, a table of contents with page numbers, and numbered pages."""
    with tempfile.TemporaryDirectory(prefix="briefing-book-") as tmp:
        page = Path(tmp) / "briefing.html"
        page.write_text(assemble_book(site_dir), encoding="utf-8")
        draft = print_to_pdf(page, Path(tmp) / "draft.pdf")
        page.write_text(assemble_book(site_dir, destination_pages(draft.read_bytes())), encoding="utf-8")
        return print_to_pdf(page, output)


def write_page_pdf(site_dir: Path, page: str, output_dir: Path) -> Path:
    """One page of the site (e.g. actors/<id>) as a PDF handout named after it."""
    file = page_file(Path(site_dir), page)
    name = _key(_site_path(Path(site_dir), file)).removeprefix("bf-")
    return print_to_pdf(file, Path(output_dir) / f"{name}.pdf")
