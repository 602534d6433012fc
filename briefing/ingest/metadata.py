"""Source metadata: title, outlet, authors and publication date, read from the article itself.

Front matter always wins. Otherwise each field comes from page furniture that
layout.classify_paragraphs recognised, by general conventions:

- outlet: an agency dateline ("CITY (Agency) -"), a "date - by <Organisation>"
  line, a bare organisation line under the title, an author bio ("Having joined
  The X's news team", "is a reporter for X"), a copyright line. An outlet only
  cited in the body ("told the Daily Planet") is never the source's outlet.
  Republication (an advocacy preamble or a fair-use notice around a "by
  <Organisation>" report): `outlet` is the original outlet, the one to cite, and
  `republished_from` repeats it to flag that this page is a copy of its report.
- authors: "By A and B", a bare name line under the title, "date - by A",
  "Reporting by ...; Writing by ..." credits (not editing), the name of a bio.
- published: the page's own date (dateline, "Updated:", byline date) before a
  note's "updated ... on <date>", before photo-caption dates, before an inner
  dateline of the republished text. Numeric dates are settled month/day-first by
  textual dates elsewhere in the article, then by the weekdays of the lead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from briefing import dates
from briefing.ingest import furniture
from briefing.lexicon.calendar import MONTHS, WEEKDAYS
from briefing.lexicon.press import AUTHOR_ROLES, BIO_OUTLET, CONTRIBUTION_PATTERNS, COPYRIGHT, CREDITED_NAMES, JOB_TITLE, SOURCE_FOOTER
from briefing.model import DateValue, Paragraph, Source

TITLE_WORDS = 12

# "CITY, Feb 14 (Agency) -": a month and day without the year.
DATELINE_DAY = re.compile(
    r"^\s*[A-Z][A-Z .'\u2019\-]{1,40},\s*(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})\s*\([^()]+\)\s*[-\u2013\u2014:]"
)
AGENCY_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'\u2019\-]{1,40}(?:/[A-Z][A-Z .'\-]{1,30})?"  # CITY or CITY/CITY
    r"(?:,\s*[^()\n]{1,40}?)?"  # ", Mar 4" / ", Country"
    r"\s*\((?P<agency>[A-Z][^()\n]{1,40})\)\s*[-\u2013\u2014:]"
)
NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
WEEKDAY = re.compile(rf"\b({'|'.join(day.capitalize() for day in WEEKDAYS)})\b")
PAGE_DATE_KINDS = ("dateline", "byline")


@dataclass(frozen=True)
class SourceMetadata:
    """What ingest knows about a source besides its text."""

    title: str
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: DateValue | None = None
    republished_from: str | None = None
    dateline_day: str | None = None


def infer_metadata(text: str, paragraphs: list[Paragraph], front_matter: Mapping[str, Any]) -> SourceMetadata:
    """Title, outlet, authors and publication date: front matter first, then evidence in the text."""
    del text  # paragraphs carry the text; kept in the signature for callers and future rules
    # Rules read paragraphs without Markdown marks ("**By Jane Doe**", "# Title").
    paragraphs = [p.model_copy(update={"text": furniture.plain_text(p.text)}) for p in paragraphs]
    republished = _is_republication(paragraphs)
    outlet = front_matter.get("outlet") or infer_outlet(paragraphs)
    republished_from = front_matter.get("republished_from") or (outlet if republished and outlet else None)
    authors = front_matter.get("authors")
    if authors is None:
        authors = infer_authors(paragraphs)
    published = front_matter.get("published")
    if not isinstance(published, DateValue):
        published = infer_published(paragraphs)
    return SourceMetadata(
        title=front_matter.get("title") or infer_title(paragraphs),
        outlet=outlet,
        authors=list(authors),
        published=published,
        republished_from=republished_from,
        dateline_day=infer_dateline_day(paragraphs) if published is None else None,
    )


# ---------------------------------------------------------------------- title


def infer_title(paragraphs: list[Paragraph]) -> str:
    """The headline (without a "LABEL: " prefix when the page repeats it bare), else the lead's start."""
    headlines = [p.text for p in paragraphs if p.kind == "headline"]
    if headlines:
        first = _strip_markdown(headlines[0])
        repeats = [h for h in headlines[1:] if furniture.repeats_headline(h, first) and len(h) < len(first)]
        return _strip_markdown(repeats[0]) if repeats else first
    body = [p.text for p in paragraphs if p.kind == "body"]
    if not body:
        return ""
    lead = AGENCY_DATELINE.sub("", body[0]).strip()
    lead = re.sub(r"^\(?[^()\n]{0,30}\d{4}\)?\s*[-\u2013\u2014]\s*", "", lead)  # "(March 3, 2021) - "
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])", lead, maxsplit=1)[0].strip()
    words = sentence.split()
    if len(words) > TITLE_WORDS:
        return " ".join(words[:TITLE_WORDS]).rstrip(",;:") + "\u2026"
    return sentence.rstrip(".")


