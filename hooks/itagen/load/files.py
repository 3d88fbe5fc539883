"""Checks on the files around the data: files that data names and the build publishes (the logo,
documents, photos), and stray files in ``years/`` that the build would skip without a word.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import Location
from ..records.agency import Agency
from .schema import Validator

LOGO_TYPES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".svg": (),
}
"""Image types a browser shows as a logo, with the bytes their files start with."""
MAX_LOGO_BYTES = 2_000_000
# An SVG opened at its own address runs its scripts with the site's origin.
_ACTIVE_SVG = re.compile(r"<script|<foreignObject|\bon[a-z]+\s*=|javascript:", re.IGNORECASE)


def check_logo(agency: Agency, data_dir: Path, validator: Validator) -> None:
    """The logo must be an image file inside the data directory: it is copied into the public site."""
    if not agency.logo:
        return
    where = Location(data_dir / "agency.yml", None, "logo")
    logo = (data_dir / agency.logo).resolve()
    if not logo.is_relative_to(data_dir.resolve()):
        validator.error(
            where,
            f"ไฟล์โลโก้ '{agency.logo}' อยู่นอกโฟลเดอร์ข้อมูล {data_dir.name}/ ให้คัดลอกไฟล์มาไว้ในโฟลเดอร์นั้น",
            f"the logo file '{agency.logo}' lies outside the data directory {data_dir.name}/; copy it there",
        )
        return
    if not logo.is_file():
        validator.error(
            where,
            f"ไม่พบไฟล์โลโก้ '{agency.logo}' (ตำแหน่งนับจากโฟลเดอร์ {data_dir.name})",
            f"the logo file '{agency.logo}' does not exist (paths are relative to {data_dir.name}/)",
        )
        return
    kinds = ", ".join(LOGO_TYPES)
    signatures = LOGO_TYPES.get(logo.suffix.lower())
    if signatures is None:
        validator.error(
            where,
            f"ไฟล์โลโก้ต้องเป็นรูปภาพชนิด {kinds} แต่พบ '{logo.name}'",
            f"the logo must be an image ({kinds}); found '{logo.name}'",
        )
        return
    content = logo.read_bytes()
    if len(content) > MAX_LOGO_BYTES:
        validator.error(
            where,
            f"ไฟล์โลโก้ใหญ่เกินไป ({len(content):,} ไบต์ เกิน {MAX_LOGO_BYTES:,}) ย่อขนาดรูปก่อน",
            f"the logo is too large ({len(content):,} bytes, over {MAX_LOGO_BYTES:,}); make it smaller",
        )
    elif signatures and not content.startswith(signatures):
        validator.error(
            where,
            f"ไฟล์ '{logo.name}' ไม่ใช่รูปภาพชนิด {logo.suffix.lower()} จริง (อาจเปลี่ยนนามสกุลไฟล์) ให้บันทึกรูปใหม่",
            f"'{logo.name}' is not really a {logo.suffix.lower()} image (was the extension renamed?); save the image again",
        )
    elif not signatures and _ACTIVE_SVG.search(content.decode("utf-8", "replace")):
        validator.error(
            where,
            f"ไฟล์ SVG '{logo.name}' มีสคริปต์หรือคำสั่ง on…= ซึ่งห้ามเผยแพร่ ให้ส่งออกรูปใหม่เป็น PNG",
            f"the SVG '{logo.name}' contains scripts or on…= handlers, which must not be published; export it as PNG",
        )


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
    for path in sorted(years.iterdir()):
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


def check_data_file(name: str, data_dir: Path, where: Location, validator: Validator, what: tuple[str, str]) -> None:
    """A file named in data must exist inside the data directory."""
    path = (data_dir / name).resolve()
    if not path.is_relative_to(data_dir.resolve()):
        validator.error(
            where,
            f"ไฟล์{what[0]} '{name}' ต้องอยู่ในโฟลเดอร์ข้อมูล {data_dir.name}/",
            f"the {what[1]} file '{name}' must be inside the data directory {data_dir.name}/",
        )
    elif not path.is_file():
        validator.error(
            where,
            f"ไม่พบไฟล์{what[0]} '{name}' (ตำแหน่งนับจากโฟลเดอร์ {data_dir.name}/) ตรวจชื่อไฟล์และโฟลเดอร์",
            f"the {what[1]} file '{name}' does not exist (paths are relative to {data_dir.name}/)",
        )
