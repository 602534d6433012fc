"""Actor resolution on hand-made mentions: no spaCy model needed."""

from __future__ import annotations

import pytest

from briefing.model import EntitySpan, Extraction, Paragraph, Sentence, Source
from briefing.resolve.actors import resolve_actors

Mentions = list[tuple[str, str] | tuple[str, str, dict]]


def make_extraction(source_id: str, mentions: Mentions, *, text: str = "", authors: list[str] | None = None) -> Extraction:
    """One source whose entities are the given (name, label[, extra fields]) mentions."""
    spans = []
    offset = 0
    for mention in mentions:
        name, label = mention[0], mention[1]
        extra = mention[2] if len(mention) > 2 else {}
        spans.append(EntitySpan(text=name, label=label, start=offset, end=offset + len(name), anchor="s1-1", **extra))
        offset += len(name) + 1
    body = text or " ".join(m[0] for m in mentions)
    sentence = Sentence(anchor="s1-1", start=0, end=len(body), text=body)
    source = Source(
        id=source_id,
        file=f"{source_id}.txt",
        title=source_id,
        authors=authors or [],
        text=body,
        paragraphs=[Paragraph(anchor="p1", start=0, end=len(body), text=body, sentences=[sentence])],
    )
    return Extraction(source=source, entities=spans)


def actor_names(extractions: list[Extraction]) -> dict[str, set[str]]:
    actors, _ = resolve_actors(extractions)
    return {a.name: set(a.aliases) for a in actors}


def kinds(extractions: list[Extraction]) -> dict[str, str]:
    actors, _ = resolve_actors(extractions)
    return {a.name: a.kind for a in actors}


def test_resolve_links_surname_to_full_name_seen_in_another_source():
    names = actor_names(
        [
            make_extraction("a", [("Farid al-Kazemi", "PERSON")]),
            make_extraction("b", [("Kazemi", "PERSON"), ("al-Kazemi", "PERSON")]),
        ]
    )
    assert names == {"Farid al-Kazemi": {"Farid al-Kazemi", "Kazemi", "al-Kazemi"}}


def test_resolve_merges_transliterations_of_a_full_name():
    names = actor_names(
        [
            make_extraction("a", [("Yusuf Rahmani", "PERSON")]),
            make_extraction("b", [("Yousuf Rahmani", "PERSON")]),
            make_extraction("c", [("Yusuf Rehmani", "PERSON"), ("Rehmani", "PERSON")]),
        ]
    )
    assert list(names) == ["Yusuf Rahmani"] or len(names) == 1


def test_resolve_keeps_apart_people_who_share_a_name_part():
    names = actor_names(
        [
            make_extraction("a", [("Omar Hadi Nasser", "PERSON"), ("Samir Hadi", "PERSON")]),
            make_extraction("b", [("Hadi", "PERSON")]),
        ]
    )
    assert "Omar Hadi Nasser" in names and "Samir Hadi" in names
    assert "Hadi" not in names["Omar Hadi Nasser"]


def test_resolve_short_form_prefers_the_full_name_of_its_own_source():
    names = actor_names(
        [
            make_extraction("a", [("Lena Brandt", "PERSON"), ("Brandt", "PERSON")]),
            make_extraction("b", [("Otto Brandt", "PERSON"), ("Brandt", "PERSON")]),
        ]
    )
    # "Brandt" is ambiguous corpus-wide; within each source it has one full name.
    assert set(names) == {"Lena Brandt", "Otto Brandt"}


def test_resolve_acronym_and_expansion_merge_but_a_longer_name_stays_apart():
    names = actor_names(
        [
            make_extraction("a", [("Northern Defence League", "ORG"), ("NDL", "ORG")]),
            make_extraction("b", [("Ndl", "ORG"), ("Saraya Northern Defence League", "ORG")]),
        ]
    )
    assert names["Northern Defence League"] == {"Northern Defence League", "NDL", "Ndl"}
    assert "Saraya Northern Defence League" in names


