"""Quotes: speakers resolved to actors, and the same statement recognised across sources."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from briefing.lexicon.speech import PRONOUN_KINDS, SPEAKER_ROLE_NOUNS
from briefing.model import Actor, Extraction, Quote, QuoteSpan
from briefing.names import fold
from briefing.resolve.actor_index import ActorIndex
from briefing.resolve.blocking import candidate_pairs
from briefing.resolve.unionfind import UnionFind

# Two quotes are one statement when their words match this closely (0-100) ...
SAME_STATEMENT_SCORE = 85
# ... and they are long enough for the match to mean something.
MIN_STATEMENT_CHARS = 20
# Distinct statements sharing one pair of words beyond which that pair is not used for blocking.
MAX_STATEMENT_BLOCK = 200


# A pronoun speaker with no antecedent in the text takes the previous quote's
# speaker, if that quote is at most this many paragraphs back and agrees.
PRONOUN_REACH_PARAGRAPHS = 2


def resolve_quotes(extractions: Sequence[Extraction], index: ActorIndex, actors: Sequence[Actor]) -> list[Quote]:
    """Quotes of all sources with speaker ids, in source then text order."""
    roles = _role_index(actors)
    kinds = {a.id: a.kind for a in actors}
    people_named: dict[str, list[tuple[int, str]]] = defaultdict(list)  # source -> (offset, person id)
    for actor in actors:
        if actor.kind == "person":
            for mention in actor.mentions:
                people_named[mention.source].append((mention.start, actor.id))
    quotes = []
    for extraction in extractions:
        source_id = extraction.source.id
        named = sorted(people_named.get(source_id, []))
        previous: tuple[int, int, str] | None = None  # (paragraph, offset, speaker) of the last attributed quote
        for number, span in enumerate(extraction.quotes, start=1):
            speaker = _speaker(span, index, roles, source_id, kinds)
            paragraph = _paragraph_number(span.anchor)
            if speaker is None and span.speaker_type == "pronoun" and previous is not None:
                wanted = PRONOUN_KINDS.get((span.speaker_text or "").lower())
                close = paragraph - previous[0] <= PRONOUN_REACH_PARAGRAPHS
                # Never across another person named in between: "X said ... Y visited ... she said".
                others = any(previous[1] < at < span.start and who != previous[2] for at, who in named)
                if close and not others and wanted is not None and kinds.get(previous[2]) == wanted:
                    speaker = previous[2]
            if speaker is not None:
                previous = (paragraph, span.start, speaker)
            quotes.append(
                Quote(
                    id=f"{source_id}-q{number}",
                    source=source_id,
                    text=span.text,
                    speaker=speaker,
                    speaker_text=span.speaker_text,
                    kind=span.kind,
                    cue=span.cue,
                    anchor=span.anchor,
                    start=span.start,
                    end=span.end,
                )
            )
    # Within a source: quotations in text order, then reported speech in text order.
    quotes.sort(key=lambda q: (q.source, q.kind == "indirect", q.start))
    return group_statements(quotes)


def _speaker(
    span: QuoteSpan, index: ActorIndex, roles: list[tuple[set[str], Actor]], source_id: str, kinds: Mapping[str, str]
) -> str | None:
    """The actor a quote's speaker refers to: its resolved name, a name inside the phrase, a role."""
    speaker = index.lookup(span.speaker_name)
    if speaker is None and span.speaker_type == "name":
        speaker = index.lookup(span.speaker_text)
    words = (span.speaker_text or "").split()
    if speaker is None and span.speaker_type == "role" and words and all(w[:1].isupper() for w in words):
        speaker = index.lookup(span.speaker_text)  # a surname the tagger took for a common noun: "Swers said"
    apposition = "," in (span.speaker_text or "")
    if speaker is None and (span.speaker_type == "name" or span.speaker_type == "role" and apposition):
        # A role speaks through the name beside it ("the top adviser to X, Gen. Jane Roe"), not
        # through a name inside it ("his meeting with Roe", "Lee's former strategist").
        # A name inside a longer phrase speaks only if it is a person's: in "a Nevada Democrat",
        # "the Republican nominee", "Exit Polls in Iowa" the place or party only describes the speaker.
        # Nor does a name that modifies the noun heading the phrase: "a Roe supporter".
        # When the phrase has a name of its own, only that name speaks: in "Harbour Union
        # Treasurer Jane Roe" the union's name describes Roe, whom no actor may stand for.
        modifier = bool(words) and words[-1][:1].islower() and not apposition
        found = None if modifier else index.find_in(span.speaker_name or span.speaker_text)
        speaker = found if found is not None and kinds.get(found) == "person" else None
    if speaker is None and span.speaker_type in ("role", "collective"):
        speaker = _speaker_by_role(span, roles, source_id)
    return speaker


