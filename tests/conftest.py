"""Shared fixtures: the spaCy pipeline (loaded once), paths, and a small hand-made corpus.

The corpus (invented people, places and outlets) serves the render, site, store and
pictures tests: `corpus` is a fresh one, `evil_corpus` the same with hostile text in every
field that reaches a page, `make_corpus(title=...)` builds one with another title.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from briefing.model import (
    Actor,
    Corpus,
    DateValue,
    Discrepancy,
    Event,
    EventMention,
    Mention,
    Paragraph,
    ParagraphKind,
    Prominence,
    Quote,
    Role,
    Sentence,
    Source,
    Version,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SEEDS = ROOT / "tests" / "fixtures" / "seeds"
# Articles that try to break the build: bad encodings, injections, binary files.
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
EVIL = (
    "</title>\"><img src=x onerror=alert(1)> <script>alert(1)</script> {{ 7*7 }} {% raw %} | a | b |"
    " [x](javascript:alert(1)) *em* {: onclick=x}"
)
EVIL_START = "# heading"


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline with briefing's components; tests using it are marked slow."""
    from briefing.config import DEFAULT_SPACY_MODEL
    from briefing.extract.nlp import load_nlp

    return load_nlp(DEFAULT_SPACY_MODEL)


@pytest.fixture
def corpus() -> Corpus:
    """The hand-made corpus, "Orrin Dam collapse"."""
    return build_corpus()


@pytest.fixture(scope="session")
def make_corpus() -> Callable[..., Corpus]:
    """build_corpus(title=...): a fresh hand-made corpus per call (for module-scoped fixtures, other titles)."""
    return build_corpus


@pytest.fixture
def evil_corpus() -> Corpus:
    """The hand-made corpus with hostile text in every field that reaches a page."""
    return build_evil_corpus()


# ------------------------------------------------------------------ the hand-made corpus

# (kind, sentences) per paragraph; offsets and anchors are computed below.
ARTICLES: dict[str, list[tuple[ParagraphKind, list[str]]]] = {
    "ledger-dam-breach-floods-valley": [
        ("headline", ["Dam breach floods the Veltmark valley"]),
        ("byline", ["By Ines Carrow"]),
        (
            "body",
            [
                "The Orrin Dam on Lake Ossin gave way early on Tuesday, flooding three villages in Veltmark.",
                "Governor Mira Okonkwo-Tal declared an emergency within hours.",
            ],
        ),
        (
            "body",
            [
                '"We will rebuild every home," Okonkwo-Tal told reporters at the Veltmark Water Authority.',
                "The authority said the spillway had been inspected in March.",
            ],
        ),
        ("caption", ["Rescue boats on Lake Ossin. Photo: Ledger staff"]),
        (
            "body",
            [
                'Engineer Tobias Renner said the cracks were "visible for months" before the breach.',
                "A spokesperson said: \"Nobody could have predicted this.\"",
            ],
        ),
        ("credit", ["Reporting by Ines Carrow; editing by Paul Vey"]),
    ],
    "northgate-wire-governor-promises-rebuild": [
        ("headline", ["Governor promises to rebuild after Veltmark flood"]),
        (
            "body",
            [
                "Governor Mira Okonkwo-Tal promised on Wednesday to rebuild the flooded villages.",
                '"We will rebuild every single home," she said.',
            ],
        ),
        ("section", ["What happens next?"]),
        (
            "body",
            [
                "The Orrin Dam collapsed on Monday night, according to the Veltmark Water Authority.",
                "The Kessel Relief Fund pledged aid to families.",
                "Tobias Renner called the response \"too slow\".",
            ],
        ),
        ("comment", ["Reader42: this was always going to happen"]),
    ],
    "coastal-dispatch-inquiry-into-dam": [
        (
            "body",
            [
                "Lawmakers in Veltmark opened an inquiry into the Orrin Dam collapse.",
                'Okonkwo-Tal said the inquiry would be "open and fast".',
            ],
        ),
        (
            "body",
            [
                "The Veltmark Water Authority said it would cooperate.",
                "A memorial for the victims is planned but no date has been set.",
            ],
        ),
        ("related", ["Read: How dams fail"]),
    ],
}

