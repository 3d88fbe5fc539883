"""A Word document → ``years/<year>.yml``, checked by the same loader as a build, written all or nothing.

The year's file is written into a copy of the data folder and the whole site loaded from there, as
the workbook import does; only when the copy loads, and no file would be overwritten without
``force``, is the file put in place (by the workbook import's writer). The review of what the
import skipped heads the file as comments.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from ...load.site import load_site
from ...problems import DataError, Location, Problem
from ..workbook.importing import Imported, require_agency_file
from ..workbook.yaml_text import data_file_text, schema_line
from .reading import read_document
from .review import Review


def read_docx_import(document: Path, data: Path, today: dt.date | None = None) -> tuple[Imported, Review]:
    """Read the document and check its year against the data folder; raise DataError. Writes nothing."""
    require_agency_file(data)
    year, review = read_document(document, today)
    name = f"years/{year['fiscal_year']}.yml"
    header = [
        f"# ร่างที่นำเข้าจาก {document.name} ด้วย make import-docx: ตรวจทานกับเอกสารก่อนเผยแพร่",
        f"# A draft imported from {document.name} by make import-docx: check it against the document before publishing.",
    ]
    existing_text = (data / name).read_text(encoding="utf-8") if (data / name).is_file() else None
    existing = _plain_values(existing_text) if existing_text is not None else None
    known = _measures_of(existing)
    if existing is not None and "measures" not in year and known:
        # A report of its own: its rows answer the measures the year's file already holds.
        year, review = read_document(document, today, known)
        if year.get("progress_reports") and existing_text is not None:
            return _report_added(document, data, name, existing_text, existing, year, review, header)
    comment = "\n".join([*header, *(f"# {line}".rstrip() for line in review.report())])
    text = data_file_text(data / name, year, comment)
    warnings = _load_with(name, text, data, document)
    return Imported({name: text}, [name] if existing_text is not None else [], warnings), review


def _report_added(
    document: Path,
    data: Path,
    name: str,
    existing_text: str,
    existing: dict[str, Any],
    year: dict[str, Any],
    review: Review,
    header: list[str],
) -> tuple[Imported, Review]:
    """The year's file with the document's progress report (and survey announcements): appended as
    text when the file has neither yet (the office's own comments and wording stay as typed, so
    nothing is overwritten); else the whole file written again with the report of that round and
    the announcements replaced, which needs --force."""
    added: dict[str, Any] = {key: year[key] for key in ("progress_reports", "surveys") if key in year}
    comment = "\n".join([*header, *(f"# {line}".rstrip() for line in review.report())])
    if not added.keys() & existing.keys():
        text = f"{existing_text.rstrip()}\n\n{comment}\n{_yaml_body(data / name, added)}"
        return Imported({name: text}, [], _load_with(name, text, data, document)), review
    merged = existing | added
    if "progress_reports" in existing and "progress_reports" in added:
        rounds = {report["round"] for report in added["progress_reports"]}
        kept = [report for report in existing["progress_reports"] if report.get("round") not in rounds]
        merged["progress_reports"] = [*kept, *added["progress_reports"]]
    text = data_file_text(data / name, merged, comment)
    return Imported({name: text}, [name], _load_with(name, text, data, document)), review


def _measures_of(year: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The measures (id and title) of a year's file as plain values, those that have both."""
    measures = year.get("measures") if year else None
    items = measures.get("items") if isinstance(measures, dict) else None
    if not isinstance(items, list):
        return []
    return [
        {"id": str(item["id"]), "title": item["title"]}
        for item in items
        if isinstance(item, dict) and "id" in item and isinstance(item.get("title"), str)
    ]


def _yaml_body(file: Path, value: dict[str, Any]) -> str:
    """``value`` as the workbook import writes it, without the file's schema line (it is there)."""
    return data_file_text(file, value, "")[len(schema_line(file)) + 1 :]


def _plain_values(text: str) -> dict[str, Any] | None:
    """A year's file as plain values (dates as typed), or None when it is not a mapping YAML reads."""
    try:
        values = yaml.load(text, Loader=_TextDates)
    except yaml.YAMLError:
        return None
    return values if isinstance(values, dict) else None


class _TextDates(yaml.SafeLoader):
    """Dates kept as the text typed (``2565-01``), as the project's loader reads them."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_with(name: str, text: str, data: Path, document: Path) -> list[Problem]:
    """Load the site as it will be with the new year; its problems named in the data folder."""
    with tempfile.TemporaryDirectory(prefix="ita-import-docx-") as temporary:
        copy = Path(temporary) / data.name
        shutil.copytree(data, copy, symlinks=True, copy_function=_link_or_copy)
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # a link to the original must not be written through
        target.write_text(text, encoding="utf-8")
        try:
            result = load_site(copy)
        except DataError as error:
            told = [_told(problem, copy, data) for problem in error.problems]
            told.append(
                Problem(
                    Location(document),
                    f"ร่างปีงบประมาณที่ได้จากเอกสารนี้ ({name}) อ่านไม่ผ่านตามรายการข้างบน",
                    f"the draft year made from this document ({name}) does not load, as listed above",
                )
            )
            raise DataError(told) from None
        return [_told(problem, copy, data) for problem in result.warnings]


def _told(problem: Problem, copy: Path, data: Path) -> Problem:
    try:
        relative = problem.location.file.relative_to(copy)
    except ValueError:
        return problem  # a built-in checklist: not in the data folder
    return replace(problem, location=replace(problem.location, file=data / relative))


def _link_or_copy(source: str, target: str) -> object:
    """Documents and images are linked into the copy, copied where the disk cannot link."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
    return target
