"""Events across sources: event candidates clustered into dated, titled events.

event_mentions describes each candidate, event_clustering groups the mentions of one real
event, event_dating dates it and event_titles titles it.

Dropped (`_is_weak`): events told by one source, with no time expression in any
of their mentions, whose predicates are all outside the event lexicon ("alienate",
"strengthen") or that only nouns tell ("the killing": a reference to an event told
elsewhere), and any single undated mention with a weak predicate ("be", "have",
"make" ... see `WEAK_PREDICATES`). Dated or multi-source events stay.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from briefing.lexicon.events import WEAK_PREDICATES, is_event_word
from briefing.model import Event, EventCandidate, EventMention
from briefing.resolve.event_clustering import (
    MentionCluster,
    cluster_mentions,
    merge_sentence_singletons,
)
from briefing.resolve.event_dating import event_date, inherited_date
from briefing.resolve.event_mentions import (
    ActorOf,
    CandidateMention,
    candidate_mentions,
    word_vectors,
)
from briefing.resolve.event_titles import event_title


def cluster_events(
    candidates: Sequence[tuple[str, EventCandidate]],
    actor_of: ActorOf,
    published_of: Mapping[str, dt.date | None],
    *,
    vectors: Sequence[dict[str, float]] | None = None,
) -> list[Event]:
    """Merge event mentions across sources into events; candidates are (source_id, candidate).

    vectors: word_vectors(candidates), when the caller had them made meanwhile (they need no actor).
    """
    mentions = candidate_mentions(candidates, actor_of, word_vectors(candidates) if vectors is None else vectors)
    clusters = cluster_mentions(mentions)
    clusters = merge_sentence_singletons(clusters)
    by_source: dict[str, list[CandidateMention]] = defaultdict(list)
    for mention in mentions:
        by_source[mention.source].append(mention)
    for items in by_source.values():
        items.sort(key=lambda m: m.candidate.start)
    events = []
    for cluster in clusters:
        if _is_weak(cluster):
            continue
        events.append(_event(cluster, actor_of, published_of, by_source))
    events.sort(key=lambda e: (e.date is None, e.date or dt.date.min, e.title.lower(), e.id))
    return _unique_ids(events)


def _is_weak(cluster: MentionCluster) -> bool:
    """Too little to stand as an event: one source, no date in the text, and no event word or
    only nouns ("the killing", "his death": a reference to an event told elsewhere, or background)."""
    if len({m.source for m in cluster.mentions}) > 1 or any(m.date is not None for m in cluster.mentions):
        return False
    if all(m.candidate.nominal for m in cluster.mentions):
        return True
    predicates = [m.candidate.predicate for m in cluster.mentions]
    if len(cluster.mentions) == 1 and predicates[0].split(" ")[0] in WEAK_PREDICATES:
        return True
    return not any(is_event_word(p.split(" ")[0]) for p in predicates)


def _event(
    cluster: MentionCluster,
    actor_of: ActorOf,
    published_of: Mapping[str, dt.date | None],
    by_source: Mapping[str, list[CandidateMention]],
) -> Event:
    mentions = sorted(cluster.mentions, key=lambda m: (m.source, m.candidate.anchor, m.candidate.start))
    date, disputed, basis = event_date(mentions, published_of)
    if date is None:
        date, basis = inherited_date(mentions, by_source, published_of)
    predicates = Counter(m.candidate.predicate for m in mentions)
    predicate = min(predicates, key=lambda p: (-predicates[p], not is_event_word(p.split(" ")[0]), p))
    names: Counter = Counter()
    participant_ids: Counter = Counter()
    place_ids: Counter = Counter()
    for m in mentions:
        for name in m.candidate.participants:
            names[name] += 1
            actor = actor_of(name)
            if actor:
                participant_ids[actor] += 1
        for name in m.candidate.places:
            actor = actor_of(name)
            if actor:
                place_ids[actor] += 1
    title = event_title(mentions, date, names)
    place = min(place_ids, key=lambda a: (-place_ids[a], a)) if place_ids else None
    return Event(
        id=_slug(f"{date.value.isoformat() if date else 'undated'} {title}"),
        title=title,
        date=date.value if date else None,
        date_precision=date.precision if date else None,
        date_basis=basis,
        date_disputed=disputed,
        predicate=predicate,
        place=place,
        participants=sorted(participant_ids, key=lambda a: (-participant_ids[a], a)),
        sources=sorted({m.source for m in mentions}),
        mentions=[
            EventMention(
                source=m.source,
                anchor=m.candidate.anchor,
                text=m.candidate.sentence,
                predicate=m.candidate.predicate,
                date=m.date,
            )
            for m in mentions
        ],
    )


def _slug(text: str) -> str:
    try:
        from briefing.slugs import slugify_id
    except ImportError:  # pragma: no cover - slugs.py is part of the package
        from slugify import slugify

        return slugify(text, max_length=80, word_boundary=True) or "event"
    return slugify_id(text) or "event"


def _unique_ids(events: list[Event]) -> list[Event]:
    taken: set[str] = set()
    out = []
    for event in events:
        candidate, n = event.id, 1
        while candidate in taken:
            n += 1
            candidate = f"{event.id}-{n}"
        taken.add(candidate)
        out.append(event if candidate == event.id else event.model_copy(update={"id": candidate}))
    return out
