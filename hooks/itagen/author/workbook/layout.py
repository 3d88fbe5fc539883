"""Every sheet and column of the workbook, named once: the template draws them, the export fills them,
the import reads them, and an error names them.

Row 1 holds the Thai header, row 2 the English one; data starts on row 3. A column's ``kind`` says
how its cells are read (``cells.py``): one value, a list one item per line, a choice from a dropdown.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from ...records.content import DOCUMENT_CATEGORIES
from ...records.fiscal_year import INDICATOR_NAMES, ROUND_NAMES, STATUS_NAMES
from ...records.levels import LETTER_BANDS, PASS_LEVELS
from ...records.oit import PERIOD_NAMES
from ...records.record import record

FIRST_DATA_ROW = 3
TEXT_FORMAT = "@"
"""The number format of a text column: what is typed there stays text."""
TYPED_AS_TEXT = ("date", "period")
"""Kinds of column whose cells are text columns. A Thai Calc or Excel turns ``15 ส.ค. 68`` typed into
a General cell into a date in 1968 that shows as 15/08/68, and the import cannot know it meant 2568."""

STATUS_CHOICES = {name: code for code, name in STATUS_NAMES.items()}
ROUND_CHOICES = {name: code for code, name in ROUND_NAMES.items()}
TOOL_CHOICES = {"IIT": "iit", "EIT": "eit", "OIT": "oit"}
CATEGORY_CHOICES = {name: code for code, name in DOCUMENT_CATEGORIES.items()}
INDICATOR_CHOICES = {str(number): str(number) for number in INDICATOR_NAMES}
PART_CHOICES = {
    "ผลการวิเคราะห์": "analysis",
    "มาตรการ": "measures",
    "รายงานรอบ 6 เดือน": "6-month",
    "รายงานรอบ 12 เดือน": "12-month",
    "รายงานสรุปผล ณ สิ้นปีงบประมาณ": "year-end",
    "ประกาศแบบวัด IIT/EIT": "surveys",
}
"""Which document of the year a signatory signs (sheet ผู้ลงนาม)."""


LEVEL_CHOICES = {name: name for name in [*PASS_LEVELS, *(name for _, name in LETTER_BANDS)]}


@record
class Column:
    key: str
    """The data file's key (or a word of the workbook's own, such as ``number``)."""
    thai: str
    english: str
    kind: str = "text"
    """text, markdown, lines (a list, one item per line), units (lines or commas), numbers (1, 2),
    codes (e8, i10), whole, score, date, period, url, choice, yesno, parts (EIT parts), evidence."""
    choices: dict[str, str] | None = None
    """Dropdown: what the cell shows → the value in the data. Only a ``choice`` column refuses other
    values; elsewhere the dropdown is a help (a level is checked by the loader)."""
    width: int = 18
    required: bool = False

    @property
    def typed_as_text(self) -> bool:
        return self.kind in TYPED_AS_TEXT


@record
class Sheet:
    name: str
    """The sheet's tab, in Thai; the import finds sheets by it."""
    english: str
    columns: tuple[Column, ...]
    purpose: str
    """One line for the instructions sheet."""

    def letter(self, key: str) -> str:
        return get_column_letter(self.index(key) + 1)

    def index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def column(self, key: str) -> Column:
        return self.columns[self.index(key)]


YEAR = Column("fiscal_year", "ปีงบประมาณ", "fiscal year", "whole", width=11, required=True)

YEARS = Sheet(
    "ปีงบประมาณ",
    "fiscal years",
    (
        YEAR,
        Column("updated", "ปรับปรุงข้อมูลล่าสุด", "updated", "date", width=16, required=True),
        Column("title", "ชื่อเรื่อง", "title", width=30),
        Column("notes", "หมายเหตุ", "notes", "markdown", width=30),
        Column("analysis_introduction", "บทนำการวิเคราะห์", "analysis: introduction", "markdown", width=40),
        Column("analysis_conclusion", "บทสรุปการวิเคราะห์", "analysis: conclusion", "markdown", width=40),
        Column("measures_introduction", "บทนำมาตรการ", "measures: introduction", "markdown", width=40),
    ),
    "หนึ่งแถวต่อปีงบประมาณ: วันที่ปรับปรุงข้อมูล ชื่อเรื่อง และข้อความนำ / one row per fiscal year",
)

