"""Extraction on a Dask cluster: `briefing extract --scheduler tcp://host:8786`.

Extraction is per article, so it shards: the articles that miss the cache are sent
to the workers in batches, each worker loads the spaCy pipeline once and returns
Extractions (as JSON), and this process, as for a local run, writes them to the one
extraction cache and resolves the corpus. Ingest, the cache, resolve and render stay
here. Needs the `dask` extra (`pip install 'briefing[dask]'`) here and on the workers,
with briefing and the same spaCy pipeline installed on every worker.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from briefing.errors import BriefingError
from briefing.model import Extraction, Source

# Articles per task: large enough that a task is worth sending, small enough to spread the work.
BATCH_SIZE = 16
_PIPELINES: dict[str, Any] = {}  # per worker process: pipeline name -> loaded Language


def extract_on_cluster(
    sources: Sequence[Source],
    spacy_model: str,
    scheduler: str,
    *,
    batch_size: int = BATCH_SIZE,
    connect_timeout: str = "30s",
) -> Iterator[tuple[Source, Extraction]]:
    """Parse and extract `sources` on the Dask cluster at `scheduler`; yields in order of completion."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise BriefingError(
            "Extraction on a Dask cluster (--scheduler) needs Dask: pip install 'briefing[dask]'."
        ) from exc
    if not sources:
        return
    try:
        client = Client(scheduler, timeout=connect_timeout)
    except OSError as exc:
        raise BriefingError(f"Could not reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        batches = [range(start, min(start + batch_size, len(sources))) for start in range(0, len(sources), batch_size)]
        futures = [
            client.submit(extract_batch, [(i, sources[i].model_dump_json()) for i in batch], spacy_model, pure=False)
            for batch in batches
        ]
        for future in as_completed(futures):
            for index, extraction_json in future.result():
                yield sources[index], Extraction.model_validate_json(extraction_json)
            future.release()
    finally:
        client.close()


def extract_batch(items: list[tuple[int, str]], spacy_model: str) -> list[tuple[int, str]]:
    """On a worker: (index, Source JSON) pairs -> (index, Extraction JSON) pairs."""
    from briefing.extract.document import extract_source, parse_sources
    from briefing.extract.nlp import load_nlp

    nlp = _PIPELINES.get(spacy_model)
    if nlp is None:
        nlp = _PIPELINES[spacy_model] = load_nlp(spacy_model)
    sources = [Source.model_validate_json(text) for _, text in items]
    indexes = {id(source): index for (index, _), source in zip(items, sources)}
    return [
        (indexes[id(source)], extract_source(source, doc).model_dump_json()) for source, doc in parse_sources(sources, nlp)
    ]
