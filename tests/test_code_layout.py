"""The tree is the flow: imports run one way (ingest -> extract -> resolve -> store -> render -> site),
no two modules import each other, spaCy stays in extract, modules stay small and simple.

Read from the source with `ast` (nothing is imported), so a new module is checked the day it is added.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"
# The stages in the order data flows; a module may import its own stage and earlier ones.
STAGES = ("ingest", "extract", "resolve", "store", "render", "site")
# Small modules every stage may use; they import no stage.
SHARED = ("model", "config", "errors", "cache", "dates", "names", "slugs", "lexicon", "system")
# Above the stages: they call them all.
DRIVERS = ("pipeline", "cli", "__main__")
# MkDocs runs the plugin, and the plugin runs the whole pipeline: the one import upwards.
ALLOWED_UPWARDS = {("briefing.site.plugin", "briefing.pipeline")}
MAX_MODULE_LINES = 420
MAX_COMPLEXITY = 20


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """The briefing modules a file imports (anywhere in it, lazy imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                # `from briefing.ingest import sources` names a module; `from briefing.model import Source` a name.
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
    return {name for name in found if name in MODULES and name != "briefing"}


def _room(module: str) -> str:
    """The stage, shared module or driver a module belongs to: "briefing.ingest.layout" -> "ingest"."""
    return module.split(".")[1] if "." in module else ""


def _rank(module: str) -> float:
    room = _room(module)
    if room in SHARED:
        return -1
    if room in DRIVERS:
        return len(STAGES)
    return STAGES.index(room)


def test_code_layout_every_module_has_a_room() -> None:
    rooms = {_room(m) for m in MODULES if m != "briefing"}
    assert rooms <= set(STAGES) | set(SHARED) | set(DRIVERS), rooms - set(STAGES) - set(SHARED) - set(DRIVERS)


def test_code_layout_imports_run_down_the_flow() -> None:
    wrong = []
    for module, path in MODULES.items():
        for target in _imports(path):
            if (module, target) in ALLOWED_UPWARDS:
                continue
            if _room(module) in SHARED and _room(target) not in SHARED:
                wrong.append(f"{module} (shared) imports the stage {target}")
            elif _rank(target) > _rank(module):
                wrong.append(f"{module} imports the later {target}")
    assert not wrong, "\n".join(wrong)


def test_code_layout_no_import_cycle() -> None:
    graph = {module: _imports(path) - {module} for module, path in MODULES.items()}
    # A package's __init__ re-exporting its modules is not a cycle of code.
    graph = {m: {t for t in targets if not m.startswith(t + ".")} for m, targets in graph.items()}
    cycles = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            node, trail = stack.pop()
            for target in graph[node]:
                if target == start:
                    cycles.append(" -> ".join([*trail, start]))
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, [*trail, target]))
    assert not cycles, "\n".join(sorted(set(cycles))[:10])


def test_code_layout_only_extract_imports_spacy() -> None:
    importers = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            )
            if any(name == "spacy" or name.startswith("spacy.") for name in names):
                importers.append(module)
    assert importers and all(_room(m) == "extract" for m in importers), importers


def test_code_layout_modules_are_small() -> None:
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"modules over {MAX_MODULE_LINES} lines hold two jobs: {long}"


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(), reason="ruff not installed")
def test_code_layout_functions_are_simple() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run(
        [ruff, "check", "--isolated", "--select", "C901", "--config", f"lint.mccabe.max-complexity={MAX_COMPLEXITY}",
         "--output-format", "concise", str(PACKAGE)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "target", "ok"),
    [("briefing.ingest.layout", "briefing.ingest.furniture", True), ("briefing.ingest.layout", "briefing.resolve.actors", False),
     ("briefing.names", "briefing.lexicon.titles", True), ("briefing.names", "briefing.extract.nlp", False)],
)
def test_code_layout_rule_itself(module: str, target: str, ok: bool) -> None:
    """The rule the layout tests apply, on examples: a stage may use earlier stages and shared modules."""
    shared_to_stage = _room(module) in SHARED and _room(target) not in SHARED
    assert (not shared_to_stage and _rank(target) <= _rank(module)) is ok
