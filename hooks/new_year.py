"""Start a new fiscal year from the last one: ``python hooks/new_year.py --year 2570 [--data data]``.

Writes ``years/<year>.yml`` (and ``oit/<year>.yml`` when the agency keeps OIT data) with what
usually stays carried forward for review, and comments that say what to fill in. Never overwrites.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itagen.author.new_year import new_oit_text, new_year_text, next_fiscal_year
from itagen.load.site import load_site
from itagen.plan.site_plan import plan_site
from itagen.problems import DataError


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="เริ่มปีงบประมาณใหม่ / start a new fiscal year")
    parser.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล / data directory (default: data)")
    parser.add_argument("--year", type=int, help="ปีงบประมาณ พ.ศ. ใหม่ / the new fiscal year (default: the next one)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    data = Path(args.data).resolve()
    try:
        site = load_site(data).site
    except DataError as error:
        print(error.report(data), file=sys.stderr)
        print("แก้ข้อมูลเดิมให้ถูกต้องก่อน / fix the existing data first", file=sys.stderr)
        return 1
    year = args.year or next_fiscal_year(site)
    if not any(y.fiscal_year < year for y in site.years):
        print(f"ไม่มีปีงบประมาณก่อน {year} ให้คัดลอก / there is no fiscal year before {year} to start from", file=sys.stderr)
        return 2
    plan = plan_site(site)
    year_pages = {p.path.rsplit("/", 1)[1].removesuffix(".md") for p in plan.pages if p.fiscal_year is not None}
    year_pages = {"overview" if name == "index" else name for name in year_pages}
    files = {data / "years" / f"{year}.yml": new_year_text(site, year)}
    if (oit := new_oit_text(site, year, year_pages)) is not None:
        files[data / "oit" / f"{year}.yml"] = oit
    existing = [path for path in files if path.exists()]
    if existing:
        names = ", ".join(str(path.relative_to(data.parent)) for path in existing)
        print(f"มีไฟล์อยู่แล้ว ไม่เขียนทับ: {names}\nAlready there, not overwritten: {names}", file=sys.stderr)
        return 2
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"เขียนแล้ว / written: {path.relative_to(data.parent)}")
    print("ตรวจและแก้ไฟล์ แล้วสั่ง make site / review the files, then run make site")
    return 0


if __name__ == "__main__":
    sys.exit(main())
