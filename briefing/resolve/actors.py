"""Actors: entity mentions of all sources clustered into one record per real actor.

Evidence used, in order (each step merges name groups, never splits them):
1. the same name after folding case, accents, apostrophes, dots and hyphens;
2. names given as the same thing in the text ("X (Y)", "X [Y]");
3. countries: spellings, codes and demonyms from the countryinfo data;
4. acronyms and their expansions ("IS" / "Islamic State");
5. people: spelling variants and transliterations of a full name, token by token;
   surnames and short forms linked to the one full name that ends with them
   (preferring a full name from the same source);
6. organisations: a name and the same name with a country in front
   ("State Department" / "U.S. State Department"), unless two countries compete.
A group's kind is decided by the votes of all its mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz.distance import Levenshtein

from briefing.model import (
    Actor,
    ActorKind,
    EntitySpan,
    Extraction,
    Mention,
    Prominence,
    Role,
)
from briefing.names import (
    ORG_NAME_HEADS,
    ORG_TYPE_NOUNS,
    PLACE_NAME_HEADS,
    TITLE_WORDS,
    acronym,
    fold,
    is_acronym,
    name_tokens,
)
from briefing.resolve.places import Gazetteer, load_gazetteer
from briefing.resolve.unionfind import UnionFind
from briefing.slugs import slugify_id, unique_ids

LABEL_KIND: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "INST": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
# Evidence weights for an actor's kind. The clearest mentions count most: a full
# name ("Jane Roe") over a bare surname the tagger may take for a place, a title
# ("Mr", "President"), a type noun ("the X militia"), a place word ("X Square").
PERSON_TITLE_VOTES = 6
TYPE_NOUN_VOTES = 3
PLACE_HEAD_VOTES = 3
FULL_NAME_WEIGHT = 3
# Endings of adjectives of nationality ("Ruritanian", "Freedonese", "Latverish").
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
# Institutions named by a common noun ("the parliament") need this many sources.
MIN_INSTITUTION_SOURCES = 2
FUZZY_TOKEN_SIMILARITY = 0.8
FUZZY_MIN_LENGTH = 5
# Modifiers that do not tell one organisation from another of the same kind.
GENERIC_MODIFIERS = frozenset({"international", "multinational", "global", "led", "backed", "the"})


@dataclass
class NameNode:
    """All mentions of one folded name in one source (key: name + NUL + source id)."""

    key: str
    name: str
    forms: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    titled: int = 0
    typed: int = 0
    initial: int = 0
    mentions: list[tuple[str, EntitySpan]] = field(default_factory=list)
    # The same name's votes summed over all sources: what merging decisions look at.
    corpus_votes: Counter[str] = field(default_factory=Counter)

    @cached_property
    def tokens(self) -> list[str]:
        return name_tokens(self.name)

    @property
    def sources(self) -> set[str]:
        return {source for source, _ in self.mentions}

    def votes(self) -> Counter[str]:
        """Kind votes of this source's mentions of the name."""
        votes: Counter[str] = Counter()
        weight = FULL_NAME_WEIGHT if len(self.tokens) >= 2 else 1
        for label, count in self.labels.items():
            kind = LABEL_KIND.get(label)
            if kind:
                votes[kind] += count * weight
        votes["person"] += PERSON_TITLE_VOTES * self.titled
        votes["organization"] += TYPE_NOUN_VOTES * self.typed
        last = self.name.split()[-1]
        if last in PLACE_NAME_HEADS:
            votes["place"] += PLACE_HEAD_VOTES * weight * len(self.mentions)
        elif last in ORG_NAME_HEADS and len(self.name.split()) > 1:
            votes["organization"] += PLACE_HEAD_VOTES * weight * len(self.mentions)
        return votes

    def kind(self) -> ActorKind:
        """The kind the name has across the corpus."""
        return _winner(self.corpus_votes)

    def person_evidence(self) -> int:
        """Mentions of the name, anywhere, tagged as a person or carrying a title."""
        return self.corpus_votes["person"]