def test_resolve_bracketed_alternative_name_is_the_same_actor():
    names = actor_names(
        [
            make_extraction(
                "a",
                [("Kharun Front", "ORG", {"same_as": "KF"}), ("KF", "ORG", {"same_as": "Kharun Front"})],
            ),
            make_extraction("b", [("KF", "ORG")]),
        ]
    )
    assert names == {"Kharun Front": {"Kharun Front", "KF"}}


def test_resolve_kind_follows_the_clearest_mentions():
    result = kinds(
        [
            make_extraction("a", [("Tomas Ekberg", "PERSON")]),
            make_extraction("b", [("Ekberg", "GPE"), ("Ekberg", "GPE"), ("Ekberg", "PERSON")]),
            make_extraction("c", [("Ekberg", "GPE")]),
        ]
    )
    assert result == {"Tomas Ekberg": "person"}


def test_resolve_countries_by_spelling_code_and_long_name():
    names = actor_names([make_extraction("a", [("US", "GPE"), ("U.S.", "GPE"), ("United States", "GPE"), ("America", "GPE")])])
    assert names == {"United States": {"US", "U.S.", "United States", "America"}}


def test_resolve_two_letter_code_only_as_a_place():
    # "IS" as an organisation is not Iceland.
    names = actor_names([make_extraction("a", [("IS", "ORG"), ("Iceland", "GPE")])])
    assert set(names) == {"IS", "Iceland"}


def test_resolve_organisation_with_and_without_an_adjective_of_nationality():
    names = actor_names(
        [
            make_extraction("a", [("Valdorian Coast Guard", "ORG")]),
            make_extraction("b", [("Coast Guard", "ORG")]),
            make_extraction("c", [("Ruritanian Interior Ministry", "ORG"), ("Freedonese Interior Ministry", "ORG")]),
            make_extraction("d", [("Interior Ministry", "ORG"), ("Interior Ministry", "ORG")]),
        ],
    )
    # Unknown countries, known by the form of their adjective.
    assert names["Valdorian Coast Guard"] == {"Valdorian Coast Guard", "Coast Guard"}
    # Two countries' ministries stay apart, and the bare name is ambiguous between them.
    assert {"Ruritanian Interior Ministry", "Freedonese Interior Ministry", "Interior Ministry"} <= set(names)


def test_resolve_a_name_part_tagged_as_nationality_does_not_split_a_name():
    names = actor_names(
        [
            make_extraction("a", [("Saraya", "NORP"), ("Saraya Hawks", "ORG")]),
            make_extraction("b", [("Hawks", "ORG")]),
        ]
    )
    assert "Saraya Hawks" in names and "Hawks" in names


def test_resolve_known_country_prefix_is_dropped_for_merging():
    names = actor_names(
        [
            make_extraction("a", [("French Foreign Ministry", "ORG")]),
            make_extraction("b", [("Foreign Ministry", "ORG")]),
        ]
    )
    assert names == {"French Foreign Ministry": {"French Foreign Ministry", "Foreign Ministry"}}


def test_resolve_drops_authors_and_common_words_and_lone_titles():
    extractions = [
        make_extraction(
            "a",
            [("Dana Whitfield", "PERSON"), ("Situation", "PERSON", {"sentence_initial": True}), ("President", "PERSON")],
            text="Dana Whitfield Situation President. The situation is calm.",
            authors=["Dana Whitfield"],
        )
    ]
    assert actor_names(extractions) == {}


def test_resolve_institution_nouns_need_two_sources_and_a_modifier():
    names = actor_names(
        [
            make_extraction("a", [("police", "INST"), ("parliament", "INST"), ("Ellery police", "INST"), ("Marlow council", "INST")]),
            make_extraction("b", [("parliament", "INST"), ("Ellery police", "INST")]),
        ]
    )
    assert set(names) == {"Ellery police"}  # a bare noun names no one actor, however many sources use it


def test_resolve_a_bare_institution_noun_stays_with_the_name_it_shortens():
    names = actor_names(
        [
            make_extraction("a", [("Ruritania", "GPE"), ("Ruritanian parliament", "INST"), ("parliament", "INST")]),
            make_extraction("b", [("parliament", "INST"), ("Ruritanian parliament", "INST")]),
        ]
    )
    assert names.get("Ruritanian parliament", set()) >= {"parliament", "Ruritanian parliament"}


