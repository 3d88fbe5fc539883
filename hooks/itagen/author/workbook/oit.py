"""The OIT sheets: the evidence of every checklist item (the URL table offices keep for ITAS), the
checklist a year answers, and corrections to it, to and from ``oit/<year>.yml``.

An item may take several rows, one piece of evidence each: the row that gives its code starts it.
Evidence is a page of the site (``measures``, ``news#fy-2569``), a document id of documents.yml or
an outside link; a link is known by its ``https://``, the others need their kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...load.oit import OitFile
from ...load.readers import READERS
from ...load.schema import INVALID, Validator, load_record
from ...records.oit import PERIOD_NAMES, ItemCorrection
from ...records.site import Site
from ...source.yaml_file import read_yaml_file
from .cells import list_cell
from .layout import EVIDENCE_CHOICES, OIT_CORRECTIONS, OIT_EVIDENCE, OIT_YEARS, YES_NO_CHOICES
from .opening import SheetRows
from .rows import Files, Row, rows_by_year

Rows = dict[str, list[Any]]
OIT_KEYS = ("fiscal_year", "checklist", "corrections", "items", "url_sheet")
KIND_NAMES = {code: name for name, code in EVIDENCE_CHOICES.items()}


def oit_file(number: int) -> str:
    return f"oit/{number}.yml"


def read_oit(found: Mapping[str, SheetRows], files: Files) -> None:
    if OIT_YEARS.name in found:
        for row in rows_by_year(found[OIT_YEARS.name], files, bare=True):
            document = _document(row, files)
            for key in ("checklist", "url_sheet"):
                row.put(document, key, oit_file(row.year), key)
    if OIT_CORRECTIONS.name in found:
        for row in rows_by_year(found[OIT_CORRECTIONS.name], files):
            corrections = _document(row, files).setdefault("corrections", [])
            path = f"corrections[{len(corrections) + 1}]"
            files.at(oit_file(row.year), path, row.where("code"))
            correction: dict[str, Any] = {}
            for column in OIT_CORRECTIONS.columns[1:]:
                row.put(correction, column.key, oit_file(row.year), f"{path}.{column.key}")
            corrections.append(correction)
    if OIT_EVIDENCE.name in found:
        item: tuple[int, str] | None = None
        for row in rows_by_year(found[OIT_EVIDENCE.name], files):
            code = row.value("code")
            starts = row.has("code") and not row.cells["code"].merged_below and bool(code)
            if starts:
                item = (row.year, str(code).upper())
            elif item is None or item[0] != row.year:
                files.error(
                    row.where("code"),
                    "ขาดข้อของแบบตรวจ (เช่น O1) ในแถวนี้",
                    "this row names no checklist item (such as O1)",
                )
                continue
            _evidence(row, item[1], files, starts)
    for document in files.oit.values():
        ordered = {key: document[key] for key in OIT_KEYS if key in document}
        document.clear()
        document.update(ordered)


def _document(row: Row, files: Files) -> dict[str, Any]:
    if row.year not in files.oit:
        files.oit[row.year] = {"fiscal_year": row.year}
        files.at(oit_file(row.year), "", row.where("fiscal_year"))
        files.at(oit_file(row.year), "fiscal_year", row.where("fiscal_year"))
    return files.oit[row.year]


def _evidence(row: Row, code: str, files: Files, starts: bool) -> None:
    """One row of evidence; an explanation merged down across several items explains each of them."""
    file = oit_file(row.year)
    items = _document(row, files).setdefault("items", {})
    entry = items.setdefault(code, {"evidence": []})
    path = f"items.{code}"
    files.at(file, path, row.where("code"))
    explanation = row.value("explanation")
    if explanation and (starts or not row.cells["explanation"].merged_below):
        entry["explanation"] = f"{entry['explanation']}\n{explanation}" if "explanation" in entry else explanation
        files.at(file, f"{path}.explanation", row.where("explanation"))
    target = row.value("target")
    if target is None:
        if not explanation:
            files.error(row.where("target"), "ขาดหลักฐานในแถวนี้", "this row gives no evidence")
        return
    kind = row.value("kind") or ("url" if target.lower().startswith(("https://", "http://")) else None)
    if kind is None:
        names = ", ".join(EVIDENCE_CHOICES)
        files.error(
            row.where("kind"),
            f"เลือกชนิดหลักฐาน ({names}) สำหรับ {target}",
            f"choose the kind of evidence ({names}) for {target}",
        )
        return
    evidence = {kind: target}
    row.put(evidence, "title", file, f"{path}.evidence[{len(entry['evidence']) + 1}].title")
    entry["evidence"].append(evidence)
    where = f"{path}.evidence[{len(entry['evidence'])}]"
    files.at(file, where, row.where("target"))
    files.at(file, f"{where}.{kind}", row.where("target"))


def oit_data(files: Files) -> dict[str, Any]:
    """``oit/<year>.yml`` of every year the OIT sheets hold; an item without explanation as a bare list."""
    written = {}
    for number, document in sorted(files.oit.items()):
        items = document.get("items", {})
        bare = {code for code, entry in items.items() if set(entry) == {"evidence"}}
        for code in bare:
            items[code] = items[code]["evidence"]
        _bare_list_cells(files, oit_file(number), bare)
        written[oit_file(number)] = document
    return written


def _bare_list_cells(files: Files, file: str, bare: set[str]) -> None:
    """The loader names evidence written as a bare list ``items.O5[1]``, not ``items.O5.evidence[1]``.
    One pass over the cells for all items: a workbook may have thousands."""
    for (name, path), where in list(files.cells.items()):
        code, _, rest = path.removeprefix("items.").partition(".")
        if name == file and path.startswith("items.") and code in bare and rest.startswith("evidence"):
            files.at(file, f"items.{code}{rest.removeprefix('evidence')}", where)


# --- export ---------------------------------------------------------------------------------------


def oit_rows(site: Site) -> Rows:
    """The OIT sheets' rows from the files as written (the loaded years hold the checklist already chosen
    and corrected: the file says which list and which corrections)."""
    rows: Rows = {OIT_YEARS.name: [], OIT_EVIDENCE.name: [], OIT_CORRECTIONS.name: []}
    for year in site.oit:
        raw = _raw(year.file)
        fy = raw.fiscal_year
        url_sheet = (
            None
            if raw.url_sheet is None
            else next(k for k, v in YES_NO_CHOICES.items() if v == str(raw.url_sheet).lower())
        )
        rows[OIT_YEARS.name].append({"fiscal_year": fy, "checklist": raw.checklist, "url_sheet": url_sheet})
        rows[OIT_CORRECTIONS.name] += [_correction(fy, c) for c in raw.corrections]
        for code, entry in raw.items.items():
            block: list[dict[str, Any]] = []
            for evidence in entry.evidence:
                kind = "page" if evidence.page else "document" if evidence.document else "url"
                target = evidence.page or evidence.document or evidence.url
                block.append({"kind": KIND_NAMES[kind], "target": target, "title": evidence.title})
            block = block or [{}]
            block[0] = {"fiscal_year": fy, "code": code, "explanation": entry.explanation, **block[0]}
            rows[OIT_EVIDENCE.name].append(block)
    return rows


def _correction(fiscal_year: int, correction: ItemCorrection) -> dict[str, Any]:
    return {
        "fiscal_year": fiscal_year,
        "code": correction.code,
        "name": correction.name,
        "group": correction.group,
        "english": correction.english,
        "checks": correction.checks,
        "period": PERIOD_NAMES[correction.period] if correction.period else None,
        "suggested": list_cell(correction.suggested) if correction.suggested else None,
        "note": correction.note,
    }


def _raw(path: Path) -> OitFile:
    """The OIT file as written; it loaded a moment ago, so it reads again."""
    validator = Validator(READERS)
    raw = load_record(OitFile, read_yaml_file(path), validator)
    if raw is INVALID:
        raise ValueError(f"{path} no longer reads")  # changed on disk between the load and now
    return raw
