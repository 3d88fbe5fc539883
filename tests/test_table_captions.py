"""Every Markdown table gets a caption and header scopes (hooks/itagen/render/table_captions.py)."""

from __future__ import annotations

import markdown

from itagen.render.table_captions import TableCaptionExtension

TABLE = "| ตัวชี้วัด | คะแนน |\n|---|---:|\n| 1. การปฏิบัติหน้าที่ | 95.00 |\n"


def _html(source: str) -> str:
    return markdown.markdown(source, extensions=["tables", "attr_list", TableCaptionExtension()])


def test_a_marked_paragraph_before_the_table_becomes_its_visible_caption() -> None:
    html = _html("## คะแนน\n\nคะแนนรายตัวชี้วัด ITA 2568\n{: .ita-caption }\n\n" + TABLE)
    assert '<table>\n<caption class="ita-caption">คะแนนรายตัวชี้วัด ITA 2568</caption>' in html
    assert "<p" not in html


def test_without_one_the_heading_above_names_the_table_for_screen_readers() -> None:
    html = _html("## คะแนนรายตัวชี้วัด {#indicators}\n\nข้อความ\n\n" + TABLE)
    assert '<caption class="ita-visually-hidden">คะแนนรายตัวชี้วัด</caption>' in html


def test_a_table_with_no_heading_above_gets_no_invented_caption() -> None:
    assert "<caption" not in _html(TABLE)


def test_header_cells_name_their_columns() -> None:
    html = _html(TABLE)
    assert html.count('<th scope="col"') == 2
    assert "<th>" not in html


def test_a_caption_paragraph_not_followed_by_a_table_stays_a_paragraph() -> None:
    html = _html("หมายเหตุ\n{: .ita-caption }\n\nข้อความต่อไป\n")
    assert '<p class="ita-caption">หมายเหตุ</p>' in html
