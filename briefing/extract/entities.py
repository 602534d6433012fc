"""Named-entity mentions: spaCy's entities, cleaned, with the titles and roles around them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from briefing.extract.nlp import char_ent, doc_ents, doc_text, function_words, noun_chunks_within
from briefing.lexicon.roles import ROLE_TITLES
from briefing.lexicon.speech import MEDIUM_HEADS
from briefing.lexicon.titles import (
    FACILITY_NOUNS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    MEMBER_NOUNS,
    ORG_NAME_COMPLETIONS,
    ORG_TYPE_NOUNS,
    PLACE_NOUNS,
    TITLE_WORDS,
)
from briefing.model import EntitySpan
from briefing.names import clean_name, split_title

# spaCy labels that can name an actor. NORP (nationalities, religious and
# political groups: "Ruritanian", "Sunni") are kept as evidence of which words
# are demonyms; resolve never makes them actors of their own.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
# Dependency labels of the words before a name that describe it:
# "caretaker premier Lena X", "navy commander Y", "UK Foreign Secretary Z".
PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nn"})
MAX_ROLE_WORDS = 10
# Words before a person's name that are no part of it: honorifics, offices and occupations.
PERSON_TITLES = TITLE_WORDS | ROLE_TITLES
# "X (Y)": a parenthesised alternative name, e.g. an acronym or another spelling.
PARENTHESIS = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)?$")


# "<Proper Name>, as the <noun phrase> is formally known"
NAMED_AS = re.compile(
    r"(?<![A-Za-z’'-] )(?P<name>(?:[A-Z][\w’'-]*\s+){0,5}[A-Z][\w’'-]*),\s+as\s+(?P<np>(?:the|an?)\s+[^,.;\n]{2,60}?)"
    r"\s+(?:is|are|was|were)\s+(?:(?:formally|officially|also|commonly|widely|now|better)\s+)?(?:known|called|named)\b"
)
BRACKETED = re.compile(r"\s*[(\[]\s*(?P<inner>[^()\[\]\n]{1,60}?)\s*[)\]]")


def extract_entities(doc: Doc) -> Iterator[EntitySpan]:
    """Yield cleaned actor mentions with the title and role attached to them."""
    seen: set[tuple[int, int]] = set()
    for ent in doc_ents(doc):
        if ent.label_ not in ACTOR_LABELS or _is_medium(ent) or _in_title(ent):
            continue
        ent = _relabel_place(_extend_to_head(_without_opening_word(ent)))
        for span in _clean_entity(ent):
            if (span.start, span.end) in seen:
                continue
            seen.add((span.start, span.end))
            yield span
            inner = _bracketed_name(doc, span)
            if inner is not None and (inner.start, inner.end) not in seen:
                seen.add((inner.start, inner.end))
                yield inner
    yield from _institutions(doc)
    yield from _named_as(doc)


def _is_medium(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.lemma_.lower() in MEDIUM_HEADS


def _in_title(ent: Span) -> bool:
    """ "Secretary of State": the word after "of" belongs to an office title."""
    root = ent.root
    preposition = root.head
    return (
        root.dep_ == "pobj"
        and preposition.lower_ == "of"
        and preposition.head.text.lower() in TITLE_WORDS
        and len(ent) == 1
    )


def _relabel_place(ent: Span) -> Span:
    root = ent.root
    preposition = root.head
    if root.dep_ == "pobj" and preposition.lower_ == "of" and preposition.head.lemma_.lower() in PLACE_NOUNS:
        return Span(ent.doc, ent.start, ent.end, label="GPE")
    return ent


# Parts of speech that never begin a person's name: "Having Roe", "Without Roe" at a sentence start.
NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "ADV", "SCONJ", "CCONJ", "DET", "PRON", "PART", "ADJ", "INTJ", "NUM"})


def _without_opening_word(ent: Span) -> Span:
    """ "Following Roe, ...": the capitalised first word of a sentence that the tagger took into a name."""
    first = ent[0]
    if ent.label_ != "PERSON" or len(ent) < 2 or not first.is_sent_start:
        return ent
    # The tagger may call the word a proper noun there; written in lower case as a participle or
    # preposition elsewhere in the article, it is one ("following"; but "Mark" of "to mark" is a name).
    if first.pos_ in NOT_NAME_POS or first.lower_ in function_words(ent.doc):
        return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


def _extend_to_head(ent: Span) -> Span:
    """Use the noun a name modifies: "US State" + "department" is a name; "Nujaba" + "militia" is an organisation."""
    ent = _extend_first_name(ent)
    root = ent.root
    head = root.head
    between = ent.doc[ent.end : head.i]
    if (
        root.dep_ != "compound"
        or head.i < ent.end
        or head.pos_ not in ("NOUN", "PROPN")
        or any(t.head.i != head.i or t.dep_ not in ("amod", "compound") for t in between)
    ):
        return ent
    lemma = head.lemma_.lower()
    if lemma in ORG_TYPE_NOUNS and head.i == ent.end:
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    if ent.label_ == "ORG" and lemma in ORG_NAME_COMPLETIONS:
        return Span(ent.doc, ent.start, head.i + 1, label="ORG")
    if ent.label_ in ("GPE", "LOC", "FAC", "ORG") and lemma in FACILITY_NOUNS:
        return Span(ent.doc, ent.start, head.i + 1, label="FAC")
    return ent


def _extend_first_name(ent: Span) -> Span:
    """ "Sadiq [Al Rikabi]": a capitalised given name the tagger left out of the person's name."""
    if ent.label_ != "PERSON" or ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    if (
        before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.head.i in range(ent.start, ent.end)
        and before.text[:1].isupper()
        and not before.ent_type_
        and before.text.rstrip(".").lower() not in PERSON_TITLES
    ):
        return Span(ent.doc, ent.start - 1, ent.end, label="PERSON")
    return ent


