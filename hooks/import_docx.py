"""A draft year from last year's Word document: ``python hooks/import_docx.py --docx มาตรการ.docx [--data data] [--force]``.

Reads the measures document (scores, findings, measures, signatories) or a progress report and
writes ``years/<fiscal year>.yml`` after loading the whole site with it as a build would. What it
skipped or was unsure of is printed and heads the file as comments; nothing is written when the
draft would not load, and an existing file is replaced only with --force.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itagen.author.word.importing import read_docx_import
from itagen.author.workbook.importing import write_import
from itagen.problems import DataError, terminal_safe


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="นำเข้าจากเอกสาร Word / import a year from a Word document")
    parser.add_argument("--docx", required=True, help="ไฟล์ .docx ของเอกสารมาตรการหรือรายงานผล / the .docx document")
    parser.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล / data directory (default: data)")
    parser.add_argument("--force", action="store_true", help="เขียนทับไฟล์ที่มีอยู่ / replace an existing file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if not args.docx:
        print("ระบุไฟล์ Word / name the document: make import-docx DOCX=มาตรการ.docx", file=sys.stderr)
        return 2
    data = Path(args.data).resolve()
    document = Path(args.docx)
    try:
        imported, review = read_docx_import(document, data)
    except DataError as error:
        print(error.report(data), file=sys.stderr)
        print(
            "ไม่ได้เขียนไฟล์ใด แก้ในเอกสาร Word แล้วนำเข้าใหม่ / nothing was written; fix the document and import again",
            file=sys.stderr,
        )
        return 1
    except Exception as error:  # a document no reader foresaw must still not end in a traceback
        print(
            f"เกิดข้อผิดพลาดภายในโปรแกรมขณะอ่าน {document} ({type(error).__name__}: {error}) ไม่ได้เขียนไฟล์ใด "
            "โปรดแจ้งผู้ดูแลระบบพร้อมข้อความนี้และไฟล์เอกสาร\n"
            f"Internal error while reading {document} ({type(error).__name__}: {error}); nothing was written. "
            "Please report this message with the document.",
            file=sys.stderr,
        )
        return 1
    if imported.existing and not args.force:
        names = ", ".join(f"{data.name}/{name}" for name in imported.existing)
        print(
            f"มีไฟล์อยู่แล้ว ไม่เขียนทับ: {names}\n"
            f"    หากต้องการแทนที่ด้วยข้อมูลจากเอกสาร สั่ง make import-docx DOCX={document} FORCE=1 (หรือ --force)\n"
            f"Already there, not overwritten: {names}\n"
            f"    To replace it with the document's data: make import-docx DOCX={document} FORCE=1 (or --force)",
            file=sys.stderr,
        )
        return 2
    for line in review.report():
        print(terminal_safe(line))
    for warning in imported.warnings:
        print(f"คำเตือน / warning: {warning.message(data)}")
    for path in write_import(imported, data):
        print(f"เขียนแล้ว / written: {path.relative_to(data.parent)}")
    print("ตรวจทานไฟล์กับเอกสาร แล้วสั่ง make site / check the file against the document, then run make site")
    return 0


if __name__ == "__main__":
    sys.exit(main())
