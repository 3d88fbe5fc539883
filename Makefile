# Commands for webmasters and developers. Windows users: see "Without make" in README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA ?= data
OUT ?= site
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check test lint clean new-year schemas markdown check-live pdf

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

## check-live: after upload, every page, document and OIT evidence link of OUT must answer at URL
check-live: $(SITE_STAMP)
	$(PY) hooks/check_live.py --url "$(URL)" --site "$(OUT)"

## new-year: start fiscal year YEAR (default: the next) from the last one in DATA; never overwrites
new-year: $(SITE_STAMP)
	$(PY) hooks/new_year.py --data "$(DATA)" $(if $(YEAR),--year $(YEAR))

.PHONY: import export-xlsx xlsx-template
## import: data files (years/<year>.yml, documents.yml) from a filled workbook XLSX into DATA; FORCE=1 replaces existing files
import: $(SITE_STAMP)
	$(PY) hooks/import_xlsx.py --xlsx "$(XLSX)" --data "$(DATA)" $(if $(FORCE),--force)

## export-xlsx: the data of DATA as a workbook XLSX to edit in Excel and import again; never overwrites without FORCE=1
export-xlsx: $(SITE_STAMP)
	$(PY) hooks/export_xlsx.py --xlsx "$(XLSX)" --data "$(DATA)" $(if $(FORCE),--force)

## xlsx-template: the empty workbook XLSX to fill in
xlsx-template: $(SITE_STAMP)
	$(PY) hooks/export_xlsx.py --xlsx "$(XLSX)" --template $(if $(FORCE),--force)

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