ASSESSMENT = Sheet(
    "ผลการประเมิน",
    "ITA result",
    (
        YEAR,
        Column("ita_year", "ผลการประเมิน ITA ปี", "ITA year", "whole", width=12, required=True),
        Column("overall_score", "คะแนนรวม", "overall score", "score", width=11),
        Column("level", "ระดับ", "level", "text", LEVEL_CHOICES, width=14),
        Column("announced", "วันที่ประกาศผล", "announced", "date", width=16),
        Column("iit", "คะแนน IIT", "IIT score", "score", width=11),
        Column("eit", "คะแนน EIT", "EIT score", "score", width=11),
        Column("oit", "คะแนน OIT", "OIT score", "score", width=11),
        Column("eit_parts", "EIT แยกส่วน (ชื่อ: คะแนน)", "EIT parts (name: score)", "parts", width=30),
    ),
    "ผลคะแนน ITA ที่ปีงบประมาณนั้นวิเคราะห์ และคะแนนแต่ละเครื่องมือ / the ITA result a year analyses",
)

INDICATORS = Sheet(
    "คะแนนตัวชี้วัด",
    "indicator scores",
    (
        YEAR,
        Column("number", "ตัวชี้วัดที่", "indicator", "whole", INDICATOR_CHOICES, width=10, required=True),
        Column("tool", "เครื่องมือ (แสดงเท่านั้น)", "tool (shown only)", width=12),
        Column("name", "ชื่อตัวชี้วัด (ถ้าเอกสารเขียนต่างไป)", "name (if worded differently)", width=30),
        Column("score", "คะแนน", "score", "score", width=10, required=True),
    ),
    "คะแนนตัวชี้วัดที่ 1–10 (IIT 1–5, EIT 6–8, OIT 9–10) หนึ่งแถวต่อตัวชี้วัด / one row per indicator",
)

ANALYSIS = Sheet(
    "ผลการวิเคราะห์",
    "analysis",
    (
        YEAR,
        Column("indicators", "ตัวชี้วัด", "indicators", "numbers", width=12),
        Column("tool", "เครื่องมือ", "tool", "choice", TOOL_CHOICES, width=10),
        Column("title", "หัวข้อ", "title", width=25),
        Column("score", "คะแนน", "score", "score", width=10),
        Column("questions", "ข้อคำถาม", "questions", "codes", width=12),
        Column("text", "ผลการวิเคราะห์", "finding", "markdown", width=60, required=True),
    ),
    "ผลการวิเคราะห์ หนึ่งแถวต่อประเด็น / one finding per row",
)

MEASURES = Sheet(
    "มาตรการ",
    "measures",
    (
        YEAR,
        Column("number", "ลำดับ", "no.", "whole", width=7),
        Column("title", "มาตรการ/แนวทาง", "measure", width=40, required=True),
        Column("steps", "วิธีการดำเนินการ (ขั้นตอน)", "steps", "lines", width=50),
        Column("responsible", "ผู้รับผิดชอบ", "responsible", "units", width=20),
        Column("period", "ระยะเวลาดำเนินการ", "period", "period", width=20),
        Column("follow_up", "การติดตามผล", "follow-up", "markdown", width=30),
        Column("indicators", "ตัวชี้วัด", "indicators", "numbers", width=11),
        Column("id", "รหัสมาตรการ", "id", width=11),
        Column("issue", "ประเด็นที่ต้องแก้ไข", "issue", "markdown", width=30),
        Column("questions", "ข้อคำถาม", "questions", "codes", width=12),
        Column("projects", "โครงการ/กิจกรรม", "projects", "lines", width=30),
        Column("analysis", "ผลการวิเคราะห์ตามหลักเกณฑ์", "analysis", "lines", width=30),
        Column("approach", "แนวทาง", "approach", "lines", width=30),
    ),
    "มาตรการ หนึ่งมาตรการต่อแถวหรือหลายแถว (ขั้นตอนละแถว ผสานเซลล์ได้) / a measure on one or several rows",
)

