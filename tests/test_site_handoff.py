"""The hand-off from the site builder to the plugin (briefing.site.handoff), the only thing they share
besides the incremental bookkeeping: neither module imports the other."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest

from briefing.config import Settings, load_settings
from briefing.site import handoff
from tests.conftest import ROOT

SITE = ROOT / "briefing" / "site"


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    (tmp_path / "seeds").mkdir()
    return load_settings(tmp_path)


def test_handoff_is_taken_once(settings: Settings) -> None:
    config_file = settings.project_dir / "mkdocs.yml"
    report = SimpleNamespace(title="Harbour fire")
    with handoff.hand_over(config_file, settings, report):
        prebuilt = handoff.take(str(config_file))
        assert prebuilt is not None and prebuilt.settings is settings and prebuilt.report is report
        assert handoff.take(config_file) is None, "a later build runs the pipeline"


def test_handoff_is_for_the_build_of_that_mkdocs_yml_only(settings: Settings) -> None:
    config_file = settings.project_dir / "mkdocs.yml"
    with handoff.hand_over(config_file, settings, SimpleNamespace()):
        assert handoff.take(settings.project_dir / "other" / "mkdocs.yml") is None
        assert handoff.take(None) is None  # a config built without a file
        assert handoff.take(settings.project_dir / "." / "mkdocs.yml") is not None


def test_handoff_not_taken_is_gone_after_the_build(settings: Settings) -> None:
    config_file = settings.project_dir / "mkdocs.yml"
    with handoff.hand_over(config_file, settings, SimpleNamespace()):
        pass  # an mkdocs.yml without the briefing plugin
    assert handoff.take(config_file) is None
    with pytest.raises(RuntimeError), handoff.hand_over(config_file, settings, SimpleNamespace()):
        raise RuntimeError("mkdocs build failed before the plugin's on_config")
    assert handoff.take(config_file) is None


def site_imports(path: Path) -> set[str]:
    """The briefing.site modules a module of briefing/site/ imports (at any level, TYPE_CHECKING too)."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # from . import x / from .x import y
                base = ".".join(["briefing", "site", *([base] if base else [])])
            modules.add(base)
            modules.update(f"{base}.{alias.name}" for alias in node.names)
    return {name.removeprefix("briefing.site.") for name in modules if name.startswith("briefing.site.")}


def test_site_plugin_and_build_do_not_import_each_other() -> None:
    imports = {path.stem: site_imports(path) & {p.stem for p in SITE.glob("*.py")} for path in SITE.glob("*.py")}
    assert "build" not in imports["plugin"] and "plugin" not in imports["build"], imports
    assert {"handoff", "incremental"} <= imports["plugin"]
    # MkDocs loads the plugin by itself; nothing in the stage imports it, and no two modules import each other.
    assert not [name for name, imported in imports.items() if "plugin" in imported]
    assert not [(a, b) for a in imports for b in imports[a] if a in imports.get(b, set())]
