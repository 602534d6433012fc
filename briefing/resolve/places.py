"""Country names, alternative spellings and demonyms from the countryinfo package's data.

Used to recognise that "US", "U.S.", "USA" and "United States" are one place, that
"American-led" and "Danish" point at a country, and that "America" is the
United States (the last word of exactly one country's long name).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from briefing.names import fold


@dataclass(frozen=True)
class Country:
    name: str
    aliases: frozenset[str]  # folded
    demonyms: frozenset[str]  # folded
    codes: frozenset[str]  # folded ISO alpha-2/alpha-3 codes: only trusted for mentions used as places
    population: int = 0


@dataclass(frozen=True)
class Gazetteer:
    by_alias: dict[str, Country]
    by_code: dict[str, Country]
    by_demonym: dict[str, Country]

    def country(self, name: str, *, as_place: bool) -> Country | None:
        """The country a name denotes; ISO codes ("IS", "IQ") only when the mention is used as a place."""
        key = fold(name)
        found = self.by_alias.get(key)
        if found is None and as_place:
            found = self.by_code.get(key)
        return found

    def demonym(self, word: str) -> Country | None:
        """The country of a demonym: "Danish" -> Denmark, "American" -> United States."""
        key = fold(word)
        found = self.by_demonym.get(key)
        if found is None and key.endswith("s"):
            found = self.by_demonym.get(key[:-1])  # "Kenyans"
        return found


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read every country of countryinfo's bundled data (no network)."""
    countries = []
    data = resources.files("countryinfo") / "data"
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        record = json.loads(entry.read_text(encoding="utf-8"))
        if not record.get("name"):
            continue
        countries.append(_country(record))
    by_alias: dict[str, Country] = {}
    by_code: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    last_words: dict[str, set[str]] = {}
    # When two countries share a name or a demonym ("American"), the more populous one wins.
    countries.sort(key=lambda c: (-c.population, c.name))
    for country in countries:
        for alias in country.aliases:
            by_alias.setdefault(alias, country)
            words = alias.split()
            if len(words) > 1:
                last_words.setdefault(words[-1], set()).add(country.name)
        for code in country.codes:
            by_code.setdefault(code, country)
        for demonym in country.demonyms:
            by_demonym.setdefault(demonym, country)
    named = {c.name: c for c in countries}
    for word, owners in last_words.items():
        # "America" ends only "United States of America": a short name of it.
        if len(owners) == 1 and word not in by_alias and len(word) > 4:
            by_alias[word] = named[next(iter(owners))]
    return Gazetteer(by_alias=by_alias, by_code=by_code, by_demonym=by_demonym)


def _country(record: dict) -> Country:
    names = {record["name"], record.get("nativeName") or ""}
    codes = set()
    for spelling in record.get("altSpellings") or []:
        if len(spelling) <= 3 and spelling.isupper():
            codes.add(spelling)
        else:
            names.add(spelling)
    iso = record.get("ISO") or {}
    codes.update(str(v) for k, v in iso.items() if k in ("alpha2", "alpha3") and v)
    # "UK" is no ISO code but a common short name: 2-letter spellings that are not
    # the ISO alpha-2 code are names.
    alpha2 = str(iso.get("alpha2") or "")
    for code in list(codes):
        if len(code) == 2 and alpha2 and code != alpha2:
            names.add(code)
            codes.discard(code)
    demonyms = {record.get("demonym") or ""}
    return Country(
        name=record["name"],
        aliases=frozenset(fold(n) for n in names if n and fold(n)),
        demonyms=frozenset(fold(d) for d in demonyms if d),
        codes=frozenset(fold(c) for c in codes if c),
        population=int(record.get("population") or 0),
    )
