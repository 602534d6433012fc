"""What an actor page says about the actor first: its other spellings and its roles, each once.

Extraction keeps every spelling as written ("NATO", "Nato"; "Prime Minister", "caretaker prime
minister"); a reader wants each name and each office once, with every sentence that gives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.lexicon.roles import OFFICE_SPELLINGS
from briefing.lexicon.titles import HONORIFICS
from briefing.model import Actor, Role
from briefing.names import APOSTROPHES, fold
from briefing.render.lookup import Lookup
from briefing.render.views import Link


@dataclass(frozen=True)
class RoleView:
    """One office and its spellings (the plainest first), with each sentence that gives it."""

    texts: list[str]
    citations: list[tuple[Link, Link]]  # (source, sentence)


def other_names(actor: Actor) -> list[str]:
    """The actor's aliases other than its name, one per spelling that differs beyond case and punctuation."""
    seen = {fold(actor.name)}
    names = []
    for alias in actor.aliases:
        if fold(alias) not in seen:
            seen.add(fold(alias))
            names.append(alias)
    return names


def search_names(actor: Actor) -> list[str]:
    """The names search should find the page by, beyond its title: every other name, and each
    written without an apostrophe inside a word as well ("Kel’vor" is also typed "Kelvor")."""
    names = other_names(actor)
    bare = [_INNER_APOSTROPHE.sub("", name) for name in names + [actor.name]]
    return list(dict.fromkeys([*names, *(name for name in bare if fold(name) and name not in names + [actor.name])]))


_INNER_APOSTROPHE = re.compile(rf"(?<=\w)[{APOSTROPHES}](?=\w\w)")


def office_words(text: str) -> list[str]:
    """A role's words as compared: folded, abbreviations and synonyms of an office spelt out
    ("caretaker premier" -> caretaker prime minister); none for a bare honorific ("Mr")."""
    words = fold(text).split()
    if all(w in HONORIFICS for w in words):
        return []
    return " ".join(OFFICE_SPELLINGS.get(w, w) for w in words).split()


def merged_roles(lookup: Lookup, actor: Actor) -> list[RoleView]:
    """The actor's roles, one per office: spellings that differ in case or spell the office otherwise
    are one, a role that ends with another's words ("caretaker prime minister", "Prime Minister")
    joins it, and a courtesy title alone ("Mr") is no role."""
    roles = sorted(actor.roles, key=lambda r: (len(office_words(r.text)), fold(r.text),
                                               lookup.source_sort_key(r.source), r.anchor))
    groups: list[tuple[list[str], list[Role]]] = []  # (office words of the plainest spelling, its roles)
    for role in roles:
        words = office_words(role.text)
        if not words:
            continue
        group = next((g for g in groups if words[-len(g[0]):] == g[0]), None)
        if group is None:
            groups.append((words, [role]))
        else:
            group[1].append(role)
    views = []
    for _, members in groups:
        texts: dict[str, str] = {}
        for role in members:
            texts.setdefault(fold(role.text), role.text)
        citations: dict[tuple[str, str], tuple[Link, Link]] = {}
        for role in sorted(members, key=lambda r: (lookup.source_sort_key(r.source), r.anchor)):
            citations.setdefault((role.source, role.anchor),
                                 (lookup.source_link(role.source), lookup.anchor_link(role.source, role.anchor)))
        views.append(RoleView(list(texts.values()), list(citations.values())))
    return sorted(views, key=lambda v: (-len(v.citations), fold(v.texts[0])))
