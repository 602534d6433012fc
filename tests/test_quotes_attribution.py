"""Who speaks a quotation: the classes of wrong or missing speakers of issue 16, on invented text."""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes

pytestmark = pytest.mark.slow


def speakers(nlp, text):
    return [(q.text, q.speaker_name) for q in extract_quotes(nlp(text)) if q.kind != "indirect"]


CASES = [
    # a closing mark glued to the name after it
    (
        "“The harbour will reopen in spring,”Dana Whitfield said.",
        [("The harbour will reopen in spring", "Dana Whitfield")],
    ),
    # a closing mark typed the wrong way round still closes the quotation
    (
        "“It is unusual,“ said Ada Quist, a lawyer at the port. “Nobody expected it.”",
        [("It is unusual", "Ada Quist"), ("Nobody expected it.", "Ada Quist")],
    ),
    # a sentence after the quotation whose verb of saying has an object of its own tags nothing
    (
        "Ivo Kral has praised the plan with lines like “Ellery will rise again and again.” "
        "Mayor Ruth Olsen has also announced a new budget.",
        [("Ellery will rise again and again.", "Ivo Kral")],
    ),
    # coordinated verbs share the first one's subject
    (
        "Tomas Berg waved, then leaned in and boomed: “We will win in May.”",
        [("We will win in May.", "Tomas Berg")],
    ),
    # "Of X, Name said": the preposition is no subject
    (
        "“It will not work,” Ada Quist said of the plan. Of the bridge, Tomas Berg, who runs a bakery, said, “It will fall down.”",
        [("It will not work", "Ada Quist"), ("It will fall down.", "Tomas Berg")],
    ),
    # a name, then its description as the parsed subject
    (
        "“He looked me in the eye and asked how to win,” Marta Ellery, the chairwoman of the harbour board, recalled of the meeting.",
        [("He looked me in the eye and asked how to win", "Marta Ellery")],
    ),
    # in the passive, the agent asks
    (
        "Senator Paul Quist was asked by the moderator, Ann Lowe, whether the plan would risk "
        "“adding another costly program to a budget that is already stretched.”",
        [("adding another costly program to a budget that is already stretched.", "Ann Lowe")],
    ),
    # words inside a clause of another moment are that clause's subject's, not the main speaker's
    (
        "Kevin was asleep, and as Tomas Berg went on about “the broken promises of the council,” Ada Quist said yes, over and over again.",
        [("the broken promises of the council", "Tomas Berg")],
    ),
    # ... while an "if" clause is part of what the speaker says
    (
        "At a rally, Ada Quist promised to act alone if the council did not pass “comprehensive” reform.",
        [("comprehensive", "Ada Quist")],
    ),
    # the verb before a colon introduces the quotation, not a verb of saying in another clause
    (
        "When Tomas Berg suggested that the town would sue the port, Ada Quist fired back forcefully: "
        "“If they sue us in a court in Ellery, they are going to lose,” pointing to the town's record.",
        [("If they sue us in a court in Ellery, they are going to lose", "Ada Quist")],
    ),
    # a run of paragraphs that hold only a quotation goes on with the last speaker
    (
        "“We are ready,” Jonas Berg said.\n\n“We have trained for months.”\n\n“Nobody will stop us.”\n\n“We will win the cup.”",
        [
            ("We are ready", "Jonas Berg"),
            ("We have trained for months.", "Jonas Berg"),
            ("Nobody will stop us.", "Jonas Berg"),
            ("We will win the cup.", "Jonas Berg"),
        ],
    ),
    # the outlet told is the listener
    ("“We will appeal the ruling,” Ada Quist told Harbour News.", [("We will appeal the ruling", "Ada Quist")]),
    # an apposition and a rarer verb of saying
    (
        "“We will appeal the ruling,” Ada Quist, the mayor's chief of staff, pointed out.",
        [("We will appeal the ruling", "Ada Quist")],
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_speakers(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Former Governor Mike Halloran, citing “Dana Whitfield,” said the bill would pass.",
        "Ada Quist answered “Chicago” when asked where she was born.",
    ],
)
def test_a_name_in_marks_is_no_quotation(nlp, text):
    assert speakers(nlp, text) == []


def test_a_phrase_in_marks_stays_a_quotation(nlp):
    assert speakers(nlp, "Tomas Berg called the plan “a disgrace to Ellery.”") == [("a disgrace to Ellery.", "Tomas Berg")]


def test_two_speakers_are_named_together_and_the_first_speaks(nlp):
    (quote,) = extract_quotes(nlp("“We will appeal the ruling,” Ada Quist and Tomas Berg wrote in a letter."))
    assert (quote.speaker_text, quote.speaker_name) == ("Ada Quist and Tomas Berg", "Ada Quist")


def test_a_surname_alone_is_the_person_named_in_full_before(nlp):
    from spacy.tokens import Span

    from briefing.extract.quotes.referents import Paragraphs, Referents

    text = "Claire Vandermeer met the board. Later Vandermeer said the port would close."
    doc = nlp(text)
    full, alone = doc[0:2], doc[7:8]
    assert alone.text == "Vandermeer"
    doc.ents = [Span(doc, full.start, full.end, label="PERSON"), Span(doc, alone.start, alone.end, label="ORG")]
    referents = Referents(doc, Paragraphs(text), skip=lambda offset: False)
    assert referents.resolve(alone[0], "name", "Vandermeer") == ("Vandermeer", "person")


def test_reported_clause_before_its_verb_then_a_quotation_of_the_same_speaker(nlp):
    text = (
        "The council may be reluctant to act while the mayor negotiates with the port, Ada Quist said. "
        '"The other factor is money. I do not think it should decide this."'
    )
    found = [(q.kind, q.speaker_name) for q in extract_quotes(nlp(text))]
    assert found == [("indirect", "Ada Quist"), ("direct", "Ada Quist")]


def test_a_title_in_marks_inside_the_speaker_phrase(nlp):
    text = (
        "“We have had better days than this one,” Texas delegate Bill Eastwood, wearing a cowboy hat "
        "and “Vote Quist” campaign pins, said as confetti fell."
    )
    assert speakers(nlp, text) == [("We have had better days than this one", "Bill Eastwood")]
