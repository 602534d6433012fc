"""Zensical builds of the briefing: the same docs/ and mkdocs.yml, without MkDocs.

Zensical, the successor of Material for MkDocs by the same team, reads mkdocs.yml but runs no MkDocs
plugins. The pipeline has already written docs/ (`briefing build` runs it first); what the briefing
plugin adds to MkDocs' config (the site named after the story, the site URL of briefing.yml, the
build date of the print title block) goes into a small config that inherits mkdocs.yml. Zensical
wants docs_dir and site_dir inside the folder of its config, so that file sits beside mkdocs.yml.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from briefing.config import Settings
from briefing.errors import BriefingError
from briefing.site.identity import PLACEHOLDER_SITE_NAME, build_date, site_name

CONFIG_FILE = ".briefing-zensical.yml"  # git-ignored; rewritten by every Zensical build
INSTALL_HINT = "pip install 'briefing[zensical]'"


def build_with_zensical(settings: Settings, *, story_title: str, strict: bool, clean: bool = False) -> Path:
    """Run `zensical build` on mkdocs.yml plus what the briefing plugin would have set; returns the config written."""
    if importlib.util.find_spec("zensical") is None:
        raise BriefingError(f"The Zensical engine is not installed: {INSTALL_HINT}")
    config_file = write_config(settings, story_title=story_title)
    command = [sys.executable, "-m", "zensical", "build", "--config-file", str(config_file)]
    command += ["--strict"] * strict + ["--clean"] * clean
    done = subprocess.run(command, cwd=settings.project_dir, capture_output=True, text=True)
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip().splitlines()
        raise BriefingError("zensical build failed:\n" + "\n".join(output[-20:]))
    return config_file


def write_config(settings: Settings, *, story_title: str) -> Path:
    """The config Zensical builds with: mkdocs.yml (INHERIT), renamed after the story and dated."""
    mkdocs_yml = settings.project_dir / "mkdocs.yml"
    if not mkdocs_yml.exists():
        raise BriefingError(f"No mkdocs.yml in {settings.project_dir}: Zensical builds from it too.")
    configured = str(_read_config(mkdocs_yml).get("site_name") or PLACEHOLDER_SITE_NAME)
    config: dict[str, Any] = {
        "INHERIT": mkdocs_yml.name,
        "site_name": site_name(story_title, settings, configured),
        "extra": {"build_date": build_date()},
    }
    if settings.site_url:
        config["site_url"] = settings.site_url
    path = settings.project_dir / CONFIG_FILE
    header = "# Written by `briefing build --engine zensical` on each build: edit mkdocs.yml instead.\n"
    path.write_text(header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml read for its plain settings: tags such as !ENV or !!python/name give None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _read_config(path: Path) -> dict[str, Any]:
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        raise BriefingError(f"Could not read {path}: {exc}") from exc
    return loaded if isinstance(loaded, dict) else {}
