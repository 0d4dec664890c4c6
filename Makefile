# civhub: `make run` (dashboard on demo data), `make test` (lint + tests), `make bench`.
# Each target makes .venv from the lock files and reinstalls only when a lock or pyproject.toml changes.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
DB := $(or $(CIVHUB_DB),data/civhub.duckdb)
PORT := 8501

.PHONY: run test bench demo db clean distclean

run: $(VENV)/.runtime-installed db
	@echo "civhub: http://localhost:$(PORT)"
	exec $(BIN)/streamlit run dashboard.py --server.headless=true --server.port=$(PORT) \
		--browser.gatherUsageStats=false

test: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

bench: $(VENV)/.dev-installed
	$(BIN)/python -m benchmarks

# Builds the demo database only when there is none, so `make run` never overwrites loaded data; a database
# made by an earlier version is upgraded (its records kept, its marts rebuilt).
db: $(VENV)/.runtime-installed
	@if test -f "$(DB)"; then $(BIN)/python -m pipelines upgrade; else $(BIN)/python -m pipelines demo; fi

demo: $(VENV)/.runtime-installed
	$(BIN)/python -m pipelines demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps -e .
	touch $@

$(VENV)/.dev-installed: requirements-dev.lock $(VENV)/.runtime-installed
	$(PIP) install -r requirements-dev.lock
	touch $@

# Removes what builds and test runs leave behind; the database and its key stay (they may hold loaded data).
clean:
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .hypothesis *.egg-info test-results data/demo-files benchmarks/scratch

distclean: clean
	rm -rf $(VENV)