def test_resolve_output_is_deterministic():
    extractions = [
        make_extraction("a", [("Farid al-Kazemi", "PERSON"), ("NDL", "ORG")]),
        make_extraction("b", [("Kazemi", "PERSON"), ("Northern Defence League", "ORG")]),
    ]
    first, _ = resolve_actors(extractions)
    second, _ = resolve_actors(list(reversed(extractions)))
    assert [a.model_dump() for a in first] == [a.model_dump() for a in second]


def test_resolve_surname_tagged_as_organisation_joins_the_full_name():
    names = actor_names(
        [
            make_extraction("a", [("Ilona Varkas", "PERSON"), ("Varkas", "ORG")]),
            make_extraction("b", [("Varkas", "ORG")]),
        ]
    )
    assert names == {"Ilona Varkas": {"Ilona Varkas", "Varkas"}}


def test_resolve_a_surname_used_as_a_place_stays_a_place():
    result = kinds([make_extraction("a", [("Jonas Lesno", "PERSON"), ("Lesno", "GPE"), ("Lesno", "GPE")])])
    assert result == {"Jonas Lesno": "person", "Lesno": "place"}


def test_resolve_kind_from_the_last_word_of_a_name():
    result = kinds(
        [
            make_extraction("a", [("Green Alliance", "GPE")]),
            make_extraction("b", [("Dravna Square", "PERSON")]),
        ]
    )
    assert result == {"Green Alliance": "organization", "Dravna Square": "place"}


def test_resolve_transliterations_of_given_names_merge():
    names = actor_names(
        [
            make_extraction("a", [("Oleksandr Vitko", "PERSON"), ("Mohammad Karimi", "PERSON")]),
            make_extraction("b", [("Olexandr Vitko", "PERSON"), ("Muhammad Karimi", "PERSON")]),
            make_extraction("c", [("Ahmad Karimi", "PERSON")]),
        ]
    )
    assert names["Oleksandr Vitko"] == {"Oleksandr Vitko", "Olexandr Vitko"}
    assert len([n for n in names if n.endswith("Karimi")]) == 2  # Mohammad/Muhammad one, Ahmad another



def test_resolve_short_form_without_a_middle_name_joins_the_full_name():
    names = actor_names(
        [
            make_extraction("a", [("Dorian Quill Varga", "PERSON"), ("Varga", "PERSON")]),
            make_extraction("b", [("Dorian Varga", "PERSON")]),
            make_extraction("c", [("Dorian Q. Varga", "PERSON")]),
            make_extraction("d", [("D. Quill Varga", "PERSON")]),
        ]
    )
    assert list(names) == ["Dorian Quill Varga"]


def test_resolve_a_generational_suffix_is_the_same_person_unless_another_generation_is_named():
    names = actor_names(
        [
            make_extraction("a", [("Tobias Renner Jr", "PERSON")]),
            make_extraction("b", [("Tobias Renner", "PERSON"), ("Renner", "PERSON")]),
        ]
    )
    assert list(names) == ["Tobias Renner Jr"]
    names = actor_names(
        [
            make_extraction("a", [("Tobias Renner Jr", "PERSON")]),
            make_extraction("b", [("Tobias Renner Sr", "PERSON")]),
        ]
    )
    assert len(names) == 2


def test_resolve_a_shared_surname_goes_to_the_person_not_to_a_relative():
    names = actor_names(
        [
            make_extraction("a", [("Dana Whitmore", "PERSON"), ("Whitmore", "PERSON"), ("Tom Whitmore", "PERSON", {"role": "her brother"})]),
            make_extraction("b", [("Dana Whitmore", "PERSON")]),
            make_extraction("c", [("Whitmore", "PERSON")]),
            make_extraction("d", [("Whitmore", "PERSON"), ("Tom Whitmore", "PERSON", {"role": "brother of the suspect"})]),
        ]
    )
    assert names["Dana Whitmore"] == {"Dana Whitmore", "Whitmore"}
    assert names["Tom Whitmore"] == {"Tom Whitmore"}
    assert len(names) == 2