def _bracketed_name(doc: Doc, span: EntitySpan) -> EntitySpan | None:
    """ "Daesh [ISIS]", "Islamic State (IS)": the bracketed name is another name of the same thing."""
    match = BRACKETED.match(doc_text(doc), span.end)
    if match is None:
        return None
    inner, offset = clean_name(match.group("inner"))
    if not inner[:1].isupper() or len(inner.split()) > 6:
        return None
    start = match.start("inner") + offset
    tagged = char_ent(doc, start)
    return EntitySpan(
        text=inner,
        label=tagged.label_ if tagged is not None else span.label,
        start=start,
        end=start + len(inner),
        anchor="",
        same_as=span.text,
    )


def _institutions(doc: Doc) -> Iterator[EntitySpan]:
    """Noun phrases headed by an institution noun, named by the place modifiers before it."""
    for chunk in doc.noun_chunks:
        span = _institution(chunk)
        if span is not None:
            yield span


def _institution(chunk: Span) -> EntitySpan | None:
    root = chunk.root
    if root.lemma_.lower() not in INSTITUTION_NOUNS or root.ent_type_ or root.dep_ == "compound":
        return None
    doc = chunk.doc
    first = root
    while first.i > chunk.start and _names_institution(doc[first.i - 1]):
        first = doc[first.i - 1]
    while first.i < root.i and not first.ent_type_:
        first = doc[first.i + 1]  # a name starts with a name word, not "-" or "led"
    text = doc_text(doc)[first.idx : root.idx + len(root.text)]
    return EntitySpan(
        text=text,
        label="INST",
        start=first.idx,
        end=first.idx + len(text),
        anchor="",
        sentence_initial=bool(first.is_sent_start),
    )


def _named_as(doc: Doc) -> Iterator[EntitySpan]:
    """ "Operation Blue Gate, as the joint task force is formally known": a proper name of an institution."""
    for match in NAMED_AS.finditer(doc_text(doc)):
        described = doc.char_span(match.start("np"), match.end("np"), alignment_mode="expand")
        if described is None:
            continue
        chunks = noun_chunks_within(doc, described.start, described.end) or [described]
        institution = _institution(chunks[0])
        if institution is None:
            continue
        name = match.group("name")
        yield EntitySpan(
            text=name,
            label="ORG",
            start=match.start("name"),
            end=match.end("name"),
            anchor="",
            same_as=institution.text,
        )


def _names_institution(token: Token) -> bool:
    """Modifiers that tell one institution from another: places, nationalities, "X-led"."""
    return bool(token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or token.text in ("-", "’s", "'s") or token.lower_ in ("led", "backed"))


def _clean_entity(ent: Span) -> Iterator[EntitySpan]:
    doc = ent.doc
    start, end = ent.start_char, ent.end_char
    raw = doc_text(doc)[start:end]
    # A name never spans a line break: keep the longest line of it.
    if "\n" in raw:
        lines = raw.split("\n")
        best = max(range(len(lines)), key=lambda i: len(lines[i].strip()))
        offset = sum(len(line) + 1 for line in lines[:best])
        start, end = start + offset, start + offset + len(lines[best])
        raw = doc_text(doc)[start:end]
    match = PARENTHESIS.match(raw)
    if match:
        # "Daesh (Islamic State": two names of one thing; both are mentions.
        outer, inner = match.group("outer").strip(), match.group("inner").strip()
        yield from _make_span(ent, start + match.start("outer"), start + match.end("outer"), same_as=inner)
        yield from _make_span(ent, start + match.start("inner"), start + match.end("inner"), same_as=outer)
        return
    yield from _make_span(ent, start, end)


