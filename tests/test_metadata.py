"""Metadata: title, outlet, authors and publication date inferred from synthetic articles."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.ingest.layout import classify_paragraphs
from briefing.ingest.paragraphs import split_paragraphs
from briefing.ingest.metadata import SourceMetadata, infer_metadata
from briefing.model import DateValue, Paragraph

BODY_1 = "The regional assembly of Dunmore voted on Thursday to suspend the new mining licences, a spokesman said."
BODY_2 = "Opponents of the plan, including two farmers' unions, had gathered outside the building since dawn to protest."
BODY_3 = "The vote is not binding, but the governor is expected to follow it, according to officials familiar with the matter."


def _meta(paragraphs: list[str], front_matter: dict | None = None) -> SourceMetadata:
    text = "\n\n".join(paragraphs)
    spans = split_paragraphs(text)
    kinds = classify_paragraphs([text[a:b] for a, b in spans])
    models = [
        Paragraph(anchor=f"p{i}", kind=kind, start=a, end=b, text=text[a:b])
        for i, ((a, b), kind) in enumerate(zip(spans, kinds), start=1)
    ]
    return infer_metadata(text, models, front_matter or {})


def test_metadata_agency_dateline_and_credit_line() -> None:
    meta = _meta([
        "Business",
        "Dunmore assembly suspends mining licences",
        "KESTREL (Meridian Wire) - " + BODY_1,
        BODY_2,
        "Protesters hold banners outside the assembly in Kestrel, Dunmore March 4, 2021. Assembly Press Office/Handout via MERIDIAN",
        BODY_3,
        "Reporting by Lena Okafor and Priya Nandan; Additional reporting by Tomas Varga in Orlan and Ines Roy in Vell; "
        "Writing by Priya Nandan and Ines Roy; Editing by Carl Weston and Ruth Bell",
    ])
    assert meta.title == "Dunmore assembly suspends mining licences"
    assert meta.outlet == "Meridian Wire"
    assert meta.authors == ["Lena Okafor", "Priya Nandan", "Tomas Varga", "Ines Roy"]
    assert meta.published is not None and meta.published.value == dt.date(2021, 3, 4)
    assert "caption" in meta.published.basis and "Thursday" in meta.published.basis
    assert meta.republished_from is None


def test_metadata_byline_bio_numeric_date_settled_by_caption() -> None:
    meta = _meta([
        "Dunmore Assembly Suspends 'All New' Mining Licences",
        "Farmers are seen outside the assembly in Kestrel, Dunmore, on March 4, 2021. (Assembly media office/Handout via Meridian)",
        "Lena Okafor",
        "3/4/2021",
        "Updated:",
        "3/4/2021",
        BODY_1, BODY_2, BODY_3,
        "Lena Okafor is a senior reporter who covers energy. Having joined The Coastal Herald's newsroom in 2015, she lives in Orlan.",
        "twitter",
    ])
    assert meta.outlet == "The Coastal Herald"
    assert meta.authors == ["Lena Okafor"]
    assert meta.published is not None and meta.published.value == dt.date(2021, 3, 4)
    assert "month-first" in meta.published.basis


def test_metadata_day_first_numeric_date_settled_by_lead_weekday() -> None:
    # 04/03/2021: Thursday 4 March (day-first) or Saturday 3 April (month-first).
    meta = _meta([
        BODY_1, BODY_2, BODY_3,
        "Note: This page was updated at 10:12 GMT on 04/03/2021 with the result of the vote.",
    ])
    assert meta.outlet is None and meta.authors == []
    assert meta.published is not None and meta.published.value == dt.date(2021, 3, 4)
    assert "day-first" in meta.published.basis and "Thursday" in meta.published.basis
    assert meta.title.startswith("The regional assembly of Dunmore voted")
    assert len(meta.title.split()) <= 13


def test_metadata_republished_report_uses_original_outlet_and_page_date() -> None:
    meta = _meta([
        "TAKE ACTION: Dunmore Suspends Mining Licences",
        "March 5th, 2021 - by Northern Post",
        "ACTION ALERT: Call your senators today and tell them to protect the valley!",
        "As a resident, I urge you to oppose any new licences in the valley.",
        "Dunmore Suspends Mining Licences",
        "Northern Post",
        "(March 4, 2021) \u2014 " + BODY_1,
        BODY_2, BODY_3,
        "This copy is posted in accordance with the fair use provisions of copyright law, for research only.",
    ])
    assert meta.title == "Dunmore Suspends Mining Licences"
    assert meta.outlet == "Northern Post"
    assert meta.republished_from == "Northern Post"
    assert meta.authors == []
    assert meta.published is not None and meta.published.value == dt.date(2021, 3, 5)


def test_metadata_date_by_person_is_author() -> None:
    meta = _meta(["Dunmore suspends mining licences", "March 5, 2021 - by Lena Okafor", BODY_1, BODY_2])
    assert meta.authors == ["Lena Okafor"] and meta.outlet is None
    assert meta.published is not None and meta.published.value == dt.date(2021, 3, 5)


def test_metadata_cited_outlet_is_not_the_source() -> None:
    meta = _meta([
        "Dunmore suspends mining licences",
        BODY_1,
        "\u201cWe will appeal,\u201d the company's chief executive told the Daily Planet on Thursday.",
        "The vote was first reported by Meridian Wire, the Evening Courier reported.",
        BODY_3,
    ])
    assert meta.outlet is None
    assert meta.authors == []
    assert meta.published is None


def test_metadata_caption_date_inconsistent_with_lead_is_rejected() -> None:
    # 1 March 2021 is a Monday; the lead's Thursday cannot be within two days of it.
    meta = _meta([
        "Dunmore suspends mining licences",
        "File view of the assembly in Kestrel, Dunmore, 1 March 2021. MERIDIAN/JANE ROE",
        BODY_1, BODY_2,
    ])
    assert meta.published is None


def test_metadata_by_line_with_outlet_trailer() -> None:
    meta = _meta(["Dunmore suspends mining licences", "By Lena Okafor and Tomas Varga, Meridian News", BODY_1, BODY_2])
    assert meta.authors == ["Lena Okafor", "Tomas Varga"]
    assert meta.outlet == "Meridian News"


@pytest.mark.parametrize("key", ["title", "outlet", "authors", "published"])
def test_metadata_front_matter_wins(key: str) -> None:
    front = {
        "title": "Given title",
        "outlet": "Given Outlet",
        "authors": ["Given Author"],
        "published": DateValue(value=dt.date(2020, 2, 2), basis="front matter"),
    }
    meta = _meta(["Dunmore suspends mining licences", "By Lena Okafor", "KESTREL (Meridian Wire) - " + BODY_1], {key: front[key]})
    expected = front[key].value if key == "published" else front[key]  # type: ignore[union-attr]
    got = getattr(meta, key)
    assert (got.value if key == "published" else got) == expected


def test_metadata_markdown_byline_with_outlet_and_published_line() -> None:
    meta = _meta([
        "# Dunmore suspends mining licences",
        "**By Lena Okafor, The Coastal Herald**",
        "Published 5 March 2021",
        "KESTREL, Dunmore (Meridian) \u2014 " + BODY_1,
        BODY_2,
    ])
    assert meta.title == "Dunmore suspends mining licences"
    assert meta.outlet == "The Coastal Herald" and meta.authors == ["Lena Okafor"]
    assert meta.published is not None and meta.published.value == dt.date(2021, 3, 5)


def test_metadata_agency_byline_and_contributor_credits() -> None:
    from briefing.ingest.metadata import split_byline

    assert split_byline("OSKAR VELL Associated Wire") == ("Oskar Vell", "Associated Wire")
    assert split_byline("Oskar Vell") == ("Oskar Vell", None)
    texts = [
        "Storm cuts power to coastal towns",
        "By OSKAR VELL Associated Wire",
        "PORT ARDEN, Freedonia (AW) — A storm cut power to four towns on Monday, officials said.",
        "The utility said repairs would take days.",
        "Oskar Vell reported from Port Arden. Associated Wire writer Lea Marsh contributed from Kessel.",
    ]
    assert classify_paragraphs(texts)[3:] == ["body", "credit"]
    meta = _meta(texts)
    assert meta.outlet == "Associated Wire"
    assert meta.authors == ["Oskar Vell", "Lea Marsh"]


def test_metadata_dateline_without_year_takes_the_year_of_the_other_sources() -> None:
    from briefing.ingest.published import complete_years, infer_dateline_day
    from briefing.model import Source

    paragraphs = [Paragraph(anchor="p1", kind="body", start=0, end=60, text="KESSEL, Dec 30 (Wirepoint) - Snow closed the pass on Monday.")]
    assert infer_dateline_day(paragraphs) == "12-30"
    undated = Source(id="u", file="u.txt", title="u", dateline_day="12-30")
    around_new_year = Source(id="k", file="k.txt", title="k", published=dt.date(2035, 1, 2))
    far = Source(id="f", file="f.txt", title="f", dateline_day="06-01")
    result = {s.id: s for s in complete_years([undated, around_new_year, far])}
    assert result["u"].published == dt.date(2034, 12, 30)  # the year before: four days apart
    assert result["f"].published is None  # months away from every other source: no guess
    assert complete_years([undated]) == [undated]  # nothing to take a year from


STANDFIRST = "Harbour Dynamics will build two ferries in Ellery, the company said."


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Updated 11:02 AM ET, Tue March 3, 2031", dt.date(2031, 3, 3)),
        ("March 3, 2031 | 4:05pm", dt.date(2031, 3, 3)),
        ("Published: 03/17/2031", dt.date(2031, 3, 17)),
        ("10: 10 AM PDT 3 / 17 / 2031", dt.date(2031, 3, 17)),  # as tokenised corpora write it
        ("Last updated 13: 26 17 / 03 / 2031", dt.date(2031, 3, 17)),
        ("published: 2031 - 03 - 03 11: 47: 35", dt.date(2031, 3, 3)),
        ("Posted on: 3: 35 pm, March 3, 2031", dt.date(2031, 3, 3)),
        ("9: 53 AM, MON 3 MAR 2031", dt.date(2031, 3, 3)),
        ("POSTED: 1052 GMT (1852 HKT), March 3, 2031", dt.date(2031, 3, 3)),
        ("FOR IMMEDIATE RELEASE March 3, 2031", dt.date(2031, 3, 3)),
        ("Sunday, March 2 - 2031 at 16: 12", dt.date(2031, 3, 2)),
    ],
)
def test_metadata_date_line_forms(line: str, day: dt.date) -> None:
    meta = _meta(["Harbour Dynamics wins ferry order", line, BODY_1, BODY_2])
    assert meta.title == "Harbour Dynamics wins ferry order"
    assert meta.published is not None and meta.published.value == day
    # The same line under a standfirst that reads like reporting still dates the page.
    meta = _meta(["Harbour Dynamics wins ferry order", STANDFIRST, line, BODY_1, BODY_2])
    assert meta.published is not None and meta.published.value == day


def test_metadata_date_line_first_leaves_the_title_to_the_next_line() -> None:
    meta = _meta(["March 3, 2031 at 1: 00pm CST", "Harbour Dynamics wins ferry order", BODY_1, BODY_2])
    assert meta.title == "Harbour Dynamics wins ferry order"
    assert meta.published is not None and meta.published.value == dt.date(2031, 3, 3)


@pytest.mark.parametrize(
    "line",
    [
        "Harbour Deal Signed March 3, 2031",  # a headline that carries a date
        "Dana Whitfield was born on March 3, 1981, in Ellery.",  # a sentence
        "Ferry orders will be announced by March 3, 2031 at the latest",
    ],
)
def test_metadata_lines_with_a_date_that_are_not_date_lines(line: str) -> None:
    meta = _meta(["Harbour Dynamics wins ferry order", line, BODY_1, BODY_2])
    assert meta.published is None


def test_metadata_date_line_without_year_gives_the_day() -> None:
    meta = _meta(["Harbour Dynamics wins ferry order", "Mar. 3 5: 46 PM EST", BODY_1, BODY_2])
    assert meta.published is None and meta.dateline_day == "03-03"


@pytest.mark.parametrize(
    ("paragraphs", "outlet"),
    [
        (["Harbour Dynamics wins ferry order", "West Ellery, Harbourshire (HWN) " + BODY_1, BODY_2], "HWN"),
        (["Harbour Dynamics wins ferry order", "(Harbour Wire) " + BODY_1, BODY_2], "Harbour Wire"),
        (["Harbour Dynamics wins ferry order", "ELLERY, March 3 (Harbour Wire) - " + BODY_1, BODY_2], "Harbour Wire"),
        (["Harbour Dynamics wins ferry order", BODY_1, BODY_2, "\u2014 The Harbour Wire"], "The Harbour Wire"),
        (["Harbour Dynamics wins ferry order", "By Dana Whitfield, Harbour Wire", BODY_1, BODY_2], "Harbour Wire"),
        ([
            "Harbour Dynamics wins ferry order", BODY_1, BODY_2,
            "We pay for your stories! Do you have a story for The Harbour Herald news team? Email us at tips@harbour-herald.co.uk",
        ], "The Harbour Herald"),
        (["Harbour Dynamics wins ferry order", BODY_1, BODY_2, "Contact the writer at dana@harbour-herald.co.uk"], "harbour-herald.co.uk"),
        (["Harbour Dynamics wins ferry order", BODY_1, BODY_2, "The Harbour Wire contributed to this report."], None),
        ([
            "Harbour Dynamics wins ferry order", BODY_1,
            "Newsletter Sign Up Please enter a valid email address. You agree to receive occasional updates and "
            "special offers for The Harbour Herald's products and services. View all Harbour Herald newsletters.",
            BODY_2,
        ], "The Harbour Herald"),
        (["Harbour Dynamics wins ferry order", "Senator Dana Whitfield (Harbour Party) said on Thursday she would vote no.", BODY_2], None),
    ],
)
def test_metadata_outlet_from_wire_tags_and_credits(paragraphs: list[str], outlet: str | None) -> None:
    assert _meta(paragraphs).outlet == outlet


def test_metadata_subheading_under_the_title_is_no_author() -> None:
    for heading in ("What Happens Next", "A Request From the Port"):
        assert _meta(["Harbour Dynamics wins ferry order", heading, BODY_1, BODY_2]).authors == []


def test_metadata_file_photo_does_not_date_the_page() -> None:
    meta = _meta([
        "Harbour Dynamics wins ferry order",
        "FILE - In this Friday, March 5, 2021, file photo, a ferry is seen off Ellery. (Harbour Images via HWN)",
        BODY_1, BODY_2,
    ])
    assert meta.published is None


def test_metadata_text_date_that_disagrees_with_front_matter_is_kept() -> None:
    from briefing.ingest.published import publication_discrepancies
    from briefing.model import Source

    front = {"published": DateValue(value=dt.date(2031, 5, 1), basis="front matter")}
    meta = _meta(["Harbour Dynamics wins ferry order", "Updated 11:02 AM ET, Tue March 3, 2031", BODY_1, BODY_2], front)
    assert meta.published is not None and meta.published.value == dt.date(2031, 5, 1)  # front matter wins
    assert "date line says 2031-03-03" in meta.published.basis
    assert meta.published_in_text is not None
    assert (meta.published_in_text.value, meta.published_in_text.anchor) == (dt.date(2031, 3, 3), "p2")
    agreeing = _meta(["Harbour Dynamics wins ferry order", "March 3, 2031", BODY_1], {"published": DateValue(value=dt.date(2031, 3, 3))})
    assert agreeing.published_in_text is None
    source = Source(id="s", file="s.md", title="Ferry order", published=dt.date(2031, 5, 1), published_basis="front matter",
                    published_in_text=meta.published_in_text)
    [found] = publication_discrepancies([source, source.model_copy(update={"id": "t", "published_in_text": None})])
    assert found.kind == "date" and found.subject == "s"
    assert [v.value for v in found.versions] == ["2031-05-01", "2031-03-03"]


@pytest.mark.parametrize(
    "lead",
    [
        "Harbour Naval Service (HNS) Vessel Kestrel rescued a trawler off Ellery on Saturday.",
        "The Harbour Authority (Authority) Board met on Monday to discuss the ferry order.",
    ],
)
def test_metadata_abbreviation_in_brackets_is_no_wire_tag(lead: str) -> None:
    assert _meta(["Harbour Dynamics wins ferry order", lead, BODY_2]).outlet is None


def test_metadata_statement_signed_by_an_organisation_is_no_outlet() -> None:
    assert _meta(["Harbour Dynamics wins ferry order", BODY_1, BODY_2, "- ELLERY POLICE"]).outlet is None


@pytest.mark.parametrize(
    ("paragraphs", "outlet"),
    [
        (["Harbour Dynamics wins ferry order", "Harbour Wire Mar 3, 2031, 2:16PM", BODY_1, BODY_2], "Harbour Wire"),
        (["Harbour Dynamics wins ferry order", "The Harbour Herald | March 3, 2031", BODY_1, BODY_2], "The Harbour Herald"),
        # A place beside the date is no outlet.
        (["Harbour Dynamics wins ferry order", "ELLERY, March 3, 2031", BODY_1, BODY_2], None),
        (["Harbour Dynamics wins ferry order", BODY_1, BODY_2, "(Harbour Herald Weekly 03/04/2031 page1)"], "Harbour Herald Weekly"),
        (["Harbour Dynamics wins ferry order", BODY_1, BODY_2, "Like Harbour Herald World on Facebook and stay updated on foreign news"],
         "Harbour Herald"),
        # A journalist's page, or the reader asked to follow "us", names no outlet.
        (["Harbour Dynamics wins ferry order", BODY_1, BODY_2, "Follow Dana Whitfield on Twitter"], None),
        (["Harbour Dynamics wins ferry order", BODY_1, BODY_2, "Like us on Facebook"], None),
    ],
)
def test_metadata_outlet_beside_a_date_in_a_print_tag_or_a_follow_prompt(paragraphs: list[str], outlet: str | None) -> None:
    assert _meta(paragraphs).outlet == outlet


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("(Harbour Herald Weekly 03/14/2031 page1)", dt.date(2031, 3, 14)),
        ("A version of this article appears in print on March 5, 2031, on Page A1 of the Ellery edition "
         "with the headline: Assembly Suspends Licences.", dt.date(2031, 3, 5)),
    ],
)
def test_metadata_print_edition_dates_the_page(line: str, day: dt.date) -> None:
    meta = _meta(["Harbour Dynamics wins ferry order", BODY_1, BODY_2, line])
    assert meta.published is not None and meta.published.value == day
    assert "print edition" in meta.published.basis


def test_metadata_contributor_from_a_place_is_an_author() -> None:
    assert _meta(["Harbour Dynamics wins ferry order", BODY_1, BODY_2, "Tomas Varga contributed from Kestrel."]).authors == ["Tomas Varga"]


def test_metadata_date_line_run_into_the_headline_gives_date_and_outlet() -> None:
    meta = _meta(["Ferry order signed in Ellery Updated: 2031-03-03 13:14 By Agencies(Harbour Herald Weekly)", BODY_1, BODY_2])
    assert meta.title == "Ferry order signed in Ellery"
    assert meta.outlet == "Harbour Herald Weekly"
    assert meta.published is not None and meta.published.value == dt.date(2031, 3, 3)
