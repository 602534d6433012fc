"""Dates: parse absolute dates and anchor relative time expressions to the publication date.

`parse_date` reads absolute dates ("March 4, 2021", "4 Mar 2021", "2021-03-04",
"3/4/2021" in a given order, "March 2021", "2011"). Common forms are read by
regular expressions (fast; called for every time expression); anything else goes
to a cached, English-only, strict `dateparser` parser, which downloads nothing.

`normalise_time_expression` anchors what a reporter writes ("on Sunday", "late on
Tuesday", "yesterday", "last week", "earlier this month", "Mar. 4") to the
publication date. Without a publication date, relative expressions stay relative
and the function returns None; absolute dates are still read.

Conventions (news writing):
- a bare weekday is the most recent such day on or before publication (the same
  day counts); "next"/"this coming" weekday, or future=True, looks forward;
- "last week" is week precision, valued at the Monday of the previous week;
- a month-day without a year is the most recent such date not after publication
  plus a few days (articles mention tomorrow's scheduled events by date);
- a year range "2011-2013" stands for its first year, with year precision.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from briefing.lexicon.calendar import (
    MONTH_ALTERNATION,
    MONTHS,
    WEEKDAY_ALTERNATION,
    WEEKDAYS,
)
from briefing.lexicon.numbers import SMALL_COUNTS
from briefing.model import DateValue

Order = Literal["mdy", "dmy"]

# How far after publication a year-less "March 4" may lie (scheduled events).
MONTH_DAY_LOOKAHEAD = dt.timedelta(days=3)

_MONTH = rf"(?P<month>{MONTH_ALTERNATION})\.?"
# A small count in words, longest first: "three", "an", "a".
_COUNT = "|".join(sorted(SMALL_COUNTS, key=len, reverse=True))
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"

# Absolute date forms, most specific first. Each yields (day?, month, year?).
_ABSOLUTE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b" + _YEAR + r"-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b")),
    ("month-day-year", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b,?\s+" + _YEAR + r"\b", re.I)),
    ("day-month-year", re.compile(r"\b" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I)),
    ("month-year", re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b", re.I)),
    ("month-day", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?!\s*(?:,\s*)?\d)", re.I)),
    ("day-month", re.compile(r"\b" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"(?![\w])", re.I)),
]
# 3/4/2021, 04.03.2021, 3-4-21: order decided by the caller or the evidence.
NUMERIC_DATE = re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>\d{4}|\d{2})\b")
_YEAR_ONLY = re.compile(r"(?<![\d/.\-])(?P<year>(?:1[6-9]|20)\d\d)(?:s\b|\b)(?![/.]\d)(?!-\d{1,2}-\d)(?P<range>\s*[-\u2013\u2014]\s*(?:(?:1[6-9]|20)\d\d|\d\d)\b)?")
_MONTH_ONLY = re.compile(r"\b" + _MONTH + r"(?![\w])", re.I)
_WEEKDAY = re.compile(rf"\b(?P<weekday>{WEEKDAY_ALTERNATION})\b", re.I)

# "the day he was killed", "that morning": anchored to another event, not to publication.
_ANAPHORIC = re.compile(r"\b(?:that|the same|the following|the previous|the next|the day|the night|the morning|hours? (?:before|after)|days? (?:before|after|later|earlier))\b", re.I)
_DURATION = re.compile(rf"^(?:the\s+)?(?:(?:last|past|next|first|coming)\s+)?(?:\d+|{_COUNT}|several|few|many|some|recent|decades?|years?|months?|weeks?|days?|hours?)\b.*\b(?:years?|months?|weeks?|days?|hours?|decades?|centuries)\b(?!\s+ago)", re.I)
_AGO = re.compile(rf"\b(?P<n>\d+|{_COUNT})\s+(?P<unit>days?|weeks?)\s+ago\b", re.I)


@lru_cache(maxsize=1)
def _dateparser() -> object:
    """One English-only strict parser, built on first use (building it takes ~0.2 s)."""
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    return DateDataParser(
        languages=["en"],
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
            "PARSERS": ["absolute-time"],
        },
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_year(year: str) -> int:
    number = int(year)
    if len(year) == 2:
        number += 2000 if number < 70 else 1900
    return number


def numeric_readings(text: str) -> tuple[re.Match[str], dt.date | None, dt.date | None] | None:
    """The first numeric date in `text` and its (month-first, day-first) readings; None if absent."""
    match = NUMERIC_DATE.search(text)
    if match is None:
        return None
    a, b, year = int(match["a"]), int(match["b"]), _full_year(match["year"])
    return match, _safe_date(year, a, b), _safe_date(year, b, a)


def parse_date(text: str, *, order: Order | None = None) -> DateValue | None:
    """An absolute date in any common form ("March 4, 2021", "4 March 2021", "Mar. 4", "2021-03-04",
    "3/4/2021" with the given order); month/year-only forms get precision month/year.

    A month-day without a year ("Mar. 4") cannot be placed without a reference
    date, so it returns None here; `normalise_time_expression` infers its year.
    An ambiguous numeric date with no `order` is read month-first (basis says so).
    """
    return _parse_date_cached(text.strip(), order)


@lru_cache(maxsize=8192)
def _parse_date_cached(text: str, order: Order | None) -> DateValue | None:
    if not text:
        return None
    found = _parse_absolute(text, order)
    if found is not None:
        return found
    if re.search(r"\d", text) and _MONTH_ONLY.search(text):
        return _parse_with_dateparser(text)
    return None


def _parse_absolute(text: str, order: Order | None) -> DateValue | None:
    numeric = numeric_readings(text)
    if numeric is not None and not _is_iso(text):
        numeric_match, month_first, day_first = numeric
        if month_first and day_first and month_first != day_first:
            if order == "dmy":
                return DateValue(value=day_first, text=numeric_match.group(0), basis="numeric date read day-first")
            basis = "numeric date read month-first" if order == "mdy" else "ambiguous numeric date read month-first (no order given)"
            return DateValue(value=month_first, text=numeric_match.group(0), basis=basis)
        value = month_first or day_first
        if value is not None:
            return DateValue(value=value, text=numeric_match.group(0), basis="numeric date (unambiguous)")
    for name, pattern in _ABSOLUTE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("year") is None:
            continue  # month-day without a year: needs a reference date
        year = int(groups["year"])
        month = int(groups["month"]) if groups["month"].isdigit() else MONTHS[groups["month"].lower().rstrip(".")]
        if groups.get("day") is None:
            return DateValue(value=dt.date(year, month, 1), precision="month", text=match.group(0), basis="month and year")
        value = _safe_date(year, month, int(groups["day"]))
        if value is not None:
            return DateValue(value=value, text=match.group(0), basis=f"absolute date ({name})")
    match = _YEAR_ONLY.search(text)
    if match is not None:
        basis = "first year of a range" if match["range"] else "year"
        return DateValue(value=dt.date(int(match["year"]), 1, 1), precision="year", text=match.group(0), basis=basis)
    return None


def _is_iso(text: str) -> bool:
    return _ABSOLUTE_PATTERNS[0][1].search(text) is not None


def _parse_with_dateparser(text: str) -> DateValue | None:
    try:
        data = _dateparser().get_date_data(text)  # type: ignore[attr-defined]
    except Exception:  # dateparser raises assorted errors on odd input; treat as "no date"
        return None
    if data is None or data.date_obj is None:
        return None
    return DateValue(value=data.date_obj.date(), text=text, basis="absolute date (dateparser)")


# ------------------------------------------------------------------ relative


def weekday_on_or_before(weekday: int, reference: dt.date) -> dt.date:
    """The most recent `weekday` (Monday=0) on or before `reference`; the same day counts."""
    return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)


def weekday_on_or_after(weekday: int, reference: dt.date) -> dt.date:
    """The first `weekday` (Monday=0) on or after `reference`; the same day counts."""
    return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _clean(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\xa0", " ")
    text = re.sub(r"'s\b", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:()[]\"'").lower()


def normalise_time_expression(
    text: str, published: dt.date | None, *, future: bool = False, order: Order | None = None
) -> DateValue | None:
    """Anchor a time expression to the publication date.

    Absolute dates are read whatever `published` is; relative ones ("Sunday",
    "yesterday", "last week", "Mar. 4") need `published` and return None without it.
    Expressions anchored to another event ("the day he was killed") and durations
    ("two months") return None. `order` settles numeric dates; without it the
    reading nearer to publication wins.
    """
    return _normalise_cached(text, published, future, order)


@lru_cache(maxsize=8192)
def _normalise_cached(text: str, published: dt.date | None, future: bool, order: Order | None) -> DateValue | None:
    original = text.strip()
    clean = _clean(original)
    if not clean:
        return None
    numeric = numeric_readings(clean)
    if numeric is not None and order is None and published is not None and not _is_iso(clean):
        match, month_first, day_first = numeric
        readings = [r for r in (month_first, day_first) if r is not None]
        if len(readings) == 2 and month_first != day_first:
            best = min(readings, key=lambda d: abs((d - published).days))
            which = "month-first" if best == month_first else "day-first"
            return DateValue(value=best, text=original, basis=f"numeric date read {which}: nearer to publication")
    absolute = _parse_absolute(clean, order)
    if absolute is not None and absolute.precision == "day":
        return absolute.model_copy(update={"text": original})
    if published is None:
        if absolute is not None and not _MONTH_ONLY.search(clean) and not _relative_words(clean):
            return absolute.model_copy(update={"text": original})  # plain years need no anchor
        if absolute is not None and absolute.precision == "month":
            return absolute.model_copy(update={"text": original})
        return None
    if absolute is not None and absolute.precision == "month":
        return absolute.model_copy(update={"text": original})
    relative = _relative(clean, published, future)
    if relative is not None:
        value, precision, basis = relative
        return DateValue(value=value, precision=precision, text=original, basis=basis)
    if absolute is not None:  # a year, e.g. "in 2011", "2011-2013"
        return absolute.model_copy(update={"text": original})
    return None


def _is_month_reference(clean: str, match: re.Match[str]) -> bool:
    """False for the modal verb "may" ("it may take time"); True for other month names."""
    if match["month"].lower() != "may":
        return True
    return clean == "may" or re.search(r"\b(?:in|since|until|by|last|this|next|early|late|mid|of)[\s-]+may\b", clean) is not None


def _relative_words(clean: str) -> bool:
    return bool(re.search(r"\b(?:last|this|next|ago|yesterday|today|tomorrow)\b", clean))


Relative = tuple[dt.date, Literal["day", "week", "month", "year"], str]
_PERIOD = re.compile(r"\b(last|this|next|past|earlier this|later this|so far this)\s+(week|month|year)\b")
_COUNTED_PERIOD = re.compile(r"\b(?:the\s+)?(?:last|past|next)\s+(?:\d+|two|three|four|five|six|few|several)\b")


def _relative(clean: str, published: dt.date, future: bool) -> Relative | None:
    """A relative expression anchored to publication, tried from the most to the least specific:
    today/yesterday/tomorrow, "N days ago", a weekday, a calendar period ("last week"), a month
    and day without a year, a month name. Anaphoric expressions ("that day") and durations ("two
    weeks") are anchored to nothing."""
    found = _deictic_day(clean, published) or _days_ago(clean, published) or _weekday(clean, published, future)
    if found is not None or _ANAPHORIC.search(clean):
        return found
    period = _PERIOD.search(clean)
    if period is not None and not _COUNTED_PERIOD.search(clean):
        return _calendar_period(period.group(1), period.group(2), published)
    if _DURATION.search(clean):
        return None
    return _month_day(clean, published, future) or _month_name(clean, published, future)


def _deictic_day(clean: str, published: dt.date) -> Relative | None:
    if re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier today|later today)\b", clean):
        return published, "day", "publication day"
    if re.search(r"\b(?:yesterday|last night|overnight)\b", clean):
        return published - dt.timedelta(days=1), "day", "day before publication"
    if re.search(r"\btomorrow\b", clean):
        return published + dt.timedelta(days=1), "day", "day after publication"
    return None


