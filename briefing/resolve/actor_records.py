"""Actor records: each merged group of name nodes as one Actor, with its display name, kind,
aliases, roles, mentions and a stable id."""

from __future__ import annotations

from collections import Counter
from collections.abc import Set

from briefing.model import Actor, ActorKind, EntitySpan, Mention, Prominence, Role
from briefing.lexicon.roles import LEGAL_SUFFIXES, ROLE_TITLES
from briefing.lexicon.titles import ORG_TYPE_NOUNS, TITLE_WORDS
from briefing.names import fold, is_acronym, name_tokens
from briefing.resolve.actor_kinds import winning_kind
from briefing.resolve.name_nodes import AGENCY_KEYS, NameNode
from briefing.resolve.unionfind import UnionFind
from briefing.slugs import slugify_id, unique_ids

PERSON_TITLES = ROLE_TITLES | TITLE_WORDS


def build_actors(
    nodes: dict[str, NameNode], sets: UnionFind[str], common_words: Set[str] = frozenset()
) -> list[Actor]:
    """One Actor per set of name nodes, in the order of the sets' smallest keys; common_words,
    the words the sources write in lower case, tell a description glued to a name."""
    groups = sorted(sets.groups().values(), key=lambda keys: min(keys))
    drafts = []
    for keys in groups:
        members = [nodes[k] for k in sorted(keys)]
        forms: Counter[str] = Counter()
        votes: Counter[str] = Counter()
        mentions: list[tuple[str, EntitySpan]] = []
        short_forms = _short_forms_of_people(members)
        for node in members:
            forms.update(node.forms)
            votes.update(node.votes(labels=node.key not in short_forms))
            mentions.extend(node.mentions)
        kind = winning_kind(votes)
        name = _display_name(_undescribed(forms, common_words) if kind == "person" else _without_legal_forms(_uncredited(forms)))
        drafts.append((name, kind, forms, mentions))
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


def _short_forms_of_people(members: list[NameNode]) -> set[str]:
    """Keys of the one-word names of a group that are the surname or given name of a person's
    full name in it: the tagger's label of a bare "Whitfield" (often an organisation or a place)
    says nothing once the corpus gives "Dana Whitfield"; the words around it still vote."""
    ends = {
        token
        for node in members
        if len(node.tokens) >= 2 and winning_kind(node.corpus_votes) == "person"
        for token in (node.tokens[0], node.tokens[-1])
    }
    return {node.key for node in members if len(node.tokens) == 1 and node.tokens[0] in ends}


def _undescribed(forms: Counter[str], common_words: Set[str]) -> Counter[str]:
    """A person's forms without those that are another full form after common or capitalised
    words ("Series MVP Jane Roe", "Manager Jane Roe", "ROVERS Jane Roe" beside "Jane Roe"); an
    initial or a given name in front ("W. Jane Roe", "Mary Jane Roe") stays."""
    full = {tuple(fold(f).split()) for f in forms if len(name_tokens(f)) >= 2}
    kept = Counter(forms)
    for form in forms:
        words = form.split()
        for i in range(1, len(words) - 1):
            if tuple(fold(" ".join(words[i:])).split()) in full and all(_descriptive(w, common_words) for w in words[:i]):
                del kept[form]
                break
    return kept or forms


def _uncredited(forms: Counter[str]) -> Counter[str]:
    """Forms without a picture agency's credit or a repeated word glued in front of another form:
    "EPA Harbour Dynamics", "Harbour Harbour Dynamics" beside "Harbour Dynamics"."""
    names = {fold(f) for f in forms}
    kept = Counter(forms)
    for form in forms:
        first, _, rest = fold(form).partition(" ")
        if rest in names and (first in AGENCY_KEYS or rest.split()[0] == first):
            del kept[form]
    return kept or forms


def _without_legal_forms(forms: Counter[str]) -> Counter[str]:
    """Forms without those that are another form and a legal form: "Harbour Dynamics Inc" and
    "Harbour Dynamics Co." beside "Harbour Dynamics", which names the company as readers know it."""
    names = {fold(f) for f in forms}
    kept = Counter(forms)
    for form in forms:
        words = fold(form).split()
        end = len(words)
        while end > 1 and words[end - 1] in LEGAL_SUFFIXES:
            end -= 1
        if end < len(words) and " ".join(words[:end]) in names:
            del kept[form]
    return kept or forms


def _descriptive(word: str, common_words: Set[str]) -> bool:
    """A word that describes rather than names: used in lower case in the sources, or in capitals."""
    letters = word.strip(".,")
    return (
        letters.lower() in common_words
        or letters.lower() in PERSON_TITLES  # "Con Jane Roe": an abbreviated rank
        or (len(letters) > 1 and letters.isupper() and "." not in letters)
    )


def _display_name(forms: Counter[str]) -> str:
    """The fullest common form: most words, then most frequent, then fewest initials, then
    capitalised, then alphabetical."""

    def rank(form: str) -> tuple[int, int, int, int, str]:
        tokens = name_tokens(form)
        words = len(tokens) if not is_acronym(form) else 0
        initials = sum(len(t) == 1 for t in tokens)
        return (-words, -forms[form], initials, 0 if form[:1].isupper() else 1, form)

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
