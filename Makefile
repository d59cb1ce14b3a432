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

.PHONY: help setup build serve test test-stress lint typecheck unit browser bench lighthouse references clean

help:
	@echo "make serve       - set up, build and serve the site on http://$(HOST):$(PORT)/ (live reload)"
	@echo "make test        - set up, then lint, type-check and run the whole suite (browser tier too)"
	@echo "make unit        - the fast inner loop: every test but the browser tier (no Chromium)"
	@echo "make browser     - the browser tier only (headless Debian Chromium)"
	@echo "make test-stress - make test with a CPU hog of twice the cores for the whole run (stress-ng --cpu 4)"
	@echo "make build       - set up and build the site into site/"
	@echo "make references  - write calculators/source_titles.py from data/references.yml (after editing it)"
	@echo "make bench       - set up, build, then time Regain against the same-run peer page (ratios)"
	@echo "make lighthouse  - set up, build, then Lighthouse mobile performance of home, a guide and a calculator page"

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

# The answers' source titles, from data/references.yml (the build stops when they disagree).
references: setup
	$(BIN)/python -c "from macros.references import main; main()"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

# Four pytest-xdist workers on the 2 cores: a browser test mostly waits (page loads, the engine,
# network-idle timers), so two workers left the cores idle about half the run (make test: 6 min
# quiet at -n 2). Tests of one file stay on one worker (loadgroup; the group is the file unless a
# long test names its own, tests/conftest.py), so a file's shared browser context starts once;
# the workers share one build of the site. Files are handed out in collection order, the long
# browser files first, so the many short unit tests even out the workers at the end. Every run
# ends with its 20 slowest tests (--durations=20), so a test that grows shows in the CI log.
PYTEST_PARALLEL ?= -n 4 --dist loadgroup --no-loadscope-reorder --durations=20

unit: setup
	$(BIN)/pytest $(PYTEST_PARALLEL) -m "not browser"

browser: setup
	$(BIN)/pytest $(PYTEST_PARALLEL) -m browser

test: lint typecheck
	$(BIN)/pytest $(PYTEST_PARALLEL)

# Proves the tests wait on states, not on speed: the whole of `make test` with a CPU hog of twice
# the cores (stress-ng --cpu 4 on this 2-core kind of machine) for the whole run; the hog is
# killed however the run ends. STRESS_ROUNDS=3 runs the suite three times under the same hog.
STRESS_ROUNDS ?= 1
STRESS_CPUS ?= 4
test-stress: setup
	@command -v stress-ng >/dev/null || { echo "make test-stress needs stress-ng: apt-get install stress-ng (.ci/run installs it)"; exit 1; }
	stress-ng --cpu $(STRESS_CPUS) --quiet & hog=$$!; trap 'kill $$hog 2>/dev/null' EXIT; \
	for round in $$(seq $(STRESS_ROUNDS)); do \
	  echo "test-stress: round $$round of $(STRESS_ROUNDS): make test with stress-ng --cpu $(STRESS_CPUS)"; \
	  $(MAKE) --no-print-directory test || exit 1; \
	done

bench: build
	$(PY) -m bench.run $(BENCH_ARGS)

# Timing-based like the bench, so not part of `make test`. LIGHTHOUSE_ARGS="--runs 3 --min-score 90".
lighthouse: build
	$(PY) -m bench.lighthouse $(LIGHTHOUSE_ARGS)

clean:
	rm -rf site build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
