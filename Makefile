# django-suz — the two commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) sandbox/manage.py
STAMP := $(VENV)/.installed

.PHONY: demo test install migrate demo-data wheel-check messages compilemessages bench screenshots lint clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11+ is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(MANAGE) migrate --noinput

demo-data: migrate
	$(MANAGE) suz_demo

## make demo: install, migrate SQLite, load demo data, serve on http://127.0.0.1:8000
## DEBUG stays off (Russian error pages, no tracebacks); the sandbox's URLs serve static and media files.
demo: demo-data
	$(MANAGE) runserver 127.0.0.1:8000

## make test: install and run the whole suite (PostgreSQL when DATABASE_URL is set)
test: install
	$(VENV)/bin/pytest -q

## Build the wheel, install it into a clean virtualenv and check the sandbox against it
wheel-check: install
	$(PY) tools/wheel_check.py

## Extract strings, apply tools/ru_translations.py, write the .po and compiled .mo
messages: install
	$(MANAGE) makemessages -l ru --no-obsolete \
		--ignore='.venv/*' --ignore='build/*' --ignore='dist/*' --ignore='tests/*' --ignore='sandbox/*' --ignore='tools/*'
	$(PY) tools/ru_translations.py

compilemessages: install
	cd locale && ../$(VENV)/bin/django-admin compilemessages

## Storefront and price-file figures at 1,000 dealers x 5,000 products on PostgreSQL (name: value lines)
bench: install
	$(PY) tools/bench.py

screenshots: install
	$(PY) tools/screenshots.py

lint: install
	$(VENV)/bin/ruff check suz_oscar suz_wagtail sandbox tests tools

clean:
	rm -rf $(VENV) build dist *.egg-info sandbox/db.sqlite3 sandbox/media
