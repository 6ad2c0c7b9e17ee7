# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
INSTALLED := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run serve test test-sqlite test-postgres lint format messages fonts css scale bench bench-search seed clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt requirements-dev.txt requirements-dev-nodeps.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-dev-nodeps.txt
	touch $(INSTALLED)

FONTS := build/static/fonts/fonts.css

$(FONTS): package-lock.json scripts/build_fonts.py scripts/build_map.py
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts --loglevel=error; \
	else echo "npm not found: the site will use system fonts (install Debian's npm for the Noto web fonts)."; fi
	$(PYTHON) scripts/build_fonts.py
	$(PYTHON) scripts/build_map.py

fonts: $(FONTS) ## Install the pinned npm packages: web fonts into build/static/fonts/, the search map into build/static/search/

CSS := build/static/css/portal.css

$(CSS): scripts/build_css.py $(wildcard assets/css/*.css)
	$(PYTHON) scripts/build_css.py

css: $(CSS) ## Join assets/css/*.css into the one stylesheet the site serves (build/static/css/portal.css)

messages: $(INSTALLED) ## Compile the gettext catalogues (GNU msgfmt, or Babel without it)
	@if command -v msgfmt >/dev/null; then $(MANAGE) compilemessages --ignore=.venv --ignore=staff_admin -v 0; \
	else $(BIN)/pybabel compile --domain=django --directory=locale >/dev/null; fi
	@# The admin overrides of Wagtail's strings are all marked fuzzy (awaiting native review) and used anyway:
	@# without them the kk, ky, tg, uz and ur admins are English.
	@for po in $(wildcard staff_admin/locale/*/LC_MESSAGES/*.po); do \
	  if command -v msgfmt >/dev/null; then msgfmt --use-fuzzy --check-format -o $${po%.po}.mo $$po || exit 1; \
	  else $(BIN)/pybabel compile --use-fuzzy -i $$po -o $${po%.po}.mo >/dev/null || exit 1; fi; \
	done

run: $(INSTALLED) messages $(FONTS) $(CSS) ## Set up, migrate, load the demo and serve on http://127.0.0.1:$(PORT)/
	$(MANAGE) migrate --noinput -v 0
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) load_demo
	@echo "Public site: http://127.0.0.1:$(PORT)/    Admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "Log in as admin, curator, editor-<museum slug>, translator-<language code> or reviewer-<language code> (password: DEMO_PASSWORD, or the one printed above when the accounts were created)."
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

serve: $(INSTALLED) messages $(FONTS) $(CSS) ## The production server: gunicorn, production settings from the environment (scripts/serve)
	PORT=$(PORT) scripts/serve

test: test-sqlite test-postgres ## Run the whole test suite on SQLite, then on PostgreSQL

test-sqlite: $(INSTALLED) messages $(FONTS) $(CSS) ## The suite on the embedded SQLite database
	$(BIN)/pytest

test-postgres: $(INSTALLED) messages $(FONTS) $(CSS) ## The suite on a throwaway PostgreSQL cluster (scripts/with-postgres)
	scripts/with-postgres $(BIN)/pytest

lint: $(INSTALLED) $(FONTS) $(CSS) ## ruff, Django's checks, migrations in step with the models
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates staff_admin/templates translation_workspace/templates search/templates
	@awk 'length > 160 { printf "%s:%d: template line of %d characters (break it up)\n", FILENAME, FNR, length; bad = 1 } END { exit bad }' $$(find templates staff_admin/templates translation_workspace/templates search/templates -name '*.html')
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

format: $(INSTALLED) ## Apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates staff_admin/templates translation_workspace/templates search/templates

scale: $(INSTALLED) messages $(FONTS) $(CSS) ## Scale report: every page at the demo size and at 100,000 relics (COUNT=…), JSON in bench/results/
	$(BIN)/python bench/scale.py --count $(or $(COUNT),100000) --json bench/results/scale.json

bench: scale bench-search ## All benchmarks: the scale report and the search benchmark (COUNT=… relics, default 100,000)

bench-search: $(INSTALLED) messages $(FONTS) $(CSS) ## Search times at the demo size and at COUNT relics on a throwaway PostgreSQL, JSON in bench/results/
	scripts/with-postgres sh -c 'BENCH_DATABASE_URL=$$DATABASE_URL $(BIN)/python bench/search.py --count $(or $(COUNT),100000) --json bench/results/search.json'

seed: $(INSTALLED) ## Add N generated relics to the current database (make seed N=20000), for trying the site at scale
	$(MANAGE) seed_relics --count $(or $(N),1000)

clean: ## Remove the venv, the SQLite database and generated media
	rm -rf $(VENV) db.sqlite3 media staticfiles build node_modules
