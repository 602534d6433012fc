"""render.lookup: records by id, indexes, order, and links to pages and sentences."""

from __future__ import annotations

from briefing.model import Corpus
from briefing.render.lookup import Lookup, anchor_key, page_path

LEDGER = "ledger-dam-breach-floods-valley"
WIRE = "northgate-wire-governor-promises-rebuild"
COASTAL = "coastal-dispatch-inquiry-into-dam"


def test_lookup_page_path_is_a_safe_name() -> None:
    assert page_path("actors", "../../escape me") == "actors/escape-me.md"


def test_lookup_anchor_key_orders_numbers_as_numbers() -> None:
    assert sorted(["s10-1", "s2-10", "p3", "s2-9"], key=anchor_key) == ["p3", "s2-9", "s2-10", "s10-1"]


def test_lookup_orders_sources_by_date_and_quotes_by_place(corpus: Corpus) -> None:
    lookup = Lookup(corpus)
    assert [s.id for s in lookup.sources_by_date()] == [LEDGER, WIRE, COASTAL]
    quotes = lookup.quotes_by_source[LEDGER]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert lookup.statement_sources["q-ledger-rebuild"] == {LEDGER, WIRE}
    assert lookup.actors_by_prominence()[0].id == "mira-okonkwo-tal"


def test_lookup_links_to_pages_and_sentences(corpus: Corpus) -> None:
    lookup = Lookup(corpus)
    page = f"sources/{LEDGER}.md"
    assert lookup.anchor_link(LEDGER, "s3-2").href == f"{page}#s3-2"
    assert lookup.anchor_link(LEDGER, "no-such-sentence").href == page  # the page itself
    assert lookup.source_link(LEDGER).text == "Dam breach floods the Veltmark valley"
    assert lookup.outlet_link(LEDGER).text == "The Harbor Ledger"
    assert lookup.source_link("unknown").text == "unknown"
    assert lookup.actor_link("nobody") is None and lookup.actor_link(None) is None
