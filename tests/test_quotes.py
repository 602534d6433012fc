"""Quotations: marks, cues, kinds and speakers, on small synthetic texts."""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes
from briefing.extract.quotes.marks import find_marked

pytestmark = pytest.mark.slow


def triples(nlp, text):
    return [(q.text, q.kind, q.speaker_name) for q in extract_quotes(nlp(text)) if q.kind != "indirect"]


# ------------------------------------------------------------------ marks only


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tom’s dog didn't bark in the ’80s; the Shi’ite and Kata’ib groups met.", []),
        ('He said "no and left.', []),
        ("A lone “ mark here.", []),
        ("She called it ‘new’ and 'bad', the voters' view.", ["new", "bad"]),
        ("“Opened curly,\" he said. \"Opened straight.”", ["Opened curly", "Opened straight."]),
        ("“First paragraph.\n“Second paragraph,” he said.", ["First paragraph.", "Second paragraph"]),
        ("“Never closed, she said.\nA plain paragraph.", []),
        ("A stray “ mark.\nThen “a good one,” he said.", ["a good one"]),
        # typewriter and TeX marks: two apostrophes or two backticks are one double mark
        ("''We will win,'' she said. ``Nobody doubts it,'' he added.", ["We will win", "Nobody doubts it"]),
        ("''He told me, 'Never.''' she recalled. The voters' choice.", ["He told me, 'Never.'"]),
    ],
)
def test_marks(text, expected):
    assert [text[m.start : m.end] for m in find_marked(text)] == expected


# ----------------------------------------------------------- quotes + speakers


