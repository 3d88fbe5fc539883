"""Data cannot make pages call other websites, and the OIT URL sheet cannot carry spreadsheet formulas."""

from __future__ import annotations

from pathlib import Path

import pytest

from itagen.load.schema import Validator
from itagen.load.text_checks import remote_image_targets
from itagen.records.values import MarkdownText
from itagen.render.sheets import spreadsheet_safe_cell


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("ดู ![แผนที่](https://maps.example.com/a.png)", ["https://maps.example.com/a.png"]),
        ("![x](//cdn.example.com/y.png)", ["//cdn.example.com/y.png"]),
        ("![โลโก้](images/logo.png)", []),
        ("[ลิงก์ธรรมดา](https://example.go.th/)", []),
    ],
)
def test_remote_images_are_found(text: str, remote: list[str]) -> None:
    assert remote_image_targets(text) == remote


def test_remote_image_in_data_is_an_error() -> None:
    from itagen.problems import Location

    validator = Validator()
    validator.scalar(
        MarkdownText, "ผล ![กราฟ](https://example.com/g.png)", Location(Path("years/2569.yml"), 7, "notes"), {}
    )
    assert [p.english for p in validator.errors] == [
        "image 'https://example.com/g.png' is on another website; pages must not load anything from other sites, use a plain link (drop the !)"
    ]


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)"])
def test_formula_like_cells_stay_text(cell: str) -> None:
    assert spreadsheet_safe_cell(cell) == "'" + cell


def test_ordinary_cells_are_unchanged() -> None:
    assert spreadsheet_safe_cell("O25") == "O25"
    assert spreadsheet_safe_cell("https://example.go.th/ita/2569/oit/") == "https://example.go.th/ita/2569/oit/"
