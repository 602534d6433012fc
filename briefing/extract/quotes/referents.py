"""Who a pronoun, a role noun or a collective noun stands for, within one document.

`Referents` lists, in text order, the people and organisations the document
names: every person entity with the titles and appositions around it, and the
subjects of main clauses and of cue verbs (pronoun subjects resolved as they
come). Resolution looks back from a speaker to the nearest compatible one.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from briefing.extract.nlp import doc_ents
from briefing.extract.quotes.attribution import is_cue
from briefing.extract.quotes.gender import is_person_noun, mention_gender, pronoun_gender, word_gender
from briefing.extract.quotes.speakers import (
    SUBJECT_DEPS,
    clean_entity_text,
    entity_of,
    has_person_evidence,
    is_person_name,
    phrase_span,
    role_words,
    speaker_from_token,
    subject_of,
    with_honorific,
)
from briefing.lexicon.speech import (
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    GROUP_PRONOUNS,
    ISSUING_VERBS,
    PERSON_PRONOUNS,
)
from briefing.lexicon.titles import ORG_NOUNS, TITLE_WORDS

LOOKBACK_PARAGRAPHS = 4
# Pronouns of one gender, and none of the other, resolved to a name before they tell its gender.
MIN_PRONOUN_VOTES = 2
MAIN_DEPS = frozenset({"ROOT", "conj", "parataxis", "ccomp"})


@dataclass(frozen=True)
class Referent:
    offset: int
    paragraph: int
    kind: str  # person | group
    name: str
    roles: frozenset[str]
    subject: bool
    speaker: bool = False  # the subject of a verb of saying
    gender: str | None = None  # what this mention's own words say (a title, a pronoun), if anything


class Paragraphs:
    """Non-empty lines of the text: a paragraph index for every offset, blank lines not counted."""

    def __init__(self, text: str):
        self.spans: list[tuple[int, int]] = []
        start = 0
        for line in text.split("\n"):
            if line.strip():
                self.spans.append((start, start + len(line)))
            start += len(line) + 1
        self.starts = [s for s, _ in self.spans] or [0]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def bounds(self, offset: int) -> tuple[int, int]:
        return self.spans[self.index(offset)] if self.spans else (0, 0)


class Referents:
    """The referents in text order, with indexes that keep each look-up from scanning them all
    (a scan per speaker made quotation finding quadratic in the length of an article)."""

    items: list[Referent]  # in text order

    def __init__(self, doc: Doc, paragraphs: Paragraphs, skip):
        self.doc, self.paragraphs, self.items = doc, paragraphs, []
        self._offsets: list[int] = []  # the items' offsets, for bisect
        self._person_names: set[str] = set()
        self._person_surnames: set[str] = set()  # the last words of person names of two words or more
        # Referents by name, person referents by role word: each list in text order, with its offsets.
        self._by_role: dict[str, tuple[list[int], list[Referent]]] = {}
        self._by_name: dict[str, tuple[list[int], list[Referent]]] = {}
        self.genders: dict[str, str] = {}  # name -> the first gender its own words give it ("Mrs", "his widow")
        self.pronoun_genders: dict[str, Counter[str]] = {}  # name -> the pronouns resolved to it so far
        for ent in doc_ents(doc):
            if ent.label_ in ("PERSON", "ORG") and is_person_name(ent) and not skip(ent.start_char):
                name = clean_entity_text(with_honorific(ent).text)
                if name:
                    roles = role_words(ent)
                    self._add(ent.start_char, "person", name, roles, subject=False, gender=mention_gender(ent, roles))
        for token in doc:
            if token.dep_ in SUBJECT_DEPS and _is_main(token.head) and not skip(token.idx):
                self._add_subject(token)

    def _add(self, offset, kind, name, roles=frozenset(), subject=True, speaker=False, gender=None, guessed=False):
        ref = Referent(offset, self.paragraphs.index(offset), kind, name, frozenset(roles), subject, speaker, gender)
        if gender is not None and kind == "person":
            if guessed:  # a pronoun resolved to the name: a vote, which one wrong guess must not settle
                self.pronoun_genders.setdefault(name, Counter())[gender] += 1
            else:
                self.genders.setdefault(name, gender)
        _insort(self._offsets, self.items, ref)
        _insort(*self._by_name.setdefault(name, ([], [])), ref)
        if kind == "person":
            self._person_names.add(name)
            if " " in name:
                self._person_surnames.add(name.rsplit(" ", 1)[1])
            for word in ref.roles:
                _insort(*self._by_role.setdefault(word, ([], [])), ref)

    def _add_subject(self, token: Token) -> None:
        speaker = speaker_from_token(token)
        name, kind = self.resolve(token, speaker.type, speaker.name)
        if name and kind:
            phrase = phrase_span(token)
            roles = role_words(phrase)
            pronoun = speaker.type == "pronoun"
            gender = pronoun_gender(token.lower_) if pronoun else mention_gender(phrase, roles)
            self._add(token.idx, kind, name, roles, subject=True, speaker=is_cue(token.head), gender=gender, guessed=pronoun)

    def resolve(self, head: Token, type_: str, name: str | None, previous: Referent | None = None):
        """(name, kind) of a speaker phrase, or (None, None)."""
        if type_ == "name":
            ent = entity_of(head)
            person = head.pos_ == "PROPN" and has_person_evidence(head.doc[head.i : head.i + 1])
            person = person or (ent is not None and ent.label_ == "PERSON") or self._known_person(name)
            person = person or _described_as_person(head)
            return name, "person" if person else "group"
        if type_ == "pronoun":
            return self.pronoun(head), ("person" if head.lower_ in PERSON_PRONOUNS else "group")
        if type_ == "role" and is_org_like(head):
            return org_name(head), "group"
        if type_ == "role":
            return self.role(head, previous), "person"
        if type_ == "collective":
            return self.collective(head), "group"
        return None, None

    def _known_person(self, name: str | None) -> bool:
        """A name given to a person before, or the surname of one ("Roe" after "Jane Roe")."""
        if not name:
            return False
        return name in self._person_names or (" " not in name and name in self._person_surnames)

    def before(self, offset: int, paragraphs: int = LOOKBACK_PARAGRAPHS):
        """The referents before offset, nearest first, back to `paragraphs` paragraphs before its own."""
        yield from _back_from(self._offsets, self.items, offset, self.paragraphs.index(offset) - paragraphs)

    def pronoun(self, token: Token) -> str | None:
        lower = token.lower_
        if lower not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return None
        kind = "person" if lower in PERSON_PRONOUNS else "group"
        gender = pronoun_gender(lower)
        sentence = token.sent.start_char if _after_quotation(token) else token.idx
        for ref in self.before(token.idx):
            if ref.offset < sentence:
                break
            if ref.speaker and ref.kind == kind and self._agrees(ref, gender):
                return ref.name  # "X said that Y has ..., he said": the sentence's speaker, not its last subject
        for ref in self.before(token.idx):
            if ref.subject and ref.kind == kind and self._agrees(ref, gender):
                return ref.name
        return None

    def _agrees(self, ref: Referent, gender: str | None) -> bool:
        """A "she" never stands for a man the text calls "Mr" or "he" (nor "he" for a woman)."""
        known = ref.gender or self.genders.get(ref.name) or self._voted_gender(ref.name)
        return gender is None or known is None or known == gender

    def _voted_gender(self, name: str) -> str | None:
        votes = self.pronoun_genders.get(name)
        if not votes:
            return None
        (gender, count), total = votes.most_common(1)[0], votes.total()
        return gender if count >= MIN_PRONOUN_VOTES and count == total else None

    def role(self, head: Token, previous: Referent | None) -> str | None:
        if head.tag_ in ("NNS", "NNPS"):
            return None  # "analysts", "officials": several people, no one name
        wanted = required_role_words(head)
        if previous is not None and previous.kind == "person" and self._has_role(previous.name, wanted, head.idx):
            return previous.name
        for ref in self._with_role(wanted, head.idx):
            if _role_matches(ref.roles, wanted):
                return ref.name
        here = self.paragraphs.index(head.idx)
        if previous is not None and previous.kind == "person" and here - previous.paragraph <= 1:
            # only a noun that names a person, of the previous speaker's gender if it tells one
            if is_person_noun(head.lemma_) and self._agrees(previous, word_gender(head.lemma_)):
                return previous.name
        return None

    def _with_role(self, wanted: frozenset[str], offset: int):
        """Person referents before offset, nearest first, that carry the rarest of the wanted role words."""
        lists = [self._by_role.get(word, ([], [])) for word in wanted]
        offsets, refs = min(lists, key=lambda pair: len(pair[0]))
        return _back_from(offsets, refs, offset, 0)

    def _has_role(self, name: str, wanted: frozenset[str], offset: int) -> bool:
        offsets, refs = self._by_name.get(name, ([], []))
        return any(_role_matches(r.roles, wanted) for r in refs[: bisect.bisect_left(offsets, offset)])

    def collective(self, head: Token) -> str | None:
        lemma = head.lemma_.lower()
        if lemma in ORG_NOUNS:
            return org_name(head)
        if lemma not in DOCUMENT_NOUNS:
            return None
        here = self.paragraphs.index(head.idx)
        for token in reversed(self.doc[: head.i]):
            if here - self.paragraphs.index(token.idx) > LOOKBACK_PARAGRAPHS + 2:
                break
            issuer = _issuer(token, lemma)
            if issuer is not None:
                return org_name(issuer)
        return None


def _insort(offsets: list[int], refs: list[Referent], ref: Referent) -> None:
    """Put ref into refs (in text order, after those at the same offset), its offset into offsets."""
    i = bisect.bisect_right(offsets, ref.offset)
    offsets.insert(i, ref.offset)
    refs.insert(i, ref)


def _back_from(offsets: list[int], refs: list[Referent], offset: int, first_paragraph: int):
    """The refs before offset, nearest first, down to those of paragraph first_paragraph."""
    for i in range(bisect.bisect_left(offsets, offset) - 1, -1, -1):
        if refs[i].paragraph < first_paragraph:
            return
        yield refs[i]


def _after_quotation(token: Token) -> bool:
    """ "“...,” he said": a pronoun right after a quotation's closing mark."""
    doc = token.doc
    before = [t for t in doc[max(0, token.i - 3) : token.i] if not t.is_space]
    return bool(before) and before[-1].is_punct and any(t.text[-1:] in "”\"'’»" for t in before[-2:])


