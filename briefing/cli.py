"""The `briefing` command: thin click commands over briefing.pipeline."""

from __future__ import annotations

import atexit
import logging
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from briefing import __version__, pipeline
from briefing.config import Settings, load_settings
from briefing.errors import BriefingError
from briefing.site.build import build_site, serve_site

T = TypeVar("T")
OFFLINE_SITE_DIR = "site-offline"
ENGINE_NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}

project_option = click.option(
    "--project-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Folder holding briefing.yml, mkdocs.yml, templates/ and docs/.",
)
model_option = click.option("--model", default=None, help="spaCy pipeline to use (an installed package name).")
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress bar, only warnings and the summary.")
strict_option = click.option("--strict", is_flag=True, help="Fail (exit 1) if any article was skipped.")
jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=None, help="Processes for parsing (0: one per core for large batches)."
)
scheduler_option = click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Parse on the Dask cluster of this scheduler (tcp://host:8786); needs briefing[dask].",
)
engine_option = click.option(
    "--engine",
    type=click.Choice(["mkdocs", "zensical"]),
    default=None,
    help="Site generator (default: `engine` of briefing.yml, else mkdocs); zensical needs briefing[zensical].",
)
sources_argument = click.argument(
    "sources_dir", required=False, type=click.Path(file_okay=False, path_type=Path)
)


def extraction_options(command: Callable[..., None]) -> Callable[..., None]:
    """The arguments and options shared by the commands that read the articles."""
    for option in reversed(
        (sources_argument, project_option, model_option, jobs_option, scheduler_option, strict_option, quiet_option)
    ):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def cli() -> None:
    """Turn a folder of news articles about one story into a static briefing site.

    \b
    Typical use:
        briefing build            # seeds/ -> docs/data/*.yaml -> docs/**.md -> site/
        briefing serve            # the same, then a live preview on http://127.0.0.1:8000
    """
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.WARNING)


@cli.command()
@extraction_options
@click.option("--no-site", is_flag=True, help="Stop after writing docs/ (do not build the site).")
@engine_option
@click.option("--offline", is_flag=True, help="Build a copy that works from file:// into site-offline/ (BRIEFING_OFFLINE).")
@click.option("--clean", is_flag=True,
              help="Rebuild every page of the site (by default only pages whose Markdown changed, when the "
                   "previous build used the same settings).")
def build(
    sources_dir: Path | None, project_dir: Path, model: str | None, jobs: int | None, scheduler: str | None,
    strict: bool, quiet: bool, no_site: bool, engine: str | None, offline: bool, clean: bool,
) -> None:
    """Extract, resolve and render the whole briefing, then build the site.

    SOURCES_DIR defaults to `seeds_dir` of briefing.yml (seeds/).

    \b
    Example:
        briefing build ~/cases/strike-articles --strict
    """
    settings = _settings(
        project_dir, seeds_dir=sources_dir, spacy_model=model, jobs=jobs, scheduler=scheduler, engine=engine
    )
    stage = _stages(quiet)
    report = _run(lambda: pipeline.build(settings, track=_progress(quiet), stage=stage))
    _finish(report, strict)
    if not no_site:
        if offline:
            # mkdocs.yml reads both through !ENV: the offline plugin, and a folder of its own.
            os.environ["BRIEFING_OFFLINE"] = "true"
            os.environ.setdefault("BRIEFING_SITE_DIR", OFFLINE_SITE_DIR)
        stage(f"Building the site with {ENGINE_NAMES[settings.engine]}" + ("" if clean else " (only the pages that changed, when it can)"))
        _run(lambda: build_site(settings, strict=strict, report=report, incremental=not clean))
        click.echo(f"Site written to {settings.project_dir / os.environ.get('BRIEFING_SITE_DIR', 'site')}")


@cli.command()
@extraction_options
def extract(
    sources_dir: Path | None, project_dir: Path, model: str | None, jobs: int | None, scheduler: str | None,
    strict: bool, quiet: bool,
) -> None:
    """Extract and resolve the articles into docs/data/*.yaml only (no pages)."""
    settings = _settings(project_dir, seeds_dir=sources_dir, spacy_model=model, jobs=jobs, scheduler=scheduler)
    _finish(_run(lambda: pipeline.build(settings, track=_progress(quiet), render_pages=False, stage=_stages(quiet))), strict)


@cli.command()
@project_option
@click.option("--site/--no-site", default=False, help="Also build the site.")
@engine_option
def render(project_dir: Path, site: bool, engine: str | None) -> None:
    """Render the pages from the existing docs/data/*.yaml (no spaCy)."""
    settings = _settings(project_dir, engine=engine)
    report = _run(lambda: pipeline.render_only(settings))
    click.echo(report.summary())
    if site:
        _run(lambda: build_site(settings, strict=False, report=report))


