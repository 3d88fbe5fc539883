"""How the Word import reads what offices type in a cell: list items numbered or dashed, periods
with two-digit years, scores in Thai digits, units separated every way."""

from __future__ import annotations

from pathlib import Path

import pytest

from itagen.author.word.blocks import Paragraph, Table
from itagen.author.word.columns import report_round
from itagen.author.word.measures import period_text
from itagen.author.word.review import Review
from itagen.author.word.scores import AssessmentFound, indicator_of, read_indicator_table, read_overall, read_years
from itagen.author.word.signatures import read_signatories
from itagen.author.word.text import clean, list_items, score_cell, split_units


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("- ตรวจสอบเว็บไซต์ - รวบรวมข้อมูล - กองคลังแจ้งสรุป", ["ตรวจสอบเว็บไซต์", "รวบรวมข้อมูล", "กองคลังแจ้งสรุป"]),
        ("๑. จัดประชุม ๒. แจ้งเวียน พ.ศ. ๒๕๖๖ ๓. สรุปผล", ["จัดประชุม", "แจ้งเวียน พ.ศ. ๒๕๖๖", "สรุปผล"]),
        ("1. ระบบ e-GP ราคา 99.50 บาท\n2. รายงานรอบ 6 เดือน", ["ระบบ e-GP ราคา 99.50 บาท", "รายงานรอบ 6 เดือน"]),
        ("<p>1. หนึ่ง</p> <p>2. สอง</p>", ["หนึ่ง", "สอง"]),
        ('<ol style="list-style-type: none"> <li>1. หนึ่ง</li><li>2. สอง</li></ol>', ["หนึ่ง", "สอง"]),
        ("1. ปฏิบัติงานตามมาตรฐาน:\nผู้บริหารกำกับ\n2. รับฟังข้อร้องเรียน", ["ปฏิบัติงานตามมาตรฐาน:\nผู้บริหารกำกับ", "รับฟังข้อร้องเรียน"]),
        ("การยืม-คืนพัสดุ ข้อ ๑๑ และ ๑๒", ["การยืม-คืนพัสดุ ข้อ ๑๑ และ ๑๒"]),
        ("-กิจกรรมการจัดซื้อจัดจ้าง -โครงการตามแผน", ["กิจกรรมการจัดซื้อจัดจ้าง", "โครงการตามแผน"]),
        ("• ประชุมชี้แจง • ออกแบบสื่อ", ["ประชุมชี้แจง", "ออกแบบสื่อ"]),
        ("● ประชุมชี้แจง\n● ออกแบบสื่อ", ["ประชุมชี้แจง", "ออกแบบสื่อ"]),
        ("1) จัดทำประกาศ 2) เผยแพร่", ["จัดทำประกาศ", "เผยแพร่"]),
    ],
)
def test_list_items(cell: str, items: list[str]) -> None:
    assert list_items(cell) == items


@pytest.mark.parametrize(
    ("cell", "period"),
    [
        ("ม.ค. - เม.ย. ๒๕๖๕", "ม.ค. - เม.ย. 2565"),
        ("มี.ค.-เม.ย.๖๕", "มี.ค.-เม.ย. 2565"),
        ("ม.ค. - มี.ค. ๖๕", "ม.ค. - มี.ค. 2565"),
        ("ตลอดปี ๒๕๖๕", "ตลอดปี 2565"),
        ("ตลอดปีงบประมาณ พ.ศ.2569", "ตลอดปีงบประมาณ พ.ศ.2569"),
        ("๑ ต.ค. ๒๕๖๗ - ๒๘ ก.พ. ๒๕๖๘", "1 ต.ค. 2567 - 28 ก.พ. 2568"),
        ("เดือนมีนาคม2566", "เดือนมีนาคม2566"),
        ("ตามความเหมาะสม", None),
        ("ทุกไตรมาส", None),
    ],
)
def test_periods_as_the_loader_reads_them(cell: str, period: str | None) -> None:
    assert period_text(cell) == period


def test_scores_and_units_and_indicator_names() -> None:
    assert score_cell("๘๕.๐๒ คะแนน") == 85.02
    assert score_cell("100") == 100.0
    assert score_cell("105.00") is None
    assert score_cell("ผลคะแนน IIT") is None
    assert split_units("๑.สำนักปลัด ๒.กองคลัง ๓.กองช่าง") == ["สำนักปลัด", "กองคลัง", "กองช่าง"]
    assert split_units("สำนักปลัด, หน่วยงานตรวจสอบภายใน") == ["สำนักปลัด", "หน่วยงานตรวจสอบภายใน"]
    assert split_units("สำนักปลัด\nกองคลัง") == ["สำนักปลัด", "กองคลัง"]
    assert indicator_of("๘. การปรับปรุงการทำงาน") == (8, "การปรับปรุงการทำงาน")
    assert indicator_of("8. การปรับปรุงระบบการทำงาน") == (8, None)
    assert indicator_of("10 การป้องกันการทุจริต") == (10, None)
    assert indicator_of("การเปิดเผยข้อมูลข่าวสารด้านการใช้จ่ายงบประมาณ") is None
    assert clean("  a \u00a0 b <b>c</b> &amp; ") == "a b c &"


