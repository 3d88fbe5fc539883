"""The numbers of the pages as open data: JSON and CSV per fiscal year, a trend across years, and a
DCAT catalogue (JSON-LD) that a CKAN portal such as data.go.th can harvest.

Made from the same records as the pages, so the files say what the pages show. Scores keep NACC's two
decimals; periods and dates are ISO dates in C.E. (machine-readable) beside the Thai text the page prints.
"""

from __future__ import annotations

from typing import Any

from ..plan.site_plan import OPEN_DATA_DIR, year_data_dir
from ..records.fiscal_year import INDICATOR_NAMES, STATUS_NAMES, TOOL_NAMES, FiscalYear, Period
from ..records.levels import eit_score
from ..records.record import record
from ..records.site import Site
from ..records.surveys import survey_links, surveys_ita_year
from ..thai.dates import fiscal_year_bounds, format_range, format_whole_fiscal_year
from .indented_json import indented_json
from .output import GeneratedAsset
from .sheets import csv_text

DEFAULT_LICENCE = ("DGA Open Government License", "https://data.go.th/pages/dga-open-government-license")
"""The licence data.go.th publishes under, when site.yml names no other."""
YEAR_SCHEMA_NAME = "ita-year.schema.json"


@record
class DataFile:
    """One published file, as the open-data page lists it."""

    asset: GeneratedAsset
    title: str
    fiscal_year: int | None

    @property
    def name(self) -> str:
        return self.asset.path.rsplit("/", 1)[1]

    @property
    def media_type(self) -> str:
        return {"csv": "text/csv", "json": "application/json", "jsonld": "application/ld+json"}[
            self.name.rsplit(".")[-1]
        ]


def open_data_files(site: Site) -> list[DataFile]:
    """Every open-data file of the site, newest year first, then the trend, the schema, the catalogue."""
    files: list[DataFile] = []
    for year in reversed(site.years):
        files += _year_files(site, year)
    trend = [_trend_row(year) for year in site.years]
    trend_header = ["fiscal_year", "ita_year", "overall_score", "level", "iit", "eit", "oit"]
    files += [
        _file(
            f"{OPEN_DATA_DIR}/ita-trend.json",
            json_text({"agency": site.agency.name, "years": trend}),
            "ผลการประเมิน ITA ทุกปี (JSON)",
        ),
        _file(
            f"{OPEN_DATA_DIR}/ita-trend.csv",
            csv_text(trend_header, [list(r.values()) for r in trend]),
            "ผลการประเมิน ITA ทุกปี (CSV)",
        ),
        _file(f"{OPEN_DATA_DIR}/{YEAR_SCHEMA_NAME}", json_text(YEAR_SCHEMA), "JSON Schema ของไฟล์รายปี"),
    ]
    files.append(_file(f"{OPEN_DATA_DIR}/catalog.jsonld", json_text(catalogue(site, files)), "แค็ตตาล็อก DCAT (JSON-LD)"))
    return files


def json_text(document: object) -> str:
    return indented_json(document, indent=2) + "\n"


def _file(path: str, text: str, title: str, fiscal_year: int | None = None) -> DataFile:
    return DataFile(GeneratedAsset(path, text.encode("utf-8")), title, fiscal_year)


def year_document(site: Site, year: FiscalYear) -> dict[str, Any]:
    """What a fiscal year's pages show, as one JSON document (``ita-<year>.json``)."""
    first, last = fiscal_year_bounds(year.fiscal_year)
    document: dict[str, Any] = {
        "$schema": YEAR_SCHEMA_NAME,
        "agency": site.agency.name,
        "fiscal_year": year.fiscal_year,
        "period": {"start": first.isoformat(), "end": last.isoformat()},
        "updated": year.updated.last_day.isoformat(),
        "assessment": _assessment(year),
        "analysis": [
            {"title": i.title, "indicators": i.indicators, "tool": i.tool, "score": i.score, "text": str(i.text)}
            for i in (year.analysis.items if year.analysis else [])
        ],
        "measures": [_measure(year, number, m) for number, m in enumerate(_measures(year), start=1)],
        "progress_reports": [
            {
                "round": report.round,
                "date": report.date.last_day.isoformat() if report.date else None,
                "items": [
                    {"measure": item.measure, "status": item.status, "actions": [str(a) for a in item.actions]}
                    for item in report.items
                ],
            }
            for report in year.progress_reports
        ],
        "surveys": _surveys(site, year),
    }
    return document


