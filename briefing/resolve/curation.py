"""Analyst corrections from briefing.yml applied to the resolved actors; they survive rebuilds."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from briefing.config import ActorCuration
from briefing.model import Actor, ActorKind, Prominence
from briefing.names import fold
from briefing.resolve.actor_index import ActorIndex, build_index
from briefing.slugs import slugify_id, unique_ids

log = logging.getLogger(__name__)


def apply_actor_curation(
    actors: Sequence[Actor], index: ActorIndex, curation: ActorCuration
) -> tuple[list[Actor], ActorIndex]:
    """Merge, split, rename, re-kind and hide actors as briefing.yml says.

    Actors are named by id or by any alias; a name that matches nothing is logged, not fatal.
    """
    if curation == ActorCuration():
        return list(actors), index
    by_id = {a.id: a for a in actors}

    def find(name: str) -> str | None:
        found = name if name in by_id else index.lookup(name)
        if found is None or found not in by_id:
            log.warning("briefing.yml curation: no actor called %r", name)
            return None
        return found

    for group in curation.merge:
        ids = [i for i in (find(n) for n in group) if i]
        if len(ids) > 1:
            by_id[ids[0]] = _merge([by_id.pop(i) if i != ids[0] else by_id[i] for i in dict.fromkeys(ids)])
    for name, aliases in curation.split.items():
        actor_id = find(name)
        if actor_id:
            kept, split = _split(by_id[actor_id], aliases)
            by_id[actor_id] = kept
            if split is not None:
                by_id[split.id] = split
    for name, new_name in curation.rename.items():
        actor_id = find(name)
        if actor_id:
            by_id[actor_id] = by_id[actor_id].model_copy(update={"name": new_name})
    for name, kind in curation.kind.items():
        actor_id = find(name)
        if actor_id:
            by_id[actor_id] = by_id[actor_id].model_copy(update={"kind": kind})
    for name in curation.hide:
        actor_id = find(name)
        if actor_id:
            by_id.pop(actor_id)
    result = sorted(by_id.values(), key=lambda a: a.id)
    return result, build_index(result, place_words=index.place_words)


def _merge(actors: list[Actor]) -> Actor:
    first = actors[0]
    aliases = list(dict.fromkeys(a for actor in actors for a in actor.aliases))
    mentions = sorted({m for actor in actors for m in actor.mentions}, key=lambda m: (m.source, m.start))
    sources = sorted({s for actor in actors for s in actor.sources})
    roles = list(dict.fromkeys(r for actor in actors for r in actor.roles))
    return first.model_copy(
        update={
            "aliases": aliases,
            "mentions": mentions,
            "sources": sources,
            "roles": roles,
            "prominence": Prominence(mentions=len(mentions), sources=len(sources)),
        }
    )


def _split(actor: Actor, aliases: list[str]) -> tuple[Actor, Actor | None]:
    keys = {fold(a) for a in aliases}
    moved = [m for m in actor.mentions if fold(m.text) in keys]
    if not moved:
        log.warning("briefing.yml curation: %r has no mentions named %s", actor.name, aliases)
        return actor, None
    stay = [m for m in actor.mentions if fold(m.text) not in keys]
    name = aliases[0]
    kind: ActorKind = actor.kind

    def build(actor_id: str, actor_name: str, mentions: list) -> Actor:
        sources = sorted({m.source for m in mentions})
        return actor.model_copy(
            update={
                "id": actor_id,
                "name": actor_name,
                "kind": kind,
                "aliases": sorted({m.text for m in mentions}),
                "mentions": mentions,
                "sources": sources,
                "roles": [r for r in actor.roles if r.source in sources],
                "prominence": Prominence(mentions=len(mentions), sources=len(sources)),
            }
        )

    new_id = unique_ids([actor.id, slugify_id(name)])[1]
    return build(actor.id, actor.name, stay), build(new_id, name, moved)
