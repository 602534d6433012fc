"""render.records: views of events, quotes, statements and discrepancies, each made once."""

from __future__ import annotations

from briefing.model import Corpus, Discrepancy, Version
from briefing.render.lookup import Lookup
from briefing.render.records import RecordViews


def test_records_statement_merges_quotes_and_keeps_other_wordings(corpus: Corpus) -> None:
    views = RecordViews(Lookup(corpus))
    rebuild = [q for q in corpus.quotes if q.statement == "st-rebuild"]
    (statement,) = views.statements(rebuild)
    assert statement.text == "We will rebuild every home,"  # the first source's wording
    assert statement.source_count == 2 and len(statement.quotes) == 2
    assert [v.text for v in statement.variants] == ["We will rebuild every single home,"]
    assert statement.speaker is not None and statement.speaker.text == "Mira Okonkwo-Tal"


def test_records_event_view_is_made_once_with_a_row_per_sentence(corpus: Corpus) -> None:
    views = RecordViews(Lookup(corpus))
    event = next(e for e in corpus.events if e.date_disputed)
    view = views.event_view(event)
    assert views.event_view(event) is view
    assert view.disputed and view.source_count == 2 and view.date.label == "2031-03-03"
    assert [(row.first.date, row.first.date_text) for row in view.rows] == [
        ("2031-03-04", "Tuesday"),
        ("2031-03-03", "Monday night"),
    ]


def test_records_discrepancy_links_its_subject_and_orders_versions_by_source(corpus: Corpus) -> None:
    views = RecordViews(Lookup(corpus))
    (view,) = views.discrepancies()
    assert view.subject is not None and view.subject.href == "events/2031-03-03-orrin-dam-collapses.md"
    assert [v.value for v in view.versions] == ["2031-03-04", "2031-03-03"]
    assert views.discrepancies("coastal-dispatch-inquiry-into-dam") == []


def test_records_discrepancy_shows_each_sentence(corpus: Corpus) -> None:
    """The "In the sentence" column gets the sentence (the value marked in it), not the value again."""
    ledger = next(s for s in corpus.sources if s.id == "ledger-dam-breach-floods-valley")
    sentence = next(s for p in ledger.paragraphs for s in p.sentences if "rebuild every home" in s.text)
    value = "We will rebuild every home,"
    wording = Discrepancy(id="wording-rebuild", kind="wording", title="Wording of “We will rebuild…”", subject="mira-okonkwo-tal",
                          versions=[Version(source=ledger.id, anchor=sentence.anchor, text=value, value=value)])
    views = RecordViews(Lookup(corpus.model_copy(update={"discrepancies": [wording]})))
    (view,) = views.discrepancies()
    assert view.title == "Wording of “We will rebuild…”"
    (version,) = view.versions
    assert version.sentence.text == sentence.text != value
    assert [s.text for s in version.sentence.segments if s.mark] == [value]
