"""The OIT checklists that ship with the engine, and a site choosing, correcting and extending them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import DEMO_DATA, PROJECT_ROOT, page_text
from engine_support import generate_site

from itagen.load.checklist import BUILTIN_DIR, builtin_names, load_checklist
from itagen.load.schema import Validator
from itagen.load.site import load_site
from itagen.load.sources import SourceFiles
from itagen.problems import DataError
from itagen.records.oit import PERIOD_NAMES, Checklist, ChecklistItem


def _builtin(name: str) -> Checklist:
    validator = Validator()
    checklist = load_checklist(BUILTIN_DIR / f"{name}.yml", SourceFiles(), validator)
    assert not validator.errors, [p.message() for p in validator.errors]
    return checklist


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DEMO_DATA, target)
    return target


def _item(checklist: Checklist, code: str) -> ChecklistItem:
    item = checklist.item(code)
    assert item is not None, code
    return item


def _write_oit(data_dir: Path, text: str) -> None:
    (data_dir / "oit" / "2569.yml").write_text(text, encoding="utf-8")


def test_the_lists_of_2564_2565_2566_2568_and_2569_ship_with_the_engine() -> None:
    assert builtin_names() == ["ita-2564", "ita-2565", "ita-2566", "ita-2568", "ita-2569"]


@pytest.mark.parametrize(
    ("name", "count"), [("ita-2564", 43), ("ita-2565", 43), ("ita-2566", 43), ("ita-2568", 26), ("ita-2569", 26)]
)
def test_every_list_has_its_items_in_order_with_group_name_and_period(name: str, count: int) -> None:
    checklist = _builtin(name)
    assert checklist.ita_year == int(name[-4:])
    assert checklist.codes == [f"O{n}" for n in range(1, count + 1)]
    for item in checklist.items:
        assert item.name and item.group, item
        assert item.period in PERIOD_NAMES
        # Notes about the source ("inferred", "unconfirmed") are kept apart from the name; brackets
        # only as NACC writes them, in Thai ("(รอบ 6 เดือน)" of ITA 2566 O12).
        assert not any(word in item.name for word in ("inferred", "unconfirmed", "not found"))
        assert all(not re.search("[A-Za-z]", aside) for aside in re.findall(r"\(([^)]*)\)", item.name)), item.name


def test_names_the_seeds_are_evidence_for() -> None:
    old, new = _builtin("ita-2564"), _builtin("ita-2569")
    assert _item(old, "O42").name == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert _item(old, "O43").name == "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert _item(new, "O25").name == "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"
    assert _item(_builtin("ita-2568"), "O1").name == "โครงสร้างและอำนาจหน้าที่"


def test_periods_follow_the_rules_of_each_item() -> None:
    new = {i.code: i.period for i in _builtin("ita-2569").items}
    assert new["O1"] == "current"  # structure: what is true now
    assert new["O4"] == "assessed_year"  # news of the assessed year
    assert new["O11"] == "months_so_far"  # monthly procurement summaries
    assert new["O12"] == "previous_year"  # the annual procurement report looks back
    assert new["O26"] == "previous_year"
    old = {i.code: i.period for i in _builtin("ita-2564").items}
    assert (old["O12"], old["O23"], old["O42"]) == ("previous_year", "months_so_far", "assessed_year")


def test_the_engine_never_reads_the_shared_reference_material() -> None:
    for source in (PROJECT_ROOT / "hooks").rglob("*.py"):
        assert "shared/reference" not in source.read_text(encoding="utf-8"), source


def test_a_site_picks_another_list_rewords_an_item_and_adds_one(data_copy: Path) -> None:
    _write_oit(
        data_copy,
        "fiscal_year: 2569\nchecklist: ita-2568\nurl_sheet: false\n"
        "corrections:\n"
        "  - {code: O6, name: แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี, period: months_so_far}\n"
        "  - {code: o27, name: ข้อมูลเฉพาะของจังหวัด, group: ข้อเพิ่มเติม}\n"
        "items:\n  O2: [{page: executives}]\n  O27: [{page: contact}]\n",
    )
    site = load_site(data_copy).site
    checklist = site.oit[0].checklist
    assert checklist.ita_year == 2568
    assert _item(checklist, "O6").name == "แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี"
    assert _item(checklist, "O6").period == "months_so_far"
    assert checklist.codes[-1] == "O27"
    coverage = generate_site(site).coverages[0]
    assert coverage.covered == 2 and len(coverage.items) == 27


def test_a_site_brings_its_own_list(data_copy: Path) -> None:
    (data_copy / "checklists").mkdir()
    (data_copy / "checklists" / "school-2569.yml").write_text(
        "ita_year: 2569\nitems:\n  - {code: O1, name: โครงสร้าง, period: current}\n  - {code: O2, name: ข้อมูลผู้บริหาร}\n",
        encoding="utf-8",
    )
    _write_oit(
        data_copy, "fiscal_year: 2569\nchecklist: checklists/school-2569.yml\nitems:\n  O1: [{page: structure}]\n"
    )
    site = load_site(data_copy).site
    coverage = generate_site(site).coverages[0]
    assert (coverage.covered, coverage.missing) == (1, ["O2"])


def test_a_new_item_without_a_name_is_an_error(data_copy: Path) -> None:
    _write_oit(data_copy, "fiscal_year: 2569\ncorrections:\n  - {code: O30, period: current}\n")
    with pytest.raises(DataError) as caught:
        load_site(data_copy)
    report = caught.value.report()
    assert "oit/2569.yml" in report and "corrections[1].code" in report
    assert "ต้องระบุ name:" in report and "a new item needs a name:" in report


def test_an_unknown_list_suggests_the_built_in_ones(data_copy: Path) -> None:
    _write_oit(data_copy, "fiscal_year: 2569\nchecklist: ita-2596\n")
    with pytest.raises(DataError) as caught:
        load_site(data_copy)
    report = caught.value.report()
    assert "บรรทัด/line 2" in report and "ita-2569" in report and "checklist 'ita-2596' not found" in report


@pytest.mark.parametrize(("fiscal_year", "nearest"), [(2567, "ita-2566"), (2570, "ita-2569")])
def test_a_year_without_a_built_in_list_uses_the_nearest_earlier_and_says_so(
    data_copy: Path, fiscal_year: int, nearest: str
) -> None:
    (data_copy / "oit" / "2569.yml").unlink()
    (data_copy / "oit" / f"{fiscal_year}.yml").write_text(f"fiscal_year: {fiscal_year}\n", encoding="utf-8")
    if not (data_copy / "years" / f"{fiscal_year}.yml").exists():
        # The 2567 year moved whole to the new year: every B.E. year in it shifted alike, since a date
        # years away from its fiscal year is an error.
        year = (data_copy / "years" / "2567.yml").read_text(encoding="utf-8")
        shifted = re.sub(r"\b25\d\d\b", lambda found: str(int(found[0]) + fiscal_year - 2567), year)
        (data_copy / "years" / f"{fiscal_year}.yml").write_text(shifted, encoding="utf-8")
    loaded = load_site(data_copy)
    assert [oit.checklist.ita_year for oit in loaded.site.oit] == [int(nearest[4:])]
    said = [w.english for w in loaded.warnings]
    assert any(
        f"no built-in OIT checklist for {fiscal_year}, so the nearest earlier one, {nearest}, is used" in w
        for w in said
    )
    assert any(f"set checklist: {nearest} with corrections:" in w for w in said)


def test_the_measures_and_progress_pages_answer_o42_and_o43_of_the_older_list(data_copy: Path) -> None:
    (data_copy / "oit" / "2567.yml").write_text(
        "fiscal_year: 2567\nchecklist: ita-2565\n"
        "items:\n  O42: [{page: measures}]\n  O43: [{page: progress-year-end}]\n  O2: [{page: executives}]\n",
        encoding="utf-8",
    )
    site = load_site(data_copy).site
    out = generate_site(site)
    coverage = next(c for c in out.coverages if c.fiscal_year == 2567)
    assert (coverage.covered, len(coverage.items)) == (3, 43)
    links = {s.item.code: [link.target for link in s.links] for s in coverage.items if not s.missing}
    assert links == {
        "O2": ["agency/executives.md"],
        "O42": ["ita/2567/measures.md"],
        "O43": ["ita/2567/progress-year-end.md"],
    }
    page = next(p for p in out.pages if p.path == "ita/2567/oit.md")
    assert "(measures.md)" in page.markdown and "(progress-year-end.md)" in page.markdown
    assert "ยังไม่มีข้อมูล 40 ข้อ" in page.markdown


@pytest.mark.parametrize("name", ["ita-2564", "ita-2565", "ita-2566", "ita-2568", "ita-2569"])
def test_every_shipped_item_says_how_sure_its_sources_are(name: str) -> None:
    items = _builtin(name).items
    assert {item.confidence for item in items} <= {"high", "medium", "low"}
    for item in items:
        if item.confidence == "low":
            assert item.note, f"{name} {item.code}: a guessed item must say why"


def test_names_and_groups_corrected_from_public_sources() -> None:
    for name in ("ita-2568", "ita-2569"):
        checklist = _builtin(name)
        assert _item(checklist, "O6").name == "แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี"
        assert "progress" in (_item(checklist, "O6").checks or "")
        assert _item(checklist, "O10").name == "E-Service"
    assert _item(_builtin("ita-2569"), "O15").name == "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม"
    assert _item(_builtin("ita-2569"), "O18").confidence == "low"
    groups = {item.group for item in _builtin("ita-2568").items}
    assert "10.2 การส่งเสริมคุณธรรมและความโปร่งใส" in groups
    assert all("/ มาตรการภายใน" not in (group or "") for group in groups)
    assert all("group inferred" in (item.note or "") for item in _builtin("ita-2569").items)


def test_the_assessors_page_says_which_items_are_inferred(demo_site: Path) -> None:
    text = page_text(demo_site, "ita/2569/oit/index.html")
    inferred = [i.code for i in _builtin("ita-2569").items if i.confidence == "low"]
    assert inferred and text.count("อนุมานจากแหล่งข้อมูลสาธารณะ") >= len(inferred)
