"""QR codes for survey links: a PNG for paper and an SVG for the screen, cached on disk.

Drawing is cheap but not free, and ``mkdocs serve`` rebuilds on every edit: images are kept in
``.cache/qr/`` under a hash of everything that shapes them (the URL, the drawing settings and the
library versions), so an unchanged link is read back instead of drawn again.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import math
import os
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import qrcode
import qrcode.constants
from PIL import Image

DRAWING_VERSION = "1"
"""Change when the drawing below changes, so that cached images are drawn again."""
QUIET_ZONE = 4
"""White modules around the code, as the QR standard asks; scanners need them."""
ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M
"""About 15% of the code may be smudged or creased and it still reads."""
MIN_PRINT_PIXELS = 600
PRINT_WIDTH_CM = 5.0
"""The size a viewer opening the PNG on its own should print it at (its DPI says so)."""
SVG_MODULE_PIXELS = 8
CACHE_DIR_ENV = "ITA_CACHE_DIR"
PROJECT_ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class QrImages:
    url: str
    digest: str
    """Hash of the inputs; names the cached files and the published ones."""
    png: bytes
    svg: bytes


def default_cache_dir() -> Path:
    """``.cache/qr`` in the project (gitignored), or ``$ITA_CACHE_DIR/qr``."""
    base = os.environ.get(CACHE_DIR_ENV)
    return (Path(base) if base else PROJECT_ROOT / ".cache") / "qr"


def input_digest(url: str) -> str:
    inputs = {
        "url": url,
        "drawing": DRAWING_VERSION,
        "quiet_zone": QUIET_ZONE,
        "error_correction": ERROR_CORRECTION,
        "min_pixels": MIN_PRINT_PIXELS,
        "print_width_cm": PRINT_WIDTH_CM,
        "svg_module_pixels": SVG_MODULE_PIXELS,
        "qrcode": version("qrcode"),
        "pillow": version("pillow"),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


class QrCache:
    """Hands out QR images, drawing only those not already under ``directory``."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else default_cache_dir()
        self.drawn = 0
        self.reused = 0

    def images(self, url: str) -> QrImages:
        digest = input_digest(url)
        png_path, svg_path = self.directory / f"{digest}.png", self.directory / f"{digest}.svg"
        if png_path.is_file() and svg_path.is_file():
            self.reused += 1
            return QrImages(url, digest, png_path.read_bytes(), svg_path.read_bytes())
        images = draw(url, digest)
        self.drawn += 1
        self._store(png_path, images.png)
        self._store(svg_path, images.svg)
        return images

    def _store(self, path: Path, content: bytes) -> None:
        """Write atomically; a cache that cannot be written only costs time on the next build."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.{os.getpid()}")
            partial.write_bytes(content)
            partial.replace(path)
        except OSError:
            pass


def qr_matrix(url: str) -> list[list[bool]]:
    """Dark (True) and light modules, quiet zone included, of the smallest code that fits ``url``."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=QUIET_ZONE, box_size=1)
    code.add_data(url)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def draw(url: str, digest: str | None = None) -> QrImages:
    matrix = qr_matrix(url)
    return QrImages(url, digest or input_digest(url), _png(matrix), _svg(matrix, url))


def _png(matrix: list[list[bool]]) -> bytes:
    modules = len(matrix)
    module_pixels = math.ceil(MIN_PRINT_PIXELS / modules)
    small = Image.new("L", (modules, modules), 255)
    small.putdata([0 if dark else 255 for row in matrix for dark in row])
    size = modules * module_pixels
    image = small.resize((size, size), Image.Resampling.NEAREST).convert("1")
    dpi = round(size / (PRINT_WIDTH_CM / 2.54))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True, dpi=(dpi, dpi))
    return buffer.getvalue()


def _svg(matrix: list[list[bool]], url: str) -> bytes:
    """One path of horizontal runs on a white square; crisp edges so modules do not blur together."""
    modules = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < modules:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < modules and row[x]:
                x += 1
            runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    pixels = modules * SVG_MODULE_PIXELS
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {modules} {modules}" '
        f'width="{pixels}" height="{pixels}" shape-rendering="crispEdges">'
        f"<title>QR Code: {html.escape(url)}</title>"
        f'<rect width="{modules}" height="{modules}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>\n'
    )
    return svg.encode("utf-8")
