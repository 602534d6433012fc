"""How dates and kinds are written on the pages."""

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

