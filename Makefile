# Commands for those who like make. Each target is one call of the front door, hooks/ita.py, which
# also runs without make (Windows: ita.cmd; see README.md): it checks Python, sets up .venv from the
# locked packages when needed, then runs the target's verb. `python3 hooks/ita.py --help` lists them.
PYTHON ?= python3
# Once .venv exists, its own Python runs the front door: it still checks the lock's stamp (and
# repairs .venv), but the verb then runs in that same process instead of one Python starting another.
ITA = $(firstword $(wildcard .venv/bin/python .venv/Scripts/python.exe) $(PYTHON)) hooks/ita.py
DATA ?= data
OUT ?= site
# mkdocs, or properdocs: MkDocs' maintained drop-in fork (docs-dev/builders.md)
BUILDER ?= mkdocs

# A missing Python is said here, before any target: the front door itself needs one to say anything.
ifeq ($(shell command -v $(PYTHON) 2>/dev/null),)
$(error ไม่พบโปรแกรม $(PYTHON): ติดตั้ง Python 3.11 ขึ้นไปก่อน (Debian/Ubuntu: sudo apt install python3 python3-venv) หรือระบุตัวอื่น: make site PYTHON=/path/to/python3.12 / $(PYTHON) was not found: install Python 3.11 or newer (Debian/Ubuntu: sudo apt install python3 python3-venv), or name another one: make site PYTHON=/path/to/python3.12)
endif

# The yes/no settings FORCE, DRY_RUN, TRUST_HOST and STRICT are passed through as they were typed
# (--force="$(FORCE)"): the front door reads 1, yes, true as on and empty, 0, no, false as off, and
# stops with a Thai and English message at anything else, the same with or without make.

.PHONY: site serve check test clean clean-all setup setup-dev lock new-year import import-docx export-xlsx xlsx-template schemas markdown check-live pdf publish

## site: set up (first time) and build DATA into OUT, keeping the old OUT if the build fails
site:
	$(ITA) site --data "$(DATA)" --out "$(OUT)" --builder "$(BUILDER)" --strict="$(STRICT)"

## serve: preview at http://127.0.0.1:8000, opened in the browser, with live reload; data edits rebuild
serve:
	$(ITA) serve --data "$(DATA)" --builder "$(BUILDER)"

## check: build strictly (any warning, or an OIT item without evidence, fails): for CI and before publishing
check:
	$(ITA) check --data "$(DATA)" --out "$(OUT)" --builder "$(BUILDER)"

## pdf: after make site, each fiscal year as one PDF (ita/<year>/ita-<year>.pdf) with Chromium, Chrome or Edge
pdf:
	$(ITA) pdf --out "$(OUT)"

## publish: make check, then send what changed to the host named in site.yml (publish:, SFTP or FTPS); DRY_RUN=1 only lists
publish:
	$(ITA) publish --data "$(DATA)" --out "$(OUT)" --dry-run="$(DRY_RUN)" --trust-host="$(TRUST_HOST)"

## check-live: after upload, every page, document and OIT evidence link of OUT must answer at URL
check-live:
	$(ITA) check-live --url "$(URL)" --out "$(OUT)"

## new-year: start fiscal year YEAR (default: the next) from the last one in DATA; never overwrites
new-year:
	$(ITA) new-year --data "$(DATA)" $(if $(YEAR),--year "$(YEAR)")

## import: data files (years/<year>.yml, documents.yml) from a filled workbook XLSX into DATA; FORCE=1 replaces existing files
import:
	$(ITA) import --xlsx "$(XLSX)" --data "$(DATA)" --force="$(FORCE)"

## import-docx: a draft years/<year>.yml from last year's Word document DOCX (measures document or progress report) into DATA; FORCE=1 replaces the year's file
import-docx:
	$(ITA) import-docx --docx "$(DOCX)" --data "$(DATA)" --force="$(FORCE)"

## export-xlsx: the data of DATA as a workbook XLSX to edit in Excel and import again; never overwrites without FORCE=1
export-xlsx:
	$(ITA) export-xlsx --xlsx "$(XLSX)" --data "$(DATA)" --force="$(FORCE)"

## xlsx-template: the empty workbook XLSX to fill in
xlsx-template:
	$(ITA) xlsx-template --xlsx "$(XLSX)" --force="$(FORCE)"

## markdown: write what the engine makes as a folder plain MkDocs builds (no hooks) into OUT (a new folder; default build/markdown)
markdown:
	$(ITA) markdown --data "$(DATA)" --out "$(if $(filter site,$(OUT)),build/markdown,$(OUT))"

## schemas: write the editors' JSON Schemas of the data files into schemas/ (after a change of the data format)
schemas:
	$(ITA) schemas

## test: lint, type-check and run the whole test suite
test:
	$(ITA) test

## setup: check Python (3.11+) and .venv (rebuilt if broken), install the locked packages if the lock changed
setup:
	$(ITA) setup

setup-dev:
	$(ITA) setup --dev

## lock: after editing requirements.in or requirements-dev.in, pin every package they pull in, with hashes
lock:
	$(ITA) lock

## clean: remove what builds and tests leave behind (the site, caches); clean-all also removes .venv
clean:
	$(ITA) clean

clean-all:
	$(ITA) clean --all
