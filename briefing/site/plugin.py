"""MkDocs plugin: `mkdocs serve` / `mkdocs build` run the briefing pipeline before the site is built.

```yaml
plugins:
  - search
  - briefing          # options: project_dir (default: the folder of mkdocs.yml), enabled (default: true)
```

The plugin decides everything from MkDocs' own hooks: `on_startup(command, dirty)` says whether the
build is incremental (`mkdocs serve --dirty`, `mkdocs build --dirty`, `briefing build`), and a run
that has just written the pages hands its report over through briefing.site.handoff.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from briefing.config import CONFIG_FILE, Settings, load_settings
from briefing.errors import BriefingError
from briefing.site import handoff
from briefing.site.identity import build_date, site_name
from briefing.site.incremental import BUILD_LOGGER, DropDirtyWarning, IncrementalSite

log = logging.getLogger("mkdocs.plugins.briefing")
_PICTURE_LINK = re.compile(r'<a xlink:href="([^"]*)" data-bf-page="([^"]+)">')



class BriefingPluginConfig(Config):
    # `enabled: false` is MkDocs' own option: a disabled plugin is left out of config.plugins.
    project_dir = config_options.Optional(config_options.Type(str))


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Run `briefing.pipeline.build()` on every (re)build and name the site after the story."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        # MkDocs builds "dirty" and this plugin keeps the site whole (search index, deleted pages); see
        # briefing.site.incremental. Set in on_startup.
        self.incremental = False
        self._serving = False  # `mkdocs serve`: its site folder is temporary
        self._dirty_filter: logging.Filter | None = None  # MkDocs' dirty warning dropped, until on_shutdown
        self._manifests: set[Path] = set()  # records of the serve's site folder, removed when it stops
        self._site: IncrementalSite | None = None
        self._files: Files | None = None
        self._server: Any = None  # `mkdocs serve`'s LiveReloadServer, from on_serve on
        self._last_run: Any = None  # a serve's briefing.pipeline.LastRun: its rebuilds reuse what did not change
        self._theme_bytecode = MemoryBytecodeCache()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Start of `mkdocs build|serve|gh-deploy` (and of briefing.site.build, with the real `dirty`).
        With this method MkDocs keeps one plugin object per process (so for all the rebuilds of a
        serve). A dirty build rebuilds only the pages whose Markdown changed, kept whole."""
        self.incremental = dirty
        self._serving = command == "serve"
        self._server = None  # until this command's on_serve, if it serves
        self._last_run = None  # this command's first build makes everything
        if dirty and self._dirty_filter is None:
            self._dirty_filter = DropDirtyWarning()
            logging.getLogger(BUILD_LOGGER).addFilter(self._dirty_filter)

    def on_shutdown(self) -> None:
        self.incremental = self._serving = False  # until the next on_startup
        if self._dirty_filter is not None:
            logging.getLogger(BUILD_LOGGER).removeFilter(self._dirty_filter)
            self._dirty_filter = None
        self._server = self._last_run = None
        for manifest in self._manifests:  # the serve's temporary site folder is gone
            manifest.unlink(missing_ok=True)
        self._manifests.clear()

    def _project_dir(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").resolve().parent
        if self.config.project_dir:
            return (base / self.config.project_dir).resolve()
        return base

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Imported here so that `mkdocs` can load the plugin cheaply (e.g. for `mkdocs get-deps`).
        from briefing import pipeline

        try:
            prebuilt = handoff.take(config.config_file_path)
            if prebuilt is not None:  # `briefing build` has just written the pages
                settings, report = prebuilt.settings, prebuilt.report
            else:
                settings = load_settings(self._project_dir(config))
                if self._serving and self._last_run is None:
                    self._last_run = pipeline.LastRun()
                with self._unwatched(config.docs_dir):
                    report = pipeline.build(settings, last_run=self._last_run)
        except BriefingError as exc:
            raise PluginError(str(exc)) from exc
        self.settings = settings
        config.site_name = site_name(getattr(report, "title", "") or "", settings, config.site_name)
        config.extra["build_date"] = build_date()  # the print title block (overrides/main.html)
        if settings.site_url:
            config.site_url = settings.site_url
        log.info("briefing: %s", _summary(report))
        return config

    @contextlib.contextmanager
    def _unwatched(self, docs_dir: str) -> Iterator[None]:
        """During a rebuild of `mkdocs serve`, docs/ unwatched while the pipeline writes the pages.

        The build that follows reads them; seen by the server's watcher, they would start a
        second build at once, and the browser's reload waits for every build to end (it
        doubled the time from saving an article to the reloaded page). Watched again, the
        folder is compared with what it holds then: a later edit starts a build as usual.
        """
        server = self._server
        try:
            if server is not None:
                server.unwatch(docs_dir)
        except KeyError:  # docs/ is not watched by this server
            server = None
        try:
            yield
        finally:
            if server is not None:
                server.watch(docs_dir)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._site = None
        if self.incremental and self.settings is not None:
            self._site = IncrementalSite(self.settings, config)
            self._site.start()

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """The theme's templates compiled once per process: MkDocs makes a new Jinja environment for
        every build, so each rebuild of a serve compiled them all again (about a second under load).
        Jinja checks a cached template against its source, so an edited override is compiled anew."""
        if env.bytecode_cache is None:
            env.bytecode_cache = self._theme_bytecode
        return env

    @event_priority(-100)  # after every other plugin has added or removed files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self._files = files
        return files

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Point the actor links of a network picture (raw SVG, which MkDocs does not rewrite) at
        their pages' URLs in this build: written for directory URLs, they are wrong without
        (the offline copy)."""
        if "data-bf-page=" not in html:
            return html

        def link(match: re.Match[str]) -> str:
            target = files.get_file_from_path(match.group(2))
            url = target.url_relative_to(page.file) if target is not None else match.group(1)
            return f'<a xlink:href="{url}" data-bf-page="{match.group(2)}">'

        return _PICTURE_LINK.sub(link, html)

    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self._site is not None:
            self._site.page_built(page.url)
        return context

    @event_priority(50)  # before the search plugin writes its index
    def _complete_site(self, *, config: MkDocsConfig) -> None:
        if self._site is None:
            return
        pages = self._doc_pages()
        search = next((p for name, p in config.plugins.items() if name.endswith("search")), None)
        index = getattr(search, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            index.entries = self._site.merge_search_entries(pages, index.entries)
        for path in self._site.remove_stale_pages(pages):
            log.debug("briefing: removed %s", path)

    @event_priority(-100)  # after the search index is written: the build is complete
    def _record_site(self, *, config: MkDocsConfig) -> None:
        if self._site is not None:
            self._site.finish(self._doc_pages())
            if self._serving:
                self._manifests.add(self._site.manifest)
            self._site = None

    on_post_build = CombinedEvent(_complete_site, _record_site)

    def _doc_pages(self) -> list[Page]:
        files = self._files.documentation_pages() if self._files is not None else []
        return [f.page for f in files if f.page is not None]

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        project_dir = self._project_dir(config)
        settings = self.settings
        paths = [project_dir / CONFIG_FILE]
        if settings is not None:
            paths += [settings.seeds_dir, settings.templates_dir]
        else:
            paths += [project_dir / "seeds", project_dir / "templates"]
        for path in paths:
            if path.exists():
                server.watch(str(path))
        self._server = server
        return server


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, by Jinja's key (template name and file); Jinja compares
    the checksum of the source with the one stored and compiles again when they differ."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _summary(report: object) -> str:
    summary = getattr(report, "summary", None)
    if callable(summary):
        return str(summary())
    fields = ("sources", "actors", "quotes", "events", "pages")
    parts = [f"{getattr(report, name)} {name}" for name in fields if isinstance(getattr(report, name, None), int)]
    return ", ".join(parts) or "built"
