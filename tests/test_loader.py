"""Loading and validation: the demo loads; each kind of invalid data gets its own clear message."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import DEMO_DATA, edit_text, run_build
from engine_support import generate_site

from itagen.load.site import load_site
from itagen.problems import DataError
from itagen.publish.build_date import source_date_epoch
from itagen.source import yaml_file
from itagen.thai.dates import ThaiDate


def _error(data_dir: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_site(data_dir)
    return caught.value.report(data_dir)


def test_demo_loads_into_typed_records_without_warnings() -> None:
    loaded = load_site(DEMO_DATA)
    assert [y.fiscal_year for y in loaded.site.years] == [2567, 2568, 2569]
    assert loaded.warnings == []
    year = loaded.site.years[-1]
    assert year.assessment is not None and year.assessment.announced == ThaiDate(2025, 8, 15)
    assert year.measures is not None and year.measures.items[0].steps[0] == "รวบรวมข้อมูลการจัดซื้อจัดจ้างทั้งปี"


def test_wrong_type_names_file_line_field_and_both_languages(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "overall_score: 96.48", "overall_score: เก้าสิบหก")
    report = _error(data_copy)
    assert "data/years/2569.yml" in report
    assert "บรรทัด/line 7" in report
    assert "assessment.overall_score" in report
    assert "ต้องเป็นตัวเลข" in report and "expected a number" in report
    assert '"เก้าสิบหก"' in report


def test_score_out_of_range(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "{number: 1, score: 98.02}", "{number: 1, score: 198.02}")
    report = _error(data_copy)
    assert "assessment.indicators[1].score" in report and "0 to 100" in report


def test_missing_required_field(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "updated: 2569-06-30\n", "")
    report = _error(data_copy)
    assert "'updated'" in report and "this required field is missing" in report and "ขาดข้อมูล" in report


def test_unknown_key_suggests_the_right_one(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "      responsible: [กองคลัง]", "      responsable: [กองคลัง]")
    report = _error(data_copy)
    assert "unknown key 'responsable'; did you mean 'responsible'?" in report
    assert "measures.items[1].responsable" in report


def test_duplicate_key_is_an_error_not_a_silent_loss(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "updated: 2569-06-30\n", "updated: 2569-06-30\nupdated: 2569-07-01\n")
    report = _error(data_copy)
    assert "key 'updated' repeats the one on line 3" in report and "บรรทัด/line 4" in report


def test_unknown_measure_in_progress_report(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "      - measure: you-said-we-did", "      - measure: you-said")
    assert "no measure with id 'you-said'" in _error(data_copy)


def test_javascript_link_is_rejected(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "ขาดรายงานผลการจัดซื้อจัดจ้าง", "ขาด[รายงาน](javascript:alert(1))")
    assert "link 'javascript:alert(1)' is not allowed" in _error(data_copy)


def test_level_that_disagrees_with_the_score_warns(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "level: ผ่านดีเยี่ยม", "level: ผ่าน")
    loaded = load_site(data_copy)
    assert any("does not match the score 96.48" in w.english for w in loaded.warnings)


def test_letter_level_of_an_old_year() -> None:
    from itagen.records.fiscal_year import Assessment
    from itagen.records.levels import expected_levels

    assert expected_levels(Assessment(ita_year=2564, overall_score=90.79)) == {"A"}
    assert expected_levels(Assessment(ita_year=2564, overall_score=95.0)) == {"AA"}


def test_date_outside_the_fiscal_year_warns(data_copy: Path) -> None:
    edit_text(
        data_copy / "years/2569.yml", "period: {start: 2568-10, end: 2568-12}", "period: {start: 2567-10, end: 2568-12}"
    )
    loaded = load_site(data_copy)
    assert any("lies outside fiscal year 2569" in w.english for w in loaded.warnings)


def test_impossible_date_warns_and_uses_the_last_day(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "date: 2569-04-03", "date: 31 เมษายน 2569")
    loaded = load_site(data_copy)
    assert any("does not exist" in w.english and "2026-04-30" in w.english for w in loaded.warnings)


def test_warning_fails_only_a_strict_build(data_copy: Path, tmp_path: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "level: ผ่านดีเยี่ยม", "level: ผ่าน")
    assert run_build(data_copy, tmp_path / "lenient", strict=False).returncode == 0
    strict = run_build(data_copy, tmp_path / "strict", strict=True)
    assert strict.returncode != 0
    assert "does not match the score" in strict.stderr


def test_build_error_has_no_traceback_and_keeps_the_old_site(data_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_build(data_copy, out).returncode == 0
    before = (out / "ita/2569/index.html").read_bytes()
    edit_text(data_copy / "years/2569.yml", "fiscal_year: 2569", "fiscal_year: [2569]")
    failed = run_build(data_copy, out)
    assert failed.returncode != 0
    assert "Traceback" not in failed.stderr + failed.stdout
    assert "fiscal_year" in failed.stderr and "expected a whole number" in failed.stderr
    assert (out / "ita/2569/index.html").read_bytes() == before


def test_every_data_file_is_parsed_once_per_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """One read and one parse per file: line numbers for messages come from the trees already parsed."""
    read: list[Path] = []
    parsed: list[Path] = []
    real_read, real_parse = yaml_file.read_data_file, yaml_file.parse_yaml_bytes

    def counting_read(path: Path, roots: tuple[Path, ...] = ()) -> bytes:
        read.append(path)
        return real_read(path, roots)

    def counting_parse(path: Path, raw: bytes) -> yaml_file.YamlDocument:
        parsed.append(path)
        return real_parse(path, raw)

    monkeypatch.setattr("itagen.load.sources.read_data_file", counting_read)
    monkeypatch.setattr("itagen.load.sources.parse_yaml_bytes", counting_parse)
    generate_site(load_site(DEMO_DATA).site)
    data_files = sorted(DEMO_DATA.rglob("*.yml"))
    for calls in (read, parsed):
        assert sorted(p for p in calls if p.is_relative_to(DEMO_DATA)) == data_files
        assert len(calls) == len(set(calls))  # the built-in checklists too


def test_the_build_date_is_the_newest_update_of_the_loaded_data() -> None:
    site = load_site(DEMO_DATA).site
    newest = max(year.updated.last_day for year in site.years)
    assert site.data_updated == newest
    assert source_date_epoch(site) == str(
        int(datetime.datetime(*newest.timetuple()[:3], tzinfo=datetime.UTC).timestamp())
    )
