"""A site's OIT data: for one fiscal year, the checklist it answers and the evidence of every item.

``data/oit/<fiscal year>.yml`` (documented in data/README.md, section "OIT")::

    fiscal_year: 2569
    checklist: ita-2569          # optional: a built-in list, or a .yml file of the site's own
    corrections: [...]           # optional: reworded, re-dated or extra items
    items:
      O1: [{page: structure}, {page: duties}]
      O5: {evidence: [{document: plan-2566-2570}], explanation: ข้อความสำหรับระบบ ITAS}

Evidence is a generated page (``page: measures``, ``page: 2568/progress-12-month#progress-m1``),
a document of documents.yml (``document: <id>``) or an outside address (``url: https://…``).
Whether a page and its section exist is checked once the pages are generated (``evidence.py``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .checklist import Checklist, ItemCorrection, apply_corrections, choose_checklist, normalise_code
from .content import AgencyContent
from .content_loader import check_document_id, load_content, locate
from .errors import DataError, Location
from .schema import INVALID, Url, Validator, load_record
from .text import MarkdownText
from .yaml_source import YamlMap, load_yaml_file

OIT_DIR = "oit"
PAGE_REFERENCE = re.compile(r"^(?:(?P<year>\d{4}|previous)/)?(?P<page>[a-z0-9][a-z0-9-]*)(?:#(?P<anchor>[\w-]+))?$")


@dataclass(frozen=True)
class Evidence:
    """One link an assessor opens: exactly one of page, document or url."""

    page: str | None = None
    document: str | None = None
    url: Url | None = None
    title: str | None = None
    """Link text; by default the page title, the document title or the address."""
    location: Location | None = field(default=None, compare=False)

    @classmethod
    def from_yaml(cls, value: Any, location: Location, validator: Validator) -> Any:
        fields = validator.record(_EvidenceFields, value, location)
        if fields is INVALID:
            return INVALID
        given = [name for name in ("page", "document", "url") if getattr(fields, name) is not None]
        if len(given) != 1:
            found = ", ".join(given) or "ไม่มี / none"
            return validator.error(
                location,
                f"หลักฐานแต่ละรายการต้องมีอย่างใดอย่างหนึ่ง: page:, document: หรือ url: (พบ {found})",
                f"each piece of evidence needs exactly one of page:, document: or url: (found {found})",
            )
        if fields.page is not None and not PAGE_REFERENCE.match(fields.page):
            return validator.error(
                location.child("page"),
                f"ชื่อหน้าต้องเป็นเช่น structure, measures, 2568/progress-12-month หรือ measures#measure-m1 แต่พบ '{fields.page}'",
                f"a page is written like structure, measures, 2568/progress-12-month or measures#measure-m1; found '{fields.page}'",
            )
        return cls(fields.page, fields.document, fields.url, fields.title, location)


@dataclass(frozen=True)
class _EvidenceFields:
    page: str | None = None
    document: str | None = None
    url: Url | None = None
    title: str | None = None


@dataclass(frozen=True)
class ItemEvidence:
    evidence: list[Evidence]
    explanation: MarkdownText | None = None
    """What the agency writes beside the URL in ITAS; shown on the assessors' page and in the sheet."""

    @classmethod
    def from_yaml(cls, value: Any, location: Location, validator: Validator) -> Any:
        if isinstance(value, list):  # the short form: the evidence list alone
            evidence = validator.value(list[Evidence], value, location, {})
            return INVALID if evidence is INVALID else cls(evidence)
        fields = validator.record(_ItemFields, value, location)
        return INVALID if fields is INVALID else cls(fields.evidence, fields.explanation)


@dataclass(frozen=True)
class _ItemFields:
    evidence: list[Evidence] = field(default_factory=list)
    explanation: MarkdownText | None = None


@dataclass(frozen=True)
class _OitFile:
    fiscal_year: int = field(metadata={"minimum": 2500, "maximum": 2700})
    checklist: str | None = None
    corrections: list[ItemCorrection] = field(default_factory=list)
    items: dict[str, ItemEvidence] = field(default_factory=dict)
    url_sheet: bool | None = None
    """Publish the URL sheet (CSV and JSON) for ITAS: true needs ``site_url`` in site.yml; by default
    the sheet is made whenever ``site_url`` is set."""


@dataclass(frozen=True)
class OitYear:
    fiscal_year: int
    checklist: Checklist
    items: dict[str, ItemEvidence]
    url_sheet: bool
    file: Path
    sheet_needs_site_url: bool = False
    """The sheet was left out only because site.yml has no ``site_url`` (said in the build output)."""


