"""Across sources: shared passages and copies, independent corroboration, discrepancies."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from briefing.lexicon.numbers import APPROXIMATORS, MULTIPLIERS, WORD_NUMBERS
from briefing.lexicon.stopwords import STOPWORDS
from briefing.model import (
    COPY_SHARE,
    Actor,
    Discrepancy,
    Event,
    Extraction,
    NumberSpan,
    Quote,
    SharedPassage,
    Source,
    Version,
)
from briefing.names import fold, name_tokens
from briefing.resolve.unionfind import UnionFind
from briefing.slugs import slugify_id, unique_ids

SHINGLE_WORDS = 8
# A source sharing at least this much of its text with another is reported as sharing passages
# (from COPY_SHARE up, as a copy).
MIN_SHARED = 0.02
# A source lists the sources it shares most with, at most this many (copies first).
MAX_SHARED_LISTED = 12
# Shingles found in more sources than this are boilerplate or a formula, not evidence of copying.
MAX_SHINGLE_SOURCES = 50
# Two sentences speak of the same count when their content words overlap this much.
SAME_FACT_OVERLAP = 0.3
# A heading quotes at most this many characters of a wording, cut after a whole word.
TITLE_QUOTE_CHARS = 60


# ------------------------------------------------------------ shared passages


def _shingles(source: Source) -> set[int]:
    """The source's word 8-grams, as Python hashes: only compared within one run, where a 64-bit
    hash stands for its 8-gram (a collision would add one shared shingle)."""
    words = fold(" ".join(p.text for p in source.paragraphs if p.kind == "body")).split()
    return {hash(tuple(words[i : i + SHINGLE_WORDS])) for i in range(max(len(words) - SHINGLE_WORDS + 1, 0))}


def find_shared_passages(sources: Sequence[Source]) -> list[Source]:
    """Fill Source.shared_passages: which other sources carry the same word 8-grams, and how much."""
    return with_shared_passages(sources, shared_passages(sources))


def with_shared_passages(sources: Sequence[Source], found: dict[str, list[SharedPassage]]) -> list[Source]:
    return [source.model_copy(update={"shared_passages": found.get(source.id, [])}) for source in sources]


def shared_passages(sources: Sequence[Source]) -> dict[str, list[SharedPassage]]:
    """Source id -> the sources that carry the same word 8-grams as it, and how much of it."""
    shingles = {s.id: _shingles(s) for s in sources}
    index: dict[int, list[str]] = defaultdict(list)  # blocking: only sources sharing a shingle meet
    for source_id, values in shingles.items():
        for value in values:
            index[value].append(source_id)
    common: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))  # source -> other -> shingles
    for owners in index.values():
        if 1 < len(owners) <= MAX_SHINGLE_SOURCES:
            for i, a in enumerate(owners):
                for b in owners[i + 1 :]:
                    common[a][b] += 1
                    common[b][a] += 1
    result = {}
    for source in sources:
        own = len(shingles[source.id]) or 1
        shared = [
            SharedPassage(source=other, share=round(count / own, 3))
            for other, count in common.get(source.id, {}).items()
            if count / own >= MIN_SHARED
        ]
        shared.sort(key=lambda p: (-p.share, p.source))
        result[source.id] = shared[:MAX_SHARED_LISTED]
    return result


def independence_groups(sources: Sequence[Source]) -> dict[str, str]:
    """Source id -> the id of its group of copies (a copy and its original count once)."""
    sets: UnionFind[str] = UnionFind(s.id for s in sources)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for source in sources:
        if source.outlet:
            by_outlet[fold(source.outlet)].append(source.id)
    for source in sources:
        for passage in source.shared_passages:
            if passage.share >= COPY_SHARE:
                sets.union(source.id, passage.source)
        if source.republished_from:
            for original in by_outlet.get(fold(source.republished_from), []):
                if original != source.id:
                    sets.union(source.id, original)
    return {s.id: sets.find(s.id) for s in sources}


def count_independent(events: Sequence[Event], groups: dict[str, str]) -> list[Event]:
    return [e.model_copy(update={"independent_sources": len({groups.get(s, s) for s in e.sources})}) for e in events]


# ------------------------------------------------------------- discrepancies


def find_discrepancies(
    extractions: Sequence[Extraction], actors: Sequence[Actor], quotes: Sequence[Quote], events: Sequence[Event]
) -> list[Discrepancy]:
    """The same fact told differently: counts, event dates, spellings of a name, a quote's wording."""
    sentences = {(e.source.id, s.anchor): s.text for e in extractions for p in e.source.paragraphs for s in p.sentences}
    drafts = [
        *_number_discrepancies(extractions, sentences),
        *_date_discrepancies(events),
        *_name_discrepancies(actors, sentences),
        *_wording_discrepancies(quotes),
    ]
    ids = unique_ids([slugify_id(f"{d.kind} {d.title}") or d.kind for d in drafts])
    return [d.model_copy(update={"id": i}) for d, i in zip(drafts, ids)]


def _content_words(text: str) -> set[str]:
    return {w for w in fold(text).split() if w not in STOPWORDS and not w.isdigit() and len(w) > 2}


