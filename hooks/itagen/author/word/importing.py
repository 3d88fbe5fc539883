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

from ...load.site import load_site
from ...problems import DataError, Location, Problem
from ..workbook.importing import Imported
from ..workbook.yaml_text import data_file_text
from .reading import read_document
from .review import Review


def read_docx_import(document: Path, data: Path, today: dt.date | None = None) -> tuple[Imported, Review]:
    """Read the document and check its year against the data folder; raise DataError. Writes nothing."""
    if not (data / "agency.yml").is_file():
        raise DataError(
            [
                Problem(
                    Location(data / "agency.yml"),
                    f"ไม่พบ agency.yml ในโฟลเดอร์ข้อมูล {data} สร้างไฟล์หน่วยงานก่อนนำเข้า (ดู data/README.md)",
                    f"agency.yml is not in the data folder {data}; write the agency's file before importing (see data/README.md)",
                )
            ]
        )
    year, review = read_document(document, today)
    name = f"years/{year['fiscal_year']}.yml"
    comment = "\n".join(
        [
            f"# ร่างที่นำเข้าจาก {document.name} ด้วย make import-docx: ตรวจทานกับเอกสารก่อนเผยแพร่",
            f"# A draft imported from {document.name} by make import-docx: check it against the document before publishing.",
            *(f"# {line}".rstrip() for line in review.report()),
        ]
    )
    text = data_file_text(data / name, year, comment)
    warnings = _load_with(name, text, data, document)
    existing = [name] if (data / name).exists() else []
    return Imported({name: text}, existing, warnings), review


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
