"""Every QR image on the built demo and example sites decodes to the survey URL printed on its page."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DEMO_DATA, example_dirs
from PIL import Image
from qr_support import PRINTED_QR_PIXELS, QrOnPage, decode, images_with_qr_alt, qr_images_on_page, scaled, screenshot

from itagen.load.site import load_site
from itagen.render.qr_images import MIN_PRINT_PIXELS

SITES = [DEMO_DATA, *example_dirs()]


def _expected_images(data_dir: Path) -> int:
    """Two announcements per year with surveys, each with a screen SVG and a print PNG, shown on their own
    pages and again in the year's print document."""
    site = load_site(data_dir).site
    return 2 * 4 * sum(1 for year in site.years if year.surveys is not None)


def _pixels(qr: QrOnPage, tmp_path: Path, rendered: dict[str, Image.Image]) -> Image.Image:
    """The image as a reader sees it: PNG as stored, SVG as Chromium draws it."""
    if qr.image_file.suffix == ".png":
        return Image.open(qr.image_file)
    svg = qr.image_file.read_bytes()
    key = hashlib.sha256(svg).hexdigest()
    if key not in rendered:
        size = re.search(rb'<svg[^>]*\swidth="(\d+)"', svg)
        assert size is not None, qr
        pixels = int(size[1])  # a window of the SVG's own size: the screenshot is the drawing, whole
        rendered[key] = screenshot(qr.image_file.as_uri(), tmp_path / f"{key}.png", pixels, pixels)
    return rendered[key]


@pytest.mark.parametrize("data_dir", SITES, ids=lambda p: p.name)
def test_every_qr_image_decodes_to_the_url_on_its_page(
    data_dir: Path, built_site: Callable[[Path], Path], tmp_path: Path
) -> None:
    site = built_site(data_dir)
    pages = sorted(site.rglob("*.html"))
    found = [qr for page in pages for qr in qr_images_on_page(page)]
    assert len(found) == _expected_images(data_dir)
    assert sum(images_with_qr_alt(page) for page in pages) == len(found)  # no QR image outside a QR figure
    published = {path.resolve() for path in site.rglob("qr-*.*")}
    assert {qr.image_file for qr in found} == published  # and no QR file that no page shows
    rendered: dict[str, Image.Image] = {}
    for qr in found:
        assert qr.alt.endswith(f": {qr.printed_url}"), qr
        image = _pixels(qr, tmp_path, rendered)
        if qr.image_file.suffix == ".png":
            assert image.width >= MIN_PRINT_PIXELS
        assert [d.text for d in decode(image)] == [qr.printed_url], qr
        assert [d.text for d in decode(scaled(image, PRINTED_QR_PIXELS))] == [qr.printed_url], qr
