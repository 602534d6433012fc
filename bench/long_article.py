"""Extraction of one long article against the raw parse of the same text, in one process.

    python -m bench.long_article SEEDS FOLDER {news,repeated}

news: about 1.5 MB of the corpus's paragraphs one after another (bench.corpus.long_article);
repeated: one paragraph of the corpus 6,000 times over (bench.corpus.repeated_paragraph_article).

The article is read by briefing's ingest and parsed once, the way briefing parses it (nlp.pipe
over its chunks, split at paragraph breaks below spaCy's max_length): that parse is the floor.
Then the chunks are joined into one Doc and briefing's extractors run on it. Timing both on
the one parse keeps the parse's own variation (large for a text this long on a shared machine)
out of the ratio. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from bench.corpus import long_article, name_words, read_seed_articles, repeated_paragraph_article

LONG_CHARS = 1_500_000
REPEATS = 6_000
# `make bench-quick` runs the same code on a fraction of the text.
SCALE = float(os.environ.get("BENCH_LONG_SCALE", "1"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("seeds", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("kind", choices=("news", "repeated"))
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.seeds, args.folder, args.kind)))
    return 0


def measure(seeds: Path, folder: Path, kind: str) -> dict[str, object]:
    from spacy.tokens import Doc

    from briefing.config import DEFAULT_SPACY_MODEL
    from briefing.extract.document import chunk_text, extract_source, nlp_text
    from briefing.extract.nlp import load_nlp
    from briefing.ingest.sources import read_sources

    articles = read_seed_articles(seeds)
    names = name_words(articles)
    if kind == "news":
        text = long_article(articles, names, int(LONG_CHARS * SCALE))
    else:
        text = repeated_paragraph_article(articles, names, int(REPEATS * SCALE))
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    (folder / "seeds" / f"{kind}.md").write_text(text, encoding="utf-8")
    sources, _ = read_sources(folder / "seeds", folder)
    source = sources[0]
    nlp = load_nlp(DEFAULT_SPACY_MODEL)
    list(nlp.pipe(["A first call allocates.", "So does a second."]))
    chunks = chunk_text(nlp_text(source))
    started = time.perf_counter()
    docs = list(nlp.pipe(chunks, batch_size=16))
    parsed = time.perf_counter()
    doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
    extraction = extract_source(source, doc)
    done = time.perf_counter()
    return {
        "kind": kind,
        "chars": len(source.text),
        "paragraphs": len(source.paragraphs),
        "chunks": len(chunks),
        "tokens": len(doc),
        "parse_seconds": parsed - started,
        "extract_seconds": done - parsed,
        "seconds": done - started,
        "quotes": len(extraction.quotes),
        "entities": len(extraction.entities),
        "events": len(extraction.events),
    }


if __name__ == "__main__":
    sys.exit(main())
