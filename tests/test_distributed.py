"""Extraction on a Dask cluster gives the same Extractions as in this process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.config import load_settings
from briefing.errors import BriefingError
from briefing.extract import extract_sources
from briefing.ingest import sources as ingest
from tests.conftest import FIXTURE_SEEDS

pytest.importorskip("distributed")


def _project(tmp_path: Path, name: str) -> Path:
    project = tmp_path / name
    shutil.copytree(FIXTURE_SEEDS, project / "seeds")
    return project


@pytest.mark.slow
def test_distributed_extractions_equal_in_process(tmp_path: Path) -> None:
    from distributed import LocalCluster

    local = load_settings(_project(tmp_path, "local"), jobs=1)
    sources, _ = ingest.read_sources(local.seeds_dir, local.project_dir)
    expected, parsed = extract_sources(sources, local)
    assert len(parsed) == len(sources)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = load_settings(_project(tmp_path, "remote"), scheduler=cluster.scheduler_address)
        remote_sources, _ = ingest.read_sources(remote.seeds_dir, remote.project_dir)
        found, parsed = extract_sources(remote_sources, remote)
    assert len(parsed) == len(sources)
    assert [e.model_dump() for e in found] == [e.model_dump() for e in expected]
    # The results went to the cache: a second run parses nothing and needs no cluster.
    again, parsed = extract_sources(remote_sources, remote.model_copy(update={"scheduler": "tcp://127.0.0.1:9"}))
    assert parsed == [] and again == found


def test_distributed_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    from briefing.extract.distributed import extract_on_cluster

    settings = load_settings(_project(tmp_path, "p"))
    sources, _ = ingest.read_sources(settings.seeds_dir, settings.project_dir)
    with pytest.raises(BriefingError, match="Could not reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(extract_on_cluster(sources[:1], settings.spacy_model, "tcp://127.0.0.1:9", connect_timeout="2s"))

