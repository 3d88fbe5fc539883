"""The data as a workbook to edit in Excel: ``python hooks/export_xlsx.py --xlsx ข้อมูล.xlsx [--data data]``;
``--template`` writes the empty template. ``hooks/import_xlsx.py`` reads it back.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itagen.author.workbook.writing import TooLong, write_workbook
from itagen.load.site import load_site
from itagen.problems import DataError


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="ส่งออกข้อมูลเป็นไฟล์ Excel / export the data as a workbook")
    parser.add_argument("--xlsx", required=True, help="ไฟล์ .xlsx ที่จะเขียน / the workbook to write")
    parser.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล / data directory (default: data)")
    parser.add_argument("--template", action="store_true", help="แบบฟอร์มเปล่า / the empty template")
    parser.add_argument("--force", action="store_true", help="เขียนทับไฟล์ที่มีอยู่ / replace an existing workbook")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if not args.xlsx:
        print("ระบุไฟล์ Excel / name the workbook: make export-xlsx XLSX=ข้อมูล.xlsx", file=sys.stderr)
        return 2
    workbook = Path(args.xlsx)
    if workbook.suffix.lower() != ".xlsx":
        print(f"ชื่อไฟล์ต้องลงท้ายด้วย .xlsx / the file name must end in .xlsx: {workbook}", file=sys.stderr)
        return 2
    if workbook.exists() and not args.force:
        print(
            f"มีไฟล์ {workbook} อยู่แล้ว ไม่เขียนทับ (อาจมีข้อมูลที่กรอกไว้) ใช้ชื่ออื่น หรือสั่งพร้อม FORCE=1 (--force)\n"
            f"{workbook} already exists and is not overwritten (it may hold work); use another name, or FORCE=1 (--force)",
            file=sys.stderr,
        )
        return 2
    site = None
    if not args.template:
        data = Path(args.data).resolve()
        try:
            site = load_site(data).site
        except DataError as error:
            print(error.report(data), file=sys.stderr)
            print("แก้ข้อมูลให้ถูกต้องก่อนส่งออก / fix the data before exporting", file=sys.stderr)
            return 1
    try:
        write_workbook(site, workbook)
    except TooLong as error:
        print(
            f"ข้อความยาวเกินที่เซลล์ Excel รับได้ (32,767 ตัวอักษร) / a text is longer than an Excel cell holds: {error}",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        print(
            f"เขียนไฟล์ไม่ได้ (ไฟล์เปิดอยู่ใน Excel หรือไม่?) / cannot write the file (open in Excel?): {error}", file=sys.stderr
        )
        return 1
    print(f"เขียนแล้ว / written: {workbook}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
