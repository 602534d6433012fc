"""Scratch briefing projects for the benchmark: the repository's site setup around a generated corpus."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from bench.corpus import article_name

REPO = Path(__file__).resolve().parent.parent
# Where projects take mkdocs.yml, templates/, overrides/ and docs/ from: a snapshot made at the
# start of a run (bench.run sets BENCH_CODE), so that edits to the work tree during a run do not
# change what is measured; the repository itself otherwise.
CODE = Path(os.environ.get("BENCH_CODE", REPO))


def make_project(folder: Path, corpus_dir: Path, n: int, cache_dir: Path) -> Path:
    """A project in `folder` whose seeds/ holds articles 0..n-1 of corpus_dir and whose cache is cache_dir.

    Every project sees an article under the same relative path (seeds/00042.md), so the
    extraction cache, keyed by the ingested source, is shared between projects.
    """
    folder.mkdir(parents=True, exist_ok=True)
    seeds = folder / "seeds"
    if seeds.exists():
        shutil.rmtree(seeds)
    seeds.mkdir()
    for index in range(n):
        shutil.copyfile(corpus_dir / article_name(index), seeds / article_name(index))
    for name in ("mkdocs.yml",):
        shutil.copyfile(CODE / name, folder / name)
    for name in ("templates", "overrides"):
        target = folder / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(CODE / name, target)
    docs = folder / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir()
    for relative in hand_written_docs():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CODE / relative, target)
    (folder / "briefing.yml").write_text(f"title: Benchmark briefing\ncache_dir: {cache_dir}\n", encoding="utf-8")
    return folder


def hand_written_docs() -> list[str]:
    """The files under docs/ that are in git (assets, hand-written pages); the build writes the rest."""
    if CODE != REPO:  # a snapshot holds only those
        return [str(p.relative_to(CODE)) for p in (CODE / "docs").rglob("*") if p.is_file()]
    listed = subprocess.run(["git", "ls-files", "docs"], cwd=REPO, stdout=subprocess.PIPE, text=True, check=False)
    if listed.returncode == 0 and listed.stdout.strip():
        return [line for line in listed.stdout.splitlines() if (REPO / line).is_file()]
    return [str(p.relative_to(REPO)) for p in (REPO / "docs" / "assets").rglob("*") if p.is_file()]


def snapshot_code(folder: Path) -> Path:
    """Copy what a build runs and reads (the package, the benchmark, the site setup) into folder."""
    if folder.exists():
        shutil.rmtree(folder)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "results.json")
    for name in ("briefing", "bench", "templates", "overrides"):
        shutil.copytree(REPO / name, folder / name, ignore=ignore)
    shutil.copyfile(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    for relative in hand_written_docs():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / relative, folder / relative)
    return folder
