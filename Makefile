# Regain: every command sets itself up first (a .venv for Python, node_modules for the engine).
# `make serve` and `make test` are all a fresh machine with Python >= 3.11 and Node >= 18 needs.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help setup build serve test lint typecheck unit bench clean

help:
	@echo "make serve  - set up, build and serve the site on http://$(HOST):$(PORT)/ (live reload)"
	@echo "make test   - set up, then lint, type-check and run the whole test suite"
	@echo "make build  - set up and build the site into site/"
	@echo "make bench  - set up, build, then measure load times and bytes against bench/budgets.toml"

$(PY_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Regain needs Python >= 3.11; found " + sys.version.split()[0] + ". Install it, or run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@command -v node >/dev/null || { echo "Regain needs Node.js >= 18 and npm (for the self-hosted Pyodide engine): install them, e.g. 'apt-get install nodejs npm'."; exit 1; }
	@node -e 'const m = +process.versions.node.split(".")[0]; if (m < 18) { console.error("Regain needs Node.js >= 18; found " + process.versions.node); process.exit(1); }'
	npm ci --no-audit --no-fund
	@touch $@

setup: $(PY_STAMP) $(NODE_STAMP)

build: setup
	$(BIN)/mkdocs build --strict

serve: build
	# Served at the root (not under the GitHub Pages project path of site_url).
	SITE_URL=http://$(HOST):$(PORT)/ $(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT) --livereload

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest -m "not browser"

test: lint typecheck
	$(BIN)/pytest

bench: build
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf site build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
