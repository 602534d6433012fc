"""Dates: absolute forms, weekday anchoring, relative phrases, boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.dates import normalise_time_expression, parse_date

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# 2021-03-01 is a Monday: one publication date for each weekday of that week.
PUBLICATION_DAYS = [dt.date(2021, 3, 1) + dt.timedelta(days=i) for i in range(7)]


def _expected_on_or_before(published: dt.date, name: str) -> dt.date:
    # From first principles: walk back day by day until the weekday's name matches.
    day = published
    while day.strftime("%A") != name:
        day -= dt.timedelta(days=1)
    return day


def _expected_on_or_after(published: dt.date, name: str) -> dt.date:
    day = published
    while day.strftime("%A") != name:
        day += dt.timedelta(days=1)
    return day


@pytest.mark.parametrize("published", PUBLICATION_DAYS, ids=lambda d: d.strftime("%a"))
@pytest.mark.parametrize("name", WEEKDAY_NAMES)
def test_dates_weekday_is_on_or_before_publication(published: dt.date, name: str) -> None:
    result = normalise_time_expression(f"on {name}", published)
    assert result is not None
    assert result.value == _expected_on_or_before(published, name)
    assert result.precision == "day"
    assert result.basis


@pytest.mark.parametrize("published", PUBLICATION_DAYS, ids=lambda d: d.strftime("%a"))
@pytest.mark.parametrize("name", WEEKDAY_NAMES)
def test_dates_weekday_future_is_on_or_after_publication(published: dt.date, name: str) -> None:
    result = normalise_time_expression(name, published, future=True)
    assert result is not None and result.value == _expected_on_or_after(published, name)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Friday", dt.date(2025, 3, 2), dt.date(2025, 2, 28)),  # across a month boundary
        ("Monday", dt.date(2025, 1, 2), dt.date(2024, 12, 30)),  # across a year boundary
        ("late on Tuesday", dt.date(2021, 3, 4), dt.date(2021, 3, 2)),
        ("Wednesday's vote", dt.date(2021, 3, 4), dt.date(2021, 3, 3)),
        ("early Thursday", dt.date(2021, 3, 4), dt.date(2021, 3, 4)),  # the same day counts
        ("Saturday night", dt.date(2021, 3, 4), dt.date(2021, 2, 27)),
        ("next Thursday", dt.date(2021, 3, 4), dt.date(2021, 3, 11)),
        ("this coming Monday", dt.date(2021, 3, 4), dt.date(2021, 3, 8)),
        ("today", dt.date(2021, 3, 4), dt.date(2021, 3, 4)),
        ("tonight", dt.date(2021, 3, 4), dt.date(2021, 3, 4)),
        ("this morning", dt.date(2021, 3, 4), dt.date(2021, 3, 4)),
        ("yesterday", dt.date(2021, 3, 1), dt.date(2021, 2, 28)),
        ("last night", dt.date(2021, 1, 1), dt.date(2020, 12, 31)),
        ("two days ago", dt.date(2021, 3, 4), dt.date(2021, 3, 2)),
        ("March 2", dt.date(2021, 3, 4), dt.date(2021, 3, 2)),
        ("Mar. 2", dt.date(2021, 3, 4), dt.date(2021, 3, 2)),
        ("2 March", dt.date(2021, 3, 4), dt.date(2021, 3, 2)),
        ("December 28", dt.date(2021, 1, 3), dt.date(2020, 12, 28)),  # year inferred backwards
        ("January 9", dt.date(2020, 12, 31), dt.date(2021, 1, 9)),  # nearest publication: nine days ahead
        ("Nov. 21", dt.date(2019, 11, 2), dt.date(2019, 11, 21)),  # not a year back
        ("Feb. 1", dt.date(2019, 10, 26), dt.date(2020, 2, 1)),
        ("Aug. 20", dt.date(2021, 3, 4), dt.date(2020, 8, 20)),  # no tense: 169 days ahead counts more than 196 behind
        ("Friday, Oct. 23", dt.date(2026, 10, 25), dt.date(2026, 10, 23)),  # the date, not last Friday
        ("Saturday, April 25", dt.date(2026, 4, 24), dt.date(2026, 4, 25)),  # the date, not last Saturday
        ("June 7, 2019", dt.date(2021, 3, 4), dt.date(2019, 6, 7)),
        ("7 June 2019", None, dt.date(2019, 6, 7)),
    ],
)
def test_dates_normalise_day_precision(text: str, published: dt.date | None, expected: dt.date) -> None:
    result = normalise_time_expression(text, published)
    assert result is not None
    assert (result.value, result.precision) == (expected, "day")
    assert result.text == text


@pytest.mark.parametrize(
    ("text", "published", "expected", "precision"),
    [
        ("last week", dt.date(2021, 3, 4), dt.date(2021, 2, 22), "week"),  # Monday of the previous week
        ("last week", dt.date(2025, 1, 1), dt.date(2024, 12, 23), "week"),
        ("this week", dt.date(2021, 3, 7), dt.date(2021, 3, 1), "week"),
        ("earlier this month", dt.date(2021, 3, 24), dt.date(2021, 3, 1), "month"),
        ("this month", dt.date(2021, 3, 24), dt.date(2021, 3, 1), "month"),
        ("last month", dt.date(2021, 1, 15), dt.date(2020, 12, 1), "month"),
        ("last year", dt.date(2021, 1, 15), dt.date(2020, 1, 1), "year"),
        ("in October", dt.date(2021, 3, 4), dt.date(2020, 10, 1), "month"),
        ("February", dt.date(2021, 3, 4), dt.date(2021, 2, 1), "month"),
        ("in 2011", dt.date(2021, 3, 4), dt.date(2011, 1, 1), "year"),
        ("two years ago", dt.date(2021, 3, 4), dt.date(2019, 1, 1), "year"),
        ("nearly four years ago", dt.date(2021, 3, 4), dt.date(2017, 1, 1), "year"),
        ("a year earlier", dt.date(2021, 3, 4), dt.date(2020, 1, 1), "year"),
        ("year-ago", dt.date(2021, 3, 4), dt.date(2020, 1, 1), "year"),
        ("five months ago", dt.date(2021, 3, 4), dt.date(2020, 10, 1), "month"),
        ("a month earlier", dt.date(2021, 3, 4), dt.date(2021, 2, 1), "month"),
        ("June last year", dt.date(2021, 3, 4), dt.date(2020, 6, 1), "month"),
        ("in January this year", dt.date(2021, 3, 4), dt.date(2021, 1, 1), "month"),
        ("last May", dt.date(2021, 3, 4), dt.date(2020, 5, 1), "month"),
        ("last May", dt.date(2021, 10, 4), dt.date(2021, 5, 1), "month"),
        ("this September", dt.date(2021, 3, 4), dt.date(2021, 9, 1), "month"),
        ("next March", dt.date(2021, 3, 4), dt.date(2022, 3, 1), "month"),
        ("mid-November", dt.date(2021, 10, 4), dt.date(2021, 11, 1), "month"),
        ("January", dt.date(2021, 11, 4), dt.date(2022, 1, 1), "month"),  # nearest publication
        ("June", dt.date(2021, 1, 15), dt.date(2020, 6, 1), "month"),  # no tense: five months ahead weigh more than seven behind
        ("the current fiscal year", dt.date(2021, 3, 4), dt.date(2021, 1, 1), "year"),
        ("year-end", dt.date(2021, 3, 4), dt.date(2021, 1, 1), "year"),
        ("nineteen ninety-six", None, dt.date(1996, 1, 1), "year"),
        ("the year two thousand", None, dt.date(2000, 1, 1), "year"),
        ("January nineteen ninety-seven", dt.date(1998, 2, 27), dt.date(1997, 1, 1), "month"),
        ("mid-1996", dt.date(1998, 2, 27), dt.date(1996, 1, 1), "year"),
        ("2011-2013", dt.date(2021, 3, 4), dt.date(2011, 1, 1), "year"),
        ("1990-94", None, dt.date(1990, 1, 1), "year"),
        ("May 2018", None, dt.date(2018, 5, 1), "month"),
    ],
)
def test_dates_normalise_coarse_precision(text: str, published: dt.date | None, expected: dt.date, precision: str) -> None:
    result = normalise_time_expression(text, published)
    assert result is not None
    assert (result.value, result.precision) == (expected, precision)
    assert result.basis


@pytest.mark.parametrize(
    "text",
    ["the day she resigned", "that morning", "two days earlier", "this may take time", "the early hours of that morning", "two months", "decades",
     "the last three weeks", "weekly", "it may take time", ""],
)
def test_dates_normalise_returns_none_for_non_dates(text: str) -> None:
    assert normalise_time_expression(text, dt.date(2021, 3, 4)) is None


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("March 12", True, dt.date(2022, 3, 12)),  # "will vote on March 12", written in April
        ("March 12", False, dt.date(2021, 3, 12)),  # "voted on March 12"
        ("March 12", None, dt.date(2021, 3, 12)),  # a month back is nearer than eleven ahead
        ("Dec. 15", False, dt.date(2020, 12, 15)),  # "was paid Dec. 15", written in November
        ("Dec. 15", None, dt.date(2021, 12, 15)),
        ("January 2", False, dt.date(2021, 1, 2)),  # a few days ahead is allowed
    ],
)
def test_dates_month_day_follows_the_clause_tense(text: str, future: bool | None, expected: dt.date) -> None:
    published = dt.date(2021, 4, 20) if text == "March 12" else dt.date(2021, 11, 2) if text == "Dec. 15" else dt.date(2020, 12, 31)
    result = normalise_time_expression(text, published, future=future)
    assert result is not None and result.value == expected


@pytest.mark.parametrize(
    ("future", "expected"),
    [(True, dt.date(2022, 4, 1)), (False, dt.date(2021, 4, 1)), (None, dt.date(2021, 4, 1))],
)
def test_dates_month_name_follows_the_clause_tense(future: bool | None, expected: dt.date) -> None:
    result = normalise_time_expression("in April", dt.date(2021, 6, 10), future=future)  # "is expected in April"
    assert result is not None and (result.value, result.precision) == (expected, "month")


@pytest.mark.parametrize("text", ["Tuesday", "yesterday", "last week", "this month", "March 2", "tonight"])
def test_dates_relative_without_publication_is_none(text: str) -> None:
    assert normalise_time_expression(text, None) is None


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("3/4/2021", "mdy", dt.date(2021, 3, 4)),
        ("3/4/2021", "dmy", dt.date(2021, 4, 3)),
        ("04.03.2021", "dmy", dt.date(2021, 3, 4)),
        ("25/12/2020", None, dt.date(2020, 12, 25)),  # unambiguous whatever the order
        ("12/25/2020", "dmy", dt.date(2020, 12, 25)),
        ("2021-03-04", "dmy", dt.date(2021, 3, 4)),
        ("March 4, 2021", None, dt.date(2021, 3, 4)),
        ("March 4th, 2021", None, dt.date(2021, 3, 4)),
        ("4 March 2021", None, dt.date(2021, 3, 4)),
        ("4th of March, 2021", None, dt.date(2021, 3, 4)),
        ("Thursday, 4 Mar 2021 10:15 GMT", None, dt.date(2021, 3, 4)),
        ("Sept. 9, 2019", None, dt.date(2019, 9, 9)),
    ],
)
def test_dates_parse_date_absolute(text: str, order: str | None, expected: dt.date) -> None:
    result = parse_date(text, order=order)  # type: ignore[arg-type]
    assert result is not None and result.value == expected and result.precision == "day"


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [("March 2021", dt.date(2021, 3, 1), "month"), ("2017", dt.date(2017, 1, 1), "year")],
)
def test_dates_parse_date_coarse(text: str, expected: dt.date, precision: str) -> None:
    result = parse_date(text)
    assert result is not None and (result.value, result.precision) == (expected, precision)


@pytest.mark.parametrize("text", ["Mar. 4", "Thursday", "no date here", "", "31/31/2020"])
def test_dates_parse_date_needs_a_full_date(text: str) -> None:
    assert parse_date(text) is None


def test_dates_numeric_nearest_reading_when_order_unknown() -> None:
    result = normalise_time_expression("04/03/2021", dt.date(2021, 3, 5))
    assert result is not None and result.value == dt.date(2021, 3, 4)
    assert "day-first" in result.basis