def test_resolve_a_shared_surname_goes_to_the_person_most_sources_name():
    many = [make_extraction(s, [("Ilse Konrad", "PERSON")]) for s in "abcd"]
    names = actor_names([*many, make_extraction("e", [("Pavel Konrad", "PERSON")]), make_extraction("f", [("Konrad", "PERSON")])])
    assert names["Ilse Konrad"] == {"Ilse Konrad", "Konrad"}
    # two people named as often: the surname alone stays one page of its own
    names = actor_names(
        [
            make_extraction("a", [("Ilse Konrad", "PERSON")]),
            make_extraction("b", [("Pavel Konrad", "PERSON")]),
            make_extraction("c", [("Konrad", "PERSON")]),
            make_extraction("d", [("Konrad", "PERSON")]),
        ]
    )
    assert names["Konrad"] == {"Konrad"} and len(names) == 3


def test_resolve_an_organisation_with_and_without_its_legal_form():
    names = actor_names(
        [
            make_extraction("a", [("Harbour Dynamics Co.", "ORG")]),
            make_extraction("b", [("Harbour Dynamics", "ORG"), ("Harbour Dynamics Corp", "ORG")]),
            make_extraction("c", [("Harbour Dynamics Inc.", "ORG"), ("Harbour Logistics", "ORG")]),
        ]
    )
    assert len(names) == 2 and "Harbour Logistics" in names


def test_resolve_a_team_with_and_without_the_place_of_two_words_before_it():
    names = actor_names(
        [
            make_extraction("a", [("Port Halden", "GPE"), ("Port Halden Rovers", "ORG")]),
            make_extraction("b", [("Rovers", "ORG"), ("Port Halden", "GPE")]),
        ]
    )
    assert names["Port Halden Rovers"] == {"Port Halden Rovers", "Rovers"}


def test_resolve_an_acronym_that_keeps_the_article_of_its_name():
    names = actor_names(
        [
            make_extraction("a", [("Meridian Courier", "ORG")]),
            make_extraction("b", [("TMC", "ORG")]),
        ]
    )
    assert names == {"Meridian Courier": {"Meridian Courier", "TMC"}}


def test_resolve_a_given_name_alone_is_the_one_full_name_of_its_source_that_has_it():
    names = actor_names(
        [
            make_extraction("a", [("Marisol Ferrante", "PERSON"), ("Marisol", "PERSON"), ("Ugo Bassi", "PERSON")]),
            make_extraction("b", [("Marisol", "PERSON")]),
        ]
    )
    assert names["Marisol Ferrante"] == {"Marisol Ferrante", "Marisol"}
    assert names["Marisol"] == {"Marisol"}  # no full name in its own source: left alone


def test_resolve_a_quoted_nickname_does_not_split_a_person():
    names = actor_names(
        [
            make_extraction("a", [('Nello "The Fox" Branca', "PERSON"), ("Branca", "PERSON")]),
            make_extraction("b", [('Nello "Fox" Branca', "PERSON")]),
            make_extraction("c", [("Nello Branca", "PERSON"), ("Branca", "PERSON")]),
        ]
    )
    assert len(names) == 1


def test_resolve_a_description_glued_to_a_name_is_not_the_display_name():
    text = "the series manager of the team"
    actors, _ = resolve_actors(
        [
            make_extraction("a", [("Manager Ivo Lasko", "PERSON")], text=text),
            make_extraction("b", [("Ivo Lasko", "PERSON"), ("Ivo Lasko", "PERSON")], text=text),
            make_extraction("c", [("MVP Ivo Lasko", "PERSON")], text=text),
            make_extraction("d", [("W. Tomas Brenn", "PERSON"), ("Tomas Brenn", "PERSON"), ("Tomas Brenn", "PERSON")], text=text),
        ]
    )
    assert sorted(a.name for a in actors) == ["Ivo Lasko", "W. Tomas Brenn"]


