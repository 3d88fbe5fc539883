"""``make import-docx``: a measures document or progress report in Word, laid out as the seeds are
(and as other offices vary them), gives back every score, measure field and signatory of the
matching ``examples/`` agency; what it does not understand it names for review; it never overwrites
without --force and writes nothing when the draft would not load."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import import_docx
import pytest
import word_layouts
import word_report_layouts
from conftest import EXAMPLES, PROJECT_ROOT, run_build
from word_compare import MEASURE_FIELDS, compare
from word_documents import Variant

from itagen.load.site import load_site

SEEDS = {
    "000": ("rae", "thetsaban-rae"),
    "001": ("ban_phet", "abt-ban-phet"),
    "002": ("mueang_kao", "thetsaban-mueang-kao"),
    "003": ("sa_bua", "thetsaban-sa-bua"),
    "004": ("phok_noi", "thetsaban-phok-noi"),
}
VARIANTS = {
    "as-the-seed": Variant(),
    "other-digits-line-breaks-merged-units": Variant(line_breaks=True, merged_units=True),
    "text-box": Variant(text_box=True),
    "frame-and-nested-tables": Variant(framed=True),
}


_FIELDS = {"001": tuple(name for name in MEASURE_FIELDS if name != "approach")}
"""Seed 001's approach cells hold paragraphs and sub-lists that the example sets apart by judgement
(which paragraph continues which row); a cell's one line cannot carry that, so they are not counted."""


def _digits_swapped(layout: str, variant: Variant) -> Variant:
    if not variant.line_breaks:
        return variant
    seed_digits = {"rae": "thai", "sa_bua": "thai", "ban_phet": "thai"}.get(layout, "arabic")
    return Variant(
        digits="arabic" if seed_digits == "thai" else "thai",
        line_breaks=True,
        merged_units=variant.merged_units,
    )


def _layout(name: str) -> Callable[..., Path]:
    """The function that writes a seed's layout, from either module of layouts."""
    return getattr(word_layouts, name, None) or getattr(word_report_layouts, name)


def agency_without_years(agency: str, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLES / agency, data, ignore=shutil.ignore_patterns("years"))
    return data


