"""QR codes for survey links: a PNG for paper and an SVG for the screen, drawn from the link by each build.

A QR code that sends citizens to the wrong survey is the one failure this product exists to
prevent, so no image is ever read back from a cache that someone could have replaced: drawing both
images takes about 10 ms. The published files are named by a hash of everything that shapes them
(the URL, the drawing settings and the library versions), so a changed code is a new file name and
no browser shows a stale one.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import json
import math
import sys
from importlib.metadata import version

from PIL import Image

from ..records.record import record

# qrcode offers drawing styles made with Pillow's drawing and font engines (FreeType); this module draws
# the matrix itself and never uses them. qrcode imports them only if it can (they are optional, for
# installs without Pillow), so they are kept out while it is imported: 1.8 MB less memory for every
# build. Afterwards the name is free again, for any other code that wants them.
_UNUSED_DRAWERS = "qrcode.image.styles.moduledrawers.pil"
_drawers_kept_out = _UNUSED_DRAWERS not in sys.modules
if _drawers_kept_out:
    sys.modules[_UNUSED_DRAWERS] = None  # type: ignore[assignment]  # None: "cannot be imported"
try:
    import qrcode
    import qrcode.constants
finally:
    if _drawers_kept_out:
        del sys.modules[_UNUSED_DRAWERS]

DRAWING_VERSION = "1"
"""Change when the drawing below changes, so that the published file names change too."""
QUIET_ZONE = 4
"""White modules around the code, as the QR standard asks; scanners need them."""
ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M
"""About 15% of the code may be smudged or creased and it still reads."""
MIN_PRINT_PIXELS = 600
PRINT_WIDTH_CM = 5.0
"""The size a viewer opening the PNG on its own should print it at (its DPI says so)."""
SVG_MODULE_PIXELS = 8


@record
class QrImages:
    url: str
    digest: str
    """Hash of everything that shapes the images; names the published files."""
    png: bytes
    svg: bytes


def input_digest(url: str) -> str:
    inputs = {
        "url": url,
        "drawing": DRAWING_VERSION,
        "quiet_zone": QUIET_ZONE,
        "error_correction": ERROR_CORRECTION,
        "min_pixels": MIN_PRINT_PIXELS,
        "print_width_cm": PRINT_WIDTH_CM,
        "svg_module_pixels": SVG_MODULE_PIXELS,
        **_library_versions(),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


@functools.cache
def _library_versions() -> dict[str, str]:
    """Read once per process: asking the package metadata parses files each time (a third of the
    engine's time on a 1,000-page site), and the libraries in use cannot change under a running build."""
    return {"qrcode": version("qrcode"), "pillow": version("pillow")}


def qr_matrix(url: str) -> list[list[bool]]:
    """Dark (True) and light modules, quiet zone included, of the smallest code that fits ``url``."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=QUIET_ZONE, box_size=1)
    code.add_data(url)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


@functools.lru_cache(maxsize=64)
def draw(url: str, digest: str | None = None) -> QrImages:
    """The images of one link, drawn once per process: a link printed on several pages (the same
    survey in two announcements, a year's page and its printed document) costs one drawing. Kept in
    memory only, keyed by the link itself, so nothing from outside the build can stand in for it."""
    matrix = qr_matrix(url)
    return QrImages(url, digest or input_digest(url), _png(matrix), _svg(matrix, url))


def _png(matrix: list[list[bool]]) -> bytes:
    modules = len(matrix)
    module_pixels = math.ceil(MIN_PRINT_PIXELS / modules)
    # Drawn black and white from the start ("1"): enlarged by repeating pixels, it stays so, with no
    # conversion of the large image.
    small = Image.new("1", (modules, modules), 255)
    small.putdata([0 if dark else 255 for row in matrix for dark in row])
    size = modules * module_pixels
    image = small.resize((size, size), Image.Resampling.NEAREST)
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
