"""Slugs: safe, bounded, unique ids."""

from __future__ import annotations

import pytest

from briefing.slugs import slugify_id, unique_ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meridian Wire Dunmore suspends licences", "meridian-wire-dunmore-suspends-licences"),
        ("Café ‘No Going Back’ — Governor!", "cafe-no-going-back-governor"),
        ("../../etc/passwd <script>", "etc-passwd-script"),
        ("!!!", ""),
        ("", ""),
    ],
)
def test_slugs_slugify_id(text: str, expected: str) -> None:
    assert slugify_id(text) == expected


def test_slugs_cut_at_word_boundary() -> None:
    text = "The Coastal Herald assembly suspends every licence granted since the drought began"
    slug = slugify_id(text)
    assert len(slug) <= 60 and not slug.endswith("-")
    assert text.lower().replace(" ", "-").startswith(slug)  # whole words, none skipped


def test_slugs_single_long_word_is_cut() -> None:
    assert slugify_id("a" * 80, max_length=20) == "a" * 20


def test_slugs_unique_ids_in_order() -> None:
    assert unique_ids(["x", "x", "y", "x", ""]) == ["x", "x-2", "y", "x-3", "item"]


def test_slugs_unique_ids_respect_literal_suffixes_and_length() -> None:
    long = "b" * 30 + "-" + "c" * 29
    ids = unique_ids(["a", "a", "a-2", long, long], max_length=60)
    assert ids[:3] == ["a", "a-3", "a-2"]
    assert len(set(ids)) == 5 and all(len(i) <= 60 for i in ids)
