"""Date lines: the short lines a page prints its own date on, in whatever form the site uses.

"Updated 11:02 AM ET, Tue March 3, 2031", "March 3, 2031 | 4:05pm", "Published: 03/03/2031",
"10: 10 AM PDT 6 / 6 / 2013" (text taken from tokenised corpora puts spaces around every
separator). A line is a date line when, once its date, clock times, time zones, weekdays and
publishing labels ("Posted", "Last updated at") are taken away, at most a few capitalised words
are left (a place or an outlet: "Reuters Sep 18, 2031, 2:16PM"). The date itself is read by
briefing.dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing import dates
from briefing.dates.absolute import MONTH, month_number
from briefing.lexicon.calendar import WEEKDAY_ABBREVIATED
from briefing.lexicon.press import PUBLICATION_LABELS

# A date line is short: a date, a time, a zone and a label or two.
MAX_DATE_LINE_WORDS = 16
# Words besides the date, times, zones and labels: a place or an outlet at most.
MAX_OTHER_WORDS = 3

_SPACED_SEPARATOR = re.compile(r"(?<=\d) ?([:/.\-]) ?(?=\d)")
_SPACED_MERIDIEM = re.compile(r"\b([ap])\. ?m\.", re.I)
_YEAR_FIRST = re.compile(r"\b((?:19|20)\d\d)[./](\d{1,2})[./](\d{1,2})\b")
# Clock times: "4:05pm", "11:02 AM", "05.51AM", "8 a.m.", "5:03p", "1052 GMT", "01:19 hrs".
CLOCK_TIME = re.compile(
    r"\b\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?(?:m\b\.?)?|\s*hrs\b)?"
    r"|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?"
    r"|\b\d{3,4}\s*(?=GMT|UTC)",
    re.I,
)
# "GMT+05:00", "(GMT+05: 00)", "ET", "PDT", "BST": a zone, an offset, an all-capitals code.
TIME_ZONE = re.compile(r"\b(?:GMT|UTC)\s*[+\-]\s*\d{1,2}(?::\d{1,2})?|\b[A-Z]{2,5}\b")
# A month and day without the year, maybe followed by a time: "Dec. 24 4:33 AM", "22 JUL".
MONTH_DAY = [
    re.compile(rf"\b{MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})", re.I),
    re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{MONTH}(?!\w)(?!,?\s*\d{{4}})", re.I),
]
WEEKDAY = re.compile(rf"\b{WEEKDAY_ABBREVIATED}(?!\w)", re.I)
_WORD = re.compile(r"[^\W\d_][\w'\u2019.\-]*")


@dataclass(frozen=True)
class DateLine:
    """What a date line says: its date, or a month and day without the year."""

    written: str  # the date as it stands in the compacted line, e.g. "6/6/2013"
    month_day: tuple[int, int] | None  # (month, day) when the line gives no year
    others: tuple[str, ...] = ()  # the words beside the date: a place or an outlet ("Harbour Wire")


def compact(text: str) -> str:
    """ "10: 10 a. m. 6 / 6 / 2013" -> "10:10 a.m. 6/6/2013"; "2013. 08. 08" -> "2013-08-08"."""
    text = _SPACED_SEPARATOR.sub(r"\1", text)
    text = _SPACED_MERIDIEM.sub(r"\1.m.", text)
    return _YEAR_FIRST.sub(r"\1-\2-\3", text)


def read_date_line(text: str) -> DateLine | None:
    """The date line `text` is, or None when it is anything else (a sentence, a headline)."""
    line = compact(text.strip())
    if not line or len(line.split()) > MAX_DATE_LINE_WORDS:
        return None
    month_day: tuple[int, int] | None = None
    parsed = dates.parse_date(line)
    if parsed is not None and parsed.precision == "day":
        written = parsed.text
    else:
        match = next((m for p in MONTH_DAY if (m := p.search(line))), None)
        if match is None or not 1 <= int(match["day"]) <= 31:
            return None
        written = match.group(0)
        month_day = (month_number(match["month"]), int(match["day"]))
    rest = line.replace(written, " ", 1)
    rest = CLOCK_TIME.sub(" ", rest)
    rest = TIME_ZONE.sub(" ", rest)
    rest = WEEKDAY.sub(" ", rest)
    words = [w.strip(".'\u2019-") for w in _WORD.findall(rest)]
    others = tuple(w for w in words if w and w.lower() not in PUBLICATION_LABELS)
    if len(others) > MAX_OTHER_WORDS or any(not w[0].isupper() for w in others):
        return None
    if others and not (re.search(r"[|/(,@\-\u2013\u2014]", rest) or len(others) < len(words)):
        return None  # "Harbour Deal Signed March 3, 2031": a headline with a date, no date line
    return DateLine(written=written, month_day=month_day, others=others)


def is_time_line(text: str) -> bool:
    """A publishing label with a time and no date: "Updated 9: 06 AM ET", "Posted at 4:05pm"."""
    line = compact(text.strip())
    rest = CLOCK_TIME.sub(" ", line, count=1)
    if rest == line:
        return False
    words = [w.lower().strip(".") for w in _WORD.findall(WEEKDAY.sub(" ", TIME_ZONE.sub(" ", rest)))]
    return bool(words) and len(words) <= 4 and all(w in PUBLICATION_LABELS for w in words)
