"""Layout: furniture classification of a page's paragraphs."""

from __future__ import annotations

import pytest

from briefing.ingest.layout import classify_paragraphs
from briefing.lexicon.press import PICTURE_AGENCIES, WIRE_AGENCIES


BODY_1 = "The regional assembly of Dunmore voted on Thursday to suspend the new mining licences, a spokesman said."
BODY_2 = "Opponents of the plan, including two farmers' unions, had gathered outside the building since dawn to protest."
BODY_3 = "The vote is not binding, but the governor is expected to follow it, according to officials familiar with the matter."
BODY_4 = "Mining companies have said they will appeal, arguing that the licences were granted lawfully last year."


def _kinds(texts: list[str]) -> dict[str, str]:
    return dict(zip(texts, classify_paragraphs(texts)))


def test_layout_headline_kicker_caption_credit() -> None:
    texts = [
        "Business",
        "Dunmore assembly suspends mining licences",
        "KESTREL (Meridian Wire) - " + BODY_1,
        BODY_2,
        "Protesters hold banners outside the assembly in Kestrel, Dunmore March 4, 2021. Assembly Press Office/Handout via MERIDIAN",
        BODY_3,
        "Reporting by Lena Okafor and Priya Nandan; Additional reporting by Tomas Varga in Orlan; Editing by Carl Weston",
    ]
    kinds = classify_paragraphs(texts)
    assert kinds == ["section", "headline", "body", "body", "caption", "body", "credit"]


def test_layout_header_block_repeat_caption_byline_dates() -> None:
    texts = [
        "Dunmore Assembly Suspends 'All New' Mining Licences",
        "Dunmore Assembly Suspends 'All New' Mining Licences",
        "Farmers are seen outside the assembly in Kestrel, Dunmore, on March 4, 2021. (Assembly media office/Handout via Meridian)",
        "Lena Okafor",
        "3/4/2021",
        "Updated:",
        "3/4/2021",
        BODY_1,
        BODY_2,
        BODY_3,
        "Lena Okafor is a senior reporter who covers energy and the environment. Having joined The Coastal Herald's newsroom in 2015, she lives in Orlan.",
        "facebook",
        "Related Articles",
    ]
    assert classify_paragraphs(texts) == [
        "headline", "headline", "caption", "byline", "dateline", "dateline", "dateline",
        "body", "body", "body", "bio", "share", "related",
    ]


def test_layout_advocacy_preamble_before_republished_report() -> None:
    texts = [
        "TAKE ACTION: Dunmore Suspends Mining Licences",
        "March 5th, 2021 - by Northern Post",
        "ACTION ALERT: Call your senators today and tell them to protect the valley!",
        "As a resident, I urge you to oppose any new licences in the valley.",
        "Farmers gathered in Kestrel to mark the vote",
        "Dunmore Suspends Mining Licences",
        "Northern Post",
        "(March 4, 2021) \u2014 " + BODY_1,
        BODY_2,
        "What Happens Next?",
        BODY_3,
        "Read: Valley farmers count the cost of a dry summer",
        BODY_4,
        "Marta K. \u2014 This is the best news we have had in years. Thank you for posting it.",
        "Owen \u2014 The companies will win on appeal, as they always do.",
        "Marta K. \u2014 We will see about that.",
        "This copy is posted in accordance with the fair use provisions of copyright law, for research only.",
    ]
    assert classify_paragraphs(texts) == [
        "headline", "dateline", "preamble", "preamble", "preamble", "headline", "byline",
        "body", "body", "section", "body", "related", "body",
        "comment", "comment", "comment", "note",
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Lena Okafor and Tomas Varga", "byline"),
        ("Note: This story was updated on 3/4/2021 to add a statement.", "note"),
        ("Copyright 2021 The Coastal Herald. All rights reserved.", "note"),
        ("This text was automatically translated from the original.", "note"),
        ("Follow her on X: @lokafor", "share"),
        ("https://example.org/story/123", "share"),
        ("Opinion: The valley deserves better", "related"),
        ("Also read: Farmers and miners meet again", "related"),
        ("Watch: Protest outside the assembly", "related"),
        ("Mining Minister: licences were lawful and will stand", "related"),
        ("\u2018No Going Back\u2019 Governor Says", "related"),
        ("How Did the Vote Unfold?", "section"),
        ("afp12345678 Farmers hold banners in Kestrel, Dunmore, 4 March 2021.", "caption"),
        ("A farmer holds a banner in Kestrel. MERIDIAN/JANE ROE", "caption"),
        ("Photo: Jane Roe", "caption"),
        ("Writing by Priya Nandan; Editing by Carl Weston", "credit"),
    ],
)
def test_layout_furniture_line_in_body(line: str, kind: str) -> None:
    texts = ["Dunmore assembly suspends mining licences", BODY_1, BODY_2, line, BODY_3, BODY_4]
    assert classify_paragraphs(texts)[3] == kind


