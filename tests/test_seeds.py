"""The default corpus end to end, as a user runs it: `briefing build` on seeds/, the site, the scores."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from tests.conftest import ROOT
from tests.conftest import check_links, project_with_seeds, snapshot

pytestmark = pytest.mark.slow

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "gold" / "seeds.yaml"
# Regression floors on the seeds (figures of the build these were set with, minus a margin).
FLOORS = {
    ("sources", "score"): 1.0,
    ("actors", "f1"): 0.95,
    ("actors", "kind_accuracy"): 0.95,
    ("quotes", "recall"): 0.95,
    ("quotes", "precision"): 0.95,
    ("quotes", "attributed_f1"): 0.93,
    ("events", "recall"): 0.9,
    ("events", "date_accuracy"): 0.85,
    ("events", "cross_source"): 0.9,
}


@pytest.fixture(scope="module")
def seeds_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = project_with_seeds(tmp_path_factory.mktemp("seeds"), seeds=ROOT / "seeds")
    result = CliRunner().invoke(cli, ["build", "--strict", "--project-dir", str(project)])
    assert result.exit_code == 0, result.output
    assert "Done: 5 articles, 5 parsed" in result.output
    return project


def test_seeds_build_writes_the_four_yaml_files(seeds_project: Path):
    result = CliRunner().invoke(cli, ["check", "--project-dir", str(seeds_project)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: 5 sources")


def test_seeds_site_links_and_anchors_resolve(seeds_project: Path):
    assert check_links(seeds_project / "site") > 1000


def test_seeds_mkdocs_build_strict_has_no_warning(seeds_project: Path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict"], cwd=seeds_project, capture_output=True, text=True, env=env, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert "0 parsed" in output  # the plugin found every article in the cache


def test_seeds_rebuild_is_byte_identical(seeds_project: Path):
    before = snapshot(seeds_project / "docs")
    result = CliRunner().invoke(cli, ["build", "--no-site", "--project-dir", str(seeds_project)])
    assert result.exit_code == 0, result.output
    assert "0 pages changed" in result.output
    assert snapshot(seeds_project / "docs") == before


def test_seeds_scores_stay_above_the_floors(seeds_project: Path):
    if not SCORER.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{SCORER} is missing in CI")
        pytest.skip("the shared scorer is not beside this checkout")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), "--data", str(seeds_project / "docs" / "data"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(result.stdout)
    low = {f"{part}.{metric}": scores[part][metric] for (part, metric), floor in FLOORS.items() if scores[part][metric] < floor}
    assert not low, f"below the floor: {low}"
