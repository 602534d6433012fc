"""Time expressions: spaCy's DATE and TIME entities, anchored to the publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Doc

from briefing.dates import normalise_time_expression
from briefing.extract.event_times import clause_tense
from briefing.model import TimeSpan

TIME_LABELS = frozenset({"DATE", "TIME"})


def extract_times(doc: Doc, published: dt.date | None) -> Iterator[TimeSpan]:
    """Yield every DATE/TIME entity with its normalised date (None when it cannot be anchored)."""
    for ent in doc.ents:
        if ent.label_ not in TIME_LABELS:
            continue
        yield TimeSpan(
            text=ent.text,
            start=ent.start_char,
            end=ent.end_char,
            anchor="",
            date=normalise_time_expression(ent.text, published, future=clause_tense(ent.root)),
        )
