"""The actor index: finds the actor a name (a speaker, a participant) refers to, for quotes,
events and curation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.model import Actor
from briefing.lexicon.titles import TITLE_WORDS
from briefing.names import fold, name_tokens
from briefing.resolve.actor_kinds import place_prefix
from briefing.resolve.name_matching import ends_with
from briefing.resolve.places import load_gazetteer


@dataclass
class ActorIndex:
    """Finds the actor a name (a speaker, a participant) refers to; None when unsure."""

    by_key: dict[str, str]
    people_by_last: dict[str, list[tuple[list[str], str]]]
    org_cores: dict[tuple[str | None, tuple[str, ...]], set[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    place_keys: set[str] = field(default_factory=set)
    place_words: frozenset[str] = frozenset()  # demonyms seen in the corpus

    def lookup(self, name: str | None) -> str | None:
        if not name:
            return None
        key = fold(name)
        if key in self.by_key:
            return self.by_key[key]
        words = name.split()
        while words and words[0].rstrip(".").lower() in TITLE_WORDS:
            words.pop(0)
        key = fold(" ".join(words))
        if key in self.by_key:
            return self.by_key[key]
        return self._person(key) or self._organisation(key)

    def _person(self, key: str) -> str | None:
        tokens = name_tokens(key)
        if not tokens:
            return None
        matches = {actor_id for full, actor_id in self.people_by_last.get(tokens[-1], []) if ends_with(full, tokens)}
        return next(iter(matches)) if len(matches) == 1 else None

    def _organisation(self, key: str) -> str | None:
        """ "the American-led coalition" -> the actor known as "US-led coalition" or "coalition"."""
        country, core = place_prefix(key.split(), load_gazetteer(), self.place_keys)
        for candidate in (self.org_cores.get((country, tuple(core))), self.org_cores.get((None, tuple(core)))):
            if candidate and len(candidate) == 1:
                return next(iter(candidate))
        return None

    def find_in(self, text: str | None) -> str | None:
        """The one person (else the one actor) whose name occurs in a phrase:
        "the top adviser to X's leader, Gen. Jane Roe" -> Jane Roe."""
        words = fold(text or "").split()
        found: set[str] = set()
        for size in range(min(6, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                actor_id = self.by_key.get(" ".join(words[i : i + size]))
                if actor_id:
                    found.add(actor_id)
        people = {a for a in found if self.kinds.get(a) == "person"}
        chosen = people or found
        return next(iter(chosen)) if len(chosen) == 1 else None


def build_index(actors: Sequence[Actor], place_words: frozenset[str] = frozenset()) -> ActorIndex:
    """Alias lookups for the actors: folded alias -> id, people by last name, organisations by core name."""
    by_key: dict[str, str] = {}
    people: dict[str, list[tuple[list[str], str]]] = {}
    place_keys = {fold(alias) for a in actors if a.kind == "place" for alias in a.aliases} | place_words
    gazetteer = load_gazetteer()
    cores: dict[tuple[str | None, tuple[str, ...]], set[str]] = {}
    for actor in actors:
        for alias in actor.aliases:
            key = fold(alias)
            by_key.setdefault(key, actor.id)
            tokens = name_tokens(alias)
            if actor.kind == "person" and tokens:
                people.setdefault(tokens[-1], []).append((tokens, actor.id))
            if actor.kind == "organization":
                country, core = place_prefix(key.split(), gazetteer, place_keys)
                cores.setdefault((country, tuple(core)), set()).add(actor.id)
                cores.setdefault((None, tuple(core)), set()).add(actor.id)
    return ActorIndex(
        by_key=by_key,
        people_by_last=people,
        org_cores=cores,
        kinds={a.id: a.kind for a in actors},
        place_keys=place_keys,
        place_words=place_words,
    )