def _days_ago(clean: str, published: dt.date) -> Relative | None:
    ago = _AGO.search(clean)
    if ago is None:
        return None
    count = int(ago["n"]) if ago["n"].isdigit() else SMALL_COUNTS[ago["n"].lower()]
    days = count * (7 if ago["unit"].startswith("week") else 1)
    return published - dt.timedelta(days=days), "day", f"{days} days before publication"


def _weekday(clean: str, published: dt.date, future: bool) -> Relative | None:
    weekday = _WEEKDAY.search(clean)
    if weekday is None or _ANAPHORIC.search(clean):
        return None
    index = WEEKDAYS[weekday["weekday"].lower()]
    before = clean[: weekday.start()]
    if re.search(r"\b(?:next|this coming|coming)\s+$", before):
        return weekday_on_or_after(index, published + dt.timedelta(days=1)), "day", "next such weekday after publication"
    if re.search(r"\blast\s+$", before):
        return weekday_on_or_before(index, published - dt.timedelta(days=1)), "day", "'last' weekday: most recent before publication"
    if future:
        return weekday_on_or_after(index, published), "day", "weekday on or after publication (future reference)"
    return weekday_on_or_before(index, published), "day", "weekday on or before publication"


def _calendar_period(which: str, unit: str, published: dt.date) -> Relative | None:
    """ "last week", "this month", "next year"; None for "the past week" (a duration, not a calendar period)."""
    if which == "past":
        return None
    offset = {"last": -1, "next": 1}.get(which, 0)
    if unit == "week":
        monday = _monday(published) + dt.timedelta(weeks=offset)
        label = {-1: "previous week", 0: "week of publication", 1: "week after publication"}[offset]
        return monday, "week", f"{label} (value is its Monday)"
    if unit == "month":
        label = {-1: "month before publication", 0: "month of publication", 1: "month after publication"}[offset]
        return _add_months(published.replace(day=1), offset), "month", label
    label = {-1: "year before publication", 0: "year of publication", 1: "year after publication"}[offset]
    return dt.date(published.year + offset, 1, 1), "year", label


