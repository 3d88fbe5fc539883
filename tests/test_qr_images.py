"""QR images: they decode to exactly the URL, at full size and at the size printed 3 cm wide; nothing is cached."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEMO_DATA, PROJECT_ROOT, run_build
from PIL import Image
from qr_support import PRINTED_QR_PIXELS, decode, scaled, screenshot

from itagen.render import qr_images
from itagen.render.qr_images import MIN_PRINT_PIXELS, QUIET_ZONE, SVG_MODULE_PIXELS, draw, qr_matrix

URLS = [
    "https://itas.nacc.go.th/go/iit/h9unqk",
    "https://itas.nacc.go.th/go/eit/h9unqk",
    "https://itas.nacc.go.th/go/eit/demo42",
    "https://survey.example.go.th/ita/2569/eit?agency=a_very_long_code_1234567890&lang=th",
]


@pytest.mark.parametrize("url", URLS)
def test_png_decodes_to_the_url_at_full_and_printed_size(url: str) -> None:
    image = Image.open(io.BytesIO(draw(url).png))
    assert image.width == image.height >= MIN_PRINT_PIXELS
    (full,) = decode(image)
    assert full.text == url
    assert full.ec_level in {"M", "Q", "H"}
    (small,) = decode(scaled(image, PRINTED_QR_PIXELS))
    assert small.text == url


@pytest.mark.parametrize("url", URLS)
def test_png_has_a_quiet_zone_of_four_modules(url: str) -> None:
    image = Image.open(io.BytesIO(draw(url).png)).convert("L")
    modules = len(qr_matrix(url))
    module_pixels = image.width // modules
    assert module_pixels * modules == image.width
    band = QUIET_ZONE * module_pixels
    pixels = image.load()
    assert pixels is not None
    edge = [pixels[x, y] for x in range(image.width) for y in range(image.height) if min(x, y) < band]
    assert set(edge) == {255}
    assert pixels[band, band] == 0  # the finder pattern starts right after the quiet zone


@pytest.mark.parametrize("url", URLS[:2])
def test_svg_drawn_by_chromium_decodes_to_the_url(url: str, tmp_path: Path) -> None:
    svg = tmp_path / "qr.svg"
    svg.write_bytes(draw(url).svg)
    pixels = len(qr_matrix(url)) * SVG_MODULE_PIXELS  # the SVG's own width and height
    rendered = screenshot(svg.as_uri(), tmp_path / "qr.png", pixels, pixels)
    assert [d.text for d in decode(rendered)] == [url]
    assert [d.text for d in decode(scaled(rendered, PRINTED_QR_PIXELS))] == [url]


def test_svg_escapes_the_url_in_its_title() -> None:
    svg = draw('https://survey.example.go.th/?a=1&b="x"').svg.decode()
    assert "&amp;b=&quot;x&quot;" in svg and '&b="x"' not in svg


@pytest.mark.parametrize(("setting", "value"), [("PRINT_WIDTH_CM", 6.0), ("QUIET_ZONE", 2), ("DRAWING_VERSION", "x")])
def test_every_drawing_setting_is_part_of_the_published_file_name(
    monkeypatch: pytest.MonkeyPatch, setting: str, value: object
) -> None:
    before = qr_images.input_digest(URLS[0])
    monkeypatch.setattr(qr_images, setting, value)
    assert qr_images.input_digest(URLS[0]) != before


def _demo_url(image: Path) -> str:
    """The demo's survey link that a published ``qr-<tool>-<hash>`` image encodes."""
    return f"https://itas.nacc.go.th/go/{image.name.split('-')[1]}/demo42"


def test_images_left_in_the_old_cache_folder_are_never_published(tmp_path: Path) -> None:
    """Earlier versions kept images in .cache/qr by their hash: a replaced or truncated one was published."""
    result = run_build(DEMO_DATA, tmp_path / "first")
    assert result.returncode == 0, result.stderr
    published = sorted((tmp_path / "first" / "ita").rglob("qr-*"))
    cache = PROJECT_ROOT / ".cache" / "qr"
    cache.mkdir(parents=True, exist_ok=True)
    planted = []
    for image in published:
        digest = qr_images.input_digest(_demo_url(image))
        assert digest.startswith(image.stem.rsplit("-", 1)[1])  # the name the old cache used
        wrong = draw("https://evil.example/") if image.suffix == ".png" else None
        target = cache / f"{digest}{image.suffix}"
        target.write_bytes(wrong.png if wrong else b"<svg")  # another code, and a truncated file
        planted.append(target)
    try:
        again = run_build(DEMO_DATA, tmp_path / "second")
        assert again.returncode == 0, again.stderr
        for image in published:
            rebuilt = tmp_path / "second" / image.relative_to(tmp_path / "first")
            assert rebuilt.read_bytes() == image.read_bytes()
            if image.suffix == ".png":
                assert [d.text for d in decode(Image.open(rebuilt))] == [_demo_url(image)]
    finally:
        for target in planted:
            target.unlink(missing_ok=True)


def test_the_engine_loads_no_drawing_or_font_engine_it_never_uses() -> None:
    """qrcode's optional drawing styles (Pillow's ImageDraw and FreeType fonts) stay out of a build's
    memory, and stay importable for whoever wants them afterwards."""
    script = (
        "import sys; sys.path.insert(0, 'hooks'); import itagen.render.qr_images\n"
        "print(sorted(m for m in ('PIL.ImageDraw', 'PIL.ImageFont') if m in sys.modules))\n"
        "from qrcode.image.styles.moduledrawers.pil import SquareModuleDrawer; print(SquareModuleDrawer.__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["[]", "SquareModuleDrawer"]
