# Two commands do all the set-up on a fresh machine (Python 3.11+ and the package registries):
#   make run   — run the bot (SQLite by default; the terminal chat if BOT_TOKEN is not set)
#   make test  — lint, type-check and run the whole test suite
#   make bench — the benchmarks (figures in bench/README.md)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run console test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/limber run

console: $(STAMP)
	$(BIN)/limber console

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench.taps
	$(BIN)/python -m bench.nudges

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