def test_resolve_a_name_with_and_without_a_space_but_not_a_name_that_ends_another():
    names = actor_names(
        [
            make_extraction("a", [("Harbour Trail Blazers", "ORG"), ("Northern Zorvan", "ORG")]),
            make_extraction("b", [("Harbour Trailblazers", "ORG"), ("Zorvan", "ORG")]),
        ]
    )
    assert names["Harbour Trail Blazers"] == {"Harbour Trail Blazers", "Harbour Trailblazers"}
    assert "Zorvan" in names and "Northern Zorvan" in names


def test_resolve_an_acronym_of_a_name_carried_by_several_sources():
    names = actor_names(
        [
            make_extraction("a", [("Coastal Wire", "ORG")]),
            make_extraction("b", [("Coastal Wire", "ORG")]),
            make_extraction("c", [("CW", "ORG")]),
        ]
    )
    assert names == {"Coastal Wire": {"Coastal Wire", "CW"}}


def test_resolve_place_and_institution_names_in_one_spelling():
    names = actor_names(
        [
            make_extraction("a", [("Mt Varnel", "LOC"), ("Orrin Recovery Centre", "FAC"), ("Halden Police Department", "ORG")]),
            make_extraction("b", [("Mount Varnel", "LOC"), ("Orrin Recovery Center", "FAC"), ("Halden Police", "ORG")]),
        ]
    )
    assert len(names) == 3


def test_resolve_two_names_taken_for_one_are_two_when_each_is_known():
    names = actor_names(
        [
            make_extraction("a", [("Halden", "GPE"), ("Halden Rovers", "ORG"), ("Rovers and Falcons", "ORG"), ("Marks and Sparrow", "ORG")]),
            make_extraction("b", [("Falcons", "ORG"), ("Vasko, Brill", "PERSON"), ("Ilse Vasko", "PERSON"), ("Brill", "PERSON")]),
        ]
    )
    assert "Rovers and Falcons" not in names and "Vasko, Brill" not in names
    assert "Rovers" in names["Halden Rovers"] and "Falcons" in names
    assert "Marks and Sparrow" in names


def test_resolve_a_credit_glued_to_an_organisation_is_not_its_display_name():
    names = actor_names(
        [
            # given as the same thing in the text, so one actor
            make_extraction("a", [("Harbour Dynamics", "ORG"), ("EPA Harbour Dynamics", "ORG", {"same_as": "Harbour Dynamics"})]),
            make_extraction("b", [("Harbour Harbour Dynamics", "ORG", {"same_as": "Harbour Dynamics"}), ("Harbour Dynamics", "ORG")]),
        ]
    )
    assert list(names) == ["Harbour Dynamics"]


def test_resolve_a_day_of_the_calendar_is_no_actor():
    names = actor_names([make_extraction("a", [("Founders Day", "GPE"), ("Halden Eve", "FAC"), ("Halden", "GPE")])])
    assert names == {"Halden": {"Halden"}}


def test_resolve_a_bracket_beside_several_people_names_none_of_them():
    """ "Ann Roe (D-Ill.)" and "Tom Lee (D-Ill.)": the bracket describes both (party, state), it joins nobody."""
    extraction = make_extraction(
        "a",
        [
            ("Ann Roe", "PERSON", {"same_as": "D-Ill."}),
            ("D-Ill.", "PERSON", {"same_as": "Ann Roe"}),
            ("Tom Lee", "PERSON", {"same_as": "D-Ill."}),
            ("D-Ill.", "PERSON", {"same_as": "Tom Lee"}),
            ("Ann Roe", "PERSON"),
            ("Tom Lee", "PERSON"),
        ],
    )
    names = actor_names([extraction])
    roe = next(aliases for name, aliases in names.items() if "Ann Roe" in aliases)
    assert "Tom Lee" not in roe


def test_resolve_a_bracket_beside_one_person_is_another_name_of_that_person():
    extraction = make_extraction(
        "a",
        [("Ann Roe", "PERSON", {"same_as": "Annabel Roe"}), ("Annabel Roe", "PERSON", {"same_as": "Ann Roe"}), ("Tom Lee", "PERSON")],
    )
    names = actor_names([extraction])
    assert any({"Ann Roe", "Annabel Roe"} <= aliases for aliases in names.values())


