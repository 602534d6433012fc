"""Outlets that a page's furniture names besides its bylines and credits: the name printed beside
the page's date ("Harbour Wire | March 3, 2031"), the print-edition tag ("(Harbour Herald Weekly
03/04/2031 page1)"), a prompt to follow the outlet ("Like Harbour Herald World on Facebook").
"""

from __future__ import annotations

import re

from briefing.ingest.date_lines import read_date_line
from briefing.ingest.furniture import looks_like_organisation, looks_like_person
from briefing.ingest.published import page_date_lines
from briefing.lexicon.press import FOLLOW, MEDIA_WORD, PRINT_EDITION_TAG, WIRE_AGENCIES
from briefing.model import Paragraph

# "Like Harbour Herald World on Facebook": the page followed, maybe one of the outlet's desks.
FOLLOWED = re.compile(r"^(?i:like|follow|check)\s+(?P<name>[A-Z][\w&.'\u2019\-]*(?:\s+[A-Z][\w&.'\u2019\-]*){0,5})\s+(?i:out\s+)?(?i:on|in)\s")


def outlet_of_date_line(paragraphs: list[Paragraph]) -> str | None:
    """ "Harbour Wire Mar 3, 2031, 2:16PM", "The Harbour Herald | March 3, 2031": the page's date
    line names its outlet beside the date (a place, "ELLERY, March 3", is no outlet)."""
    for p in page_date_lines(paragraphs):
        line = read_date_line(p.text) if p.kind == "dateline" else None
        if line is None or not line.others:
            continue
        name = " ".join(line.others)
        if (MEDIA_WORD.search(name) and looks_like_organisation(name)) or name in WIRE_AGENCIES:
            return name
    return None


def outlet_of_print_edition(paragraphs: list[Paragraph]) -> str | None:
    """ "(Harbour Herald Weekly 03/04/2031 page1)": the paper the report ran in."""
    for p in paragraphs:
        match = PRINT_EDITION_TAG.match(p.text.strip()) if p.kind == "note" else None
        if match:
            return match["outlet"]
    return None


def outlet_of_follow_prompt(paragraphs: list[Paragraph]) -> str | None:
    """ "Like Harbour Herald World on Facebook" -> "Harbour Herald": the outlet that asks to be
    followed, without the desk named after its media word; a person's name is a journalist's page."""
    for p in paragraphs:
        if p.kind != "share" or not FOLLOW.match(p.text):
            continue
        match = FOLLOWED.match(p.text)
        if match is None or match["name"].lower() in ("us", "me"):
            continue
        name = match["name"]
        media = list(MEDIA_WORD.finditer(name))
        if media:
            name = name[: media[-1].end()]
        if looks_like_organisation(name) and not looks_like_person(name):
            return name
    return None
