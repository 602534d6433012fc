"""The warm parser (extract/warm.py): spaCy loaded in a forked worker while ingest reads the files."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import load_settings
from briefing.extract import warm as warm_module
from briefing.extract.warm import WarmParser
from briefing.ingest import ingest_sources
from briefing.system import forking
from tests.conftest import project_with_seeds


@pytest.mark.skipif(not forking.can_fork(), reason="the warm parser needs fork")
def test_warm_parser_that_cannot_load_the_pipeline_leaves_the_parse_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    sources, _ = ingest_sources(load_settings(project_with_seeds(tmp_path)))
    monkeypatch.setattr(warm_module.threading, "active_count", lambda: 1)  # threads other tests left behind
    warm = WarmParser("no-such-pipeline-package")
    warm.start()
    assert warm.pool is not None
    assert warm.parse(sources) is None  # this process parses (and reports the missing pipeline)
    assert warm.pool is None


def test_warm_parser_does_not_fork_beside_other_threads() -> None:
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        warm = WarmParser("en_core_web_sm")
        warm.start()
        assert warm.pool is None
    finally:
        stop.set()
        other.join()
