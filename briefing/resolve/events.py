"""Events across sources: event candidates clustered into dated, titled events.

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

The date of an event is the day most sources give (one vote per source, day
precision preferred); `date_disputed` is set when sources name different days.
An event no mention dates takes the date of the nearest dated action before it
in the same source (the narrative's reference time, up to two sentences back),
else the publication date of its earliest source; `date_basis` says which.

Dropped (`_is_weak`): events told by one source, with no time expression in any
of their mentions, whose predicates are all outside the event lexicon ("alienate",
"strengthen"), and any single undated mention with a weak predicate ("be",
"have", "make" ... see `WEAK_PREDICATES`). Dated or multi-source events stay.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from briefing.model import DateValue, Event, EventCandidate, EventMention
from briefing.resolve.blocking import candidate_pairs
from briefing.lexicon.events import WEAK_PREDICATES, action_class, is_event_word

ActorOf = Callable[[str], str | None]

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# Similarity needed to merge: with a shared participant or place, or on words alone.
MIN_SIMILARITY_WITH_ACTOR = 0.05
MIN_SIMILARITY_WORDS_ONLY = 0.20
# Days one day apart are one event only with a shared actor and this similarity.
MIN_SIMILARITY_NEXT_DAY = 0.25
INHERIT_SENTENCES = 2
MAX_BLOCK = 400  # mentions sharing one feature beyond which it is not used for blocking
WINDOW = 7  # words each side of the trigger that describe the event
TITLE_WORDS = 14
STOPWORDS = frozenset(
    """
    a an the and or but if of in on at to for from by with without about against between into onto over under
    after before during since until as than then that this these those there here which who whom whose what
    when where why how is are was were be been being has have had do does did will would could should may
    might must can shall its it he she they them his her their our we you your i me my us also not no nor
    so such too very just only more most other some any each all both few many much one two three said says
    say told tell according new mr mrs ms
    """.split()
)
WORD = re.compile(r"[A-Za-z][A-Za-z\-’']+")


@dataclass
class _Mention:
    order: int
    source: str
    candidate: EventCandidate
    cls: str
    actors: set[str]
    places: set[str]
    words: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Read for every candidate pair: computed once (see _pair_gap).
        self.date: DateValue | None = self.candidate.date
        self.keys = self.actors | self.places
        self.day, self.span = _day_span(self.date)


@dataclass
class _Cluster:
    cls: str
    mentions: list[_Mention] = field(default_factory=list)
    actors: Counter = field(default_factory=Counter)
    words: Counter = field(default_factory=Counter)

    def add(self, mention: _Mention) -> None:
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
    mentions = _mentions(candidates, actor_of, word_vectors(candidates) if vectors is None else vectors)
    clusters = _cluster(mentions)
    clusters = _merge_sentence_singletons(clusters)
    by_source: dict[str, list[_Mention]] = defaultdict(list)
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


# -------------------------------------------------------------------- mentions


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


def _mentions(
    candidates: Sequence[tuple[str, EventCandidate]], actor_of: ActorOf, vectors: Sequence[dict[str, float]]
) -> list[_Mention]:
    out = []
    for order, ((source, candidate), words) in enumerate(zip(candidates, vectors, strict=True)):
        actors = {_actor_key(name, actor_of) for name in candidate.participants}
        places = {_actor_key(name, actor_of) for name in candidate.places}
        out.append(
            _Mention(
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


# ------------------------------------------------------------------ clustering


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
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
    groups: dict[int, _Cluster] = {}
    for members in units.values():
        groups[members[0]] = _Cluster(cls=mentions[members[0]].cls)
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
        group_gap = _date_gap(groups[ra].reference_date(), groups[rb].reference_date())
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


def _copy_key(mention: _Mention) -> tuple[object, ...]:
    """What two mentions share when one is a copy of the other: everything _pair_score reads."""
    date = (mention.date.value, mention.date.precision) if mention.date else None
    return (mention.cls, mention.candidate.sentence, mention.candidate.trigger, date, frozenset(mention.keys))


def _features(mention: _Mention) -> set[str]:
    """Blocking keys: actors, places and the most distinctive words around the trigger."""
    top_words = sorted(mention.words, key=lambda w: (-mention.words[w], w))[:8]
    return {f"a:{a}" for a in mention.actors | mention.places} | {f"w:{w}" for w in top_words}


def _pair_score(a: _Mention, b: _Mention) -> tuple[float, int] | None:
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


def _pair_gap(a: _Mention, b: _Mention) -> int | None:
    """_date_gap(a.date, b.date) from the day numbers each mention holds."""
    return _gap(a.day, a.span, b.day, b.span)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _interval(date: DateValue) -> tuple[dt.date, dt.date]:
    value = date.value
    if date.precision == "day":
        return value, value
    if date.precision == "week":
        # "last week" is used loosely for "in the past seven days": the week and the next
        return value - dt.timedelta(days=1), value + dt.timedelta(days=13)
    if date.precision == "month":
        first = value.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first - dt.timedelta(days=3), last + dt.timedelta(days=3)
    return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)


def _date_gap(a: DateValue | None, b: DateValue | None) -> int | None:
    """0 when compatible, 1 when two days are one apart, None when incompatible."""
    return _gap(*_day_span(a), *_day_span(b))


def _day_span(date: DateValue | None) -> tuple[int | None, tuple[int, int] | None]:
    """(day number if the date is a day, (first, last) day numbers of its interval); None for no date."""
    if date is None:
        return None, None
    first, last = _interval(date)
    return (date.value.toordinal() if date.precision == "day" else None), (first.toordinal(), last.toordinal())


Span = tuple[int, int]


def _gap(a_day: int | None, a_span: Span | None, b_day: int | None, b_span: Span | None) -> int | None:
    if a_span is None or b_span is None:
        return 0
    if a_day is not None and b_day is not None:
        days = abs(a_day - b_day)
        return days if days <= 1 else None
    return 0 if a_span[0] <= b_span[1] and b_span[0] <= a_span[1] else None


def _merge_sentence_singletons(clusters: list[_Cluster]) -> list[_Cluster]:
    """Lone mentions from one sentence are one episode ("the coffin arrived, mourners wailed"),
    and a lone mention whose sentence already belongs to a larger event of the same date joins it
    ("attended a funeral procession": one event, not an "attend" and a "procession")."""
    out: list[_Cluster] = []
    by_sentence: dict[tuple[str, str], _Cluster] = {}
    for cluster in clusters:
        if len(cluster.mentions) > 1:
            for mention in cluster.mentions:
                by_sentence.setdefault((mention.source, mention.candidate.sentence), cluster)
    for cluster in clusters:
        if len(cluster.mentions) != 1:
            out.append(cluster)
            continue
        mention = cluster.mentions[0]
        key = (mention.source, mention.candidate.sentence)
        host = by_sentence.get(key)
        if host is not None and _date_gap(mention.date, host.reference_date()) == 0:
            host.add(mention)
            continue
        by_sentence.setdefault(key, cluster)
        out.append(cluster)
    return out


def _is_weak(cluster: _Cluster) -> bool:
    """Too little to stand as an event: one source, no date in the text, no event word."""
    if len({m.source for m in cluster.mentions}) > 1 or any(m.date is not None for m in cluster.mentions):
        return False
    predicates = [m.candidate.predicate for m in cluster.mentions]
    if len(cluster.mentions) == 1 and predicates[0].split(" ")[0] in WEAK_PREDICATES:
        return True
    return not any(is_event_word(p.split(" ")[0]) for p in predicates)


# ---------------------------------------------------------------------- events


def _event(
    cluster: _Cluster,
    actor_of: ActorOf,
    published_of: Mapping[str, dt.date | None],
    by_source: Mapping[str, list[_Mention]],
) -> Event:
    mentions = sorted(cluster.mentions, key=lambda m: (m.source, m.candidate.anchor, m.candidate.start))
    date, disputed, basis = _event_date(mentions, published_of)
    if date is None:
        date, basis = _inherited_date(mentions, by_source, published_of)
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
    title = _title(mentions, date, names)
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


def _event_date(
    mentions: list[_Mention], published_of: Mapping[str, dt.date | None]
) -> tuple[DateValue | None, bool, str | None]:
    """One vote per source for its finest date; the majority wins, day precision first."""
    per_source: dict[str, DateValue] = {}
    for m in mentions:
        date = m.date
        if date is None:
            continue
        held = per_source.get(m.source)
        if held is None or PRECISION_RANK[date.precision] < PRECISION_RANK[held.precision]:
            per_source[m.source] = date
    if not per_source:
        return None, False, None
    best = min(PRECISION_RANK[d.precision] for d in per_source.values())
    finest = {s: d for s, d in per_source.items() if PRECISION_RANK[d.precision] == best}
    votes = Counter(d.value for d in finest.values())
    value = min(votes, key=lambda v: (-votes[v], v))
    chosen = next(d for s, d in sorted(finest.items()) if d.value == value)
    disputed = best == 0 and len(votes) > 1
    witness = next(s for s, d in sorted(finest.items()) if d.value == value)
    published = published_of.get(witness)
    said = f"'{chosen.text}'" if chosen.text else chosen.value.isoformat()
    basis = f"{votes[value]} of {len(per_source)} dating sources: {said}"
    if published:
        basis += f" in a report of {published.isoformat()}"
    if disputed:
        others = ", ".join(sorted(v.isoformat() for v in votes if v != value))
        basis += f"; other sources give {others}"
    return chosen, disputed, basis


def _inherited_date(
    mentions: list[_Mention],
    by_source: Mapping[str, list[_Mention]],
    published_of: Mapping[str, dt.date | None],
) -> tuple[DateValue | None, str | None]:
    """The nearest dated action before the mention in its source, else the publication date."""
    for m in mentions:
        context = by_source.get(m.source, [])
        sentences: list[str] = []
        for other in reversed([o for o in context if o.candidate.start <= m.candidate.start]):
            if other.candidate.sentence not in sentences:
                sentences.append(other.candidate.sentence)
            if len(sentences) > INHERIT_SENTENCES + 1:
                break
            date = other.date
            if date is not None and date.precision in ("day", "week"):
                return date, f"not stated; the time of the preceding report '{date.text}' in {m.source}"
    for m in sorted(mentions, key=lambda m: (published_of.get(m.source) or dt.date.max, m.source)):
        published = published_of.get(m.source)
        if published:
            return (
                DateValue(value=published, precision="day", text="", basis="publication date"),
                f"not stated; publication date of {m.source}",
            )
    return None, None


# ----------------------------------------------------------------------- titles


LEADING_ADVERBIAL = re.compile(
    r"^(?:in|on|at|after|before|during|since|following|amid|despite|however|meanwhile|also|but|and|"
    r"earlier|later|separately|elsewhere|instead|still|yet)\b[^,;:]{0,60},\s+",
    re.IGNORECASE,
)
DATELINE = re.compile(r"^(?:\([^)]{0,40}\)\s*[—–-]\s*|[A-Z][A-Z .,]{2,40}(?:\([^)]*\))?\s*[—–-]\s+)")


def _title(mentions: list[_Mention], date: DateValue | None, names: Counter) -> str:
    """The main clause of the most representative sentence, trimmed, with its key participant."""
    top = [n for n, _ in sorted(names.items(), key=lambda item: (-item[1], item[0]))]

    def score(m: _Mention) -> tuple:
        dated = 1 if (date is not None and m.date is not None and m.date.value == date.value) else 0
        covered = sum(1 for n in top[:3] if n in m.candidate.sentence)
        return (-dated, -covered, len(m.candidate.sentence), m.source, m.candidate.start)

    best = min(mentions, key=score)
    title = _trim(best.candidate.sentence, best.candidate.trigger)
    shown = [n for n in top if not DEMONYM.match(n) and not n.islower()]
    if shown and not any(n.lower() in title.lower() for n in shown[:3]):
        title = f"{title} ({shown[0]})"
    return title


# A one-word nationality or group adjective ("Ruritanian", "Freedonese", "Sunni") is no headline name.
DEMONYM = re.compile(r"^[A-Z][a-z’'-]+(?:i|ian|ese|ish|an|ic|ite|a)$")
NOT_A_SUBJECT = frozenset("is was are were has had have it he she they we i you this".split())
SUBORDINATORS = frozenset("after when as because that which who while before since although though once".split())


def _trim(sentence: str, trigger: str) -> str:
    text = DATELINE.sub("", sentence.strip())
    text = text.strip("“”\"' ")
    match = LEADING_ADVERBIAL.match(text)
    if match and re.search(rf"\b{re.escape(trigger)}\b", text[match.end():]):
        text = text[match.end():]
        text = text[:1].upper() + text[1:]
    words = text.split()
    position = next((i for i, w in enumerate(words) if re.sub(r"\W", "", w) == re.sub(r"\W", "", trigger)), 0)
    # start at the clause of the trigger: "... was called after [a drone strike on Friday killed X]"
    for i in range(position - 1, max(-1, position - 7), -1):
        if words[i].lower().strip(",") in SUBORDINATORS and position - i >= 2 and i > 2:
            if words[i + 1].lower() in NOT_A_SUBJECT:
                break  # "who resigned", "that it will": keep the whole sentence
            rest = words[i + 1 :]
            if len(rest) >= 5:
                words, position = rest, position - i - 1
                words[0] = words[0][:1].upper() + words[0][1:]
                text = " ".join(words)
            break
    if len(words) <= TITLE_WORDS:
        return text.rstrip(" .,;:")
    if position < TITLE_WORDS - 3:
        end = max(TITLE_WORDS - 2, position + 5)
        # stop at a clause boundary after the trigger when there is one
        for i in range(position + 2, min(end, len(words))):
            if words[i].endswith((",", ";", ":")):
                end = i + 1
                break
        return " ".join(words[:end]).rstrip(" .,;:") + " …"
    start = max(0, position - 6)
    return "… " + " ".join(words[start : position + 7]).rstrip(" .,;:") + " …"


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
