"""Opening a Word file someone sent: only a real .docx, bounded before it is unpacked, no XML entities.

A .docx is a zip of XML files, so a few kilobytes can unpack to gigabytes: the sizes the zip
declares are checked before python-docx reads a byte (Python's zip reader stops at the declared
size). python-docx's parser does not resolve entities, but a part that declares any (``<!DOCTYPE``,
``<!ENTITY``) is refused outright: Word never writes one, so it can only be an attack. Files that
are not .docx (Word 97–2003, OpenDocument, PDF, a password-protected .docx, which Word stores in
another container) are named, with how to save them as .docx.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document

from ...problems import DataError, Location, Problem

MAX_DOCUMENT_BYTES = 40_000_000
"""Scanned signatures and charts make a measures document a few megabytes; forty is far beyond any."""
MAX_UNPACKED_BYTES = 200_000_000
MAX_XML_BYTES = 30_000_000
"""The XML parts together, unpacked: a hundred pages of tables are about two megabytes."""
MAX_PARTS = 3_000

SAVE_AS_DOCX = (
    "เปิดไฟล์ใน Word หรือ LibreOffice แล้วเลือก บันทึกเป็น (Save As) ชนิด 'Word Document (*.docx)' แล้วนำเข้าไฟล์ .docx นั้น",
    "open it in Word or LibreOffice, choose Save As, type 'Word Document (*.docx)', and import that .docx file",
)


@dataclass(frozen=True)
class DocumentLocation(Location):
    """A place in a Word document: a paragraph, or a table's row and column, counted as Word shows them."""

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    header: str = ""

    def describe(self, data_root: Path | None = None) -> str:
        parts = [self.file.name]
        if self.paragraph is not None:
            parts.append(f"ย่อหน้า/paragraph {self.paragraph}")
        if self.table is not None:
            parts.append(f"ตาราง/table {self.table}")
        if self.row is not None:
            parts.append(f"แถว/row {self.row}")
        if self.column is not None:
            parts.append(f"คอลัมน์/column {self.column}" + (f" ({self.header})" if self.header else ""))
        return ", ".join(parts)


def document_problem(path: Path, thai: str, english: str) -> DataError:
    return DataError([Problem(DocumentLocation(path), thai, english)])


def _not_docx(path: Path, kind: str) -> DataError:
    return document_problem(
        path,
        f"ไฟล์ชนิด {kind} นำเข้าไม่ได้ ต้องเป็น .docx: {SAVE_AS_DOCX[0]}",
        f"a {kind} file cannot be imported, it must be .docx: {SAVE_AS_DOCX[1]}",
    )


def check_document_file(path: Path) -> None:
    """Refuse what is not a .docx of a sane size, saying how to make one."""
    if not path.is_file():
        raise document_problem(path, f"ไม่พบไฟล์ {path}", f"no such file: {path}")
    size = path.stat().st_size
    with path.open("rb") as file:
        head = file.read(min(size, 1_000_000))
    if head.startswith(b"%PDF"):
        raise _not_docx(path, "PDF")
    if head.startswith(b"{\\rtf"):
        raise _not_docx(path, "RTF (.rtf)")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # Word keeps a password-protected .docx encrypted inside the old compound-file container,
        # beside a stream named EncryptionInfo; without it the container is a Word 97–2003 file.
        if "EncryptionInfo".encode("utf-16-le") in head:
            raise document_problem(
                path,
                "ไฟล์นี้มีรหัสผ่าน เปิดไม่ได้: เปิดใน Word ใส่รหัสผ่าน แล้วเอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเอกสาร) "
                f"หรือ {SAVE_AS_DOCX[0]} โดยไม่ตั้งรหัสผ่าน",
                "this file is password-protected and cannot be read: open it in Word with the password and remove it "
                f"(File > Info > Protect Document), or {SAVE_AS_DOCX[1]} without a password",
            )
        raise _not_docx(path, "Word 97–2003 (.doc)")
    if size > MAX_DOCUMENT_BYTES:
        raise document_problem(
            path,
            f"ไฟล์ใหญ่เกิน {MAX_DOCUMENT_BYTES // 1_000_000} MB ซึ่งมากกว่าเอกสารมาตรการใดมาก (มีรูปภาพขนาดใหญ่ติดมาหรือไม่?)",
            f"the file is larger than {MAX_DOCUMENT_BYTES // 1_000_000} MB, far more than any measures document (large pictures pasted in?)",
        )
    if not head.startswith(b"PK") or not zipfile.is_zipfile(path):
        raise document_problem(
            path, f"ไฟล์นี้ไม่ใช่ไฟล์ .docx: {SAVE_AS_DOCX[0]}", f"this is not a .docx file: {SAVE_AS_DOCX[1]}"
        )
    try:
        _check_parts(path)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
        raise document_problem(
            path,
            f"ไฟล์ .docx เสียหาย อ่านไม่ได้ ({error}): {SAVE_AS_DOCX[0]}",
            f"the .docx file is damaged and cannot be read ({error}): {SAVE_AS_DOCX[1]}",
        ) from None


