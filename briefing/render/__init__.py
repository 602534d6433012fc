"""Render: Corpus + templates/ -> docs/**.md (escaping, views, page contexts, pictures)."""

from briefing.render.pages import plain_title, render_site, tag_anchor

__all__ = ["plain_title", "render_site", "tag_anchor"]
