"""Seed 004 (เทศบาลตำบลพอกน้อย): every measure, unit, date, signatory and both announcements are on the built pages.

The expected values are transcribed from the seed document itself, not read from the example data,
so a fact dropped or mistyped in ``examples/thetsaban-phok-noi`` fails here. The document has no
scores. Its survey window ends on "31 มิถุนายน 2566", a day that does not exist: the example uses
30 June, and the last test shows what the literal date does.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, page_text, run_build

PHOK_NOI = EXAMPLES / "thetsaban-phok-noi"
YEAR = "ita/2566"
AGENCY = "เทศบาลตำบลพอกน้อย"
PLACE = "อำเภอพรรณานิคม จังหวัดสกลนคร"
UNIT = "สำนักงานปลัด"

# The measures table: (มาตรการ, the start of แนวทางการปฏิบัติ, ขั้นตอน 1 and 2, การกำกับติดตาม).
MEASURES = [
    (
        "ประสิทธิภาพการสื่อสาร",
        "แจ้งประชาสัมพันธ์ในการปฏิบัติงานด้วยความโปร่งใส และบริการประชาชนด้วยความเท่าเทียมกันไม่เลือกปฏิบัติ",
        [
            "ผู้รับผิดชอบดำเนินการแจ้งประชาสัมพันธ์",
            "ผู้รับผิดชอบดำเนินการเผยแพร่การทำงานอย่างมีประสิทธิภาพทางการสื่อสาร บนเว็บไซต์หลักของหน่วยงาน",
        ],
        "รายงานผลการดำเนินงาน รอบ 12 เดือน",
    ),
    (
        "การปรับปรุงการทำงาน",
        "ประสานงานกับหมู่บ้านเดือนละ 1 ครั้ง",
        [
            "ผู้รับผิดชอบจัดให้มีข้อมูลเผยแพร่ต่อสาธารณชนบนเว็บไซต์หลักของหน่วยงานตามแนวทางที่สำนักงาน ป.ป.ช.",
            "ติดตามและตรวจสอบสถานะของข้อมูลข่าวสารให้เป็นปัจจุบัน",
        ],
        "รายงานผลการดำเนินงานตามมาตรการ รอบ 12 เดือน",
    ),
    (
        "การแก้ไขปัญหาการทุจริต",
        "จัดทำคู่มือประชาสัมพันธ์ให้ผู้ปฏิบัติงานด้วยกันที่ยังไม่เข้าใจได้รับทราบ ได้แก่ เอกสารการใช้งบประมาณ",
        [
            "ควรมีช่องทางในการแจ้งเบาะแสการทุจริต เช่น สายด่วน หรือช่องทางอื่นๆ ตามความเหมาะสม",
            "ติดตามและตรวจสอบสถานะของข้อมูลข่าวสารให้เป็นปัจจุบัน",
        ],
        "รายงานผลการดำเนินงาน รอบ 12 เดือน",
    ),
]
WEAK_INDICATORS = "ตัวชี้วัดประสิทธิภาพการสื่อสาร ตัวชี้วัดการปรับปรุงการทำงาน และตัวชี้วัดการป้องกันการทุจริต"

# The implementation report: (มาตรการ, รายละเอียดการดำเนินงาน, ผลผลิต, ผลลัพธ์); every row "เดือนมีนาคม2566".
REPORT_PERIOD = "มีนาคม 2566"
REPORT = [
    (
        "ประสิทธิภาพการสื่อสาร",
        ["จัดทำมาตรการตรวจสอบการตรวจสอบการใช้ดุลยพินิจ (เผยแพร่ข้อมูลสู่สาธารณบนเว็บไซต์หลักของหน่วยงาน"],
        "การปรับปรุงประสิทธิภาพการสื่อสาร",
        "การใช้ดุลพินิจของผู้บังคับบัญชา เป็นไปตามกฎหมาย กฎ ระเบียบ ข้อบังคับ ประกาศ หลักเกณฑ์ มาตรฐาน คู่มือการปฏิบัติงาน อย่างเคร่งครัด",
    ),
    (
        "การปรับปรุงการทำงาน",
        [
            "จัดทำมาตรการเผยแพร่ข้อมูลต่อสาธารณะ(เผยแพร่ข้อมูลสู่สาธารณบนเว็บไซต์หลักของหน่วยงาน",
            "เผยแพร่ข้อมูลที่ถูกต้อง รวดเร็ว ทันต่อสถานการณ์เผยแพร่ต่อสาธารณชน",
        ],
        "การปรับปรุงการทำงานภายในหน่วยงาน",
        "รายงานผลการปรับปรุงการทำงานภายในหน่วยงาน ทำประกาศเผยแพร่ข้อมูลต่อสาธารณะ รอบ 12 เดือน",
    ),
    (
        "การแก้ไขปัญหาการทุจริต",
        ["จัดทำประกาศเจตจำนงการบริหารงานด้วยความซื่อสัตย์สุจริตอย่างมีคุณธรรมและโปร่งใส ของผู้บริหารเทศบาลตำบลพอกน้อย"],
        "ประกาศเจตจำนงการบริหารงานด้วยความซื่อสัตย์สุจริตอย่างมีคุณธรรมและโปร่งใส",
        "รายงานผลการดำเนินงานตามมาตรการ และทำประกาศเผยแพร่ข้อมูลต่อสาธารณะ รอบ 12 เดือน",
    ),
]
REPORT_AUTHOR = ("ผู้จัดทำ", "นางสาวยุวดี อุเทนสุต", "หัวหน้าฝ่ายอำนวยการ")

# The two announcements.
TITLE = (
    "ประกาศเทศบาลตำบลพอกน้อย เรื่อง การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น"
    " ประจำปีงบประมาณ พ.ศ. 2566"
)
LINKS = {"iit": "https://itas.nacc.go.th/go/iit/h9unqk", "eit": "https://itas.nacc.go.th/go/eit/h9unqk"}
SURVEY_NAMES = {"iit": "ผู้มีส่วนได้ส่วนเสียภายใน (IIT)", "eit": "ผู้มีส่วนได้ส่วนเสียภายนอก (EIT)"}
OPENS = "3 มกราคม 2566"
CLOSES = "30 มิถุนายน 2566"  # the document's "31 เดือนมิถุนายน" does not exist; see the README
ANNOUNCED = "3 มกราคม 2566"
SIGNER = ("นายเสน่ห์ วจีสิงห์", "นายกเทศมนตรีตำบลพอกน้อย")
FIRST_PARAGRAPH = (
    "ด้วยเทศบาลตำบลพอกน้อย เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น"
    " ประจำปีงบประมาณ พ.ศ. 2566 โดยมีวัตถุประสงค์เพื่อวัดระบบคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"
)


@pytest.fixture(scope="module")
def site(built_site: Callable[[Path], Path]) -> Path:
    return built_site(PHOK_NOI)


def test_measures_with_approach_steps_unit_and_follow_up(site: Path) -> None:
    text = page_text(site, f"{YEAR}/measures/index.html")
    assert f"{AGENCY} {PLACE} ได้ดำเนินการวิเคราะห์ผลการประเมิน" in text
    assert WEAK_INDICATORS in text
    for index, (title, approach, steps, follow_up) in enumerate(MEASURES, start=1):
        start = text.index(f"{index}. {title}")
        end = text.index(f"{index + 1}. ", start + 3) if index < len(MEASURES) else len(text)
        section = text[start:end]
        assert approach in section, title
        for step in steps:
            assert step in section, (title, step)
        assert f"ผู้รับผิดชอบ: {UNIT}" in section, title
        assert f"การติดตามผล: {follow_up}" in section, title


def test_implementation_report_rows(site: Path) -> None:
    text = page_text(site, f"{YEAR}/progress-12-month/index.html")
    assert f"บัดนี้ {AGENCY} {PLACE} ได้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" in text
    assert "รอบ 12 เดือน" in text
    starts = [text.index(f"{title} สถานะ: ดำเนินการแล้ว") for title, *_ in REPORT]  # each row's heading
    for (title, actions, output, outcome), start, end in zip(REPORT, starts, [*starts[1:], len(text)], strict=True):
        section = text[start:end]
        for action in actions:
            assert action in section, (title, action)
        assert f"ระยะเวลาการดำเนินงาน: {REPORT_PERIOD}" in section, title
        assert f"ผลผลิต {output}" in section, title
        assert f"ผลลัพธ์ {outcome}" in section, title
    role, name, position = REPORT_AUTHOR
    assert f"{role} ({name}) ตำแหน่ง {position}" in text


@pytest.mark.parametrize("tool", ["iit", "eit"])
def test_announcement(site: Path, tool: str) -> None:
    text = page_text(site, f"{YEAR}/survey-{tool}/index.html")
    link = LINKS[tool]
    assert text.startswith(TITLE)
    assert FIRST_PARAGRAPH in text
    assert f"บัดนี้ {AGENCY} ได้รับแจ้งช่องทางการเข้าตอบแบบวัดการรับรู้ของ{SURVEY_NAMES[tool]} เรียบร้อยแล้ว" in text
    assert f"ร่วมประเมินการดำเนินงานของ{AGENCY} {PLACE}" in text
    assert f"ได้ทาง {link} หรือ QR Code ท้ายประกาศฉบับนี้" in text
    assert f"ตั้งแต่วันที่ {OPENS} จนถึงวันที่ {CLOSES}" in text
    assert f"ประกาศ ณ วันที่ {ANNOUNCED} ({SIGNER[0]}) {SIGNER[1]}" in text
    assert f"โปรดสแกน QR Code {link}" in text
    other = LINKS["eit" if tool == "iit" else "iit"]
    assert other not in text


def test_overview_keeps_the_preface_and_lists_every_document(site: Path) -> None:
    text = page_text(site, f"{YEAR}/index.html")
    assert "ยังไม่มีผลการประเมิน ITA" in text  # the document gives no scores
    assert "แสดง QR code แบบวัด EIT และ IIT บนเว็บไซต์ของเทศบาลตำบลพอกน้อย" in text
    for title in ("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "รอบ 12 เดือน", "ประกาศเชิญตอบแบบวัด IIT", "ประกาศเชิญตอบแบบวัด EIT"):
        assert title in text


def test_the_documents_31_june_warns_and_fails_a_strict_build(tmp_path: Path) -> None:
    data = tmp_path / "phok-noi"
    shutil.copytree(PHOK_NOI, data)
    year_file = data / "years/2566.yml"
    text = year_file.read_text(encoding="utf-8")
    assert "  closes: 2566-06-30\n" in text
    year_file.write_text(text.replace("  closes: 2566-06-30\n", "  closes: วันที่ 31 เดือนมิถุนายน พ.ศ.2566\n"), "utf-8")

    strict = run_build(data, tmp_path / "strict")
    assert strict.returncode != 0
    assert "surveys.closes" in strict.stderr and "does not exist" in strict.stderr
    assert not (tmp_path / "strict").exists()

    lenient = run_build(data, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0
    assert "ไม่มีอยู่จริงในปฏิทิน" in lenient.stderr
    assert f"จนถึงวันที่ {CLOSES}" in page_text(tmp_path / "lenient", f"{YEAR}/survey-eit/index.html")
