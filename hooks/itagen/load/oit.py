"""Reading a site's OIT files (``oit/<fiscal year>.yml``, records in ``records/oit.py``).

Each file names the checklist it answers and the evidence of every item. Item codes must be in
the checklist and document ids in documents.yml; whether an evidence page and its section exist
is known only once the pages are rendered (``render/evidence.py``).
"""

from __future__ import annotations

import difflib
from dataclasses import field
from pathlib import Path

from ..problems import DataError
from ..records.content import AgencyContent
from ..records.oit import Checklist, ItemCorrection, ItemEvidence, OitYear, normalise_code
from ..records.record import record
from ..source.yaml_tree import YamlMap
from .checklist import apply_corrections, choose_checklist
from .content import check_document_id
from .schema import INVALID, Validator, load_record
from .sources import SourceFiles

OIT_DIR = "oit"


@record
class OitFile:
    """What an ``oit/<fiscal year>.yml`` holds, before its checklist is chosen and its items checked."""

    fiscal_year: int = field(metadata={"minimum": 2500, "maximum": 2700})
    checklist: str | None = None
    corrections: list[ItemCorrection] = field(default_factory=list)
    items: dict[str, ItemEvidence] = field(default_factory=dict)
    url_sheet: bool | None = None
    """Publish the URL sheet (CSV and JSON) for ITAS: true needs ``site_url`` in site.yml; by default
    the sheet is made whenever ``site_url`` is set."""


@record
class OitContext:
    """What the OIT files are checked against: the rest of the site, loaded before them."""

    data_dir: Path
    year_numbers: list[int]
    """Fiscal years with a file in years/, valid or not (so one mistake is not reported twice)."""
    content: AgencyContent
    site_url: str | None


def load_oit(context: OitContext, sources: SourceFiles, validator: Validator) -> list[OitYear]:
    """Every ``oit/<fiscal year>.yml``, oldest first, with codes and document ids checked."""
    files = sorted((context.data_dir / OIT_DIR).glob("*.yml"))
    years = [_load_year(path, context, sources, validator) for path in files]
    return sorted((y for y in years if y is not None), key=lambda y: y.fiscal_year)


def _load_year(path: Path, context: OitContext, sources: SourceFiles, validator: Validator) -> OitYear | None:
    """One OIT file, or None when it is invalid (its problems are recorded)."""
    try:
        document = sources.read(path)
    except DataError as exc:
        validator.errors.extend(exc.problems)
        return None
    parsed = load_record(OitFile, document, validator)
    if parsed is INVALID:
        return None
    raw, site_url = document.root, context.site_url
    year_at = sources.locate(path, "fiscal_year")
    if path.stem != str(parsed.fiscal_year):
        validator.error(
            year_at,
            f"ชื่อไฟล์ต้องเป็น {parsed.fiscal_year}.yml ให้ตรงกับ fiscal_year แต่ชื่อไฟล์คือ {path.name}",
            f"the file name must match fiscal_year ({parsed.fiscal_year}.yml); found {path.name}",
        )
    if parsed.fiscal_year not in context.year_numbers:
        validator.error(
            year_at,
            f"ไม่มีไฟล์ years/{parsed.fiscal_year}.yml ของปีงบประมาณนี้ หน้ารายการ OIT ต้องอยู่ในปีงบประมาณที่มีข้อมูล",
            f"there is no years/{parsed.fiscal_year}.yml; an OIT checklist belongs to a fiscal year of the site",
        )
    checklist_at = sources.locate(path, "checklist") if isinstance(raw, YamlMap) and "checklist" in raw else year_at
    checklist = choose_checklist(
        parsed.checklist, parsed.fiscal_year, context.data_dir, checklist_at, sources, validator
    )
    if checklist is INVALID:
        return None
    checklist = apply_corrections(checklist, parsed.corrections, sources.locate(path, "corrections"), validator)
    items = {normalise_code(code): entry for code, entry in parsed.items.items()}
    _check_items(path, parsed, checklist, context.content, sources, validator)
    if parsed.url_sheet is True and not site_url:
        validator.error(
            sources.locate(path, "url_sheet") if "url_sheet" in raw else year_at,
            "รายการ URL สำหรับระบบ ITAS ต้องใช้ที่อยู่เว็บไซต์: เพิ่ม site_url: https://… ใน site.yml หรือใส่ url_sheet: false",
            "the URL sheet for ITAS needs the site's address: add site_url: https://… to site.yml, or set url_sheet: false",
        )
    url_sheet = bool(site_url) if parsed.url_sheet is None else parsed.url_sheet
    needs_site_url = parsed.url_sheet is None and not site_url
    return OitYear(parsed.fiscal_year, checklist, items, url_sheet, path, needs_site_url)


def _check_items(
    path: Path,
    parsed: OitFile,
    checklist: Checklist,
    content: AgencyContent,
    sources: SourceFiles,
    validator: Validator,
) -> None:
    for code, entry in parsed.items.items():
        code_at = sources.locate(path, "items", code)
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