def _measures(year: FiscalYear) -> list[Any]:
    return list(year.measures.items) if year.measures else []


def _assessment(year: FiscalYear) -> dict[str, Any] | None:
    a = year.assessment
    if a is None:
        return None
    return {
        "ita_year": a.ita_year,
        "overall_score": a.overall_score,
        "level": a.level,
        "announced": a.announced.last_day.isoformat() if a.announced else None,
        "tools": {"iit": a.tools.iit, "eit": eit_score(a.tools), "oit": a.tools.oit},
        "indicators": [
            {"number": i.number, "name": year.indicator_names()[i.number], "tool": i.tool, "score": i.score}
            for i in sorted(a.indicators, key=lambda i: i.number)
        ],
    }


def _measure(year: FiscalYear, number: int, measure: Any) -> dict[str, Any]:
    period = measure.period
    start, end = period.days(year.fiscal_year) if period else (None, None)
    return {
        "number": number,
        "id": measure.id,
        "title": measure.title,
        "indicators": measure.indicators,
        "responsible": measure.responsible,
        "steps": [str(step) for step in measure.steps],
        "period": {
            "text": _period_text(period, year.fiscal_year) if period else None,
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
        },
    }


def _period_text(period: Period, fiscal_year: int) -> str:
    if period.whole_fiscal_year or period.start is None:
        return format_whole_fiscal_year(fiscal_year)
    if period.end is None or period.end == period.start:
        return period.start.format()
    return format_range(period.start, period.end)


def _surveys(site: Site, year: FiscalYear) -> dict[str, Any] | None:
    s = year.surveys
    if s is None:
        return None
    return {
        "ita_year": surveys_ita_year(year),
        "opens": s.opens.first_day.isoformat(),
        "closes": s.closes.last_day.isoformat(),
        "links": {link.tool: link.url for link in survey_links(site.agency, s)},
    }


def _year_files(site: Site, year: FiscalYear) -> list[DataFile]:
    folder, fy = year_data_dir(year.fiscal_year), year.fiscal_year
    document = year_document(site, year)
    scores = [
        *(
            [
                ["tool", tool, TOOL_NAMES[tool], score]
                for tool, score in document["assessment"]["tools"].items()
                if score is not None
            ]
            if document["assessment"]
            else []
        ),
        *(
            [["indicator", i["number"], i["name"], i["score"]] for i in document["assessment"]["indicators"]]
            if document["assessment"]
            else []
        ),
    ]
    measures = [
        [
            m["number"],
            m["id"],
            m["title"],
            ", ".join(map(str, m["indicators"])),
            ", ".join(m["responsible"]),
            m["period"]["text"] or "",
            m["period"]["start"] or "",
            m["period"]["end"] or "",
            "\n".join(m["steps"]),
        ]
        for m in document["measures"]
    ]
    numbers = {m["id"]: m["number"] for m in document["measures"]}
    progress = [
        [
            r["round"],
            r["date"] or "",
            numbers.get(i["measure"], ""),
            i["measure"],
            i["status"],
            STATUS_NAMES[i["status"]],
            "\n".join(i["actions"]),
        ]
        for r in document["progress_reports"]
        for i in r["items"]
    ]
    return [
        _file(f"{folder}/ita-{fy}.json", json_text(document), f"ข้อมูลทั้งปี พ.ศ. {fy} (JSON)", fy),
        _file(
            f"{folder}/scores-{fy}.csv",
            csv_text(["kind", "code", "name", "score"], scores),
            f"คะแนนรายเครื่องมือและตัวชี้วัด พ.ศ. {fy} (CSV)",
            fy,
        ),
        _file(
            f"{folder}/measures-{fy}.csv",
            csv_text(
                ["number", "id", "title", "indicators", "responsible", "period", "start", "end", "steps"], measures
            ),
            f"มาตรการ พ.ศ. {fy} (CSV)",
            fy,
        ),
        _file(
            f"{folder}/progress-{fy}.csv",
            csv_text(["round", "date", "measure_number", "measure", "status", "status_th", "actions"], progress),
            f"รายงานผลการดำเนินการ พ.ศ. {fy} (CSV)",
            fy,
        ),
    ]