def _month_day(clean: str, published: dt.date, future: bool) -> Relative | None:
    for pattern in (_ABSOLUTE_PATTERNS[4], _ABSOLUTE_PATTERNS[5]):
        match = pattern[1].search(clean)
        if match is None:
            continue
        month, day = MONTHS[match["month"].lower().rstrip(".")], int(match["day"])
        if future:
            for year in (published.year - 1, published.year, published.year + 1):
                candidate = _safe_date(year, month, day)
                if candidate is not None and candidate >= published - MONTH_DAY_LOOKAHEAD:
                    return candidate, "day", "month-day; year inferred: next such date from publication"
        for year in (published.year + 1, published.year, published.year - 1):
            candidate = _safe_date(year, month, day)
            if candidate is not None and candidate <= published + MONTH_DAY_LOOKAHEAD:
                return candidate, "day", "month-day; year inferred: latest such date up to publication"
    return None


def _month_name(clean: str, published: dt.date, future: bool) -> Relative | None:
    match = _MONTH_ONLY.search(clean)
    if match is None or _YEAR_ONLY.search(clean) or not _is_month_reference(clean, match):
        return None
    month = MONTHS[match["month"].lower().rstrip(".")]
    year = published.year
    if future:
        if month < published.month:
            year += 1
        return dt.date(year, month, 1), "month", "month name; next such month from publication"
    if month > published.month:
        year -= 1
    return dt.date(year, month, 1), "month", "month name; latest such month up to publication"
