"""Installing: a plain venv with the pip that `python -m venv` bundles (no upgrade) reads web pages.

Older pips do not match jusText's `lxml[html_clean]` to lxml's `html-clean` extra, so web pages
were skipped with an ImportError unless pyproject.toml names lxml_html_clean itself. Installing
spaCy and its model into a fresh venv takes minutes on a loaded machine, so the venv gets the
package without dependencies, then the dependencies ingest imports, as pyproject.toml pins them
(resolved by the bundled pip, with their own dependencies): the part of an install that reads files.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
# The distributions that briefing.ingest imports (web pages, decoding, language, dates, ids, model).
INGEST_DISTRIBUTIONS = frozenset({
    "pydantic", "pyyaml", "charset-normalizer", "ftfy", "trafilatura", "lxml-html-clean", "py3langid",
    "dateparser", "python-slugify",
})
PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Harbour Dynamics opens a yard in Ellery</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour Dynamics opens a yard in Ellery</h1>
<p>Harbour Dynamics opened a new shipyard in Ellery on Tuesday, adding two hundred jobs to the port town, the company said.</p>
<p>"This yard starts a new chapter for the town," said Dana Whitfield, the company's chief executive, at the opening.</p>
</article></body></html>
"""
READ = """
import json, sys
from pathlib import Path
from briefing.ingest.sources import read_sources
sources, skipped = read_sources(Path(sys.argv[1]), Path(sys.argv[1]).parent)
print(json.dumps({"texts": [s.text for s in sources], "skipped": [k.reason for k in skipped]}))
"""


def _ingest_requirements() -> list[str]:
    dependencies = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]["dependencies"]
    name = re.compile(r"^[A-Za-z0-9._-]+")
    return [
        d for d in dependencies
        if (m := name.match(d)) and re.sub(r"[._]", "-", m.group(0)).lower() in INGEST_DISTRIBUTIONS
    ]


@pytest.mark.slow
def test_install_with_bundled_pip_reads_web_pages(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--no-deps", str(PROJECT)], check=True, cwd=tmp_path)
    subprocess.run([*pip, *_ingest_requirements()], check=True, cwd=tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "yard.html").write_text(PAGE, encoding="utf-8")
    run = subprocess.run(
        [python, "-c", READ, str(seeds)], check=True, cwd=tmp_path, capture_output=True, text=True
    )
    read = json.loads(run.stdout)
    assert read["skipped"] == []
    assert "shipyard in Ellery on Tuesday" in read["texts"][0]