def _winner(votes: Counter[str]) -> ActorKind:
    if not votes:
        return "other"
    order = ("person", "organization", "place", "other")
    best = max(order, key=lambda k: (votes[k], -order.index(k)))
    return best  # type: ignore[return-value]


@dataclass
class ActorIndex:
    """Finds the actor a name (a speaker, a participant) refers to; None when unsure."""

    by_key: dict[str, str]
    people_by_last: dict[str, list[tuple[list[str], str]]]
    org_cores: dict[tuple[str | None, tuple[str, ...]], set[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    place_keys: set[str] = field(default_factory=set)
    place_words: frozenset[str] = frozenset()  # demonyms seen in the corpus

    def lookup(self, name: str | None) -> str | None:
        if not name:
            return None
        key = fold(name)
        if key in self.by_key:
            return self.by_key[key]
        words = name.split()
        while words and words[0].rstrip(".").lower() in TITLE_WORDS:
            words.pop(0)
        key = fold(" ".join(words))
        if key in self.by_key:
            return self.by_key[key]
        return self._person(key) or self._organisation(key)

    def _person(self, key: str) -> str | None:
        tokens = name_tokens(key)
        if not tokens:
            return None
        matches = {actor_id for full, actor_id in self.people_by_last.get(tokens[-1], []) if _ends_with(full, tokens)}
        return next(iter(matches)) if len(matches) == 1 else None

    def _organisation(self, key: str) -> str | None:
        """ "the American-led coalition" -> the actor known as "US-led coalition" or "coalition"."""
        country, core = _place_prefix(key.split(), load_gazetteer(), self.place_keys)
        for candidate in (self.org_cores.get((country, tuple(core))), self.org_cores.get((None, tuple(core)))):
            if candidate and len(candidate) == 1:
                return next(iter(candidate))
        return None

    def find_in(self, text: str | None) -> str | None:
        """The one person (else the one actor) whose name occurs in a phrase:
        "the top adviser to X's leader, Gen. Jane Roe" -> Jane Roe."""
        words = fold(text or "").split()
        found: set[str] = set()
        for size in range(min(6, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                actor_id = self.by_key.get(" ".join(words[i : i + size]))
                if actor_id:
                    found.add(actor_id)
        people = {a for a in found if self.kinds.get(a) == "person"}
        chosen = people or found
        return next(iter(chosen)) if len(chosen) == 1 else None


def resolve_actors(
    extractions: Sequence[Extraction], *, authors: Iterable[str] = ()
) -> tuple[list[Actor], ActorIndex]:
    """Cluster the entity mentions of all sources into actors."""
    gazetteer = load_gazetteer()
    author_keys = {fold(a) for a in authors}
    lowercase_words = _lowercase_vocabulary(extractions)
    nodes = _collect_nodes(extractions, author_keys)
    demonyms = _demonyms(extractions)
    nodes = {k: n for k, n in nodes.items() if not _is_common_word(n, lowercase_words)}
    sets: UnionFind[str] = UnionFind(nodes)
    _merge_same_names(nodes, sets)
    _merge_same_as(nodes, sets)
    _merge_countries(nodes, sets, gazetteer)
    _merge_acronyms(nodes, sets)
    _merge_people(nodes, sets)
    _merge_organisations(nodes, sets, gazetteer, demonyms)
    _merge_facilities(nodes, sets)
    actors = _build_actors(nodes, _without_weak_institutions(nodes, sets))
    return actors, build_index(actors, place_words=demonyms)


# ------------------------------------------------------------------ collection


def _collect_nodes(extractions: Sequence[Extraction], author_keys: set[str]) -> dict[str, NameNode]:
    nodes: dict[str, NameNode] = {}
    author_words = _words_of(author_keys)  # once: a word lookup, not a scan of every author per name
    for extraction in extractions:
        extra = {fold(a) for a in extraction.source.authors} - author_keys
        source_authors, source_words = (author_keys | extra, author_words | _words_of(extra)) if extra else (author_keys, author_words)
        # A source naming its own outlet ("CITY (Agency) -", "told the Herald") credits itself.
        own_outlet = fold(extraction.source.outlet or "")
        for span in extraction.entities:
            name = fold(span.text)
            if span.label == "NORP" or not name or not _looks_like_name(span) or _is_author(name, source_authors, source_words):
                continue
            if own_outlet and (name == own_outlet or own_outlet.endswith(" " + name) and len(name) > 3):
                continue
            key = f"{name}\0{extraction.source.id}"
            node = nodes.setdefault(key, NameNode(key, name))
            node.forms[span.text] += 1
            node.labels[span.label] += 1
            node.titled += bool(span.title) and span.label != "INST"
            node.typed += (span.role or "").lower() in ORG_TYPE_NOUNS
            node.initial += span.sentence_initial
            node.mentions.append((extraction.source.id, span))
    by_name: dict[str, Counter[str]] = {}
    for node in nodes.values():
        by_name.setdefault(node.name, Counter()).update(node.votes())
    for node in nodes.values():
        node.corpus_votes = by_name[node.name]
    return nodes


def _demonyms(extractions: Sequence[Extraction]) -> frozenset[str]:
    """Words tagged as nationalities that also have the form of one ("Ruritanian", "Freedoni"):
    they qualify an organisation's name, they do not name it. (The tagger's NORP alone is too
    noisy: it also tags parts of names.)"""
    words = {fold(s.text) for e in extractions for s in e.entities if s.label == "NORP" and " " not in s.text}
    return frozenset(w for w in words if w.endswith(DEMONYM_ENDINGS + ("i",)))


def _looks_like_name(span: EntitySpan) -> bool:
    words = span.text.split()
    last_part = re.split(r"[\s-]", span.text)[-1]
    if span.label != "INST" and not (span.text[:1].isupper() or last_part[:1].isupper()):
        return False  # "n't", "oversaw pro-X militia"; but "al-Kazemi" is a name
    if all(w.rstrip(".").lower() in TITLE_WORDS for w in words):
        return False  # "Supreme", "President"
    return any(len(w.strip(".")) > 1 for w in words)


def _is_author(key: str, author_keys: set[str], author_words: set[str]) -> bool:
    """The name of an author, or a word (longer than 3 letters) of one."""
    return key in author_keys or (len(key) > 3 and key in author_words)


def _words_of(names: set[str]) -> set[str]:
    return {word for name in names for word in name.split()}


def _lowercase_vocabulary(extractions: Sequence[Extraction]) -> set[str]:
    words: set[str] = set()
    for extraction in extractions:
        words.update(re.findall(r"\b[a-z][a-z'-]+\b", extraction.source.text))
    return words


def _is_common_word(node: NameNode, lowercase_words: set[str]) -> bool:
    """A one-word "name" only ever at a sentence start, used in lower case elsewhere: a common noun."""
    if len(node.name.split()) != 1 or node.initial < len(node.mentions):
        return False
    word = node.name
    return word in lowercase_words or word.rstrip("s") in lowercase_words


# --------------------------------------------------------------------- merging


def _merge_same_names(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    """The same name in several sources is one actor, except a person's short form
    ("Brandt"), which may stand for different full names in different sources:
    _merge_people resolves those one source at a time."""
    by_name: dict[str, list[str]] = {}
    for node in nodes.values():
        if not _short_person_form(node):
            by_name.setdefault(node.name, []).append(node.key)
    for keys in by_name.values():
        for key in keys[1:]:
            sets.union(keys[0], key)


def _short_person_form(node: NameNode) -> bool:
    return len(node.tokens) <= 2 and _maybe_person(node, load_gazetteer())


def _merge_same_as(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    for node in nodes.values():
        for source, span in node.mentions:
            other = f"{fold(span.same_as or '')}\0{source}"
            # "KESTREL (Meridian Wire)" is a dateline, not two names of one thing: kinds must agree.
            if other in nodes and nodes[other].kind() == node.kind():
                sets.union(node.key, other)


def _merge_countries(nodes: dict[str, NameNode], sets: UnionFind[str], gazetteer: Gazetteer) -> None:
    by_country: dict[str, str] = {}
    for node in nodes.values():
        as_place = node.corpus_votes["place"] > 0
        country = gazetteer.country(node.name, as_place=as_place)
        if country is None:
            continue
        if country.name in by_country:
            sets.union(by_country[country.name], node.key)
        else:
            by_country[country.name] = node.key


def _merge_acronyms(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    expansions: dict[str, set[str]] = {}
    for node in nodes.values():
        for form in node.forms:
            initials = acronym(form)
            if initials:
                expansions.setdefault(initials.lower(), set()).add(node.key)
    # Sets only grow: once the names an acronym may stand for are in one set they stay so, and
    # while no union is made here, names that were in several sets still are. So each acronym's
    # names are looked up again only after a union (one node of an acronym per source).
    settled: dict[str, str] = {}  # acronym -> a member of the one set all its expansions are in
    unsettled: dict[str, int] = {}  # acronym -> unions made when its names were last in several sets
    unions = 0
    for node in nodes.values():
        if not any(is_acronym(form) for form in node.forms):
            continue
        acronym_key = node.name.replace(" ", "")
        member = settled.get(acronym_key)
        if member is None:
            if unsettled.get(acronym_key) == unions:
                continue
            candidates = {sets.find(k) for k in expansions.get(acronym_key, set())}
            if len(candidates) != 1:
                unsettled[acronym_key] = unions
                continue
            member = settled[acronym_key] = next(iter(candidates))
        sets.union(node.key, member)
        unions += 1


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LENGTH or a[0] != b[0]:
        return False
    if Levenshtein.normalized_similarity(a, b) >= FUZZY_TOKEN_SIMILARITY:
        return True
    return _transliteration_key(a) == _transliteration_key(b)


# Spellings that vary between transliterations of the same name ("Oleksandr"/"Olexandr",
# "Mohammad"/"Muhammad"): letter groups folded to one form before names are compared.
TRANSLITERATION_GROUPS = (("ks", "x"), ("kh", "h"), ("ph", "f"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"),
                          ("j", "i"), ("w", "v"), ("q", "k"), ("c", "k"), ("o", "u"), ("e", "i"))


@lru_cache(maxsize=65536)
def _transliteration_key(token: str) -> str:
    for group, single in TRANSLITERATION_GROUPS:
        token = token.replace(group, single)
    return re.sub(r"(.)\1+", r"\1", token)  # doubled letters: "Hassan"/"Hasan"


def _ends_with(full: list[str], short: list[str]) -> bool:
    if len(short) > len(full) or not short:
        return False
    return all(_similar(x, y) for x, y in zip(full[len(full) - len(short) :], short))


def _maybe_person(node: NameNode, gazetteer: Gazetteer) -> bool:
    """Could name a person: tagged a person at least once (a surname the tagger also took for a
    place), or never tagged a place (a surname taken for an organisation); and not a country."""
    if gazetteer.country(node.name, as_place=False) is not None or any(is_acronym(f) for f in node.forms):
        return False
    return node.person_evidence() > 0 or node.corpus_votes["place"] == 0


def _merge_people(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    """Spelling variants of full names; then each short form to the one full name it abbreviates."""
    gazetteer = load_gazetteer()
    people = [n for n in nodes.values() if _maybe_person(n, gazetteer) and n.tokens]
    # Blocking: names are compared only with names whose last token can be _similar() to theirs
    # (SimilarTokens: no result changes, and no block grows with the corpus). One-token names
    # are variants only within one source ("Kovalenko"/"Kowalenko" in one article).
    similar = SimilarTokens(n.tokens[-1] for n in people)
    # A name carried by many sources is many nodes with the same tokens: one actor, compared once.
    same_tokens: dict[tuple[str, ...], list[NameNode]] = {}
    single: dict[tuple[str, tuple[str, ...]], list[NameNode]] = {}
    for node in people:
        if len(node.tokens) >= 2:
            same_tokens.setdefault(tuple(node.tokens), []).append(node)
        else:
            single.setdefault((node.tokens[0][0], tuple(sorted(node.sources))), []).append(node)
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
    position = {tokens: i for i, tokens in enumerate(same_tokens)}
    for tokens, members in same_tokens.items():
        for token in similar.of(tokens[-1]):
            for other in by_last.get((len(tokens), token), []):
                if position[other] > position[tokens] and _ends_with(list(tokens), list(other)):
                    sets.union(members[0].key, same_tokens[other][0].key)
    for block in single.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if _ends_with(a.tokens, b.tokens):
                    sets.union(a.key, b.key)
    leftovers: dict[str, list[str]] = {}
    for node in people:
        if not _short_person_form(node):
            continue
        candidates = [
            f
            for token in similar.of(node.tokens[-1])
            for f in full_by_last.get(token, [])
            if len(f.tokens) > len(node.tokens) and _ends_with(f.tokens, node.tokens)
        ]
        roots = {sets.find(f.key) for f in candidates}
        if len(roots) > 1:
            near = {sets.find(f.key) for f in candidates if f.sources & node.sources}
            roots = near if len(near) == 1 else roots
        if len(roots) == 1:
            sets.union(node.key, next(iter(roots)))
        elif not roots:
            leftovers.setdefault(" ".join(node.tokens), []).append(node.key)
    # Short forms with no full name anywhere ("Brandt" alone): one actor per name.
    for keys in leftovers.values():
        for key in keys[1:]:
            sets.union(keys[0], key)


@dataclass(frozen=True)
class _FullName:
    """A person's name of two or more tokens, as one: a node's key and the sources naming it."""

    tokens: list[str]
    key: str
    sources: set[str]


class SimilarTokens:
    """The tokens of a vocabulary that _similar() may accept for a given token, found without a
    scan of the vocabulary: the same token; the same first letter and transliteration key; or a
    Levenshtein distance small enough for FUZZY_TOKEN_SIMILARITY, found through the strings both
    tokens give by deleting letters (symmetric deletion). Every token returned passes _similar()."""

    # Two tokens within distance d share a string made by deleting at most d letters from each.
    # d <= 0.2 * the longer length, so a token of length L needs deletions up to L // 4; beyond
    # MAX_DELETIONS the (rare, long) tokens are compared directly.
    MAX_DELETIONS = 2

    def __init__(self, tokens: Iterable[str]) -> None:
        self.vocabulary = set(tokens)
        self.by_variant: dict[str, set[str]] = {}
        self.by_transliteration: dict[tuple[str, str], set[str]] = {}
        self.long: list[str] = []
        for token in self.vocabulary:
            if len(token) < FUZZY_MIN_LENGTH:
                continue
            self.by_transliteration.setdefault((token[0], _transliteration_key(token)), set()).add(token)
            for variant in _deletions(token, self._depth(token)):
                self.by_variant.setdefault(variant, set()).add(token)
            if len(token) // 4 > self.MAX_DELETIONS:
                self.long.append(token)

    def _depth(self, token: str) -> int:
        return min(len(token) // 4, self.MAX_DELETIONS)

    def of(self, token: str) -> list[str]:
        found = {token} if token in self.vocabulary else set()
        if len(token) >= FUZZY_MIN_LENGTH:
            found |= self.by_transliteration.get((token[0], _transliteration_key(token)), set())
            for variant in _deletions(token, self._depth(token)):
                found |= self.by_variant.get(variant, set())
            if len(token) // 4 >= self.MAX_DELETIONS:
                found.update(self.long)
        return sorted(t for t in found if _similar(token, t))


def _deletions(token: str, depth: int) -> set[str]:
    """token and every string made from it by deleting up to depth letters."""
    found = {token}
    frontier = {token}
    for _ in range(depth):
        frontier = {word[:i] + word[i + 1 :] for word in frontier for i in range(len(word))}
        found |= frontier
    return found


def _initials(tokens: list[str]) -> tuple[str, ...]:
    return tuple(t[0] for t in tokens)


def _place_prefix(tokens: list[str], gazetteer: Gazetteer, place_keys: set[str]) -> tuple[str | None, list[str]]:
    """Split country words off the front of an organisation name: ("united states", ["state", "department"])."""
    country: str | None = None
    i = 0
    while i < len(tokens) - 1:
        token = tokens[i]
        stem = token[:-1] if token.endswith("s") else token
        found = (
            gazetteer.country(token, as_place=True)
            or gazetteer.demonym(token)
            or gazetteer.country(stem, as_place=True)
        )
        if found is not None:
            country = found.name
        elif token in place_keys or stem in place_keys:
            country = token if token in place_keys else stem
        elif len(token) >= 6 and token.endswith(DEMONYM_ENDINGS) and i + 1 < len(tokens):
            country = token  # "Ruritanian Navy": an adjective of nationality, by its form
        elif token not in GENERIC_MODIFIERS:
            break
        i += 1
    return country, tokens[i:]


def _merge_organisations(
    nodes: dict[str, NameNode], sets: UnionFind[str], gazetteer: Gazetteer, demonyms: frozenset[str]
) -> None:
    place_keys = {n.name for n in nodes.values() if n.kind() == "place"} | demonyms
    cores: dict[tuple[str, ...], dict[str | None, list[str]]] = {}
    for node in nodes.values():
        if node.kind() != "organization":
            continue
        country, core = _place_prefix(node.name.split(), gazetteer, place_keys)
        cores.setdefault(tuple(core), {}).setdefault(country, []).append(node.key)
    for variants in cores.values():
        countries = {c: keys for c, keys in variants.items() if c is not None}
        bare = variants.get(None, [])
        for keys in countries.values():
            for key in keys[1:]:
                sets.union(keys[0], key)
        target: str | None
        if len(countries) == 1:
            target = next(iter(countries.values()))[0]
        elif not countries:
            target = bare[0] if bare else None
        else:
            target = _dominant(countries, nodes)
        if target is not None:
            for key in bare:
                sets.union(target, key)


def _merge_facilities(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    """ "X airport" and "X international airport": the same place."""
    cores: dict[tuple[str, ...], str] = {}
    for node in sorted(nodes.values(), key=lambda n: n.key):
        words = node.name.split()
        if node.kind() != "place" or len(words) < 2 or words[-1] not in PLACE_NAME_HEADS:
            continue
        core = tuple(w for w in words if w not in GENERIC_MODIFIERS)
        if core in cores:
            sets.union(cores[core], node.key)
        else:
            cores[core] = node.key


def _without_weak_institutions(nodes: dict[str, NameNode], sets: UnionFind[str]) -> UnionFind[str]:
    """Drop groups known only by a common noun ("the police") from fewer than MIN_INSTITUTION_SOURCES sources."""
    kept: UnionFind[str] = UnionFind()
    for root, keys in sets.groups().items():
        members = [nodes[k] for k in keys]
        only_nouns = all(set(n.labels) == {"INST"} for n in members)
        sources = set().union(*(n.sources for n in members))
        if only_nouns and len(sources) < MIN_INSTITUTION_SOURCES:
            continue
        for key in keys:
            kept.union(root, key)
    return kept


def _dominant(countries: dict[str, list[str]], nodes: dict[str, NameNode]) -> str | None:
    sizes = sorted(((sum(len(nodes[k].mentions) for k in keys), keys[0]) for keys in countries.values()), reverse=True)
    return sizes[0][1] if sizes[0][0] >= 2 * sizes[1][0] else None


# -------------------------------------------------------------------- building


def _build_actors(nodes: dict[str, NameNode], sets: UnionFind[str]) -> list[Actor]:
    groups = sorted(sets.groups().values(), key=lambda keys: min(keys))
    drafts = []
    for keys in groups:
        members = [nodes[k] for k in sorted(keys)]
        forms: Counter[str] = Counter()
        votes: Counter[str] = Counter()
        mentions: list[tuple[str, EntitySpan]] = []
        for node in members:
            forms.update(node.forms)
            votes.update(node.votes())
            mentions.extend(node.mentions)
        name = _display_name(forms)
        drafts.append((name, _winner(votes), forms, mentions))
    ids = unique_ids([slugify_id(name) for name, *_ in drafts])
    actors = []
    for actor_id, (name, kind, forms, mentions) in zip(ids, drafts):
        mentions.sort(key=lambda m: (m[0], m[1].start))
        sources = sorted({source for source, _ in mentions})
        actors.append(
            Actor(
                id=actor_id,
                name=name,
                kind=kind,
                aliases=sorted(forms, key=lambda f: (-forms[f], f)),
                sources=sources,
                roles=_roles(mentions, kind),
                mentions=[
                    Mention(source=s, anchor=span.anchor, text=span.text, start=span.start, end=span.end)
                    for s, span in mentions
                ],
                prominence=Prominence(mentions=len(mentions), sources=len(sources)),
            )
        )
    return actors


def _display_name(forms: Counter[str]) -> str:
    """The fullest common form: most words, then most frequent, then capitalised, then alphabetical."""

    def rank(form: str) -> tuple[int, int, int, str]:
        words = len(name_tokens(form)) if not is_acronym(form) else 0
        return (-words, -forms[form], 0 if form[:1].isupper() else 1, form)

    return min(forms, key=rank)


def _roles(mentions: list[tuple[str, EntitySpan]], kind: ActorKind) -> list[Role]:
    seen: set[str] = set()
    roles = []
    for source, span in mentions:
        for text in (span.role, span.title):
            if not text or not any(ch.islower() for ch in text) or fold(text) == fold(span.text):
                continue  # "(AP)" after a place is no role
            if kind != "organization" and text.lower() in ORG_TYPE_NOUNS:
                continue  # "the US alliance with X": a type noun describes organisations only
            key = fold(text)
            if key in seen:
                continue
            seen.add(key)
            roles.append(Role(text=text, source=source, anchor=span.anchor))
    return roles


def build_index(actors: Sequence[Actor], place_words: frozenset[str] = frozenset()) -> ActorIndex:
    """Alias lookups for the actors: folded alias -> id, people by last name, organisations by core name."""
    by_key: dict[str, str] = {}
    people: dict[str, list[tuple[list[str], str]]] = {}
    place_keys = {fold(alias) for a in actors if a.kind == "place" for alias in a.aliases} | place_words
    gazetteer = load_gazetteer()
    cores: dict[tuple[str | None, tuple[str, ...]], set[str]] = {}
    for actor in actors:
        for alias in actor.aliases:
            key = fold(alias)
            by_key.setdefault(key, actor.id)
            tokens = name_tokens(alias)
            if actor.kind == "person" and tokens:
                people.setdefault(tokens[-1], []).append((tokens, actor.id))
            if actor.kind == "organization":
                country, core = _place_prefix(key.split(), gazetteer, place_keys)
                cores.setdefault((country, tuple(core)), set()).add(actor.id)
                cores.setdefault((None, tuple(core)), set()).add(actor.id)
    return ActorIndex(
        by_key=by_key,
        people_by_last=people,
        org_cores=cores,
        kinds={a.id: a.kind for a in actors},
        place_keys=place_keys,
        place_words=place_words,
    )
