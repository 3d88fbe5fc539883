"""Check the published site: ``python hooks/check_live.py --url https://www.example.go.th/`` (``make check-live``).

Every page and document of the built site (``--site``, default ``site``) must answer at the published
address, and every OIT evidence address of its URL sheets must open (``--site-only`` skips other sites).
Exits 1 when anything fails, listing it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itagen.publish.live_check import addresses, check, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ตรวจเว็บไซต์ที่เผยแพร่แล้ว / check the published site")
    parser.add_argument("--url", required=True, help="ที่อยู่เว็บไซต์ที่เผยแพร่ / the published address")
    parser.add_argument("--site", default="site", help="เว็บไซต์ที่สร้างไว้ / the built site (default: site)")
    parser.add_argument("--site-only", action="store_true", help="ไม่ตรวจลิงก์ไปเว็บไซต์อื่น / skip other sites")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(
            f"ไม่พบเว็บไซต์ที่สร้างไว้ใน {site} สั่ง make site ก่อน / no built site in {site}: run make site first",
            file=sys.stderr,
        )
        return 2
    if not args.url.startswith(("https://", "http://")):
        print("ที่อยู่ต้องขึ้นต้นด้วย https:// / the address must start with https://", file=sys.stderr)
        return 2
    answers = check(addresses(site, args.url, other_sites=not args.site_only))
    lines = report(answers)
    print("\n".join(lines), file=sys.stderr if any(not a.ok for a in answers) else sys.stdout)
    return 0 if all(a.ok for a in answers) else 1


if __name__ == "__main__":
    sys.exit(main())
