"""Render: Corpus + templates/ -> docs/**.md.

escaping (article text into Markdown, HTML, titles), views (what templates receive),
lookup (records, indexes, order, links), records / sentences / overview / comparison
(making the views), labels (dates and counts), pictures (SVG), pages (contexts, rendering,
writing).
"""

from briefing.render.escaping import plain_title, tag_anchor
from briefing.render.pages import build_pages, make_environment, render_site, write_pages

__all__ = ["build_pages", "make_environment", "plain_title", "render_site", "tag_anchor", "write_pages"]
