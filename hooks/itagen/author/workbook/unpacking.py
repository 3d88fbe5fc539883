"""A workbook someone sent, unpacked under limits before openpyxl sees a byte of it.

A workbook is a zip of XML files, so a few kilobytes can unpack to gigabytes, and a zip can lie
about the sizes of its members (Python's zip reader then inflates a whole member in one call before
it notices). So every member is inflated here, a piece at a time, counting the bytes that really
come out, and checked against its checksum; openpyxl is then given a new zip made of exactly those
bytes. Every XML part counts toward the sheets' limit wherever it is stored and however it is named
(a sheet need not live in ``xl/worksheets/``), and merged ranges are measured with openpyxl's own
reading of a range, because openpyxl makes an object for every cell a range covers.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as SafeTree  # type: ignore[import-untyped]
from openpyxl.utils.cell import range_boundaries

from ...problems import DataError, Problem
from .locations import CellLocation

MAX_WORKBOOK_BYTES = 20_000_000
MAX_UNPACKED_BYTES = 50_000_000
"""An office's workbook of ten years is well under a megabyte unpacked."""
MAX_SHEET_BYTES = 4_000_000
"""Every XML part (sheets, shared text, styles …), unpacked: openpyxl holds every cell in memory
(twice, once for the values and once to find formulas), a hundred bytes of memory and more per cell."""
MAX_PARTS = 2_000
MAX_MERGED_CELLS = 100_000
"""openpyxl makes two objects for every cell a merged range covers (one per reading), about 0.7 KB
of memory a cell: a million would take 750 MB and 30 s."""
SHEET_ROWS, SHEET_COLUMNS = 1_048_576, 16_384
"""The largest sheet Excel makes: what a range with no end (``A:A``) covers."""
_PIECE = 1 << 16
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
"""The stream Excel and LibreOffice put into an OLE file when a .xlsx is saved with a password."""

SAVE_AS_XLSX = (
    "เปิดไฟล์ใน Excel หรือ LibreOffice แล้วเลือก บันทึกเป็น (Save As) ชนิด 'Excel Workbook (*.xlsx)' แล้วนำเข้าไฟล์ .xlsx นั้น",
    "open it in Excel or LibreOffice, choose Save As, type 'Excel Workbook (*.xlsx)', and import that .xlsx file",
)
SAVE_AGAIN = (
    "ดาวน์โหลดไฟล์ใหม่อีกครั้ง หรือเปิดไฟล์ต้นฉบับใน Excel หรือ LibreOffice แล้วบันทึกเป็น .xlsx อีกครั้ง",
    "download it again, or open the original in Excel or LibreOffice and save it as .xlsx again",
)


def refusal(path: Path, thai: str, english: str) -> DataError:
    return DataError([Problem(CellLocation(path), thai, english)])


def unpacked_workbook(path: Path) -> bytes:
    """The workbook as a zip whose every member was measured and verified; DataError saying why not."""
    content = _file_bytes(path)
    _refuse_other_kinds(path, content)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise refusal(
            path,
            f"ไฟล์ .xlsx นี้ไม่ครบหรือเสียหาย (อาจดาวน์โหลดไม่ครบ): {SAVE_AGAIN[0]}",
            f"this .xlsx file is incomplete or damaged (a download cut short?): {SAVE_AGAIN[1]}",
        ) from None
    with archive:
        parts = _members(path, archive)
    _check_xml_parts(path, parts)
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_STORED) as clean:
        for name, member in parts.items():
            clean.writestr(name, member)
    return rebuilt.getvalue()


