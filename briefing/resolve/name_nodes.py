"""Name nodes: the entity mentions of each source grouped by folded name, the units that
actor resolution merges; names that are authors, titles, common words or the source's own
outlet are left out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from briefing.model import ActorKind, EntitySpan, Extraction
from briefing.lexicon.name_variants import DAY_NAME_HEADS, INSTITUTION_TAILS, NAME_WORD_VARIANTS
from briefing.lexicon.press import WIRE_AGENCIES
from briefing.lexicon.titles import (
    ADJECTIVE_PREFIXES,
    LOWER_CASE_NAME_PARTS,
    ORG_NAME_HEADS,
    ORG_TYPE_NOUNS,
    PLACE_NAME_HEADS,
    PLACE_NAME_STARTS,
    TITLE_WORDS,
)
from briefing.names import fold, name_tokens
from briefing.resolve.actor_kinds import (
    DESCRIBED_VOTES,
    DETERMINED_VOTES,
    FULL_NAME_WEIGHT,
    LABEL_KIND,
    PERSON_TITLE_VOTES,
    PLACE_HEAD_VOTES,
    TYPE_NOUN_VOTES,
    described_kind,
    winning_kind,
)


AGENCY_KEYS = frozenset(fold(a) for a in WIRE_AGENCIES)
# An author is an actor too when this many sources, more than credit them, name them as a person.
MIN_REPORTING_SOURCES = 2

# Two names joined by "and", "&" or a comma.
COORDINATED = re.compile(r"^(?P<a>[^,&]+?)(?:\s*,\s*|\s+(?:and|&)\s+)(?P<b>[^,&]+)$")


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
    # Kinds that descriptions and addresses in the text give the name ("the newspaper X").
    described: Counter[str] = field(default_factory=Counter)
    # Mentions the tagger took for a person's name that head a phrase with "the" ("the X said").
    determined: int = 0
    mentions: list[tuple[str, EntitySpan]] = field(default_factory=list)
    # The same name's votes summed over all sources: what merging decisions look at.
    corpus_votes: Counter[str] = field(default_factory=Counter)

    @cached_property
    def tokens(self) -> list[str]:
        return name_tokens(self.name)

    @property
    def sources(self) -> set[str]:
        return {source for source, _ in self.mentions}

    def votes(self, *, labels: bool = True) -> Counter[str]:
        """Kind votes of this source's mentions of the name; without the tagger's labels when
        labels is False (the words around the name still vote)."""
        votes: Counter[str] = Counter()
        weight = FULL_NAME_WEIGHT if len(self.tokens) >= 2 else 1
        for label, count in self.labels.items():
            kind = LABEL_KIND.get(label)
            if kind and labels:
                votes[kind] += count * weight
        votes["person"] += PERSON_TITLE_VOTES * self.titled
        votes["organization"] += TYPE_NOUN_VOTES * self.typed
        for described, count in self.described.items():
            votes[described] += DESCRIBED_VOTES * count
        votes["organization"] += DETERMINED_VOTES * self.determined
        words = self.name.split()
        last = words[-1]
        if last in PLACE_NAME_HEADS or len(words) > 1 and words[0] in PLACE_NAME_STARTS:
            votes["place"] += PLACE_HEAD_VOTES * weight * len(self.mentions)
        elif last in ORG_NAME_HEADS and len(self.name.split()) > 1:
            votes["organization"] += PLACE_HEAD_VOTES * weight * len(self.mentions)
        return votes

    def kind(self) -> ActorKind:
        """The kind the name has across the corpus."""
        return winning_kind(self.corpus_votes)

    def person_evidence(self) -> int:
        """Mentions of the name, anywhere, tagged as a person or carrying a title."""
        return self.corpus_votes["person"]


def collect_nodes(extractions: Sequence[Extraction], author_keys: set[str]) -> dict[str, NameNode]:
    """The name nodes of all sources by key, each with the kind votes of its name corpus-wide."""
    nodes: dict[str, NameNode] = {}
    known = _known_names(extractions)
    reported = _reported_people(extractions, author_keys)
    author_keys = author_keys - reported
    author_words = _words_of(author_keys)  # once: a word lookup, not a scan of every author per name
    for extraction in extractions:
        extra = {fold(a) for a in extraction.source.authors} - author_keys - reported
        source_authors, source_words = (author_keys | extra, author_words | _words_of(extra)) if extra else (author_keys, author_words)
        # A source naming its own outlet ("CITY (Agency) -", "told the Herald") credits itself.
        own_outlet = fold(extraction.source.outlet or "")
        places_ending = {e.end for e in extraction.entities if e.label in ("GPE", "LOC", "FAC") or e.text.split()[-1].lower() in PLACE_NAME_HEADS}
        spans = (part for whole in extraction.entities for trimmed in _trimmed(whole, known) for part in _coordinated(trimmed, known))
        for span in spans:
            # "the X reported": no person's name, whatever the tagger thought
            unperson = span.determined and span.label == "PERSON"
            if unperson:
                span = span.model_copy(update={"label": "ORG"})
            name = fold(span.text) if span.label == "PERSON" else institution_key(fold(span.text))
            if span.label == "NORP" or not name or not _looks_like_name(span) or _is_author(name, source_authors, source_words):
                continue
            if own_outlet and (name == own_outlet or own_outlet.endswith(" " + name) and len(name) > 3):
                continue
            key = f"{name}\0{extraction.source.id}"
            node = nodes.setdefault(key, NameNode(key, name))
            node.forms[span.text] += 1
            node.labels[span.label] += 1
            node.titled += bool(span.title) and span.label != "INST"
            typed = (span.role or "").lower() in ORG_TYPE_NOUNS
            node.typed += typed
            described = described_kind(span.role) if span.role and not typed else _addressed(span, extraction.source.text, places_ending)
            if described is not None:
                node.described[described] += 1
            node.determined += unperson
            node.initial += span.sentence_initial
            node.mentions.append((extraction.source.id, span))
    by_name: dict[str, Counter[str]] = {}
    for node in nodes.values():
        by_name.setdefault(node.name, Counter()).update(node.votes())
    for node in nodes.values():
        node.corpus_votes = by_name[node.name]
    return nodes


def _known_names(extractions: Sequence[Extraction]) -> set[str]:
    """The names the sources give, folded, and the last words of those of several words."""
    names = {fold(span.text) for extraction in extractions for span in extraction.entities}
    return names | {name.rsplit(" ", 1)[-1] for name in names}


def _addressed(span: EntitySpan, text: str, places_ending: set[int]) -> ActorKind | None:
    """ "X Road, Y," / "X Road, Y.": a name after a street or a place (places_ending: where the
    source's place names end) and a comma, closing the phrase, is the place the first lies in; not
    a person's full name set beside a place ("the ambassador to X, Jane Roe, said")."""
    if (span.label != "PERSON" or " " not in span.text) and span.start - 2 in places_ending and text[span.start - 2 : span.start] == ", " and text[span.end : span.end + 1] in (",", ".", ";", "\n", ""):
        return "place"
    return None


def _reported_people(extractions: Sequence[Extraction], author_keys: set[str]) -> set[str]:
    """Authors whom more sources name as a person in their text than list them as an author: a
    witness that one page's furniture passed off as its byline is still an actor there and elsewhere."""
    authored: Counter[str] = Counter(key for e in extractions for key in {fold(a) for a in e.source.authors} & author_keys)
    named: Counter[str] = Counter()
    for extraction in extractions:
        own = {fold(a) for a in extraction.source.authors}
        named.update({key for span in extraction.entities if span.label == "PERSON" and (key := fold(span.text)) in author_keys} - own)
    return {key for key, count in named.items() if count >= MIN_REPORTING_SOURCES and count > authored[key]}


def _trimmed(span: EntitySpan, known: set[str]) -> list[EntitySpan]:
    """The name without what the tagger glued in front of it: lower-case words ("this X Times",
    "unbeaten Jane Roe", "state Board of Y"), or a picture credit in capitals or an agency before
    another name of the corpus ("PA Jane Roe", "EPA Harbour Dynamics"); a person's name without
    the employer the tagger added ("Jane Roe of Harbour Dynamics"); nothing of "pro-Roe",
    "anti-Roe" (an adjective made of a name)."""
    words = span.text.split(" ")
    if re.match(r"^[a-z]+-", span.text) and span.text.split("-", 1)[0] in ADJECTIVE_PREFIXES:
        return []
    person, of, employer = span.text.partition(" of ")
    if span.label == "PERSON" and of and len(person.split()) >= 2 and all(w[:1].isupper() for w in (*person.split(), employer)):
        return [span.model_copy(update={"text": person, "end": span.start + len(person)})]  # "Jane Roe of Harbour Dynamics"
    cut = 0
    while cut < len(words) - 1 and words[cut].isalpha() and words[cut].islower() and words[cut] not in LOWER_CASE_NAME_PARTS:
        cut += 1
    if cut == 0 and len(words) > 1 and fold(" ".join(words[1:])) in known and _credit_word(words[0], words[1:], span.label):
        cut = 1
    if cut == 0:
        return [span]
    start = span.start + len(" ".join(words[:cut])) + 1
    return [span.model_copy(update={"text": " ".join(words[cut:]), "start": start})]


def _credit_word(word: str, rest: list[str], label: str) -> bool:
    """A word that credits a picture rather than names: an agency, or before a person's full name
    any word in capitals ("GETTY", "PA"; not an initial such as "J.")."""
    if fold(word) in AGENCY_KEYS:
        return True
    return label == "PERSON" and len(rest) > 1 and len(word) > 1 and word.isalpha() and word.isupper()


def _coordinated(span: EntitySpan, known: set[str]) -> list[EntitySpan]:
    """ "Rovers and Falcons", "Vasko, Brill": two names the tagger took for one, when each is a
    name the sources give on its own; else the span as it is ("Marks and Sparrow" stays)."""
    match = COORDINATED.match(span.text)
    if match is None or not all(match.group(g)[:1].isupper() and fold(match.group(g)) in known for g in "ab"):
        return [span]
    return [
        span.model_copy(update={"text": match.group(g), "start": span.start + match.start(g), "end": span.start + match.end(g)})
        for g in "ab"
    ]


def institution_key(name: str) -> str:
    """A folded name of a place or an organisation in one spelling: "mt cook" -> "mount cook",
    "halden police department" -> "halden police"."""
    words = [NAME_WORD_VARIANTS.get(w, w) for w in name.split()]
    if len(words) > 2 and words[-1] in INSTITUTION_TAILS.get(words[-2], ()):
        words.pop()
    return " ".join(words)


def _looks_like_name(span: EntitySpan) -> bool:
    words = span.text.split()
    last_part = re.split(r"[\s-]", span.text)[-1]
    if span.label != "INST" and not (span.text[:1].isupper() or last_part[:1].isupper()):
        return False  # "n't", "oversaw pro-X militia"; but "al-Kazemi" is a name
    if all(w.rstrip(".").lower() in TITLE_WORDS for w in words):
        return False  # "Supreme", "President"
    if len(words) > 1 and words[-1].lower() in DAY_NAME_HEADS:
        return False  # "Independence Day": a date
    return any(len(w.strip(".")) > 1 for w in words)


def _is_author(key: str, author_keys: set[str], author_words: set[str]) -> bool:
    """The name of an author, or a word (longer than 3 letters) of one."""
    return key in author_keys or (len(key) > 3 and key in author_words)


def _words_of(names: set[str]) -> set[str]:
    return {word for name in names for word in name.split()}


def lowercase_vocabulary(extractions: Sequence[Extraction]) -> set[str]:
    """Every word the sources write in lower case."""
    words: set[str] = set()
    for extraction in extractions:
        words.update(re.findall(r"\b[a-z][a-z'-]+\b", extraction.source.text))
    return words


def is_common_word(node: NameNode, lowercase_words: set[str]) -> bool:
    """A one-word "name" only ever at a sentence start, used in lower case elsewhere: a common noun."""
    if len(node.name.split()) != 1 or node.initial < len(node.mentions):
        return False
    word = node.name
    return word in lowercase_words or word.rstrip("s") in lowercase_words