REPORTS = Sheet(
    "รอบรายงาน",
    "progress reports",
    (
        YEAR,
        Column("round", "รอบรายงาน", "round", "choice", ROUND_CHOICES, width=24, required=True),
        Column("date", "ข้อมูล ณ วันที่", "as of", "date", width=16),
        Column("introduction", "บทนำ", "introduction", "markdown", width=40),
        Column("conclusion", "บทสรุป", "conclusion", "markdown", width=40),
    ),
    "รายงานผลการดำเนินการแต่ละรอบ: วันที่ บทนำ บทสรุป / each report's date and texts",
)

PROGRESS = Sheet(
    "รายงานผล",
    "progress",
    (
        YEAR,
        Column("round", "รอบรายงาน", "round", "choice", ROUND_CHOICES, width=24, required=True),
        Column("measure", "มาตรการ (รหัสหรือลำดับ)", "measure (id or no.)", width=14, required=True),
        Column("status", "สถานะ", "status", "choice", STATUS_CHOICES, width=20, required=True),
        Column("actions", "การดำเนินการ", "actions", "lines", width=50),
        Column("period", "ระยะเวลา", "period", "period", width=18),
        Column("outputs", "ผลผลิต", "outputs", "lines", width=30),
        Column("outcomes", "ผลลัพธ์", "outcomes", "lines", width=30),
        Column("evidence", "หลักฐาน (ชื่อ | ลิงก์)", "evidence (title | link)", "evidence", width=40),
        Column("note", "หมายเหตุ", "note", "markdown", width=25),
        Column("date", "วันที่", "date", "date", width=16),
    ),
    "ผลการดำเนินการตามมาตรการ หนึ่งมาตรการต่อแถวหรือหลายแถว / progress per measure",
)

SIGNATORIES = Sheet(
    "ผู้ลงนาม",
    "signatories",
    (
        YEAR,
        Column("part", "ลงนามใน", "signs", "choice", PART_CHOICES, width=28, required=True),
        Column("role", "ในฐานะ", "role", width=14),
        Column("prefix", "ยศ", "rank", width=8),
        Column("name", "ชื่อ-นามสกุล", "name", width=28, required=True),
        Column("position", "ตำแหน่ง", "position", width=36, required=True),
    ),
    "ผู้ลงนามในผลการวิเคราะห์ มาตรการ รายงาน และประกาศ ตามลำดับ / who signs what, in order",
)

SURVEYS = Sheet(
    "ประกาศแบบวัด",
    "survey announcements",
    (
        YEAR,
        Column("opens", "เริ่มตอบ", "opens", "date", width=16, required=True),
        Column("closes", "สิ้นสุด", "closes", "date", width=16, required=True),
        Column("announced", "ประกาศ ณ วันที่", "announced", "date", width=16, required=True),
        Column("iit", "ลิงก์ IIT", "IIT link", "url", width=36),
        Column("eit", "ลิงก์ EIT", "EIT link", "url", width=36),
        Column("ita_year", "ITA ปี", "ITA year", "whole", width=9),
        Column("assessment_name", "ชื่อการประเมิน", "assessment name", width=30),
        Column("introduction", "ข้อความนำ", "introduction", "markdown", width=40),
    ),
    "ประกาศเชิญตอบแบบวัด IIT/EIT (ผู้ลงนามอยู่ในแผ่นงานผู้ลงนาม) / survey announcements",
)

