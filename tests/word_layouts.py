"""The seeds' layouts of measures documents (000, 002, 003), filled with an example agency's facts (see
``word_documents``); the progress reports' layouts (001, 004) are in ``word_report_layouts``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from word_documents import (
    Variant,
    Writer,
    example_year,
    indicator_label,
    into_frame,
    into_text_box,
    merge_down,
    nested_items,
    period_text,
    tool_heading,
)

AS_THE_SEED = Variant()
TOOLS = {"iit": [1, 2, 3, 4, 5], "eit": [6, 7, 8], "oit": [9, 10]}


def agency_name_of(agency: dict[str, Any]) -> str:
    return str(agency["name"])


def _scores(year: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {item["number"]: item for item in year["assessment"].get("indicators", [])}


def _signatures(writer: Writer, signatories: list[dict[str, Any]]) -> None:
    for signatory in signatories:
        writer.paragraph()
        if "role" in signatory:
            writer.paragraph(signatory["role"])
        if "prefix" in signatory:
            writer.paragraph(signatory["prefix"])
        writer.paragraph(f"({signatory['name']})")
        writer.paragraph(f"ตำแหน่ง {signatory['position']}")


def _unknown_table(writer: Writer) -> None:
    writer.paragraph("งบประมาณที่ใช้ในการดำเนินการ")
    writer.table(["รายการ", "จำนวนเงิน (บาท)"], [["ค่าวัสดุ", writer.figures("12,000")], ["ค่าอาหาร", "5,500"]])


def _steps_cell(writer: Writer, table: Any, row: int, column: int, steps: list[str]) -> None:
    if writer.variant.framed:
        cell = table.cell(row, column)
        cell.text = ""
        nested_items(writer, cell, steps)


def rae(path: Path, variant: Variant = AS_THE_SEED, agency_name: str = "thetsaban-rae") -> Path:
    """Seed 000: มาตรการส่งเสริมคุณธรรมและความโปร่งใส."""
    agency, year = example_year(agency_name)
    writer = Writer("thai", variant)
    fiscal, ita = year["fiscal_year"], year["assessment"]["ita_year"]
    name = agency_name_of(agency)
    writer.paragraph("มาตรการส่งเสริมคุณธรรมและความโปร่งใส")
    writer.paragraph(f"ประจำปีงบประมาณ {writer.figures(fiscal)}")
    writer.paragraph(f"{name} อำเภอ{agency.get('district', '')} จังหวัด{agency.get('province', '')}")
    writer.paragraph(
        f"{writer.figures(1)}. การวิเคราะห์ผลการประเมิน ITA ของ{name} ปีงบประมาณ พ.ศ. {writer.figures(ita)} "
        f"จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. {writer.figures(ita)} ของ{name} พบว่า มีผลคะแนน "
        f"{writer.score(year['assessment']['overall_score'])} คะแนน อยู่ในระดับ {year['assessment']['level']} ดังนี้"
    )
    writer.paragraph("โดยวิเคราะห์ผลการประเมินแต่ละตัวชี้วัด ได้ดังนี้")
    scores = _scores(year)
    findings = {item["tool"]: item["text"] for item in year["analysis"]["items"]}
    # IIT: the score inside the label cell; the tool's issue merged down beside its five rows.
    rows: list[list[str | list[str]]] = [[tool_heading("iit"), ""]]
    for number in TOOLS["iit"]:
        label = indicator_label(writer, number, scores[number].get("name"))
        rows.append([f"{label} {writer.score(scores[number]['score'])} คะแนน", findings["iit"] if number == 1 else ""])
    first = writer.table(["ตัวชี้วัดของการประเมิน ITA", "ประเด็นที่ต้องแก้ไข/ปรับปรุง/รักษาระดับ"], rows)
    merge_down(first, 1, [2, 6])
    if variant.framed:
        into_frame(writer, first)
    writer.page_break()
    rows = []
    for tool in ("eit", "oit"):
        rows.append([tool_heading(tool), "", ""])
        for number in TOOLS[tool]:
            label = indicator_label(writer, number, scores[number].get("name"))
            finding = findings[tool] if number == TOOLS[tool][0] else ""
            rows.append([label, f"{writer.score(scores[number]['score'])} คะแนน", finding])
    second = writer.table(["ตัวชี้วัดของการประเมิน ITA", "", "ประเด็นที่ต้องแก้ไข/ปรับปรุง/รักษาระดับ"], rows)
    merge_down(second, 2, [2, 4])
    merge_down(second, 2, [6, 7])
    writer.paragraph(
        f"{writer.figures(2)}. ข้อเสนอแนะในการพัฒนาคุณธรรมและความโปร่งใสในปีงบประมาณ พ.ศ. {writer.figures(fiscal)}"
    )
    if variant.unknown_table:
        _unknown_table(writer)
    header = ["มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "การติดตามผล"]
    measures = year["measures"]["items"]
    halves = [measures[:2], measures[2:]]
    tables = []
    for part, items in enumerate(halves):
        rows = []
        for index, measure in enumerate(items):
            number = part * len(halves[0]) + index + 1
            steps: str | list[str] = (
                list(measure["steps"]) if variant.line_breaks else " ".join(f"- {s}" for s in measure["steps"])
            )
            rows.append(
                [
                    f"{writer.figures(number)}. {measure['title']}",
                    steps,
                    ", ".join(measure["responsible"]),
                    period_text(writer, measure["period"], fiscal, short_year=part == 1),
                    measure["follow_up"],
                ]
            )
        if part:
            writer.page_break()
        table = writer.table([h.replace("ระยะเวลาดำเนินการ", "ระยะเวลา ดำเนินการ") if part else h for h in header], rows)
        if variant.framed:
            for row, measure in enumerate(items, start=1):
                _steps_cell(writer, table, row, 1, measure["steps"])
        tables.append(table)
    if variant.merged_units:
        merge_down(tables[1], 2, [1, 2])
    if variant.text_box:
        into_text_box(writer, tables[1])
    _signatures(writer, year["measures"]["signatories"])
    return writer.save(path)


def mueang_kao(path: Path, variant: Variant = AS_THE_SEED, agency_name: str = "thetsaban-mueang-kao") -> Path:
    """Seed 002: รายงานการวิเคราะห์ผลการประเมิน ITA, its measures table one or two indicators a page."""
    agency, year = example_year(agency_name)
    writer = Writer("arabic", variant)
    assessment = year["assessment"]
    ita, name = assessment["ita_year"], agency_name_of(agency)
    writer.paragraph("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน")
    writer.paragraph(f"ของหน่วยงานภาครัฐ ในปี พ.ศ. {writer.figures(ita)}")
    writer.paragraph(
        f"{writer.figures(2)}. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {writer.figures(ita)}"
    )
    writer.paragraph(
        f"สำนักงาน ป.ป.ช. ได้เผยแพร่ประกาศผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {writer.figures(ita)} "
        f"วันที่ {writer.figures(assessment['announced'])} โดย{name} มีผลการประเมินดังนี้"
    )
    writer.paragraph(
        f"{name} ได้รับผลการประเมิน (ITA) ประจำปีงบประมาณ พ.ศ.{writer.figures(ita)} โดยมีค่าคะแนนโดยรวม เท่ากับ "
        f"{writer.score(assessment['overall_score'])} คะแนน อยู่ในระดับ “{assessment['level']}”"
    )
    tools = assessment["tools"]
    tool_rows: list[list[str | list[str]]] = [["IIT", writer.score(tools["iit"])]]
    if "eit" in tools:
        tool_rows.append(["EIT", writer.score(tools["eit"])])
    tool_rows += [[part["name"], writer.score(part["score"])] for part in tools.get("eit_parts", [])]
    tool_rows.append(["OIT", writer.score(tools["oit"])])
    writer.table(["เครื่องมือ", "คะแนน"], tool_rows)
    scores = _scores(year)
    rows: list[list[str | list[str]]] = []
    for tool, numbers in TOOLS.items():
        rows.append([tool_heading(tool), ""])
        rows += [[indicator_label(writer, n), writer.figures(_plain(scores[n]["score"]))] for n in numbers]
    table = writer.table(["ตัวชี้วัดการประเมิน ITA", "คะแนน"], rows)
    if variant.framed:
        into_frame(writer, table)
    writer.paragraph(f"{writer.figures(3)}. การวิเคราะห์ผลการประเมิน")
    analysis = year["analysis"]["items"]
    for start in range(0, len(analysis), 3):
        rows = []
        for item in analysis[start : start + 3]:
            number = item["indicators"][0]
            text = item["text"]
            if number == 2:  # broken by the page: the rest in a row of its own on the next
                cut = len(text) // 2
                while not (_thai(text[cut - 1]) and _thai(text[cut])):
                    cut += 1
                rows.append([indicator_label(writer, number), text[:cut].rstrip()])
                writer.table(["ประเด็น", "ผลการวิเคราะห์"], rows)
                writer.page_break()
                rows = [["", text[cut:].lstrip()]]
                continue
            rows.append([indicator_label(writer, number), text])
        writer.table(["ประเด็น", "ผลการวิเคราะห์"], rows)
        writer.page_break()
    writer.paragraph(f"{writer.figures(4)}. มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")
    if variant.unknown_table:
        _unknown_table(writer)
    header = [
        "ตัวชี้วัด",
        "โครงการ/กิจกรรม",
        "ผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์การประเมิน ITA",
        "ขั้นตอนหรือวิธีการดำเนินการ",
        "ระยะเวลาในการดำเนินการ",
        "ผู้รับผิดชอบ",
    ]
    measures = year["measures"]["items"]
    for start in range(0, len(measures), 2):
        rows = []
        for measure in measures[start : start + 2]:
            row: list[str | list[str]] = [
                indicator_label(writer, measure["indicators"][0]),
                writer.numbered(measure["projects"]),
                writer.numbered(measure["analysis"]),
                writer.numbered(measure["steps"]),
                f"{measure['period']} พ.ศ.{writer.figures(year['fiscal_year'])}",
                list(measure["responsible"]),
            ]
            if not variant.line_breaks and measure["indicators"] == [1]:
                # Pasted from a web page, as the seed's first rows are: one paragraph of <p> items.
                row[1:4] = [" ".join(f"<p>{item}</p>" for item in cell) for cell in row[1:4]]
            if not variant.line_breaks and measure["indicators"] == [2]:
                row[1] = " ".join(f"-{project}" for project in measure["projects"])
                row[2] = (
                    '<ol style="list-style-type: none"> ' + " ".join(writer.numbered(measure["analysis"])) + " </ol>"
                )
            rows.append(row)
        table = writer.table([h if start % 4 == 0 else h.replace("ITA", "ITA ") for h in header], rows)
        if variant.text_box and start == 2:
            into_text_box(writer, table)
        writer.page_break()
    return writer.save(path)


def _thai(character: str) -> bool:
    return "\u0e01" <= character <= "\u0e2e"


def _plain(score: float) -> str:
    return f"{score:.2f}" if score != int(score) or score != 100 else "100"


def sa_bua(path: Path, variant: Variant = AS_THE_SEED, agency_name: str = "thetsaban-sa-bua") -> Path:
    """Seed 003: การวิเคราะห์ผลการประเมิน ITA, a measures table per issue with its survey question."""
    agency, year = example_year(agency_name)
    writer = Writer("thai", variant)
    assessment = year["assessment"]
    ita, name = assessment["ita_year"], agency_name_of(agency)
    heading = (
        f"การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ปีงบประมาณ พ.ศ.{writer.figures(ita)}"
    )
    writer.paragraph(heading)
    writer.paragraph(
        f"{name} ได้คะแนน {writer.score(assessment['overall_score'])} คะแนน ({assessment['level']}) "
        "โดยมีรายละเอียดผลการประเมินแยกเป็นประเด็น ดังนี้"
    )
    scores = _scores(year)
    arabic = Writer("arabic", variant)  # the seed's scores table is in Arabic digits
    rows: list[list[str | list[str]]] = [
        [
            arabic.figures(n),
            scores[n].get("name") or indicator_label(arabic, n).split(". ", 1)[1],
            arabic.score(scores[n]["score"]),
        ]
        for n in sorted(scores)
    ]
    table = writer.table(["ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน"], rows)
    if variant.framed:
        into_frame(writer, table)
    writer.paragraph(heading)
    if variant.unknown_table:
        _unknown_table(writer)
    header = [
        "ประเด็น",
        "ข้อบกพร่อง/การดำเนินการ",
        "มาตรการ โครงการ หรือ กิจกรรม",
        "ขั้นตอนหรือวิธีการปฏิบัติ",
        "ระยะเวลาในการดำเนินการ",
        "ผู้รับผิดชอบ",
    ]
    findings = year["analysis"]["items"]
    for index, (measure, finding) in enumerate(zip(year["measures"]["items"], findings, strict=True)):
        # As in the seed: ๑.… ๒.… on one line, no space after the number.
        steps: str | list[str] = " ".join(f"{writer.figures(n)}.{step}" for n, step in enumerate(measure["steps"], 1))
        if variant.line_breaks:
            steps = writer.numbered(measure["steps"])
        row: list[str | list[str]] = [
            f"{writer.figures(index + 1)}.{finding['title']}",
            finding["text"],
            measure["title"],
            steps,
            period_text(writer, measure["period"], year["fiscal_year"]),
            ", ".join(measure["responsible"]),
        ]
        if index >= 2 and not variant.line_breaks:
            # From the third issue on, the seed's cells carry the HTML pasted with them.
            row = [f"<p>{cell}</p>" for cell in row if isinstance(cell, str)]
            row[0] = f"<p><b>{str(row[0])[3:-4]}</b></p>"
        table = writer.table(header, [row])
        if variant.text_box and index == 1:
            into_text_box(writer, table)
        writer.page_break()
    return writer.save(path)
