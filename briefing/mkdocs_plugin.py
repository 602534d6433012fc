"""MkDocs plugin: `mkdocs serve` / `mkdocs build` run the briefing pipeline before the site is built.

```yaml
plugins:
  - search
  - briefing          # options: project_dir (default: the folder of mkdocs.yml), enabled (default: true)
```
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from briefing.config import CONFIG_FILE, Settings, load_settings
from briefing.errors import BriefingError
from briefing.render import plain_title

log = logging.getLogger("mkdocs.plugins.briefing")

PLACEHOLDER_SITE_NAME = "Briefing"


class BriefingPluginConfig(Config):
    project_dir = config_options.Optional(config_options.Type(str))
    enabled = config_options.Type(bool, default=True)


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Run `briefing.pipeline.build()` on every (re)build and name the site after the story."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        # Set by `briefing build`/`render --site`, which have just written the pages: used once, instead of
        # running the pipeline again (later rebuilds of `mkdocs serve` run it).
        self.prebuilt: tuple[Settings, Any] | None = None

    def _project_dir(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").resolve().parent
        if self.config.project_dir:
            return (base / self.config.project_dir).resolve()
        return base

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        # Imported here so that `mkdocs` can load the plugin cheaply (e.g. for `mkdocs get-deps`).
        from briefing import pipeline

        try:
            if self.prebuilt is not None:
                (settings, report), self.prebuilt = self.prebuilt, None
            else:
                settings = load_settings(self._project_dir(config))
                report = pipeline.build(settings)
        except BriefingError as exc:
            raise PluginError(str(exc)) from exc
        self.settings = settings
        # briefing.yml's title (or else the corpus title, both in report.title) replaces the
        # placeholder; a site_name set by hand in mkdocs.yml stays unless briefing.yml sets one.
        title = plain_title(getattr(report, "title", "") or "")
        if title and (settings.title or config.site_name == PLACEHOLDER_SITE_NAME):
            config.site_name = title
        if settings.site_url:
            config.site_url = settings.site_url
        log.info("briefing: %s", _summary(report))
        return config

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if not self.config.enabled:
            return server
        project_dir = self._project_dir(config)
        settings = self.settings
        paths = [project_dir / CONFIG_FILE]
        if settings is not None:
            paths += [settings.seeds_dir, settings.templates_dir]
        else:
            paths += [project_dir / "seeds", project_dir / "templates"]
        for path in paths:
            if path.exists():
                server.watch(str(path))
        return server


def _summary(report: object) -> str:
    summary = getattr(report, "summary", None)
    if callable(summary):
        return str(summary())
    fields = ("sources", "actors", "quotes", "events", "pages")
    parts = [f"{getattr(report, name)} {name}" for name in fields if isinstance(getattr(report, name, None), int)]
    return ", ".join(parts) or "built"
