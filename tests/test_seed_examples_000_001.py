"""Seeds 000 (เทศบาลตำบลแร่) and 001 (อบต.บ้านเพชร): every fact of the documents is on the built pages.

The expected values are transcribed from the seed documents, not read from the example data, so a
fact dropped or mistyped in ``examples/`` (or lost by a template) fails here. Both seeds write
figures in Thai digits, and so must the pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, article_html, page_text, visible_text

RAE = EXAMPLES / "thetsaban-rae"
BAN_PHET = EXAMPLES / "abt-ban-phet"
YEAR_PAGES = ("index.html", "analysis/index.html", "measures/index.html")

# --- Seed 000: fiscal year ๒๕๖๕, analysing ITA ๒๕๖๔ --------------------------------------------

OVERALL_000 = "๙๐.๗๙"
INDICATORS_000 = [
    ("๑", "การปฏิบัติหน้าที่", "๙๓.๔๖"),
    ("๒", "การใช้งบประมาณ", "๘๖.๓๔"),
    ("๓", "การใช้อำนาจ", "๙๑.๗๗"),
    ("๔", "การใช้ทรัพย์สินของราชการ", "๘๘.๔๙"),
    ("๕", "การแก้ไขปัญหาการทุจริต", "๘๗.๗๑"),
    ("๖", "คุณภาพการดำเนินงาน", "๘๕.๐๒"),
    ("๗", "ประสิทธิภาพการสื่อสาร", "๘๒.๕๔"),
    ("๘", "การปรับปรุงการทำงาน", "๗๖.๑๒"),  # the seed's wording of indicator 8
    ("๙", "การเปิดเผยข้อมูล", "๙๗.๗๘"),
    ("๑๐", "การป้องกันการทุจริต", "๑๐๐.๐๐"),
]
# The issue the seed raises per tool: the tool heading and words from its text.
ISSUES_000 = [
    ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)", "ผลคะแนน IIT พบว่าตัวชี้วัดที่ ๒ การใช้งบประมาณ มีค่าคะแนนน้อยที่สุดในกลุ่มเครื่องมือ"),
    ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)", "ให้มีกระบวนการขั้นตอนที่สะดวก รวดเร็ว ตียั้งขึ้น นำเทคโนโลยีมาใช้"),
    ("แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)", "ในภาพรวมถือว่าผ่านเกณฑ์ ควรรักษามาตรฐานของการดำเนินงานที่ดีไว้ในปีต่อไป"),
]
# (title, a step, responsible units as shown, period as shown, follow-up)
MEASURES_000 = [
    (
        "การสร้างความรู้ความเข้าใจในการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
        "จัดประชุมปรึกษาหารือเพื่อทบทวนปัญหาและอุปสรรคในการดำเนินงานฯ",
        "สำนักปลัด, หน่วยงานตรวจสอบภายใน",
        "ม.ค. – เม.ย. ๒๕๖๕",  # ม.ค. - เม.ย. ๒๕๖๕
        "รายงานผลและติดตามประเมินผลการดำเนินงานอย่างน้อยปีละครั้ง",
    ),
    (
        "การเปิดเผยข้อมูลข่าวสารด้านการใช้จ่ายงบประมาณ",
        "กองคลังแจ้งสรุปในที่ประชุมประจำเดือนถึงการใช้จ่ายงบประมาณ",
        "สำนักปลัด, กองคลัง",
        "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๕",  # ตลอดปี ๒๕๖๕
        "รายงานผลการดำเนินงานในที่ประชุมประจำเดือน",
    ),
    (
        "พัฒนาระบบ เทคโนโลยี สารสนเทศ",
        "จัดฝึกอบรมผู้ดูแลเว็บไซต์ ของเทศบาล",
        "สำนักปลัด",
        "ม.ค. – มี.ค. ๒๕๖๕",  # ม.ค. - มี.ค. ๖๕
        "รายงานผลและติดตามประเมินผลการดำเนินงานอย่างน้อยปีละครั้ง",
    ),
    (
        "โครงการพัฒนา คุณธรรมจริยธรรม",
        "แต่งตั้งคณะทำงาน",
        "สำนักปลัด",
        "มี.ค. – เม.ย. ๒๕๖๕",  # มี.ค.-เม.ย.๖๕
        "รายงานผลการดำเนินโครงการ และนำภาพกิจกรรมไปเผยแพร่บนเว็บไซต์ของหน่วยงาน",
    ),
]
# As the signature block reads: role, rank prefix, (name), ตำแหน่ง position.
SIGNATORIES_000 = [
    "ผู้จัดทำ (นางสาวปราณี จันทไชย) ตำแหน่ง นักวิชาการตรวจสอบภายในชำนาญการ",
    "จ.อ. (ทวี จันทรเสนา) ตำแหน่ง ปลัดเทศบาลตำบลแร่",
    "(นางครสวรรณ สุพัฒนานนท์) ตำแหน่ง นายกเทศมนตรีตำบลแร่",
]

# --- Seed 001: fiscal year ๒๕๖๔, analysing ITA ๒๕๖๓ --------------------------------------------

# Per tool, the lowest indicator and its score.
LOWEST_001 = [
    ("IIT", "๒. การใช้งบประมาณ", "๗๗.๗๗", "ด้าน IIT พบว่า ผลคะแนนของตัวชี้วัดด้าน การใช้จ่ายงบประมาณ มีค่าต่ำสุด"),
    ("EIT", "๘. การปรับปรุงระบบการทำงาน", "๗๙.๕๙", "ด้าน EIT พบว่า ผลคะแนนของตัวชี้วัด ด้านการปรับปรุงระบบการทำงาน มีค่าต่ำสุด"),
    ("OIT", "๑๐. การป้องกันการทุจริต", "๓๗.๕๐", "ด้าน OIT พบว่า ผลคะแนนของตัวชี้วัด ด้านการป้องกันการทุจริต มีค่าต่ำสุด"),
]
ALL_UNITS_001 = "สำนักปลัด, กองคลัง, กองช่าง, กองสวัสดิการสังคม, กองการศึกษาฯ"
# One row of the tracking tables each: (measures named in the row, or its weakness when the มาตรการ
# cell is empty; words from its weakness, approach and actions; responsible units as shown).
ROWS_001 = [
    (
        ["มาตรการสร้างการรับรู้ภายใน", "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ"],
        [
            "จัดทำแผนใช้จ่าย งบประมาณและแผนการ จัดซื้อจัดจ้างอย่างมีคุณภาพ",
            "จัดทำแผนการใช้จ่ายงบประมาณประจำปี พ.ศ. ๒๕๖๔",
            "รายงานการกำกับติดตามและการใช้จ่าย งบประมาณประจำปี พ.ศ. ๒๕๖๔ รอบ ๖ เดือน",
            "รายงานผลการจัดซื้อจัดจ้างหรือจัดหาพัสดุ ประจำปี พ.ศ. ๒๕๖๓",
            "ลงข้อมูลต่างๆในเว็บไซต์ของ อบต.บ้านเพชร",
        ],
        "กองคลัง",
    ),
    (
        ["มาตรการในการจัดการเรื่องร้องเรียนการทุจริต", "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ"],
        [
            "จัดทำมาตรการลดขั้นตอนในการให้บริการ",
            "ควรมีช่องทางให้ประชาชนมีส่วนร่วมในการเสนอแนะการปฏิบัติงาน",
            "ทั้งนี้ในปีงบประมาณ พ.ศ. ๒๕๖๔",
        ],
        "สำนักปลัด, กองคลัง, กองช่าง, กองสวัสดิการสังคม",
    ),
    (
        ["มาตรการในการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง", "มาตรการให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินการ"],
        ["ผู้บริหารควรแสดงเจตจำนงหรือคำมั่นสัญญาว่า", "ตั้งแต่ปีงบประมาณ ๒๕๖๑-ปัจจุบัน"],
        ALL_UNITS_001,
    ),
    (
        ["การจัดทำแผนปฏิบัติการป้องกันแก้ไขปัญหาการทุจริตให้ชัดเจน เผยแพร่ต่อสาธารณชน"],
        [
            "นางนิภาพร โนนรุ่งเรือง ตำแหน่ง นักวิเคราะห์นโยบายและแผนชำนาญการ",
            "แผนปฏิบัติการป้องกันการทุจริตประจำปี ๔ ปี (พ.ศ. ๒๕๖๑-๒๕๖๔)",
            "ล่าสุดปีงบประมาณ พ.ศ. ๒๕๖๔",
        ],
        ALL_UNITS_001,
    ),
    (
        ["กลุ่มองค์กรชุมชน มีส่วนร่วมในการป้องกัน การทุจริต"],
        ["ผู้มีความพิการ ผู้สูงอายุ เด็กแรกเกิด", "ในปีงบประมาณ พ.ศ. ๒๕๖๔ อบต.ฯ จะดำเนินการเผยแพร่ข้อมูล"],
        ALL_UNITS_001,
    ),
]
DONE = "ดำเนินการแล้ว"  # the ✓ column of every row


# --- Helpers -----------------------------------------------------------------------------------


def sections(site: Path, page: str) -> list[str]:
    """The visible text of each ``<h2>`` section of a page's article, heading included, in order."""
    return [visible_text(part) for part in re.split(r"(?=<h2\b)", article_html(site, page))[1:]]