SOURCE_META: dict[str, dict[str, object]] = {
    "ledger-dam-breach-floods-valley": {
        "file": "seeds/ledger.txt",
        "title": "Dam breach floods the Veltmark valley",
        "outlet": "The Harbor Ledger",
        "authors": ["Ines Carrow"],
        "published": dt.date(2031, 3, 4),
        "published_basis": "dateline",
    },
    "northgate-wire-governor-promises-rebuild": {
        "file": "seeds/northgate.txt",
        "title": "Governor promises to rebuild after Veltmark flood",
        "outlet": "Northgate Wire",
        "authors": ["Sam Odile", "Rhea Paz"],
        "published": dt.date(2031, 3, 5),
        "published_basis": "metadata",
    },
    "coastal-dispatch-inquiry-into-dam": {
        "file": "seeds/coastal.txt",
        "title": "Veltmark opens inquiry into dam collapse",
        "outlet": "Coastal Dispatch",
        "authors": [],
        "published": dt.date(2031, 4, 2),
        "published_basis": "url",
        "republished_from": "Northgate Wire",
    },
}


def build_source(source_id: str, title: str | None = None) -> Source:
    """Build one source of the fixture with paragraph and sentence offsets and anchors."""
    meta = dict(SOURCE_META[source_id])
    if title is not None:
        meta["title"] = title
    text = ""
    paragraphs: list[Paragraph] = []
    for p_index, (kind, sentences) in enumerate(ARTICLES[source_id], start=1):
        if text:
            text += "\n\n"
        p_start = len(text)
        built: list[Sentence] = []
        for s_index, sentence in enumerate(sentences, start=1):
            if s_index > 1:
                text += " "
            start = len(text)
            text += sentence
            built.append(Sentence(anchor=f"s{p_index}-{s_index}", start=start, end=len(text), text=sentence))
        paragraphs.append(
            Paragraph(
                anchor=f"p{p_index}", kind=kind, start=p_start, end=len(text), text=text[p_start:], sentences=built
            )
        )
    words = sum(len(p.text.split()) for p in paragraphs if p.kind == "body")
    return Source(id=source_id, text=text, paragraphs=paragraphs, word_count=words, **meta)  # type: ignore[arg-type]


def _find(source: Source, needle: str, nth: int = 0) -> tuple[str, int, int]:
    """(sentence anchor, start, end) of the nth occurrence of needle in source."""
    start = -1
    for _ in range(nth + 1):
        start = source.text.index(needle, start + 1)
    for paragraph in source.paragraphs:
        for sentence in paragraph.sentences:
            if sentence.start <= start < sentence.end:
                return sentence.anchor, start, start + len(needle)
    raise LookupError(needle)


def _sentence(source: Source, anchor: str) -> str:
    return next(s.text for p in source.paragraphs for s in p.sentences if s.anchor == anchor)