CASES = [
    # nothing to find
    ("The farmer’s cousin didn't say much about the ’90s.", []),
    ("The mayor left early. A lone “ mark stays here.", []),
    # cue after, cue before, inverted subject
    (
        "“We will rebuild the bridge,” Mayor Anna Kowalski said on Monday.",
        [("We will rebuild the bridge", "direct", "Anna Kowalski")],
    ),
    (
        "Said Mr Brandt: “The budget is balanced.”",
        [("The budget is balanced.", "direct", "Brandt")],
    ),
    (
        "“The river is rising fast,” said Peter Lindqvist, a local engineer.",
        [("The river is rising fast", "direct", "Peter Lindqvist")],
    ),
    # apposition before the name
    (
        "“The deal is dead,” head of the union, Carla Mendes, told reporters.",
        [("The deal is dead", "direct", "Carla Mendes")],
    ),
    # unbalanced mark, then a good quote in the next paragraph
    (
        "A stray “ mark in a caption.\n“Prices will fall,” Maria Okafor said.",
        [("Prices will fall", "direct", "Maria Okafor")],
    ),
    # mixed mark styles
    (
        "“The vote was fair,\" Governor Lena Fischer said. \"We accept it,” she added.",
        [("The vote was fair", "direct", "Lena Fischer"), ("We accept it", "direct", "Lena Fischer")],
    ),
    # continuation in the same paragraph and in the next paragraph
    (
        "“We are ready,” Jonas Berg said. “We have trained for months.”\n\n“Nobody will stop us.”",
        [
            ("We are ready", "direct", "Jonas Berg"),
            ("We have trained for months.", "direct", "Jonas Berg"),
            ("Nobody will stop us.", "direct", "Jonas Berg"),
        ],
    ),
    # a quotation over two paragraphs, attributed in the second
    (
        "Maria Lopez, the town's mayor, spoke at the hall.\n“We tried everything.\n“We will rebuild,” she said.",
        [("We tried everything.", "direct", "Maria Lopez"), ("We will rebuild", "direct", "Maria Lopez")],
    ),
    # a role noun with an organisation modifier is still a person
    (
        "The union leader Eva Stahl met workers. “The strike goes on,” the union leader told them.",
        [("The strike goes on", "direct", "Eva Stahl")],
    ),
    # pronoun resolution across paragraphs
    (
        "Finance minister Sofia Reyes spoke to the press on Friday.\n\n“The economy is strong,” she said.",
        [("The economy is strong", "direct", "Sofia Reyes")],
    ),
    # "it" for an organisation
    (
        "The Northern Rail Company announced new fares on Monday.\n“Tickets will cost more,” it said.",
        [("Tickets will cost more", "direct", "Northern Rail Company")],
    ),
    # role noun: a title introduced earlier
    (
        "Prime Minister Olaf Lindgren met the unions on Monday.\n\n"
        "“We will not raise taxes,” the prime minister said.",
        [("We will not raise taxes", "direct", "Olaf Lindgren")],
    ),
    # role noun: an apposition introduced earlier
    (
        "The Chilean ambassador to Rome, Diego Fuentes, met the minister.\n"
        "“Our ties are strong,” the ambassador said.",
        [("Our ties are strong", "direct", "Diego Fuentes")],
    ),
    # collective: a document issued by an organisation
    (
        "The city council passed a resolution on Tuesday.\n"
        "“The park shall remain open to all,” the resolution read.",
        [("The park shall remain open to all", "direct", "city council")],
    ),
    # partial quotes
    (
        "Senator Paula Grant vowed “swift action” after the flood.",
        [("swift action", "partial", "Paula Grant")],
    ),
    (
        "Mr Novak urged the company to “take responsibility” for the spill.",
        [("take responsibility", "partial", "Novak")],
    ),
    (
        "Mr Novak said the workers were treated in a “shameful” way.",
        [("shameful", "partial", "Novak")],
    ),
    # scare quotes with no cue are not quotations
    ("The so-called “miracle cure” was sold online.", []),
    ("Voters cheered the “Bridges For Every Town” pledge.", []),
    # but a longer run repeats someone's words, verb of saying or not ...
    (
        "Ellery Ward seemed unmoved by the “plan to rebuild every bridge in the county by spring” this week.",
        [("plan to rebuild every bridge in the county by spring", "partial", None)],
    ),
    # ... the words of the subject of the verb that governs them
    (
        "Dana Whitfield went after the council as a “club of friends who never read the budget” on Monday.",
        [("club of friends who never read the budget", "partial", "Dana Whitfield")],
    ),
    # "according to"
    (
        "“The plant will close in May,” according to Lars Holm.",
        [("The plant will close in May", "direct", "Lars Holm")],
    ),
    # the attribution a sentence of its own after a question
    (
        "“Why is this bank still too big to fail?” Senator Ida Brandt demanded.",
        [("Why is this bank still too big to fail?", "direct", "Ida Brandt")],
    ),
    # a signature after a dash
    (
        "“The debate showed who he really is.” ― Carla Mendoza\n“He scares me.” ― Jorge Falk",
        [("The debate showed who he really is.", "direct", "Carla Mendoza"), ("He scares me.", "direct", "Jorge Falk")],
    ),
    # a participle borrows the subject of the verb it hangs on
    (
        "Mayor Ruth Olsen attacked the council, saying, “They have failed the city.”",
        [("They have failed the city.", "direct", "Ruth Olsen")],
    ),
    # a rarer verb of saying
    (
        "“This is fantastic!” beamed Tom Hartley, a delegate from Ohio.",
        [("This is fantastic!", "direct", "Tom Hartley")],
    ),
    # an attribution tag right after the quotation wins over a cue further on
    (
        "“I never said that,” Senator Paul Quist said, after the host Ann Lowe said he had.",
        [("I never said that", "direct", "Paul Quist")],
    ),
    # titles and nicknames in quote marks are not quotations
    ("Senator Ida Brandt told KTVX’s “Early Harbour” that the bill would pass.", []),
    ("He spoke on “Meet the Valley” on Sunday.", []),
    ("Delegate Dorota “Dot” Varga waved to the crowd.", []),
    ("“We are ready,” Ada Quist said in an interview with “Harbour Morning Live.”", [("We are ready", "direct", "Ada Quist")]),
    ("Ada Quist said she would speak at a “Valley Families First” rally on Friday.", []),
    # a verb that is not one of saying tags the quotation it follows; an adjective before a name keeps it named
    (
        "“The bridge will stand,” an angry Lindqvist retaliated.",
        [("The bridge will stand", "direct", "Lindqvist")],
    ),
    # a pronoun skips a person of the other gender: by title ...
    (
        "Mrs. Dana Whitfield opened the new hall on Monday. Mr. Tomas Berg arrived later.\n“We are proud of it,” she said.",
        [("We are proud of it", "direct", "Dana Whitfield")],
    ),
    # ... or by the pronouns already resolved to the name
    (
        "Tomas Berg stayed at the hall.\nMaria Lopez chaired the meeting. She thanked the staff. She left early.\n"
        "“It went well,” he said.",
        [("It went well", "direct", "Tomas Berg")],
    ),
    # a quotation inside a sentence with no verb of saying: the subject of the verb above it
    (
        "Mayor Ruth Olsen rolled out a new slogan on Monday: “The harbour belongs to everyone.”",
        [("The harbour belongs to everyone.", "direct", "Ruth Olsen")],
    ),
    # a relative pronoun speaks for the name it follows
    (
        "The plan was backed by Tomas Berg, who called it “the best chance the town has had in years.”",
        [("the best chance the town has had in years.", "partial", "Tomas Berg")],
    ),
    # "by saying": the subject of the verb the preposition hangs on
    (
        "Mayor Ruth Olsen answered the council by saying the plan was “a waste of the money of every family.”",
        [("a waste of the money of every family.", "partial", "Ruth Olsen")],
    ),
    # a name and a colon open a headline: that name speaks its quotations
    (
        "Whitfield: Council must “stop wasting the money of every family in Ellery”\n\nThe council met on Monday.",
        [("stop wasting the money of every family in Ellery", "partial", "Whitfield")],
    ),
    # a role noun may be the speaker quoted just before, a noun that names no person may not
    (
        "Tomas Berg spoke at the rally.\n“We will win,” he said.\n“It is time,” the candidate added.\n"
        "“Vote for change,” the sound system announced.",
        [
            ("We will win", "direct", "Tomas Berg"),
            ("It is time", "direct", "Tomas Berg"),
            ("Vote for change", "direct", None),
        ],
    ),
    # after an honorific, a title word is a surname
    ("“We will appeal,” Mr. Bishop said.", [("We will appeal", "direct", "Bishop")]),
    # a place in the speaker phrase does not speak
    (
        "“She is too far behind,” said an Iowa Democrat.",
        [("She is too far behind", "direct", None)],
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_quotes(nlp, text, expected):
    assert triples(nlp, text) == expected


def test_offsets_and_speaker_span(nlp):
    text = "“The river is rising,” said Peter Lindqvist, who lives nearby."
    (quote,) = extract_quotes(nlp(text))
    assert text[quote.start : quote.end] == quote.text == "The river is rising"
    assert quote.cue == "said"
    assert quote.speaker_text == "Peter Lindqvist"
    assert text[quote.speaker_start : quote.speaker_end] == "Peter Lindqvist"
    assert quote.speaker_type == "name"
    assert quote.anchor == ""


@pytest.mark.parametrize(
    "text, speaker_type",
    [
        ("“We agree,” he said.", "pronoun"),
        ("“We agree,” the spokesperson said.", "role"),
        ("“We agree,” the statement said.", "collective"),
        ("“We agree,” Helga Marsh said.", "name"),
    ],
)
def test_speaker_type(nlp, text, speaker_type):
    (quote,) = extract_quotes(nlp(text))
    assert quote.speaker_type == speaker_type


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mayor Anna Kowalski said that the bridge would reopen in June.",
            [("the bridge would reopen in June", "Anna Kowalski")],
        ),
        (
            "Ruth Olsen arrived late.\nShe told reporters the talks had failed.",
            [("the talks had failed", "Ruth Olsen")],
        ),
        # quoted words in the clause: a partial quote, not an indirect one
        ("Mr Novak said the plan was “reckless”.", []),
        # a document as subject is not indirect speech (conservative)
        ("The report said the river was polluted.", []),
    ],
)
def test_indirect(nlp, text, expected):
    found = [(q.text, q.speaker_name) for q in extract_quotes(nlp(text)) if q.kind == "indirect"]
    assert found == expected


def test_text_order_and_headline_scare_quotes(nlp):
    text = (
        "‘No Way Back’ Rebels Warn\n\n"
        "“We will fight on,” the rebel commander Ivo Kral said.\n"
        "Earlier, Mr Kral said the ceasefire had collapsed."
    )
    quotes = extract_quotes(nlp(text))
    assert [q.kind for q in quotes] == ["direct", "indirect"]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert all(q.speaker_name == "Ivo Kral" or q.speaker_name == "Kral" for q in quotes)
