"""Survey links and windows on load: wrong links are refused with a message naming file, line and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import DEMO_DATA, edit_text

from itagen.load.site import load_site
from itagen.problems import DataError
from itagen.records.surveys import survey_links, window_bounds_iso, window_is_open
from itagen.thai.dates import ThaiDate

GOOD_IIT = "  iit: https://itas.nacc.go.th/go/iit/demo42\n"


def _allow_host(data_dir: Path, host: str) -> None:
    settings = data_dir / "site.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"survey_hosts: [{host}]\n", encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i + 1 for i, line in enumerate(lines) if text in line)


def _error(data_dir: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_site(data_dir)
    return caught.value.report(data_dir)


def _with_iit(data_dir: Path, url: str) -> tuple[str, int]:
    year_file = data_dir / "years/2569.yml"
    edit_text(year_file, GOOD_IIT, f"  iit: {url}\n")
    return _error(data_dir), _line_of(year_file, f"  iit: {url}")


def test_links_default_to_the_agency_code_and_written_links_are_kept() -> None:
    site = load_site(DEMO_DATA).site
    for fiscal_year in (2567, 2568, 2569):
        year = site.year(fiscal_year)
        assert year is not None and year.surveys is not None
        links = {link.tool: link.url for link in survey_links(site.agency, year.surveys)}
        assert links == {"iit": "https://itas.nacc.go.th/go/iit/demo42", "eit": "https://itas.nacc.go.th/go/eit/demo42"}


def test_another_host_is_an_error_naming_file_line_field_and_the_expected_link(data_copy: Path) -> None:
    report, line = _with_iit(data_copy, "https://itas-nacc.example.com/go/iit/demo42")
    assert "data/years/2569.yml" in report
    assert f"บรรทัด/line {line}" in report
    assert "ช่อง/field 'surveys.iit'" in report
    assert "ลิงก์แบบวัด IIT ต้องเป็น https://itas.nacc.go.th/go/iit/demo42" in report
    assert "the IIT link must be https://itas.nacc.go.th/go/iit/demo42" in report
    assert '"https://itas-nacc.example.com/go/iit/demo42" (host itas-nacc.example.com)' in report
    assert "survey_hosts" in report


def test_a_code_that_is_not_the_agencys_is_refused(data_copy: Path) -> None:
    report, line = _with_iit(data_copy, "https://itas.nacc.go.th/go/iit/h9unqk")
    assert f"บรรทัด/line {line}" in report
    assert 'รหัสในลิงก์ "h9unqk" ไม่ตรงกับ itas_code "demo42" ใน agency.yml' in report
    assert 'the code "h9unqk" in the link does not match itas_code "demo42" in agency.yml' in report
    assert "expected https://itas.nacc.go.th/go/iit/demo42" in report


def test_the_eit_link_under_iit_is_refused(data_copy: Path) -> None:
    report, _ = _with_iit(data_copy, "https://itas.nacc.go.th/go/eit/demo42")
    assert "this is the EIT link but it is under 'iit'" in report
    assert "ลิงก์นี้เป็นของแบบวัด EIT แต่ใส่ไว้ในช่อง iit" in report


@pytest.mark.parametrize(
    ("url", "english"),
    [
        ("http://itas.nacc.go.th/go/iit/demo42", "a survey link must start with https://"),
        ("https://itas.nacc.go.th/go/iit/demo42/", "must be exactly of the form https://itas.nacc.go.th/go/iit/demo42"),
        ("https://itas.nacc.go.th/go/iit/demo42?ref=x", "must be exactly of the form"),
        ("https://itas.nacc.go.th/iit/demo42", "must be exactly of the form"),
        ("https://itas.nacc.go.th:8443/go/iit/demo42", "the IIT link must be https://itas.nacc.go.th/go/iit/demo42"),
        ("https://itas.nacc.go.th@evil.example/go/iit/demo42", "an address is https:// followed by the site's name"),
        ("https://itas.nacc.go.th/go/iit/DEMO42", 'the code "DEMO42" in the link does not match itas_code "demo42"'),
    ],
)
def test_links_not_exactly_of_the_itas_form_are_refused(data_copy: Path, url: str, english: str) -> None:
    report, line = _with_iit(data_copy, url)
    assert english in report
    assert f"บรรทัด/line {line}" in report and "surveys.iit" in report


def test_a_host_allowed_in_site_settings_is_only_a_warning(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", GOOD_IIT, "  iit: https://survey.example.go.th/iit/demo42\n")
    _allow_host(data_copy, "survey.example.go.th")
    loaded = load_site(data_copy)
    messages = [problem.message(data_copy) for problem in loaded.warnings]
    assert len(messages) == 1
    assert "surveys.iit" in messages[0] and "survey.example.go.th" in messages[0]
    assert "allowed by survey_hosts in site.yml" in messages[0]


def test_an_allowed_host_must_still_use_https(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", GOOD_IIT, "  iit: http://survey.example.go.th/iit/demo42\n")
    _allow_host(data_copy, "survey.example.go.th")
    assert "a survey link must start with https://" in _error(data_copy)


def test_without_an_itas_code_links_cannot_be_made_or_checked(data_copy: Path) -> None:
    edit_text(data_copy / "agency.yml", "itas_code: demo42\n", "")
    report = _error(data_copy)
    assert "no IIT link: set itas_code in agency.yml" in report  # 2567 and 2568 derive their links
    assert 'cannot check "https://itas.nacc.go.th/go/iit/demo42": agency.yml has no valid itas_code' in report


def test_an_itas_code_with_other_characters_is_refused_in_agency_yml(data_copy: Path) -> None:
    edit_text(data_copy / "agency.yml", "itas_code: demo42", "itas_code: demo/42")
    report = _error(data_copy)
    assert f"data/agency.yml, บรรทัด/line {_line_of(data_copy / 'agency.yml', 'itas_code')}" in report
    assert "ช่อง/field 'itas_code'" in report and "English letters and digits only" in report


def test_a_window_that_closes_before_it_opens_is_an_error(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "  closes: 30 มิถุนายน 2569", "  closes: 4 มกราคม 2569")
    report = _error(data_copy)
    assert (
        "surveys.closes" in report and "the closing day (2026-01-04) is before the opening day (2026-01-05)" in report
    )


def test_a_window_outside_its_fiscal_year_is_a_warning(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "  closes: 30 มิถุนายน 2569", "  closes: 31 ตุลาคม 2569")
    warnings = [p.message(data_copy) for p in load_site(data_copy).warnings]
    assert any("surveys.closes" in w and "outside fiscal year 2569" in w for w in warnings), warnings


def test_31_june_is_a_warning_and_the_last_day_of_june_is_used(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "  closes: 30 มิถุนายน 2569", "  closes: 31 มิถุนายน 2569")
    loaded = load_site(data_copy)
    year = loaded.site.year(2569)
    assert year is not None and year.surveys is not None and year.surveys.closes == ThaiDate(2026, 6, 30)
    (warning,) = [p.message(data_copy) for p in loaded.warnings]
    assert "surveys.closes" in warning and "ไม่มีอยู่จริง" in warning and "does not exist" in warning


def test_unknown_survey_key_suggests_the_right_one(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "  closes: 30 มิถุนายน 2569", "  close: 30 มิถุนายน 2569")
    report = _error(data_copy)
    assert "unknown key 'close'; did you mean 'closes'?" in report


def test_the_window_includes_its_first_and_last_day_in_thai_time() -> None:
    surveys = load_site(DEMO_DATA).site.years[-1].surveys
    assert surveys is not None
    assert not window_is_open(surveys, dt.date(2026, 1, 4))
    assert window_is_open(surveys, dt.date(2026, 1, 5))
    assert window_is_open(surveys, dt.date(2026, 6, 30))
    assert not window_is_open(surveys, dt.date(2026, 7, 1))
    assert window_bounds_iso(surveys) == ("2026-01-05T00:00:00+07:00", "2026-06-30T23:59:59+07:00")
