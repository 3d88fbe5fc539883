"""Loading a data directory into a validated ``Site``: every file read once, in one pass.

Layout of a data directory (documented for webmasters in data/README.md)::

    agency.yml        the agency
    site.yml          site settings (optional)
    years/2568.yml    one file per fiscal year (B.E.)
    organization.yml, services.yml, news.yml, policies.yml, documents.yml   (optional)
    oit/2568.yml      the OIT evidence of a fiscal year (optional)

The order below is the order of dependence: the agency and settings, the years, the content the
OIT files point into, then the OIT files, then the checks that span several files.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from ..problems import DataError, Location, Problem
from ..records.agency import Agency, SiteSettings
from ..records.fiscal_year import FiscalYear
from ..records.record import record
from ..records.site import Site
from .checklist import BUILTIN_DIR
from .content import load_content
from .files import check_logo, check_year_files
from .oit import OitContext, load_oit
from .readers import READERS
from .reuse import LoadMemo, ValidatedFile
from .schema import INVALID, Validator, load_record
from .sources import SourceFiles
from .surveys import check_surveys
from .year_checks import check_unique_years, check_year

YEAR_FILE_GLOB = "*.yml"
IMPORT_JOURNAL = ".import-journal.json"
"""Left in the data folder by ``make import`` while it swaps files in (``author/workbook/swapping.py``):
found by a build, the folder holds some old files and some new ones."""
T = TypeVar("T")


@record
class LoadResult:
    site: Site
    warnings: list[Problem]


def load_site(data_dir: Path, memo: LoadMemo | None = None) -> LoadResult:
    """Read and validate everything under ``data_dir``; raise DataError listing every error.

    With ``memo`` (kept by ``mkdocs serve`` between builds), fiscal-year files whose bytes did not
    change since the last build are neither parsed nor validated again."""
    with cycle_collector_paused():
        return _load_site(data_dir, memo)


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Loading makes millions of small objects and keeps most of them (parsed trees, records):
    Python's cycle collector would walk every kept one again and again while the load grows, a
    third of the load's time at 1,157 pages. What the load builds holds no reference cycles, so
    reference counting frees what it drops; the collector runs again afterwards, as before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_site(data_dir: Path, memo: LoadMemo | None) -> LoadResult:
    if memo is not None:
        memo.start_build()
    _refuse_half_imported(data_dir)
    sources = SourceFiles(roots=(data_dir, BUILTIN_DIR), memo=memo)
    validator = Validator(READERS)
    agency_file = data_dir / "agency.yml"
    if not agency_file.is_file():
        raise DataError(
            [
                Problem(
                    Location(agency_file),
                    f"ไม่พบไฟล์ข้อมูลหน่วยงาน agency.yml ในโฟลเดอร์ {data_dir}",
                    f"the agency file agency.yml was not found in {data_dir}",
                )
            ]
        )
    agency = _load_file(Agency, agency_file, sources, validator)
    settings_file = data_dir / "site.yml"
    settings = (
        _load_file(SiteSettings, settings_file, sources, validator) if settings_file.is_file() else SiteSettings()
    )
    if agency is not INVALID:
        check_logo(agency, data_dir, validator)
    check_year_files(data_dir, validator)
    year_files = sorted((data_dir / "years").glob(YEAR_FILE_GLOB))
    loaded = []
    for path in year_files:
        # Each year is checked as a whole while its parsed tree is at hand, then the tree is cut
        # down to its top level: a ten-year site never holds every year's tree at once.
        errors, warnings = len(validator.errors), len(validator.warnings)
        year = _reused_year(path, sources, validator)
        if year is not INVALID:
            check_year(year, path, validator)
            if agency is not INVALID and settings is not INVALID:
                check_surveys(agency, settings, year, (path, agency_file), sources, validator)
        validator.errors[errors:] = sources.add_lines(validator.errors[errors:])
        validator.warnings[warnings:] = sources.add_lines(validator.warnings[warnings:])
        sources.release(path)
        loaded.append((path, year))
    years = sorted(((p, y) for p, y in loaded if y is not INVALID), key=lambda pair: pair[1].fiscal_year)
    content = load_content(data_dir, sources, validator)
    oit = []
    if content is not INVALID:
        # A year file that failed validation still exists: counting it by its name keeps one mistake
        # from being reported twice (once in years/, once as "no such year" by its OIT file).
        numbers = [y.fiscal_year for _, y in years] + [int(p.stem) for p in year_files if p.stem.isdigit()]
        site_url = None if settings is INVALID else settings.site_url
        oit = load_oit(OitContext(data_dir, numbers, content, site_url), sources, validator)
    # Cross-field checks run on every record that validated, even when another file did not, so
    # that one build reports every mistake it can see.
    check_unique_years([y for _, y in years], data_dir, validator)
    if validator.errors:
        raise DataError(sources.add_lines(validator.errors))  # cross-field checks know fields, not lines
    site = Site(agency, settings, [y for _, y in years], data_dir, content, oit)
    return LoadResult(site, sources.add_lines(validator.warnings))


def _refuse_half_imported(data_dir: Path) -> None:
    """A site built from a half-swapped import would publish this year's files beside last year's."""
    if (data_dir / IMPORT_JOURNAL).exists():
        raise DataError(
            [
                Problem(
                    Location(data_dir / IMPORT_JOURNAL),
                    "การนำเข้าจากไฟล์ Excel (make import) หยุดกลางคัน โฟลเดอร์ข้อมูลมีทั้งไฟล์เก่าและไฟล์ใหม่ จึงไม่สร้างเว็บไซต์: สั่ง make import อีกครั้ง (ระบบจะย้อนไฟล์ที่ค้างกลับก่อนนำเข้า)",
                    "an import from a workbook (make import) stopped half-way and the data folder holds old and new files, so nothing is built: run make import again (it first puts back what was left half-done)",
                )
            ]
        )


def _load_file(cls: type[T], path: Path, sources: SourceFiles, validator: Validator) -> T:
    try:
        document = sources.read(path)
    except DataError as exc:
        validator.errors.extend(exc.problems)
        return INVALID  # type: ignore[no-any-return]
    return load_record(cls, document, validator)


def _reused_year(path: Path, sources: SourceFiles, validator: Validator) -> FiscalYear:
    """A year file's record from the last build if its bytes are unchanged, with its problems said
    again; else validated now and kept. The records are most of a large site's data."""
    memo = sources.memo
    if memo is None:
        return _load_year(path, sources, validator)
    with contextlib.suppress(DataError):  # said by _load_year below, from the kept parse
        sources.read(path)  # the bytes' digest, and the parse when they changed
    kept = memo.validated.get(path)
    if kept is None or kept.digest != sources.digests.get(path):
        errors, warnings = len(validator.errors), len(validator.warnings)
        fresh = _load_year(path, sources, validator)
        memo.validations += 1
        kept = ValidatedFile(
            sources.digests.get(path, ""), fresh, validator.errors[errors:], validator.warnings[warnings:]
        )
        memo.validated[path] = kept
        return fresh
    validator.errors.extend(kept.errors)
    validator.warnings.extend(kept.warnings)
    reused: FiscalYear = kept.record
    return reused


def _load_year(path: Path, sources: SourceFiles, validator: Validator) -> FiscalYear:
    year = _load_file(FiscalYear, path, sources, validator)
    if year is not INVALID and path.stem != str(year.fiscal_year):
        validator.error(
            sources.locate(path, "fiscal_year"),
            f"ชื่อไฟล์ต้องเป็นปีงบประมาณ {year.fiscal_year}.yml ให้ตรงกับ fiscal_year แต่ชื่อไฟล์คือ {path.name}",
            f"the file name must match fiscal_year ({year.fiscal_year}.yml); found {path.name}",
        )
    return year