@pytest.mark.parametrize(
    "line",
    [
        "\u201cWe will appeal,\u201d the company said in a statement on Thursday.",
        "The governor is a former journalist who has promised to listen to farmers.",
        "KESTREL - Officials said the decision would be reviewed next year.",
        "\u2022 Suspends all licences granted since 2019",
        "Mr Hale \u2014 who resigned in May \u2014 said the vote was rushed.",
        "A new XYZ/NORC poll found that most residents of Kestrel support the plan.",
        "Ms Okafor is a reporter by training and a farmer by choice, her neighbours say.",
    ],
)
def test_layout_body_lines_stay_body(line: str) -> None:
    texts = ["Dunmore assembly suspends mining licences", BODY_1, BODY_2, line, BODY_3, BODY_4]
    assert classify_paragraphs(texts)[3] == "body"


def test_layout_no_headline_when_first_line_is_a_sentence() -> None:
    texts = [BODY_1, BODY_2, BODY_3]
    assert classify_paragraphs(texts) == ["body", "body", "body"]


def test_layout_standfirst_under_title_is_headline() -> None:
    texts = [
        "Dunmore suspends mining licences",
        "Assembly says it will review every licence granted since 2019 as farmers threaten more protests",
        BODY_1,
    ]
    assert classify_paragraphs(texts) == ["headline", "headline", "body"]


def test_layout_signed_lines_inside_reporting_are_not_comments() -> None:
    texts = [
        "Dunmore assembly suspends mining licences",
        BODY_1,
        "Hale \u2014 the longest-serving member \u2014 voted against the plan.",
        BODY_2,
        "Okafor - speaking for the unions - welcomed it.",
        BODY_3,
        BODY_4,
        BODY_1,
    ]
    assert "comment" not in classify_paragraphs(texts)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Advertisement", "advert"),
        ("Advertisement Continue reading the main story", "advert"),
        ("Story continues below advertisement", "advert"),
        ("Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. "
         "Invalid email address. Please re-enter. You must select a newsletter to subscribe to.", "signup"),
        ("Please enter a valid email address", "signup"),
        ("Sign up for the Harbour Briefing newsletter", "signup"),
        ("Media playback is unsupported on your device Media caption Dana Whitfield on the vote", "media"),
        ("Your browser does not support iframes.", "media"),
        ("Harbour news in pictures", "media"),
        ("MOST READ IN NEWS FERRY FURY Commuters stranded as Ellery crossing shuts again", "sidebar"),
        ("Trending: Harbour Dynamics shares jump after ferry order", "sidebar"),
        ("Do you have a story for the Harbour Herald news team? Email us at tips@harbour-herald.co.uk", "appeal"),
        ("Contact the writer at dana.whitfield@harbour-herald.co.uk", "appeal"),
        ("If you saw the protest or have pictures, you can share them with us using the form below.", "appeal"),
        ("A post shared by Dana Whitfield (@danawhitfield) on Mar 3, 2021 at 4:05pm PST", "embed"),
        ("Farmers are heading to Kestrel tonight. pic.twitter.com/AbCdEf123 \u2014 Lena Okafor (@lokafor) March 4, 2021", "embed"),
        ("Enlarge this image toggle caption Assembly Press Office", "caption"),
        ("Image copyright Meridian Image caption Farmers gathered outside the assembly", "caption"),
        (f"Farmers gather outside the assembly in Kestrel ({PICTURE_AGENCIES[0]})", "caption"),
        (f"{PICTURE_AGENCIES[0]} - Contributor Farmers gather outside the assembly in Kestrel", "caption"),
        (f"{PICTURE_AGENCIES[0].upper()} Farmers gather outside the assembly in Kestrel on Thursday", "caption"),
        ("Governor Hale (left) greets farmers outside the assembly in Kestrel", "caption"),
        ("2/34 4 March 2021 Farmers gather outside the assembly in Kestrel", "caption"),
        ("Like Meridian World on Facebook and stay updated on foreign news", "share"),
        ("Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.", "share"),
        ("Valley farmers count the cost of a dry summer | Lena Okafor Read more", "related"),
    ],
)
def test_layout_web_page_furniture(line: str, kind: str) -> None:
    texts = ["Dunmore assembly suspends mining licences", BODY_1, BODY_2, line, BODY_3, BODY_4]
    assert classify_paragraphs(texts)[3] == kind


