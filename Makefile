# Commands for webmasters and developers. Windows users: see "Without make" in README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA ?= data
OUT ?= site
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check test lint clean new-year schemas markdown check-live pdf publish

## site: set up (first time) and build DATA into OUT, keeping the old OUT if the build fails
site: $(SITE_STAMP)
	$(PY) hooks/build_site.py --data "$(DATA)" --out "$(OUT)" $(if $(STRICT),--strict)

## serve: preview at http://127.0.0.1:8000 with live reload; data edits rebuild
serve: $(SITE_STAMP)
	ITA_DATA="$(DATA)" $(PY) -m mkdocs serve

## check: build strictly (any warning, or an OIT item without evidence, fails): for CI and before publishing
check: $(SITE_STAMP)
	$(PY) hooks/build_site.py --data "$(DATA)" --out "$(OUT)" --strict --oit-strict

## pdf: after make site, each fiscal year as one PDF (ita/<year>/ita-<year>.pdf) with Debian's chromium
pdf: $(SITE_STAMP)
	$(PY) hooks/make_pdf.py --site "$(OUT)"

## publish: make check, then send what changed to the host named in site.yml (publish:, SFTP or FTPS); DRY_RUN=1 only lists
publish: $(SITE_STAMP)
	$(PY) hooks/publish_site.py --data "$(DATA)" --out "$(OUT)" $(if $(DRY_RUN),--dry-run) $(if $(TRUST_HOST),--trust-host)

## check-live: after upload, every page, document and OIT evidence link of OUT must answer at URL
check-live: $(SITE_STAMP)
	$(PY) hooks/check_live.py --url "$(URL)" --site "$(OUT)"

## new-year: start fiscal year YEAR (default: the next) from the last one in DATA; never overwrites
new-year: $(SITE_STAMP)
	$(PY) hooks/new_year.py --data "$(DATA)" $(if $(YEAR),--year $(YEAR))

## markdown: write what the engine makes as a folder plain MkDocs builds (no hooks) into OUT (a new folder)
markdown: $(SITE_STAMP)
	$(PY) hooks/write_markdown.py --data "$(DATA)" --out "$(if $(filter site,$(OUT)),build/markdown,$(OUT))"

## schemas: write the editors' JSON Schemas of the data files into schemas/ (after a change of the data format)
schemas: $(SITE_STAMP)
	$(PY) hooks/write_schemas.py

## test: lint, type-check and run the whole test suite
test: $(TEST_STAMP)
	$(PY) -m ruff check hooks tests
	$(PY) -m ruff format --check hooks tests
	$(PY) -m mypy hooks
	$(PY) -m pytest -q

$(SITE_STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(TEST_STAMP): requirements.txt requirements-dev.txt $(SITE_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
