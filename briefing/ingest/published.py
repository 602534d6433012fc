"""The publication date a page gives itself: its date line or byline date, a note's "updated ...
on <date>", the print edition's date, photo-caption dates, the dateline of the report; numeric dates settled month- or
day-first by the article's textual dates, then by the weekdays of its lead. And, across sources,
the year of a dateline that gives only a month and day.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing import dates
from briefing.ingest import furniture
from briefing.ingest.date_lines import compact, read_date_line
from briefing.lexicon.calendar import MONTHS, WEEKDAYS
from briefing.lexicon.press import PRINT_EDITION_DATE
from briefing.model import DateValue, Discrepancy, Paragraph, Source, Version
from briefing.slugs import slugify_id

# "CITY, Feb 14 (Agency) -": a month and day without the year.
DATELINE_DAY = re.compile(
    r"^\s*[A-Z][A-Z .'\u2019\-]{1,40},\s*(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})\s*\([^()]+\)\s*[-\u2013\u2014:]"
)
# A weekday written out in the lead ("on Sunday"): which numeric reading of a date it fits.
WEEKDAY = re.compile(rf"\b({'|'.join(day.capitalize() for day in WEEKDAYS)})\b")
# "FILE - In this March 3, 2031, file photo, ...": a picture from the archive.
FILE_PICTURE = re.compile(r"^FILE\b|\b(?:file|archive) (?:photo|picture|image)\b", re.I)
# Header lines that carry the page's own date.
PAGE_DATE_KINDS = ("dateline", "byline")
# A date line under a standfirst still dates the page: it may follow this many body paragraphs.
MAX_BODY_BEFORE_DATE_LINE = 2


def page_header(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs before the first body paragraph (title block), plus datelines/bylines anywhere in it."""
    result = []
    for p in paragraphs:
        if p.kind == "body":
            break
        result.append(p)
    return result