def test_layout_links_listed_under_a_bare_label() -> None:
    texts = [
        "Dunmore assembly suspends mining licences", BODY_1, BODY_2, BODY_3,
        "Read more:",
        "Valley farmers count the cost of a dry summer",
        "Why the governor changed her mind on mining",
        BODY_4,
    ]
    assert classify_paragraphs(texts)[4:] == ["related", "related", "related", "body"]


@pytest.mark.parametrize(
    "line",
    [
        "Police asked anyone who saw the protest to call the incident line.",
        "Meridian reported that the talks had stalled on Thursday.",
        "The union's newsletter, published every week, said its members would strike.",
        "Out - of - band votes are rare: the last one was held in 2019.",
        "Advertisements for the new mines ran in every paper in the valley last spring.",
        "The union said members could sign up to the strike fund by email, and the privacy policy would protect them.",
    ],
)
def test_layout_reporting_about_furniture_words_stays_body(line: str) -> None:
    texts = ["Dunmore assembly suspends mining licences", BODY_1, BODY_2, line, BODY_3, BODY_4]
    assert classify_paragraphs(texts)[3] == "body"


def test_layout_page_printing_captions_without_full_stops() -> None:
    captions = [
        "Dana Whitfield waves to the crowd as the new ferry leaves Ellery harbour",
        "Workers gather on the slipway of the yard before the launch on Monday",
        "The ferry passes the lighthouse on its first crossing to Kestrel",
        "Families watch the launch from the sea wall near the old customs house",
        "A tug guides the ferry out of the harbour mouth in heavy rain",
    ]
    texts = ["Harbour Dynamics launches its first ferry", BODY_1]
    for caption, body in zip(captions, [BODY_2, BODY_3, BODY_4, BODY_1, BODY_2]):
        texts += [caption, body]
    kinds = classify_paragraphs(texts)
    assert [kinds[i] for i in range(2, len(texts), 2)] == ["caption"] * 5
    # One such line on a page is a sentence that lost its full stop, and stays.
    assert classify_paragraphs(["Harbour Dynamics launches its first ferry", BODY_1, captions[0], BODY_2, BODY_3])[2] == "body"


def test_layout_related_stories_label_with_its_headlines() -> None:
    line = "Related stories FERRY FURY Commuters stranded as crossing shuts again 'We were not told' says union"
    texts = ["Dunmore assembly suspends mining licences", BODY_1, BODY_2, line, BODY_3, BODY_4]
    assert classify_paragraphs(texts)[3] == "related"


