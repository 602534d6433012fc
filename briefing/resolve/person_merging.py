"""People: spelling variants and transliterations of a full name merged, token by token;
short forms ("Roe", "Jane Roe", "J. Roe") linked to the one full name they abbreviate
(preferring a full name from the same source); a bare surname that several full names end
with goes to the person the corpus is about, never to a relative named by a family noun."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from briefing.lexicon.roles import GENERATION_SUFFIXES, KINSHIP_NOUNS
from briefing.names import fold, is_acronym, name_tokens
from briefing.resolve.name_matching import SimilarTokens, abbreviates, ends_with
from briefing.resolve.name_nodes import NameNode
from briefing.resolve.places import Gazetteer, load_gazetteer
from briefing.resolve.unionfind import UnionFind

# A nickname in quotes inside a name: 'Jane "Red" Roe', 'Jane ``Red'' Roe'.
NICKNAME = re.compile(r"(?:^|\s)(?:``|[\"“‘'])[^\"“”‘’`']+(?:''|[\"”’'])(?=\s|$)")
# A bare surname shared by several people goes to the one named in this many times as many
# sources as any other (the person the story is about), when the text does not tell.
DOMINANT_SOURCES = 2


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

    tokens: tuple[str, ...]
    key: str
    sources: frozenset[str]
    core: tuple[str, ...] = ()  # the tokens without a quoted nickname: 'Jane "Red" Roe' -> jane roe


Tokens = tuple[str, ...]
# Names of two or more tokens by their tokens; one-token names by (first letter, sources).
SameTokens = dict[Tokens, list[NameNode]]
OneTokenBlocks = dict[tuple[str, tuple[str, ...]], list[NameNode]]


def merge_people(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    """Spelling variants of full names; then each short form to the one full name it abbreviates."""
    gazetteer = load_gazetteer()
    people = [n for n in nodes.values() if maybe_person(n, gazetteer) and n.tokens]
    tokens = _person_tokens(people)
    # Blocking: names are compared only with names whose last token can be similar() to theirs
    # (SimilarTokens: no result changes, and no block grows with the corpus). One-token names
    # are variants only within one source ("Kovalenko"/"Kowalenko" in one article).
    similar = SimilarTokens(t[-1] for t in tokens.values())
    same_tokens, single = _group_people(people, tokens)
    by_last, full_by_last = _merge_same_full_names(same_tokens, sets)
    _merge_full_name_variants(same_tokens, by_last, similar, sets)
    _merge_one_token_variants(single, sets)
    _merge_short_forms(people, tokens, similar, full_by_last, sets)


def _person_tokens(people: list[NameNode]) -> dict[str, Tokens]:
    """Each name's tokens, without a generational suffix ("Jr") when the corpus gives its surname
    only that one: then "Jane Roe Jr" is "Jane Roe"; a "Roe Sr" beside her keeps them apart."""
    suffixes: dict[str, set[str]] = {}
    for node in people:
        if len(node.tokens) >= 2 and node.tokens[-1] in GENERATION_SUFFIXES:
            suffixes.setdefault(node.tokens[-2], set()).add(node.tokens[-1])
    tokens = {}
    for node in people:
        words = tuple(node.tokens)
        if len(words) > 2 and words[-1] in GENERATION_SUFFIXES and len(suffixes[words[-2]]) == 1:
            words = words[:-1]
        tokens[node.key] = words
    return tokens


def _group_people(people: list[NameNode], tokens: dict[str, Tokens]) -> tuple[SameTokens, OneTokenBlocks]:
    # A name carried by many sources is many nodes with the same tokens: one actor, compared once.
    same_tokens: SameTokens = {}
    single: OneTokenBlocks = {}
    for node in people:
        words = tokens[node.key]
        if len(words) >= 2:
            same_tokens.setdefault(words, []).append(node)
        else:
            single.setdefault((words[0][0], tuple(sorted(node.sources))), []).append(node)
    return same_tokens, single


def _merge_same_full_names(
    same_tokens: SameTokens, sets: UnionFind[str]
) -> tuple[dict[tuple[int, str], list[Tokens]], dict[str, list[_FullName]]]:
    """One set per full name; the full names by (length, last token), and the people's by last token."""
    by_last: dict[tuple[int, str], list[Tokens]] = {}
    full_by_last: dict[str, list[_FullName]] = {}
    for tokens, members in same_tokens.items():
        for node in members[1:]:
            sets.union(members[0].key, node.key)
        by_last.setdefault((len(tokens), tokens[-1]), []).append(tokens)
        persons = [n for n in members if n.kind() == "person"]
        if persons:
            sources = frozenset(source for n in persons for source in n.sources)
            core = tuple(name_tokens(NICKNAME.sub(" ", members[0].forms.most_common(1)[0][0])))
            full_by_last.setdefault(tokens[-1], []).append(_FullName(tokens, members[0].key, sources, core))
    return by_last, full_by_last


