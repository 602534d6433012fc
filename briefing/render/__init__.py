"""Render: Corpus + templates/ -> docs/**.md.

escaping (article text into Markdown, HTML, titles), views (what templates receive),
lookup (records, indexes, order, links), records / sentences / overview / comparison
(making the views), labels (dates and counts), pictures (SVG), pages (contexts, rendering,
writing).
"""

from briefing.render.escaping import plain_title, tag_anchor
from briefing.render.pages import render_site

__all__ = ["plain_title", "render_site", "tag_anchor"]
