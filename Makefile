# The two commands of the README: `make run` (demo on SQLite) and `make test` (all checks and tests).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format lock vendor demo clean

$(VENV)/.base: requirements/base.txt
	@test -x $(PY) || $$(scripts/find-python) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/base.txt
	@touch $@

$(VENV)/.dev: requirements/dev.txt $(VENV)/.base
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	@touch $@

run: $(VENV)/.base  ## the demo on http://127.0.0.1:8000 (SQLite, demo data), web server and task worker
	HOST=$(HOST) PORT=$(PORT) scripts/run

test: $(VENV)/.dev  ## lint, migration check, Django checks and the whole test suite
	scripts/ensure-chromium
	scripts/ensure-redis
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest $(PYTEST_ARGS)

format: $(VENV)/.dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

lock:  ## re-pin requirements/*.txt from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --python-version 3.12 --generate-hashes --no-header --no-annotate -o requirements/base.txt
	uv pip compile pyproject.toml --extra dev --python-version 3.12 --generate-hashes --no-header --no-annotate -o requirements/dev.txt

vendor:  ## refresh the vendored NL Design System CSS from npm (versions in package.json)
	scripts/vendor-nlds

clean:
	rm -rf $(VENV) db.sqlite3 media-private
