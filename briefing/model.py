"""The data model: one class per shape of the YAML contract in docs/data/*.yaml.

`Source`, `Actor`, `Quote` and `Event` mirror `sources.yaml`, `actors.yaml`,
`quotes.yaml` and `events.yaml`; `Corpus` holds all four. The `Extraction`
family is the per-source output of the extract stage, cached on disk as JSON
and never written to docs/data.

spaCy objects never appear here: spans are strings and character offsets into
`Source.text`, so resolve, store and render are testable without a model.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

ActorKind = Literal["person", "organization", "place", "other"]
QuoteKind = Literal["direct", "partial", "indirect"]
SpeakerType = Literal["name", "pronoun", "role", "collective", "unknown"]
Precision = Literal["day", "week", "month", "year"]
ParagraphKind = Literal[
    "body",
    "headline",  # the title, or a repeated title
    "dateline",  # "January 6th, 2020 - by ...", "Updated: 1/5/2020"
    "byline",  # "By Jane Doe", a bare author name line
    "caption",  # photo captions and photo credits
    "credit",  # "Reporting by ...; Editing by ..."
    "bio",  # "Jane Doe is a reporter who ..."
    "comment",  # reader comments below the article
    "related",  # "Read: ...", "Related Topics", "Opinion: ..." links
    "share",  # "Follow him on X", "twitter", share buttons
    "preamble",  # advocacy text placed before a republished article
    "note",  # "Note: This page was updated ...", legal notices
    "section",  # a sub-heading inside the body ("What is happening in the valley?")
    "advert",  # "Advertisement", "Continue reading the main story"
    "signup",  # newsletter and sign-up blocks, with their form errors
    "media",  # video player captions and playlists, "Enlarge this image", gallery labels
    "sidebar",  # "Most read" and "Trending" lists with their headlines
    "appeal",  # tip-off and contact appeals to the reader ("Do you have a story? Email us at ...")
    "embed",  # social-media posts embedded in the page ("A post shared by ...", a tweet's signature)
    "repeated",  # a short line the outlet prints on several of its pages (a reused caption, a label)
]


class Record(BaseModel):
    """Base of every model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------- sources


class Sentence(Record):
    anchor: str = Field(description='HTML id on the source page, e.g. "s4-2"')
    start: int = Field(description="Character offset in Source.text")
    end: int
    text: str


class Paragraph(Record):
    anchor: str = Field(description='HTML id on the source page, e.g. "p4"')
    kind: ParagraphKind = "body"
    start: int = Field(description="Character offset in Source.text")
    end: int
    text: str
    sentences: list[Sentence] = Field(default_factory=list)


class DateValue(Record):
    """A normalised date with its precision and the evidence it rests on."""

    value: dt.date
    precision: Precision = "day"
    text: str = Field(default="", description="The words it was read from")
    basis: str = Field(default="", description='How it was settled, e.g. "weekday before publication"')


# A source sharing at least this share of its text with another is a copy of it: the two
# count as one independent source, and its page says so.
COPY_SHARE = 0.5


class SharedPassage(Record):
    """Text this source shares with another one: a copy, a syndicated report, a common wire story."""

    source: str
    share: float = Field(description="Fraction of this source's body word 8-grams also in the other source")


class TextDate(Record):
    """The publication date a page's own date line gives, kept when it differs from the date set
    in front matter or page metadata (which win): the source page and discrepancies.yaml say so."""

    value: dt.date
    anchor: str = Field(description="Paragraph anchor of the date line")
    text: str = Field(description="The date as written")


class Source(Record):
    id: str
    file: str = Field(description="Path relative to the project root")
    title: str
    outlet: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: dt.date | None = None
    published_basis: str | None = Field(default=None, description="Where the date was read")
    dateline_day: str | None = Field(
        default=None, description='Month and day of a dateline that gives no year ("02-14"); see complete_years'
    )
    republished_from: str | None = Field(default=None, description="Outlet of the original report")
    published_in_text: TextDate | None = Field(default=None, description="The text's own date, when it disagrees")
    language: str = "en"
    word_count: int = 0
    shared_passages: list[SharedPassage] = Field(default_factory=list)
    sha256: str = ""
    text: str = Field(default="", description="The article text the offsets refer to")
    paragraphs: list[Paragraph] = Field(default_factory=list)


# ---------------------------------------------------------------------- actors


class Mention(Record):
    source: str
    anchor: str = Field(description="Sentence anchor on the source page")
    text: str = Field(description="The name as written")
    start: int
    end: int


class Role(Record):
    text: str = Field(description='e.g. "caretaker premier", "navy commander"')
    source: str
    anchor: str