def page_date_lines(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The header's date lines and bylines, then date lines under a standfirst that reads like
    reporting (at most MAX_BODY_BEFORE_DATE_LINE body paragraphs above them)."""
    header = page_header(paragraphs)
    found = [p for p in header if p.kind in PAGE_DATE_KINDS]
    bodies = 0
    for p in paragraphs[len(header) :]:
        if p.kind == "body":
            bodies += 1
            if bodies > MAX_BODY_BEFORE_DATE_LINE:
                break
        elif p.kind == "dateline":
            found.append(p)
    return found


def page_date(paragraphs: list[Paragraph]) -> tuple[DateValue, Paragraph] | None:
    """The date the page prints for itself (its first date line that gives one), with that line."""
    textual = _textual_dates(paragraphs)
    weekdays = _lead_weekdays(paragraphs)
    for p in page_date_lines(paragraphs):
        found = _date_in(p.text, textual, weekdays, "page date line")
        if found is not None:
            return found, p
    return None


def infer_published(paragraphs: list[Paragraph]) -> DateValue | None:
    """The publication date with its basis, or None when the text gives no date."""
    own = page_date(paragraphs)
    if own is not None:
        return own[0]
    textual = _textual_dates(paragraphs)
    weekdays = _lead_weekdays(paragraphs)
    for p in paragraphs:
        if p.kind == "note" and re.search(r"\b(?:updated|published|posted)\b", p.text, re.I):
            found = _date_in(p.text, textual, weekdays, "update note")
            if found is not None:
                return found
    for p in paragraphs:  # the paper's date: the day of the report or the morning after it
        if p.kind == "note" and (furniture.is_print_edition(p.text) or PRINT_EDITION_DATE.search(p.text)):
            found = _date_in(p.text, textual, weekdays, "print edition")
            if found is not None:
                return found
    # A file photo was taken before the report: its date is not the page's.
    captions = [p for p in paragraphs if p.kind == "caption" and not FILE_PICTURE.search(p.text)]
    caption_dates = [d for d in (_date_in(p.text, textual, weekdays, "photo caption") for p in captions) if d and d.precision == "day"]
    if caption_dates:
        latest = max(caption_dates, key=lambda d: d.value)
        checked = _check_against_lead(latest, weekdays)
        if checked is not None:
            return checked
    for p in [p for p in paragraphs if p.kind == "body"][:1]:
        head = p.text[:80]
        found = _date_in(head, textual, weekdays, "dateline of the report")
        if found is not None and re.search(r"^\W*(?:[A-Z][A-Z .,'\-]*)?[^a-z]{0,40}" + re.escape(found.text), head):
            return found
    return None


# A dateline without a year is dated from the other sources only when they are this close.
MAX_YEAR_GUESS_DAYS = 45


def infer_dateline_day(paragraphs: list[Paragraph]) -> str | None:
    """ "CITY, Feb 14 (Agency) -" or a date line "Feb. 14 4:33 PM EST" -> "02-14": a day the page
    gives without its year."""
    for p in page_date_lines(paragraphs):
        line = read_date_line(p.text)
        if line is not None and line.month_day is not None:
            return f"{line.month_day[0]:02d}-{line.month_day[1]:02d}"
    for p in [p for p in paragraphs if p.kind == "body"][:1]:
        match = DATELINE_DAY.match(p.text)
        month = MONTHS.get(match["month"][:3].lower()) if match else None
        if match and month and 1 <= int(match["day"]) <= 31:
            return f"{month:02d}-{int(match['day']):02d}"
    return None


def complete_years(sources: list[Source]) -> list[Source]:
    """Date a source whose dateline gives a day but no year with the year that puts it nearest
    the publication dates of the other sources (a story's reports are days apart)."""
    known = sorted(s.published for s in sources if s.published)
    if not known:
        return sources
    result = []
    for source in sources:
        if source.published or not source.dateline_day:
            result.append(source)
            continue
        month, day = (int(x) for x in source.dateline_day.split("-"))
        candidates = []
        for year in sorted({d.year + delta for d in known for delta in (-1, 0, 1)}):
            try:
                value = dt.date(year, month, day)
            except ValueError:
                continue
            nearest = min(known, key=lambda d: abs((d - value).days))
            candidates.append((abs((nearest - value).days), value, nearest))
        best = min(candidates, default=None)
        if best is None or best[0] > MAX_YEAR_GUESS_DAYS:
            result.append(source)
            continue
        basis = f"dateline {best[1]:%b} {day} without a year; the year of the other sources (nearest {best[2].isoformat()})"
        result.append(source.model_copy(update={"published": best[1], "published_basis": basis}))
    return result


def _textual_dates(paragraphs: list[Paragraph]) -> set[dt.date]:
    """Dates written with a month name anywhere in the furniture or lead (unambiguous evidence)."""
    found = set()
    for p in paragraphs:
        for match in re.finditer(furniture.DATE_TEXT, p.text, re.I):
            if re.search(r"[A-Za-z]{3}", match.group(0)):
                value = dates.parse_date(match.group(0))
                if value is not None and value.precision == "day":
                    found.add(value.value)
    return found


def _lead_weekdays(paragraphs: list[Paragraph]) -> list[tuple[str, int]]:
    """Weekday names in the lead (first body paragraph, else the next two), without "next"/"last" ones."""
    body = [p.text for p in paragraphs if p.kind == "body"]
    for chunk in (body[:1], body[1:3]):
        names = []
        for text in chunk:
            for match in WEEKDAY.finditer(text):
                before = text[max(0, match.start() - 12) : match.start()].lower()
                if re.search(r"\b(?:next|last|coming|until|by)\s+$", before):
                    continue
                names.append((match.group(1), WEEKDAYS[match.group(1).lower()]))
        if names:
            return names
    return []


def _date_in(text: str, textual: set[dt.date], weekdays: list[tuple[str, int]], where: str) -> DateValue | None:
    text = compact(text)  # "6 / 6 / 2013" as tokenised corpora write it
    match = re.search(furniture.DATE_TEXT, text, re.I)
    if match is not None:
        written = match.group(0)
    else:
        line = read_date_line(text)  # forms DATE_TEXT does not know: "November 27 - 2031 at 16:12"
        if line is None or line.month_day is not None:
            return None
        written = line.written
    readings = dates.numeric_readings(written)
    if readings is None or re.search(r"[A-Za-z]{3}", written) or re.match(r"\d{4}-", written):
        parsed = dates.parse_date(written)
        if parsed is None:
            return None
        return parsed.model_copy(update={"text": written, "basis": f"{where}: {written}"})
    _, month_first, day_first = readings
    if month_first is None or day_first is None or month_first == day_first:
        value = month_first or day_first
        return DateValue(value=value, text=written, basis=f"{where}: numeric {written}") if value else None
    for reading, label in ((month_first, "month-first"), (day_first, "day-first")):
        if reading in textual:
            return DateValue(value=reading, text=written, basis=f"{where}: numeric {written} read {label}: matches a date written out in the article")
    if weekdays:
        def lag(day: dt.date) -> int:
            return sum((day.weekday() - index) % 7 for _, index in weekdays)

        if lag(month_first) != lag(day_first):
            best, label = (month_first, "month-first") if lag(month_first) < lag(day_first) else (day_first, "day-first")
            return DateValue(value=best, text=written, basis=f"{where}: numeric {written} read {label}: weekday '{weekdays[0][0]}' in the lead")
    return DateValue(value=month_first, text=written, basis=f"{where}: numeric {written} read month-first (no other evidence)")


def _check_against_lead(value: DateValue, weekdays: list[tuple[str, int]]) -> DateValue | None:
    """A caption date stands for publication if the lead's weekday falls on it or a day or two before."""
    if not weekdays:
        return value.model_copy(update={"basis": value.basis + " (no weekday in the lead to check)"})
    name, index = weekdays[0]
    back = (value.value.weekday() - index) % 7
    if back <= 2:
        return value.model_copy(update={"basis": value.basis + f"; consistent with '{name}' in the lead"})
    ahead = (index - value.value.weekday()) % 7
    if ahead <= 2:
        moved = value.value + dt.timedelta(days=ahead)
        return DateValue(value=moved, text=value.text, basis=value.basis + f"; moved to '{name}' of the lead, {ahead} day(s) after the photo")
    return None


def publication_discrepancies(sources: list[Source]) -> list[Discrepancy]:
    """One discrepancy per source whose own date line gives another day than its front matter (or
    page metadata): the date used stands, and the reader sees both."""
    found = []
    for source in sources:
        own = source.published_in_text
        if own is None or source.published is None:
            continue
        set_by = re.split(r"[;:]", source.published_basis or "front matter")[0]
        found.append(
            Discrepancy(
                id=slugify_id(f"date published {source.id}"),
                kind="date",
                subject=source.id,
                title=f"Published: {source.title}",
                versions=[
                    Version(source=source.id, anchor="", text=f"Date set in {set_by}", value=source.published.isoformat()),
                    Version(source=source.id, anchor=own.anchor, text=f"The page's date line: {own.text}", value=own.value.isoformat()),
                ],
            )
        )
    return found