def _make_span(ent: Span, start: int, end: int, same_as: str | None = None) -> Iterator[EntitySpan]:
    doc = ent.doc
    raw = doc_text(doc)[start:end]
    words = raw.split(" ")
    label = ent.label_
    type_noun = None
    if len(words) > 1 and (words[-1] in MEMBER_NOUNS or words[-1] in ORG_TYPE_NOUNS):
        raw = raw[: len(raw) - len(words[-1])].rstrip()  # "X militants", "the X militia" -> "X"
        label = "ORG"
        type_noun = words[-1]
    elif (
        label in ("ORG", "PERSON", "NORP")
        and ent.end < len(doc)
        and doc[ent.end].lemma_.lower() in ORG_TYPE_NOUNS
        and ent.root.head.i == ent.end
    ):
        type_noun = doc[ent.end].text
    # "General Motors", "Major League Baseball", "King County": in the name of an organisation or
    # a place a title word is part of it; only an honorific ("Mr") marks a person there.
    title, name = split_title(raw) if label == "PERSON" or raw.split(" ")[0].rstrip(".").lower() in HONORIFICS else (None, raw)
    if label == "PERSON":
        title, name = _split_role_title(title, name)
    cleaned, offset = clean_name(name)
    if not cleaned or not any(ch.isalpha() for ch in cleaned):
        return
    name_start = start + (len(raw) - len(name)) + offset
    name_end = name_start + len(cleaned)
    outside_title = _title_before(doc, ent.start)
    yield EntitySpan(
        text=cleaned,
        label=label,
        start=name_start,
        end=name_end,
        anchor="",
        title=" ".join(t for t in (outside_title, title) if t) or None,
        role=type_noun or (_role_of(ent) if ent.label_ in ("PERSON", "ORG") else None),
        same_as=same_as,
        sentence_initial=_sentence_initial(ent),
        determined=_determined(ent),
    )


def _determined(ent: Span) -> bool:
    """ "The X reported", "boarded the X": the name heads a phrase with the definite article, as
    names of organisations, places and things do and people's names do not ("the X family" is
    the family's: X does not head it there)."""
    root = ent.root
    if root.dep_ == "compound" or root.head.i >= ent.end and root.dep_ in ("poss", "nmod", "amod"):
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return ent[0].lower_ == "the" or (before is not None and before.lower_ == "the" and before.head.i in range(ent.start, ent.end))


def _split_role_title(title: str | None, name: str) -> tuple[str | None, str]:
    """ "Attorney Jane Roe", "Senior Trooper Sam Doe": capitalised occupations before a person's name are titles."""
    words = name.split(" ")
    i = 0
    while i < len(words) - 1 and words[i][:1].isupper() and words[i].rstrip(".").lower() in ROLE_TITLES | TITLE_WORDS:
        i += 1
    if i == 0:
        return title, name
    return " ".join(w for w in (title, *words[:i]) if w), " ".join(words[i:])


def _sentence_initial(ent: Span) -> bool:
    before = ent.doc[ent.sent.start : ent.start]
    return all(t.is_punct or t.is_space for t in before)


def _title_before(doc: Doc, index: int) -> str | None:
    """Honorifics just before the entity that spaCy left out of it ("Mr", "President")."""
    words: list[str] = []
    i = index - 1
    while i >= 0 and doc[i].text.rstrip(".").lower() in TITLE_WORDS and doc[i].text[:1].isupper():
        words.insert(0, doc[i].text)
        i -= 1
    return " ".join(words) or None


def _role_of(ent: Span) -> str | None:
    """A description attached to the name: premodifiers or an apposition."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end and _closed(child):
            return _phrase(child, stop_at=None)
    if root.dep_ == "appos" and root.head.i < ent.start and not root.head.ent_type_:
        return _phrase(root.head, stop_at=ent.start)
    return _premodifier_role(ent)


def _closed(appos: Token) -> bool:
    """An apposition is set off by commas: ", a lawmaker," or ", a lawmaker." at the sentence end."""
    last = max(t.i for t in appos.subtree)
    doc = appos.doc
    return last + 1 >= len(doc) or doc[last + 1].is_punct or doc[last + 1].is_sent_start is True


def _premodifier_role(ent: Span) -> str | None:
    doc = ent.doc
    words: list[Token] = []
    i = ent.start - 1
    while i >= 0:
        token = doc[i]
        if token.is_punct or token.pos_ in ("DET", "ADP", "VERB", "AUX", "PRON", "CCONJ", "NUM"):
            break
        if token.dep_ not in PREMODIFIER_DEPS and token.head.i not in range(ent.start, ent.end):
            break
        words.insert(0, token)
        i -= 1
    text = " ".join(t.text for t in words)
    _, role = split_title(text + " X")
    role = role[:-2].strip()
    if not role or not any(t.pos_ in ("NOUN", "PROPN") and t.is_lower for t in words):
        return None
    return role


def _phrase(head: Token, stop_at: int | None) -> str | None:
    """The words of head's subtree, without a leading article and trailing punctuation."""
    tokens = [t for t in head.subtree if stop_at is None or t.i < stop_at]
    # stop at the comma that closes the apposition
    cut: list[Token] = []
    for token in tokens:
        if token.i > head.i and token.text in {",", ";", "(", "—", "–"}:
            break
        cut.append(token)
    while cut and (cut[0].pos_ == "DET" or cut[0].is_punct):
        cut.pop(0)
    while cut and cut[-1].is_punct:
        cut.pop()
    if not cut or len(cut) > MAX_ROLE_WORDS:
        return None
    return "".join(t.text_with_ws for t in cut).strip() or None