def _file_bytes(path: Path) -> bytes:
    """The file's bytes, when it is a regular file of a sane size (a named pipe is never opened)."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise refusal(path, f"ไม่พบไฟล์ {path}", f"no such file: {path}") from None
    except OSError as error:
        raise refusal(path, f"เปิดไฟล์ไม่ได้: {error.strerror}", f"the file cannot be opened: {error.strerror}") from None
    if not stat.S_ISREG(status.st_mode):
        kind = (
            ("โฟลเดอร์", "a folder")
            if stat.S_ISDIR(status.st_mode)
            else ("ไฟล์พิเศษ (เช่น named pipe)", "a special file (such as a named pipe)")
        )
        raise refusal(
            path,
            f"{path} ไม่ใช่ไฟล์ธรรมดา แต่เป็น{kind[0]} ระบุไฟล์ .xlsx ที่บันทึกไว้",
            f"{path} is not a regular file but {kind[1]}; name a saved .xlsx file",
        )
    if status.st_size > MAX_WORKBOOK_BYTES:
        raise refusal(
            path,
            f"ไฟล์ใหญ่ {status.st_size:,} ไบต์ เกินขีดจำกัด {MAX_WORKBOOK_BYTES:,} ไบต์ ซึ่งมากกว่าข้อมูลของหน่วยงานใดมาก (มีรูปภาพหรือแผ่นงานอื่นติดมาหรือไม่?)",
            f"the file is {status.st_size:,} bytes, over the limit of {MAX_WORKBOOK_BYTES:,}, far more than any agency's data (pictures or other sheets pasted in?)",
        )
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as file:
        return file.read(MAX_WORKBOOK_BYTES + 1)[:MAX_WORKBOOK_BYTES]


def _refuse_other_kinds(path: Path, content: bytes) -> None:
    suffix = path.suffix.lower()
    if content.startswith(_OLE) and _ENCRYPTED in content:
        raise refusal(
            path,
            "ไฟล์นี้ตั้งรหัสผ่านไว้ ระบบเปิดไม่ได้: เปิดไฟล์ใน Excel (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก > เข้ารหัสด้วยรหัสผ่าน แล้วลบรหัสผ่านออก) "
            "หรือ LibreOffice (บันทึกเป็น แล้วเอาเครื่องหมายที่ 'บันทึกด้วยรหัสผ่าน' ออก) บันทึกเป็น .xlsx แล้วนำเข้าไฟล์นั้น",
            "this workbook is password-protected and cannot be opened: in Excel (File > Info > Protect Workbook > "
            "Encrypt with Password, clear the password) or LibreOffice (Save As, untick 'Save with password'), "
            "save it as .xlsx without a password and import that file",
        )
    if suffix in (".xls", ".ods", ".csv") or content.startswith(_OLE):
        kind = "Excel 97–2003 (.xls)" if suffix == ".xls" or content.startswith(_OLE) else suffix
        raise refusal(
            path,
            f"ไฟล์ชนิด {kind} นำเข้าไม่ได้ ต้องเป็น .xlsx: {SAVE_AS_XLSX[0]}",
            f"a {kind} file cannot be imported, it must be .xlsx: {SAVE_AS_XLSX[1]}",
        )
    if not content.startswith(b"PK"):
        raise refusal(path, f"ไฟล์นี้ไม่ใช่ไฟล์ .xlsx: {SAVE_AS_XLSX[0]}", f"this is not an .xlsx file: {SAVE_AS_XLSX[1]}")


def _members(path: Path, archive: zipfile.ZipFile) -> dict[str, bytes]:
    """Every member, inflated a piece at a time and counted as it comes out, checksum verified."""
    infos = archive.infolist()
    declared = sum(info.file_size for info in infos)
    if len(infos) > MAX_PARTS or declared > MAX_UNPACKED_BYTES:
        raise _too_large(path, declared, len(infos))
    names = {info.filename for info in infos}
    if "mimetype" in names and b"opendocument" in _read_bounded(path, archive, archive.getinfo("mimetype"), 200):
        raise refusal(
            path,
            f"ไฟล์ OpenDocument (.ods) นำเข้าไม่ได้ ต้องเป็น .xlsx: {SAVE_AS_XLSX[0]}",
            f"an OpenDocument (.ods) file cannot be imported, it must be .xlsx: {SAVE_AS_XLSX[1]}",
        )
    if "xl/workbook.xml" not in names:
        raise refusal(path, f"ไฟล์นี้ไม่ใช่ไฟล์ .xlsx: {SAVE_AS_XLSX[0]}", f"this is not an .xlsx file: {SAVE_AS_XLSX[1]}")
    parts: dict[str, bytes] = {}
    unpacked = 0
    for info in infos:
        if info.is_dir():
            continue
        member = _read_bounded(path, archive, info, MAX_UNPACKED_BYTES - unpacked)
        unpacked += len(member)
        parts[info.filename] = member
    return parts


def _read_bounded(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    pieces: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while piece := member.read(_PIECE):
                size += len(piece)
                if size > limit:
                    raise _too_large(path, MAX_UNPACKED_BYTES + 1, len(archive.infolist()))
                pieces.append(piece)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
        raise refusal(
            path,
            f"ส่วน '{info.filename}' ในไฟล์ .xlsx เสียหาย (ขนาดหรือ checksum ไม่ตรง): {SAVE_AGAIN[0]}",
            f"the part '{info.filename}' of the .xlsx file is damaged (its size or checksum is wrong): {SAVE_AGAIN[1]}",
        ) from None
    return b"".join(pieces)


def _too_large(path: Path, unpacked: int, parts: int) -> DataError:
    return refusal(
        path,
        f"ไฟล์ขยายออกได้ {unpacked:,} ไบต์ใน {parts} ส่วน เกินขีดจำกัด {MAX_UNPACKED_BYTES:,} ไบต์ (ไม่ใช่แบบฟอร์มของระบบนี้)",
        f"the file unpacks to {unpacked:,} bytes in {parts} parts, over the limit of {MAX_UNPACKED_BYTES:,} (not this project's template)",
    )


def _is_xml(member: bytes) -> bool:
    head = member[:8].lstrip(b" \t\r\n")
    return head.startswith((b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))


def _check_xml_parts(path: Path, parts: dict[str, bytes]) -> None:
    xml = {name: member for name, member in parts.items() if _is_xml(member)}
    size = sum(len(member) for member in xml.values())
    merged = sum(_merged_area(path, name, member) for name, member in xml.items())
    if size > MAX_SHEET_BYTES or merged > MAX_MERGED_CELLS:
        raise refusal(
            path,
            f"แผ่นงานในไฟล์ใหญ่เกินข้อมูลของหน่วยงานใดมาก ({size:,} ไบต์ XML, เซลล์ที่ผสานไว้ {merged:,} เซลล์ ขีดจำกัด {MAX_SHEET_BYTES:,} ไบต์ และ {MAX_MERGED_CELLS:,} เซลล์) ลบแถวหรือคอลัมน์ที่ไม่ใช้ และยกเลิกการผสานเซลล์ทั้งแผ่น",
            f"the sheets are far larger than any agency's data ({size:,} bytes of XML, {merged:,} merged cells; the limits are {MAX_SHEET_BYTES:,} and {MAX_MERGED_CELLS:,}); delete unused rows and columns and unmerge whole-sheet merges",
        )


def _merged_area(path: Path, name: str, member: bytes) -> int:
    """How many cells the merged ranges of one XML part cover, ranges read as openpyxl reads them."""
    if b"mergeCell" not in member and "mergeCell".encode("utf-16-le") not in member:
        return 0
    total = 0
    try:
        for _, element in SafeTree.iterparse(io.BytesIO(member), events=("end",), forbid_dtd=True):
            if element.tag.rpartition("}")[2] == "mergeCell":
                total += _area(element.get("ref") or "")
            element.clear()
    except Exception:  # defusedxml's refusals and XML errors alike: openpyxl would fail on it later
        raise refusal(
            path,
            f"ส่วน '{name}' ในไฟล์ .xlsx อ่านไม่ได้ (XML เสียหายหรือมีสิ่งที่ไม่อนุญาต): {SAVE_AGAIN[0]}",
            f"the part '{name}' of the .xlsx file cannot be read (damaged XML, or XML features that are not allowed): {SAVE_AGAIN[1]}",
        ) from None
    return total


def _area(reference: str) -> int:
    try:
        bounds: tuple[Any, ...] = range_boundaries(reference)
    except (ValueError, TypeError):
        return 0  # not a range openpyxl reads either: it fails on it as a damaged file
    first_column, first_row, last_column, last_row = bounds
    width = abs((last_column or SHEET_COLUMNS) - (first_column or 1)) + 1
    height = abs((last_row or SHEET_ROWS) - (first_row or 1)) + 1
    return int(width * height)