DOCUMENTS = Sheet(
    "เอกสาร",
    "documents",
    (
        Column("id", "รหัสเอกสาร", "id", width=26, required=True),
        Column("title", "ชื่อเอกสาร", "title", width=40, required=True),
        Column("file", "ไฟล์", "file", width=34, required=True),
        Column("date", "วันที่", "date", "date", width=16, required=True),
        Column("fiscal_year", "ปีงบประมาณ", "fiscal year", "whole", width=11),
        Column("fiscal_year_end", "ถึงปีงบประมาณ", "last fiscal year", "whole", width=11),
        Column("category", "ประเภท", "category", "choice", CATEGORY_CHOICES, width=18),
        Column("description", "คำอธิบาย", "description", "markdown", width=30),
    ),
    "เอกสารเผยแพร่ (documents.yml) ไฟล์ต้องอยู่ในโฟลเดอร์ข้อมูล / published files",
)

EVIDENCE_CHOICES = {"หน้าในเว็บไซต์": "page", "เอกสาร": "document", "ลิงก์ภายนอก": "url"}
YES_NO_CHOICES = {"ทำ": "true", "ไม่ทำ": "false"}
OIT_PERIOD_CHOICES = {name: code for code, name in PERIOD_NAMES.items()}

OIT_YEARS = Sheet(
    "OIT รายปี",
    "OIT by year",
    (
        YEAR,
        Column("checklist", "รายการตรวจ", "checklist", width=22),
        Column("url_sheet", "ทำตาราง URL สำหรับ ITAS", "URL sheet", "yesno", YES_NO_CHOICES, width=16),
    ),
    "รายการตรวจ OIT ที่ตอบในปีนั้น (เว้นว่าง = ita-<ปี>) / the checklist a year answers (oit/<ปี>.yml)",
)

OIT_EVIDENCE = Sheet(
    "หลักฐาน OIT",
    "OIT evidence",
    (
        YEAR,
        Column("code", "ข้อ", "item", width=7, required=True),
        Column("kind", "ชนิดหลักฐาน", "kind", "choice", EVIDENCE_CHOICES, width=16),
        Column("target", "หน้า / รหัสเอกสาร / ลิงก์", "page / document id / link", width=40),
        Column("title", "ชื่อลิงก์", "link text", width=30),
        Column("explanation", "คำอธิบายใน ITAS", "explanation for ITAS", "markdown", width=40),
    ),
    "หลักฐานแต่ละข้อของแบบตรวจ OIT หนึ่งรายการต่อแถว (ข้อเดียวหลายแถวได้) / one piece of evidence per row",
)

OIT_CORRECTIONS = Sheet(
    "แก้ไขรายการ OIT",
    "OIT corrections",
    (
        YEAR,
        Column("code", "ข้อ", "item", width=7, required=True),
        Column("name", "ชื่อข้อ", "name", width=36),
        Column("group", "ตัวชี้วัดย่อย", "group", width=24),
        Column("english", "ชื่อภาษาอังกฤษ", "English name", width=30),
        Column("checks", "สิ่งที่ผู้ตรวจดู", "what is checked", "markdown", width=36),
        Column("period", "ช่วงเวลาของข้อมูล", "period", "choice", OIT_PERIOD_CHOICES, width=26),
        Column("suggested", "หน้าที่แนะนำ", "suggested pages", "codes", width=20),
        Column("note", "หมายเหตุ", "note", "markdown", width=30),
    ),
    "แก้ชื่อ ช่วงเวลา หรือเพิ่มข้อของรายการตรวจ OIT (corrections) / reword or add checklist items",
)

DATA_SHEETS = (
    YEARS,
    ASSESSMENT,
    INDICATORS,
    ANALYSIS,
    MEASURES,
    REPORTS,
    PROGRESS,
    SIGNATORIES,
    SURVEYS,
    DOCUMENTS,
    OIT_YEARS,
    OIT_EVIDENCE,
    OIT_CORRECTIONS,
)
INSTRUCTIONS = "คำแนะนำ"
