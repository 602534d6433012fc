"""Event dating: the date of an event is the day most sources give (one vote per source, day
precision preferred); `date_disputed` is set when sources name different days. An event no
mention dates takes the date of the nearest dated action before it in the same source (the
narrative's reference time, up to two sentences back), else the publication date of its
earliest source; `date_basis` says which."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

from briefing.model import DateValue
from briefing.resolve.date_gaps import PRECISION_RANK
from briefing.resolve.event_mentions import CandidateMention

INHERIT_SENTENCES = 2


def event_date(
    mentions: list[CandidateMention], published_of: Mapping[str, dt.date | None]
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


def inherited_date(
    mentions: list[CandidateMention],
    by_source: Mapping[str, list[CandidateMention]],
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
