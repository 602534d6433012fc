"""The view models the templates receive: small, ready to print, decided in Python.

Templates only loop over these and branch on them; every choice (order, links,
labels, grouping) has been made by the time a view is built (see records.py).
Hrefs are relative to the docs root: templates prefix them with `base`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.model import Actor


@dataclass(frozen=True)
class Link:
    """Text and an href relative to the docs root (templates prefix it with `base`)."""

    text: str
    href: str


@dataclass(frozen=True)
class Segment:
    """A piece of a sentence; `mark` pieces are the mention being shown."""

    text: str
    mark: bool = False
    space_after: bool = False


@dataclass(frozen=True)
class SentenceRef:
    source: Link
    anchor: Link
    text: str
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class SentenceCopies:
    """One sentence as shown (its words and marks) and every place it was found: a sentence that
    copies of a story share is listed once, with each source that carries it."""

    segments: tuple[Segment, ...]
    places: tuple[SentenceRef, ...]  # the first place first

    @property
    def first(self) -> SentenceRef:
        return self.places[0]

    @property
    def copies(self) -> tuple[SentenceRef, ...]:
        return self.places[1:]


@dataclass(frozen=True)
class DateView:
    label: str  # "2031-03-04", "2031-03", "week of 2031-03-02", "undated"
    precision: str
    basis: list[str | Link]  # how it was dated: text, and links to the sources it names
    sort_key: tuple[int, str]


@dataclass(frozen=True)  # shared: made once per quote
class QuoteView:
    id: str
    text: str
    kind: str
    speaker: Link | None
    speaker_text: str
    source: Link
    anchor: Link
    cue: str

    @property
    def marked(self) -> bool:
        """Shown in quotation marks: the speaker's own words (direct or partial), not reported speech."""
        return self.kind != "indirect"


@dataclass
class StatementView:
    """Quotes sharing a statement id: shown once, with each source's wording when it differs."""

    text: str
    kind: str
    speaker: Link | None
    speaker_texts: list[str]
    quotes: list[QuoteView]
    variants: list[QuoteView]
    source_count: int

    @property
    def marked(self) -> bool:
        """Shown in quotation marks: the speaker's own words (direct or partial), not reported speech."""
        return self.kind != "indirect"


@dataclass
class SpeakerGroup:
    title: str
    actor: Link | None
    statements: list[StatementView]


@dataclass(frozen=True)  # shared: made once per event
class EventView:
    id: str
    title: str
    link: Link
    date: DateView
    disputed: bool
    place: Link | None
    participants: list[Link]
    source_count: int
    independent: int
    mentions: list[EventMentionView] = field(default_factory=list)
    rows: list[EventRow] = field(default_factory=list)  # the mentions, copies of one sentence together


@dataclass
class EventMentionView:
    source: Link
    anchor: Link
    text: str
    date: str
    date_text: str
    date_basis: list[str | Link]


@dataclass
class EventRow:
    """A sentence and the date it gives, from its first source; the sources that carry the same
    sentence with the same date (copies of one story) are cited in the same row, by outlet."""

    first: EventMentionView
    copies: list[EventMentionView] = field(default_factory=list)


@dataclass
class ActorView:
    id: str
    name: str
    kind: str
    link: Link
    actor: Actor


@dataclass
class ParagraphView:
    anchor: str
    kind: str
    sentences: list[tuple[str, str]]  # (anchor id, text)
    text: str
    annotated: list[tuple[str, list[Piece]]] = field(default_factory=list)  # (anchor id, pieces)


@dataclass(frozen=True)
class Piece:
    """A run of a sentence: plain, a linked actor mention, and/or inside a quotation."""

    text: str
    href: str = ""  # docs-relative page of the actor named here
    quoted: bool = False


@dataclass
class ParagraphBlock:
    """Consecutive paragraphs shown together: the article, or one folded boilerplate kind."""

    boilerplate: bool
    kind: str
    paragraphs: list[ParagraphView]


@dataclass(frozen=True)
class CoverageRow:
    label: Link
    cells: list[Link | str | None]  # per source column: a link to the sentence, a count, or None


@dataclass(frozen=True)
class SharedPassageView:
    """Text a source shares with another: how much, and whether that makes it a copy."""

    source: Link
    percent: int
    is_copy: bool


@dataclass(frozen=True)
class VersionView:
    source: Link
    anchor: Link
    value: str
    text: str
    sentence: SentenceRef  # the whole sentence it was read from, the value marked


@dataclass(frozen=True)
class DiscrepancyView:
    id: str
    kind: str
    title: str
    subject: Link | None
    versions: list[VersionView]


@dataclass(frozen=True)
class TagGroup:
    """One tag on the tags page: its name, its section id and the pages carrying it."""

    name: str
    anchor: str
    pages: list[Link]


@dataclass
class MonthGroup:
    id: str
    title: str
    events: list[EventView]


@dataclass(frozen=True)
class NetworkRow:
    """An actor of a network picture as a line of the list small screens get instead: its page,
    and who it is named with (or how often with the page's actor)."""

    actor: Link
    partners: list[Link]
    shared: int = 0  # sentences shared with the actor whose page it is on