def load_oit(
    data_dir: Path, year_numbers: list[int], content: AgencyContent, site_url: str | None, validator: Validator
) -> list[OitYear]:
    """Every ``oit/<fiscal year>.yml``, oldest first, with codes and document ids checked."""
    years = [_load_year(p, data_dir, year_numbers, content, site_url, validator) for p in _files(data_dir)]
    return sorted((y for y in years if y is not None), key=lambda y: y.fiscal_year)


def _files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / OIT_DIR).glob("*.yml"))


def _load_year(
    path: Path,
    data_dir: Path,
    year_numbers: list[int],
    content: AgencyContent,
    site_url: str | None,
    validator: Validator,
) -> OitYear | None:
    """One OIT file, or None when it is invalid (its problems are recorded)."""
    try:
        raw = load_yaml_file(path)
    except DataError as exc:
        validator.errors.extend(exc.problems)
        return None
    parsed = load_record(_OitFile, raw, path, validator)
    if parsed is INVALID:
        return None
    year_at = locate(path, "fiscal_year")
    if path.stem != str(parsed.fiscal_year):
        validator.error(
            year_at,
            f"ชื่อไฟล์ต้องเป็น {parsed.fiscal_year}.yml ให้ตรงกับ fiscal_year แต่ชื่อไฟล์คือ {path.name}",
            f"the file name must match fiscal_year ({parsed.fiscal_year}.yml); found {path.name}",
        )
    if parsed.fiscal_year not in year_numbers:
        validator.error(
            year_at,
            f"ไม่มีไฟล์ years/{parsed.fiscal_year}.yml ของปีงบประมาณนี้ หน้ารายการ OIT ต้องอยู่ในปีงบประมาณที่มีข้อมูล",
            f"there is no years/{parsed.fiscal_year}.yml; an OIT checklist belongs to a fiscal year of the site",
        )
    checklist_at = locate(path, "checklist") if isinstance(raw, YamlMap) and "checklist" in raw else year_at
    checklist = choose_checklist(parsed.checklist, parsed.fiscal_year, data_dir, checklist_at, validator)
    if checklist is INVALID:
        return None
    checklist = apply_corrections(checklist, parsed.corrections, locate(path, "corrections"), validator)
    items = {normalise_code(code): entry for code, entry in parsed.items.items()}
    _check_items(path, parsed, checklist, content, validator)
    if parsed.url_sheet is True and not site_url:
        validator.error(
            locate(path, "url_sheet") if "url_sheet" in raw else year_at,
            "รายการ URL สำหรับระบบ ITAS ต้องใช้ที่อยู่เว็บไซต์: เพิ่ม site_url: https://… ใน site.yml หรือใส่ url_sheet: false",
            "the URL sheet for ITAS needs the site's address: add site_url: https://… to site.yml, or set url_sheet: false",
        )
    url_sheet = bool(site_url) if parsed.url_sheet is None else parsed.url_sheet
    needs_site_url = parsed.url_sheet is None and not site_url
    return OitYear(parsed.fiscal_year, checklist, items, url_sheet, path, needs_site_url)


def _check_items(
    path: Path, parsed: _OitFile, checklist: Checklist, content: AgencyContent, validator: Validator
) -> None:
    for code, entry in parsed.items.items():
        code_at = locate(path, "items", code)
        if checklist.item(normalise_code(code)) is None:
            guess = difflib.get_close_matches(normalise_code(code), checklist.codes, n=1)
            hint = (f" หมายถึง {guess[0]} หรือไม่?", f"; did you mean {guess[0]}?") if guess else ("", "")
            validator.error(
                code_at,
                f"ไม่มีข้อ {code} ในรายการตรวจ ITA {checklist.ita_year}{hint[0]} (ข้อที่มี: {checklist.codes[0]}–{checklist.codes[-1]})",
                f"there is no item {code} in the ITA {checklist.ita_year} checklist{hint[1]}",
            )
        for evidence in entry.evidence:
            if evidence.document is not None:
                where = evidence.location.child("document") if evidence.location else code_at
                check_document_id(evidence.document, content, where, validator)


def load_content_and_oit(
    data_dir: Path, years: list[Any], settings: Any, validator: Validator
) -> tuple[AgencyContent, list[OitYear]]:
    """The agency's content files, then the OIT files that point into them (see ``load_site``)."""
    content = load_content(data_dir, validator)
    if content is INVALID:
        return content, []
    # A year file that failed validation still exists: counting it by its name keeps one mistake
    # from being reported twice (once in years/, once as "no such year" here).
    numbers = [y.fiscal_year for y in years if y is not INVALID]
    numbers += [int(p.stem) for p in (data_dir / "years").glob("*.yml") if p.stem.isdigit()]
    site_url = None if settings is INVALID else settings.site_url
    return content, load_oit(data_dir, numbers, content, site_url, validator)