def _trend_row(year: FiscalYear) -> dict[str, Any]:
    a = year.assessment
    tools = a.tools if a else None
    return {
        "fiscal_year": year.fiscal_year,
        "ita_year": a.ita_year if a else None,
        "overall_score": a.overall_score if a else None,
        "level": a.level if a else None,
        "iit": tools.iit if tools else None,
        "eit": eit_score(tools) if tools else None,
        "oit": tools.oit if tools else None,
    }


def licence(site: Site) -> tuple[str, str]:
    settings = site.settings
    return settings.data_licence or DEFAULT_LICENCE[0], str(settings.data_licence_url or DEFAULT_LICENCE[1])


def catalogue(site: Site, files: list[DataFile]) -> dict[str, Any]:
    """DCAT (JSON-LD): one dataset per fiscal year and one for the trend, each file a distribution."""
    base = (site.settings.site_url or "").rstrip("/") + "/" if site.settings.site_url else ""
    name, licence_url = licence(site)
    years = {year.fiscal_year: year for year in site.years}
    datasets = []
    for fiscal_year in [*sorted(years, reverse=True), None]:
        members = [f for f in files if f.fiscal_year == fiscal_year and f.name.endswith((".json", ".csv"))]
        if fiscal_year is None:
            members = [f for f in files if f.name.startswith("ita-trend")]
        updated = (
            years[fiscal_year].updated.last_day
            if fiscal_year
            else max((y.updated.last_day for y in site.years), default=None)
        )
        datasets.append(
            {
                "@type": "dcat:Dataset",
                "dct:title": f"ITA {site.agency.name} ปีงบประมาณ พ.ศ. {fiscal_year}"
                if fiscal_year
                else f"ผลการประเมิน ITA {site.agency.name} ทุกปีงบประมาณ",
                "dct:publisher": {"@type": "foaf:Organization", "foaf:name": site.agency.name},
                "dct:modified": updated.isoformat() if updated else None,
                "dct:language": "th",
                "dct:license": {"@id": licence_url, "dct:title": name},
                "dcat:keyword": ["ITA", "คุณธรรมและความโปร่งใส", "integrity", "transparency"],
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dct:title": f.title,
                        "dcat:downloadURL": {"@id": base + f.asset.path} if base else f.asset.path,
                        "dcat:mediaType": f.media_type,
                        "dcat:byteSize": len(f.asset.content),
                    }
                    for f in members
                ],
            }
        )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@type": "dcat:Catalog",
        "dct:title": f"ข้อมูลเปิด ITA ของ{site.agency.name}",
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": site.agency.name},
        "dct:license": {"@id": licence_url, "dct:title": name},
        "dcat:dataset": datasets,
    }


_NUMBER = {"type": ["number", "null"]}
_TEXT = {"type": ["string", "null"]}
YEAR_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": YEAR_SCHEMA_NAME,
    "title": "ITA disclosure of one fiscal year (ita-<fiscal year>.json)",
    "type": "object",
    "required": ["agency", "fiscal_year", "updated", "measures", "progress_reports"],
    "properties": {
        "$schema": {"type": "string"},
        "agency": {"type": "string"},
        "fiscal_year": {"type": "integer", "description": "B.E."},
        "period": {
            "type": "object",
            "properties": {"start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"}},
        },
        "updated": {"type": "string", "format": "date"},
        "assessment": {
            "type": ["object", "null"],
            "properties": {
                "ita_year": {"type": "integer"},
                "overall_score": _NUMBER,
                "level": _TEXT,
                "announced": _TEXT,
                "tools": {"type": "object", "properties": {t: _NUMBER for t in ("iit", "eit", "oit")}},
                "indicators": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "number": {"type": "integer", "minimum": 1, "maximum": len(INDICATOR_NAMES)},
                            "name": {"type": "string"},
                            "tool": {"enum": list(TOOL_NAMES)},
                            "score": {"type": "number", "minimum": 0, "maximum": 100},
                        },
                    },
                },
            },
        },
        "analysis": {"type": "array"},
        "measures": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["number", "id", "title"],
                "properties": {
                    "number": {"type": "integer"},
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "indicators": {"type": "array", "items": {"type": "integer"}},
                    "responsible": {"type": "array", "items": {"type": "string"}},
                    "steps": {"type": "array", "items": {"type": "string"}},
                    "period": {"type": "object"},
                },
            },
        },
        "progress_reports": {"type": "array"},
        "surveys": {"type": ["object", "null"]},
    },
}