def build_corpus(title: str = "Orrin Dam collapse") -> Corpus:
    """The hand-made corpus: 3 sources, 7 actors, 7 quotes, 4 events, 1 discrepancy."""
    sources = {sid: build_source(sid) for sid in SOURCE_META}
    ledger = sources["ledger-dam-breach-floods-valley"]
    wire = sources["northgate-wire-governor-promises-rebuild"]
    coastal = sources["coastal-dispatch-inquiry-into-dam"]

    def mentions(pairs: list[tuple[Source, str, int]]) -> list[Mention]:
        found = []
        for source, needle, nth in pairs:
            anchor, start, end = _find(source, needle, nth)
            found.append(Mention(source=source.id, anchor=anchor, text=needle, start=start, end=end))
        return found

    def actor(actor_id: str, name: str, kind: str, pairs: list[tuple[Source, str, int]], **extra: object) -> Actor:
        found = mentions(pairs)
        used = sorted({m.source for m in found})
        quotes = int(extra.pop("quotes", 0))  # type: ignore[call-overload]
        score = round(len(found) + 2 * len(used) + quotes, 2)
        return Actor(
            id=actor_id,
            name=name,
            kind=kind,  # type: ignore[arg-type]
            aliases=sorted({name, *(m.text for m in found)}),
            sources=used,
            mentions=found,
            prominence=Prominence(mentions=len(found), sources=len(used), quotes=quotes, score=score),
            **extra,  # type: ignore[arg-type]
        )

    governor_role = _find(ledger, "Governor Mira Okonkwo-Tal")[0]
    engineer_role = _find(ledger, "Engineer Tobias Renner")[0]
    actors = [
        actor(
            "mira-okonkwo-tal",
            "Mira Okonkwo-Tal",
            "person",
            [
                (ledger, "Mira Okonkwo-Tal", 0),
                (ledger, "Okonkwo-Tal", 1),
                (wire, "Mira Okonkwo-Tal", 0),
                (coastal, "Okonkwo-Tal", 0),
            ],
            quotes=3,
            roles=[
                Role(text="Governor", source=ledger.id, anchor=governor_role),
                Role(text="Governor", source=wire.id, anchor=_find(wire, "Governor Mira")[0]),
            ],
        ),
        actor(
            "tobias-renner",
            "Tobias Renner",
            "person",
            [(ledger, "Tobias Renner", 0), (wire, "Tobias Renner", 0)],
            quotes=2,
            roles=[Role(text="Engineer", source=ledger.id, anchor=engineer_role)],
        ),
        actor(
            "veltmark-water-authority",
            "Veltmark Water Authority",
            "organization",
            [(ledger, "Veltmark Water Authority", 0), (wire, "Veltmark Water Authority", 0),
             (coastal, "Veltmark Water Authority", 0)],
        ),
        actor(
            "kessel-relief-fund",
            "Kessel Relief Fund",
            "organization",
            [(wire, "Kessel Relief Fund", 0)],
        ),
        actor(
            "veltmark",
            "Veltmark",
            "place",
            [(ledger, "Veltmark", 1), (wire, "Veltmark", 1), (coastal, "Veltmark", 0)],
        ),
        actor(
            "lake-ossin",
            "Lake Ossin",
            "place",
            [(ledger, "Lake Ossin", 0), (ledger, "Lake Ossin", 1)],
        ),
        actor(
            "orrin-dam",
            "Orrin Dam",
            "other",
            [(ledger, "Orrin Dam", 0), (wire, "Orrin Dam", 0), (coastal, "Orrin Dam", 0)],
        ),
    ]

    def quote(
        quote_id: str, source: Source, text: str, speaker: str | None, speaker_text: str, kind: str = "direct",
        statement: str = "",
    ) -> Quote:
        anchor, start, end = _find(source, text)
        return Quote(
            id=quote_id,
            source=source.id,
            text=text,
            speaker=speaker,
            speaker_text=speaker_text,
            kind=kind,  # type: ignore[arg-type]
            cue="said",
            anchor=anchor,
            start=start,
            end=end,
            statement=statement,
        )

    quotes = [
        quote("q-ledger-rebuild", ledger, "We will rebuild every home,", "mira-okonkwo-tal", "Okonkwo-Tal",
              statement="st-rebuild"),
        quote("q-wire-rebuild", wire, "We will rebuild every single home,", "mira-okonkwo-tal", "she",
              statement="st-rebuild"),
        quote("q-coastal-inquiry", coastal, "open and fast", "mira-okonkwo-tal", "Okonkwo-Tal", kind="partial"),
        quote("q-ledger-cracks", ledger, "visible for months", "tobias-renner", "Engineer Tobias Renner",
              kind="partial"),
        quote("q-wire-slow", wire, "too slow", "tobias-renner", "Tobias Renner", kind="partial"),
        quote("q-ledger-spokesperson", ledger, "Nobody could have predicted this.", None, "A spokesperson"),
        quote("q-ledger-inspected", ledger, "the spillway had been inspected in March", "veltmark-water-authority",
              "The authority", kind="indirect"),
    ]

    def event_mention(source: Source, needle: str, predicate: str, date: DateValue | None) -> EventMention:
        anchor = _find(source, needle)[0]
        return EventMention(source=source.id, anchor=anchor, text=_sentence(source, anchor), predicate=predicate,
                            date=date)

    collapse = [
        event_mention(ledger, "gave way early on Tuesday", "give way",
                      DateValue(value=dt.date(2031, 3, 4), text="Tuesday", basis="weekday of publication")),
        event_mention(wire, "collapsed on Monday night", "collapse",
                      DateValue(value=dt.date(2031, 3, 3), text="Monday night", basis="weekday before publication")),
    ]
    promise = [
        event_mention(ledger, "We will rebuild every home", "rebuild", None),
        event_mention(wire, "promised on Wednesday", "promise",
                      DateValue(value=dt.date(2031, 3, 5), text="Wednesday", basis="publication day")),
    ]
    events = [
        Event(id="2031-03-03-orrin-dam-collapses", title="Orrin Dam collapses and floods three villages",
              date=dt.date(2031, 3, 3), date_precision="day", date_basis="weekday before publication",
              date_disputed=True, predicate="collapse", place="lake-ossin", participants=["orrin-dam", "veltmark"],
              sources=[ledger.id, wire.id], mentions=collapse),
        Event(id="2031-03-04-governor-declares-emergency", title="Governor declares an emergency",
              date=dt.date(2031, 3, 4), date_precision="day", date_basis="same day as the collapse", predicate="declare",
              place="veltmark", participants=["mira-okonkwo-tal"], sources=[ledger.id],
              mentions=[event_mention(ledger, "declared an emergency", "declare", None)]),
        Event(id="2031-03-governor-promises-rebuild", title="Governor promises to rebuild the villages",
              date=dt.date(2031, 3, 1), date_precision="month", date_basis="publication month", predicate="promise",
              participants=["mira-okonkwo-tal", "kessel-relief-fund"], sources=[ledger.id, wire.id], mentions=promise),
        Event(id="inquiry-opened", title="Lawmakers open an inquiry into the collapse", date=None, predicate="open",
              place="veltmark", participants=["orrin-dam", "veltmark-water-authority"], sources=[coastal.id],
              mentions=[event_mention(coastal, "opened an inquiry", "open", None)]),
    ]
    discrepancies = [
        Discrepancy(
            id="date-when-the-dam-collapsed",
            kind="date",
            subject=events[0].id,
            title="When the dam collapsed",
            versions=[
                Version(source=m.source, anchor=m.anchor, text=m.text, value=m.date.value.isoformat() if m.date else "")
                for m in events[0].mentions
            ],
        )
    ]
    return Corpus(
        title=title,
        sources=[sources[sid] for sid in sorted(sources)],
        actors=sorted(actors, key=lambda a: a.id),
        quotes=sorted(quotes, key=lambda q: q.id),
        events=sorted(events, key=lambda e: e.id),
        discrepancies=discrepancies,
    )


