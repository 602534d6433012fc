"""A bounded fuzz run of ingest: random bytes and random Unicode never crash it.

Every file becomes a Source or a Skipped with a reason; read_source itself raises
nothing but its own "skip this file" error (read_sources' last-resort guard is not
what keeps these green).
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.ingest.sources import SOURCE_SUFFIXES, _SkipFile, read_source, read_sources
from briefing.slugs import is_safe_slug

pytestmark = pytest.mark.slow

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

suffixes = st.sampled_from(SOURCE_SUFFIXES)
prefixes = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"---\n", b"%PDF-", b"<html>"])
unicode_text = st.text(max_size=2000)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"])


def _check_folder(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        seeds = project / "seeds"
        seeds.mkdir()
        for name, data in files:
            (seeds / name).write_bytes(data)
        for path in sorted(seeds.iterdir()):
            try:
                source, _ = read_source(path, project)
            except _SkipFile as exc:
                assert str(exc).startswith(f"seeds/{path.name}")
            else:
                for p in source.paragraphs:
                    assert source.text[p.start : p.end] == p.text
        sources, skipped = read_sources(seeds, project)
        assert len(sources) + len(skipped) == len(files)
        assert all(is_safe_slug(s.id) for s in sources) and len({s.id for s in sources}) == len(sources)
        for item in skipped:
            assert "could not process the file" not in item.reason, item.reason


@FUZZ
@given(st.lists(st.tuples(suffixes, prefixes, st.binary(max_size=3000)), min_size=1, max_size=4))
def test_fuzz_ingest_random_bytes(files: list[tuple[str, bytes, bytes]]) -> None:
    _check_folder([(f"{n:02d}{suffix}", prefix + data) for n, (suffix, prefix, data) in enumerate(files)])


@FUZZ
@given(st.lists(st.tuples(suffixes, encodings, unicode_text), min_size=1, max_size=4))
def test_fuzz_ingest_random_unicode(files: list[tuple[str, str, str]]) -> None:
    _check_folder(
        [
            (f"{n:02d}{suffix}", text.encode(encoding, errors="replace"))
            for n, (suffix, encoding, text) in enumerate(files)
        ]
    )


@FUZZ
@given(
    st.lists(
        st.text(
            st.sampled_from(list("abc XYZ.,;:\"'\n\t-#*|<>{}[]()%&!?\u201c\u201d\u2019\u00e9\u00a0\u2028\x85")), max_size=400
        ),
        min_size=1,
        max_size=4,
    )
)
def test_fuzz_ingest_article_like_text(bodies: list[str]) -> None:
    files = []
    for n, body in enumerate(bodies):
        front = "---\ntitle: T\n---\n" if n % 2 else ""
        files.append((f"{n:02d}{'.md' if n % 2 else '.txt'}", (front + body).encode("utf-8")))
    _check_folder(files)