def _strip_markdown(text: str) -> str:
    return re.sub(r"^#{1,6}\s+", "", text).strip()


# --------------------------------------------------------------------- outlet


def infer_outlet(paragraphs: list[Paragraph]) -> str | None:
    """The outlet that published the report, or None when the page does not say.

    The page's own lines are asked in order of trust: a "date - by X" line, the byline, an
    agency dateline of the lead, an author bio, a "Source:" footer, a copyright note.
    """
    header = _header(paragraphs)
    for find in (_outlet_of_dateline, _outlet_of_byline):
        outlet = find(header)
        if outlet is not None:
            return outlet
    for find in (_outlet_of_agency_dateline, _outlet_of_bio, _outlet_of_footer, _outlet_of_copyright):
        outlet = find(paragraphs)
        if outlet is not None:
            return outlet
    return None


def _outlet_of_dateline(header: list[Paragraph]) -> str | None:
    for p in header:
        if p.kind == "dateline":
            by = _by_part(p.text)
            if by and furniture.looks_like_organisation(by):
                return by
    return None


def _outlet_of_byline(header: list[Paragraph]) -> str | None:
    for p in header:
        if p.kind == "byline":
            text = _without_job_title(p.text)
            trailer = _byline_trailer(text)
            if trailer:
                return trailer
            name = re.sub(r"^by\s+", "", text, flags=re.I).strip()
            _, agency = split_byline(name)
            if agency:
                return agency
            if furniture.looks_like_organisation(name) and not furniture.looks_like_person(name):
                return name
    return None


def _outlet_of_agency_dateline(paragraphs: list[Paragraph]) -> str | None:
    for p in [p for p in paragraphs if p.kind == "body"][:2]:
        match = AGENCY_DATELINE.match(p.text)
        if match and not re.search(r"\d", match["agency"]):
            return match["agency"].strip()
    return None


def _outlet_of_bio(paragraphs: list[Paragraph]) -> str | None:
    for p in paragraphs:
        if p.kind == "bio":
            for pattern in BIO_OUTLET:
                match = pattern.search(p.text)
                if match:
                    return _clean_outlet(match["outlet"])
    return None


def _outlet_of_footer(paragraphs: list[Paragraph]) -> str | None:
    for p in reversed(paragraphs[-3:]):
        match = SOURCE_FOOTER.match(p.text.strip())
        if match and p.kind != "body" or match and len(p.text.split()) <= 8:
            return _clean_outlet(match["outlet"])
    return None


def _outlet_of_copyright(paragraphs: list[Paragraph]) -> str | None:
    for p in paragraphs:
        if p.kind == "note":
            match = COPYRIGHT.match(p.text)
            if match:
                owner = re.sub(r"\s*all rights reserved.*$", "", match["owner"], flags=re.I).strip(" ,")
                if furniture.looks_like_organisation(owner) or owner.lower().startswith("the "):
                    return owner
    return None


def _clean_outlet(name: str) -> str:
    name = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", name.strip())
    return name[0].upper() + name[1:] if name else name


