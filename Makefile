# The two jobs a fresh machine needs: `make site` builds the training site into site/, `make test` runs
# every check. Both create the virtual environment in .venv and install the project first.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test lint serve schemas bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy

serve: $(STAMP)
	$(BIN)/mkdocs serve

# Medians of several runs; writes bench/results.json, bench/results.md and the table in the authors' guide.
bench: $(STAMP)
	$(BIN)/python bench/run.py

schemas: $(STAMP)
	$(BIN)/playbook schema --write playbooks/schemas

clean:
	rm -rf site build .pytest_cache .mypy_cache .ruff_cache
