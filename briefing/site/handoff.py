"""The hand-off from a run that has just written the pages to the briefing plugin of the MkDocs build it starts.

`briefing build` runs the pipeline, then MkDocs, whose briefing plugin would run the pipeline again
(to find every page up to date). Instead the builder hands its settings and report over for the
length of that one MkDocs build, and the plugin takes them, once:

    with handoff.hand_over(config_file, settings, report):    # briefing.site.build
        mkdocs_build(config)
    prebuilt = handoff.take(config.config_file_path)          # BriefingPlugin.on_config

`take` finds nothing (None) in any other build, such as each rebuild of `mkdocs serve`: the plugin
then runs the pipeline. The two sides share this module only, not each other's objects.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.config import Settings


@dataclass(frozen=True)
class Prebuilt:
    """What a pipeline run that has just written the pages leaves to the plugin."""

    settings: Settings
    report: Any  # briefing.pipeline.BuildReport (or render_only's): the plugin uses title and summary()


# Keyed by the resolved path of the mkdocs.yml being built: a build of another site takes nothing.
_handed: dict[Path, Prebuilt] = {}


@contextmanager
def hand_over(config_file: Path, settings: Settings, report: Any) -> Iterator[None]:
    """Leave settings and report to the plugin of the MkDocs build of config_file run inside the block."""
    key = Path(config_file).resolve()
    _handed[key] = Prebuilt(settings, report)
    try:
        yield
    finally:  # not taken when the build failed before the plugin's on_config: gone all the same
        _handed.pop(key, None)


def take(config_file: str | os.PathLike[str] | None) -> Prebuilt | None:
    """What was handed over for the build of config_file, once; None: run the pipeline."""
    if config_file is None:
        return None
    return _handed.pop(Path(config_file).resolve(), None)
