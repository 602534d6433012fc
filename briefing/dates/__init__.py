"""Dates: parse absolute dates and anchor relative time expressions to the publication date.

`parse_date` reads absolute dates ("March 4, 2021", "4 Mar 2021", "2021-03-04",
"3/4/2021" in a given order, "March 2021", "2011"): `absolute.py`.

`normalise_time_expression` anchors what a reporter writes ("on Sunday", "late on
Tuesday", "yesterday", "last week", "earlier this month", "Mar. 4", "two years ago")
to the publication date: `relative.py`. Without a publication date, relative
expressions stay relative and the function returns None; absolute dates are still read.

Conventions (news writing):
- a bare weekday is the most recent such day on or before publication (the same
  day counts); "next"/"this coming" weekday, or future=True, looks forward;
- "last week" is week precision, valued at the Monday of the previous week;
- a month-day or month without a year is the next such date when the clause points
  forward (future=True), the latest one (give or take a few days) when it points back
  (future=False), else the one nearest publication; a weekday beside it picks its year;
- "N years ago", "a year earlier" are the year N before publication; "N months ago" a month;
- a year range "2011-2013" stands for its first year, with year precision.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from briefing.dates.absolute import (
    MONTH_ONLY,
    Order,
    is_iso,
    numeric_readings,
    parse_absolute,
    parse_date,
    years_in_digits,
)
from briefing.dates.relative import relative, weekday_on_or_after, weekday_on_or_before
from briefing.model import DateValue

__all__ = [
    "Order",
    "normalise_time_expression",
    "numeric_readings",
    "parse_date",
    "weekday_on_or_after",
    "weekday_on_or_before",
]


def _clean(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\xa0", " ")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\bmid-", "mid ", text, flags=re.I)  # "mid-1996", "mid-November"
    text = years_in_digits(text)
    return re.sub(r"\s+", " ", text).strip(" .,;:()[]\"'").lower()


def normalise_time_expression(
    text: str, published: dt.date | None, *, future: bool | None = None, order: Order | None = None
) -> DateValue | None:
    """Anchor a time expression to the publication date.

    Absolute dates are read whatever `published` is; relative ones ("Sunday",
    "yesterday", "last week", "Mar. 4") need `published` and return None without it.
    Expressions anchored to another event ("the day he was killed") and durations
    ("two months") return None. `future` is the tense of the expression's clause:
    True forward, False back, None unknown. `order` settles numeric dates; without
    it the reading nearer to publication wins.
    """
    return _normalise_cached(text, published, future, order)


@lru_cache(maxsize=8192)
def _normalise_cached(text: str, published: dt.date | None, future: bool | None, order: Order | None) -> DateValue | None:
    original = text.strip()
    clean = _clean(original)
    if not clean:
        return None
    numeric = numeric_readings(clean)
    if numeric is not None and order is None and published is not None and not is_iso(clean):
        match, month_first, day_first = numeric
        readings = [r for r in (month_first, day_first) if r is not None]
        if len(readings) == 2 and month_first != day_first:
            best = min(readings, key=lambda d: abs((d - published).days))
            which = "month-first" if best == month_first else "day-first"
            return DateValue(value=best, text=original, basis=f"numeric date read {which}: nearer to publication")
    absolute = parse_absolute(clean, order)
    if absolute is not None and absolute.precision in ("day", "month"):
        return absolute.model_copy(update={"text": original})
    if published is None:
        if absolute is not None and not MONTH_ONLY.search(clean) and not _relative_words(clean):
            return absolute.model_copy(update={"text": original})  # plain years need no anchor
        return None
    found = relative(clean, published, future)
    if found is not None:
        value, precision, basis = found
        return DateValue(value=value, precision=precision, text=original, basis=basis)
    if absolute is not None:  # a year, e.g. "in 2011", "2011-2013"
        return absolute.model_copy(update={"text": original})
    return None


def _relative_words(clean: str) -> bool:
    return bool(re.search(r"\b(?:last|this|next|ago|yesterday|today|tomorrow)\b", clean))
