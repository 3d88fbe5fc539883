"""Bad OIT and agency data: every mistake names the file, line and field, in Thai and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit_text, run_build
from engine_support import generate_site

from itagen.load.site import load_site
from itagen.problems import DataError


def _load_error(data_dir: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_site(data_dir)
    return caught.value.report(data_dir)


def _generate_error(data_dir: Path) -> str:
    site = load_site(data_dir).site
    with pytest.raises(DataError) as caught:
        generate_site(site)
    return caught.value.report(data_dir)


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_document_missing_on_disk_is_an_error_naming_file_line_and_field(data_copy: Path) -> None:
    (data_copy / "documents" / "work-manual.pdf").unlink()
    report = _load_error(data_copy)
    line = _line_of(data_copy / "documents.yml", "file: documents/work-manual.pdf")
    assert f"data/documents.yml, บรรทัด/line {line}, ช่อง/field '[5].file'" in report
    assert "ไม่พบไฟล์เอกสาร 'documents/work-manual.pdf'" in report
    assert "the document file 'documents/work-manual.pdf' does not exist" in report


def test_the_build_stops_without_a_traceback_on_a_missing_document(data_copy: Path, tmp_path: Path) -> None:
    (data_copy / "documents" / "hr-plan-2569.pdf").unlink()
    result = run_build(data_copy, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "hr-plan-2569.pdf" in output and "Traceback" not in output
    assert not (tmp_path / "site").exists()


def test_a_document_outside_the_data_directory_is_refused(data_copy: Path) -> None:
    edit_text(data_copy / "documents.yml", "file: documents/work-manual.pdf", "file: ../secret.pdf")
    assert "must be inside the data directory" in _load_error(data_copy)


def test_a_missing_photo_is_an_error(data_copy: Path) -> None:
    (data_copy / "images" / "people" / "clerk.png").unlink()
    report = _load_error(data_copy)
    assert "organization.yml" in report and "executives[4].photo" in report and "clerk.png" in report


def test_an_unknown_document_id_suggests_the_right_one(data_copy: Path) -> None:
    path = data_copy / "oit" / "2569.yml"
    edit_text(path, "O9: [{document: service-guide}]", "O9: [{document: service-guid}]")
    report = _load_error(data_copy)
    assert f"บรรทัด/line {_line_of(path, 'service-guid')}, ช่อง/field 'items.O9[1].document'" in report
    assert "did you mean 'service-guide'?" in report and "หมายถึง 'service-guide' หรือไม่?" in report


def test_an_item_code_not_in_the_checklist(data_copy: Path) -> None:
    path = data_copy / "oit" / "2569.yml"
    edit_text(path, "  O26:", "  O62: [{page: structure}]\n  O26:")
    report = _load_error(data_copy)
    assert "items.O62" in report and "there is no item O62 in the ITA 2569 checklist" in report


def test_evidence_needs_exactly_one_target(data_copy: Path) -> None:
    edit_text(
        data_copy / "oit" / "2569.yml", "O8: [{document: work-manual}]", "O8: [{document: work-manual, page: news}]"
    )
    report = _load_error(data_copy)
    assert "items.O8[1]" in report and "exactly one of page:, document: or url:" in report


def test_without_a_site_address_there_is_no_url_sheet_and_the_build_says_why(data_copy: Path, tmp_path: Path) -> None:
    edit_text(data_copy / "site.yml", "site_url:", "# site_url:")
    result = run_build(data_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "no URL sheet for ITAS: site.yml has no site_url" in result.stderr
    assert (tmp_path / "site" / "ita" / "2569" / "oit" / "index.html").is_file()
    assert not (tmp_path / "site" / "ita" / "2569" / "oit-urls.csv").exists()


def test_a_requested_url_sheet_needs_the_site_address(data_copy: Path) -> None:
    edit_text(data_copy / "site.yml", "site_url:", "# site_url:")
    path = data_copy / "oit" / "2569.yml"
    edit_text(path, "checklist: ita-2569", "checklist: ita-2569\nurl_sheet: true")
    report = _load_error(data_copy)
    assert f"oit/2569.yml, บรรทัด/line {_line_of(path, 'url_sheet')}, ช่อง/field 'url_sheet'" in report
    assert "เพิ่ม site_url: https://… ใน site.yml" in report and "add site_url: https://… to site.yml" in report


def test_an_unknown_page_is_reported_with_its_line_and_a_suggestion(data_copy: Path) -> None:
    path = data_copy / "oit" / "2569.yml"
    edit_text(path, 'O4: [{page: "news#fy-2569"}]', 'O4: [{page: "newz"}]')
    report = _generate_error(data_copy)
    assert f"บรรทัด/line {_line_of(path, 'newz')}, ช่อง/field 'items.O4[1].page'" in report
    assert "there is no page 'newz' on the site; did you mean 'news'?" in report


def test_a_section_the_page_does_not_have_is_reported(data_copy: Path) -> None:
    edit_text(data_copy / "oit" / "2569.yml", "{page: measures}", "{page: measures#measure-nothing}")
    report = _generate_error(data_copy)
    assert "the page 'measures' has no section #measure-nothing" in report
    assert "measure-you-said-we-did" in report  # the sections it does have


def test_a_page_of_another_year_that_does_not_exist(data_copy: Path) -> None:
    edit_text(data_copy / "oit" / "2569.yml", "{page: 2568/progress-12-month}", "{page: 2567/progress-12-month}")
    report = _generate_error(data_copy)
    assert "no page '2567/progress-12-month'" in report and "did you mean 'progress-year-end'?" in report
    assert "structure" not in report.split("pages for 2567:")[1]  # agency pages take no year


def test_html_in_agency_data_is_shown_as_text(data_copy: Path) -> None:
    edit_text(data_copy / "news.yml", "title: เปิดบริการยื่นคำร้องออนไลน์", "title: <script>alert(1)</script> เปิดบริการ")
    edit_text(data_copy / "organization.yml", "holder: นายธนพล แก้วกล้า", 'holder: "<img src=x onerror=alert(1)>"')
    pages = {p.path: p.markdown for p in generate_site(load_site(data_copy).site).pages}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["agency/news.md"]
    assert "<script>" not in pages["agency/news.md"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages["agency/structure.md"]


def test_previous_names_the_year_before(data_copy: Path) -> None:
    edit_text(data_copy / "oit" / "2569.yml", "{page: 2568/progress-12-month}", "{page: previous/progress-12-month}")
    pages = {p.path: p.markdown for p in generate_site(load_site(data_copy).site).pages}
    section = pages["ita/2569/oit.md"].split("{#o26}")[1]
    assert "(../2568/progress-12-month.md)" in section
