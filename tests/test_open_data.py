"""Open data: per-year JSON and CSV, a trend, a DCAT catalogue; the files say what the pages show."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from conftest import DEMO_DATA, example_dirs, page_text

from itagen.load.site import load_site
from itagen.thai.dates import format_score

SITES = [DEMO_DATA, *example_dirs()]


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel reads Thai only after a byte-order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.mark.parametrize("data", SITES, ids=lambda p: p.name)
def test_the_files_say_what_the_pages_show(data: Path, built_site: Callable[[Path], Path]) -> None:
    site_dir = built_site(data)
    site = load_site(data).site
    schema = json.loads((site_dir / "ita" / "data" / "ita-year.schema.json").read_text(encoding="utf-8"))
    for year in site.years:
        folder = site_dir / "ita" / str(year.fiscal_year) / "data"
        document = json.loads((folder / f"ita-{year.fiscal_year}.json").read_text(encoding="utf-8"))
        jsonschema.validate(document, schema)
        overview = page_text(site_dir, f"ita/{year.fiscal_year}/index.html")
        assessment = document["assessment"]
        if assessment and assessment["overall_score"] is not None:
            assert format_score(assessment["overall_score"], site.digits) in overview
            for indicator in assessment["indicators"]:
                assert format_score(indicator["score"], site.digits) in overview
            scores = _csv(folder / f"scores-{year.fiscal_year}.csv")
            indicator_rows = [r for r in scores if r["kind"] == "indicator"]
            assert [float(r["score"]) for r in indicator_rows] == [i["score"] for i in assessment["indicators"]]
        measures = _csv(folder / f"measures-{year.fiscal_year}.csv")
        assert [m["title"] for m in measures] == [m["title"] for m in document["measures"]]
        if document["measures"]:
            shown = page_text(site_dir, f"ita/{year.fiscal_year}/measures/index.html")
            assert all(m["title"] in shown for m in document["measures"])
            assert [int(m["number"]) for m in measures] == list(range(1, len(measures) + 1))
        progress = _csv(folder / f"progress-{year.fiscal_year}.csv")
        assert len(progress) == sum(len(r["items"]) for r in document["progress_reports"])


def test_the_catalogue_lists_every_file_as_dcat(demo_site: Path) -> None:
    catalogue = json.loads((demo_site / "ita" / "data" / "catalog.jsonld").read_text(encoding="utf-8"))
    assert catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert catalogue["@type"] == "dcat:Catalog"
    site = load_site(DEMO_DATA).site
    datasets = catalogue["dcat:dataset"]
    assert len(datasets) == len(site.years) + 1
    base = str(site.settings.site_url)
    for dataset in datasets:
        assert dataset["dct:license"]["@id"].startswith("https://")
        for distribution in dataset["dcat:distribution"]:
            url = distribution["dcat:downloadURL"]["@id"]
            assert url.startswith(base)
            published = demo_site / url.removeprefix(base)
            assert published.is_file() and published.stat().st_size == distribution["dcat:byteSize"]


def test_the_data_page_lists_every_file_and_year_pages_link_to_it(demo_site: Path) -> None:
    text = page_text(demo_site, "ita/data/index.html")
    assert "DGA Open Government License" in text
    files = [
        p for p in (demo_site / "ita").rglob("*") if p.suffix in (".json", ".csv", ".jsonld") and "/data/" in str(p)
    ]
    html = (demo_site / "ita" / "data" / "index.html").read_text(encoding="utf-8")
    assert len(files) >= 10 and all(f.name in html for f in files)
    assert 'href="../data/#fy-2569"' in (demo_site / "ita" / "2569" / "index.html").read_text(encoding="utf-8")


def test_trend_across_years(demo_site: Path) -> None:
    rows = _csv(demo_site / "ita" / "data" / "ita-trend.csv")
    site = load_site(DEMO_DATA).site
    assert [int(r["fiscal_year"]) for r in rows] == [y.fiscal_year for y in site.years]
    assert [float(r["overall_score"]) for r in rows] == [y.assessment.overall_score for y in site.years if y.assessment]