def _merge_full_name_variants(
    same_tokens: SameTokens,
    by_last: dict[tuple[int, str], list[Tokens]],
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
    people: list[NameNode],
    tokens: dict[str, Tokens],
    similar: SimilarTokens,
    full_by_last: dict[str, list[_FullName]],
    sets: UnionFind[str],
) -> None:
    """Each short form to the one full name it abbreviates, longest names first; then a bare
    surname several full names share to the person the corpus is about; else to the same bare
    surname elsewhere."""
    expansions: dict[Tokens, list[_FullName]] = {}  # one name is a node in every source that gives it

    def abbreviated(words: Tokens) -> list[_FullName]:
        if words not in expansions:
            expansions[words] = _abbreviated(words, similar, full_by_last)
        return expansions[words]

    longest_first = sorted((n for n in people if len(tokens[n.key]) >= 2), key=lambda n: (-len(tokens[n.key]), n.key))
    for node in longest_first:
        words = tokens[node.key]
        candidates = [f for f in abbreviated(words) if f.key != node.key]
        # names that are this one with words in front ("MVP Jane Roe", "Manager Jane Roe") are hers
        if all(_compatible(a, b) or ends_with(list(a.tokens), list(words)) and ends_with(list(b.tokens), list(words))
               for a, b in combinations(candidates, 2)):
            for f in candidates:  # "Jane Roe" of "Jane Mary Roe" and "Jane M. Roe": all one
                sets.union(node.key, f.key)
            continue
        near = {sets.find(f.key) for f in candidates if f.sources & node.sources}
        if len(near) == 1:
            sets.union(node.key, next(iter(near)))
    # Chosen before any union: the full names' sets as merging by name left them.
    people_sets = _PeopleSets(people, sets)
    by_first: dict[str, list[_FullName]] = {}
    for names in full_by_last.values():
        for f in names:
            by_first.setdefault(f.tokens[0], []).append(f)
    chosen: list[tuple[str, str]] = []
    leftovers: dict[Tokens, list[str]] = {}
    for node in people:
        words = tokens[node.key]
        if len(words) != 1:
            continue
        roots = {sets.find(f.key) for f in abbreviated(words)}
        if not roots and node.kind() == "person" and not node.corpus_votes["place"]:
            # no one's surname: a given name, of the one full name of its source that has it
            roots = {sets.find(f.key) for f in by_first.get(words[0], []) if f.sources >= node.sources}
            roots = roots if len(roots) == 1 else set()
        root = people_sets.main_person(node, roots)
        if root is not None:
            chosen.append((node.key, root))
        else:
            leftovers.setdefault(words, []).append(node.key)
    for key, root in chosen:
        sets.union(key, root)
    # Bare surnames with no one full name ("Brandt" alone): one actor per name.
    for keys in leftovers.values():
        for key in keys[1:]:
            sets.union(keys[0], key)


def _compatible(a: _FullName, b: _FullName) -> bool:
    """Two full names may be one person's: one abbreviates the other, with or without nicknames."""
    return any(
        x == y or abbreviates(list(x), list(y)) or abbreviates(list(y), list(x))
        for x, y in ((a.tokens, b.tokens), (a.core or a.tokens, b.core or b.tokens))
    )


def _abbreviated(words: Tokens, similar: SimilarTokens, full_by_last: dict[str, list[_FullName]]) -> list[_FullName]:
    """The full names that words may abbreviate ("Roe", "Jane Roe", "J. Roe" of "Jane Mary Roe")."""
    return [
        f
        for token in similar.of(words[-1])
        for f in full_by_last.get(token, [])
        if abbreviates(list(f.tokens), list(words))
    ]


class _PeopleSets:
    """The people's sets once short forms with one full name are merged: their sources, and
    whether the text calls them someone's relative ("her brother, Tom Roe")."""

    def __init__(self, people: list[NameNode], sets: UnionFind[str]) -> None:
        self.sources: dict[str, set[str]] = {}
        kin_sources: dict[str, set[str]] = {}
        for node in people:
            root = sets.find(node.key)
            self.sources.setdefault(root, set()).update(node.sources)
            kin = {source for source, span in node.mentions if _kinship(span.role) or _kinship(span.title)}
            kin_sources.setdefault(root, set()).update(kin)
        # A relative in most of the sources that name them: one quote calling the main person
        # "my brother" does not make them a relative.
        self.relatives = {r for r, kin in kin_sources.items() if kin and 2 * len(kin) >= len(self.sources[r])}

    def main_person(self, node: NameNode, roots: set[str]) -> str | None:
        """The person a bare surname names: the one full name it may stand for; else, of those in
        its own sources, then of all, the one who is no relative, else the one named by far the
        most sources."""
        if len(roots) == 1:
            return next(iter(roots))
        near = {r for r in roots if self.sources.get(r, set()) & node.sources}
        for pool in (near, roots):
            main = sorted(r for r in pool if r not in self.relatives)
            if len(main) == 1:
                return main[0]
            if main:
                return self._dominant(main)
        return None

    def _dominant(self, roots: list[str]) -> str | None:
        ranked = sorted(roots, key=lambda r: (-len(self.sources.get(r, ())), r))
        first, second = (len(self.sources.get(r, ())) for r in ranked[:2])
        return ranked[0] if first >= DOMINANT_SOURCES * second else None


def _kinship(text: str | None) -> bool:
    """A role such as "her brother" or "the deputy's wife": a family noun."""
    return bool(text) and any(word in KINSHIP_NOUNS for word in fold(text or "").split())