def test_resolve_a_bracket_beside_people_in_different_sources_names_none_of_them():
    """Each source gives one "X (R-Ore.)": across the corpus the bracket is beside two people."""
    first = make_extraction("a", [("Ann Roe", "PERSON", {"same_as": "R-Ore."}), ("R-Ore.", "PERSON", {"same_as": "Ann Roe"})])
    second = make_extraction("b", [("Tom Lee", "PERSON", {"same_as": "R-Ore."}), ("R-Ore.", "PERSON", {"same_as": "Tom Lee"})])
    names = actor_names([first, second])
    assert not any({"Ann Roe", "Tom Lee"} <= aliases for aliases in names.values())


def test_resolve_a_team_known_by_the_end_of_its_name():
    names = actor_names(
        [
            make_extraction("a", [("Ellery", "GPE"), ("Ellery Kestrels", "GPE")]),
            # the tagger takes the nickname for a person; the place before it tells no other actor
            make_extraction("b", [("Kestrels", "PERSON"), ("UN Harbour Council", "ORG"), ("UN", "ORG")]),
            make_extraction("c", [("Harbour Council", "ORG"), ("Saraya Wardens", "ORG"), ("Wardens", "ORG")]),
        ]
    )
    assert names["Ellery Kestrels"] == {"Ellery Kestrels", "Kestrels"}
    assert names["UN Harbour Council"] == {"UN Harbour Council", "Harbour Council"}
    assert "Wardens" in names and "Saraya Wardens" in names  # a proper word in front: another actor


def test_resolve_the_end_of_a_name_that_is_a_common_noun_or_a_surname_stays_apart():
    names = actor_names(
        [
            make_extraction(
                "a",
                [("Ellery Savings Bank", "ORG"), ("Bank", "ORG"), ("Dana Whitfield", "PERSON"), ("Marlow Whitfield", "ORG")],
                text="Ellery Savings Bank Bank Dana Whitfield Marlow Whitfield. The bank said so.",
            ),
            make_extraction("b", [("Whitfield", "PERSON")]),
        ]
    )
    assert "Bank" not in names["Ellery Savings Bank"]
    assert "Whitfield" not in names["Marlow Whitfield"]


def test_resolve_a_credit_or_lower_case_words_glued_in_front_of_a_name_are_left_out():
    names = actor_names(
        [
            make_extraction("a", [("Dana Whitfield", "PERSON"), ("Harbour Dynamics", "ORG"), ("Ellery Gazette", "ORG")]),
            make_extraction(
                "b", [("PIXA Dana Whitfield", "PERSON"), ("EPA Harbour Dynamics", "ORG"), ("this Ellery Gazette", "ORG")]
            ),
            make_extraction("c", [("pro-Whitfield", "PERSON"), ("Dana Whitfield of Harbour Dynamics", "PERSON")]),
        ]
    )
    assert names == {
        "Dana Whitfield": {"Dana Whitfield"},
        "Harbour Dynamics": {"Harbour Dynamics"},
        "Ellery Gazette": {"Ellery Gazette"},
    }


def test_resolve_an_author_whom_other_sources_name_as_a_person_is_an_actor():
    extractions = [
        make_extraction("a", [("Dana Whitfield", "PERSON")], authors=["Dana Whitfield", "Tom Ellery"]),
        make_extraction("b", [("Dana Whitfield", "PERSON"), ("Tom Ellery", "PERSON")]),
        make_extraction("c", [("Dana Whitfield", "PERSON")]),
    ]
    actors, _ = resolve_actors(extractions, authors=["Dana Whitfield", "Tom Ellery"])
    assert {a.name: a.sources for a in actors} == {"Dana Whitfield": ["a", "b", "c"]}


def test_resolve_a_description_in_the_text_gives_the_kind():
    extractions = [
        make_extraction(
            "a",
            [
                ("Ellery Clarion", "PERSON", {"role": "the local newspaper"}),
                ("Ellery Clarion", "PERSON"),
                ("Kestrel Dawn", "PERSON", {"role": "vessel"}),
                ("Marlow", "GPE", {"role": "the team she drove for"}),
                ("Dana Whitfield", "ORG", {"role": "a lawyer who specializes in privacy"}),
                ("Tom Ellery", "ORG", {"role": "the brother of the gunman"}),
            ],
        )
    ]
    assert kinds(extractions) == {
        "Ellery Clarion": "organization",
        "Kestrel Dawn": "other",
        "Marlow": "organization",
        "Dana Whitfield": "person",
        "Tom Ellery": "person",
    }


