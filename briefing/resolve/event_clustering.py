"""Event clustering: mentions of one real event grouped across sources.

Two mentions are the same real event when

- their predicates fall in the same action class ("strike", "kill" and
  "assassinate" are one class; "pass", "vote" and "back" another; see
  `briefing.lexicon.events.ACTION_CLASSES`);
- their dates are compatible: equal days (one day apart only with strong
  evidence), or one unknown, or a week/month/year that contains the other;
- they share participants or places (actor ids) or enough distinctive words
  (tf-idf cosine of the sentences).

Blocking keeps this linear in practice: a mention is compared only with the
clusters of its action class that share a participant or a distinctive word
with it (an inverted index), never with every cluster of the corpus.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from briefing.model import DateValue
from briefing.resolve.blocking import candidate_pairs
from briefing.resolve.date_gaps import PRECISION_RANK, date_gap, span_gap
from briefing.resolve.event_mentions import CandidateMention

# Similarity needed to merge: with a shared participant or place, or on words alone.
MIN_SIMILARITY_WITH_ACTOR = 0.05
MIN_SIMILARITY_WORDS_ONLY = 0.20
# Days one day apart are one event only with a shared actor and this similarity.
MIN_SIMILARITY_NEXT_DAY = 0.25
MAX_BLOCK = 400  # mentions sharing one feature beyond which it is not used for blocking


@dataclass
class MentionCluster:
    """The mentions of one event so far, with the actors and words they name."""

    cls: str
    mentions: list[CandidateMention] = field(default_factory=list)
    actors: Counter = field(default_factory=Counter)
    words: Counter = field(default_factory=Counter)

    def add(self, mention: CandidateMention) -> None:
        self.mentions.append(mention)
        self.actors.update(mention.actors | mention.places)
        self.words.update(mention.words)
        self.__dict__.pop("_reference", None)

    def reference_date(self) -> DateValue | None:
        # Asked for every candidate pair while clusters grow: computed once per change.
        if "_reference" not in self.__dict__:
            self.__dict__["_reference"] = self._reference_date()
        return self.__dict__["_reference"]

    def _reference_date(self) -> DateValue | None:
        dated = [m.date for m in self.mentions if m.date is not None]
        if not dated:
            return None
        best = min(PRECISION_RANK[d.precision] for d in dated)
        counts = Counter(d.value for d in dated if PRECISION_RANK[d.precision] == best)
        value = min(counts, key=lambda v: (-counts[v], v))
        return next(d for d in dated if d.value == value and PRECISION_RANK[d.precision] == best)


def cluster_mentions(mentions: list[CandidateMention]) -> list[MentionCluster]:
    """Constrained single-link clustering inside blocks of one action class.

    Copies of one sentence (the same words, date and actors in several sources: a wire story)
    start as one cluster: they would be linked first anyway, as the most similar pairs. Candidate
    pairs of clusters come from an inverted index (class, actor or distinctive word); pairs are
    linked best first, and two groups join only when their dates agree.
    """
    units: dict[tuple[object, ...], list[int]] = {}
    for number, mention in enumerate(mentions):
        units.setdefault(_copy_key(mention), []).append(number)
    heads = [members[0] for members in units.values()]  # each unit's first mention speaks for it
    size = {members[0]: len(members) for members in units.values()}
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for head in heads:
        for feature in _features(mentions[head]):
            index[(mentions[head].cls, feature)].append(head)
    # A feature everyone shares does not block anything.
    blocks = (members for members in index.values() if sum(size[m] for m in members) <= MAX_BLOCK)
    scored = []
    for a, b in candidate_pairs(blocks):
        score = _pair_score(mentions[a], mentions[b])
        if score is not None:
            scored.append((-score[0], a, b, score[1]))
    scored.sort()
    parent = list(range(len(mentions)))
    groups: dict[int, MentionCluster] = {}
    for members in units.values():
        groups[members[0]] = MentionCluster(cls=mentions[members[0]].cls)
        for number in members:
            groups[members[0]].add(mentions[number])
            parent[number] = members[0]

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, a, b, gap in scored:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        group_gap = date_gap(groups[ra].reference_date(), groups[rb].reference_date())
        if group_gap is None or group_gap > gap:
            continue
        keep, drop = min(ra, rb), max(ra, rb)
        for mention in groups[drop].mentions:
            groups[keep].add(mention)
        del groups[drop]
        parent[drop] = keep
    clusters = list(groups.values())
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.order)
        cluster.__dict__.pop("_reference", None)
    clusters.sort(key=lambda c: c.mentions[0].order)
    return clusters


def _copy_key(mention: CandidateMention) -> tuple[object, ...]:
    """What two mentions share when one is a copy of the other: everything _pair_score reads."""
    date = (mention.date.value, mention.date.precision) if mention.date else None
    return (mention.cls, mention.candidate.sentence, mention.candidate.trigger, date, frozenset(mention.keys))


def _features(mention: CandidateMention) -> set[str]:
    """Blocking keys: actors, places and the most distinctive words around the trigger."""
    top_words = sorted(mention.words, key=lambda w: (-mention.words[w], w))[:8]
    return {f"a:{a}" for a in mention.actors | mention.places} | {f"w:{w}" for w in top_words}


def _pair_score(a: CandidateMention, b: CandidateMention) -> tuple[float, int] | None:
    """(similarity, day gap) of two mentions, or None when they cannot be one event."""
    gap = _pair_gap(a, b)
    if gap is None:
        return None
    shared = len(a.keys & b.keys)
    similarity = _cosine(a.words, b.words)
    if gap >= 1:
        if not (shared and similarity >= MIN_SIMILARITY_NEXT_DAY):
            return None
    elif shared:
        if similarity < MIN_SIMILARITY_WITH_ACTOR:
            return None
    elif similarity < MIN_SIMILARITY_WORDS_ONLY:
        return None
    exact = 1.0 if (a.date and b.date and a.date.value == b.date.value) else 0.0
    return similarity + 0.1 * min(shared, 3) + 0.2 * exact - 0.3 * gap, gap


def _pair_gap(a: CandidateMention, b: CandidateMention) -> int | None:
    """date_gap(a.date, b.date) from the day numbers each mention holds."""
    return span_gap(a.day, a.span, b.day, b.span)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def merge_sentence_singletons(clusters: list[MentionCluster]) -> list[MentionCluster]:
    """Lone mentions from one sentence are one episode ("the coffin arrived, mourners wailed"),
    and a lone mention whose sentence already belongs to a larger event of the same date joins it
    ("attended a funeral procession": one event, not an "attend" and a "procession"). A lone
    event noun stays apart: "the killing" in "the killing marked an escalation" names an event
    told elsewhere, not one of this sentence's."""
    clusters = _nouns_into_their_clauses(clusters)
    out: list[MentionCluster] = []
    by_sentence: dict[tuple[str, str], MentionCluster] = {}
    for cluster in clusters:
        if len(cluster.mentions) > 1:
            for mention in cluster.mentions:
                by_sentence.setdefault((mention.source, mention.candidate.sentence), cluster)
    for cluster in clusters:
        if len(cluster.mentions) != 1:
            out.append(cluster)
            continue
        mention = cluster.mentions[0]
        if mention.candidate.nominal:  # "the killing" refers to an event; it tells no episode of its own
            out.append(cluster)
            continue
        key = (mention.source, mention.candidate.sentence)
        host = by_sentence.get(key)
        if host is not None and date_gap(mention.date, host.reference_date()) == 0:
            host.add(mention)
            continue
        by_sentence.setdefault(key, cluster)
        out.append(cluster)
    return out


def _nouns_into_their_clauses(clusters: list[MentionCluster]) -> list[MentionCluster]:
    """An event told only by nouns, in several sentences each of which also belongs to one event
    told by a verb, is that event ("a resolution passed by a special session", in two sources: the
    session is the vote). A lone noun is left to the caller (see merge_sentence_singletons)."""
    told_by_verb: dict[tuple[str, str], set[int]] = defaultdict(set)
    for number, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            if not mention.candidate.nominal:
                told_by_verb[(mention.source, mention.candidate.sentence)].add(number)
    out = []
    for cluster in clusters:
        if len(cluster.mentions) > 1 and all(m.candidate.nominal for m in cluster.mentions):
            shared = set.intersection(*(told_by_verb[(m.source, m.candidate.sentence)] for m in cluster.mentions))
            host = max((clusters[n] for n in shared), key=lambda c: len(c.mentions), default=None)
            if host is not None and date_gap(cluster.reference_date(), host.reference_date()) == 0:
                for mention in cluster.mentions:
                    host.add(mention)
                continue
        out.append(cluster)
    return out
