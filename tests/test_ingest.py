"""Ingest: files -> Source records, skipped files, front matter, ids, offsets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.ingest.sources import read_sources

ARTICLE = (
    "Dunmore assembly suspends mining licences\r\n"
    "\r\n"
    "By Lena Okafor\r\n"
    "\r\n"
    "KESTREL (Meridian Wire) - The regional assembly of Dunmore voted on Thursday to suspend\u00a0the new mining licences.\r\n"
    "\r\n"
    "Opponents of the plan had gathered outside the building since dawn, a spokesman said.\r\n"
)


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    path = seeds / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def test_ingest_reads_article_with_offsets(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", ARTICLE)
    sources, skipped = read_sources(tmp_path / "seeds", tmp_path)
    assert skipped == []
    (source,) = sources
    assert source.file == "seeds/a.txt"
    assert source.id == "meridian-wire-dunmore-assembly-suspends-mining-licences"
    assert source.outlet == "Meridian Wire" and source.authors == ["Lena Okafor"]
    assert "\r" not in source.text and "\u00a0" not in source.text
    assert [p.anchor for p in source.paragraphs] == ["p1", "p2", "p3", "p4"]
    assert [p.kind for p in source.paragraphs] == ["headline", "byline", "body", "body"]
    for p in source.paragraphs:
        assert source.text[p.start : p.end] == p.text == p.text.strip()
        assert p.sentences == []
    assert len(source.sha256) == 64 and source.word_count == 32  # body paragraphs only
    assert source.language == "en"


def test_ingest_front_matter_wins(tmp_path: Path) -> None:
    front = (
        "---\ntitle: Given title\noutlet: Given Outlet\nauthors: [Ann Given]\ndate: 2020-02-02\nid: My Custom ID!\n---\n"
    )
    _write(tmp_path, "a.md", front + ARTICLE)
    (source,), skipped = read_sources(tmp_path / "seeds", tmp_path)
    assert skipped == []
    assert (source.title, source.outlet, source.authors) == ("Given title", "Given Outlet", ["Ann Given"])
    assert source.published == dt.date(2020, 2, 2) and source.published_basis == "front matter"
    assert source.id == "my-custom-id"
    assert source.text.startswith("Dunmore assembly")
    for p in source.paragraphs:
        assert source.text[p.start : p.end] == p.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty file"),
        ("  \n\n \n", "empty file"),
        ("---\ntitle: Only front matter\n---\n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("---\ntitle: [unclosed\n---\nText here.\n", "invalid YAML front matter"),
        ("---\ntitle: T\nauthors: {a: 1}\n---\nText here.\n", "line 3: front matter field 'authors'"),
        ("---\ntitle: T\ndate: not a date\n---\nText here.\n", "line 3: front matter field 'date'"),
        ("---\nid: '???'\n---\nText here.\n", "line 2: front matter field 'id'"),
    ],
)
def test_ingest_bad_files_are_skipped_with_reason(tmp_path: Path, content: str | bytes, message: str) -> None:
    _write(tmp_path, "bad.md", content)
    _write(tmp_path, "good.txt", ARTICLE)
    sources, skipped = read_sources(tmp_path / "seeds", tmp_path)
    assert [s.file for s in sources] == ["seeds/good.txt"]
    (skip,) = skipped
    assert skip.path.name == "bad.md"
    assert skip.reason.startswith("seeds/bad.md")
    assert message in skip.reason


def test_ingest_cp1252_fallback_and_bom(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "\u201cQuoted\u201d words in an old file, said a spokesman.\n".encode("cp1252"))
    _write(tmp_path, "b.txt", "\ufeffPlain text with a byte order mark, a spokesman said.\n")
    sources, skipped = read_sources(tmp_path / "seeds", tmp_path)
    assert skipped == []
    assert sources[0].text.startswith("\u201cQuoted\u201d")
    assert sources[1].text.startswith("Plain")


def test_ingest_other_files_are_reported_and_hidden_ignored(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", ARTICLE)
    _write(tmp_path, "notes.pdf", b"%PDF-1.4")
    _write(tmp_path, ".hidden.txt", ARTICLE)
    sources, skipped = read_sources(tmp_path / "seeds", tmp_path)
    assert len(sources) == 1
    assert [s.path.name for s in skipped] == ["notes.pdf"]


def test_ingest_ids_unique_bounded_and_in_file_order(tmp_path: Path) -> None:
    for name in ("c.txt", "a.txt", "b.markdown"):
        # Same headline and outlet, different text (exact duplicates are skipped, see test_ingest_duplicates...).
        _write(tmp_path, name, ARTICLE + f"\nA note about {name[0]}.\n")
    long_title = "An extraordinarily long headline about the assembly of Dunmore and every single mining licence\n\nBody text, said a spokesman.\n"
    _write(tmp_path, "d.txt", long_title)
    _write(tmp_path, "e.txt", "\u2014\n\n!!!\n")
    sources, skipped = read_sources(tmp_path / "seeds", tmp_path)
    assert skipped == []
    ids = [s.id for s in sources]
    assert [s.file for s in sources] == ["seeds/a.txt", "seeds/b.markdown", "seeds/c.txt", "seeds/d.txt", "seeds/e.txt"]
    base = "meridian-wire-dunmore-assembly-suspends-mining-licences"
    assert ids[:3] == [base, base + "-2", base + "-3"]
    assert all(0 < len(i) <= 60 for i in ids) and len(set(ids)) == len(ids)
    assert ids[4] == "e"  # nothing sluggable in the text: the file stem


def test_ingest_hard_wrapped_file(tmp_path: Path) -> None:
    text = (
        "The harbour authority of Vell said on Monday that it would close the\n"
        "eastern pier for repairs, after inspectors found cracks in two of the\n"
        "supporting columns during a routine survey last month.\n"
        "Fishermen who use the pier said they had not been consulted and that\n"
        "the closure would cost them a season of work in the busiest months.\n"
    )
    _write(tmp_path, "w.txt", text)
    (source,), _ = read_sources(tmp_path / "seeds", tmp_path)
    assert len(source.paragraphs) == 2
    for p in source.paragraphs:
        assert source.text[p.start : p.end] == p.text


def test_ingest_development_seeds_keep_offsets() -> None:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    if not seeds.is_dir():
        pytest.skip("no seeds folder")
    sources, skipped = read_sources(seeds, seeds.parent)
    assert skipped == []
    for source in sources:
        assert source.title and source.id
        for p in source.paragraphs:
            assert source.text[p.start : p.end] == p.text


def test_ingest_cache_rereads_only_changed_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.ingest import sources as ingest

    _write(tmp_path, "a.txt", ARTICLE)
    _write(tmp_path, "b.md", "---\ntitle: Second\nid: second\n---\nThe assembly met again on Friday.\n")
    cache = tmp_path / "cache"
    fresh = read_sources(tmp_path / "seeds", tmp_path)
    assert read_sources(tmp_path / "seeds", tmp_path, cache_dir=cache) == fresh
    made: list[str] = []
    original = ingest._source_from_bytes
    monkeypatch.setattr(ingest, "_source_from_bytes", lambda raw, path, shown: made.append(shown) or original(raw, path, shown))
    assert read_sources(tmp_path / "seeds", tmp_path, cache_dir=cache) == fresh
    assert made == []  # every file from the cache, the front-matter id kept
    _write(tmp_path, "a.txt", ARTICLE.replace("Thursday", "Wednesday"))
    (sources, _) = read_sources(tmp_path / "seeds", tmp_path, cache_dir=cache)
    assert made == ["seeds/a.txt"] and "Wednesday" in sources[0].text
    for entry in cache.glob("*.json"):
        entry.write_bytes(b"1{broken")
    assert read_sources(tmp_path / "seeds", tmp_path, cache_dir=cache)[0] == sources  # damaged entries: read anew


def test_ingest_line_repeated_by_one_outlet_is_furniture() -> None:
    from briefing.ingest.repeats import fold_repeated_lines
    from briefing.model import Paragraph, Source

    def source(id_: str, outlet: str | None, lines: list[str]) -> Source:
        paragraphs = [Paragraph(anchor=f"p{i}", start=0, end=len(t), text=t) for i, t in enumerate(lines, start=1)]
        return Source(id=id_, file=f"{id_}.md", title=id_, outlet=outlet, paragraphs=paragraphs)

    caption = "The ferry leaves Ellery harbour at dawn"
    first = source("a", "Harbour Herald", ["Harbour Dynamics won the ferry order on Monday.", caption])
    second = source("b", "Harbour Herald", ["Dana Whitfield said the yard would hire two hundred people.", caption])
    other_outlet = source("c", "Ellery Post", ["The council met on Tuesday.", caption])
    folded = {s.id: [p.kind for p in s.paragraphs] for s in fold_repeated_lines([first, second, other_outlet])}
    assert folded == {"a": ["body", "repeated"], "b": ["body", "repeated"], "c": ["body", "body"]}
