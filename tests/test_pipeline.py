"""The whole pipeline on a small corpus of our own: YAML, pages, determinism, the cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.config import load_settings
from briefing.extract import warm as warm_module
from briefing.extract.warm import WarmParser
from briefing.store import load_corpus
from briefing.system import forking
from tests.conftest import ROOT, project_with_seeds, snapshot

pytestmark = pytest.mark.slow


def test_pipeline_builds_yaml_and_pages(tmp_path: Path):
    project = project_with_seeds(tmp_path)
    report = pipeline.build(load_settings(project))
    assert report.sources == 3 and len(report.parsed) == 3
    corpus = load_corpus(project / "docs" / "data")
    assert {s.file for s in corpus.sources} == {
        "seeds/01_harbour-fire.txt",
        "seeds/02_harbour-reopen.md",
        "seeds/03_harbour-inquiry.txt",
    }
    names = {a.name for a in corpus.actors}
    assert {"Helena Varga", "Tomas Ekberg", "Port Ellery"} <= names
    # Journalists and reader commenters are not actors.
    assert not names & {"Lena Moritz", "Paul Granger", "Dana Whitfield", "Martin R."}
    varga = next(a for a in corpus.actors if a.name == "Helena Varga")
    assert {"Helena Varga", "Varga"} <= set(varga.aliases)
    assert len(varga.sources) == 3
    quotes = {q.text: q for q in corpus.quotes}
    assert quotes["We owe the workers answers"].speaker == varga.id
    assert quotes["I take responsibility for the delay"].speaker == next(a.id for a in corpus.actors if a.name == "Tomas Ekberg")
    for page in ["index.md", "timeline.md", "quotes.md", f"actors/{varga.id}.md", "sources/index.md"]:
        assert (project / "docs" / page).is_file(), page


def test_pipeline_output_is_byte_identical_across_builds(tmp_path: Path):
    project = project_with_seeds(tmp_path)
    settings = load_settings(project)
    pipeline.build(settings)
    first = snapshot(project / "docs")
    shutil.rmtree(settings.cache_dir)  # a cold second build, not just a cache replay
    report = pipeline.build(settings)
    assert snapshot(project / "docs") == first
    assert report.written == []


def test_pipeline_reparses_only_the_edited_article(tmp_path: Path):
    project = project_with_seeds(tmp_path)
    settings = load_settings(project)
    assert len(pipeline.build(settings).parsed) == 3
    assert pipeline.build(settings).parsed == []
    edited = project / "seeds" / "03_harbour-inquiry.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe inquiry will sit for six weeks.\n", encoding="utf-8")
    assert pipeline.build(settings).parsed == ["seeds/03_harbour-inquiry.txt"]


@pytest.mark.skipif(not forking.can_fork(), reason="the warm parser needs fork")
def test_pipeline_warm_parser_extracts_what_this_process_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The articles a build parses in the worker that loaded spaCy during ingest (extract/warm.py)
    give the same YAML as when this process parses them (--jobs 1 has no worker)."""
    made = []
    parse = WarmParser.parse

    def spy(self: WarmParser, sources: list) -> list | None:
        result = parse(self, sources)
        made.append(result is not None)
        return result

    monkeypatch.setattr(WarmParser, "parse", spy)
    monkeypatch.setattr(warm_module.threading, "active_count", lambda: 1)  # threads other tests left behind
    (tmp_path / "warm").mkdir()
    (tmp_path / "here").mkdir()
    warm_project, here_project = project_with_seeds(tmp_path / "warm"), project_with_seeds(tmp_path / "here")
    pipeline.build(load_settings(warm_project))
    assert made == [True]
    pipeline.build(load_settings(here_project, jobs=1))
    assert made == [True]  # no worker with --jobs 1
    assert snapshot(warm_project / "docs" / "data") == snapshot(here_project / "docs" / "data")


def test_pipeline_discards_a_corrupt_cache_entry(tmp_path: Path):
    project = project_with_seeds(tmp_path)
    settings = load_settings(project)
    pipeline.build(settings)
    entries = sorted(settings.cache_dir.glob("*.json"))
    assert len(entries) == 3
    entries[0].write_bytes(b'{"source": trunc')
    report = pipeline.build(settings)
    assert len(report.parsed) == 1


def test_pipeline_render_only_needs_no_spacy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = project_with_seeds(tmp_path)
    settings = load_settings(project)
    pipeline.build(settings)
    shutil.rmtree(project / "docs" / "actors")
    import briefing.extract.nlp as nlp_module

    monkeypatch.setattr(nlp_module, "load_nlp", lambda name: pytest.fail("render must not load spaCy"))
    pipeline.render_only(settings)
    assert any((project / "docs" / "actors").glob("*.md"))


