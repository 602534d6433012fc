"""The speaker phrase of a cue verb, its type, and the name written in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from briefing.extract.nlp import doc_text, token_ent
from briefing.lexicon.speech import (
    DOCUMENT_NOUNS,
    INVERTED_SPEECH_VERBS,
    PRONOUNS,
    SPEECH_VERBS,
)
from briefing.lexicon.titles import HONORIFICS, ORG_NOUNS, TITLE_WORDS
from briefing.model import SpeakerType
from briefing.names import clean_name, split_title

SUBJECT_DEPS = ("nsubj", "nsubjpass")
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Nouns whose phrase speaks as one: documents ("the statement said") and bodies ("the council said").
COLLECTIVE_NOUNS = DOCUMENT_NOUNS | ORG_NOUNS
# Dependents that are clauses about the speaker, not part of the phrase that names it.
# Where the phrase after an inverted verb of saying ends: "said Jane Roe, a lawyer", "said Roe of Ostwire".
PHRASE_STOPS = frozenset({",", ";", ":", "!", "?", "(", "of", "at", "from", "in", "on", "with", "who", "after", "before", "when"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "parataxis", "ccomp", "conj", "cc"})


@dataclass(frozen=True)
class Speaker:
    head: Token
    start: int
    end: int
    text: str
    type: SpeakerType
    name: str | None  # the name written in the phrase, cleaned


def subject_of(verb: Token, skip: Callable[[Token], bool] | None = None) -> Token | None:
    """The subject of a cue verb; for "and said", "adding", "saying" the subject of the cue verb above it.

    skip: subjects to pass over (those inside quote marks: the parser may hang a quoted clause's
    subject on the cue verb)."""
    own = _own_subject(verb, skip)
    if own is not None:
        return own
    borrowed, token, coordinated = None, verb, True
    for step in range(4):
        if token.dep_ not in ("conj", "dep", "advcl", "xcomp", "pcomp", "ccomp") or token.head.i == token.i:
            break
        coordinated = coordinated and token.dep_ in ("conj", "dep")  # "dep": a conjunct the parser left unlabelled
        above = token.head
        if token.dep_ == "pcomp" and above.dep_ == "prep" and above.head.i != above.i:
            above = above.head  # "responded by saying": the verb that the preposition hangs on
        token = above
        subject = _own_subject(token, skip)
        if subject is not None and token.lemma_.lower() in SPEECH_VERBS:
            return subject
        # "Roe gestured, leaned in and boomed": coordinated verbs share the first one's subject
        if borrowed is None and subject is not None and (step == 0 or coordinated) and verb.dep_ != "ccomp":
            borrowed = subject
    return borrowed


# Verbs whose agent ("by X") is not the one who speaks: "Roe was quoted by the paper as saying".
RELAYING_VERBS = frozenset({"quote", "cite", "report"})


def _own_subject(verb: Token, skip: Callable[[Token], bool] | None = None) -> Token | None:
    agent = _agent(verb)
    if agent is not None and (skip is None or not skip(agent)):
        return agent
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and any(ch.isalpha() for ch in c.text)]
    subjects = [_object_of_preposition(c) for c in subjects if skip is None or not skip(c)]
    if subjects:  # the nearest before the verb: in "... made public ― Roe boasted" the dash is no subject
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    for found in (_inverted_subject(verb), _phrase_before(verb), _preceding_subject(verb), _phrase_after(verb)):
        if found is not None and (skip is None or not skip(found)):
            return found
    return None


def _agent(verb: Token) -> Token | None:
    """ "Roe was asked by the moderator, Lee, whether ...": in the passive the agent speaks."""
    if verb.lemma_.lower() in RELAYING_VERBS or not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for pobj in (c for c in agent.children if c.dep_ == "pobj"):
            return pobj
    return None


def _object_of_preposition(subject: Token) -> Token:
    """ "Of Lee, Roe said": a preposition the parser took for the subject stands before it."""
    if subject.pos_ != "ADP":
        return subject
    objects = [c for c in subject.children if c.dep_ == "pobj"]
    return objects[0] if objects else subject


def _inverted_subject(verb: Token) -> Token | None:
    """ "“...,” said Lena X, a lawmaker, reported Ostwire": a subject the parser hung on another verb."""
    doc = verb.doc
    if verb.i == 0 or not doc[verb.i - 1].is_punct or verb.tag_ == "VBG":
        return None  # "..., noting the nominee 'makes ...'": the noun after a participle begins its clause
    for token in doc[verb.i + 1 : min(len(doc), verb.i + 8)]:
        if token.dep_ in SUBJECT_DEPS and token.head.i > token.i:
            between = range(verb.i + 1, token.i)
            if all(doc[j].head.i in range(verb.i + 1, token.i + 1) for j in between):
                return token
        if token.pos_ in ("VERB", "AUX") or token.text in ",.;:":
            return None
    return None


# Words that may stand in a speaker phrase after an inverted verb: "said retired surgeon Jane Roe".
PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "PUNCT", "VERB"})
MAX_PHRASE_WORDS = 10


def _phrase_after(verb: Token) -> Token | None:
    """ "“...,” added a Nevada Democrat.", "Said Ellis: “...”": the noun phrase right after an inverted
    verb of saying, read on the words when the parse gives the verb no subject."""
    doc = verb.doc
    if verb.lemma_.lower() not in INVERTED_SPEECH_VERBS or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if not verb.is_sent_start and not doc[verb.i - 1].is_punct:
        return None
    head = None
    for token in doc[verb.i + 1 : verb.i + 1 + MAX_PHRASE_WORDS]:
        if token.is_space or token.text in PHRASE_STOPS or token.pos_ not in PHRASE_POS or token.ent_type_ in ("DATE", "TIME"):
            return head
        if token.pos_ == "VERB" and token.dep_ not in ("amod", "compound"):
            return None  # a clause, not a name: "said senators were ..."
        if token.pos_ == "PUNCT" and token.text not in "-–.":
            return head
        if token.pos_ in ("NOUN", "PROPN"):
            head = token
    return None


CLOSING_MARKS = frozenset({"”", '"', "»", "''"})  # single marks are apostrophes too often


def _phrase_before(verb: Token) -> Token | None:
    """ "“...,” Ellery police Chief Tom Lee said.", "“...,” Lindqvist, a top adviser, said": the name
    between a quotation and its verb of saying, read on the words when the parse gives the verb no subject."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    start, reach = None, MAX_PHRASE_WORDS + 4
    for i in range(verb.i - 1, max(-1, verb.i - 1 - 2 * reach), -1):
        if doc[i].text in CLOSING_MARKS or doc[i].is_punct and doc[i].text.endswith(("”", '"')):
            if i > 0 and not doc[i - 1].is_punct and not doc[i - 1].whitespace_:
                continue  # a title in marks inside the phrase: "Roe, wearing “Vote Lee” pins, said"
            start = i + 1
            break
        if i < verb.i - 1 - reach and not any(t.text in CLOSING_MARKS for t in doc[i + 1 : verb.i]):
            return None  # no title in marks made the phrase longer
        if doc[i].is_space or doc[i].is_sent_start and i < verb.i - 1:
            return None
    if start is None:
        return None
    while start < verb.i and doc[start].text == ",":
        start += 1
    head = None
    for token in doc[start : verb.i]:
        if token.text == ",":
            break  # "Lindqvist, a top adviser, said": the name before the apposition
        if token.pos_ not in PHRASE_POS and not token.text[:1].isupper():
            return None
        if token.pos_ in ("NOUN", "PROPN") or token.text[:1].isupper():
            head = token
    return head