def _paragraph_number(anchor: str) -> int:
    """ "s12-3" -> 12."""
    head = anchor[1:].split("-", 1)[0]
    return int(head) if head.isdigit() else 0


def _role_index(actors: Sequence[Actor]) -> list[tuple[set[str], Actor]]:
    return [({w for role in a.roles for w in fold(role.text).split()}, a) for a in actors if a.roles]


def _speaker_by_role(span: QuoteSpan, roles: list[tuple[set[str], Actor]], source_id: str) -> str | None:
    """ "the prime minister" -> the one actor (of this source, else of the corpus) with that role."""
    words = [w for w in fold(span.speaker_text or "").split() if w not in ("the", "a", "an", "its", "his", "her")]
    if not words:
        return None
    head = words[-1]
    if head not in SPEAKER_ROLE_NOUNS:
        return None  # "the site had ...": not a noun that speaks
    matches = [a for role_words, a in roles if head in role_words and set(words) <= role_words | {head}]
    local = [a for a in matches if source_id in a.sources]
    chosen = local or matches
    return chosen[0].id if len({a.id for a in chosen}) == 1 else None


def group_statements(quotes: list[Quote]) -> list[Quote]:
    """Give near-identical quotes of different sources (same or unknown speaker) one statement id."""
    sets: UnionFind[str] = UnionFind(q.id for q in quotes)
    # Copies first: quotes of the same text and speaker form one group (a wire story carried by
    # many outlets), compared with other groups once, not once per pair of copies.
    copies: dict[tuple[str, str | None], _Copies] = {}
    for quote in quotes:
        copies.setdefault((quote.text, quote.speaker), _Copies(quote.text, quote.speaker)).add(quote)
    joined: set[int] = set()  # groups whose copies are one statement already

    def join(group: _Copies) -> None:
        if id(group) not in joined:
            joined.add(id(group))
            for quote in group.quotes[1:]:
                sets.union(group.quotes[0].id, quote.id)

    for group in copies.values():
        # Each copy has one in another source: all one statement (short quotes are never grouped).
        if len(group.sources) > 1 and len(group.text) >= MIN_STATEMENT_CHARS:
            join(group)
    # Blocking: only groups sharing a pair of consecutive longer words are compared, each pair
    # once; a pair of words that many statements share ("prime minister") tells none apart.
    long_enough = [group for group in copies.values() if len(group.text) >= MIN_STATEMENT_CHARS]
    keys = [_block_keys(group.text) for group in long_enough]
    blocks: dict[tuple[str, str], list[int]] = {}
    for number, group_keys in enumerate(keys):
        for key in group_keys:
            blocks.setdefault(key, []).append(number)
    for first, second in candidate_pairs(block for block in blocks.values() if len(block) <= MAX_STATEMENT_BLOCK):
        a, b = long_enough[first], long_enough[second]
        if (a.speaker and b.speaker and a.speaker != b.speaker) or (len(a.sources) == 1 and a.sources == b.sources):
            continue  # two different speakers, or all in one source
        if fuzz.token_set_ratio(a.text, b.text) >= SAME_STATEMENT_SCORE:
            # Every copy of one has a copy of the other in another source.
            join(a)
            join(b)
            sets.union(a.quotes[0].id, b.quotes[0].id)
    groups = sets.groups()
    statement_of = {}
    for members in groups.values():
        digest = hashlib.sha1("\0".join(sorted(members)).encode()).hexdigest()[:10]
        for member in members:
            statement_of[member] = f"st-{digest}"
    return [q.model_copy(update={"statement": statement_of[q.id]}) for q in quotes]


@dataclass
class _Copies:
    """Quotes of one text and one speaker (or none), in input order, and their sources."""

    text: str
    speaker: str | None
    quotes: list[Quote] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    def add(self, quote: Quote) -> None:
        self.quotes.append(quote)
        self.sources.add(quote.source)


def _block_keys(text: str) -> set[tuple[str, str]]:
    words = [w for w in fold(text).split() if len(w) > 3]
    return {(a, b) for a, b in zip(words, words[1:])} if len(words) > 1 else {(words[0], "")} if words else set()