def run_import(document: Path, data: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = import_docx.main(["--docx", str(document), "--data", str(data), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("variant_name", list(VARIANTS))
@pytest.mark.parametrize("seed", list(SEEDS))
def test_each_seed_layout_gives_back_the_examples_facts(
    seed: str, variant_name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout, agency = SEEDS[seed]
    variant = _digits_swapped(layout, VARIANTS[variant_name])
    document = _layout(layout)(tmp_path / f"{seed}.docx", variant)
    data = agency_without_years(agency, tmp_path)
    code, out, err = run_import(document, data, capsys)
    assert code == 0, err
    assert "เขียนแล้ว / written" in out
    found = load_site(data).site.years[0]
    expected = load_site(EXAMPLES / agency).site.years[0]
    tally = compare(found, expected, measure_fields=_FIELDS.get(seed, MEASURE_FIELDS))
    print(f"seed {seed} ({variant_name}): {tally.right}/{tally.total} fields right")
    assert tally.wrong == [], "\n".join(tally.wrong)
    assert tally.total >= 25


@pytest.mark.parametrize("seed", list(SEEDS))
def test_an_imported_year_builds(seed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layout, agency = SEEDS[seed]
    document = _layout(layout)(tmp_path / f"{seed}.docx")
    data = agency_without_years(agency, tmp_path)
    assert run_import(document, data, capsys)[0] == 0
    result = run_build(data, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    measures = (tmp_path / "site").rglob("measures/index.html")
    text = "".join(page.read_text(encoding="utf-8") for page in measures)
    expected = load_site(EXAMPLES / agency).site.years[0]
    assert expected.measures is not None
    for measure in expected.measures.items:
        assert measure.title.split(" ")[0] in text


def test_a_table_it_does_not_understand_is_named_and_the_rest_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = word_layouts.rae(tmp_path / "budget.docx", Variant(unknown_table=True))
    data = agency_without_years("thetsaban-rae", tmp_path)
    code, out, err = run_import(document, data, capsys)
    assert code == 0, err
    # The budget table comes after the two score tables (read as one) and before the measures.
    assert "ตาราง/table 3:" in out and "รายการ | จำนวนเงิน (บาท)" in out
    assert "did not understand this table" in out
    written = (data / "years" / "2565.yml").read_text(encoding="utf-8")
    assert "#   budget.docx, ตาราง/table 3: «รายการ | จำนวนเงิน (บาท)»" in written
    tally = compare(load_site(data).site.years[0], load_site(EXAMPLES / "thetsaban-rae").site.years[0])
    assert tally.wrong == []


def test_an_existing_year_is_replaced_only_with_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = word_layouts.sa_bua(tmp_path / "sa-bua.docx")
    data = agency_without_years("thetsaban-sa-bua", tmp_path)
    (data / "years").mkdir()
    kept = "# the office's own year\n"
    (data / "years" / "2568.yml").write_text(kept, encoding="utf-8")
    code, _, err = run_import(document, data, capsys)
    assert code == 2
    assert "ไม่เขียนทับ" in err and "not overwritten" in err and "FORCE=1" in err
    assert (data / "years" / "2568.yml").read_text(encoding="utf-8") == kept
    code, _, err = run_import(document, data, capsys, "--force")
    assert code == 0, err
    assert load_site(data).site.years[0].assessment is not None


def _document(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_a_draft_that_would_not_load_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = _document(
        tmp_path / "typo.docx",
        [
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ ๒๕๖๕",
            "จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ๒๕๖๔ พบว่า มีผลคะแนน ๑๐๐.๕๐ คะแนน อยู่ในระดับ A",
        ],
    )
    data = agency_without_years("thetsaban-rae", tmp_path)
    code, out, err = run_import(document, data, capsys)
    assert code == 1
    assert "overall_score" in err and "100.5" in err
    assert "ไม่ได้เขียนไฟล์ใด" in err and "nothing was written" in err
    assert "Traceback" not in out + err
    assert not (data / "years").exists()


def test_a_document_without_a_fiscal_year_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = _document(tmp_path / "letter.docx", ["เรียน นายก", "ขอเชิญประชุม"])
    data = agency_without_years("thetsaban-rae", tmp_path)
    code, _, err = run_import(document, data, capsys)
    assert code == 1
    assert "letter.docx" in err and "ไม่พบปีงบประมาณ" in err and "no fiscal year was found" in err
    assert not (data / "years").exists()


def test_make_import_docx_runs_the_import_and_reads_force_as_make_flags_are_read(tmp_path: Path) -> None:
    document = word_report_layouts.phok_noi(tmp_path / "รายงานผล.docx")
    data = agency_without_years("thetsaban-phok-noi", tmp_path)

    def make(*flags: str) -> subprocess.CompletedProcess[str]:
        command = ["make", "-s", "import-docx", f"DOCX={document}", f"DATA={data}", *flags]
        return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)

    first = make()
    assert first.returncode == 0, first.stdout + first.stderr
    assert (data / "years" / "2566.yml").is_file()
    again = make("FORCE=0")
    assert again.returncode != 0 and "not overwritten" in again.stderr
    forced = make("FORCE=yes")
    assert forced.returncode == 0, forced.stdout + forced.stderr


def test_an_announced_day_the_calendar_lacks_is_the_months_last_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _document(
        tmp_path / "ประกาศ.docx",
        [
            "ประกาศเทศบาลตำบลพอกน้อย",
            "เรื่อง การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น",
            "ประจำปีงบประมาณ พ.ศ. 2566",
            "บัดนี้ สามารถเข้าตอบแบบวัดการรับรู้ฯ ได้ทาง https://itas.nacc.go.th/go/iit/h9unqk "
            "ทั้งนี้ สามารถตอบแบบวัดการรับรู้ฯ ได้ตั้งแต่วันที่ 3 เดือนมกราคม 2566 จนถึงวันที่ 31 เดือนมิถุนายน  พ.ศ.2566",
            "ประกาศ  ณ วันที่  3  เดือนมกราคม  พ.ศ. 2566",
            "(นายเสน่ห์  วจีสิงห์)",
            "นายกเทศมนตรีตำบลพอกน้อย",
        ],
    )
    data = agency_without_years("thetsaban-phok-noi", tmp_path)
    code, out, err = run_import(document, data, capsys)
    assert code == 0, err
    assert "31 เดือนมิถุนายน" in out and "30 มิถุนายน 2566" in out and "not a day of the calendar" in out
    surveys = load_site(data).site.years[0].surveys
    assert surveys is not None
    assert (surveys.closes.year, surveys.closes.month, surveys.closes.day) == (2023, 6, 30)
    assert surveys.iit == "https://itas.nacc.go.th/go/iit/h9unqk" and surveys.eit is None
    assert (surveys.signatory.name, surveys.signatory.position) == ("นายเสน่ห์ วจีสิงห์", "นายกเทศมนตรีตำบลพอกน้อย")


def test_a_report_of_its_own_is_added_to_the_years_measures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    measures = word_report_layouts.phok_noi(tmp_path / "มาตรการ.docx", Variant(part="measures"))
    report = word_report_layouts.phok_noi(tmp_path / "รายงานผล.docx", Variant(part="report"))
    data = agency_without_years("thetsaban-phok-noi", tmp_path)
    assert run_import(measures, data, capsys)[0] == 0
    year_file = data / "years" / "2566.yml"
    office_note = "# ตรวจแล้ว: มาตรการตรงกับเอกสาร\n"
    typed = year_file.read_text(encoding="utf-8") + office_note
    year_file.write_text(typed, encoding="utf-8")
    code, _, err = run_import(report, data, capsys)
    assert code == 0, err
    # Added after what the office has, which stays as it was typed: nothing was overwritten.
    assert year_file.read_text(encoding="utf-8").startswith(typed)
    found = load_site(data).site.years[0]
    expected = load_site(EXAMPLES / "thetsaban-phok-noi").site.years[0]
    tally = compare(found, expected)
    assert tally.wrong == [], "\n".join(tally.wrong)
    # The same report again would replace the one now there: only with --force.
    code, _, err = run_import(report, data, capsys)
    assert code == 2 and "not overwritten" in err
    code, _, err = run_import(report, data, capsys, "--force")
    assert code == 0, err
    assert len(load_site(data).site.years[0].progress_reports) == 1


def test_a_column_of_the_offices_own_is_named_for_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document()
    document.add_paragraph("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2569")
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ["มาตรการ", "ผู้รับผิดชอบ", "งบประมาณ (บาท)", "ระยะเวลา"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["อบรมคุณธรรม", "สำนักปลัด", "20,000", "ทุกไตรมาส"], strict=True):
        cell.text = text
    document.save(str(tmp_path / "budget.docx"))
    data = agency_without_years("thetsaban-rae", tmp_path)
    code, out, err = run_import(tmp_path / "budget.docx", data, capsys)
    assert code == 0, err
    assert "ตาราง/table 1, คอลัมน์/column 3 (งบประมาณ (บาท)): «20,000»" in out
    assert "ตาราง/table 1, แถว/row 2, คอลัมน์/column 4 (ระยะเวลา): «ทุกไตรมาส»" in out
    measures = load_site(data).site.years[0].measures
    assert measures is not None
    (measure,) = measures.items
    assert (measure.title, measure.responsible, measure.period) == ("อบรมคุณธรรม", ["สำนักปลัด"], None)


def test_a_caption_row_above_the_header_is_passed_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document()
    document.add_paragraph("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๙")
    rows = [
        ["ตารางที่ ๑ มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "", "", ""],
        ["มาตรการ", "ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"],
        ["๑. ประกาศเจตนารมณ์ No Gift Policy", "๑.จัดทำประกาศ ๒.เผยแพร่บนเว็บไซต์", "สำนักปลัด", "ต.ค. - ธ.ค. ๒๕๖๘"],
        ["๒. เปิดเผยข้อมูลการจัดซื้อจัดจ้าง", "- รายงานรายเดือน", "กองคลัง", "ตลอดปีงบประมาณ"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    table.cell(0, 0).merge(table.cell(0, 3)).text = rows[0][0]
    document.save(str(tmp_path / "caption.docx"))
    data = agency_without_years("thetsaban-rae", tmp_path)
    code, _, err = run_import(tmp_path / "caption.docx", data, capsys)
    assert code == 0, err
    measures = load_site(data).site.years[0].measures
    assert measures is not None
    assert [(m.title, m.steps, m.responsible) for m in measures.items] == [
        ("ประกาศเจตนารมณ์ No Gift Policy", ["จัดทำประกาศ", "เผยแพร่บนเว็บไซต์"], ["สำนักปลัด"]),
        ("เปิดเผยข้อมูลการจัดซื้อจัดจ้าง", ["รายงานรายเดือน"], ["กองคลัง"]),
    ]
    first, second = (m.period for m in measures.items)
    assert first is not None and second is not None and second.whole_fiscal_year
    assert first.start is not None and first.end is not None
    assert (first.start.year, first.start.month, first.end.month) == (2025, 10, 12)


AN_AGENCY_NOT_IN_THE_PROJECT = {
    # The facts of seed 000's example changed to another agency's: other years, level and scores,
    # periods across the fiscal year's turn, a third unit, signatories with a role and a rank.
    "fiscal_year: 2565": "fiscal_year: 2568",
    "ita_year: 2564": "ita_year: 2567",
    "overall_score: 90.79": "overall_score: 95.12",
    "level: A\n": "level: ผ่านดี\n",
    "{number: 8, score: 76.12, name: การปรับปรุงการทำงาน}": "{number: 8, score: 91.05}",
    "{number: 3, score: 91.77}": "{number: 3, score: 100.00}",
    "period: {start: 2565-01, end: 2565-04}": "period: {start: 2567-10, end: 2568-09}",
    "period: {start: 2565-01, end: 2565-03}": "period: {start: 2567-11, end: 2568-02}",
    "period: {start: 2565-03, end: 2565-04}": "period: {start: 2568-06, end: 2568-08}",
    "responsible: [สำนักปลัด, กองคลัง]": "responsible: [สำนักปลัด, กองคลัง, กองช่าง]",
    "title: พัฒนาระบบ เทคโนโลยี สารสนเทศ": "title: พัฒนาระบบ E-Service และเว็บไซต์ (ปี 2568)",
    "- role: ผู้จัดทำ\n      name: นางสาวปราณี จันทไชย": "- role: ผู้ตรวจสอบ\n      name: นางสมศรี ใจดี",
    "- prefix: จ.อ.\n      name: ทวี จันทรเสนา": "- role: ผู้เห็นชอบ\n      prefix: ว่าที่ ร.ต.\n      name: สมชาย มั่นคง",
}


def test_another_agencys_measures_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truth = tmp_path / "truth"
    shutil.copytree(EXAMPLES / "thetsaban-rae", truth)
    old_year = truth / "years" / "2565.yml"
    text = old_year.read_text(encoding="utf-8")
    for old, new in AN_AGENCY_NOT_IN_THE_PROJECT.items():
        assert old in text, old
        text = text.replace(old, new)
    old_year.unlink()
    (truth / "years" / "2568.yml").write_text(text, encoding="utf-8")
    document = word_layouts.rae(tmp_path / "มาตรการ.docx", agency_name=str(truth))
    data = tmp_path / "data"
    shutil.copytree(truth, data, ignore=shutil.ignore_patterns("years"))
    code, _, err = run_import(document, data, capsys)
    assert code == 0, err
    tally = compare(load_site(data).site.years[0], load_site(truth).site.years[0])
    assert tally.wrong == [], "\n".join(tally.wrong)
    assert tally.right == 43


ANOTHER_ANALYSIS_REPORT = {
    # Seed 002's example changed to another agency's: one EIT score, another level and day, a unit more.
    "overall_score: 97.73": "overall_score: 84.06",
    "level: ผ่านดีเยี่ยม": "level: ผ่าน",
    "announced: 15 สิงหาคม 2568": "announced: 2 กันยายน 2568",
    "    eit_parts:\n      - {name: EIT ส่วนที่ 1, score: 99.89}\n      - {name: EIT ส่วนที่ 2, score: 99.33}\n": "    eit: 81.40\n",
    "{number: 9, score: 90.00}": "{number: 9, score: 62.50}",
    "responsible: [สำนักปลัด, กองคลัง]": "responsible: [สำนักปลัด, กองคลัง, กองการศึกษา]",
}


def test_another_agencys_analysis_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truth = tmp_path / "truth"
    shutil.copytree(EXAMPLES / "thetsaban-mueang-kao", truth)
    year_file = truth / "years" / "2569.yml"
    text = year_file.read_text(encoding="utf-8")
    for old, new in ANOTHER_ANALYSIS_REPORT.items():
        assert old in text, old
        text = text.replace(old, new)
    year_file.write_text(text, encoding="utf-8")
    document = word_layouts.mueang_kao(tmp_path / "รายงาน.docx", agency_name=str(truth))
    data = tmp_path / "data"
    shutil.copytree(truth, data, ignore=shutil.ignore_patterns("years"))
    code, _, err = run_import(document, data, capsys)
    assert code == 0, err
    tally = compare(load_site(data).site.years[0], load_site(truth).site.years[0])
    assert tally.wrong == [], "\n".join(tally.wrong)
