"""Spellings that vary inside names of places and organisations, folded to one form before
names are compared: "Mt Cook" is "Mount Cook", "X Centre" is "X Center"."""

from __future__ import annotations

# Abbreviations and British/American spellings of name words (folded, no dots).
NAME_WORD_VARIANTS = {
    "mt": "mount",
    "mtn": "mountain",
    "ft": "fort",
    "centre": "center",
    "theatre": "theater",
    "harbour": "harbor",
    "defence": "defense",
    "organisation": "organization",
}
# Words that may follow an institution's name and be left out: "the Halden Police Department" is
# "the Halden Police"; "the Halden Fire Service" is "the Halden Fire".
INSTITUTION_TAILS = {"police": frozenset({"department", "service", "force"}), "fire": frozenset({"department", "service"})}
# Last words of names that are days of the calendar, not actors: "Founders Day", "New Year's Eve".
DAY_NAME_HEADS = frozenset({"day", "eve"})
