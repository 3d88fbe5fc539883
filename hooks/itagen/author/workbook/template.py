"""The empty workbook: instructions in Thai, one sheet per table with Thai and English headers,
dropdowns for statuses, rounds, tools, levels, indicator numbers and document kinds, and date and
period columns that keep what is typed as text (a Thai Calc or Excel would make ``15 ส.ค. 68`` a
date in 1968 that looks right on screen)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .appearance import WRAP, fit_rows, print_setup, print_text_setup
from .layout import DATA_SHEETS, FIRST_DATA_ROW, INSTRUCTIONS, TEXT_FORMAT, Sheet

VALIDATED_ROWS = 2000
"""Dropdowns and text columns reach this far down each sheet."""
INSTRUCTIONS_WIDTH = 120
"""The instructions' one column: wide enough to read, narrow enough for a landscape A4 page."""
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")

INSTRUCTION_LINES = (
    ("แบบฟอร์มข้อมูล ITA สำหรับเว็บไซต์ของหน่วยงาน / ITA data workbook", True),
    (
        "กรอกข้อมูลในแผ่นงานต่าง ๆ แล้วสั่ง make import XLSX=ไฟล์.xlsx ระบบจะตรวจข้อมูลแล้วเขียนไฟล์ years/<ปี>.yml (และ oit/<ปี>.yml, documents.yml)",
        False,
    ),
    (
        "ไฟล์ที่มีอยู่แล้วจะไม่ถูกเขียนทับ เว้นแต่สั่ง make import XLSX=ไฟล์.xlsx FORCE=1 หากข้อมูลผิด จะบอกแผ่นงาน แถว และคอลัมน์ และไม่เขียนไฟล์ใดเลย",
        False,
    ),
    ("ข้อมูลเดิมของปีที่แล้ว: make export-xlsx XLSX=ไฟล์.xlsx แล้วแก้ใน Excel / last year's data: make export-xlsx", False),
    ("", False),
    ("วิธีกรอก / how to fill in", True),
    ("• แถวที่ 1 เป็นหัวคอลัมน์ภาษาไทย แถวที่ 2 ภาษาอังกฤษ กรอกข้อมูลตั้งแต่แถวที่ 3 อย่าลบหรือแก้ชื่อหัวคอลัมน์ (ย้ายคอลัมน์ได้)", False),
    ("• คอลัมน์สีส้มต้องกรอก คอลัมน์อื่นเว้นว่างได้", False),
    ("• คอลัมน์ปีงบประมาณ (พ.ศ.) ที่เว้นว่างหรือผสานเซลล์ไว้ หมายถึงปีเดียวกับแถวบน", False),
    ("• มาตรการหนึ่งกรอกได้หลายแถว: แถวแรกใส่ลำดับหรือชื่อมาตรการ แถวถัดไปเว้นชื่อไว้ (หรือผสานเซลล์) แล้วใส่ขั้นตอนละแถว", False),
    ("  ผู้รับผิดชอบ ระยะเวลา การติดตามผล ที่ผสานเซลล์คลุมหลายแถว นับเป็นค่าเดียว", False),
    (
        "• หลายรายการในเซลล์เดียว: ขึ้นบรรทัดใหม่ด้วย Alt+Enter หนึ่งรายการต่อบรรทัด เครื่องหมาย - หรือเลขข้อ (1. ๑.) หน้ารายการจะถูกตัดออก",
        False,
    ),
    ("  บรรทัดที่ขึ้นต้นด้วยเว้นวรรคสองช่อง เป็นส่วนต่อของรายการบรรทัดบน (รายการที่มีหลายบรรทัด)", False),
    ("• ผู้รับผิดชอบหลายหน่วยงาน คั่นด้วยจุลภาค (,) หรือขึ้นบรรทัดใหม่; ตัวชี้วัดหลายข้อ เช่น 1, 2", False),
    ("• ตัวเลขไทย (๐–๙) ใช้ได้ทุกช่อง", False),
    (
        "• วันที่: พิมพ์ วัน/เดือน/ปี พ.ศ. เช่น 30/6/2569 หรือใช้ชื่อเดือนย่อ เช่น 15 ส.ค. 2568, ๑ ตุลาคม ๒๕๖๗"
        " คอลัมน์วันที่และระยะเวลาเป็นข้อความ สิ่งที่พิมพ์จะคงอยู่ตามที่พิมพ์",
        False,
    ),
    (
        "  dates: day/month/B.E. year (30/6/2569) or a Thai month abbreviation (15 ส.ค. 2568);"
        " date and period columns are text columns, so what is typed stays as typed",
        False,
    ),
    ("• ระยะเวลา: ตลอดปีงบประมาณ, ม.ค. – เม.ย. 2568, 1 ต.ค. 2567 – 28 ก.พ. 2568, ม.ค. 2568", False),
    ("• สถานะ รอบรายงาน เครื่องมือ ระดับ ประเภทเอกสาร และผู้ลงนาม เลือกจากรายการในเซลล์ (ลูกศรข้างเซลล์)", False),
    ("• ในรายงานผล ช่องมาตรการใส่รหัส (m1) หรือลำดับของมาตรการในปีนั้น (1, ๑)", False),
    ("• หลักฐานในรายงานผล: หนึ่งบรรทัดต่อรายการ ชื่อ | ลิงก์ เช่น ภาพกิจกรรม | https://www.example.go.th/news/1", False),
    (
        "• หลักฐาน OIT: หนึ่งหลักฐานต่อแถว ข้อเดียวใช้หลายแถวได้ (เว้นช่องข้อในแถวล่าง) หน้าในเว็บไซต์เขียนเช่น structure, measures, news#fy-2569",
        False,
    ),
    ("• ไม่ใช้สูตร: เซลล์ที่เป็นสูตรต้องมีค่าที่ Excel คำนวณและบันทึกไว้แล้ว บันทึกไฟล์เป็น .xlsx เท่านั้น (ไม่ใช่ .xls หรือ .ods)", False),
    ("", False),
    ("แผ่นงาน / sheets", True),
)


