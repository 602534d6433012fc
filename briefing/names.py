"""Names as strings: cleaning, titles, and the normalised keys that resolution compares.

Pure string functions shared by extract and resolve; no spaCy here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from briefing.lexicon.titles import NAME_PARTICLES, TITLE_WORDS

POSSESSIVE = re.compile(r"[’']s?$")
EDGE_JUNK = "\"'“”‘’`´«»()[]{}<>.,;:!?*•·–—-_/\\|#@ \t\n"
LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
APOSTROPHES = "’‘`´ʼʻ'"


def clean_name(text: str) -> tuple[str, int]:
    """Strip a leading article, a possessive and edge punctuation; return (name, offset of name in text)."""
    original = text
    text = text.rstrip()
    text = POSSESSIVE.sub("", text) if len(text) > 3 else text
    stripped = text.lstrip(EDGE_JUNK)
    offset = len(text) - len(stripped)
    article = LEADING_ARTICLE.match(stripped)
    if article:
        offset += article.end()
        stripped = stripped[article.end() :]
    stripped = stripped.rstrip(EDGE_JUNK.replace(".", ""))
    # keep the dot of an initial or abbreviation ("U.S.", "Joe L."), drop a sentence dot
    if stripped.endswith(".") and not re.search(r"(\b\w|\.\w)\.$", stripped):
        stripped = stripped[:-1]
    assert original[offset : offset + len(stripped)] == stripped
    return stripped, offset


def split_title(text: str) -> tuple[str | None, str]:
    """Split leading title words off a name: "Maj. Gen. Jane Roe" -> ("Maj. Gen.", "Jane Roe")."""
    words = text.split(" ")
    i = 0
    while i < len(words) - 1 and words[i].rstrip(".").lower() in TITLE_WORDS and words[i][:1].isupper():
        i += 1
    if i == 0:
        return None, text
    return " ".join(words[:i]), " ".join(words[i:])


@lru_cache(maxsize=1 << 17)  # the same names are folded over and over while resolving
def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes, hyphens and dots as spaces: the comparison form."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for ch in APOSTROPHES:
        text = text.replace(ch, "")
    text = re.sub(r"(?<=\b\w)\.(?=\w\.)|(?<=\.\w)\.", "", text)  # U.S. -> US
    text = re.sub(r"[-‐‑–—./]", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def name_tokens(text: str) -> list[str]:
    """Folded tokens of a name without particles: "Moqtada al-Sadr" -> ["moqtada", "sadr"]."""
    return [t for t in fold(text).split() if t not in NAME_PARTICLES]


def acronym(text: str) -> str:
    """Initials of the capitalised words: "Islamic State" -> "IS"; "" for one word."""
    words = [w for w in re.split(r"[\s-]+", text) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
