"""A large, realistic, deterministic corpus made at run time from the real articles in seeds/.

Nothing of the seed articles is written in this file: their paragraphs, names and
dates are read when the corpus is made, then recombined and disguised.

- Articles come in *stories* of STORY_SIZE consecutive articles. A story has its own
  invented names and its own date shift, so one story's articles share actors,
  quotes and events (as a real story does) and different stories do not.
- An article is the body paragraphs of one seed article (some dropped), with a few
  body paragraphs of other seed articles inserted: quotes, actors and events are
  real text, recombined.
- Name tokens (capitalised words never used in lower case, in runs of capitalised
  words) are swapped for invented words, the same token for the same word in a story,
  so "Jane Roe" and a later "Roe" stay one person.
- Dates written as "Month D[, YYYY]" or "D Month [YYYY]" move by the story's shift,
  a whole number of weeks so that "on Friday" stays consistent with them.
- Article i depends only on (seed, i): the first N articles of a larger corpus are
  the corpus of size N, so caches are shared between sizes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

STORY_SIZE = 20
# Syllables of invented names (no real name is intended).
SYLLABLES = (
    "ka lo ve ran dor mi sel tu bra nek ol ith var zen pa qui mor les tan gri "
    "fel os ul dar hen ri sta vol ek mar ob ju sa nor tev ly cas pim ro da"
).split()
OUTLET_WORDS = ("Courier", "Herald", "Gazette", "Tribune", "Ledger", "Observer", "Dispatch", "Chronicle")
MONTHS = [calendar.month_name[m] for m in range(1, 13)]
MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(calendar.day_name)
MIN_PARAGRAPH_CHARS = 60
# The repeated-paragraph article: 6,000 copies of a paragraph of about 250 characters make 1.5 MB.
REPEATED_CHARS = 250

_TITLE_WORD = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?![a-z])")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])")
_RUN = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[’'-][A-Za-z]+)*(?:\s+[A-Z][a-z]+(?:[’'-][A-Za-z]+)*)+")
_MONTH = "|".join(MONTHS)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:,\s+(\d{{4}}))?\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})(?:\s+(\d{{4}}))?\b")


@dataclass(frozen=True)
class SeedArticle:
    """What the generator takes from one seed article: its title, body paragraphs and date."""

    title: str
    paragraphs: tuple[str, ...]
    published: dt.date | None


def read_seed_articles(seeds_dir: Path) -> list[SeedArticle]:
    """The seed articles as briefing's own ingest reads them (body paragraphs only)."""
    from briefing.ingest import sources as ingest

    sources, _ = ingest.read_sources(seeds_dir, seeds_dir.parent)
    articles = []
    for source in sources:
        body = tuple(
            " ".join(p.text.split()) for p in source.paragraphs if p.kind == "body" and len(p.text) >= MIN_PARAGRAPH_CHARS
        )
        if body:
            articles.append(SeedArticle(title=" ".join(source.title.split()), paragraphs=body, published=source.published))
    if not articles:
        raise ValueError(f"No article with body paragraphs in {seeds_dir}")
    return articles


def name_words(articles: Sequence[SeedArticle]) -> frozenset[str]:
    """Capitalised words that are parts of names: seen in a run of capitalised words, never in lower case."""
    text = "\n".join(p for a in articles for p in (a.title, *a.paragraphs))
    lower = {w for w in _LOWER_WORD.findall(text)}
    in_runs = {w for run in _RUN.findall(text) for w in _TITLE_WORD.findall(run)}
    return frozenset(w for w in in_runs if w.lower() not in lower and w not in CALENDAR_WORDS)


def invented_word(key: str, length: int) -> str:
    """A pronounceable invented word, fixed for a key."""
    rng = random.Random(key)
    syllables = max(2, min(4, round(length / 2.5)))
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


class Disguise:
    """One story's invented names and date shift."""

    def __init__(self, seed: int, story: int, names: frozenset[str]) -> None:
        self.key = f"{seed}:{story}"
        self.names = names
        self.weeks = random.Random(f"{self.key}:shift").randint(-80, 80)
        self.mapping: dict[str, str] = {}

    @property
    def shift(self) -> dt.timedelta:
        return dt.timedelta(weeks=self.weeks)

    def name(self, word: str) -> str:
        if word not in self.mapping:
            self.mapping[word] = invented_word(f"{self.key}:{word}", len(word))
        return self.mapping[word]

    def apply(self, text: str, year: int | None) -> str:
        text = _TITLE_WORD.sub(lambda m: self.name(m[0]) if m[0] in self.names else m[0], text)
        if year is None:
            return text
        return _DAY_MONTH.sub(lambda m: self._day_month(m, year), _MONTH_DAY.sub(lambda m: self._month_day(m, year), text))

    def _moved(self, month: str, day: str, written_year: str | None, year: int) -> dt.date | None:
        try:
            return dt.date(int(written_year or year), MONTH_NUMBER[month], int(day)) + self.shift
        except ValueError:
            return None

    def _month_day(self, match: re.Match[str], year: int) -> str:
        date = self._moved(match[1], match[2], match[3], year)
        if date is None:
            return match[0]
        return f"{MONTHS[date.month - 1]} {date.day}" + (f", {date.year}" if match[3] else "")

    def _day_month(self, match: re.Match[str], year: int) -> str:
        date = self._moved(match[2], match[1], match[3], year)
        if date is None:
            return match[0]
        return f"{date.day} {MONTHS[date.month - 1]}" + (f" {date.year}" if match[3] else "")


