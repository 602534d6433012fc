"""briefing.render.labels: dates as precise as they are known, counts with their noun."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.render.labels import format_count, format_date
from briefing.render.pages import make_environment

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@pytest.mark.parametrize(
    ("count", "noun", "plural", "expected"),
    [
        (0, "mention", "", "0 mentions"),
        (1, "mention", "", "1 mention"),
        (2, "mention", "", "2 mentions"),
        (0, "discrepancy", "discrepancies", "0 discrepancies"),
        (1, "discrepancy", "discrepancies", "1 discrepancy"),
        (2, "discrepancy", "discrepancies", "2 discrepancies"),
    ],
)
def test_labels_format_count(count: int, noun: str, plural: str, expected: str) -> None:
    assert format_count(count, noun, plural) == expected


@pytest.mark.parametrize(("count", "expected"), [(0, "0 sources"), (1, "1 source"), (2, "2 sources")])
def test_labels_counted_filter_in_templates(count: int, expected: str) -> None:
    template = make_environment(TEMPLATES).from_string('{{ n|counted("source") }}')
    assert template.render(n=count) == expected


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        (None, None, "undated"),
        (dt.date(2031, 3, 4), "day", "2031-03-04"),
        (dt.date(2031, 3, 4), None, "2031-03-04"),
        (dt.date(2031, 3, 2), "week", "week of 2031-03-02"),
        (dt.date(2031, 3, 1), "month", "2031-03"),
        (dt.date(2031, 1, 1), "year", "2031"),
    ],
)
def test_labels_format_date(value: dt.date | None, precision: str | None, expected: str) -> None:
    assert format_date(value, precision) == expected
