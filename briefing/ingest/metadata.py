"""Source metadata: title, outlet, authors and publication date, read from the article itself.

Front matter always wins. Otherwise each field comes from page furniture that
layout.classify_paragraphs recognised, by general conventions:

- outlet: an agency dateline ("CITY (Agency) -"), a "date - by <Organisation>"
  line, a bare organisation line under the title, an author bio ("Having joined
  The X's news team", "is a reporter for X"), a copyright line, and the lines of
  briefing.ingest.outlet_lines (a name beside the date, a print-edition tag, a
  follow prompt). An outlet only
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

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from briefing.ingest import furniture
from briefing.ingest.outlet_lines import outlet_of_date_line, outlet_of_follow_prompt, outlet_of_print_edition
from briefing.ingest.published import infer_dateline_day, infer_published, page_date, page_header
from briefing.lexicon.press import (
    APPEAL_OUTLET,
    AUTHOR_ROLES,
    BIO_OUTLET,
    CLOSING_CREDIT,
    CONTRIBUTION_PATTERNS,
    COPYRIGHT,
    CREDITED_NAMES,
    JOB_TITLE,
    SIGNUP_OUTLET,
    SOURCE_FOOTER,
)
from briefing.model import DateValue, Paragraph, TextDate

# A title read from the lead is cut after this many words.
MAX_TITLE_WORDS = 12
# A wire tag in brackets is a short name: "(Harbour Wire)", not "(a subsidiary of the port authority)".
MAX_TAG_WORDS = 4

AGENCY_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'\u2019\-]{1,40}(?:/[A-Z][A-Z .'\-]{1,30})?"  # CITY or CITY/CITY
    r"(?:,\s*[^()\n]{1,40}?)?"  # ", Mar 4" / ", Country"
    r"\s*\((?P<agency>[A-Z][^()\n]{1,40})\)\s*[-\u2013\u2014:]"
)
# A wire tag in brackets opening the lead, after a place (and date) or alone: "West Ellery,
# Harbourshire (Harbour Wire) The ...", "(HWN) The ...", "ELLERY, March 3 (Harbour Wire) - ...".
LEAD_TAG = re.compile(
    r"^\s*(?:[A-Z][\w.'\u2019\-]*(?:,?\s+[A-Z][\w.'\u2019\-]*){0,5},?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?)?"
    r"\((?P<agency>[A-Z][^()\d\n]{0,38}?)\)\s*[-\u2013\u2014:]?\s*(?=[A-Z\"\u201c])"
)
NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


@dataclass(frozen=True)
class SourceMetadata:
    """What ingest knows about a source besides its text."""

    title: str
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: DateValue | None = None
    republished_from: str | None = None
    dateline_day: str | None = None
    published_in_text: TextDate | None = None


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
    in_text = None
    if isinstance(published, DateValue):
        in_text = disagreeing_page_date(paragraphs, published)
        if in_text is not None:  # the source page shows the basis beside the date
            note = f"; the page's own date line says {in_text.value.isoformat()} ({in_text.text})"
            published = published.model_copy(update={"basis": (published.basis or "front matter") + note})
    else:
        published = infer_published(paragraphs)
    return SourceMetadata(
        title=front_matter.get("title") or infer_title(paragraphs),
        outlet=outlet,
        authors=list(authors),
        published=published,
        republished_from=republished_from,
        dateline_day=infer_dateline_day(paragraphs) if published is None else None,
        published_in_text=in_text,
    )


def disagreeing_page_date(paragraphs: list[Paragraph], published: DateValue) -> TextDate | None:
    """The page's own date line, when it gives another day than the front matter."""
    own = page_date(paragraphs)
    if own is None or own[0].precision != "day" or own[0].value == published.value:
        return None
    date, line = own
    return TextDate(value=date.value, anchor=line.anchor, text=date.text or line.text)


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
    if len(words) > MAX_TITLE_WORDS:
        return " ".join(words[:MAX_TITLE_WORDS]).rstrip(",;:") + "\u2026"
    return sentence.rstrip(".")