def test_resolve_a_name_after_a_street_and_a_comma_is_a_place_but_a_person_beside_a_place_is_not():
    text = "It burned on Harbour Road, Ellery, after a crash. The envoy to Marlow, Dana Whitfield, spoke."
    spans = [
        ("Harbour Road", "FAC", {}),
        ("Ellery", "PERSON", {}),
        ("Marlow", "GPE", {}),
        ("Dana Whitfield", "PERSON", {}),
    ]
    mentions: Mentions = [(name, label, {"start": text.index(name), "end": text.index(name) + len(name), **extra}) for name, label, extra in spans]
    extraction = make_extraction("a", [])
    entities = [EntitySpan(text=n, label=lab, anchor="s1-1", **x) for n, lab, x in mentions]
    extraction = extraction.model_copy(update={"source": extraction.source.model_copy(update={"text": text}), "entities": entities})
    found = kinds([extraction])
    assert found["Ellery"] == "place" and found["Dana Whitfield"] == "person"


def test_resolve_a_name_that_heads_a_phrase_with_the_article_is_no_person():
    assert kinds([make_extraction("a", [("Ellery Clarion", "PERSON", {"determined": True}), ("Ellery Clarion", "PERSON")])]) == {
        "Ellery Clarion": "organization"
    }


def test_resolve_kind_from_the_first_word_of_a_place_name():
    assert kinds([make_extraction("a", [("Mount Whitfield", "PERSON"), ("Lake Ellery", "ORG")])]) == {
        "Mount Whitfield": "place",
        "Lake Ellery": "place",
    }


def test_resolve_an_abbreviated_rank_in_front_of_a_name_is_not_the_display_name():
    names = actor_names([make_extraction("a", [("Dana Whitfield", "PERSON"), ("Con Dana Whitfield", "PERSON")])])
    assert names == {"Dana Whitfield": {"Dana Whitfield", "Con Dana Whitfield"}}


def test_resolve_names_after_two_names_of_one_actor_are_one():
    names = actor_names(
        [
            make_extraction("a", [("Coastal Nations League", "ORG"), ("CNL", "ORG"), ("CNL Harbour Board", "ORG")]),
            make_extraction("b", [("Coastal Nations League Harbour Board", "ORG")]),
        ]
    )
    assert names["Coastal Nations League Harbour Board"] == {"CNL Harbour Board", "Coastal Nations League Harbour Board"}


def test_resolve_a_bare_noun_that_may_stand_for_several_institutions_joins_none():
    names = actor_names(
        [
            make_extraction("a", [("Ellery", "GPE"), ("Ellery Police", "ORG"), ("police", "INST")]),
            make_extraction("b", [("Marlow Transit Police", "ORG"), ("police", "INST")]),
            make_extraction("c", [("Halden", "GPE"), ("Halden parliament", "INST"), ("parliament", "INST")]),
            make_extraction("d", [("parliament", "INST")]),
        ]
    )
    assert names["Ellery Police"] == {"Ellery Police"}
    assert "police" not in names and names["Marlow Transit Police"] == {"Marlow Transit Police"}  # the text does not say which
    assert names["Halden parliament"] == {"Halden parliament", "parliament"}  # one institution of its kind


def test_resolve_a_surname_the_tagger_calls_an_organisation_keeps_the_person_a_person():
    """The bare surname's label says nothing once the corpus gives the full name; many such mentions
    must not turn the person into an organisation."""
    extractions = [
        make_extraction("a", [("Dana Whitfield", "PERSON")] + [("Whitfield", "ORG")] * 6),
        make_extraction("b", [("Dana Whitfield", "PERSON")] + [("Whitfield", "ORG")] * 6),
    ]
    assert kinds(extractions) == {"Dana Whitfield": "person"}


