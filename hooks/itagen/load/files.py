"""Checks on the files around the data: files that data names and the build publishes (the logo,
documents, photos), and stray files in ``years/`` that the build would skip without a word.
What each field may publish is in ``file_types.py``.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..problems import Location
from ..records.agency import Agency
from ..source.data_files import Unreadable, read_regular_file
from .file_types import LOGO, FileKind, content_problem
from .schema import Validator


def check_logo(agency: Agency, data_dir: Path, validator: Validator) -> None:
    """The logo is copied into the public site and shown on every page."""
    if agency.logo:
        where = Location(data_dir / "agency.yml", None, "logo")
        check_published_file(agency.logo, data_dir, where, validator, LOGO)


def check_year_files(data_dir: Path, validator: Validator) -> None:
    """Files in ``years/`` that the build would skip without a word."""
    years = data_dir / "years"
    if not years.is_dir():
        validator.warn(
            Location(years),
            "ไม่พบโฟลเดอร์ years/ จึงยังไม่มีหน้าของปีงบประมาณใด",
            "there is no years/ directory, so the site has no fiscal-year pages",
        )
        return
    try:
        entries = sorted(years.iterdir())
    except OSError as exc:
        validator.error(
            Location(years),
            f"อ่านโฟลเดอร์ years/ ไม่ได้ ({exc.strerror})",
            f"cannot read the folder years/ ({exc.strerror})",
        )
        return
    for path in entries:
        if path.name.startswith(".") or path.name.endswith("~") or path.suffix == ".yml":
            continue  # hidden files and editor backups: nobody meant them as data
        if path.suffix.lower() in (".yaml", ".yml"):
            validator.error(
                Location(path),
                f"ระบบอ่านเฉพาะไฟล์ที่ลงท้ายด้วย .yml ให้เปลี่ยนชื่อไฟล์เป็น {path.stem}.yml",
                f"only files ending in .yml are read; rename this file to {path.stem}.yml",
            )
        else:
            validator.warn(
                Location(path),
                "ไฟล์นี้ไม่ใช่ไฟล์ข้อมูลปีงบประมาณ (.yml) ระบบข้ามไป ย้ายออกจากโฟลเดอร์ years/",
                "this is not a fiscal-year data file (.yml) and is skipped; move it out of years/",
            )


def check_published_file(name: str, data_dir: Path, where: Location, validator: Validator, kind: FileKind) -> None:
    """A file that data names and the site publishes: inside the data folder, a regular file under
    the kind's size limit, of a type the field allows, with the content of that type."""
    path = (data_dir / name).resolve()
    if not path.is_relative_to(data_dir.resolve()):
        validator.error(
            where,
            f"ไฟล์{kind.thai} '{name}' อยู่นอกโฟลเดอร์ข้อมูล {data_dir.name}/ ไฟล์ต้องอยู่ในโฟลเดอร์ข้อมูล ให้คัดลอกมาไว้ในโฟลเดอร์นั้น",
            f"the {kind.english} file '{name}' lies outside the data directory {data_dir.name}/; it must be inside the data directory, so copy it there",
        )
        return
    try:
        exists = path.exists()
    except OSError as exc:  # a folder on the way that cannot be read
        validator.error(
            where,
            f"อ่านไฟล์{kind.thai} '{name}' ไม่ได้ ({exc.strerror})",
            f"cannot read the {kind.english} file '{name}' ({exc.strerror})",
        )
        return
    if not exists:
        if (twin := _same_name_other_encoding(path)) is not None:
            validator.error(
                where,
                f"ไม่พบไฟล์{kind.thai} '{name}' แต่มีไฟล์ '{twin.name}' ที่ดูเหมือนกันแต่เก็บสระไทยต่างแบบกัน (เช่น ำ เป็น ํ + า) พิมพ์ชื่อไฟล์ใหม่ทั้งในข้อมูลและที่ไฟล์",
                f"the {kind.english} file '{name}' does not exist, but '{twin.name}' looks the same with its Thai vowels stored differently (Unicode NFC/NFD); retype the name in the data and on the file",
            )
            return
        validator.error(
            where,
            f"ไม่พบไฟล์{kind.thai} '{name}' (ตำแหน่งนับจากโฟลเดอร์ {data_dir.name}/) ตรวจชื่อไฟล์และโฟลเดอร์",
            f"the {kind.english} file '{name}' does not exist (paths are relative to {data_dir.name}/)",
        )
        return
    try:
        content = read_regular_file(path, kind.limit)
    except Unreadable as unreadable:
        validator.error(
            where,
            f"ไฟล์{kind.thai} '{name}': {unreadable.thai}",
            f"the {kind.english} file '{name}': {unreadable.english}",
        )
        return
    if problem := content_problem(path.name, path.suffix.lower(), content, kind):
        validator.error(where, *problem)


def _same_name_other_encoding(path: Path) -> Path | None:
    """A file beside ``path`` whose name is the same text in another Unicode form: ำ typed as ํ + า,
    or accents decomposed as macOS writes them."""
    wanted = unicodedata.normalize("NFKD", path.name)
    try:
        siblings = list(path.parent.iterdir()) if path.parent.is_dir() else []
    except OSError:
        return None
    return next((p for p in siblings if p.name != path.name and unicodedata.normalize("NFKD", p.name) == wanted), None)
