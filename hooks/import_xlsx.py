"""Data files from a filled workbook: ``python hooks/import_xlsx.py --xlsx ข้อมูล.xlsx [--data data] [--force]``.

Writes ``years/<year>.yml`` for every fiscal year the workbook holds, ``oit/<year>.yml`` for every year
its OIT sheets hold, and ``documents.yml`` when its documents sheet has rows, after loading, planning and
rendering the whole site with them as a build would. A mistake is named by sheet, row and column, and
nothing is written; an existing file is replaced only with --force. The files go in all at once or not
at all, and an import that was cut off half-way is undone by the next one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itagen.author.workbook.importing import read_import, write_import
from itagen.author.workbook.swapping import WriteFailed, leftovers_cleared
from itagen.load.site import IMPORT_JOURNAL
from itagen.plan.site_plan import plan_site
from itagen.problems import DataError
from itagen.records.site import Site
from itagen.render.site import render_site

NOTHING_WRITTEN = "ไม่ได้เขียนไฟล์ใด แก้ในไฟล์ Excel แล้วนำเข้าใหม่ / nothing was written; fix the workbook and import again"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="นำเข้าข้อมูลจากไฟล์ Excel / import data from a workbook")
    parser.add_argument("--xlsx", required=True, help="ไฟล์ .xlsx ที่กรอกแล้ว / the filled workbook")
    parser.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล / data directory (default: data)")
    parser.add_argument("--force", action="store_true", help="เขียนทับไฟล์ที่มีอยู่ / replace existing files")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if not args.xlsx:
        print("ระบุไฟล์ Excel / name the workbook: make import XLSX=ข้อมูล.xlsx", file=sys.stderr)
        return 2
    data = Path(args.data).resolve()
    workbook = Path(args.xlsx)
    interrupted = (data / IMPORT_JOURNAL).exists()
    stuck = leftovers_cleared(data)
    if stuck is not None:
        print(stuck.report(data), file=sys.stderr)
        return 1
    if interrupted:
        print(
            "การนำเข้าครั้งก่อนที่หยุดกลางคันถูกย้อนกลับแล้ว ไฟล์ข้อมูลเป็นเหมือนก่อนนำเข้าครั้งนั้น / "
            "an import that stopped half-way was undone: the data files are as they were before it"
        )
    try:
        imported = read_import(workbook, data, _as_a_build_would)
    except DataError as error:
        print(error.report(data), file=sys.stderr)
        print(NOTHING_WRITTEN, file=sys.stderr)
        return 1
    except OSError as error:  # the trial copy in the temporary folder, or a data file that cannot be read
        print(
            f"ไม่ได้เขียนไฟล์ใด: อ่านหรือคัดลอก {error.filename or data} ไม่ได้ ({error.strerror})\n"
            f"Nothing was written: {error.filename or data} could not be read or copied ({error.strerror})",
            file=sys.stderr,
        )
        return 1
    except Exception as error:  # a bug of ours, not the webmaster's: still said in a sentence
        print(
            f"เกิดข้อผิดพลาดภายในโปรแกรมนำเข้า ({type(error).__name__}: {error}) ไม่ได้เขียนไฟล์ใด โปรดแจ้งผู้ดูแลระบบพร้อมข้อความนี้\n"
            f"Internal error of the import ({type(error).__name__}: {error}); nothing was written; please report this message",
            file=sys.stderr,
        )
        return 3
    if not imported.texts:
        print(
            "ไม่มีข้อมูลในไฟล์ Excel (แผ่นงานว่างทั้งหมด) ไม่ได้เขียนไฟล์ใด / the workbook holds no data (every sheet is empty); nothing was written",
            file=sys.stderr,
        )
        return 1
    if imported.existing and not args.force:
        names = ", ".join(f"{data.name}/{name}" for name in imported.existing)
        print(
            f"มีไฟล์อยู่แล้ว ไม่เขียนทับ: {names}\n"
            f"    หากต้องการแทนที่ด้วยข้อมูลจากไฟล์ Excel สั่ง make import XLSX={workbook} FORCE=1 (หรือ --force)\n"
            f"Already there, not overwritten: {names}\n"
            f"    To replace them with the workbook's data: make import XLSX={workbook} FORCE=1 (or --force)",
            file=sys.stderr,
        )
        return 2
    for warning in imported.warnings:
        print(f"คำเตือน / warning: {warning.message(data)}")
    try:
        written = write_import(imported, data)
    except WriteFailed as failure:
        print(f"{failure.thai}\n{failure.english}", file=sys.stderr)
        return 1
    for path in written:
        print(f"เขียนแล้ว / written: {path.relative_to(data.parent)}")
    print("สั่ง make site เพื่อสร้างเว็บไซต์ / run make site to build the site")
    return 0


def _as_a_build_would(site: Site) -> None:
    """The checks a build makes after loading: every page planned and rendered, so evidence naming a
    page or a section the site does not have fails here and not at the next make site."""
    render_site(site, plan_site(site))


if __name__ == "__main__":
    sys.exit(main())
