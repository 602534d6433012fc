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


class DataFileError(BriefingError):
    """A docs/data/*.yaml file is missing or does not match the schema."""
