"""Saved web pages (.html/.htm) -> article text and metadata, with trafilatura.

trafilatura only ever sees the HTML string: no URL is passed, so nothing is
fetched, and its date search is limited to the page's own markup. Scripts,
styles, navigation and comments never reach the text.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, field

HTML_SUFFIXES = (".html", ".htm")
# Fictional or future story dates are allowed: htmldate's default latest date is today.
LATEST_DATE = "2999-12-31"
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&|\|)\s*")


@dataclass(frozen=True)
class HtmlArticle:
    """What a page says about itself; every field may be missing."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD
    site_name: str | None = None
    language: str | None = None


def extract_html(html: str) -> HtmlArticle | None:
    """The main text and metadata of a saved page; None when it holds no article text."""
    import trafilatura

    # trafilatura and htmldate log at WARNING about pages they find odd; ingest gives its own reason.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = trafilatura.bare_extraction(
            html,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            date_extraction_params={"extensive_search": False, "original_date": True, "max_date": LATEST_DATE},
        )
    if document is None:
        return None
    text = getattr(document, "text", None) or ""
    # One paragraph per line in trafilatura's output; briefing separates paragraphs by a blank line.
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if not paragraphs:
        return None
    author = getattr(document, "author", None) or ""
    authors = [name for name in _AUTHOR_SPLIT.split(author) if name.strip()] if author else []
    return HtmlArticle(
        text="\n\n".join(paragraphs) + "\n",
        title=_clean(getattr(document, "title", None)),
        authors=[name.strip() for name in authors],
        date=_clean(getattr(document, "date", None)),
        site_name=_clean(getattr(document, "sitename", None)),
        language=_clean(getattr(document, "language", None)),
    )


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
