"""Relative time expressions anchored to the publication date: "Sunday", "yesterday", "two years
ago", "last week", "June last year", "Dec. 15", "in April".

`future` is what the expression's clause says of time: True when it points forward ("will vote
on March 12", "is expected in April"), False when it points back (a past tense), None when
nothing says (a span read alone). A year-less date is then the next such date, the latest such
date, or the one nearest publication.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from briefing.dates.absolute import MONTH, MONTH_DAY_PATTERNS, MONTH_ONLY, YEAR_ONLY, month_number, safe_date
from briefing.lexicon.calendar import WEEKDAY_ALTERNATION, WEEKDAYS
from briefing.lexicon.numbers import SMALL_COUNTS

Precision = Literal["day", "week", "month", "year"]
Relative = tuple[dt.date, Precision, str]

# How far after publication a year-less "March 4" may lie when the clause points back (scheduled events).
MONTH_DAY_LOOKAHEAD = dt.timedelta(days=3)
# Without a tense, news reports what happened more than what will: a year-less date ahead of
# publication is read forward only when it is less than half as far as the one behind.
FORWARD_DISTANCE_WEIGHT = 2

# A small count in words, longest first: "three", "an", "a".
_COUNT = "|".join(sorted(SMALL_COUNTS, key=len, reverse=True))
_WEEKDAY = re.compile(rf"\b(?P<weekday>{WEEKDAY_ALTERNATION})\b", re.I)
# "the day he was killed", "that morning": anchored to another event, not to publication.
_ANAPHORIC = re.compile(r"\b(?:that|the same|the following|the previous|the next|the day|the night|the morning|hours? (?:before|after)|days? (?:before|after|later|earlier))\b", re.I)
_DURATION = re.compile(rf"^(?:the\s+)?(?:(?:last|past|next|first|coming)\s+)?(?:\d+|{_COUNT}|several|few|many|some|recent|decades?|years?|months?|weeks?|days?|hours?)\b.*\b(?:years?|months?|weeks?|days?|hours?|decades?|centuries)\b(?!\s+ago)", re.I)
# "three days ago", "a week or so ago", "two years earlier", "year-ago" (one year, a compound).
_AGO = re.compile(rf"\b(?:(?P<n>\d+|{_COUNT})\s+)?(?P<unit>day|week|month|year)s?(?:\s+or\s+so)?(?:\s+|-)(?P<way>ago|earlier)\b", re.I)
_PERIOD = re.compile(r"\b(last|this|next|past|earlier this|later this|so far this)\s+(week|month|year)\b")
_COUNTED_PERIOD = re.compile(r"\b(?:the\s+)?(?:last|past|next)\s+(?:\d+|two|three|four|five|six|few|several)\b")
# The year of publication without saying "this year": "the current fiscal year", "year-end", "earlier in the year".
_THE_YEAR = re.compile(
    r"^(?:the\s+)?(?:(?:current|full|fiscal|calendar)\s+)*year$|\byear(?:\s+|-)?end\b|\bend of (?:the|this) year\b"
    r"|\b(?:earlier|later) in the year\b"
)
# "last May", "this September", "next March"; "June last year", "January this year".
_MONTH_BEFORE = re.compile(rf"\b(?P<which>last|this|next)\s+{MONTH}(?![\w])")
_MONTH_AFTER = re.compile(rf"\b{MONTH}\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b")
_OFFSET = {"last": -1, "this": 0, "next": 1}


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


def relative(clean: str, published: dt.date, future: bool | None) -> Relative | None:
    """A relative expression anchored to publication, tried from the most to the least specific:
    today/yesterday/tomorrow, "N days ago", a month and day without a year (before its weekday:
    "Friday, Oct. 23" is Oct. 23), a weekday, a calendar period ("last week"), a month name.
    Anaphoric expressions ("that day") and durations ("two weeks") are anchored to nothing."""
    found = _deictic_day(clean, published) or _ago(clean, published)
    found = found or _month_day(clean, published, future) or _weekday(clean, published, future)
    if found is not None or _ANAPHORIC.search(clean):
        return found
    found = _modified_month(clean, published)
    if found is not None:
        return found
    period = _PERIOD.search(clean)
    if period is not None and not _COUNTED_PERIOD.search(clean):
        return _calendar_period(period.group(1), period.group(2), published)
    if _THE_YEAR.search(clean):
        return dt.date(published.year, 1, 1), "year", "year of publication"
    if _DURATION.search(clean):
        return None
    return _month_name(clean, published, future)


def _deictic_day(clean: str, published: dt.date) -> Relative | None:
    if re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier today|later today)\b", clean):
        return published, "day", "publication day"
    if re.search(r"\b(?:yesterday|last night|overnight)\b", clean):
        return published - dt.timedelta(days=1), "day", "day before publication"
    if re.search(r"\btomorrow\b", clean):
        return published + dt.timedelta(days=1), "day", "day after publication"
    return None


def _ago(clean: str, published: dt.date) -> Relative | None:
    """ "three days ago" (a day), "five months ago" (a month), "two years ago", "a year earlier" (a year).
    "Two days earlier" is counted from another event, not from publication: None."""
    ago = _AGO.search(clean)
    if ago is None:
        return None
    count = 1 if ago["n"] is None else int(ago["n"]) if ago["n"].isdigit() else SMALL_COUNTS[ago["n"].lower()]
    unit = ago["unit"].lower()
    if unit == "year":
        return dt.date(published.year - count, 1, 1), "year", f"{count} years before publication"
    if unit == "month":
        return _add_months(published.replace(day=1), -count), "month", f"{count} months before publication"
    if ago["way"].lower() == "earlier":
        return None
    days = count * (7 if unit == "week" else 1)
    return published - dt.timedelta(days=days), "day", f"{days} days before publication"


def _weekday(clean: str, published: dt.date, future: bool | None) -> Relative | None:
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


def _choose(candidates: list[dt.date], published: dt.date, future: bool | None, slack: dt.timedelta) -> tuple[dt.date, str]:
    """The candidate the clause's time points to: the first from publication on (forward), the
    latest up to publication and `slack` (back), else the nearest, a date ahead counting as
    FORWARD_DISTANCE_WEIGHT times as far as one behind."""
    if future:
        return min(c for c in candidates if c >= published - slack), "next such date from publication"
    if future is False:
        return max(c for c in candidates if c <= published + slack), "latest such date up to publication"
    def distance(candidate: dt.date) -> int:
        days = (candidate - published).days
        return days * FORWARD_DISTANCE_WEIGHT if candidate > published + slack else abs(days)

    return min(candidates, key=lambda c: (distance(c), c)), "such date nearest publication (past preferred)"


def _month_day(clean: str, published: dt.date, future: bool | None) -> Relative | None:
    for pattern in MONTH_DAY_PATTERNS:
        match = pattern.search(clean)
        if match is None:
            continue
        month, day = month_number(match["month"]), int(match["day"])
        candidates = [c for year in range(published.year - 1, published.year + 2) if (c := safe_date(year, month, day))]
        if not candidates:
            continue
        weekday = _WEEKDAY.search(clean)
        if weekday is not None:  # "Friday, Oct. 23": the year whose Oct. 23 is a Friday
            agreeing = [c for c in candidates if c.weekday() == WEEKDAYS[weekday["weekday"].lower()]]
            if len(agreeing) == 1:
                return agreeing[0], "day", "month-day; year inferred: the one its weekday falls in"
        value, how = _choose(candidates, published, future, MONTH_DAY_LOOKAHEAD)
        return value, "day", f"month-day; year inferred: {how}"
    return None


def _modified_month(clean: str, published: dt.date) -> Relative | None:
    """ "June last year", "January this year"; "last May" (the latest May before this month),
    "this September" (in the year of publication), "next March" (the first March after this month)."""
    match = _MONTH_AFTER.search(clean)
    if match is not None:
        year = published.year + _OFFSET[match["which"]]
        return dt.date(year, month_number(match["month"]), 1), "month", f"month of the {match['which']} year"
    match = _MONTH_BEFORE.search(clean)
    if match is None or not _is_month_reference(clean, match):
        return None
    month, which = month_number(match["month"]), match["which"]
    year = published.year
    if which == "last" and month >= published.month:
        year -= 1
    elif which == "next" and month <= published.month:
        year += 1
    return dt.date(year, month, 1), "month", f"'{which}' month from publication"


def _is_month_reference(clean: str, match: re.Match[str]) -> bool:
    """False for the modal verb "may" ("it may take time"); True for other month names."""
    if match["month"].lower() != "may":
        return True
    # a verb follows the modal: "this may take time"; a date word may follow the month: "in May of 2020"
    after = r"(?!\s+(?!of\b|last\b|this\b|next\b|and\b|or\b)[a-z])"
    return clean == "may" or re.search(rf"\b(?:in|since|until|by|last|this|next|early|late|mid|of)[\s-]+may\b{after}", clean) is not None


def _month_name(clean: str, published: dt.date, future: bool | None) -> Relative | None:
    match = MONTH_ONLY.search(clean)
    if match is None or YEAR_ONLY.search(clean) or not _is_month_reference(clean, match):
        return None
    month = month_number(match["month"])
    candidates = [dt.date(year, month, 1) for year in range(published.year - 1, published.year + 2)]
    value, how = _choose(candidates, published.replace(day=1), future, dt.timedelta(0))
    return value, "month", f"month name; {how}"
