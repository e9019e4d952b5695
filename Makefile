# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= demo.db

.PHONY: demo test test-all install lock bench lint clean

demo: install
	$(BIN)/eventwire gazetteer build
	$(BIN)/eventwire ingest examples/ --db $(DEMO_DB)
	$(BIN)/eventwire events --db $(DEMO_DB)

test: install
	$(BIN)/python -m pytest -q -m "not slow"

# Also the slow tier: real GeoNames dumps and the gold data in ../shared (skipped with a message when absent).
test-all: install
	$(BIN)/python -m pytest -q

install: $(STAMP)

$(BIN)/python:
	$(PY) -m venv $(VENV)

# Every dependency is pinned by hash (requirements/*.txt, from `make lock`); the package itself goes in editable.
$(STAMP): $(BIN)/python requirements/base.txt requirements/dev.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		-r requirements/base.txt -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o base.txt base.in
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o dev.txt dev.in

bench: install
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/gazetteer.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/accuracy.py

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