def empty_workbook() -> Workbook:
    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None  # a new workbook always has its first sheet
    instructions.title = INSTRUCTIONS
    _instructions(instructions)
    for sheet in DATA_SHEETS:
        _data_sheet(workbook.create_sheet(sheet.name), sheet)
    return workbook


def _instructions(worksheet: Worksheet) -> None:
    worksheet.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    lines = [*INSTRUCTION_LINES, *((f"• {s.name} ({s.english}): {s.purpose}", False) for s in DATA_SHEETS)]
    lines.append(("", False))
    lines.append(("คำอธิบายทุกช่องอยู่ที่ data/README.md / every column is explained in data/README.md", False))
    cells = []
    for number, (text, heading) in enumerate(lines, start=1):
        cell = worksheet.cell(number, 1, text)
        cell.font = Font(bold=heading, size=14 if heading else 11)
        cell.alignment = WRAP
        cells.append(cell)
    fit_rows(worksheet, cells)
    print_text_setup(worksheet)


def _data_sheet(worksheet: Worksheet, sheet: Sheet) -> None:
    worksheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    for number, column in enumerate(sheet.columns, start=1):
        letter = sheet.letter(column.key)
        worksheet.column_dimensions[letter].width = column.width
        thai = worksheet.cell(1, number, column.thai)
        thai.font = Font(bold=True)
        thai.fill = REQUIRED_FILL if column.required else HEADER_FILL
        thai.alignment = WRAP
        english = worksheet.cell(2, number, column.english)
        english.font = Font(italic=True, color="666666", size=9)
        english.alignment = WRAP
        if column.typed_as_text:
            _text_column(worksheet, letter)
        if column.choices:
            _dropdown(
                worksheet, f"{letter}{FIRST_DATA_ROW}:{letter}{VALIDATED_ROWS}", list(column.choices), column.kind
            )
    fit_rows(worksheet, header_cells(worksheet, sheet))
    print_setup(worksheet)


def header_cells(worksheet: Worksheet, sheet: Sheet) -> list[Cell | MergedCell]:
    """The Thai and English headers' cells."""
    return [worksheet.cell(row, column) for row in (1, 2) for column in range(1, len(sheet.columns) + 1)]


def _text_column(worksheet: Worksheet, letter: str) -> None:
    """The column's own format, which Calc and Excel give every cell typed into it. Not set cell by
    cell as well: 2,000 styled empty rows per column made the workbook 8 times larger and every
    import read them."""
    worksheet.column_dimensions[letter].number_format = TEXT_FORMAT


def _dropdown(worksheet: Worksheet, cells: str, choices: list[str], kind: str) -> None:
    strict = kind == "choice"
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        errorTitle="ค่าไม่อยู่ในรายการ",
        error="เลือกจากรายการในเซลล์ / pick a value from the list",
    )
    validation.add(cells)
    worksheet.add_data_validation(validation)
