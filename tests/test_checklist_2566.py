"""The ITA 2566 OIT list ships with the engine; a 2566 year uses it, and 2567 (no list of its own) falls
back to it with the warning that says so. Builds are real (hooks/build_site.py → mkdocs build)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DEMO_DATA, page_text, run_build

from itagen.load.checklist import BUILTIN_DIR, load_checklist
from itagen.load.schema import Validator
from itagen.load.sources import SourceFiles
from itagen.records.oit import Checklist

ETHICS = ["ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "การขับเคลื่อนจริยธรรม", "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ"]
MEASURES = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


@pytest.fixture(scope="module")
def list_2566() -> Checklist:
    validator = Validator()
    checklist = load_checklist(BUILTIN_DIR / "ita-2566.yml", SourceFiles(), validator)
    assert not validator.errors, [p.message() for p in validator.errors]
    return checklist


def test_43_items_o1_to_o30_under_indicator_9_and_o31_to_o43_under_10(list_2566: Checklist) -> None:
    assert list_2566.ita_year == 2566
    assert list_2566.codes == [f"O{n}" for n in range(1, 44)]
    indicators = [(item.group or "").split()[0] for item in list_2566.items]
    assert indicators == ["9"] * 30 + ["10"] * 13


def test_the_items_that_are_new_or_changed_in_2566_by_name(list_2566: Checklist) -> None:
    names = {item.code: item.name for item in list_2566.items}
    assert names["O10"] == "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
    assert all("No Gift Policy" in names[code] for code in ("O31", "O32", "O33"))
    assert names["O31"] == "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่"
    assert [names["O39"], names["O40"], names["O41"]] == ETHICS
    assert names["O42"] == MEASURES and names["O43"] == f"การดำเนินการตาม{MEASURES}"


def test_every_item_is_of_medium_confidence_with_the_pages_it_was_seen_on(list_2566: Checklist) -> None:
    assert list_2566.confidence == "medium"
    for item in list_2566.items:
        assert item.confidence == "medium", item.code
        assert item.sources and all("2566" in source or "2023" in source for source in item.sources), item.code
        assert item.english and item.period, item.code


def _with_year(tmp_path: Path, fiscal_year: int, oit: str) -> Path:
    """The demo data with an OIT file for ``fiscal_year`` (a years/ file made from 2567's if needed)."""
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    year_file = data / "years" / f"{fiscal_year}.yml"
    if not year_file.exists():
        text = (data / "years" / "2567.yml").read_text(encoding="utf-8")
        year_file.write_text(text.replace("fiscal_year: 2567", f"fiscal_year: {fiscal_year}"), encoding="utf-8")
    (data / "oit" / f"{fiscal_year}.yml").write_text(f"fiscal_year: {fiscal_year}\n{oit}", encoding="utf-8")
    return data


def test_a_2566_year_builds_with_its_own_list(tmp_path: Path) -> None:
    data = _with_year(tmp_path, 2566, "items:\n  O1: [{page: structure}]\n  O42: [{page: measures}]\n")
    result = run_build(data, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "checklist" not in result.stderr.lower()  # its own list: no fallback warning
    text = page_text(tmp_path / "site", "ita/2566/oit/index.html")
    assert "นโยบายคุ้มครองข้อมูลส่วนบุคคล" in text and "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ" in text
    assert "ยังไม่มีข้อมูล 41 ข้อ" in text  # 43 items, two answered


def test_2567_falls_back_to_the_2566_list_with_the_warning(tmp_path: Path) -> None:
    data = _with_year(tmp_path, 2567, "items:\n  O10: [{page: contact}]\n")
    lenient = run_build(data, tmp_path / "site", strict=False)
    assert lenient.returncode == 0, lenient.stderr
    assert "no built-in OIT checklist for 2567, so the nearest earlier one, ita-2566, is used" in lenient.stderr
    assert "ระบบยังไม่มีรายการตรวจ OIT ของปี 2567 จึงใช้รายการ ita-2566" in lenient.stderr
    text = page_text(tmp_path / "site", "ita/2567/oit/index.html")
    assert "นโยบายคุ้มครองข้อมูลส่วนบุคคล" in text and "ยังไม่มีข้อมูล 42 ข้อ" in text
    strict = run_build(data, tmp_path / "strict-site", strict=True)
    assert strict.returncode != 0  # make check fails until the site decides which list it answers
