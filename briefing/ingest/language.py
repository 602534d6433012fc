"""Which language an article is written in, with py3langid (its model ships in the wheel).

The verdict is only trusted when the text is long enough and the classifier is
confident; otherwise the article is taken to be English, the language the
extraction rules and the spaCy pipeline are built for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

DEFAULT_LANGUAGE = "en"
MIN_WORDS = 20
MIN_CONFIDENCE = 0.9
# A sample is enough to know the language; it keeps very long articles cheap.
SAMPLE_CHARS = 20_000


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1, e.g. "en", "de"
    confidence: float  # 0..1; 0 when the text was too short to tell


def detect_language(text: str) -> LanguageGuess:
    """The language of text, or DEFAULT_LANGUAGE with confidence 0 when it cannot be told."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return LanguageGuess(DEFAULT_LANGUAGE, 0.0)
    code, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return LanguageGuess(DEFAULT_LANGUAGE, 0.0)
    return LanguageGuess(str(code), float(confidence))


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