def test_only_a_thai_name_in_parentheses_over_a_position_signs() -> None:
    lines = [
        "ผู้จัดทำ",
        "(นางสาวปราณี จันทไชย)",
        "ตำแหน่ง นักวิชาการตรวจสอบภายในชำนาญการ",
        "(Integrity and Transparency Assessment)",
        "ถือเป็นเครื่องมือ",
        "(พ.ศ. ๒๕๖๕)",
        "ประจำปี",
        "ผู้เห็นชอบ",
        "ว่าที่ ร.ต.",
        "(สมชาย มั่นคง)",
        "ปลัดเทศบาล",
        "ลงชื่อ……ยุวดี อุเทนสุต…....ผู้จัดทำ",
        "(นางสาวยุวดี   อุเทนสุต)",
        "ตำแหน่ง  หัวหน้าฝ่ายอำนวยการ",
    ]
    paragraphs = [Paragraph(number, text) for number, text in enumerate(lines, start=1)]
    signed = [signatory for _, signatory in read_signatories(paragraphs, Review(Path("x.docx")))]
    assert signed == [
        {"role": "ผู้จัดทำ", "name": "นางสาวปราณี จันทไชย", "position": "นักวิชาการตรวจสอบภายในชำนาญการ"},
        {"role": "ผู้เห็นชอบ", "prefix": "ว่าที่ ร.ต.", "name": "สมชาย มั่นคง", "position": "ปลัดเทศบาล"},
        {"role": "ผู้จัดทำ", "name": "นางสาวยุวดี อุเทนสุต", "position": "หัวหน้าฝ่ายอำนวยการ"},
    ]


@pytest.mark.parametrize(
    ("sentence", "score", "level"),
    [
        ("พบว่า มีผลคะแนน ๙๐.๗๙ คะแนน อยู่ในระดับ A ดังนี้", 90.79, "A"),
        ("โดยมีค่าคะแนนโดยรวม เท่ากับ 97.73 คะแนน อยู่ในระดับ “ผ่านดีเยี่ยม”", 97.73, "ผ่านดีเยี่ยม"),
        ("เทศบาลตำบลสระบัว ได้คะแนน ๙๙.๘๔ คะแนน (ผ่านดีเยี่ยม) โดยมีรายละเอียด", 99.84, "ผ่านดีเยี่ยม"),
        ("ได้คะแนนรวม 88.50 ซึ่งอยู่ในระดับ B", 88.5, "B"),
        ("มีผลคะแนน 86.40 คะแนน อยู่ในระดับ ผ่านดี", 86.4, "ผ่านดี"),
        ("มีผลคะแนน 62.00 คะแนน อยู่ในระดับ ต้องปรับปรุงโดยด่วน", 62.0, "ต้องปรับปรุงโดยด่วน"),
        ("ผลคะแนนของตัวชี้วัดด้าน การใช้จ่ายงบประมาณ มีค่าต่ำสุด เท่ากับ ๗๗.๗๗", None, None),
    ],
)
def test_the_overall_result_sentence(sentence: str, score: float | None, level: str | None) -> None:
    found = AssessmentFound()
    read_overall([Paragraph(1, sentence)], found, Review(Path("x.docx")))
    assert (found.overall_score, found.level) == (score, level)


@pytest.mark.parametrize(
    ("lines", "fiscal_year", "ita_year"),
    [
        (
            [
                "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                "ประจำปีงบประมาณ ๒๕๖๕",
                "๑. การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๔",
            ],
            2565,
            2564,
        ),
        (["รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน", "ของหน่วยงานภาครัฐ ในปี พ.ศ. 2568"], None, 2568),
        (["การวิเคราะห์ผลการประเมิน ITA", "ประจำปีงบประมาณ พ.ศ. 2567"], None, 2567),
        (["การนำผลการประเมิน ITA ในปี พ.ศ.๒๕๖๓ ไปดำเนินการปรับปรุงและพัฒนา ในปีงบประมาณ พ.ศ. ๒๕๖๔"], 2564, 2563),
        (["ประกาศเทศบาลตำบลพอกน้อย", "เรื่อง การประเมินคุณธรรมและความโปร่งใส", "ประจำปีงบประมาณ พ.ศ. 2566"], 2566, None),
    ],
)
def test_the_years_of_a_heading(lines: list[str], fiscal_year: int | None, ita_year: int | None) -> None:
    found = AssessmentFound()
    read_years([Paragraph(n, text) for n, text in enumerate(lines, 1)], found, Review(Path("x.docx")))
    assert (found.fiscal_year, found.ita_year) == (fiscal_year, ita_year)


def test_the_round_a_report_names_first() -> None:
    assert report_round("รายงานผลการดำเนินงาน รอบ ๖ เดือน (ต.ค. – มี.ค.)") == "6-month"
    assert report_round("ผลการดำเนินงานรอบ 12 เดือน ทั้งนี้จัดทำรายงานรอบ 6 เดือนแล้ว") == "12-month"
    assert report_round("สรุปผล ณ สิ้นปีงบประมาณ") == "year-end"
    assert report_round("รายงานผลการดำเนินงาน") is None


def test_a_scores_table_with_the_tools_and_the_total_on_rows_of_their_own() -> None:
    rows = [
        ["ตัวชี้วัด", "คะแนน"],
        ["แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)", "๙๕.๑๐"],
        ["๑. การปฏิบัติหน้าที่", "๙๖.๐๐"],
        ["๒. การใช้งบประมาณ", "๙๔.๒๐"],
        ["แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)", ""],
        ["๖. คุณภาพการดำเนินงาน", "๙๓.๐๐"],
        ["คะแนนรวม", "๙๔.๕๐"],
        ["หมายเหตุ: คะแนนเต็ม ๑๐๐", ""],
    ]
    found = AssessmentFound()
    review = Review(Path("x.docx"))
    assert read_indicator_table(Table(4, rows, list(range(1, len(rows) + 1))), found, review)
    assert found.tools == {"iit": 95.1}
    assert found.overall_score == 94.5
    assert sorted(found.indicators) == [1, 2, 6]
    assert all("95.1" not in str(finding) and "๙๕.๑๐" not in str(finding) for finding in found.findings)
    assert [note.where.row for note in review.notes] == [8]
