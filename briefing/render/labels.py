"""How dates, counts and kinds are written on the pages."""

from __future__ import annotations

import datetime as dt

KIND_LABELS = {"person": "Person", "organization": "Organization", "place": "Place", "other": "Other"}
PRECISION_LABELS = {"day": "day", "week": "week", "month": "month", "year": "year"}


def format_date(value: dt.date | None, precision: str | None) -> str:
    """A date as precise as it is known: 2031-03-04, 2031-03, 2031, week of 2031-03-02."""
    if value is None:
        return "undated"
    if precision == "month":
        return value.strftime("%Y-%m")
    if precision == "year":
        return value.strftime("%Y")
    if precision == "week":
        return f"week of {value.isoformat()}"
    return value.isoformat()



def format_count(count: int, noun: str, plural: str = "") -> str:
    """A number and its noun, singular for one: "1 source", "0 sources", "2 discrepancies".

    `plural` is for a noun that does not just take an "s" (the default is noun + "s").
    """
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
