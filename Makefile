# Commands for webmasters and developers. Windows users: see "Without make" in README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA ?= data
OUT ?= site
# mkdocs, or properdocs: MkDocs' maintained drop-in fork (docs-dev/builders.md)
BUILDER ?= mkdocs
export NO_MKDOCS_2_WARNING := 1

# Make takes any non-empty value as true, so FORCE=0 would force. Every yes/no flag (FORCE, DRY_RUN,
# TRUST_HOST, STRICT) is read by $(call flag,NAME): on for 1, yes, true; off for empty, 0, no, false
# (any case); anything else stops make, since guessing wrong would overwrite or publish.
lowercase = $(subst A,a,$(subst B,b,$(subst C,c,$(subst D,d,$(subst E,e,$(subst F,f,$(subst G,g,$(subst H,h,$(subst I,i,$(subst J,j,$(subst K,k,$(subst L,l,$(subst M,m,$(subst N,n,$(subst O,o,$(subst P,p,$(subst Q,q,$(subst R,r,$(subst S,s,$(subst T,t,$(subst U,u,$(subst V,v,$(subst W,w,$(subst X,x,$(subst Y,y,$(subst Z,z,$(1)))))))))))))))))))))))))))
flag_word = $(call lowercase,$(strip $($(1))))
flag = $(strip $(if $(or $(word 2,$(call flag_word,$(1))),$(filter-out 0 1 no yes false true,$(call flag_word,$(1)))),\
  $(error $(1)=$($(1)) ใช้ไม่ได้ ต้องเป็น 1, yes, true (เปิด) หรือ 0, no, false หรือเว้นว่าง (ปิด) / $(1)=$($(1)) is not a yes or no: expected 1, yes, true (on) or 0, no, false or empty (off), found "$($(1))"),\
  $(if $(filter 1 yes true,$(call flag_word,$(1))),1)))

.PHONY: site serve check test clean clean-all setup setup-dev lock new-year import import-docx export-xlsx xlsx-template schemas markdown check-live pdf publish

## site: set up (first time) and build DATA into OUT, keeping the old OUT if the build fails
site: setup
	$(PY) hooks/build_site.py --data "$(DATA)" --out "$(OUT)" --builder $(BUILDER) $(if $(call flag,STRICT),--strict)

## serve: preview at http://127.0.0.1:8000 with live reload; data edits rebuild
serve: setup
	ITA_DATA="$(DATA)" $(PY) -m $(BUILDER) serve

## check: build strictly (any warning, or an OIT item without evidence, fails): for CI and before publishing
check: setup
	$(PY) hooks/build_site.py --data "$(DATA)" --out "$(OUT)" --builder $(BUILDER) --strict --oit-strict

## pdf: after make site, each fiscal year as one PDF (ita/<year>/ita-<year>.pdf) with Debian's chromium
pdf: setup
	$(PY) hooks/make_pdf.py --site "$(OUT)"

## publish: make check, then send what changed to the host named in site.yml (publish:, SFTP or FTPS); DRY_RUN=1 only lists
publish: setup
	$(PY) hooks/publish_site.py --data "$(DATA)" --out "$(OUT)" $(if $(call flag,DRY_RUN),--dry-run) $(if $(call flag,TRUST_HOST),--trust-host)

## check-live: after upload, every page, document and OIT evidence link of OUT must answer at URL
check-live: setup
	$(PY) hooks/check_live.py --url "$(URL)" --site "$(OUT)"

## new-year: start fiscal year YEAR (default: the next) from the last one in DATA; never overwrites
new-year: setup
	$(PY) hooks/new_year.py --data "$(DATA)" $(if $(YEAR),--year $(YEAR))

## import: data files (years/<year>.yml, documents.yml) from a filled workbook XLSX into DATA; FORCE=1 replaces existing files
import: setup
	$(PY) hooks/import_xlsx.py --xlsx "$(XLSX)" --data "$(DATA)" $(if $(call flag,FORCE),--force)

## import-docx: a draft years/<year>.yml from last year's Word document DOCX (measures document or progress report) into DATA; FORCE=1 replaces the year's file
import-docx: setup
	$(PY) hooks/import_docx.py --docx "$(DOCX)" --data "$(DATA)" $(if $(call flag,FORCE),--force)

## export-xlsx: the data of DATA as a workbook XLSX to edit in Excel and import again; never overwrites without FORCE=1
export-xlsx: setup
	$(PY) hooks/export_xlsx.py --xlsx "$(XLSX)" --data "$(DATA)" $(if $(call flag,FORCE),--force)

## xlsx-template: the empty workbook XLSX to fill in
xlsx-template: setup
	$(PY) hooks/export_xlsx.py --xlsx "$(XLSX)" --template $(if $(call flag,FORCE),--force)

## markdown: write what the engine makes as a folder plain MkDocs builds (no hooks) into OUT (a new folder)
markdown: setup
	$(PY) hooks/write_markdown.py --data "$(DATA)" --out "$(if $(filter site,$(OUT)),build/markdown,$(OUT))"

## schemas: write the editors' JSON Schemas of the data files into schemas/ (after a change of the data format)
schemas: setup
	$(PY) hooks/write_schemas.py

## test: lint, type-check and run the whole test suite
test: setup-dev
	$(PY) -m ruff check hooks tests
	$(PY) -m ruff format --check hooks tests
	$(PY) -m mypy hooks
	$(PY) -m pytest -q

## setup: check Python (3.11+) and .venv (rebuilt if broken), install the locked packages if the lock changed
setup:
	@sh tools/setup_venv.sh "$(PYTHON)" "$(VENV)" requirements.txt

setup-dev:
	@sh tools/setup_venv.sh "$(PYTHON)" "$(VENV)" requirements-dev.txt

## lock: after editing requirements.in or requirements-dev.in, pin every package they pull in, with hashes
lock: setup-dev
	$(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes requirements.in -o requirements.txt
	$(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes requirements-dev.in -o requirements-dev.txt

## clean: remove what builds and tests leave behind (the site, caches); clean-all also removes .venv
clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
	@echo "(.venv is kept; make clean-all removes it too / make clean-all ลบ .venv ด้วย)"

clean-all: clean
	rm -rf $(VENV)
