"""Shared fixtures: the spaCy pipeline (loaded once) and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SEEDS = ROOT / "tests" / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline with briefing's components; tests using it are marked slow."""
    from briefing.config import DEFAULT_SPACY_MODEL
    from briefing.extract.nlp import load_nlp

    return load_nlp(DEFAULT_SPACY_MODEL)
