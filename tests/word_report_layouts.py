"""The seeds' layouts of progress reports (004, and 001's follow-up document), filled with an example
agency's facts (see ``word_documents``); the measures documents' layouts are in ``word_layouts``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from word_documents import Variant, Writer, example_year, merge_down, tool_heading
from word_layouts import AS_THE_SEED, agency_name_of

from itagen.thai.dates import MONTHS_FULL


def phok_noi(path: Path, variant: Variant = AS_THE_SEED, agency_name: str = "thetsaban-phok-noi") -> Path:
    """Seed 004: the measures, then the report of what was done (ผลผลิต / ผลลัพธ์ under one heading)."""
    agency, year = example_year(agency_name)
    writer = Writer("arabic", variant)
    if variant.part == "report":
        writer.paragraph(
            f"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {year['fiscal_year']}"
        )
    else:
        writer.paragraph(year["title"])
        _phok_noi_measures(writer, year)
    if variant.part == "measures":
        return writer.save(path)
    _phok_noi_report(writer, agency, year)
    return writer.save(path)


def _phok_noi_measures(writer: Writer, year: dict[str, Any]) -> None:
    writer.paragraph(year["measures"]["introduction"])
    header = ["มาตรการ", "แนวทางการปฏิบัติ", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "การกำกับติดตาม"]
    measures = year["measures"]["items"]
    for part in (measures[:2], measures[2:]):
        rows: list[list[str | list[str]]] = [
            [
                m["title"],
                list(m["approach"]),
                writer.numbered(m["steps"]),
                ", ".join(m["responsible"]),
                m["follow_up"],
            ]
            for m in part
        ]
        writer.table(header, rows)
        writer.paragraph(writer.figures("-3-"))


def _phok_noi_report(writer: Writer, agency: dict[str, Any], year: dict[str, Any]) -> None:
    measures = year["measures"]["items"]
    report = year["progress_reports"][0]
    writer.paragraph(report["introduction"])
    titles = {m["id"]: m["title"] for m in measures}
    table = writer.table(
        ["มาตรการ", "รายละเอียดการดำเนินงาน", "ระยะเวลาการดำเนินงาน", "ผลการดำเนินการ", "", "หมายเหตุ"],
        [["", "", "", "ผลผลิต", "ผลลัพธ์", ""]]
        + [
            [
                titles[item["measure"]],
                [f"- {action}" for action in item["actions"]],
                writer.figures(item["period"]),
                item["outputs"][0],
                item["outcomes"][0],
                "",
            ]
            for item in report["items"]
        ],
    )
    for column in (0, 1, 2, 5):
        merge_down(table, column, [0, 1])
    heading = table.cell(0, 3).merge(table.cell(0, 4))
    heading.text = "ผลการดำเนินการ"
    writer.paragraph(report["conclusion"])
    (signatory,) = report["signatories"]
    given = signatory["name"].removeprefix("นางสาว")
    writer.paragraph(f"ลงชื่อ……{given}…....{signatory['role']}")
    writer.paragraph(f"({signatory['name']})")
    writer.paragraph(f"ตำแหน่ง  {signatory['position']}")
    surveys = year["surveys"]
    for tool in ("eit", "iit"):
        _announcement(writer, agency, year, surveys, tool)


def _announcement(
    writer: Writer, agency: dict[str, Any], year: dict[str, Any], surveys: dict[str, Any], tool: str
) -> None:
    """One of seed 004's two announcements (EIT, then IIT), each on a page of its own."""
    writer.page_break()
    name = agency_name_of(agency)
    closes = str(surveys["closes"])  # 2566-06-30
    month = MONTHS_FULL[int(closes[5:7]) - 1]
    writer.paragraph(f"ประกาศ{name}")
    writer.paragraph("เรื่อง การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น")
    writer.paragraph(f"ประจำปีงบประมาณ พ.ศ. {writer.figures(year['fiscal_year'])}")
    writer.paragraph("---------------------------------")
    writer.paragraph(surveys["introduction"])
    who = "ภายนอก (EIT)" if tool == "eit" else "ภายใน (IIT)"
    writer.paragraph(
        f"บัดนี้ {name} ได้รับแจ้งช่องทางการเข้าตอบแบบวัดการรับรู้ของผู้มีส่วนได้เสีย{who} เรียบร้อยแล้ว "
        f"สามารถเข้าตอบแบบวัดการรับรู้ฯ ดังกล่าวได้ทาง {surveys[tool]} หรือ QR Code ท้ายประกาศฉบับนี้ "
        f"ทั้งนี้ สามารถตอบแบบวัดการรับรู้ฯ ได้ตั้งแต่{writer.figures(surveys['opens'])} "
        f"จนถึงวันที่ {writer.figures(int(closes[8:]))} เดือน{month} พ.ศ.{writer.figures(closes[:4])}"
    )
    writer.paragraph(f"ประกาศ  ณ {writer.figures(surveys['announced'])}")
    writer.paragraph(f"({surveys['signatory']['name']})")
    writer.paragraph(surveys["signatory"]["position"])
    writer.paragraph("โปรดสแกน QR Code")


