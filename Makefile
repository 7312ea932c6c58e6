# CareerCenter: `make run` serves the site with demo data; `make test` passes the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export FLASK_APP := wsgi

# The suite runs twice: on the production stack (PostgreSQL + Redis + RQ worker)
# and on the embedded default (SQLite, inline jobs).
TEST_PG_URL ?= postgresql://postgres@127.0.0.1:5432/careercenter_test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
PYTEST_ARGS ?=
# Where `make run` serves the site (e.g. `make run PORT=5001` when 5000 is taken).
PORT ?= 5000

.PHONY: run test test-postgres test-sqlite bench install chromium clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(STAMP)
	$(BIN)/flask db upgrade
	$(BIN)/flask codes load
	$(BIN)/flask codes load-icd10cm --if-empty
	$(BIN)/flask seed-demo --if-empty
	@echo ""
	@echo "  CareerCenter is running at http://127.0.0.1:$(PORT)"
	@$(BIN)/flask demo-logins
	@echo "  $$($(BIN)/flask mail-destination) Stop with Ctrl-C."
	@echo ""
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

chromium:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || \
		(echo "Installing Debian's chromium for the browser tests" && \
		 (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

test: $(STAMP) chromium test-postgres test-sqlite

test-postgres: $(STAMP)
	TEST_DATABASE_URL=$(TEST_PG_URL) TEST_REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest $(PYTEST_ARGS)

test-sqlite: $(STAMP)
	TEST_DATABASE_URL=sqlite TEST_REDIS_URL= $(BIN)/pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache
