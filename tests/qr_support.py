"""What the QR and print tests share: Debian's Chromium on the command line, poppler, and a real decoder.

Chromium draws the SVGs and prints pages to PDF exactly as a visitor's browser would; poppler-utils
reads the PDF; zxing-cpp decodes the pixels. Nothing here imitates them.
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from make_pdf import HEADLESS_FLAGS
from PIL import Image

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [*HEADLESS_FLAGS, "--disable-sync", "--hide-scrollbars"]
"""Started as ``make pdf`` starts it, with no scrollbars in screenshots."""
PRINT_DPI = 150
QR_PRINT_CM = 3.0
PRINTED_QR_PIXELS = round(QR_PRINT_CM / 2.54 * PRINT_DPI)
"""A QR code printed 3 cm wide, scanned at 150 dpi: 177 pixels."""


def _chromium(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="ita-chromium-") as profile:
        command = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, f"chromium failed: {result.stderr[-2000:]}"
    return result


def print_to_pdf(url: str, pdf: Path) -> Path:
    _chromium(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", url])
    assert pdf.is_file() and pdf.stat().st_size > 0
    return pdf


def screenshot(url: str, png: Path, width: int, height: int) -> Image.Image:
    _chromium([f"--window-size={width},{height}", f"--screenshot={png}", url])
    return Image.open(png)


def dump_dom(url: str) -> str:
    """The page's DOM after its scripts have run."""
    return _chromium(["--dump-dom", url]).stdout


def pdf_page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match[1])


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdf_page_image(pdf: Path, dpi: int = PRINT_DPI) -> Image.Image:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True)
    (page,) = sorted(prefix.parent.glob(f"{prefix.name}-*.png"))
    return Image.open(page)


@dataclass(frozen=True)
class Decoded:
    text: str
    width: float
    """Width of the symbol (without its quiet zone) in pixels of the decoded image."""
    ec_level: str


def decode(image: Image.Image) -> list[Decoded]:
    found = []
    for result in zxingcpp.read_barcodes(image.convert("L")):
        corners = result.position
        width = max(corners.top_right.x, corners.bottom_right.x) - min(corners.top_left.x, corners.bottom_left.x)
        found.append(Decoded(result.text, float(width), result.ec_level))
    return found


def scaled(image: Image.Image, pixels: int) -> Image.Image:
    """The image at ``pixels`` wide, resampled as a printer and a camera would blur it."""
    return image.convert("L").resize((pixels, pixels), Image.Resampling.LANCZOS)


@dataclass(frozen=True)
class QrOnPage:
    """A QR image a built page shows, with the survey URL printed beside it on the same page."""

    page: Path
    src: str
    alt: str
    printed_url: str

    @property
    def image_file(self) -> Path:
        return (self.page.parent / self.src).resolve()


_FIGURE = re.compile(r'<figure class="ita-qr">(.*?)</figure>', re.S)
_IMG = re.compile(r"<img\b([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')
_CAPTION_LINK = re.compile(r"<figcaption>.*?<a\b[^>]*>([^<]+)</a>.*?</figcaption>", re.S)


def qr_images_on_page(page: Path) -> list[QrOnPage]:
    source = page.read_text(encoding="utf-8")
    found = []
    for figure in _FIGURE.findall(source):
        caption = _CAPTION_LINK.search(figure)
        assert caption, f"{page}: a QR figure without the URL printed under it"
        printed = html.unescape(caption[1]).strip()
        for attributes in _IMG.findall(figure):
            values = dict(_ATTRIBUTE.findall(attributes))
            found.append(QrOnPage(page, html.unescape(values["src"]), html.unescape(values["alt"]), printed))
    return found


def images_with_qr_alt(page: Path) -> int:
    """Every <img> whose alt text says it is a QR code, inside a QR figure or not."""
    return sum(1 for attributes in _IMG.findall(page.read_text(encoding="utf-8")) if "QR" in attributes)
