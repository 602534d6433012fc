"""briefing.extract.batch: the extraction cache's key, the warm parser's lifetime, processes for parsing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.config import DEFAULT_SPACY_MODEL, Settings, load_settings
from briefing.errors import ModelNotInstalledError
from briefing.extract import batch
from briefing.extract import warm as warm_module
from briefing.system import forking
from tests.conftest import ROOT


def _settings(tmp_path: Path, **overrides: object) -> Settings:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    return load_settings(tmp_path, **overrides)


def test_batch_parse_processes_auto_uses_cores_only_for_large_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch.os, "cpu_count", lambda: 4)
    assert batch.parse_processes(0, 3) == 1  # starting processes would cost more than it saves
    assert batch.parse_processes(0, 120) == 2  # at least MIN_ARTICLES_PER_PROCESS each
    assert batch.parse_processes(0, 5000) == 4
    assert batch.parse_processes(3, 1) == 3  # an explicit --jobs wins


@pytest.mark.parametrize(
    ("overrides", "enabled"),
    [({}, True), ({"jobs": 2}, True), ({"jobs": 1}, False), ({"scheduler": "tcp://127.0.0.1:9"}, False)],
)
def test_batch_warm_parser_only_when_this_machine_parses_beside_ingest(
    tmp_path: Path, overrides: dict[str, object], enabled: bool
) -> None:
    with batch.warm_parser(_settings(tmp_path, **overrides)) as warm:
        assert warm.enabled is enabled
        if not enabled:
            warm.start()  # ingest calls it on a new file: nothing starts
            assert warm.pool is None


@pytest.mark.skipif(not forking.can_fork(), reason="the warm parser needs fork")
def test_batch_warm_parser_is_stopped_when_the_block_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm_module.threading, "active_count", lambda: 1)  # threads other tests left behind
    settings = _settings(tmp_path, spacy_model="no-such-pipeline-package")
    with pytest.raises(RuntimeError, match="ingest failed"), batch.warm_parser(settings) as warm:
        warm.start()
        assert warm.pool is not None
        raise RuntimeError("ingest failed")
    assert warm.pool is None


def test_batch_pipeline_key_names_package_and_spacy_versions() -> None:
    from importlib.metadata import version

    key = batch.pipeline_key(DEFAULT_SPACY_MODEL)
    assert key == f"{DEFAULT_SPACY_MODEL}@{version(DEFAULT_SPACY_MODEL)}/spacy-{version('spacy')}"


def test_batch_pipeline_key_of_a_pipeline_folder_and_of_nothing_installed(tmp_path: Path) -> None:
    (tmp_path / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    assert batch.pipeline_key(str(tmp_path)) == f"{tmp_path.resolve()}@0"
    with pytest.raises(ModelNotInstalledError, match="'no-such-pipeline-package' is not installed"):
        batch.pipeline_key("no-such-pipeline-package")


def test_batch_cache_lookups_import_no_spacy(tmp_path: Path) -> None:
    """Nothing to parse, nothing of spaCy loaded: the extraction cache's key comes from package metadata."""
    (tmp_path / "seeds").mkdir()
    code = (
        "import json, sys\n"
        "from briefing import pipeline\n"
        "from briefing.config import load_settings\n"
        "from briefing.extract.batch import extract_sources\n"
        f"settings = load_settings({str(tmp_path)!r})\n"
        "print(json.dumps([extract_sources([], settings), 'spacy' in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [[[], []], False]
