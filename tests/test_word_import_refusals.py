"""``make import-docx`` with files that are not a safe .docx: each is named with what to do (Save As
.docx, remove the password) in Thai and English, exits non-zero, writes nothing and shows no
traceback. Sizes are checked before anything is unpacked; a part declaring XML entities is refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import word_layouts
from test_word_import import agency_without_years, run_import

from itagen.author.word import opening

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refused(document: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    data = agency_without_years("thetsaban-rae", tmp_path)
    code, out, err = run_import(document, data, capsys)
    assert code == 1
    assert "Traceback" not in out + err
    assert "ไม่ได้เขียนไฟล์ใด" in err and "nothing was written" in err
    assert document.name in err
    assert not (data / "years").exists()
    return err


def _rezipped(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, replace.get(item.filename, old.read(item.filename)))
        for name, content in replace.items():
            if name not in old.namelist():
                new.writestr(name, content)
    return target


@pytest.mark.parametrize(
    ("name", "content", "thai", "english"),
    [
        ("old.doc", OLE + bytes(600), "Word 97–2003 (.doc)", "Save As"),
        (
            "locked.docx",
            OLE + bytes(100) + "EncryptionInfo".encode("utf-16-le") + bytes(100),
            "รหัสผ่าน",
            "password-protected",
        ),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF", "Save As"),
        ("letter.rtf", b"{\\rtf1\\ansi hello}", "RTF", "Save As"),
        ("notes.txt", "มาตรการ".encode(), "ไม่ใช่ไฟล์ .docx", "not a .docx"),
    ],
)
def test_files_that_are_not_docx_are_named(
    name: str, content: bytes, thai: str, english: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / name
    document.write_bytes(content)
    err = _refused(document, tmp_path, capsys)
    assert thai in err and english in err


def test_an_opendocument_text_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "measures.odt"
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    err = _refused(document, tmp_path, capsys)
    assert "OpenDocument (.odt)" in err and "Word Document (*.docx)" in err


def test_xml_entities_are_refused_before_parsing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = word_layouts.sa_bua(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as archive:
        body = archive.read("word/document.xml")
    declaration = b'<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]>'
    start = body.index(b"?>") + 2
    hostile = _rezipped(
        good, tmp_path / "entities.docx", {"word/document.xml": body[:start] + declaration + body[start:]}
    )
    err = _refused(hostile, tmp_path, capsys)
    assert "word/document.xml" in err and "DOCTYPE/ENTITY" in err


def test_sizes_are_checked_before_unpacking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A part of a few kilobytes in the file that unpacks past the limit of the document's text.
    good = word_layouts.sa_bua(tmp_path / "good.docx")
    padding = b"<a>" + b" " * (opening.MAX_XML_BYTES + 1) + b"</a>"
    bomb = _rezipped(good, tmp_path / "bomb.docx", {"word/padding.xml": padding})
    assert bomb.stat().st_size < 200_000
    err = _refused(bomb, tmp_path, capsys)
    assert "เกินขีดจำกัด" in err and "over the limits" in err


def test_a_damaged_docx_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = word_layouts.sa_bua(tmp_path / "good.docx")
    damaged = _rezipped(good, tmp_path / "damaged.docx", {"word/document.xml": b"<w:document>not closed"})
    err = _refused(damaged, tmp_path, capsys)
    assert "เสียหาย" in err and "damaged" in err


def test_a_cell_spanning_a_billion_columns_is_read_as_word_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = word_layouts.sa_bua(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as archive:
        body = archive.read("word/document.xml")
    wide = body.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="999999999"/>', 1)
    assert wide != body
    hostile = _rezipped(good, tmp_path / "wide.docx", {"word/document.xml": wide})
    data = agency_without_years("thetsaban-sa-bua", tmp_path)
    code, out, err = run_import(hostile, data, capsys)
    assert code in (0, 1)
    assert "Traceback" not in out + err and "Internal error" not in err