def _header(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs before the first body paragraph (title block), plus datelines/bylines anywhere in it."""
    result = []
    for p in paragraphs:
        if p.kind == "body":
            break
        result.append(p)
    return result


def _without_job_title(text: str) -> str:
    """ "By Jane Doe, Political Correspondent" -> "By Jane Doe"."""
    head, _, tail = text.rpartition(",")
    return head.strip() if head and JOB_TITLE.match(tail.strip(" .")) else text


def _by_part(text: str) -> str | None:
    match = re.search(r"\bby\s+(.+)$", text, re.I)
    return match.group(1).strip(" .") if match else None


def _byline_trailer(text: str) -> str | None:
    """ "By Jane Doe, The Daily Planet" / "By Jane Doe | Agency": the organisation after the names."""
    parts = re.split(r"\s*[,|\u2013\u2014]\s*", re.sub(r"^by\s+", "", text, flags=re.I))
    if len(parts) > 1 and furniture.looks_like_organisation(parts[-1]) and not furniture.looks_like_person(parts[-1]):
        return parts[-1].strip()
    return None


def _is_republication(paragraphs: list[Paragraph]) -> bool:
    kinds = {p.kind for p in paragraphs}
    fair_use = any(p.kind == "note" and re.search(r"posted in accordance with|fair use", p.text, re.I) for p in paragraphs)
    return "preamble" in kinds or fair_use


# -------------------------------------------------------------------- authors


def infer_authors(paragraphs: list[Paragraph]) -> list[str]:
    """The journalists, in order of first appearance, without duplicates."""
    names: list[str] = []
    for p in _header(paragraphs) + [p for p in paragraphs if p.kind == "byline" and p not in _header(paragraphs)]:
        if p.kind == "byline":
            body = re.sub(r"^by\s+", "", _without_job_title(p.text), flags=re.I)
            person, agency = split_byline(body)
            if agency:
                names.append(person)
                continue
            names += [n for n in _split_names(body) if furniture.looks_like_person(n)]
        elif p.kind == "dateline":
            by = _by_part(p.text)
            if by and not furniture.looks_like_organisation(by):
                names += [n for n in _split_names(by) if furniture.looks_like_person(n)]
    for p in paragraphs:
        if p.kind != "credit":
            continue
        for match in CREDITED_NAMES.finditer(p.text):
            if match["role"].lower() in AUTHOR_ROLES:
                names += [n for n in _split_names(match["names"]) if furniture.looks_like_person(n)]
        for pattern in CONTRIBUTION_PATTERNS:
            for match in pattern.finditer(p.text):
                names += [n for n in _split_names(match["names"]) if furniture.looks_like_person(n)]
    for p in paragraphs:
        if p.kind == "bio":
            name = re.split(r"\s+(?:is|was|has been|covers|writes)\b", p.text, maxsplit=1)[0].strip()
            if furniture.looks_like_person(name):
                names.append(name)
    seen: set[str] = set()
    unique = []
    for name in names:
        key = re.sub(r"\W+", " ", name).strip().lower()
        if key and key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


def split_byline(text: str) -> tuple[str, str | None]:
    """ "MARTA LINDQVIST Associated Press" -> ("Marta Lindqvist", "Associated Press"): a person's
    name followed by the organisation they write for, without a separator (agency style)."""
    words = text.strip(" ,.;:").split()
    for k in range(2, min(5, len(words))):
        names = words[:k]
        # An ALL-CAPS name is a typographic style ("JANE DOE"); one capital word among others is an acronym.
        if all(w.isupper() for w in names):
            names = [w.title() for w in names]
        person = " ".join(names).strip(" ,;")
        agency = " ".join(words[k:]).strip(" ,;")
        if len(words[k:]) < 2 and not agency.isupper():
            continue  # "BBC World | News": a lone word is not an organisation's name
        if furniture.looks_like_person(person) and furniture.looks_like_organisation(agency) and not furniture.looks_like_person(agency):
            return person, agency
    return text, None


def _split_names(text: str) -> list[str]:
    text = re.sub(r"\s*[|\u2013\u2014].*$", "", text.strip().rstrip(".)"))
    names = []
    for part in NAME_SPLIT.split(text):
        part = re.sub(r"\s+(?:in|from)\s+[A-Z][\w .'\u2019\-]*$", "", part.strip())  # "Jane Doe in City"
        part = part.strip(" ,.;:")
        if part:
            names.append(part)
    return names


# ------------------------------------------------------------------ published


def infer_published(paragraphs: list[Paragraph]) -> DateValue | None:
    """The publication date with its basis, or None when the text gives no date."""
    header = _header(paragraphs)
    textual = _textual_dates(paragraphs)
    weekdays = _lead_weekdays(paragraphs)
    for p in header:
        if p.kind in PAGE_DATE_KINDS:
            found = _date_in(p.text, textual, weekdays, "page date line")
            if found is not None:
                return found
    for p in paragraphs:
        if p.kind == "note" and re.search(r"\b(?:updated|published|posted)\b", p.text, re.I):
            found = _date_in(p.text, textual, weekdays, "update note")
            if found is not None:
                return found
    captions = [p for p in paragraphs if p.kind == "caption"]
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
    """ "CITY, Feb 14 (Agency) -" -> "02-14": a day the page gives without its year."""
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
    match = re.search(furniture.DATE_TEXT, text, re.I)
    if match is None:
        return None
    written = match.group(0)
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
