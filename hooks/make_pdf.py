"""The whole fiscal year as a PDF: ``python hooks/make_pdf.py [--site site]`` (``make pdf``, after ``make site``).

Prints each year's ``ita/<year>/document/`` page with headless Chromium (Debian's ``chromium``) into
``ita/<year>/ita-<year>.pdf``, with an outline from the headings, and turns on the page's link to it.
Without Chromium it says so and leaves the site as it is: the page prints from any browser too.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
HEADLESS_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
]
"""Chromium started without a screen and without calling home (a closed network refuses those calls)."""
PDF_FLAGS = ["--no-pdf-header-footer", "--generate-pdf-document-outline"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="สร้าง PDF เอกสารทั้งปี / the whole fiscal year as PDF")
    parser.add_argument("--site", default="site", help="เว็บไซต์ที่สร้างไว้ / the built site (default: site)")
    args = parser.parse_args(argv)
    site = Path(args.site).resolve()
    documents = sorted(site.glob("ita/*/document/index.html"))
    if not documents:
        print(
            f"ไม่พบเว็บไซต์ที่สร้างไว้ใน {site} สั่ง make site ก่อน / no built site in {site}: run make site first",
            file=sys.stderr,
        )
        return 2
    chromium = next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)
    if chromium is None:
        print(
            "ไม่พบ Chromium จึงไม่ได้สร้าง PDF (พิมพ์หน้าเอกสารทั้งปีจากเบราว์เซอร์ได้) ติดตั้งด้วย apt install chromium\n"
            "Chromium is not installed, so no PDF was made (the year's document page prints from any browser);"
            " install it with apt install chromium"
        )
        return 0
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for document in documents:
            year = document.parent.parent.name
            pdf = document.parent.parent / f"ita-{year}.pdf"
            with tempfile.TemporaryDirectory() as profile:
                flags = [*HEADLESS_FLAGS, *PDF_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}"]
                subprocess.run(
                    [chromium, *flags, f"{base}ita/{year}/document/"], capture_output=True, timeout=180, check=False
                )
            if not pdf.is_file():
                print(f"สร้าง {pdf.name} ไม่สำเร็จ / could not make {pdf.name}", file=sys.stderr)
                return 1
            html = document.read_text(encoding="utf-8")
            link = f'<a class="ita-pdf-link" href="../ita-{year}.pdf" download="">'
            document.write_text(
                html.replace(f'<a class="ita-pdf-link" data-pdf="ita-{year}.pdf" hidden>', link), "utf-8"
            )
            print(f"สร้างแล้ว / made: {pdf.relative_to(site)}")
    finally:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