def _number_discrepancies(extractions: Sequence[Extraction], sentences: dict[tuple[str, str], str]) -> Iterable[Discrepancy]:
    by_unit: dict[str, list[tuple[str, NumberSpan]]] = defaultdict(list)
    for extraction in extractions:
        for number in extraction.numbers:
            by_unit[number.unit].append((extraction.source.id, number))
    for unit, items in sorted(by_unit.items()):
        if len({source for source, _ in items}) < 2:
            continue
        sets: UnionFind[int] = UnionFind(range(len(items)))
        words = [_content_words(sentences.get((s, n.anchor), "")) for s, n in items]
        kinds = [_count_modifiers(n) for _, n in items]
        for i, j in _candidate_pairs(words):
            if (items[i][0] != items[j][0] and _overlap(words[i], words[j]) >= SAME_FACT_OVERLAP
                    and (kinds[i] <= kinds[j] or kinds[j] <= kinds[i])):
                sets.union(i, j)
        for members in sets.groups().values():
            group = [items[i] for i in sorted(members)]
            values = {n.value for _, n in group}
            if len({s for s, _ in group}) < 2 or len(values) < 2:
                continue
            counted = group[0][1].text.split()[-1] if group[0][1].text.split() else unit
            yield Discrepancy(
                id="",
                kind="number",
                subject=unit,
                title=f"How many {counted}",
                versions=[
                    Version(source=s, anchor=n.anchor, text=sentences.get((s, n.anchor), n.text), value=n.text)
                    for s, n in group
                ],
            )


def _count_modifiers(number: NumberSpan) -> frozenset[str]:
    """The words that say what kind of thing is counted ("four fire crews" -> fire): "22 ambulance
    crews" and "four fire crews" count different things, "five people" and "seven people" the same."""
    words = fold(number.text).split()[:-1]  # the counted noun ends the span
    return frozenset(
        w for w in words
        if not w.replace(".", "").isdigit() and w not in WORD_NUMBERS and w not in MULTIPLIERS
        and w not in APPROXIMATORS and w not in STOPWORDS
    )


def _candidate_pairs(words: list[set[str]]) -> set[tuple[int, int]]:
    """Pairs of sentences sharing a word that is not everywhere (blocking instead of all pairs)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(words):
        for word in bag:
            index[word].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) <= MAX_SHINGLE_SOURCES:
            pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1 :])
    return pairs


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / (len(a | b) or 1)


def _date_discrepancies(events: Sequence[Event]) -> Iterable[Discrepancy]:
    for event in events:
        if not event.date_disputed:
            continue
        yield Discrepancy(
            id="",
            kind="date",
            subject=event.id,
            title=f"When: {event.title}",
            versions=[
                Version(source=m.source, anchor=m.anchor, text=m.text, value=m.date.value.isoformat() if m.date else "not stated")
                for m in event.mentions
            ],
        )


def _name_discrepancies(actors: Sequence[Actor], sentences: dict[tuple[str, str], str]) -> Iterable[Discrepancy]:
    """A person's full name spelt differently by different sources (transliterations)."""
    for actor in actors:
        if actor.kind != "person":
            continue
        first_seen: dict[str, tuple[str, str, str]] = {}  # folded full name -> (source, anchor, form)
        longest = max((len(name_tokens(m.text)) for m in actor.mentions), default=0)
        for mention in actor.mentions:
            if longest < 2 or len(name_tokens(mention.text)) < longest:
                continue
            key = fold(mention.text).replace(" ", "")
            first_seen.setdefault(key, (mention.source, mention.anchor, mention.text))
        if len(first_seen) < 2:
            continue
        yield Discrepancy(
            id="",
            kind="name",
            subject=actor.id,
            title=f"Spelling of {actor.name}",
            versions=[
                Version(source=s, anchor=a, text=sentences.get((s, a), form), value=form)
                for s, a, form in sorted(first_seen.values())
            ],
        )


def _wording_discrepancies(quotes: Sequence[Quote]) -> Iterable[Discrepancy]:
    """One statement quoted by several sources in different words."""
    by_statement: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        if quote.kind != "indirect":  # reported speech is everyone's own wording
            by_statement[quote.statement].append(quote)
    for members in by_statement.values():
        readings = {_reading(q.text) for q in members}
        # Quotes that are each part of a longer one say the same; the wording differs only when
        # two quotes are not part of any other (the fullest versions disagree).
        fullest = [r for r in readings if not any(other != r and _within(r, other) for other in readings)]
        if len({q.source for q in members}) < 2 or len(fullest) < 2:
            continue
        first = members[0]
        yield Discrepancy(
            id="",
            kind="wording",
            subject=first.speaker or "",
            title=f"Wording of “{opening(first.text)}”",
            versions=[Version(source=q.source, anchor=q.anchor, text=q.text, value=q.text) for q in members],
        )


# An editor's gloss inside a quotation, in brackets or parentheses: "Daesh [the militant group]".
_GLOSS = re.compile(r"\s*(\([^()]*\)|\[[^\[\]]*\])")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_DOUBLED = re.compile(r"(\w)\1")


def _reading(text: str) -> tuple[str, frozenset[str]]:
    """How a wording is compared: its letters without the editors' glosses, spaces or doubled
    letters (so "First Group" is "FirstGroup", "travelling" "traveling"), and every number it gives
    (glosses included: a count is a fact however it is inserted)."""
    letters = _DOUBLED.sub(r"\1", fold(_GLOSS.sub(" ", text)).replace(" ", ""))
    numbers = {n.replace(",", "") for n in _DIGITS.findall(text)}
    numbers |= {w for w in fold(text).split() if w in WORD_NUMBERS or w in MULTIPLIERS}
    return letters, frozenset(numbers)


def _within(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    """Wording `a` is part of wording `b`: its words inside b's, and no number of a's missing from b."""
    return a[0] in b[0] and a[1] <= b[1]


def opening(text: str, limit: int = TITLE_QUOTE_CHARS) -> str:
    """The start of `text` to quote in a heading: whole words up to `limit` characters, "…" when cut
    (a heading cut mid-word, "after d…", reads as a typo)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    kept = cut.rsplit(" ", 1)[0] if " " in cut else text[:limit]
    return kept.rstrip(" ,;:-–—") + "…"
