# Cluster Excellence: `make run` starts the demo portal, `make test` runs every test.
# DATABASE_URL and REDIS_URL are read from the environment when set (see README.md);
# without them the portal uses SQLite and runs background tasks in-process.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000
# Links in e-mails point at the running server unless SITE_URL says otherwise.
SITE_URL ?= http://127.0.0.1:$(PORT)
export SITE_URL
DEMO_ORGS ?= 300
# Two processes on two cores: measured faster than one, and the browser and worker tests are
# safe in parallel (each xdist process has its own test database, live server and task queue).
PYTEST_ARGS ?= -n auto
LOCALE_IGNORE := --ignore=$(VENV) --ignore=staticfiles --ignore=test-artifacts --ignore=node_modules
HAS_PO = $(shell find . -path ./$(VENV) -prune -o -name '*.po' -print -quit)

.PHONY: help setup run test lint format messages bench bench-web worker beat lock clean

help:
	@echo "make run       start the demo portal at http://127.0.0.1:$(PORT) (sets everything up first)"
	@echo "make test      run the whole test suite"
	@echo "make lint      ruff check and format check    make format    fix what ruff can"
	@echo "make messages  update and compile translations (en, de)"
	@echo "make bench     time seed_demo --orgs 10000 on SQLite and PostgreSQL"
	@echo "make bench-web key pages' requests per second against bare Django (PostgreSQL, gunicorn, wrk)"
	@echo "make worker    start a Celery worker (needs REDIS_URL)    make beat    the Celery scheduler"
	@echo "make lock      resolve pyproject.toml into requirements.lock    make clean    remove .venv and build output"

# The virtualenv is rebuilt when the lock changes; the stamp file records the last install.
$(VENV)/.installed: requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip check
	@touch $@

setup: $(VENV)/.installed
	$(PY) scripts/check_system_libs.py

run: setup
	$(MANAGE) migrate --no-input
	@if [ -z "$(HAS_PO)" ]; then :; \
	elif command -v msgfmt >/dev/null; then $(MANAGE) compilemessages $(LOCALE_IGNORE) -v0; \
	else echo "msgfmt not found: using the committed translations (apt-get install gettext to rebuild them)"; fi
	$(MANAGE) import_framework labels/data/cme-demo-2026.yaml --if-missing
	$(MANAGE) seed_demo --orgs $(DEMO_ORGS) --seed 1
	@echo "Starting the portal at http://127.0.0.1:$(PORT)/ (Ctrl+C stops it)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.installed
	mkdir -p locale
	$(MANAGE) makemessages -l en -l de $(LOCALE_IGNORE) --no-obsolete
	$(MANAGE) compilemessages $(LOCALE_IGNORE)

bench: setup
	$(PY) bench/seed_demo.py --database sqlite
	$(PY) bench/seed_demo.py --database postgres

# BENCH_WEB_ARGS e.g. "--only catalogue --seconds 3"; BENCH_DATABASE names the database it seeds.
bench-web: setup
	$(PY) bench/throughput.py $(BENCH_WEB_ARGS)

worker: setup
	@test -n "$${REDIS_URL:-}" || { echo "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0): without it tasks run in the web process."; exit 1; }
	$(VENV)/bin/celery -A clusterexcellence worker --loglevel=INFO

beat: setup
	@test -n "$${REDIS_URL:-}" || { echo "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) first."; exit 1; }
	$(VENV)/bin/celery -A clusterexcellence beat --loglevel=INFO

# Resolves pyproject.toml's dependencies (runtime and dev) afresh in a scratch virtualenv, so
# nothing installed into .venv by hand ends up in the lock.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	$(PYTHON) -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
	print('\n'.join(p['dependencies'] + p['optional-dependencies']['dev']))" > .lock-venv/requirements.in
	.lock-venv/bin/pip install --quiet -r .lock-venv/requirements.in
	{ head -n 2 requirements.lock; .lock-venv/bin/pip freeze | grep -v -E '^(pip|setuptools|wheel)=='; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf .lock-venv

# Keeps the data: db.sqlite3, media/ and .secret_key.
clean:
	rm -rf $(VENV) staticfiles test-artifacts bench/output .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
