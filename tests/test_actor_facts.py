"""render.actor_facts: an actor's other names and its roles, each once."""

from __future__ import annotations

from pathlib import Path

from briefing.model import Actor, Corpus, Role
from briefing.render.actor_facts import merged_roles, other_names, search_names
from briefing.render.lookup import Lookup, page_path
from briefing.render.pages import render_site

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def _actor(corpus: Corpus, **update: object) -> Actor:
    actor = next(a for a in corpus.actors if a.id == "mira-okonkwo-tal")
    return actor.model_copy(update=update)


def test_actor_facts_other_names_fold_case_and_leave_out_the_name(corpus: Corpus) -> None:
    actor = _actor(corpus, name="Ellery Harbour Board",
                   aliases=["Ellery Harbour Board", "ELLERY HARBOUR BOARD", "EHB", "Harbour Board", "harbour board"])
    assert other_names(actor) == ["EHB", "Harbour Board"]


def test_actor_facts_roles_merge_spellings_of_one_office(corpus: Corpus) -> None:
    ledger, wire, coastal = (s.id for s in Lookup(corpus).sources_by_date())
    roles = [
        Role(text="Governor", source=wire, anchor="s2-1"),
        Role(text="caretaker governor", source=ledger, anchor="s3-2"),
        Role(text="Veltmark governor", source=coastal, anchor="s1-2"),
        Role(text="governor", source=ledger, anchor="s3-2"),  # the same sentence; this source is first
        Role(text="party leader", source=wire, anchor="s2-1"),
    ]
    views = merged_roles(Lookup(corpus), _actor(corpus, roles=roles))
    assert [v.texts for v in views] == [["governor", "caretaker governor", "Veltmark governor"], ["party leader"]]
    governor = views[0]
    assert [anchor.href.split("/")[-1] for _, anchor in governor.citations] == [
        f"{ledger}.md#s3-2", f"{wire}.md#s2-1", f"{coastal}.md#s1-2"]  # each sentence once, sources by date


def test_actor_facts_roles_spelt_otherwise_are_one_office_and_a_courtesy_title_is_none(corpus: Corpus) -> None:
    ledger, wire, coastal = (s.id for s in Lookup(corpus).sources_by_date())
    roles = [
        Role(text="Prime Minister", source=wire, anchor="s2-1"),
        Role(text="caretaker premier", source=ledger, anchor="s3-2"),
        Role(text="Veltmark PM", source=coastal, anchor="s1-2"),
        Role(text="Mr", source=coastal, anchor="s1-1"),
        Role(text="Gov.", source=ledger, anchor="s3-1"),
        Role(text="governor", source=wire, anchor="s2-2"),
    ]
    views = merged_roles(Lookup(corpus), _actor(corpus, roles=roles))
    assert [v.texts for v in views] == [["Prime Minister", "caretaker premier", "Veltmark PM"], ["Gov.", "governor"]]


def test_actor_facts_page_lists_names_and_roles_once_and_the_kind_only_as_its_tag(tmp_path: Path,
                                                                                 corpus: Corpus) -> None:
    actor = _actor(corpus, aliases=["Mira Okonkwo-Tal", "MIRA OKONKWO-TAL", "Okonkwo-Tal"],
                   roles=[Role(text="Governor", source=corpus.sources[0].id, anchor="s3-2"),
                          Role(text="governor", source=corpus.sources[1].id, anchor="s2-1")])
    render_site(corpus.model_copy(update={"actors": [actor if a.id == actor.id else a for a in corpus.actors]}),
                TEMPLATES, tmp_path)
    text = (tmp_path / page_path("actors", actor.id)).read_text(encoding="utf-8")
    assert "\nAlso written as\n:   Okonkwo-Tal\n" in text  # a definition list, the upper-case spelling gone
    roles = text[text.index("\nRoles\n") : text.index("\nProminence\n")]
    assert roles.count("\n:   ") == 1 and ("Governor" in roles) != ("governor" in roles)  # one office, one spelling
    assert roles.count("{.cite}") == 2  # both sentences cited
    assert "Kind:" not in text and "\n  - \"Person\"\n" in text  # the kind is the tag above the title


def test_actor_facts_search_names_add_the_spelling_without_an_inner_apostrophe(corpus: Corpus) -> None:
    actor = _actor(corpus, name="Kel’vor Brigade", aliases=["Kel’vor Brigade", "KB", "Dana’s unit"])
    assert search_names(actor) == ["KB", "Dana’s unit", "Kelvor Brigade"]  # a possessive stays as it is