def _preceding_subject(verb: Token) -> Token | None:
    """ "After X, the coalition forces stated ...": a subject the parser hung elsewhere."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    words = [t for t in doc[max(0, verb.i - 3) : verb.i] if not t.is_punct and not t.is_space]
    if not words:
        return None
    token, last = words[-1], words[-1].i
    for _ in range(6):
        nominal = token.pos_ in ("NOUN", "PROPN", "PRON")
        # an apposition to the object of an introductory phrase is the real subject
        if nominal and (token.dep_ not in ("pobj", "compound", "poss", "appos") or token.head.dep_ == "pobj"):
            return token if token.right_edge.i >= last else None
        if token.head.i == token.i or token.head.i >= verb.i:
            return None
        token = token.head
    return None


def speaker_from_token(head: Token) -> Speaker:
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
        head = head.head.head  # "a delegate, who added ...": the relative pronoun stands for the noun it follows
    head = _name_before_description(head)
    span = phrase_span(head)
    start, end = span.start_char, max(span.end_char, _co_speakers_end(head))
    text = doc_text(head.doc)[start:end]
    if _indefinite(head):
        return Speaker(head, start, end, text, "unknown", None)
    name_span = name_in_phrase(head)
    name = clean_entity_text(with_honorific(name_span).text) if name_span is not None else None
    return Speaker(head, start, end, text, speaker_type(head, name), name)


def _co_speakers_end(head: Token) -> int:
    """ "Ada Quist and Tomas Berg wrote": the phrase names both (the first speaks for the pair, never
    a third name); where the last coordinated name ends, or 0."""
    if head.pos_ != "PROPN":
        return 0
    names = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > head.i]
    return phrase_span(names[-1]).end_char if names else 0


def with_honorific(name: Span) -> Span:
    """The name with the honorific the entity recogniser left before it: "Mr." + "King"."""
    if name.start > 0 and name.doc[name.start - 1].lower_.rstrip(".") in HONORIFICS:
        return name.doc[name.start - 1 : name.end]
    return name


def _name_before_description(head: Token) -> Token:
    """ "Jane Roe, the chairwoman of the club, recalled": when the parser makes the description the
    subject, the person's name just before it, hung on the same verb, speaks."""
    if not is_common_noun(head):
        return head
    doc = head.doc
    first = phrase_span(head).start
    if first < 2 or doc[first - 1].text != ",":
        return head
    ent = entity_of(doc[first - 2])
    if ent is None or ent.label_ != "PERSON" or ent.end != first - 1:
        return head
    return ent.root if ent.root.head.i in (head.head.i, head.i) else head


INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "many", "two", "three"})


def _indefinite(head: Token) -> bool:
    """ "a Nevada Democrat", "another delegate", "one New Hampshire Republican": someone the text does
    not name, never a person named earlier. "an angry Lindqvist" is Lindqvist: an adjective before a
    proper name describes a known person's mood, it does not pick out someone unnamed."""
    if head.pos_ == "PROPN" and head.ent_type_ != "NORP":
        if head.ent_type_ == "PERSON" or any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i < head.i for c in head.children):
            return False
    return head.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE and c.i < head.i for c in head.children
    )


def phrase_span(head: Token) -> Span:
    """The subject phrase without relative clauses: "Sadr, who leads ..., said" -> "Sadr"."""
    dropped = {t.i for c in head.children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
    tokens = [t.i for t in head.subtree if t.i not in dropped]
    first = last = head.i
    while first - 1 in tokens:
        first -= 1
    while last + 1 in tokens:
        last += 1
    doc = head.doc
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    return doc[first : last + 1]


def speaker_type(head: Token, name: str | None) -> SpeakerType:
    if head.lower_ in PRONOUNS and head.pos_ == "PRON":
        return "pronoun"
    if name:
        return "name"
    if head.lemma_.lower() in COLLECTIVE_NOUNS:
        return "collective"
    if is_common_noun(head):
        return "role"
    return "unknown"


def name_in_phrase(head: Token) -> Span | None:
    """The proper name of the phrase: the head's entity, an apposition's, or a PROPN chain."""
    if head.pos_ == "PRON":
        return None
    for token in [head] + [c for c in head.children if c.dep_ == "appos"]:
        ent = entity_of(token)
        if ent is not None and ent.label_ in NAME_LABELS and not ent.text.islower():
            if not _is_demonym_modifier(ent, token):
                return ent
        if token.pos_ == "PROPN" and not token.is_lower:
            return propn_chain(token)
    return None


def is_common_noun(token: Token) -> bool:
    """A noun, or a lower-case word the tagger took for a proper noun ("the prime minister")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)


def entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    return token_ent(token)


def _is_demonym_modifier(ent: Span, token: Token) -> bool:
    """"Danish" in "the Danish ambassador" is an adjective, not the speaker's name."""
    return ent.label_ == "NORP" and token.pos_ in ("ADJ", "NOUN")


def propn_chain(token: Token) -> Span:
    """A proper noun with the compound proper nouns before it: "Mr Al Ghabban"."""
    first = token.i
    doc = token.doc
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i in range(first, token.i + 1):
        first -= 1
    return doc[first : token.i + 1]


def clean_entity_text(text: str) -> str | None:
    """ "Maj. Gen. Hossein Dehghan" -> "Hossein Dehghan"; "Mr Raab’s" -> "Raab"."""
    text = " ".join(text.split())
    name, _ = clean_name(text)
    title, name = split_title(name)
    name, _ = clean_name(name)
    if not name or not any(ch.isalpha() for ch in name):
        return None
    # "Mr. King", "Ms. Judge": after an honorific a title word is a surname
    after_honorific = title is not None and title.split()[-1].rstrip(".").lower() in HONORIFICS
    if name.rstrip(".").lower() in TITLE_WORDS and not (after_honorific and name[:1].isupper()):
        return None
    return name


def has_person_evidence(tokens: Span) -> bool:
    """An honorific in or a title just before a name says "person" whatever the entity label says."""
    if tokens[0].lower_.rstrip(".") in HONORIFICS:
        return True
    doc = tokens.doc
    i = tokens.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and doc[i].lower_.rstrip(".") in TITLE_WORDS


def is_person_name(ent: Span) -> bool:
    return ent.label_ == "PERSON" or has_person_evidence(ent)


def role_words(span: Span) -> frozenset[str]:
    """Lemmas of the titles and role nouns around a name: "caretaker Prime Minister X" -> caretaker, prime, minister."""
    tokens = list(span) + _titles_before(span) + _appositions(span)
    return frozenset(t.lemma_.lower() for t in tokens if t.is_alpha and _is_role_word(t))


def _is_role_word(t: Token) -> bool:
    return t.pos_ == "NOUN" or t.lower_ in TITLE_WORDS or (t.is_lower and t.dep_ in ("amod", "compound"))


def _titles_before(span: Span) -> list[Token]:
    doc, found = span.doc, []
    inside = set(range(span.start, span.end))
    i = span.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod") and doc[i].head.i in inside:
        found.append(doc[i])
        inside.add(i)
        i -= 1
    return found


def _appositions(span: Span) -> list[Token]:
    """Role nouns in apposition: "X, a lawmaker"; "the ambassador to Rome, X," (however parsed)."""
    root = span.root
    found = [c for c in root.children if c.dep_ == "appos" and is_common_noun(c)]
    if root.dep_ == "appos" and is_common_noun(root.head):
        found.append(root.head)
    elif root.dep_ in ("appos", "conj") and span.start > 0 and span.doc[span.start - 1].text == ",":
        found.extend(_noun_above(root.head))
    phrase: list[Token] = []
    for noun in found:
        phrase.append(noun)
        phrase.extend(c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i)
    return phrase


def _noun_above(token: Token) -> list[Token]:
    for _ in range(4):
        if is_common_noun(token):
            return [token]
        if token.dep_ not in ("pobj", "prep", "conj", "appos") or token.head.i == token.i:
            return []
        token = token.head
    return []
