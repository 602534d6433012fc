"""docs/data/*.yaml: written from the model, read back into it, errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.errors import DataFileError
from briefing.model import Corpus
from briefing.store import load_corpus, save_corpus


def test_store_round_trip_gives_the_same_corpus(tmp_path: Path, corpus: Corpus):
    written = save_corpus(corpus, tmp_path)
    assert sorted(p.name for p in written) == [
        "actors.yaml",
        "discrepancies.yaml",
        "events.yaml",
        "quotes.yaml",
        "sources.yaml",
    ]
    assert load_corpus(tmp_path) == corpus


def test_store_writes_nothing_when_unchanged(tmp_path: Path, corpus: Corpus):
    save_corpus(corpus, tmp_path)
    assert save_corpus(corpus, tmp_path) == []


def test_store_files_have_schema_version_and_one_list(tmp_path: Path, corpus: Corpus):
    save_corpus(corpus, tmp_path)
    for name, key in [("sources", "sources"), ("actors", "actors"), ("quotes", "quotes"), ("events", "events")]:
        document = yaml.safe_load((tmp_path / f"{name}.yaml").read_text(encoding="utf-8"))
        assert document["schema_version"] == 1
        assert isinstance(document[key], list)


def test_store_error_names_file_and_location(tmp_path: Path, corpus: Corpus):
    save_corpus(corpus, tmp_path)
    path = tmp_path / "actors.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["actors"][1]["aliases"][0] = {"not": "a string"}
    document["actors"][0]["colour"] = "blue"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_corpus(tmp_path)
    message = str(info.value)
    assert f"{path}: [actors -> 0 -> colour] Extra inputs are not permitted" in message


def test_store_rejects_other_schema_versions(tmp_path: Path, corpus: Corpus):
    save_corpus(corpus, tmp_path)
    path = tmp_path / "quotes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 2"), encoding="utf-8")
    with pytest.raises(DataFileError, match="schema_version is 2"):
        load_corpus(tmp_path)


def test_store_missing_data_says_what_to_do(tmp_path: Path):
    with pytest.raises(DataFileError, match="run `briefing build`"):
        load_corpus(tmp_path)


def whole_documents(corpus) -> dict[str, bytes]:
    """The files as one yaml.dump of each whole document: what the fragments must add up to."""
    from briefing.model import SCHEMA_VERSION
    from briefing.store import DATA_FILES, dump_yaml

    files = {}
    for name, (key, _) in DATA_FILES.items():
        header = {"schema_version": SCHEMA_VERSION, **({"title": corpus.title} if key == "sources" else {})}
        files[name] = dump_yaml({**header, key: [r.model_dump(mode="json") for r in getattr(corpus, key)]})
    return files


def test_store_fragments_add_up_to_the_whole_document_and_are_reused(tmp_path: Path, corpus: Corpus):
    fragments = tmp_path / "cache" / "fragments.json"
    expected = whole_documents(corpus)
    save_corpus(corpus, tmp_path / "a", fragments_file=fragments)
    assert {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()} == expected
    # Second run: every fragment from the file; one changed record is emitted anew.
    changed = corpus.model_copy(update={"actors": [corpus.actors[0].model_copy(update={"name": "Renamed"}),
                                                   *corpus.actors[1:]]})
    save_corpus(changed, tmp_path / "b", fragments_file=fragments)
    assert {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()} == whole_documents(changed)
    assert load_corpus(tmp_path / "b") == changed
    # A damaged fragments file only costs time.
    fragments.write_text("{not json", encoding="utf-8")
    save_corpus(corpus, tmp_path / "c", fragments_file=fragments)
    assert {p.name: p.read_bytes() for p in (tmp_path / "c").iterdir()} == expected


def test_store_writes_empty_lists(tmp_path: Path, corpus: Corpus):
    agreed = corpus.model_copy(update={"discrepancies": []})
    save_corpus(agreed, tmp_path, fragments_file=tmp_path / "f.json")
    assert (tmp_path / "discrepancies.yaml").read_bytes() == whole_documents(agreed)["discrepancies.yaml"]
