"""Date gaps: whether two dates of event mentions can be one day. Equal days are; days one
apart almost are (gap 1); a week, month or year is compatible with any day it contains; an
unknown date with anything."""

from __future__ import annotations

import datetime as dt

from briefing.model import DateValue

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

Span = tuple[int, int]


def _interval(date: DateValue) -> tuple[dt.date, dt.date]:
    value = date.value
    if date.precision == "day":
        return value, value
    if date.precision == "week":
        # "last week" is used loosely for "in the past seven days": the week and the next
        return value - dt.timedelta(days=1), value + dt.timedelta(days=13)
    if date.precision == "month":
        first = value.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first - dt.timedelta(days=3), last + dt.timedelta(days=3)
    return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)


def date_gap(a: DateValue | None, b: DateValue | None) -> int | None:
    """0 when compatible, 1 when two days are one apart, None when incompatible."""
    return span_gap(*day_span(a), *day_span(b))


def day_span(date: DateValue | None) -> tuple[int | None, tuple[int, int] | None]:
    """(day number if the date is a day, (first, last) day numbers of its interval); None for no date."""
    if date is None:
        return None, None
    first, last = _interval(date)
    return (date.value.toordinal() if date.precision == "day" else None), (first.toordinal(), last.toordinal())


def span_gap(a_day: int | None, a_span: Span | None, b_day: int | None, b_span: Span | None) -> int | None:
    """date_gap() of two dates given as their day_span()."""
    if a_span is None or b_span is None:
        return 0
    if a_day is not None and b_day is not None:
        days = abs(a_day - b_day)
        return days if days <= 1 else None
    return 0 if a_span[0] <= b_span[1] and b_span[0] <= a_span[1] else None
