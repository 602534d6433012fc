"""docs/data/*.yaml: written from the model, read back into it, errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.errors import DataFileError
from briefing.store import load_corpus, save_corpus
from tests.corpus_fixture import make_corpus


def test_store_round_trip_gives_the_same_corpus(tmp_path: Path):
    corpus = make_corpus()
    written = save_corpus(corpus, tmp_path)
    assert sorted(p.name for p in written) == [
        "actors.yaml",
        "discrepancies.yaml",
        "events.yaml",
        "quotes.yaml",
        "sources.yaml",
    ]
    assert load_corpus(tmp_path) == corpus


def test_store_writes_nothing_when_unchanged(tmp_path: Path):
    corpus = make_corpus()
    save_corpus(corpus, tmp_path)
    assert save_corpus(corpus, tmp_path) == []


def test_store_files_have_schema_version_and_one_list(tmp_path: Path):
    save_corpus(make_corpus(), tmp_path)
    for name, key in [("sources", "sources"), ("actors", "actors"), ("quotes", "quotes"), ("events", "events")]:
        document = yaml.safe_load((tmp_path / f"{name}.yaml").read_text(encoding="utf-8"))
        assert document["schema_version"] == 1
        assert isinstance(document[key], list)


def test_store_error_names_file_and_location(tmp_path: Path):
    save_corpus(make_corpus(), tmp_path)
    path = tmp_path / "actors.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["actors"][1]["aliases"][0] = {"not": "a string"}
    document["actors"][0]["colour"] = "blue"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_corpus(tmp_path)
    message = str(info.value)
    assert f"{path}: [actors -> 0 -> colour] Extra inputs are not permitted" in message


def test_store_rejects_other_schema_versions(tmp_path: Path):
    save_corpus(make_corpus(), tmp_path)
    path = tmp_path / "quotes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 2"), encoding="utf-8")
    with pytest.raises(DataFileError, match="schema_version is 2"):
        load_corpus(tmp_path)


def test_store_missing_data_says_what_to_do(tmp_path: Path):
    with pytest.raises(DataFileError, match="run `briefing build`"):
        load_corpus(tmp_path)
