"""The whole fiscal year as a PDF: ``python hooks/make_pdf.py [--site site]`` (``make pdf``, after ``make site``).

Prints each year's ``ita/<year>/document/`` page with headless Chromium (Debian's ``chromium``; on
Windows and macOS Google Chrome or Microsoft Edge, which are Chromium too) into
``ita/<year>/ita-<year>.pdf``, with an outline from the headings, and turns on the page's link to it.
Without any of them it says what to install and leaves the site as it is: the page prints from any
browser too.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge")
WINDOWS_BROWSERS = (
    ("ProgramFiles", "Google/Chrome/Application/chrome.exe"),
    ("ProgramFiles(x86)", "Google/Chrome/Application/chrome.exe"),
    ("LOCALAPPDATA", "Google/Chrome/Application/chrome.exe"),
    ("ProgramFiles(x86)", "Microsoft/Edge/Application/msedge.exe"),
    ("ProgramFiles", "Microsoft/Edge/Application/msedge.exe"),
)
"""Where Windows' installers put Chrome and Edge, which are not on PATH (Edge comes with Windows 10 and 11)."""
MAC_BROWSERS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
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


def find_browser(
    platform: str = sys.platform, environment: dict[str, str] | None = None, search_path: str | None = None
) -> str | None:
    """A Chromium-based browser that prints to PDF without a screen: on PATH (``search_path`` when given),
    else where its installer puts it."""
    found = next((found for name in CHROMIUM_NAMES if (found := shutil.which(name, path=search_path))), None)
    if found is not None:
        return found
    environment = dict(os.environ) if environment is None else environment
    places: list[Path] = []
    if platform == "win32":
        places = [Path(environment[folder]) / path for folder, path in WINDOWS_BROWSERS if environment.get(folder)]
    elif platform == "darwin":
        places = [Path(path) for path in MAC_BROWSERS]
    return next((str(place) for place in places if place.is_file()), None)


def no_browser_message(platform: str = sys.platform) -> str:
    """What to install for ``platform``, in Thai and English; the page prints from any browser meanwhile."""
    if platform == "win32":
        thai, english = "ติดตั้ง Microsoft Edge หรือ Google Chrome", "install Microsoft Edge or Google Chrome"
    elif platform == "darwin":
        thai, english = "ติดตั้ง Google Chrome หรือ Microsoft Edge", "install Google Chrome or Microsoft Edge"
    else:
        thai, english = "ติดตั้งด้วย apt install chromium", "install it with apt install chromium"
    return (
        f"ไม่พบ Chromium, Chrome หรือ Edge จึงไม่ได้สร้าง PDF (พิมพ์หน้าเอกสารทั้งปีจากเบราว์เซอร์ได้) {thai}\n"
        "Neither Chromium, Chrome nor Edge was found, so no PDF was made (the year's document page prints"
        f" from any browser); {english}"
    )


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
    chromium = find_browser()
    if chromium is None:
        print(no_browser_message())
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