def test_resolve_a_lone_name_the_tagger_calls_an_organisation_stays_one():
    extractions = [make_extraction("a", [("Whitfield", "ORG")] * 3), make_extraction("b", [("Harbour Dynamics", "ORG")])]
    assert kinds(extractions)["Whitfield"] == "organization"


def test_resolve_the_end_of_two_names_goes_to_the_one_its_sources_give_beside_it():
    """"Harbour Council" ends two councils' names: in every source that also gives a longer one, it is
    "Ellery Harbour Council"; the other council, named elsewhere only, stays apart."""
    names = actor_names(
        [
            make_extraction("a", [("Ellery Harbour Council", "ORG"), ("Harbour Council", "ORG"), ("Ellery", "ORG")]),
            make_extraction("b", [("Ellery Harbour Council", "ORG"), ("Harbour Council", "ORG")]),
            make_extraction("c", [("Harbour Council", "ORG")]),
            make_extraction("d", [("Marlow Harbour Council", "ORG"), ("Marlow", "ORG")]),
        ]
    )
    assert names["Ellery Harbour Council"] == {"Ellery Harbour Council", "Harbour Council"}
    assert names["Marlow Harbour Council"] == {"Marlow Harbour Council"}


def test_resolve_the_end_of_two_names_given_beside_each_in_different_sources_joins_neither():
    names = actor_names(
        [
            make_extraction("a", [("Ellery Harbour Council", "ORG"), ("Harbour Council", "ORG"), ("Ellery", "ORG")]),
            make_extraction("b", [("Marlow Harbour Council", "ORG"), ("Harbour Council", "ORG"), ("Marlow", "ORG")]),
        ]
    )
    assert names["Harbour Council"] == {"Harbour Council"}


def test_resolve_a_company_is_shown_without_its_legal_form():
    names = actor_names(
        [
            make_extraction("a", [("Harbour Dynamics Inc.", "ORG"), ("Harbour Dynamics", "ORG")]),
            make_extraction("b", [("Harbour Dynamics Corp", "ORG")]),
            make_extraction("c", [("Ellery Holdings Ltd", "ORG")]),
        ]
    )
    assert names["Harbour Dynamics"] == {"Harbour Dynamics", "Harbour Dynamics Inc.", "Harbour Dynamics Corp"}
    assert "Ellery Holdings Ltd" in names  # no shorter form given: the name as written


def test_resolve_an_acronym_of_an_institution_with_its_tail_left_out():
    names = actor_names(
        [
            make_extraction("a", [("Ellery", "GPE"), ("Ellery Police", "ORG")]),
            make_extraction("b", [("EPD", "ORG"), ("Ellery Police", "ORG")]),
            make_extraction("c", [("EPD", "ORG")]),
        ]
    )
    assert names["Ellery Police"] == {"Ellery Police", "EPD"}


def test_resolve_a_short_name_written_with_the_stands_for_the_one_longer_name():
    """"the Kestrels" is used as a common noun is: the team the corpus names in full, whatever word
    stands in front; "Wardens" without the article may name another group."""
    determined = {"determined": True}
    names = actor_names(
        [
            make_extraction("a", [("Tarn Kestrels", "ORG"), ("Kestrels", "ORG", determined)]),
            make_extraction("b", [("Kestrels", "ORG", determined), ("Kestrels", "ORG")]),
            make_extraction("c", [("Saraya Wardens", "ORG"), ("Wardens", "ORG")]),
        ]
    )
    assert names["Tarn Kestrels"] == {"Tarn Kestrels", "Kestrels"}
    assert "Wardens" in names and "Saraya Wardens" in names


@pytest.mark.parametrize("description", ["crosstown rival", "the defending champion", "the owner"])
def test_resolve_a_noun_that_describes_teams_and_people_alike_leaves_the_kind_to_the_tagger(description):
    extractions = [
        make_extraction("a", [("Ellery Kestrels", "ORG", {"role": description})]),
        make_extraction("b", [("Ellery Kestrels", "ORG")]),
    ]
    assert kinds(extractions) == {"Ellery Kestrels": "organization"}
