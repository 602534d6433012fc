# The two commands of the README's quickstart are `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build site test test-fast install clean distclean

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

test: $(STAMP)  ## run the whole test suite
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## the tests that need neither the spaCy pipeline nor a site build
	$(BIN)/python -m pytest -m "not slow"

clean:  ## remove generated pages, data, site and caches (keeps .venv)
	rm -rf site handouts .cache docs/data docs/index.md docs/timeline.md docs/quotes.md docs/actors docs/events docs/sources

distclean: clean
	rm -rf $(VENV)