def _described_as_person(head: Token) -> bool:
    """ "Jane Roe, the prime minister, ...": an apposition headed by an office or title says "person"
    whatever the entity label says."""
    return head.pos_ == "PROPN" and any(
        child.dep_ == "appos" and child.lemma_.lower() in TITLE_WORDS for child in head.children
    )


def _is_main(verb: Token) -> bool:
    return verb.dep_ in MAIN_DEPS or is_cue(verb)


def required_role_words(head: Token) -> frozenset[str]:
    """The role's head noun and its lower-case modifiers: "the Danish prime minister" -> {prime, minister}."""
    words = {head.lemma_.lower()}
    for child in head.children:
        if child.dep_ in ("compound", "amod") and child.text.islower() and child.i < head.i:
            words.add(child.lower_)
    return frozenset(words)


def _role_matches(roles: frozenset[str], wanted: frozenset[str]) -> bool:
    return bool(roles) and wanted <= roles


def _issuer(token: Token, document: str) -> Token | None:
    """The organisation that issued a document: "Parliament passed a resolution", "X stated ..."."""
    verb = token.head
    if token.lemma_.lower() == document and token.dep_ in ("dobj", "attr"):
        return _org_subject(verb)
    if token.lemma_.lower() == document and token.dep_ == "nsubjpass":
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                return pobj if is_org_like(pobj) else None
    if token.pos_ == "VERB" and token.lemma_.lower() in DOCUMENT_VERBS.get(document, ()):
        return _org_subject(token)
    return None


