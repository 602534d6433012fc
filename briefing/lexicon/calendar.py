"""Months and weekdays, in English, as numbers and as regular-expression alternations."""

from __future__ import annotations

import calendar

# "january" and "jan" -> 1 ... ("sept" too): any written month to its number.
MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

# "monday" -> 0 ... "sunday" -> 6 (datetime's weekday()).
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}

# A month written in full or abbreviated (no group, no trailing dot): "jan", "january", "sept", "september".
MONTH_ALTERNATION = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A weekday written in full: "monday|tuesday|...|sunday" (lower case; match with re.I or Title-case it).
WEEKDAY_ALTERNATION = "|".join(WEEKDAYS)
# A weekday in full or abbreviated, with an optional dot: "Tue", "Tues.", "Thursday".
WEEKDAY_ABBREVIATED = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?"
