"""Incremental site builds: MkDocs' "dirty" build (only the pages whose Markdown changed) kept whole.

A dirty build rebuilds a page when its Markdown is newer than its HTML (the render writes a page
only when its bytes change). The briefing plugin makes it safe for a published site:

- it is used only when the previous build of the same site folder finished with the same settings
  (mkdocs.yml, site name, theme overrides, package versions, static files); otherwise the site
  folder is emptied first, so every page is built;
- the search index keeps the previous entries of the pages not rebuilt, in page order, so it is the
  index a full build would write;
- the HTML of pages that no longer exist is deleted.

The record of the last build (`IncrementalSite.manifest`) lives in the cache folder, not in the
published site. It is removed when a build starts and written when it ends, so a build that fails
half-way leads to a full build next time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections import defaultdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from briefing.config import Settings
from briefing.system.files import write_atomic

log = logging.getLogger(__name__)

MANIFEST_VERSION = 1
# Packages whose code shapes every page's HTML: a new version means a full build.
SITE_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "briefing")
# MkDocs warns on every dirty build (through this logger); for ours the warning does not hold.
BUILD_LOGGER = "mkdocs.commands.build"
DIRTY_WARNING = "A 'dirty' build is being performed"


class DropDirtyWarning(logging.Filter):
    """Drops MkDocs' warning about dirty builds, which would also abort a --strict build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


class IncrementalSite:
    """The bookkeeping of one incremental build of one site folder (used by the briefing plugin)."""

    def __init__(self, settings: Settings, config: Any) -> None:
        self.site_dir = Path(config.site_dir).resolve()
        folder_key = hashlib.sha256(str(self.site_dir).encode()).hexdigest()[:16]
        self.manifest = settings.cache_dir / "site" / f"{folder_key}.json"
        self.stamp = settings_stamp(config)
        self.previous_pages: list[str] = []
        self.previous_entries: dict[str, list[dict[str, Any]]] = {}
        self.built: set[str] = set()
        self.full = True

    def start(self) -> None:
        """Decide between an incremental and a full build; empty the site folder for a full one."""
        from mkdocs.utils import clean_directory

        previous = self._read_manifest()
        entries = self._read_search_entries() if previous else None
        self.manifest.unlink(missing_ok=True)  # written again only if this build finishes
        if previous and previous.get("stamp") == self.stamp and entries is not None:
            self.full = False
            self.previous_pages = list(previous.get("pages", []))
            self.previous_entries = entries
            log.info("Incremental site build: only pages whose Markdown changed are rebuilt")
        else:
            self.full = True
            clean_directory(str(self.site_dir))

    def page_built(self, url: str) -> None:
        self.built.add(url)

    def merge_search_entries(self, doc_pages: list[Any], entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The search index a full build would write: new entries of rebuilt pages, kept ones of the others."""
        if self.full:
            return entries
        new = _by_page(entries)
        merged: list[dict[str, Any]] = []
        for page in doc_pages:
            merged.extend(new.get(page.url, []) if page.url in self.built else self.previous_entries.get(page.url, []))
        return merged

    def remove_stale_pages(self, doc_pages: list[Any]) -> list[Path]:
        """Delete the HTML of pages built last time that no longer exist."""
        current = {page.file.dest_uri for page in doc_pages}
        removed = []
        for dest in self.previous_pages:
            if dest in current:
                continue
            path = (self.site_dir / dest).resolve()
            if self.site_dir not in path.parents or not path.is_file():
                continue
            path.unlink()
            removed.append(path)
            try:
                path.parent.rmdir()  # actors/<id>/ held only index.html
            except OSError:
                pass
        return removed

    def finish(self, doc_pages: list[Any]) -> None:
        record = {"version": MANIFEST_VERSION, "stamp": self.stamp, "pages": sorted(p.file.dest_uri for p in doc_pages)}
        write_atomic(self.manifest, json.dumps(record).encode("utf-8"))

    def _read_manifest(self) -> dict[str, Any] | None:
        try:
            record = json.loads(self.manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict) or record.get("version") != MANIFEST_VERSION:
            return None
        return record

    def _read_search_entries(self) -> dict[str, list[dict[str, Any]]] | None:
        try:
            index = json.loads((self.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
            return _by_page(index["docs"])
        except (OSError, ValueError, KeyError, TypeError):
            return None


def _by_page(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Search entries grouped by the URL of their page ("actors/x/#mentions" -> "actors/x/")."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in entries:
        grouped[str(entry["location"]).split("#", 1)[0]].append(entry)
    return grouped


def settings_stamp(config: Any) -> str:
    """A digest of everything besides a page's own Markdown that shapes its HTML."""
    digest = hashlib.sha256()

    def add(label: str, value: Any) -> None:
        digest.update(f"{label}\0{value}\0".encode("utf-8", "surrogatepass"))

    config_file = Path(config.config_file_path or "mkdocs.yml")
    add("mkdocs.yml", config_file.read_bytes().hex() if config_file.exists() else "")
    for name in ("site_name", "site_url", "site_dir", "docs_dir", "use_directory_urls", "copyright"):
        add(name, config.get(name))
    add("env", [os.environ.get(name) for name in ("BRIEFING_OFFLINE", "BRIEFING_SITE_DIR")])
    for package in SITE_PACKAGES:
        try:
            add(package, version(package))
        except PackageNotFoundError:
            add(package, None)
    # Theme overrides and the static files (a deleted one must go from the site too).
    custom_dir = config.theme.custom_dir
    if custom_dir and Path(custom_dir).is_dir():
        for path in sorted(Path(custom_dir).rglob("*")):
            if path.is_file():
                add(path.relative_to(custom_dir).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest())
    docs = Path(config.docs_dir)
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        if path.is_file() and path.suffix != ".md" and not any(part.startswith(".") for part in relative.parts):
            add("static", relative.as_posix())
    return digest.hexdigest()