def _org_subject(verb: Token) -> Token | None:
    if verb.lemma_.lower() not in ISSUING_VERBS | {"state", "say", "announce", "declare", "write", "report"}:
        return None
    subject = subject_of(verb)
    return subject if subject is not None and is_org_like(subject) else None


def is_org_like(token: Token) -> bool:
    ent = entity_of(token)
    if ent is not None and ent.label_ in ("ORG", "GPE"):
        return True
    if _members_of(token) is not None:
        return True
    if token.lemma_.lower() in ORG_NOUNS:
        return True
    # "the coalition forces" are the coalition; "the union leader" is a person
    return token.tag_ in ("NNS", "NNPS") and any(t.lemma_.lower() in ORG_NOUNS for t in _left_nouns(token))


def org_name(token: Token) -> str | None:
    """ "the American-led coalition forces" -> "American-led coalition"; "members of Parliament" -> "Parliament"."""
    members = _members_of(token)
    if members is not None:
        return org_name(members)
    ent = entity_of(token)
    if ent is not None and ent.label_ in ("ORG", "GPE"):
        return clean_entity_text(ent.text)
    org = next((t for t in _left_nouns(token) if t.lemma_.lower() in ORG_NOUNS), None)
    if org is None:
        return None
    left = [t for c in token.children if c.i < org.i and c.dep_ not in ("det", "punct") for t in c.subtree]
    start = min([t.i for t in left if t.i <= org.i] + [org.i])
    return clean_entity_text(token.doc[start : org.i + 1].text)


def _left_nouns(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "compound" and c.i < token.i] + [token]


def _members_of(token: Token) -> Token | None:
    if token.lemma_.lower() not in ("member", "members"):
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            return pobj
    return None