def _check_parts(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
        names = {part.filename for part in parts}
        if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:100]:
            raise _not_docx(path, "OpenDocument (.odt)")
        if "xl/workbook.xml" in names:
            raise _not_docx(path, "Excel (.xlsx): ใช้ make import / use make import")
        if "word/document.xml" not in names:
            raise document_problem(
                path, f"ไฟล์นี้ไม่ใช่ไฟล์ .docx: {SAVE_AS_DOCX[0]}", f"this is not a .docx file: {SAVE_AS_DOCX[1]}"
            )
        unpacked = sum(part.file_size for part in parts)
        xml = [part for part in parts if part.filename.endswith((".xml", ".rels"))]
        xml_bytes = sum(part.file_size for part in xml)
        if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES or xml_bytes > MAX_XML_BYTES:
            raise document_problem(
                path,
                f"ไฟล์ขยายออกได้ {unpacked:,} ไบต์ใน {len(parts)} ส่วน (ข้อความ {xml_bytes:,} ไบต์) "
                f"เกินขีดจำกัด {MAX_UNPACKED_BYTES:,} ไบต์ / {MAX_XML_BYTES:,} ไบต์ / {MAX_PARTS} ส่วน",
                f"the file unpacks to {unpacked:,} bytes in {len(parts)} parts ({xml_bytes:,} bytes of text), "
                f"over the limits of {MAX_UNPACKED_BYTES:,} bytes / {MAX_XML_BYTES:,} bytes / {MAX_PARTS} parts",
            )
        for part in xml:
            with archive.open(part) as member:
                text = member.read(MAX_XML_BYTES + 1)
            if b"<!DOCTYPE" in text or b"<!ENTITY" in text:
                raise document_problem(
                    path,
                    f"ส่วน {part.filename} ของไฟล์ประกาศ DOCTYPE/ENTITY ซึ่ง Word ไม่เคยเขียน ไฟล์นี้ไม่ปลอดภัย ไม่ได้อ่าน: {SAVE_AS_DOCX[0]}",
                    f"the part {part.filename} declares a DOCTYPE/ENTITY, which Word never writes; the file is unsafe and was not read: {SAVE_AS_DOCX[1]}",
                )


def open_document(path: Path) -> Document:
    """The checked file, opened by python-docx."""
    check_document_file(path)
    try:
        return docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds (KeyError, ValueError, lxml's) for damaged parts
        raise document_problem(
            path,
            f"ไฟล์ .docx เสียหาย อ่านไม่ได้ ({type(error).__name__}): {SAVE_AS_DOCX[0]}",
            f"the .docx file is damaged and cannot be read ({type(error).__name__}): {SAVE_AS_DOCX[1]}",
        ) from None
