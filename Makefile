# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test schema clean

$(STAMP): pyproject.toml setup.py extractor/readers/pdf/_bulk.c
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/extractor run samples/ -o output/

# Lint and format are checked first: a style slip fails in seconds, not after the suite.
test: $(STAMP)
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --no-cache --check .
	$(BIN)/python -m pytest -q

schema: $(STAMP)
	$(BIN)/extractor schema

clean:
	rm -rf $(VENV) output/documents output/*.csv output/*.jsonl output/run.json output/results.db