def build_evil_corpus() -> Corpus:
    """The hand-made corpus with hostile text in every field that reaches a page."""
    corpus = build_corpus(title=f"{EVIL_START} {EVIL}")

    def evil_source(source: Source) -> Source:
        paragraphs = [
            p.model_copy(
                update={
                    "text": f"{EVIL_START} {EVIL}",
                    "sentences": [s.model_copy(update={"text": f"{EVIL_START} {EVIL} {s.text}"}) for s in p.sentences],
                }
            )
            for p in source.paragraphs
        ]
        return source.model_copy(
            update={
                "title": f"{EVIL_START} {EVIL}",
                "outlet": EVIL,
                "authors": [EVIL],
                "published_basis": EVIL,
                "republished_from": EVIL,
                "file": EVIL,
                "paragraphs": paragraphs,
            }
        )

    actors = [
        a.model_copy(
            update={
                "name": f"{EVIL_START} {a.name} {EVIL}",
                "aliases": [EVIL, f"- {EVIL}"],
                "roles": [r.model_copy(update={"text": EVIL}) for r in a.roles],
            }
        )
        for a in corpus.actors
    ]
    quotes = [q.model_copy(update={"text": f"{EVIL_START} {EVIL}", "speaker_text": EVIL}) for q in corpus.quotes]
    events = [
        e.model_copy(
            update={
                "title": f"{EVIL_START} {EVIL}",
                "date_basis": EVIL,
                "mentions": [
                    m.model_copy(
                        update={
                            "text": f"{EVIL_START} {EVIL}",
                            "date": m.date.model_copy(update={"text": EVIL, "basis": EVIL}) if m.date else None,
                        }
                    )
                    for m in e.mentions
                ],
            }
        )
        for e in corpus.events
    ]
    discrepancies = [
        d.model_copy(
            update={
                "title": f"{EVIL_START} {EVIL}",
                "versions": [v.model_copy(update={"text": f"{EVIL_START} {EVIL}", "value": EVIL}) for v in d.versions],
            }
        )
        for d in corpus.discrepancies
    ]
    return corpus.model_copy(
        update={"sources": [evil_source(s) for s in corpus.sources], "actors": actors, "quotes": quotes,
                "events": events, "discrepancies": discrepancies}
    )


# ---------------------------------------------------------------- project and site helpers


def project_with_seeds(tmp_path: Path, seeds: Path = FIXTURE_SEEDS) -> Path:
    """A project folder like the repository's, with the given articles as seeds/."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(seeds, project / "seeds")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    if (ROOT / "overrides").is_dir():  # theme overrides named by mkdocs.yml
        shutil.copytree(ROOT / "overrides", project / "overrides")
    return project


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and (values.get("href") or values.get("xlink:href")):  # xlink:href: links in SVG
            self.hrefs.append(values.get("href") or values.get("xlink:href") or "")
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def check_links(site: Path) -> int:
    """Every relative href leads to an existing file, and every #fragment to an id in it."""
    pages = {p: parse(p) for p in site.rglob("*.html")}
    checked = 0
    for page, parsed in pages.items():
        if page.name == "404.html":  # links from the site root, by design
            continue
        for href in parsed.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                assert not href.startswith("javascript:"), f"{page}: {href}"
                continue
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{page.relative_to(site)}: broken link {href}"
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                assert unquote(parts.fragment) in ids, f"{page.relative_to(site)}: no #{parts.fragment} in {target}"
            checked += 1
    return checked
