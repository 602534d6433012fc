"""What a built site is called and when it was built: the same for MkDocs and for Zensical.

The MkDocs plugin applies both to MkDocs' config; for Zensical, which runs no MkDocs plugins,
briefing.site.zensical writes them into the config it builds with.
"""

from __future__ import annotations

import datetime as dt
import os

from briefing.config import Settings
from briefing.render import plain_title

# mkdocs.yml's site_name until briefing names the site after the story.
PLACEHOLDER_SITE_NAME = "Briefing"


def site_name(story_title: str, settings: Settings, configured: str) -> str:
    """briefing.yml's title (or else the corpus title, both in story_title) replaces the placeholder;
    a site_name set by hand in mkdocs.yml stays unless briefing.yml sets one."""
    title = plain_title(story_title or "")
    if title and (settings.title or configured == PLACEHOLDER_SITE_NAME):
        return title
    return configured


def build_date() -> str:
    """The build's date (UTC) for the print title block: SOURCE_DATE_EPOCH when set, for
    reproducible builds (as MkDocs' build_date_utc), else today. Computed here rather than with
    `strftime` in the theme override, which Zensical's template engine does not have."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return moment.strftime("%Y-%m-%d")
