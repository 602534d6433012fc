"""Absolute dates: "March 4, 2021", "4 Mar 2021", "2021-03-04", "3/4/2021" in a given order,
"March 2021", "2011", "nineteen ninety-six". Common forms are read by regular expressions
(fast; called for every time expression); anything else goes to a cached, English-only, strict
`dateparser` parser, which downloads nothing."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from briefing.lexicon.calendar import MONTH_ALTERNATION, MONTHS
from briefing.lexicon.numbers import WORD_NUMBERS
from briefing.model import DateValue

Order = Literal["mdy", "dmy"]

MONTH = rf"(?P<month>{MONTH_ALTERNATION})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"

# Absolute date forms, most specific first. Each yields (day?, month, year?).
ABSOLUTE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b" + _YEAR + r"-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b")),
    ("month-day-year", re.compile(r"\b" + MONTH + r"\s+" + _DAY + r"\b,?\s+" + _YEAR + r"\b", re.I)),
    ("day-month-year", re.compile(r"\b" + _DAY + r"(?:\s+of)?\s+" + MONTH + r",?\s+" + _YEAR + r"\b", re.I)),
    ("month-year", re.compile(r"\b" + MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b", re.I)),
    ("month-day", re.compile(r"\b" + MONTH + r"\s+" + _DAY + r"\b(?!\s*(?:,\s*)?\d)", re.I)),
    ("day-month", re.compile(r"\b" + _DAY + r"(?:\s+of)?\s+" + MONTH + r"(?![\w])", re.I)),
]
MONTH_DAY_PATTERNS = [pattern for name, pattern in ABSOLUTE_PATTERNS if name in ("month-day", "day-month")]
# 3/4/2021, 04.03.2021, 3-4-21: order decided by the caller or the evidence.
NUMERIC_DATE = re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>\d{4}|\d{2})\b")
YEAR_ONLY = re.compile(r"(?<![\d/.\-])(?P<year>(?:1[6-9]|20)\d\d)(?:s\b|\b)(?![/.]\d)(?!-\d{1,2}-\d)(?P<range>\s*[-\u2013\u2014]\s*(?:(?:1[6-9]|20)\d\d|\d\d)\b)?")
MONTH_ONLY = re.compile(r"\b" + MONTH + r"(?![\w])", re.I)

# A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "two thousand and one".
_TENS = "|".join(word for word, value in WORD_NUMBERS.items() if value % 10 == 0 and 20 <= value <= 90)
_UNITS = "|".join(word for word, value in WORD_NUMBERS.items() if 1 <= value <= 9)
_TEENS = "|".join(word for word, value in WORD_NUMBERS.items() if 10 <= value <= 19)
_CENTURIES = "|".join(word for word, value in WORD_NUMBERS.items() if 16 <= value <= 19)
_YEAR_WORDS = re.compile(
    rf"\b(?:(?P<century>{_CENTURIES})[\s-]+(?:(?P<tens>{_TENS})(?:[\s-]+(?P<unit>{_UNITS}))?|(?P<teen>{_TEENS}))"
    rf"|two thousand(?:\s+and)?(?:[\s-]+(?P<after>{_UNITS}|{_TEENS}))?)\b",
    re.I,
)


def years_in_digits(text: str) -> str:
    """ "nineteen ninety-six" -> "1996", "the year two thousand" -> "the year 2000"; other words unchanged.
    For time expressions only: "two thousand" in a count is a number, not a year."""

    def digits(match: re.Match[str]) -> str:
        if match["century"] is None:
            return str(2000 + (WORD_NUMBERS[match["after"].lower()] if match["after"] else 0))
        rest = WORD_NUMBERS[match["teen"].lower()] if match["teen"] else WORD_NUMBERS[match["tens"].lower()]
        rest += WORD_NUMBERS[match["unit"].lower()] if match["unit"] else 0
        return str(WORD_NUMBERS[match["century"].lower()] * 100 + rest)

    return _YEAR_WORDS.sub(digits, text)


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


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_number(written: str) -> int:
    """ "Sept." -> 9, "march" -> 3."""
    return MONTHS[written.lower().rstrip(".")]


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
    return match, safe_date(year, a, b), safe_date(year, b, a)


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
    found = parse_absolute(text, order)
    if found is not None:
        return found
    if re.search(r"\d", text) and MONTH_ONLY.search(text):
        return _parse_with_dateparser(text)
    return None


def parse_absolute(text: str, order: Order | None) -> DateValue | None:
    numeric = numeric_readings(text)
    if numeric is not None and not is_iso(text):
        numeric_match, month_first, day_first = numeric
        if month_first and day_first and month_first != day_first:
            if order == "dmy":
                return DateValue(value=day_first, text=numeric_match.group(0), basis="numeric date read day-first")
            basis = "numeric date read month-first" if order == "mdy" else "ambiguous numeric date read month-first (no order given)"
            return DateValue(value=month_first, text=numeric_match.group(0), basis=basis)
        value = month_first or day_first
        if value is not None:
            return DateValue(value=value, text=numeric_match.group(0), basis="numeric date (unambiguous)")
    for name, pattern in ABSOLUTE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("year") is None:
            continue  # month-day without a year: needs a reference date
        year = int(groups["year"])
        month = int(groups["month"]) if groups["month"].isdigit() else month_number(groups["month"])
        if groups.get("day") is None:
            return DateValue(value=dt.date(year, month, 1), precision="month", text=match.group(0), basis="month and year")
        value = safe_date(year, month, int(groups["day"]))
        if value is not None:
            return DateValue(value=value, text=match.group(0), basis=f"absolute date ({name})")
    match = YEAR_ONLY.search(text)
    if match is not None:
        basis = "first year of a range" if match["range"] else "year"
        return DateValue(value=dt.date(int(match["year"]), 1, 1), precision="year", text=match.group(0), basis=basis)
    return None


def is_iso(text: str) -> bool:
    return ABSOLUTE_PATTERNS[0][1].search(text) is not None


def _parse_with_dateparser(text: str) -> DateValue | None:
    try:
        data = _dateparser().get_date_data(text)  # type: ignore[attr-defined]
    except Exception:  # dateparser raises assorted errors on odd input; treat as "no date"
        return None
    if data is None or data.date_obj is None:
        return None
    return DateValue(value=data.date_obj.date(), text=text, basis="absolute date (dateparser)")