@pytest.mark.parametrize(
    "line",
    [
        # A photographer and the organisation they shoot for, whoever the agency.
        "Dana Whitfield waves to dockers outside the yard in Ellery. (Tomas Varga/Harbour Herald)",
        "A ferry leaves the slipway in Kestrel on Tuesday. (Tomas Varga/Harbour Herald via Meridian, File)",
        "Dockers march to the harbour gates (Ellery Images)",
        "Dockers march to the harbour gates on Tuesday. Tomas Varga/Harbour Herald",
        "Ellery Pictures or licensors Dockers march to the harbour gates on Tuesday",
        "Harbour Dynamics Harbour Dynamics builds ferries for three lines on the coast",
        "Screenshot: the Harbour Dynamics website on Tuesday",
        f"Dockers march to the harbour gates in Ellery on Tuesday. {WIRE_AGENCIES[0]}",
    ],
)
def test_layout_picture_credit_by_its_form(line: str) -> None:
    texts = ["Dunmore assembly suspends mining licences", BODY_1, BODY_2, line, BODY_3, BODY_4]
    assert classify_paragraphs(texts)[3] == "caption"


@pytest.mark.parametrize(
    "line",
    [
        "The band's new record came out on Tuesday (AC/DC)",
        "Ms Whitfield said the yard would hire 40 welders and electricians (the union had asked for 60).",
        "Harbour Dynamics said it would build the ferries in Ellery, and Harbour Dynamics staff welcomed the news.",
        # The last paragraph of agency copy, then the agency's name: reporting, with its quotation.
        f"Dana Whitfield said the union would \u201cappeal at once\u201d and meet again on Friday. {WIRE_AGENCIES[0]}",
    ],
)
def test_layout_reporting_with_brackets_or_slashes_stays_body(line: str) -> None:
    texts = ["Dunmore assembly suspends mining licences", BODY_1, BODY_2, line, BODY_3, BODY_4]
    assert classify_paragraphs(texts)[3] == "body"


def test_layout_captions_sharing_an_unlisted_credit() -> None:
    texts = [
        "Harbour Dynamics launches its first ferry", BODY_1,
        "Ellery Sea Images Dana Whitfield waves to the crowd on the quay", BODY_2,
        "Ellery Sea Images The ferry passes the lighthouse on its first crossing", BODY_3, BODY_4,
    ]
    kinds = classify_paragraphs(texts)
    assert (kinds[2], kinds[4]) == ("caption", "caption")
    # One such line is not enough: it may be a sentence that lost its full stop.
    assert classify_paragraphs(texts[:4] + [BODY_3])[2] == "body"


def test_layout_caption_or_pull_quote_repeating_the_text() -> None:
    texts = [
        "Harbour Dynamics launches its first ferry", BODY_1,
        "Meridian Dockers marched to the gates before dawn on Tuesday to watch the launch",
        "Dockers marched to the gates before dawn on Tuesday to watch the launch, the union said.",
        "We have waited ten years for this ship Dana Whitfield",
        "\u201cWe have waited ten years for this ship,\u201d said Dana Whitfield, who leads the union.",
        BODY_2,
    ]
    assert classify_paragraphs(texts)[2:6] == ["caption", "body", "caption", "body"]


def test_layout_video_caption_beside_the_player() -> None:
    texts = [
        "Harbour Dynamics launches its first ferry", BODY_1, BODY_2,
        "Media playback is unsupported on your device",
        "Dana Whitfield explains why the yard matters to Ellery",
        BODY_3, BODY_4,
    ]
    assert classify_paragraphs(texts)[3:5] == ["media", "media"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("[Harbour strike ends after a week of talks]", "related"),
        ("[Why the governor changed her mind. And what comes next.]", "related"),
        ("(Harbour Herald Weekly 03/04/2031 page1)", "note"),
        ("A version of this article appears in print on March 4, 2031, on Page A1 of the Ellery edition "
         "with the headline: Assembly Suspends Licences.", "note"),
        ("Dana Whitfield contributed from Kestrel.", "credit"),
        ("Check us out on Facebook:", "share"),
        ("The ferry sails at dawn. \u2014 Dana Whitfield (@dwhitfield) 3 March 2031", "embed"),
    ],
)
def test_layout_links_print_tags_contributors_and_posts(line: str, kind: str) -> None:
    texts = ["Dunmore assembly suspends mining licences", BODY_1, BODY_2, line, BODY_3, BODY_4]
    assert classify_paragraphs(texts)[3] == kind


