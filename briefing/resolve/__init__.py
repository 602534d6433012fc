"""Resolve: list[Extraction] -> Corpus (cross-document merge of actors, quotes, events)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from briefing.config import Curation
from briefing.forking import Background
from briefing.model import Actor, Corpus, Extraction, Prominence, Quote
from briefing.names import fold
from briefing.resolve.actors import resolve_actors
from briefing.resolve.compare import (
    count_independent,
    find_discrepancies,
    independence_groups,
    shared_passages,
    with_shared_passages,
)
from briefing.resolve.curation import apply_actor_curation
from briefing.resolve.quotes import resolve_quotes


def resolve(extractions: Sequence[Extraction], *, title: str | None = None, curation: Curation | None = None) -> Corpus:
    """Merge per-source extractions into the corpus the YAML files hold."""
    curation = curation or Curation()
    extractions = sorted(extractions, key=lambda e: e.source.id)
    # Shared passages need only the texts: found in another process while names are resolved.
    passages = Background(shared_passages, [e.source for e in extractions], worth_it=len(extractions) >= 100)
    authors = {a for e in extractions for a in e.source.authors}
    actors, index = resolve_actors(extractions, authors=authors)
    actors, index = apply_actor_curation(actors, index, curation.actors)
    quotes = resolve_quotes(extractions, index, actors)
    from briefing.resolve.events import cluster_events

    events = cluster_events(
        [(e.source.id, candidate) for e in extractions for candidate in e.events],
        index.lookup,
        {e.source.id: e.source.published for e in extractions},
    )
    sources = with_shared_passages([e.source for e in extractions], passages.result())
    events = count_independent(events, independence_groups(sources))
    return Corpus(
        title=title or shared_headline([s.title for s in sources]) or "Briefing",
        sources=sources,
        actors=rank_actors(actors, quotes),
        quotes=quotes,
        events=events,
        discrepancies=find_discrepancies(extractions, actors, quotes, events),
    )


def rank_actors(actors: Sequence[Actor], quotes: Sequence[Quote]) -> list[Actor]:
    """Fill prominence (mentions, sources, quotes) and order actors by it, most prominent first."""
    quoted = Counter(q.speaker for q in quotes if q.speaker)
    ranked = []
    for actor in actors:
        p = actor.prominence
        score = p.mentions + 5 * p.sources + 3 * quoted[actor.id]
        prominence = Prominence(mentions=p.mentions, sources=p.sources, quotes=quoted[actor.id], score=float(score))
        ranked.append(actor.model_copy(update={"prominence": prominence}))
    return sorted(ranked, key=lambda a: (-a.prominence.score, a.name))


HEADLINE_SAMPLE = 200


def shared_headline(titles: Sequence[str]) -> str | None:
    """The title whose words the other titles share most: the story's headline."""
    if not titles:
        return None
    words = [set(fold(t).split()) for t in titles]
    # Each title against every other up to HEADLINE_SAMPLE titles; beyond, against an even sample.
    sample = range(0, len(titles), max(1, len(titles) // HEADLINE_SAMPLE))

    def overlap(i: int) -> float:
        return sum(len(words[i] & words[j]) / (len(words[i] | words[j]) or 1) for j in sample if j != i)

    best = max(range(len(titles)), key=lambda i: (overlap(i), -len(titles[i]), -i))
    return titles[best]
