"""Site builds of the briefing: MkDocs, full or incremental (only the pages whose Markdown changed), or Zensical.

The builder only calls MkDocs, as `mkdocs build --dirty` and `mkdocs serve --dirty` do: the briefing
plugin learns from MkDocs' `on_startup(command, dirty)` that the build is incremental and keeps the
site whole (briefing.site.incremental), and takes the report of the pipeline run that has just
written the pages from briefing.site.handoff.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from briefing.config import Settings
from briefing.errors import BriefingError
from briefing.site import handoff
from briefing.site.zensical import build_with_zensical

# The plugin's name in mkdocs.yml (its entry point in pyproject.toml). MkDocs leaves a plugin set to
# `enabled: false` out of config.plugins.
PLUGIN_NAME = "briefing"


def build_site(
    settings: Settings, *, strict: bool, report: Any = None, incremental: bool = True
) -> None:
    """Build the site with the engine of settings.engine: MkDocs (below) or Zensical.

    Zensical runs no plugin, so it needs the report of the pipeline run that has just written the
    pages (for the story's title); MkDocs' briefing plugin runs the pipeline itself without one.
    """
    if settings.engine == "zensical":
        if report is None:
            raise BriefingError("A Zensical build needs the pages written first (briefing build --engine zensical).")
        build_with_zensical(settings, story_title=report.title, strict=strict, clean=not incremental)
    else:
        build_with_mkdocs(settings, strict=strict, report=report, incremental=incremental)


def build_with_mkdocs(
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

    config_file = mkdocs_config_file(settings)
    try:
        config = load_config(str(config_file), strict=strict)
        # Only the briefing plugin keeps a dirty build whole (search index, deleted pages).
        dirty = incremental and PLUGIN_NAME in config.plugins
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            with handoff.hand_over(config_file, settings, report) if report is not None else contextlib.nullcontext():
                mkdocs_build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        raise BriefingError(f"mkdocs build failed: {exc}") from exc


def serve_site(settings: Settings, *, dev_addr: str) -> None:
    """Run `mkdocs serve --dirty` on the project's mkdocs.yml: live reload, only changed pages rebuilt."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    config_file = mkdocs_config_file(settings)
    mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True, build_type="dirty")


def mkdocs_config_file(settings: Settings) -> Path:
    """The project's mkdocs.yml, or an error that says where briefing looked."""
    path = settings.project_dir / "mkdocs.yml"
    if not path.exists():
        raise BriefingError(
            f"No mkdocs.yml in {settings.project_dir}: run briefing from the project folder or pass --project-dir."
        )
    return path
