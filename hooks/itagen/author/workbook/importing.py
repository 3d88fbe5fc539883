"""A filled workbook → data files, checked as a build checks them, written all or nothing.

The files are first written into a copy of the data folder (files linked, not copied, where the
disk allows) and the whole site is loaded from there, then planned and rendered by the checks the
caller gives (the engine's later stages, which ``author`` may not import): the workbook's mistakes
come out as the build's own Thai and English messages, told by sheet, row and column instead of
line and field. Only when the copy builds, and no file would be overwritten without ``force``, are
the files swapped into the data folder (``swapping``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ...load.site import load_site
from ...problems import DataError, Location, Problem
from ...records.record import record
from ...records.site import Site
from ...source.yaml_file import MAX_FILE_BYTES
from .layout import DATA_SHEETS, INSTRUCTIONS
from .locations import CellLocation
from .opening import open_workbook
from .reading import data_files, read_workbook
from .rows import Files
from .swapping import swap_in
from .time_limit import READING_SECONDS, ReadingTooSlow, reading_time_limit
from .yaml_text import data_file_text


@record
class Imported:
    texts: dict[str, str]
    """Relative path in the data folder → the file's text."""
    existing: list[str]
    """Those of them already in the data folder."""
    warnings: list[Problem]


BuildCheck = Callable[[Site], None]
"""What a build does with a loaded site after loading it (plan and render), raising DataError."""


def require_agency_file(data: Path) -> None:
    """An import fills the years of an agency whose own file is already written; raise DataError if not."""
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


def read_import(workbook: Path, data: Path, build_check: BuildCheck | None = None) -> Imported:
    """Read and check the workbook against the data folder; raise DataError naming cells. Writes nothing."""
    require_agency_file(data)
    try:
        with reading_time_limit():
            sheets, others = open_workbook(workbook, DATA_SHEETS, INSTRUCTIONS)
            files = read_workbook(workbook, sheets)
    except ReadingTooSlow as slow:
        raise DataError([_too_slow(workbook, slow)]) from None
    comment = (
        f"# นำเข้าจาก {workbook.name} ด้วย make import: แก้ที่ไฟล์นี้ หรือแก้ในไฟล์ Excel แล้วนำเข้าใหม่ (FORCE=1)\n"
        f"# Imported from {workbook.name} by make import: edit this file, or the workbook and import again (FORCE=1)."
    )
    values = data_files(files)
    texts = {name: data_file_text(data / name, value, comment) for name, value in values.items()}
    oversized = [_oversized(name, text, values[name], files) for name, text in texts.items()]
    if any(oversized):
        raise DataError([*files.problems, *(problem for problem in oversized if problem is not None)])
    try:
        warnings = _load_with(texts, data, files, build_check)
    except DataError as error:
        # The workbook's own mistakes and the loader's, once each: a cell refused here was left out,
        # so the loader may call it missing.
        refused = {problem.location for problem in files.problems}
        raise DataError([*files.problems, *(p for p in error.problems if p.location not in refused)]) from None
    if files.problems:
        raise DataError(files.problems)
    for name in others:  # a renamed sheet would otherwise be left out without a word
        warnings.append(
            Problem(
                CellLocation(workbook, sheet=name),
                "แผ่นงานนี้ไม่ใช่ของแบบฟอร์ม ระบบไม่ได้อ่าน (หากเปลี่ยนชื่อแผ่นงานของแบบฟอร์ม ให้ใช้ชื่อเดิม)",
                "this sheet is not the template's and was not read (if you renamed one of the template's sheets, give it its name back)",
            )
        )
    existing = [name for name in texts if (data / name).exists()]
    return Imported(texts, existing, warnings)


def _too_slow(workbook: Path, slow: ReadingTooSlow) -> Problem:
    return Problem(
        slow.where or CellLocation(workbook),
        f"อ่านไฟล์ Excel นานเกิน {READING_SECONDS:.0f} วินาที ซึ่งนานกว่าแบบฟอร์มของหน่วยงานใดมาก จึงหยุด"
        + (" ที่เซลล์นี้ (มีช่องว่างหรืออักขระซ้ำกันหลายพันตัวหรือไม่?)" if slow.where else ""),
        f"reading the workbook took more than {READING_SECONDS:.0f} s, far longer than any agency's workbook, so it was stopped"
        + (" at this cell (thousands of spaces or repeated characters in it?)" if slow.where else ""),
    )


def _oversized(name: str, text: str, value: Any, files: Files) -> Problem | None:
    """A data file larger than a build reads, told by the file and the longest cells that fill it
    (the build itself could only name the file, and the import its first cell)."""
    size = len(text.encode("utf-8"))
    if size <= MAX_FILE_BYTES:
        return None
    longest = sorted(_texts(value, ""), key=lambda pair: -len(pair[1]))[:3]
    cells = [(files.locate(name, path), len(typed)) for path, typed in longest]
    shown = ", ".join(
        f"'{where.sheet}'!{where.column}{where.row} ({length:,})"
        for where, length in cells
        if isinstance(where, CellLocation)
    )
    return Problem(
        next((where for where, _ in cells if where is not None), CellLocation(files.workbook)),
        f"ข้อมูลของไฟล์ {name} จากไฟล์ Excel มีขนาด {size:,} ไบต์ เกินขีดจำกัด {MAX_FILE_BYTES:,} ไบต์ของไฟล์ข้อมูล "
        f"เซลล์ที่ยาวที่สุด (ตัวอักษร): {shown} ย่อข้อความ หรือแนบเป็นเอกสารแทน",
        f"the workbook's data for {name} comes to {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} for a data file; "
        f"the longest cells (characters): {shown}; shorten them, or attach the text as a document instead",
    )


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every text of a file's value with its field path (``measures.items[2].steps[1]``)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _texts(item, f"{path}[{index}]")


def write_import(imported: Imported, data: Path) -> list[Path]:
    """Put the files in place, all or none (``swapping.WriteFailed`` says what happened)."""
    return swap_in(imported.texts, data)


def _load_with(texts: dict[str, str], data: Path, files: Files, build_check: BuildCheck | None) -> list[Problem]:
    """Load (and build) the site as it will be with the new files; its problems told by cell where
    they are the workbook's."""
    with tempfile.TemporaryDirectory(prefix="ita-import-") as temporary:
        copy = Path(temporary) / data.name
        shutil.copytree(data, copy, symlinks=True, copy_function=_link_or_copy)
        for name, text in texts.items():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            (copy / name).unlink(missing_ok=True)  # a link to the original must not be written through
            (copy / name).write_text(text, encoding="utf-8")
        try:
            result = load_site(copy)
            if build_check is not None:
                build_check(result.site)
        except DataError as error:
            raise DataError([_told(p, copy, data, files) for p in error.problems]) from None
        return [_told(p, copy, data, files) for p in result.warnings]


def _told(problem: Problem, copy: Path, data: Path, files: Files) -> Problem:
    where = problem.location
    try:
        name = where.file.relative_to(copy).as_posix()
    except ValueError:
        return problem  # a built-in checklist: not in the data folder
    cell = files.locate(name, where.field)
    if cell is None:
        return replace(problem, location=replace(where, file=data / name))
    return replace(problem, location=cell)


def _link_or_copy(source: str, target: str) -> object:
    """Documents and images are linked into the copy (no second copy of every PDF), copied where
    the disk cannot link."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
    return target
