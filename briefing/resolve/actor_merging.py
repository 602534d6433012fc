"""Name nodes merged into actors by evidence other than a person's name: the same name, names
given as the same thing, countries, acronyms, organisations with and without a country in
front, facilities; and groups known only by a common noun dropped when few sources name them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Set

from briefing.lexicon.name_variants import INSTITUTION_TAILS
from briefing.lexicon.roles import LEGAL_SUFFIXES
from briefing.lexicon.titles import GENERIC_MODIFIERS
from briefing.lexicon.titles import PLACE_NAME_HEADS
from briefing.names import acronym, fold, is_acronym
from briefing.resolve.actor_kinds import place_prefix
from briefing.resolve.name_nodes import NameNode, institution_key
from briefing.resolve.person_merging import short_person_form
from briefing.resolve.places import Gazetteer
from briefing.resolve.unionfind import UnionFind

# Institutions named by a common noun ("the parliament") need this many sources.
MIN_INSTITUTION_SOURCES = 2


def merge_same_names(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    """The same name in several sources is one actor, except a person's short form
    ("Brandt"), which may stand for different full names in different sources:
    merge_people resolves those one source at a time."""
    by_name: dict[str, list[str]] = {}
    for node in nodes.values():
        if not short_person_form(node):
            by_name.setdefault(node.name, []).append(node.key)
    for keys in by_name.values():
        for key in keys[1:]:
            sets.union(keys[0], key)


def merge_same_as(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    """Names given as the same thing in the text ("X (Y)", "X [Y]").

    A bracket given beside several people ("Ann Roe (D-Ill.)", "Tom Lee (D-Ill.)") describes them
    (a party, a state, a team): it names none of them, so it joins nobody.
    """
    pairs: list[tuple[str, str]] = []
    for node in nodes.values():
        for source, span in node.mentions:
            same = fold(span.same_as or "")
            # "KESTREL (Meridian Wire)" is a dateline, not two names of one thing: kinds must agree.
            for other in (f"{same}\0{source}", f"{institution_key(same)}\0{source}"):
                if other in nodes and nodes[other].kind() == node.kind():
                    pairs.append((node.key, other))
    descriptors = _shared_by_people(nodes, pairs)
    for key, other in pairs:
        if key not in descriptors and other not in descriptors:
            sets.union(key, other)


def _shared_by_people(nodes: dict[str, NameNode], pairs: list[tuple[str, str]]) -> set[str]:
    """Names paired, anywhere in the corpus, with two or more people who share no name token:
    descriptors, not names (the keys of all their nodes)."""
    partners: dict[str, set[str]] = {}
    for key, other in pairs:
        partners.setdefault(nodes[key].name, set()).add(other)
        partners.setdefault(nodes[other].name, set()).add(key)
    descriptor_names = set()
    for name, others in partners.items():
        people = {nodes[o].name: nodes[o] for o in others if nodes[o].kind() == "person" and nodes[o].tokens}
        found = list(people.values())
        if any(not set(a.tokens) & set(b.tokens) for i, a in enumerate(found) for b in found[i + 1 :]):
            descriptor_names.add(name)
    return {key for key, node in nodes.items() if node.name in descriptor_names}


def merge_countries(nodes: dict[str, NameNode], sets: UnionFind[str], gazetteer: Gazetteer) -> None:
    """Spellings, codes and demonyms of one country."""
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


def merge_acronyms(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    """An acronym and its expansion ("IS" / "Islamic State"), when it has one set of expansions."""
    expansions: dict[str, set[str]] = {}
    for node in nodes.values():
        for form in node.forms:
            initials = acronym(form)
            if initials:
                expansions.setdefault(initials.lower(), set()).add(node.key)
                # "Halden Police" is short for "Halden Police Department": "HPD"
                for tail in INSTITUTION_TAILS.get(form.split()[-1].lower(), ()):
                    expansions.setdefault(initials.lower() + tail[0], set()).add(node.key)
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
            expanded = _expansions_of(acronym_key, expansions)
            if len({nodes[k].name for k in expanded}) == 1:  # one name in several sources: one actor
                for key in expanded:
                    sets.union(node.key, key)
            candidates = {sets.find(k) for k in expanded}
            if len(candidates) != 1:
                unsettled[acronym_key] = unions
                continue
            member = settled[acronym_key] = next(iter(candidates))
        sets.union(node.key, member)
        unions += 1


def _expansions_of(acronym_key: str, expansions: dict[str, set[str]]) -> set[str]:
    """The names an acronym may stand for; "THR" may keep the article its name drops ("The H... R...")."""
    found = expansions.get(acronym_key, set())
    if not found and len(acronym_key) >= 3 and acronym_key.startswith("t"):
        found = expansions.get(acronym_key[1:], set())
    return found


def merge_unspaced_names(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    """Names of organisations and places written with and without a space ("Trail Blazers",
    "Trailblazers") are one. (A one-word name that ends one organisation's name is not merged
    with it: "Zorvan" is not "Northern Zorvan".)"""
    unspaced: dict[str, str] = {}
    for node in sorted(nodes.values(), key=lambda n: n.key):
        if node.kind() != "person":
            sets.union(unspaced.setdefault(node.name.replace(" ", ""), node.key), node.key)


def merge_organisations(
    nodes: dict[str, NameNode], sets: UnionFind[str], gazetteer: Gazetteer, demonyms: frozenset[str]
) -> None:
    """A name and the same name with a country in front ("State Department" / "U.S. State
    Department"), unless two countries compete. A bare noun ("police") that other institutions
    of the corpus end with too ("Metropolitan Police") may be any of them: it joins none."""
    place_keys = {n.name for n in nodes.values() if n.kind() == "place"} | demonyms
    cores: dict[tuple[str, ...], dict[str | None, list[str]]] = {}
    for node in nodes.values():
        if node.kind() != "organization":
            continue
        country, core = place_prefix(node.name.split(), gazetteer, place_keys)
        cores.setdefault(without_legal_form(core), {}).setdefault(country, []).append(node.key)
    # "Halden Police" beside "Metropolitan Police": the bare noun "police" may be either.
    heads = Counter(words[-1] for words in cores if len(words) > 1)
    for words, variants in cores.items():
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
        if countries and bare and heads[words[-1]] and all(set(nodes[k].labels) == {"INST"} for k in bare):
            continue
        if target is not None:
            for key in bare:
                sets.union(target, key)


def merge_name_tails(nodes: dict[str, NameNode], sets: UnionFind[str], lowercase_words: Set[str]) -> None:
    """An organisation known by the end of its name, when the names of the corpus that end with
    it are one actor's and the short one is no common noun ("Bank"), no place ("Zorvan" is not
    "Northern Zorvan") and no surname of a person of the corpus. What the short name leaves out
    must tell no other actor: a place ("Jaguars" of "Halden Jaguars", even when the tagger took
    "Jaguars" for a person), capitalised common words ("Sox" of "Red Sox"), or, before a short
    name of several words, another name of the corpus ("Security Council" of "UN Security
    Council"). A proper word in front makes another actor: "Saraya Hawks" is not "Hawks"."""
    places = {n.name for n in nodes.values() if n.kind() == "place"}
    surnames = {n.tokens[-1] for n in nodes.values() if n.kind() == "person" and len(n.tokens) >= 2}
    first_key: dict[str, str] = {}
    for node in sorted(nodes.values(), key=lambda n: n.key):
        first_key.setdefault(node.name, node.key)
    longer: dict[str, set[str]] = {}  # a tail of words -> the longer non-person names ending with it
    for name, key in first_key.items():
        node = nodes[key]
        words = name.split()
        form = node.forms.most_common(1)[0][0].split()
        if len(words) >= 2 and node.kind() != "person" and len(form) == len(words):
            for i in range(1, len(words)):
                if all(word[:1].isupper() for word in form[:i]):  # not "Academy at the X Theater"
                    longer.setdefault(" ".join(words[i:]), set()).add(name)
    sources_of: dict[str, set[str]] = {}
    for key in nodes:
        name, _, source = key.partition("\0")
        sources_of.setdefault(name, set()).add(source)
    determined = _determined_names(nodes)
    for node in nodes.values():
        names = _tail_of(node.name, longer.get(node.name, set()), sources_of, first_key, sets)
        if not names or not _known_by_tail(node, lowercase_words, places, surnames):
            continue
        for full in sorted(names):
            front = full[: -len(node.name)].strip()
            if front in places or node.kind() != "person" and (
                len(node.tokens) > 1 and front in first_key
                or all(word in lowercase_words for word in front.split())
                or node.name in determined
            ):
                sets.union(first_key[full], node.key)
                break


def _determined_names(nodes: dict[str, NameNode]) -> set[str]:
    """One-word names written with "the" in most of their mentions ("the Kestrels", "the Sox"):
    used as a common noun is, for the one longer name the corpus gives them ("Ellery Kestrels"),
    whatever words stand in front of it there."""
    determined: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for node in nodes.values():
        if len(node.tokens) == 1:
            total[node.name] += len(node.mentions)
            determined[node.name] += sum(span.determined for _, span in node.mentions)
    return {name for name, count in total.items() if 2 * determined[name] > count}


def _tail_of(
    name: str, names: set[str], sources_of: dict[str, set[str]], first_key: dict[str, str], sets: UnionFind[str]
) -> set[str]:
    """The longer names a short name stands for: all of them when they are one actor's; else those
    of the one actor that every source giving the short name and a longer one names beside it
    ("Security Council" beside "UN Security Council" in each such source, "National Security
    Council" elsewhere); else none."""
    if len({sets.find(first_key[n]) for n in names}) == 1:
        return names
    chosen: set[frozenset[str]] = set()
    for source in sources_of.get(name, ()):
        if roots := frozenset(sets.find(first_key[n]) for n in names if source in sources_of[n]):
            chosen.add(roots)
    if len(chosen) != 1 or len(target := next(iter(chosen))) != 1:
        return set()
    return {n for n in names if sets.find(first_key[n]) in target}


def merge_same_fronted_names(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
    """Names of organisations that are one name after another name of one actor: "UN Harbour
    Council" and "United Nations Harbour Council", once "UN" is "United Nations"."""
    first_key: dict[str, str] = {}
    for node in sorted(nodes.values(), key=lambda n: n.key):
        first_key.setdefault(node.name, node.key)
    same: dict[tuple[str, str], str] = {}
    for name, key in first_key.items():
        words = name.split()
        if nodes[key].kind() != "organization":
            continue
        for i in range(1, len(words)):
            front = first_key.get(" ".join(words[:i]))
            if front is not None and nodes[front].kind() != "person":
                sets.union(same.setdefault((sets.find(front), " ".join(words[i:])), key), key)


def _known_by_tail(node: NameNode, lowercase_words: Set[str], places: set[str], surnames: set[str]) -> bool:
    """A name that may stand for a longer one ending with it: capitalised, no common noun, no
    place, no surname."""
    if node.kind() == "place" or node.name in surnames or "INST" in node.labels:
        return False
    if not all(form[:1].isupper() for form in node.forms):
        return False
    return len(node.tokens) > 1 or node.name not in lowercase_words and node.name.rstrip("s") not in lowercase_words


def without_legal_form(words: list[str]) -> tuple[str, ...]:
    """An organisation's name without the legal form that may end it: "harbour dynamics co" ->
    ("harbour", "dynamics")."""
    end = len(words)
    while end > 1 and words[end - 1] in LEGAL_SUFFIXES:
        end -= 1
    return tuple(words[:end])


def _dominant(countries: dict[str, list[str]], nodes: dict[str, NameNode]) -> str | None:
    sizes = sorted(((sum(len(nodes[k].mentions) for k in keys), keys[0]) for keys in countries.values()), reverse=True)
    return sizes[0][1] if sizes[0][0] >= 2 * sizes[1][0] else None


def merge_facilities(nodes: dict[str, NameNode], sets: UnionFind[str]) -> None:
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


def without_weak_institutions(nodes: dict[str, NameNode], sets: UnionFind[str]) -> UnionFind[str]:
    """Drop groups known only by a common noun: a bare one ("the police", "the government"), which
    names no one actor of its own (it may be any police of the story), and one with its
    modifiers ("the Halden police") from fewer than MIN_INSTITUTION_SOURCES sources. A bare noun
    merged with a name ("parliament" of "Ruritanian parliament") stays in that name's group."""
    kept: UnionFind[str] = UnionFind()
    for root, keys in sets.groups().items():
        members = [nodes[k] for k in keys]
        only_nouns = all(set(n.labels) == {"INST"} for n in members)
        sources = set().union(*(n.sources for n in members))
        bare = all(len(n.name.split()) == 1 for n in members)
        if only_nouns and (bare or len(sources) < MIN_INSTITUTION_SOURCES):
            continue
        for key in keys:
            kept.union(root, key)
    return kept