def _strip_markdown(text: str) -> str:
    return re.sub(r"^#{1,6}\s+", "", text).strip()


# --------------------------------------------------------------------- outlet


def infer_outlet(paragraphs: list[Paragraph]) -> str | None:
    """The outlet that published the report, or None when the page does not say.

    The page's own lines are asked in order of trust: a "date - by X" line, the byline, a name
    beside the page's date, an agency dateline of the lead, an author bio, a "Source:" footer, a
    copyright note, a print-edition tag, a closing credit, an appeal or sign-up block, a follow prompt.
    """
    header = page_header(paragraphs)
    for find in (_outlet_of_dateline, _outlet_of_byline):
        outlet = find(header)
        if outlet is not None:
            return outlet
    for find_in_page in (
        outlet_of_date_line, _outlet_of_agency_dateline, _outlet_of_bio, _outlet_of_footer, _outlet_of_copyright,
        outlet_of_print_edition, _outlet_of_closing_credit, _outlet_of_appeal, outlet_of_follow_prompt,
    ):
        outlet = find_in_page(paragraphs)
        if outlet is not None:
            return outlet
    return None


def _outlet_of_dateline(header: list[Paragraph]) -> str | None:
    for p in header:
        if p.kind == "dateline":
            by = _by_part(p.text)
            # "By Agencies (Harbour Herald)": agency copy that the outlet in brackets carried.
            carried = re.match(r"^[^()]+?\s*\((?P<outlet>[^()]+)\)$", by or "")
            if carried and furniture.looks_like_organisation(carried["outlet"]):
                return carried["outlet"].strip()
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
        match = AGENCY_DATELINE.match(p.text) or LEAD_TAG.match(p.text)
        if match is None or re.search(r"\d", match["agency"]) or len(match["agency"].split()) > MAX_TAG_WORDS:
            continue
        if not _abbreviates(p.text[: match.start("agency")], match["agency"]):
            return match["agency"].strip()
    return None


def _abbreviates(before: str, tag: str) -> bool:
    """ "Harbour Naval Service (HNS)", "the Harbour Authority (Authority)": the brackets give a short
    name of the words before them, not the wire that filed the report."""
    words = re.findall(r"[A-Za-z][\w'\u2019\-]*", before)
    capitals = "".join(w[0] for w in words if w[0].isupper())
    short = re.sub(r"[^A-Za-z]", "", tag)
    return bool(short) and (
        capitals.upper().endswith(short.upper()) or any(w.lower().startswith(short.lower()) for w in words)
    )


def _outlet_of_closing_credit(paragraphs: list[Paragraph]) -> str | None:
    """ "— The Harbour Wire" closing the report (a credit line of its own)."""
    for p in reversed(paragraphs[-3:]):
        match = CLOSING_CREDIT.match(p.text.strip())
        if match and p.kind == "credit":
            return match["outlet"].strip()
    return None


def _outlet_of_appeal(paragraphs: list[Paragraph]) -> str | None:
    """A tip-off appeal names its newsroom ("a story for The Harbour Herald news team") or gives
    the address of its writers ("Contact the writer at dana@harbourherald.example"); a sign-up
    block names the outlet whose newsletters it offers."""
    for p in paragraphs:
        named_in_signup = next((m for pattern in SIGNUP_OUTLET if (m := pattern.search(p.text))), None)
        if p.kind == "signup" and named_in_signup:
            return _clean_outlet(named_in_signup["outlet"])
        if p.kind != "appeal":
            continue
        named = APPEAL_OUTLET.search(p.text)
        if named:
            return _clean_outlet(named["outlet"])
        address = re.search(r"\b[\w.+\-]+@(?:www\.)?(?P<domain>[a-z0-9\-]+(?:\.[a-z0-9\-]+)+)\b", p.text, re.I)
        if address:
            return address["domain"].lower()
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
    for p in page_header(paragraphs) + [p for p in paragraphs if p.kind == "byline" and p not in page_header(paragraphs)]:
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
