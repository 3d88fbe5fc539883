"""QR images: they decode to exactly the URL, at full size and at the size printed 3 cm wide; they are cached."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import DEMO_DATA, run_build
from PIL import Image
from qr_support import PRINTED_QR_PIXELS, decode, scaled, screenshot

from itagen.render import qr_images
from itagen.render.qr_images import MIN_PRINT_PIXELS, QUIET_ZONE, SVG_MODULE_PIXELS, QrCache, draw, qr_matrix

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


def test_an_unchanged_url_is_read_from_the_cache_not_drawn_again(tmp_path: Path) -> None:
    first = QrCache(tmp_path)
    images = first.images(URLS[0])
    assert (first.drawn, first.reused) == (1, 0)
    files = sorted(tmp_path.iterdir())
    assert [f.suffix for f in files] == [".png", ".svg"]
    stamps = [f.stat().st_mtime_ns for f in files]

    second = QrCache(tmp_path)  # a new build, or a `make serve` rebuild
    again = second.images(URLS[0])
    assert (second.drawn, second.reused) == (0, 1)
    assert again == images
    assert [f.stat().st_mtime_ns for f in sorted(tmp_path.iterdir())] == stamps

    second.images(URLS[1])  # a changed URL is drawn
    assert second.drawn == 1 and len(list(tmp_path.iterdir())) == 4


@pytest.mark.parametrize(("setting", "value"), [("PRINT_WIDTH_CM", 6.0), ("QUIET_ZONE", 2), ("DRAWING_VERSION", "x")])
def test_every_drawing_setting_is_part_of_the_cache_key(
    monkeypatch: pytest.MonkeyPatch, setting: str, value: object
) -> None:
    before = qr_images.input_digest(URLS[0])
    monkeypatch.setattr(qr_images, setting, value)
    assert qr_images.input_digest(URLS[0]) != before


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    cache = QrCache(blocker / "qr")
    assert cache.images(URLS[0]).png == draw(URLS[0]).png


def test_a_second_real_build_reuses_every_cached_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("ITA_CACHE_DIR", str(cache_dir))
    first = run_build(DEMO_DATA, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    cached = sorted((cache_dir / "qr").iterdir())
    assert len(cached) == 4  # IIT and EIT, PNG and SVG: the three demo years share one code
    stamps = {f.name: f.stat().st_mtime_ns for f in cached}

    second = run_build(DEMO_DATA, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert {f.name: f.stat().st_mtime_ns for f in (cache_dir / "qr").iterdir()} == stamps
    published = {f.read_bytes() for f in (tmp_path / "second" / "ita").rglob("qr-*")}
    assert published == {f.read_bytes() for f in cached}
