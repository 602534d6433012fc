"""Named-entity mentions (spaCy, slow): titles and sentence-initial words kept out of names."""

from __future__ import annotations

import pytest

from briefing.extract.entities import extract_entities

pytestmark = pytest.mark.slow


def people(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(e.text, e.title) for e in extract_entities(nlp(text)) if e.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Attorney Teodor Vasko said the hearing was delayed.", "Teodor Vasko", "Attorney"),
        ("Forward Lucan Brill scored twenty points on Sunday.", "Lucan Brill", "Forward"),
        ("The judge listened as Prosecutor Mirela Dunst read the charges.", "Mirela Dunst", "Prosecutor"),
    ],
)
def test_entities_an_occupation_before_a_name_is_a_title(nlp, text, name, title):
    found = people(nlp, text)
    assert (name, title) in found or (name, None) in found
    assert all(not n.startswith(title) for n, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Following Vasko, the men left the court. The police were following them.",
        "Without Vasko, the case would be different.",
    ],
)
def test_entities_a_sentence_opening_word_is_no_part_of_a_name(nlp, text):
    names = [n for n, _ in people(nlp, text)]
    assert names and all(" " not in n for n in names)


def test_entities_a_given_name_that_is_also_a_verb_stays(nlp):
    names = [n for n, _ in people(nlp, "Mark Vasko said he would mark the day with a speech.")]
    assert "Mark Vasko" in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("General Dynamo Holdings said it would cut jobs.", "General Dynamo Holdings"),
        ("Major League Quidball fined the team on Monday.", "Major League Quidball"),
    ],
)
def test_entities_a_title_word_inside_an_organisation_name_stays(nlp, text, name):
    assert name in [e.text for e in extract_entities(nlp(text))]


def test_entities_a_name_that_heads_a_phrase_with_the_definite_article_is_determined(nlp):
    text = "The Ellery Clarion reported the seizure on Monday. Officials from the Whitfield administration met Dana Whitfield."
    spans = {e.text: e.determined for e in extract_entities(nlp(text))}
    assert spans.get("Ellery Clarion") is True
    assert spans.get("Dana Whitfield") is False
    assert not spans.get("Whitfield")  # "the Whitfield administration": the name does not head it


def test_entities_an_abbreviated_rank_before_a_name_is_a_title(nlp):
    found = people(nlp, "Assistant Chief Con Dana Whitfield said the line would stay closed.")
    assert [n for n, _ in found] == ["Dana Whitfield"]