def test_pipeline_agency_style_story(tmp_path: Path):
    """A second invented story in wire-agency style: bylines, contributor credits, NER slips."""
    project = project_with_seeds(tmp_path, seeds=ROOT / "tests" / "fixtures" / "agency")
    pipeline.build(load_settings(project))
    corpus = load_corpus(project / "docs" / "data")
    by_file = {Path(s.file).name: s for s in corpus.sources}
    wire = by_file["a1.txt"]
    assert (wire.outlet, wire.authors) == ("Associated Press", ["Marta Lindqvist", "Jonas Weber"])
    assert str(wire.published) == "2033-06-08"
    assert by_file["a2.txt"].outlet == "The Velgrad Herald"
    names = {a.name: a for a in corpus.actors}
    assert not {"Marta Lindqvist", "Jonas Weber"} & set(names)  # journalists are not actors
    assert set(names["Ilona Varkas"].aliases) == {"Ilona Varkas", "Varkas"}
    assert names["Ilona Varkas"].kind == "person"
    assert names["Green Alliance"].kind == "organization"
    speaker = {q.text: q.speaker for q in corpus.quotes}
    assert speaker["the state would rebuild the damaged bridges within a year"] == names["Ilona Varkas"].id
    assert speaker["We will not stop until every missing person is found"] == names["Tomasz Brodecki"].id


def test_pipeline_mixed_page_styles(tmp_path: Path):
    """A third invented story: a located byline, a dateline with no year, a source footer."""
    project = project_with_seeds(tmp_path, seeds=ROOT / "tests" / "fixtures" / "mixed")
    pipeline.build(load_settings(project))
    corpus = load_corpus(project / "docs" / "data")
    by_file = {Path(s.file).name: s for s in corpus.sources}
    assert by_file["b1.txt"].authors == ["Anna Keller"] and by_file["b1.txt"].outlet is None
    agency = by_file["b2.txt"]
    assert (agency.outlet, agency.authors, agency.dateline_day) == ("Northline", ["Sofia Brandt"], "02-14")
    assert str(agency.published) == "2034-02-14"  # the year of the other sources
    assert "year of the other sources" in (agency.published_basis or "")
    assert by_file["b3.txt"].outlet == "Al Jazeera"
    names = {a.name for a in corpus.actors}
    assert "Northline" not in names  # a source's own outlet in its dateline is no actor
    assert {"Viktor Hallam", "Marek Dunst", "Helga Stroem", "International Monetary Fund"} <= names


def test_pipeline_curation_in_briefing_yml_survives_rebuilds(tmp_path: Path):
    project = project_with_seeds(tmp_path)
    (project / "briefing.yml").write_text(
        """title: Harbour fire
curation:
  actors:
    merge: [[Port Ellery, Port Ellery harbour]]
    split: {helena-varga: [Varga]}
    rename: {tomas-ekberg: Tomas A. Ekberg}
    kind: {port-ellery: other}
    hide: [Coast Guard]
  sources:
    03_harbour-inquiry.txt: {outlet: The Ellery Courier, published: 2031-03-18}
""",
        encoding="utf-8",
    )
    settings = load_settings(project)
    for _ in range(2):  # a cold build, then a rebuild from the cache
        pipeline.build(settings)
        corpus = load_corpus(project / "docs" / "data")
        actors = {a.id: a for a in corpus.actors}
        assert corpus.title == "Harbour fire"
        assert set(actors["port-ellery"].aliases) == {"Port Ellery", "Port Ellery harbour"}
        assert "port-ellery-harbour" not in actors
        assert set(actors["helena-varga"].aliases) == {"Helena Varga"}
        assert actors["varga"].aliases == ["Varga"]
        assert actors["tomas-ekberg"].name == "Tomas A. Ekberg"
        assert actors["port-ellery"].kind == "other"
        assert not any("Coast Guard" in a.aliases for a in corpus.actors)
        inquiry = next(s for s in corpus.sources if s.file.endswith("03_harbour-inquiry.txt"))
        assert (inquiry.outlet, str(inquiry.published), inquiry.published_basis) == (
            "The Ellery Courier",
            "2031-03-18",
            "set in briefing.yml",
        )


def test_pipeline_curation_error_names_the_field(tmp_path: Path):
    project = project_with_seeds(tmp_path)
    (project / "briefing.yml").write_text("curation:\n  actors:\n    kind: {government: country}\n", encoding="utf-8")
    from briefing.errors import ConfigError

    with pytest.raises(ConfigError, match="curation.actors.kind.government"):
        load_settings(project)


def test_pipeline_british_style_story(tmp_path: Path):
    """A fourth invented story: single quote marks, a byline with a job title, transliterations."""
    project = project_with_seeds(tmp_path, seeds=ROOT / "tests" / "fixtures" / "british")
    pipeline.build(load_settings(project))
    corpus = load_corpus(project / "docs" / "data")
    first = next(s for s in corpus.sources if s.file.endswith("c1.txt"))
    assert (first.outlet, first.authors) == (None, ["Rachel Osei"])  # "Political Correspondent" is a job
    names = {a.name: a for a in corpus.actors}
    assert {"Oleksandr Marchuk", "Olexandr Marchuk", "Marchuk"} <= set(names["Oleksandr Marchuk"].aliases)
    assert "Olexandr Marchuk" not in names
    assert {"Tom Johnson", "Priya Johnson"} <= set(names)  # two people who share a surname stay apart
    quotes = {q.text: q for q in corpus.quotes}
    assert quotes["This is a betrayal of an entire town"].speaker == names["Priya Johnson"].id
    assert quotes["fight for every job"].speaker == names["Tom Johnson"].id
    assert quotes["no viable future"].speaker in (None, names["Oleksandr Marchuk"].id)  # never the company