@cli.command()
@project_option
def check(project_dir: Path) -> None:
    """Validate docs/data/*.yaml against the schema."""
    from briefing import store

    settings = _settings(project_dir)
    corpus = _run(lambda: store.load_corpus(settings.data_dir))
    click.echo(
        f"OK: {len(corpus.sources)} sources, {len(corpus.actors)} actors, "
        f"{len(corpus.quotes)} quotes, {len(corpus.events)} events in {settings.data_dir}"
    )


@cli.command()
@project_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="IP address and port to serve on.")
def serve(project_dir: Path, dev_addr: str) -> None:
    """Build the briefing and serve it with live reload (mkdocs serve --dirty).

    Editing an article, a template or briefing.yml rebuilds the pages; MkDocs then rebuilds only
    the pages whose Markdown changed (the search index and deleted pages are kept right).
    The preview always uses MkDocs, whose briefing plugin reruns the pipeline on each edit
    (Zensical runs no plugins): check a Zensical site with `briefing build --engine zensical`.
    """
    settings = _settings(project_dir)
    logging.getLogger("mkdocs").setLevel(logging.INFO)  # "Serving on http://…", each rebuild and its time
    _run(lambda: serve_site(settings, dev_addr=dev_addr))


@cli.command()
@project_option
@click.option("--page", default=None, metavar="PATH", help="Print one page instead, e.g. actors/<id> or events/<id>.")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the PDF (default: handouts/ in the project).")
@click.option("--no-build", is_flag=True, help="Print the site as it is in site/ (do not run mkdocs build first).")
def pdf(project_dir: Path, page: str | None, output_dir: Path | None, no_build: bool) -> None:
    """Print the briefing as PDF handouts with headless Chromium.

    Without --page: handouts/briefing.pdf, the whole briefing with a cover and contents.

    \b
    Examples:
        briefing pdf
        briefing pdf --page actors/<id>
    """
    from briefing.site import handouts

    settings = _settings(project_dir)
    if not no_build:
        # MkDocs' briefing plugin runs the pipeline; Zensical runs no plugin, so the pipeline runs first.
        report = _run(lambda: pipeline.build(settings)) if settings.engine == "zensical" else None
        _run(lambda: build_site(settings, strict=False, report=report))
    site_dir = settings.project_dir / os.environ.get("BRIEFING_SITE_DIR", "site")
    out_dir = output_dir or settings.project_dir / "handouts"
    if page is None:
        written = _run(lambda: handouts.write_briefing_pdf(site_dir, out_dir / "briefing.pdf"))
    else:
        written = _run(lambda: handouts.write_page_pdf(site_dir, page, out_dir))
    click.echo(f"Handout written to {written}")


def _settings(project_dir: Path, **overrides: Any) -> Settings:
    return _run(lambda: load_settings(project_dir, **overrides))


def _run(action: Callable[[], T]) -> T:
    try:
        return action()
    except BriefingError as exc:
        raise click.ClickException(str(exc)) from exc


def _finish(report: pipeline.BuildReport, strict: bool) -> None:
    # Each skipped file was already logged as a warning ("Skipped seeds/x.pdf: ..."), once.
    click.echo(report.summary())
    if strict and report.skipped:
        raise click.ClickException(f"{len(report.skipped)} article(s) could not be used (--strict).")


def _interactive(quiet: bool) -> bool:
    """Progress is shown on a terminal; not in CI, in pipes or with --quiet."""
    return not quiet and not os.environ.get("CI") and sys.stderr.isatty()


def _stages(quiet: bool) -> pipeline.Stage:
    """A line on stderr as each long stage starts (resolving, writing, the site), on a terminal."""
    if not _interactive(quiet):
        return pipeline.no_stage
    return lambda message: click.echo(f"{message} ...", err=True)


def _progress(quiet: bool) -> pipeline.Track:
    """A progress bar over parsed articles on a terminal; nothing in CI, in pipes or with --quiet."""
    if not _interactive(quiet):
        return pipeline.no_progress

    def track(items: Iterable[T], total: int) -> Iterable[T]:
        if total == 0:
            return items
        return _bar(items, total)

    return track


def _bar(items: Iterable[T], total: int) -> Iterable[T]:
    with click.progressbar(items, length=total, label="Parsing articles", file=sys.stderr) as bar:
        yield from bar


def main() -> None:
    """The `briefing` command: cli(), then exit without tearing the interpreter down.

    A build leaves a large heap (module caches, the site's pages); freeing it object by object at
    exit took a third of a second at 500 articles, after all the work was done. Exit handlers
    (logging, multiprocessing) still run; only the teardown is left to the operating system.
    """
    try:
        cli()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:  # sys.exit("message"): printed as the interpreter would
            print(exc.code, file=sys.stderr)
            code = 1
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)  # a profiler or coverage is attached: let it write its results at teardown
    atexit._run_exitfuncs()  # what the interpreter would run at exit (logging, multiprocessing)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`briefing build | head -1`) or stream
            pass
    os._exit(code)