def test_layout_editors_note_run_into_a_paragraph_is_its_own_paragraph() -> None:
    from briefing.ingest.paragraphs import split_paragraphs

    text = "\n\n".join([
        "Dunmore assembly suspends mining licences",
        "The last vote was in 1948. Editor's note: A previous version of this video gave the wrong year. (Tomas Varga/Harbour Herald)",
        BODY_2,
    ])
    parts = [text[a:b] for a, b in split_paragraphs(text)]
    assert parts[1:3] == ["The last vote was in 1948.", "Editor's note: A previous version of this video gave the wrong year. (Tomas Varga/Harbour Herald)"]
    assert classify_paragraphs(parts)[1:4] == ["body", "note", "body"]


def test_layout_gallery_controls_printed_as_text() -> None:
    gallery = (
        "1 of 12 Full Screen Autoplay Close Skip Ad \u00d7 Ellery launches its ferry View Photos The ferry that Harbour "
        "Dynamics built sails on its first crossing to Kestrel on a wet morning, watched by crowds on the quay and by "
        "the families of the welders who built it over three years. Caption The ferry sails. Buy Photo Wait 1 second to continue."
    )
    reporting = "Fans watched the final on a full screen in the square after the organisers promised to show every match."
    texts = ["Harbour Dynamics launches its first ferry", BODY_1, gallery, reporting, BODY_2]
    assert classify_paragraphs(texts)[2:4] == ["media", "body"]


def test_layout_quoted_subheadings_over_witness_accounts() -> None:
    texts = [
        "Harbour Dynamics launches its first ferry", BODY_1,
        "'No time to run'", BODY_2,
        "\u201cScene out of a nightmare\u201d", BODY_3,
        "\"We are treating a number of patients.\"",
    ]
    assert classify_paragraphs(texts)[2:] == ["section", "body", "section", "body", "body"]


def test_layout_date_line_run_into_the_headline_is_split() -> None:
    from briefing.ingest.paragraphs import split_paragraphs

    text = "Ferry order signed in Ellery Updated: 2031-03-03 13:14 By Agencies(Harbour Herald Weekly)\n\n" + BODY_1
    parts = [text[a:b] for a, b in split_paragraphs(text)]
    assert parts[:2] == ["Ferry order signed in Ellery", "Updated: 2031-03-03 13:14 By Agencies(Harbour Herald Weekly)"]
    assert classify_paragraphs(parts) == ["headline", "dateline", "body"]


def test_layout_unpunctuated_line_in_a_run_of_captions() -> None:
    texts = [
        "Harbour Dynamics launches its first ferry", BODY_1,
        "Dana Whitfield (left) waves from the bridge of the new ferry",
        "Crowds line the Ellery quay to watch the ferry leave on its first crossing",
        BODY_2,
        # Without a caption beside it, such a line may be a sentence that lost its full stop.
        "Harbour Dynamics workers watched the ferry leave from the slipway at dawn",
        BODY_3, BODY_4,
    ]
    assert classify_paragraphs(texts)[2:6] == ["caption", "caption", "body", "body"]


def test_layout_unpunctuated_line_beside_a_most_read_box() -> None:
    texts = [
        "Harbour Dynamics launches its first ferry", BODY_1, BODY_2,
        "Ellery council approves a second crossing to Kestrel after a long public inquiry",
        "MOST READ IN NEWS FERRY FURY Commuters stranded as Ellery crossing shuts again",
        BODY_3, BODY_4,
    ]
    assert classify_paragraphs(texts)[3:5] == ["related", "sidebar"]