@pytest.fixture(scope="module")
def rae(built_site: Callable[[Path], Path]) -> Path:
    return built_site(RAE)


@pytest.fixture(scope="module")
def ban_phet(built_site: Callable[[Path], Path]) -> Path:
    return built_site(BAN_PHET)


# --- Seed 000 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("page", YEAR_PAGES)
def test_000_every_page_names_fiscal_year_2565(rae: Path, page: str) -> None:
    text = page_text(rae, f"ita/2565/{page}")
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๕" in text
    assert "ปรับปรุงข้อมูลล่าสุด" in text
    assert "เทศบาลตำบลแร่" in text


def test_000_overview_has_overall_score_level_and_ten_indicators(rae: Path) -> None:
    text = page_text(rae, "ita/2565/index.html")
    assert "ผลการประเมิน ITA ประจำปี พ.ศ. ๒๕๖๔" in text
    assert f"คะแนนรวม {OVERALL_000} คะแนน ระดับ A" in text
    for number, name, score in INDICATORS_000:
        assert f"{number}. {name} {score}" in text, (number, name, score)
    assert "90.79" not in text  # the site is set to Thai digits, as the seed writes them


def test_000_years_index_names_agency_place_and_result(rae: Path) -> None:
    text = page_text(rae, "ita/index.html")
    assert "เทศบาลตำบลแร่ อำเภอพังโคน จังหวัดสกลนคร" in text
    assert f"พ.ศ. ๒๕๖๕ ITA ๒๕๖๔ {OVERALL_000} A" in text


