"""Resolve: list[Extraction] -> Corpus (cross-document merge of actors, quotes, events)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import partial

from briefing.config import Curation
from briefing.model import (
    Actor,
    Corpus,
    EventCandidate,
    Extraction,
    Prominence,
    Quote,
    SharedPassage,
    Source,
)
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
from briefing.resolve.events import cluster_events, word_vectors
from briefing.resolve.quotes import resolve_quotes
from briefing.system.forking import Background

# Below this many sources, forking for the work that can run beside name resolution costs more than it saves.
MIN_SOURCES_TO_FORK = 100


def resolve(extractions: Sequence[Extraction], *, title: str | None = None, curation: Curation | None = None) -> Corpus:
    """Merge per-source extractions into the corpus the YAML files hold."""
    curation = curation or Curation()
    extractions = sorted(extractions, key=lambda e: e.source.id)
    candidates = [(e.source.id, candidate) for e in extractions for candidate in e.events]
    # What needs no actor (passages shared by texts, the words of event sentences) is made in
    # another process while names are resolved; so are events while quotes are, after.
    worth_it = len(extractions) >= MIN_SOURCES_TO_FORK
    with Background(_without_actors, [e.source for e in extractions], candidates, worth_it=worth_it) as ahead:
        authors = {a for e in extractions for a in e.source.authors}
        actors, index = resolve_actors(extractions, authors=authors)
        actors, index = apply_actor_curation(actors, index, curation.actors)
        passages, vectors = ahead.result()
    published = {e.source.id: e.source.published for e in extractions}
    cluster = partial(cluster_events, vectors=vectors)
    with Background(cluster, candidates, index.lookup, published, worth_it=worth_it) as events_job:
        quotes = resolve_quotes(extractions, index, actors)
        events = events_job.result()
    sources = with_shared_passages([e.source for e in extractions], passages)
    events = count_independent(events, independence_groups(sources))
    return Corpus(
        title=title or shared_headline([s.title for s in sources]) or "Briefing",
        sources=sources,
        actors=rank_actors(actors, quotes),
        quotes=quotes,
        events=events,
        discrepancies=find_discrepancies(extractions, actors, quotes, events),
    )


def _without_actors(
    sources: Sequence[Source], candidates: Sequence[tuple[str, EventCandidate]]
) -> tuple[dict[str, list[SharedPassage]], list[dict[str, float]]]:
    return shared_passages(sources), word_vectors(candidates)


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