def ban_phet(path: Path, variant: Variant = AS_THE_SEED, agency_name: str = "abt-ban-phet") -> Path:
    """Seed 001: per tool, the paragraph on its lowest indicator, then a tracking table (issue,
    approach, measures with their actions, units, a ✓ under ดำเนินการแล้ว), the OIT table continued on
    the next page under its repeated two-row header."""
    _, year = example_year(agency_name)
    writer = Writer("thai", variant)
    writer.paragraph(f"{writer.figures(6)}. {year['title']}")
    done = {
        item["measure"] for report in year["progress_reports"] for item in report["items"] if item["status"] == "done"
    }
    header = [
        "ประเด็นที่เป็น ข้อบกพร่อง/จุดอ่อน จากการประเมิน",
        "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
        "มาตรการ",
        "ผู้รับผิดชอบ",
        "การกำกับติดตาม รายงานความก้าวหน้าและสรุปผล ณ สิ้นปีงบประมาณ",
        "",
    ]
    for number, finding in enumerate(year["analysis"]["items"], start=1):
        writer.paragraph(f"{writer.figures(number)}. {finding['text']}")
        writer.paragraph(
            f"ตารางผลการประเมิน{tool_heading(finding['tool'])} ประจำปีงบประมาณ พ.ศ. {writer.figures(year['assessment']['ita_year'])}"
        )
        measures = [m for m in year["measures"]["items"] if m["indicators"] == finding["indicators"]]
        parts = [measures[:2], measures[2:]] if len(measures) > 2 else [measures]
        for part in parts:
            rows = [["", "", "", "", "ดำเนินการแล้ว", "ยังไม่ดำเนินการ"]] + [
                _tracking_row(writer, m, m["id"] in done) for m in part
            ]
            table = writer.table(header, rows)
            for column in range(4):
                merge_down(table, column, [0, 1])
            table.cell(0, 4).merge(table.cell(0, 5)).text = header[4]
            if part is not parts[-1]:
                writer.page_break()
    return writer.save(path)


def _numbered_line(writer: Writer, items: list[str]) -> str:
    return " ".join(f"{writer.figures(i)}.{item}" for i, item in enumerate(items, start=1))


def _tracking_row(writer: Writer, measure: dict[str, Any], done: bool) -> list[str | list[str]]:
    issue = measure.get("issue")
    title = measure["title"]
    if issue is None:  # the seed leaves มาตรการ empty: the weakness is the measure
        issue_cell, title_cell = _numbered_line(writer, [title]), ""
    else:
        issues = [line.split(". ", 1)[1] for line in issue.split("\n")] if "\n" in issue else [issue]
        issue_cell = _numbered_line(writer, issues)
        if measure.get("steps"):
            title_cell = _numbered_line(writer, [" ".join(step.split("\n")) for step in measure["steps"]])
        else:
            title_cell = _numbered_line(writer, title.split(" และ"))
    approach = [" ".join(item.split()) for item in measure.get("approach", [])]
    return [
        issue_cell,
        _numbered_line(writer, approach),
        title_cell,
        _numbered_line(writer, measure["responsible"]),
        "✓" if done else "",
        "" if done else "✓",
    ]