def test_000_analysis_has_the_issue_of_each_tool(rae: Path) -> None:
    found = sections(rae, "ita/2565/analysis/index.html")
    assert len(found) == len(ISSUES_000)
    for section, (heading, words) in zip(found, ISSUES_000, strict=True):
        assert section.startswith(heading)
        assert words in section
    assert f"ได้คะแนนรวม {OVERALL_000} คะแนน อยู่ในระดับ A" in page_text(rae, "ita/2565/analysis/index.html")


def test_000_each_measure_has_its_steps_units_period_and_follow_up(rae: Path) -> None:
    found = sections(rae, "ita/2565/measures/index.html")
    assert len(found) == len(MEASURES_000)
    for index, (section, (title, step, units, period, follow_up)) in enumerate(zip(found, MEASURES_000, strict=True)):
        number = "๑๒๓๔"[index]
        assert section.startswith(f"{number}. {title}")
        assert step in section
        assert f"ผู้รับผิดชอบ: {units}" in section
        assert f"ระยะเวลาดำเนินการ: {period}" in section
        assert f"การติดตามผล: {follow_up}" in section


def test_000_measures_are_signed_by_three_signatories(rae: Path) -> None:
    text = page_text(rae, "ita/2565/measures/index.html")
    for signature in SIGNATORIES_000:
        assert signature in text


# --- Seed 001 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("page", (*YEAR_PAGES, "progress-year-end/index.html"))
def test_001_every_page_names_fiscal_year_2564(ban_phet: Path, page: str) -> None:
    text = page_text(ban_phet, f"ita/2564/{page}")
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๔" in text
    assert "ปรับปรุงข้อมูลล่าสุด" in text
    assert "องค์การบริหารส่วนตำบลบ้านเพชร" in text


def test_001_overview_says_which_result_it_follows_up(ban_phet: Path) -> None:
    text = page_text(ban_phet, "ita/2564/index.html")
    assert "ผลการประเมิน ITA ประจำปี พ.ศ. ๒๕๖๓" in text
    assert "ในปี พ.ศ.๒๕๖๓ ไปดำเนินการปรับปรุงและพัฒนา ในปีงบประมาณ พ.ศ. ๒๕๖๔" in text


def test_001_analysis_gives_each_tools_lowest_indicator_and_score(ban_phet: Path) -> None:
    found = sections(ban_phet, "ita/2564/analysis/index.html")
    assert len(found) == len(LOWEST_001)
    for section, (tool, indicator, score, words) in zip(found, LOWEST_001, strict=True):
        assert section.startswith(indicator)
        assert f"เครื่องมือ: {tool} · คะแนน {score}" in section
        assert words in section


def test_001_each_tracking_row_is_a_measure_with_its_units(ban_phet: Path) -> None:
    found = sections(ban_phet, "ita/2564/measures/index.html")
    assert len(found) == len(ROWS_001)
    for section, (names, words, units) in zip(found, ROWS_001, strict=True):
        heading = section.split(" ตัวชี้วัดที่เกี่ยวข้อง")[0]
        for name in names:
            assert name in heading
        for word in words:
            assert word in section
        assert f"ผู้รับผิดชอบ: {units}" in section


def test_001_year_end_report_marks_every_row_done(ban_phet: Path) -> None:
    found = sections(ban_phet, "ita/2564/progress-year-end/index.html")
    assert len(found) == len(ROWS_001)
    for section, (names, _, _) in zip(found, ROWS_001, strict=True):
        assert all(name in section for name in names)
        assert f"สถานะ: {DONE}" in section
    assert "ยังไม่ดำเนินการ" not in page_text(ban_phet, "ita/2564/progress-year-end/index.html")


def test_001_stray_paragraph_tags_are_not_shown(ban_phet: Path) -> None:
    source = (ban_phet / "ita/2564/measures/index.html").read_text(encoding="utf-8")
    assert "&lt;p&gt;" not in source and "&lt;/p&gt;" not in source
    assert "<p>" not in page_text(ban_phet, "ita/2564/measures/index.html")
