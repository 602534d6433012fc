"""Actors: entity mentions of all sources clustered into one record per real actor.

Evidence used, in order (each step merges name groups, never splits them):
1. the same name after folding case, accents, apostrophes, dots and hyphens;
2. names given as the same thing in the text ("X (Y)", "X [Y]");
3. countries: spellings, codes and demonyms from the countryinfo data;
4. acronyms and their expansions ("IS" / "Islamic State");
5. people: spelling variants and transliterations of a full name, token by token;
   surnames and short forms linked to the one full name that ends with them
   (preferring a full name from the same source);
6. organisations: a name and the same name with a country in front
   ("State Department" / "U.S. State Department"), unless two countries compete.
A group's kind is decided by the votes of all its mentions.

name_nodes groups the mentions, actor_merging and person_merging merge them (name_matching
says which spellings are one name, actor_kinds which kind a name has), actor_records makes
the Actor records and actor_index finds the actor a name refers to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefing.model import Actor, Extraction
from briefing.names import fold
from briefing.resolve.actor_index import ActorIndex, build_index
from briefing.resolve.actor_kinds import find_demonyms
from briefing.resolve.actor_merging import (
    merge_acronyms,
    merge_countries,
    merge_facilities,
    merge_name_tails,
    merge_same_fronted_names,
    merge_unspaced_names,
    merge_organisations,
    merge_same_as,
    merge_same_names,
    without_weak_institutions,
)
from briefing.resolve.actor_records import build_actors
from briefing.resolve.name_nodes import (
    collect_nodes,
    is_common_word,
    lowercase_vocabulary,
)
from briefing.resolve.person_merging import merge_people
from briefing.resolve.places import load_gazetteer
from briefing.resolve.unionfind import UnionFind


def resolve_actors(
    extractions: Sequence[Extraction], *, authors: Iterable[str] = ()
) -> tuple[list[Actor], ActorIndex]:
    """Cluster the entity mentions of all sources into actors."""
    gazetteer = load_gazetteer()
    author_keys = {fold(a) for a in authors}
    lowercase_words = lowercase_vocabulary(extractions)
    nodes = collect_nodes(extractions, author_keys)
    demonyms = find_demonyms(extractions)
    nodes = {k: n for k, n in nodes.items() if not is_common_word(n, lowercase_words)}
    sets: UnionFind[str] = UnionFind(nodes)
    merge_same_names(nodes, sets)
    merge_same_as(nodes, sets)
    merge_countries(nodes, sets, gazetteer)
    merge_acronyms(nodes, sets)
    merge_people(nodes, sets)
    merge_organisations(nodes, sets, gazetteer, demonyms)
    merge_unspaced_names(nodes, sets)
    merge_same_fronted_names(nodes, sets)
    merge_name_tails(nodes, sets, lowercase_words)
    merge_facilities(nodes, sets)
    actors = build_actors(nodes, without_weak_institutions(nodes, sets), lowercase_words)
    return actors, build_index(actors, place_words=demonyms)