class Prominence(Record):
    mentions: int = 0
    sources: int = 0
    quotes: int = 0
    score: float = 0.0


class Actor(Record):
    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    prominence: Prominence = Field(default_factory=Prominence)


# ---------------------------------------------------------------------- quotes


class Quote(Record):
    id: str
    source: str
    text: str = Field(description="The words inside the quote marks")
    speaker: str | None = Field(default=None, description="Actor.id, or null when unresolved")
    speaker_text: str | None = Field(default=None, description="The speaker as written")
    kind: QuoteKind = "direct"
    cue: str | None = Field(default=None, description='Reporting verb, e.g. "said"')
    anchor: str = Field(description="Sentence anchor on the source page")
    start: int = Field(description="Character offset in Source.text")
    end: int
    statement: str = Field(default="", description="Id shared by the same quote in several sources")


# ---------------------------------------------------------------------- events


class EventMention(Record):
    source: str
    anchor: str
    text: str = Field(description="The sentence")
    predicate: str = ""
    date: DateValue | None = None


class Event(Record):
    id: str
    title: str
    date: dt.date | None = None
    date_precision: Precision | None = None
    date_basis: str | None = None
    date_disputed: bool = False
    predicate: str = ""
    place: str | None = Field(default=None, description="Actor.id of a place")
    participants: list[str] = Field(default_factory=list, description="Actor ids")
    sources: list[str] = Field(default_factory=list)
    independent_sources: int = Field(default=0, description="Sources that are not copies of each other")
    mentions: list[EventMention] = Field(default_factory=list)


# ----------------------------------------------------------------- discrepancies


class Version(Record):
    """One source's telling of a fact."""

    source: str
    anchor: str
    text: str = Field(description="The sentence or quote")
    value: str = Field(description="What this source says: a number, a date, a name, a wording")


class Discrepancy(Record):
    """The same fact told differently by different sources."""

    id: str
    kind: Literal["number", "date", "name", "wording"]
    subject: str = Field(description="Actor or event id, or what is counted")
    title: str
    versions: list[Version] = Field(default_factory=list)


class Corpus(Record):
    title: str
    sources: list[Source] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)


# ------------------------------------------------------------------ extraction


class EntitySpan(Record):
    """A named-entity mention as spaCy found it, cleaned."""

    text: str = Field(description="Cleaned name (no possessive, title or edge punctuation)")
    label: str = Field(description="spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC ...")
    start: int
    end: int
    anchor: str
    title: str | None = Field(default=None, description='Title words before the name: "President"')
    role: str | None = Field(default=None, description='Apposition or modifier: "caretaker premier"')
    same_as: str | None = Field(default=None, description='Another name given for it in brackets: "X (Y)"')
    sentence_initial: bool = Field(default=False, description="First word of its sentence (capitalised anyway)")
    determined: bool = Field(default=False, description='Heads a phrase with "the": "the X reported", not "the X family"')


class QuoteSpan(Record):
    """A quotation found in the text, before its speaker is resolved to an actor."""

    text: str
    kind: QuoteKind
    start: int
    end: int
    anchor: str
    cue: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_type: SpeakerType = "unknown"
    speaker_name: str | None = Field(
        default=None, description="The name the speaker resolves to within this source (antecedent of a pronoun ...)"
    )


class TimeSpan(Record):
    """A time expression normalised against the publication date."""

    text: str
    start: int
    end: int
    anchor: str
    date: DateValue | None = None


class EventCandidate(Record):
    """A sentence-level action: predicate, who, where, when."""

    anchor: str
    sentence: str
    predicate: str = Field(description="Lemma of the action verb or noun")
    trigger: str = Field(description="The word as written")
    nominal: bool = Field(default=False, description='Told by a noun ("the arrest"), not a verb')
    start: int
    participants: list[str] = Field(default_factory=list, description="Entity names in the clause")
    places: list[str] = Field(default_factory=list)
    date: DateValue | None = None


class NumberSpan(Record):
    """A count in the text and what it counts: "5,000 troops" -> 5000, "troop"."""

    text: str
    value: float
    unit: str = Field(description="Lemma of the counted noun")
    start: int
    end: int
    anchor: str
    approximate: bool = False


class Extraction(Record):
    """All that extract found in one source; cached by content hash and model."""

    source: Source
    entities: list[EntitySpan] = Field(default_factory=list)
    quotes: list[QuoteSpan] = Field(default_factory=list)
    times: list[TimeSpan] = Field(default_factory=list)
    events: list[EventCandidate] = Field(default_factory=list)
    numbers: list[NumberSpan] = Field(default_factory=list)
