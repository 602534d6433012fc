"""Event mentions: each event candidate with what clustering compares: its action class, the
actors and places it names (actor ids, else folded names), its date, and the words around its
trigger as a tf-idf vector."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefing.lexicon.events import action_class
from briefing.lexicon.stopwords import STOPWORDS
from briefing.model import DateValue, EventCandidate
from briefing.resolve.date_gaps import day_span

ActorOf = Callable[[str], str | None]

WINDOW = 7  # words each side of the trigger that describe the event
WORD = re.compile(r"[A-Za-z][A-Za-z\-’']+")


@dataclass
class CandidateMention:
    """One event candidate of one source, as clustering compares it."""

    order: int
    source: str
    candidate: EventCandidate
    cls: str
    actors: set[str]
    places: set[str]
    words: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Read for every candidate pair: computed once (see event_clustering._pair_gap).
        self.date: DateValue | None = self.candidate.date
        self.keys = self.actors | self.places
        self.day, self.span = day_span(self.date)


def word_vectors(candidates: Sequence[tuple[str, EventCandidate]]) -> list[dict[str, float]]:
    """Each candidate's words around its trigger as a unit tf-idf vector (document frequency over
    all candidates)."""
    bags = [_content_words(_window(candidate)) for _, candidate in candidates]
    df: Counter = Counter()
    for bag in bags:
        df.update(set(bag))
    total = max(1, len(bags))
    vectors = []
    for bag in bags:
        tf = Counter(bag)
        vector = {w: (1 + math.log(c)) * math.log(1 + total / df[w]) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({w: v / norm for w, v in vector.items()})
    return vectors


def candidate_mentions(
    candidates: Sequence[tuple[str, EventCandidate]], actor_of: ActorOf, vectors: Sequence[dict[str, float]]
) -> list[CandidateMention]:
    """The candidates, (source_id, candidate), with their word vectors, as mentions to cluster."""
    out = []
    for order, ((source, candidate), words) in enumerate(zip(candidates, vectors, strict=True)):
        actors = {_actor_key(name, actor_of) for name in candidate.participants}
        places = {_actor_key(name, actor_of) for name in candidate.places}
        out.append(
            CandidateMention(
                order=order,
                source=source,
                candidate=candidate,
                cls=action_class(candidate.predicate),
                actors={a for a in actors if a},
                places={p for p in places if p},
                words=words,
            )
        )
    return out


def _actor_key(name: str, actor_of: ActorOf) -> str | None:
    actor = actor_of(name)
    if actor:
        return actor
    folded = _fold(name)
    return f"name:{folded}" if folded else None


def _fold(text: str) -> str:
    try:
        from briefing.names import fold
    except ImportError:  # pragma: no cover
        return " ".join(re.findall(r"\w+", text.lower()))
    return fold(text)


def _window(candidate: EventCandidate) -> str:
    """The words around the trigger: its clause, roughly, where its arguments are."""
    words = candidate.sentence.split()
    trigger = re.sub(r"\W", "", candidate.trigger).lower()
    positions = [i for i, w in enumerate(words) if re.sub(r"\W", "", w).lower() == trigger]
    if not positions:
        return candidate.sentence
    i = positions[0]
    return " ".join(words[max(0, i - WINDOW) : i + WINDOW + 1])


def _content_words(sentence: str) -> list[str]:
    words = []
    for raw in WORD.findall(sentence):
        word = raw.lower().strip("-’'")
        word = re.sub(r"[’']s$", "", word)
        if len(word) < 3 or word in STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return words
