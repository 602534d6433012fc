"""What an actor page says about the actor first: its other spellings and its roles, each once.

Extraction keeps every spelling as written ("NATO", "Nato"; "Prime Minister", "caretaker prime
minister"); a reader wants each name and each office once, with every sentence that gives it.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model import Actor, Role
import re

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


def merged_roles(lookup: Lookup, actor: Actor) -> list[RoleView]:
    """The actor's roles, one per office: spellings that differ in case are one, and a role that ends
    with another's words ("caretaker prime minister", "Prime Minister") joins it."""
    roles = sorted(actor.roles, key=lambda r: (len(fold(r.text).split()), fold(r.text), lookup.source_sort_key(r.source),
                                               r.anchor))
    groups: list[tuple[list[str], list[Role]]] = []  # (folded words of the plainest spelling, its roles)
    for role in roles:
        words = fold(role.text).split()
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
