"""MkDocs builds of the briefing: full, or incremental (only the pages whose Markdown changed).

The bookkeeping that keeps an incremental build whole is in briefing.site.incremental.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from briefing.config import Settings
from briefing.errors import BriefingError
from briefing.site.incremental import DropDirtyWarning


def build_site(
    settings: Settings, *, strict: bool, report: Any = None, incremental: bool = True
) -> None:
    """Run `mkdocs build` on the project's mkdocs.yml, incrementally when the previous build allows it.

    With the report of a pipeline run that has just written the pages, the briefing plugin takes
    it instead of running the pipeline a second time; without one, the plugin runs the pipeline
    (finding everything up to date).
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from briefing.site.plugin import BriefingPlugin

    config_file = mkdocs_config_file(settings)
    try:
        config = load_config(str(config_file), strict=strict)
        plugin = next((p for p in config.plugins.values() if isinstance(p, BriefingPlugin)), None)
        dirty = incremental and plugin is not None and plugin.config.enabled
        config.plugins.on_startup(command="build", dirty=False)
        if plugin is not None:  # after on_startup, which sets the plugin for plain MkDocs commands
            if report is not None:
                plugin.prebuilt = (settings, report)
            plugin.incremental = dirty
        try:
            with _without_dirty_warning():
                mkdocs_build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        raise BriefingError(f"mkdocs build failed: {exc}") from exc


def mkdocs_config_file(settings: Settings) -> Path:
    path = settings.project_dir / "mkdocs.yml"
    if not path.exists():
        raise BriefingError(
            f"No mkdocs.yml in {settings.project_dir}: run briefing from the project folder or pass --project-dir."
        )
    return path


@contextmanager
def _without_dirty_warning() -> Iterator[None]:
    """MkDocs' warning about dirty builds would abort a --strict build; ours keep the site whole."""
    logger = logging.getLogger("mkdocs.commands.build")
    drop = DropDirtyWarning()
    logger.addFilter(drop)
    try:
        yield
    finally:
        logger.removeFilter(drop)