def make_article(index: int, articles: Sequence[SeedArticle], names: frozenset[str], *, seed: int = 0) -> str:
    """Article number `index` of the corpus, as a Markdown file with front matter."""
    story = index // STORY_SIZE
    disguise = Disguise(seed, story, names)
    rng = random.Random(f"{seed}:article:{index}")
    primary = articles[rng.randrange(len(articles))]
    paragraphs = [p for p in primary.paragraphs if rng.random() < 0.75] or list(primary.paragraphs[:1])
    others = [a for a in articles if a is not primary] or list(articles)
    for _ in range(rng.randint(1, 4)):
        donor = others[rng.randrange(len(others))]
        paragraphs.insert(rng.randint(1, len(paragraphs)), donor.paragraphs[rng.randrange(len(donor.paragraphs))])
    year = primary.published.year if primary.published else None
    body = [disguise.apply(p, year) for p in paragraphs]
    title = disguise.apply(primary.title, year)
    outlet_rng = random.Random(f"{seed}:outlet:{rng.randrange(12)}")
    outlet = f"The {invented_word(f'{seed}:outlet:{outlet_rng.random()}', 6)} {outlet_rng.choice(OUTLET_WORDS)}"
    author = f"{invented_word(f'{seed}:author:{index}:first', 5)} {invented_word(f'{seed}:author:{index}:last', 7)}"
    lines = ["---", f"title: {_yaml_string(title)}", f"outlet: {_yaml_string(outlet)}", f"authors: [{_yaml_string(author)}]"]
    if primary.published:
        published = primary.published + disguise.shift + dt.timedelta(days=rng.randint(0, 1))
        lines.append(f"date: {published.isoformat()}")
    lines.append("---")
    return "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def article_name(index: int) -> str:
    return f"{index:05d}.md"


def long_article(articles: Sequence[SeedArticle], names: frozenset[str], chars: int, *, seed: int = 0) -> str:
    """One article of at least `chars` characters: the body paragraphs of articles 0, 1, 2 ... of the
    corpus one after another (a transcript, a report, a live page), under the first one's front matter."""
    head, _, body = make_article(0, articles, names, seed=seed).partition("---\n")[2].partition("---\n")
    parts, size, index = [body.rstrip("\n")], len(body), 1
    while size < chars:
        more = make_article(index, articles, names, seed=seed).split("---\n", 2)[2].rstrip("\n")
        parts.append(more)
        size += len(more) + 2
        index += 1
    return "---\n" + head + "---\n" + "\n\n".join(parts) + "\n"


def repeated_paragraph_article(articles: Sequence[SeedArticle], names: frozenset[str], times: int, *, seed: int = 0) -> str:
    """One article made of a single body paragraph of the corpus `times` times over: the first paragraph
    of REPEATED_CHARS characters or a little more with a quotation in it (every copy names the same people,
    so whatever looks back through a document's earlier names meets them all)."""
    for index in range(STORY_SIZE):
        text = make_article(index, articles, names, seed=seed)
        head, _, body = text.partition("---\n")[2].partition("---\n")
        for paragraph in body.rstrip("\n").split("\n\n"):
            if REPEATED_CHARS <= len(paragraph) < REPEATED_CHARS * 6 // 5 and "“" in paragraph:
                return "---\n" + head + "---\n" + "\n\n".join([paragraph] * times) + "\n"
    raise ValueError(f"No paragraph of about {REPEATED_CHARS} characters with a quotation in the corpus")


def write_corpus(seeds_dir: Path, out_dir: Path, n: int, *, seed: int = 0) -> list[Path]:
    """Write articles 0..n-1 into out_dir (files whose bytes are already right are left alone)."""
    articles = read_seed_articles(seeds_dir)
    names = name_words(articles)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        path = out_dir / article_name(index)
        text = make_article(index, articles, names, seed=seed)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
