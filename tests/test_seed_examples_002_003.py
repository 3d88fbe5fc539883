"""Seeds 002 (เทศบาลตำบลเมืองเก่า) and 003 (เทศบาลตำบลสระบัว): every fact of the documents is on the built pages.

The expected values are transcribed from the seed documents themselves, not read from the example
data, so a fact dropped or mistyped in ``examples/`` fails here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, article_html, page_text, visible_text

MUEANG_KAO = EXAMPLES / "thetsaban-mueang-kao"
SA_BUA = EXAMPLES / "thetsaban-sa-bua"

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
LEVEL = "ผ่านดีเยี่ยม"

# --- Seed 002: Arabic digits, ITA 2568 analysed for fiscal year 2569 -------------------------

OVERALL_002 = "97.73"
ANNOUNCED_002 = "15 สิงหาคม 2568"
TOOLS_002 = [("IIT", "99.50"), ("EIT ส่วนที่ 1", "99.89"), ("EIT ส่วนที่ 2", "99.33"), ("OIT", "95.00")]
INDICATORS_002 = [
    (1, "การปฏิบัติหน้าที่", "99.11"),
    (2, "การใช้งบประมาณ", "99.11"),
    (3, "การใช้อำนาจ", "100.00"),
    (4, "การใช้ทรัพย์สินของราชการ", "99.26"),
    (5, "การแก้ไขปัญหาการทุจริต", "100.00"),
    (6, "คุณภาพการดำเนินงาน", "99.83"),
    (7, "ประสิทธิภาพการสื่อสาร", "99.42"),
    (8, "การปรับปรุงระบบการทำงาน", "99.58"),
    (9, "การเปิดเผยข้อมูล", "90.00"),
    (10, "การป้องกันการทุจริต", "100.00"),  # the document prints "100"; scores show two decimals
]
# How each indicator's prose analysis opens (section 3), with the two texts that continue on the next page.
ANALYSIS_002 = {
    1: ["จากผลคะแนนประเด็นที่ 1 การปฏิบัติหน้าที่"],
    2: ["จากผลคะแนนประเด็นที่ 2 การใช้งบประมาณ", "ได้สูงที่สุดควรมีการตรวจสอบว่ามาจากโครงการประเภทไหน"],
    3: ["จากคะแนนประเด็นที่ 3 การใช้อำนาจ"],
    4: ["จากคะแนนประเด็นที่ 4 การใช้ทรัพย์สินของราชการ"],
    5: ["จากผลคะแนนประเด็นที่5 การแก้ไขปัญหาการทุจริต"],
    6: ["จากผลคะแนนประเด็นที่ 6 เจ้าหน้าที่ปฏิบัติงานหรือให้บริการเป็นไปตามขั้นตอนและระยะเวลา"],
    7: ["จากผลคะแนนประเด็นที่ 7 หน่วยงานมีการเลือกใช้ช่องทางการสื่อสาร", "ข้อมูลของทางราชการเป็นเรื่องที่เข้าถึงยาก"],
    8: ["จากผลคะแนนประเด็นที่ 8 การปรับปรุงการทำงาน"],
    9: ["จากผลคะแนนประเด็นที่ 9 การเปิดเผยข้อมูล"],
    10: ["จากผลคะแนนประเด็นที่ 10 มีการดำเนินการเพื่อป้องกันการทุจริตในประเด็นสินบน"],
}
PERIOD_002 = "ตลอดปีงบประมาณ พ.ศ.2569"  # as the document writes it
PERIOD_002_SHOWN = PERIOD_002.replace("พ.ศ.", "พ.ศ. ")  # pages space the era from the year
# Section 4, one measure per indicator: (indicator, projects/activities, responsible units).
MEASURES_002 = [
    (
        1,
        ['โครงการเสริมสร้างวัฒนธรรมองค์กร "ซื่อสัตย์ โปร่งใส ปฏิเสธการทุจริต"', "การจัดทำและปรับปรุงคู่มือมาตรฐานการปฏิบัติงาน"],
        ["สำนักปลัด"],
    ),
    (2, ["กิจกรรมการจัดซื้อจัดจ้าง", "โครงการตามแผนปฏิบัติการประจำปี"], ["สำนักปลัด", "กองคลัง"]),
    (
        3,
        [
            "โครงการอบรมกฎหมายและวินัยข้าราชการสำหรับผู้บริหารและหัวหน้างาน",
            "การจัดทำหลักเกณฑ์และมาตรฐานการประเมินผลการปฏิบัติงาน",
        ],
        ["สำนักปลัด"],
    ),
    (
        4,
        ['กิจกรรมสร้างจิตสำนึก "ทรัพย์สินของหลวง ร่วมใจดูแลรักษา"', "จัดทำและเผยแพร่แนวปฏิบัติการยืมและการใช้ทรัพย์สินของราชการ"],
        ["สำนักปลัด", "กองคลัง"],
    ),
    (
        5,
        [
            'กิจกรรมสร้างการมีส่วนร่วม "เทศบาล โปร่งใส ประชาชนร่วมจับตา"',
            "การจัดทำแผนปฏิบัติการป้องกันการทุจริตของเทศบาล (ประจำปี)",
            "การพัฒนาระบบรับเรื่องร้องเรียนการทุจริตออนไลน์",
        ],
        ["สำนักปลัด"],
    ),
    (6, ["โครงการยกระดับการให้บริการประชาชนสู่ออนไลน์", "กิจกรรมปรับปรุงภูมิทัศน์และสิ่งอำนวยความสะดวก"], ["สำนักปลัด"]),
    (7, ["โครงการพัฒนาและปรับปรุงช่องทางสื่อสารดิจิทัล", "กิจกรรมสร้างสรรค์สื่อประชาสัมพันธ์"], ["สำนักปลัด"]),
    (
        8,
        ["โครงการพัฒนาเมืองอัจฉริยะสู่ดิจิทัล", "กิจกรรมประชาคมเพื่อรับฟังคำวิจารณ์และข้อเสนอแนะในการปรับปรุงองค์กร"],
        ["สำนักปลัด"],
    ),
    (9, ["โครงการจัดตั้งศูนย์ข้อมูลข่าวสารดิจิทัลและปรับปรุงเว็บไซต์เทศบาล"], ["สำนักปลัด"]),
    (
        10,
        ["โครงการจัดทำและ ขับเคลื่อนแผนปฏิบัติ การป้องกันการทุจริต ประจำปี", "กิจกรรมขับเคลื่อน นโยบาย No Gift Policy"],
        ["สำนักปลัด"],
    ),
]
# The indicator-2 steps: one cell with <ol> debris, numbered "1." "2." "3" "4" without separators.
STEPS_002_INDICATOR_2 = [
    "วางแผนและการมีส่วนร่วม ช่วงจัดทำงบประมาณ",
    "อนุมัติและเปิดเผยข้อมูล ก่อนเริ่มดำเนินโครงการ",
    "จัดซื้อจัดจ้างด้วยความโปร่งใส ช่วงดำเนินงาน",
    "ควบคุมภายในและติดตามผล ระหว่างปีงบประมาณ",
]

# --- Seed 003: Thai digits, ITA 2567 analysed, measures in fiscal year 2568 -------------------

OVERALL_003 = "๙๙.๘๔"
INDICATORS_003 = [  # the document's score table is in Arabic digits
    (1, "การปฏิบัติหน้าที่", "100.00"),
    (2, "การใช้งบประมาณ", "100.00"),
    (3, "การใช้อำนาจ", "100.00"),
    (4, "การใช้ทรัพย์สินของราชการ", "99.10"),
    (5, "การแก้ไขปัญหาการทุจริต", "99.82"),
    (6, "คุณภาพการดำเนินงาน", "99.72"),
    (7, "ประสิทธิภาพการสื่อสาร", "99.86"),
    (8, "การปรับปรุงการทำงาน", "99.44"),
    (9, "การเปิดเผยข้อมูล", "100.00"),
    (10, "การป้องกันการทุจริต", "100.00"),
]
PERIOD_003 = "๑ ต.ค. ๒๕๖๗ - ๒๘ ก.พ. ๒๕๖๘"  # as the document writes it
PERIOD_003_SHOWN = PERIOD_003.replace(" - ", " – ")  # pages set ranges with an en dash
# The seven issues: (ประเด็น, cited question, how the finding opens, measure, steps, responsible unit).
ISSUES_003 = [
    (
        "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
        "e๘",
        "ข้อ e๘ เนื่องจาก",
        "จัดทำประกาศ มาตรการการมีส่วนร่วมของประชาชนตามกระบวนการต่างๆ ที่ประชาชนสามารถเข้าร่วมได้",
        [
            "แจ้งให้ทุกส่วนราชการการจัดทำเป็นประกาศการมีส่วนร่วมของประชาชนในแต่ละกระบวนการ",
            "เพิ่มช่องทางการมีส่วนร่วมของประชาชนให้มากขึ้น",
            "ให้แต่ละส่วนราชการรายงานผลการมีส่วนร่วมของประชาชนให้ผู้บริหารทราบ",
            "ประชาสัมพันธ์การมีส่วนร่วมของประชาชน",
        ],
        "ทุกส่วนราชการ โดยมีสำนักปลัด มีหน้าที่ประชาสัมพันธ์",
    ),
    (
        "การให้บริการและระบบ E-Service",
        "e๙",
        "ข้อ e๙ เนื่องจาก",
        "พัฒนาระบบการให้บริการออนไลน์ (E-Service) และเผยแพร่ประชาสัมพันธ์ให้บุคคลภายนอกได้รับทราบโดยทั่วถึง"
        " และจัดทำคู่มือการใช้ระบบการให้บริการออนไลน์(E-Service)",
        [
            "พัฒนาระบบการให้บริการออนไลน์ (E-Service)",
            "เผยแพร่ประชาสัมพันธ์ให้บุคคลภายนอกได้รับทราบโดยทั่วถึงเป็นประจำ",
            "จัดทำคู่มือการใช้ระบบการให้บริการออนไลน์ (E-Service)",
            "ประชาสัมพันธ์คู่มือการใช้ระบบการให้บริการออนไลน์(E-Service)",
            "สรุปรายงานให้ผู้บริหารทราบ",
        ],
        "สำนักปลัด",
    ),
    (
        "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ",
        "e๕",
        "ข้อ e๕ เนื่องจาก",
        "ปรับปรุงช่องทางการเผยแพร่ข้อมูลของหน่วยงาน และประชาสัมพันธ์ข้อมูลข่าวสาร ผ่านช่องทางที่หลากหลายและอำนวยความสะดวกในการเข้าใช้งาน",
        [
            "ปรับปรุงเว็บไซต์ของเทศบาล",
            "เพิ่มช่องทางการเผยแพร่ข้อมูลของหน่วยงาน",
            "เพิ่มความสะดวกในการเข้าใช้งาน",
            "ประชาสัมพันธ์ให้ประชาชนได้รับทราบ",
        ],
        "สำนักปลัด",
    ),
    (
        "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
        "i๑๐",
        "i๑๐ เนื่องจาก",
        "จัดทำคู่มือการขอยืมทรัพย์สินของทางราชการพร้อมทั้ง ประชาสัมพันธ์คู่มือหรือแนวทางการขอยืมทรัพย์สินของราชการ",
        [
            "จัดทำคู่มือการขอยืมทรัพย์สินของทางราชการ",
            "ประชาสัมพันธ์คู่มือหรือแนวทางการขอยืมทรัพย์สินของราชการให้แก่บุคลากรในหน่วยงานได้รับทราบ",
            "สรุปรายงานให้ผู้บริหารทราบ",
        ],
        "สำนักปลัด",
    ),
    (
        "กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง",
        "๑๑",
        "ข้อ ๑๑ เนื่องจาก",
        "จัดทำคู่มือการปฏิบัติงาน โดยระบุระยะเวลาที่ใช้ในการปฏิบัติงานหรือการให้บริการแต่ละขั้นตอนไว้ในคู่มือหรือมาตรฐานการปฏิบัติงาน"
        " หรือคู่มือการให้บริการ ไว้ให้ชัดเจน และประชาสัมพันธ์หรือเผยแพร่คู่มือให้แก่ ประชาชน หรือผู้มาติดต่อราชการ",
        [
            "จัดประชุมทุกส่วนราชการเพื่อมอบนโยบายและแนวทางปฏิบัติ และกำหนดผู้รับผิดชอบ ให้ชัดเจน",
            "แจ้งให้ทุกส่วนราชการจัดทำคู่มือการปฏิบัติงาน โดยระบุระยะเวลาที่ใช้ในการปฏิบัติงานหรือการให้บริการแต่ละขั้นตอนไว้",
            "ประชาสัมพันธ์หรือเผยแพร่คู่มือให้แก่ ประชาชน หรือผู้มาติดต่อราชการ",
        ],
        "สำนักปลัด",
    ),
    (
        "กระบวนการควบคุม ตรวจสอบ การใช้อำนาจ และการบริหารงานบุคคล",
        "๑๒",
        "ข้อ ๑๒ เนื่องจาก",
        "จัดทำประกาศมาตรฐาน การบริการประชาชน ให้ บุคคลากรถือปฏิบัติอย่าง เคร่งครัด",
        [
            "วิเคราะห์ภารกิจ หรือ บริการใดภายในหน่วยงาน ที่เกิดการให้บริการแก่ผู้ ที่มาติดต่อหรือรับบริการ อย่างไม่เท่าเทียมกัน",
            "จัดทำประกาศมาตรฐาน การบริการประชาชน ให้ บุคคลากรถือปฏิบัติอย่าง เคร่งครัด",
            "ปรับปรุงช่องทางการ ให้บริการในรูปแบบ ออนไลน์ หรือ E-Service เพื่อลดการใช้ดุลยพินิจ หรือการเลือกปฏิบัติใน ภารกิจหรือการบริการ",
            "เผยแพร่ประชาสัมพันธ์ ให้แก่ผู้รับบริการหรือผู้มา ติดต่อราชการ ได้รับทราบ",
        ],
        "สำนักปลัด",
    ),
    (
        "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน",
        "๑๑๕",
        "ข้อ ๑๑๕ เนื่องจาก",
        "ปรับปรุงคู่มือการปฏิบัติงาน หรือ แนวทางปฏิบัติ ขั้นตอน และกระบวนการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        [
            "ทบทวนแนวปฏิบัติสำหรับการจัดการเรื่องร้องเรียนการทุจริต",
            "ปรับปรุงช่องทางการร้องเรียนให้มีความสะดวกมากขึ้น",
            "สร้างความมั่นใจแก่ผู้ร้องเรียนว่าจะมีการเก็บรักษาข้อมูลเป็นความลับ และไม่มีผลกระทบต่อผู้ร้องเรียน",
            "เผยแพร่แนวปฏิบัติและช่องทางการร้องเรียนให้ประชาชนได้รับทราบ",
        ],
        "สำนักปลัด",
    ),
]

YEAR_PAGES = ("index.html", "analysis/index.html", "measures/index.html")


# --- Reading the built pages -----------------------------------------------------------------


def sections(site: Path, page: str) -> dict[str, str]:
    """Each second-level section of a page, keyed by its heading text: the text under it."""
    found = {}
    for chunk in article_html(site, page).split("<h2")[1:]:
        heading, _, body = chunk.partition("</h2>")
        found[visible_text("<h2" + heading)] = visible_text(body)
    return found


def table_rows(site: Path, page: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", article_html(site, page), flags=re.S)
    return [[visible_text(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)] for row in rows]


def list_items(site: Path, page: str) -> list[str]:
    return [visible_text(item) for item in re.findall(r"<li>(.*?)</li>", article_html(site, page), flags=re.S)]


def thai(text: str) -> str:
    return text.translate(THAI_DIGITS)


@pytest.fixture(scope="module")
def mueang_kao(built_site: Callable[[Path], Path]) -> Path:
    return built_site(MUEANG_KAO)


@pytest.fixture(scope="module")
def sa_bua(built_site: Callable[[Path], Path]) -> Path:
    return built_site(SA_BUA)


# --- Seed 002 --------------------------------------------------------------------------------


@pytest.mark.parametrize("page", YEAR_PAGES)
def test_002_every_page_names_fiscal_year_2569_and_is_clean(mueang_kao: Path, page: str) -> None:
    text = page_text(mueang_kao, f"ita/2569/{page}")
    assert "ปีงบประมาณ พ.ศ. 2569" in text
    assert "ปรับปรุงข้อมูลล่าสุด" in text
    assert "เทศบาลตำบลเมืองเก่า" in text
    for debris in ("<p", "<ol", "<b>", "</"):
        assert debris not in text  # the seed's pasted HTML is cleaned, not shown as text


def test_002_overview_shows_result_level_date_tools_and_indicators(mueang_kao: Path) -> None:
    text = page_text(mueang_kao, "ita/2569/index.html")
    assert f"คะแนนรวม {OVERALL_002} คะแนน ระดับ {LEVEL}" in text
    assert "ผลการประเมิน ITA ประจำปี พ.ศ. 2568" in text
    assert f"ประกาศผลการประเมินเมื่อวันที่ {ANNOUNCED_002}" in text
    rows = table_rows(mueang_kao, "ita/2569/index.html")
    for tool, score in TOOLS_002:
        assert any(tool in row[0] and row[1:] == [score] for row in rows), (tool, score)
    for number, name, score in INDICATORS_002:
        assert [f"{number}. {name}", score] in rows


def test_002_analysis_has_rationale_and_one_finding_per_indicator(mueang_kao: Path) -> None:
    text = page_text(mueang_kao, "ita/2569/analysis/index.html")
    assert "หลักธรรมาภิบาล (Good Governance)" in text
    assert f"ได้คะแนนรวม {OVERALL_002} คะแนน อยู่ในระดับ {LEVEL}" in text
    found = sections(mueang_kao, "ita/2569/analysis/index.html")
    for number, name, _ in INDICATORS_002:
        body = found[f"{number}. {name}"]
        for passage in ANALYSIS_002[number]:
            assert passage in body, (number, passage)


def test_002_every_measure_has_its_projects_period_and_units(mueang_kao: Path) -> None:
    text = page_text(mueang_kao, "ita/2569/measures/index.html")
    assert text.count(f"ระยะเวลาดำเนินการ: {PERIOD_002_SHOWN}") == len(MEASURES_002)
    found = sections(mueang_kao, "ita/2569/measures/index.html")
    names = {number: name for number, name, _ in INDICATORS_002}
    for position, (indicator, projects, units) in enumerate(MEASURES_002, start=1):
        body = found[f"{position}. {names[indicator]}"]
        for project in projects:
            assert project in body, project
        assert f"ผู้รับผิดชอบ: {', '.join(units)}" in body
        assert f"ระยะเวลาดำเนินการ: {PERIOD_002_SHOWN}" in body


def test_002_numbered_cell_becomes_list_items(mueang_kao: Path) -> None:
    items = list_items(mueang_kao, "ita/2569/measures/index.html")
    for step in STEPS_002_INDICATOR_2:
        assert sum(item.startswith(step) for item in items) == 1, step


# --- Seed 003 --------------------------------------------------------------------------------


@pytest.mark.parametrize("page", YEAR_PAGES)
def test_003_every_page_names_fiscal_year_2568_in_thai_digits_and_is_clean(sa_bua: Path, page: str) -> None:
    text = page_text(sa_bua, f"ita/2568/{page}")
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๘" in text
    assert "ปรับปรุงข้อมูลล่าสุด" in text
    assert "เทศบาลตำบลสระบัว" in text
    for debris in ("<p", "<b>", "</"):
        assert debris not in text


def test_003_overview_shows_result_level_and_indicators_in_thai_digits(sa_bua: Path) -> None:
    text = page_text(sa_bua, "ita/2568/index.html")
    assert f"คะแนนรวม {OVERALL_003} คะแนน ระดับ {LEVEL}" in text
    assert "ผลการประเมิน ITA ประจำปี พ.ศ. ๒๕๖๗" in text
    rows = table_rows(sa_bua, "ita/2568/index.html")
    for number, name, score in INDICATORS_003:
        assert [f"{thai(str(number))}. {name}", thai(score)] in rows
    assert "99.84" not in text  # no Arabic digits slip through on a Thai-digit site


def test_003_analysis_has_each_issue_with_its_question(sa_bua: Path) -> None:
    text = page_text(sa_bua, "ita/2568/analysis/index.html")
    assert f"ได้คะแนนรวม {OVERALL_003} คะแนน อยู่ในระดับ {LEVEL}" in text
    found = sections(sa_bua, "ita/2568/analysis/index.html")
    for issue, question, finding, *_ in ISSUES_003:
        body = found[issue]
        assert re.search(rf"ข้อคำถาม: {question}(?![๐-๙])", body), question
        assert finding in body


def test_003_every_measure_has_issue_question_steps_period_and_unit(sa_bua: Path) -> None:
    found = sections(sa_bua, "ita/2568/measures/index.html")
    for position, (issue, question, _, measure, _steps, unit) in enumerate(ISSUES_003, start=1):
        body = found[f"{thai(str(position))}. {measure}"]
        assert re.search(rf"ข้อคำถามที่เกี่ยวข้อง: {question}(?![๐-๙])", body), question
        assert issue in body
        assert f"ระยะเวลาดำเนินการ: {PERIOD_003_SHOWN}" in body
        assert f"ผู้รับผิดชอบ: {unit}" in body
    items = list_items(sa_bua, "ita/2568/measures/index.html")
    assert items == [step for *_, steps, _ in ISSUES_003 for step in steps]
