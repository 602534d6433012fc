"""People: spelling variants and transliterations of a full name merged, token by token;
surnames and short forms linked to the one full name that ends with them (preferring a full
name from the same source)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.names import is_acronym
from briefing.resolve.name_matching import SimilarTokens, ends_with
from briefing.resolve.name_nodes import NameNode
from briefing.resolve.places import Gazetteer, load_gazetteer
from briefing.resolve.unionfind import UnionFind


def maybe_person(node: NameNode, gazetteer: Gazetteer) -> bool:
    """Could name a person: tagged a person at least once (a surname the tagger also took for a
    place), or never tagged a place (a surname taken for an organisation); and not a country."""
    if gazetteer.country(node.name, as_place=False) is not None or any(is_acronym(f) for f in node.forms):
        return False
    return node.person_evidence() > 0 or node.corpus_votes["place"] == 0


def short_person_form(node: NameNode) -> bool:
    """A name of one or two tokens that may be a person's: it may stand for different full names."""
    return len(node.tokens) <= 2 and maybe_person(node, load_gazetteer())


@dataclass(frozen=True)
class _FullName:
    """A person's name of two or more tokens, as one: a node's key and the sources naming it."""

    tokens: list[str]
    key: str
    sources: set[str]


# Names of two or more tokens by their tokens; one-token names by (first letter, sources).
SameTokens = dict[tuple[str, ...], list[NameNode]]
OneTokenBlocks = dict[tuple[str, tuple[str, ...]], list[NameNode]]


def merge_people(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    """Spelling variants of full names; then each short form to the one full name it abbreviates."""
    gazetteer = load_gazetteer()
    people = [n for n in nodes.values() if maybe_person(n, gazetteer) and n.tokens]
    # Blocking: names are compared only with names whose last token can be similar() to theirs
    # (SimilarTokens: no result changes, and no block grows with the corpus). One-token names
    # are variants only within one source ("Kovalenko"/"Kowalenko" in one article).
    similar = SimilarTokens(n.tokens[-1] for n in people)
    same_tokens, single = _group_people(people)
    by_last, full_by_last = _merge_same_full_names(same_tokens, sets)
    _merge_full_name_variants(same_tokens, by_last, similar, sets)
    _merge_one_token_variants(single, sets)
    _merge_short_forms(people, similar, full_by_last, sets)


def _group_people(people: list[NameNode]) -> tuple[SameTokens, OneTokenBlocks]:
    # A name carried by many sources is many nodes with the same tokens: one actor, compared once.
    same_tokens: SameTokens = {}
    single: OneTokenBlocks = {}
    for node in people:
        if len(node.tokens) >= 2:
            same_tokens.setdefault(tuple(node.tokens), []).append(node)
        else:
            single.setdefault((node.tokens[0][0], tuple(sorted(node.sources))), []).append(node)
    return same_tokens, single


def _merge_same_full_names(
    same_tokens: SameTokens, sets: UnionFind[str]
) -> tuple[dict[tuple[int, str], list[tuple[str, ...]]], dict[str, list[_FullName]]]:
    """One set per full name; the full names by (length, last token), and the people's by last token."""
    by_last: dict[tuple[int, str], list[tuple[str, ...]]] = {}
    full_by_last: dict[str, list[_FullName]] = {}
    for tokens, members in same_tokens.items():
        for node in members[1:]:
            sets.union(members[0].key, node.key)
        by_last.setdefault((len(tokens), tokens[-1]), []).append(tokens)
        persons = [n for n in members if n.kind() == "person"]
        if persons:
            sources = {source for n in persons for source in n.sources}
            full_by_last.setdefault(tokens[-1], []).append(_FullName(list(tokens), members[0].key, sources))
    return by_last, full_by_last


def _merge_full_name_variants(
    same_tokens: SameTokens,
    by_last: dict[tuple[int, str], list[tuple[str, ...]]],
    similar: SimilarTokens,
    sets: UnionFind[str],
) -> None:
    """Full names of as many tokens, each a spelling of the other's ("Yusuf Rahmani"/"Yousuf Rehmani")."""
    position = {tokens: i for i, tokens in enumerate(same_tokens)}
    for tokens, members in same_tokens.items():
        for token in similar.of(tokens[-1]):
            for other in by_last.get((len(tokens), token), []):
                if position[other] > position[tokens] and ends_with(list(tokens), list(other)):
                    sets.union(members[0].key, same_tokens[other][0].key)


def _merge_one_token_variants(single: OneTokenBlocks, sets: UnionFind[str]) -> None:
    for block in single.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if ends_with(a.tokens, b.tokens):
                    sets.union(a.key, b.key)


def _merge_short_forms(
    people: list[NameNode], similar: SimilarTokens, full_by_last: dict[str, list[_FullName]], sets: UnionFind[str]
) -> None:
    """Each short form to the one full name it abbreviates, else to the same short form elsewhere."""
    leftovers: dict[str, list[str]] = {}
    for node in people:
        if not short_person_form(node):
            continue
        roots = _full_name_roots(node, similar, full_by_last, sets)
        if len(roots) == 1:
            sets.union(node.key, next(iter(roots)))
        elif not roots:
            leftovers.setdefault(" ".join(node.tokens), []).append(node.key)
    # Short forms with no full name anywhere ("Brandt" alone): one actor per name.
    for keys in leftovers.values():
        for key in keys[1:]:
            sets.union(keys[0], key)


def _full_name_roots(
    node: NameNode, similar: SimilarTokens, full_by_last: dict[str, list[_FullName]], sets: UnionFind[str]
) -> set[str]:
    """The sets of the full names a short form may abbreviate: those of its own sources when one."""
    candidates = [
        f
        for token in similar.of(node.tokens[-1])
        for f in full_by_last.get(token, [])
        if len(f.tokens) > len(node.tokens) and ends_with(f.tokens, node.tokens)
    ]
    roots = {sets.find(f.key) for f in candidates}
    if len(roots) > 1:
        near = {sets.find(f.key) for f in candidates if f.sources & node.sources}
        roots = near if len(near) == 1 else roots
    return roots
