"""Paragraphs: splitting in three layouts, with offsets into the text."""

from __future__ import annotations

import pytest

from briefing.ingest.paragraphs import split_paragraphs


def _paragraphs(text: str) -> list[str]:
    return [text[start:end] for start, end in split_paragraphs(text)]


def test_paragraphs_split_blank_line_separated() -> None:
    text = "First paragraph here.\n\n  Second one, indented.  \n\n\nThird.\n"
    assert _paragraphs(text) == ["First paragraph here.", "Second one, indented.", "Third."]


def test_paragraphs_split_one_paragraph_per_line() -> None:
    text = (
        "The council of Marlow voted on Monday to close the old quarry after a long dispute with residents about dust.\n"
        "Residents had complained for years about noise, the mayor said in a statement released in the evening.\n"
        "Short line.\n"
    )
    assert len(_paragraphs(text)) == 3


WRAPPED = (
    "The harbour authority of Vell said on Monday that it would close the\n"
    "eastern pier for repairs, after inspectors found cracks in two of the\n"
    "supporting columns during a routine survey last month.\n"
    "\n"
    "Fishermen who use the pier said they had not been consulted and that\n"
    "the closure would cost them a season of work in the busiest months.\n"
    "\u2022 The pier was built in 1962.\n"
    "\u2022 It was last repaired in 1998.\n"
)


def test_paragraphs_split_hard_wrapped_lines_are_joined() -> None:
    paragraphs = _paragraphs(WRAPPED)
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The harbour") and paragraphs[0].endswith("last month.")
    assert "\n" in paragraphs[0]
    assert paragraphs[2:] == ["\u2022 The pier was built in 1962.", "\u2022 It was last repaired in 1998."]


@pytest.mark.parametrize("text", [WRAPPED, "a\n\n b \n", "x" * 50 + "\n" + "y" * 10, "\n\n\n"])
def test_paragraphs_split_offsets_point_at_stripped_text(text: str) -> None:
    for start, end in split_paragraphs(text):
        assert text[start:end] == text[start:end].strip() != ""
