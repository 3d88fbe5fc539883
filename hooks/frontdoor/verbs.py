"""What each verb of the front door is, which options it takes, and which entry script it runs.

An option is defined once here and shared by every verb that takes it, so ``--data`` or ``--force``
means the same thing everywhere. The yes/no options read a value the way a person means it: ``make``
passes ``--force="$(FORCE)"`` through, and ``FORCE=0`` must not force.
"""

from __future__ import annotations

from pathlib import Path

from frontdoor.bootstrap import BUILD_LOCK, DEV_LOCK

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
HOOKS = PROJECT_ROOT / "hooks"
BUILDERS = ("mkdocs", "properdocs")
ON = ("1", "yes", "true")
OFF = ("", "0", "no", "false")


class Misuse(Exception):
    """The command line cannot be run as typed; ``thai`` and ``english`` say what was wrong."""

    def __init__(self, thai: str, english: str) -> None:
        super().__init__(english)
        self.thai, self.english = thai, english


class Option:
    """One option of the command line, as every verb that takes it reads it.

    A plain class rather than a dataclass: ``dataclasses`` pulls in ``inspect``, a tenth of the
    front door's start on a slow machine, and every ``make`` target pays the start.
    """

    __slots__ = ("default", "english", "metavar", "name", "required", "switch", "thai")

    def __init__(
        self,
        name: str,
        thai: str,
        english: str,
        default: str | None = None,
        *,
        switch: bool = False,
        required: bool = False,
        metavar: str = "",
    ) -> None:
        self.name, self.thai, self.english = name, thai, english
        self.default = default
        """A folder left out is the project's own, whatever folder the command is typed in."""
        self.switch = switch
        """A yes/no option: ``--force`` alone is yes; ``--force=VALUE`` is read by :func:`yes_or_no`."""
        self.required = required
        self.metavar = metavar


DATA = Option("--data", "โฟลเดอร์ข้อมูล", "the data folder", default="data", metavar="FOLDER")
OUT = Option("--out", "โฟลเดอร์ของเว็บไซต์ที่สร้าง", "the built site's folder", default="site", metavar="FOLDER")
BUILDER = Option(
    "--builder",
    "โปรแกรมสร้างเว็บไซต์: mkdocs หรือ properdocs",
    "the builder: mkdocs or properdocs",
    "mkdocs",
    metavar="NAME",
)
STRICT = Option("--strict", "คำเตือนถือเป็นข้อผิดพลาด", "treat warnings as errors", switch=True)
FORCE = Option("--force", "เขียนทับไฟล์ที่มีอยู่", "replace files that exist", switch=True)
DRY_RUN = Option("--dry-run", "บอกสิ่งที่จะเปลี่ยน โดยไม่เปลี่ยน", "list what would change, change nothing", switch=True)
TRUST_HOST = Option("--trust-host", "เชื่อกุญแจของโฮสต์ในครั้งแรก", "trust the host's key the first time", switch=True)
XLSX = Option("--xlsx", "ไฟล์ Excel (.xlsx)", "the workbook (.xlsx)", required=True, metavar="FILE")
DOCX = Option("--docx", "ไฟล์ Word (.docx)", "the Word document (.docx)", required=True, metavar="FILE")
YEAR = Option("--year", "ปีงบประมาณ พ.ศ. (ไม่ระบุ = ปีถัดไป)", "the fiscal year, B.E. (default: the next)", metavar="YEAR")
URL = Option("--url", "ที่อยู่ของเว็บไซต์ที่เผยแพร่", "the published site's address", required=True, metavar="URL")
SITE_ONLY = Option("--site-only", "ไม่ตรวจลิงก์ไปเว็บไซต์อื่น", "skip links to other sites", switch=True)
ADDRESS = Option("--address", "ที่อยู่ของหน้าตัวอย่าง", "where the preview answers", "127.0.0.1:8000", metavar="HOST:PORT")
BROWSER = Option("--browser", "เปิดหน้าตัวอย่างในเบราว์เซอร์", "open the preview in the browser", "yes", switch=True)
DEV = Option("--dev", "ติดตั้งเครื่องมือทดสอบด้วย", "also install the test tools", switch=True)
ALL = Option("--all", "ลบ .venv ด้วย", "remove .venv too", switch=True)
MARKDOWN_OUT = Option(
    "--out", "โฟลเดอร์ใหม่ที่จะเขียน", "the new folder to write", default="build/markdown", metavar="FOLDER"
)


class Verb:
    __slots__ = ("english", "lock", "name", "options", "passes_on", "script", "thai")

    def __init__(
        self,
        name: str,
        thai: str,
        english: str,
        options: tuple[Option, ...] = (),
        *,
        lock: str | None = BUILD_LOCK,
        script: str | None = None,
        passes_on: bool = False,
    ) -> None:
        self.name, self.thai, self.english, self.options = name, thai, english, options
        self.lock = lock
        """The lock ``.venv`` is set up from before the verb runs; None: the verb needs no ``.venv``."""
        self.script = script
        """The entry script in hooks/ the verb runs; None: the verb is run by the front door itself."""
        self.passes_on = passes_on
        """Arguments after the options go to the tool underneath (``ita test -- -k thai``)."""


VERBS = {
    verb.name: verb
    for verb in (
        Verb(
            "site",
            "สร้างเว็บไซต์จากข้อมูล",
            "build the site from the data",
            (DATA, OUT, BUILDER, STRICT),
            script="build_site.py",
        ),
        Verb(
            "serve",
            "เปิดหน้าตัวอย่างในเบราว์เซอร์ แก้ข้อมูลแล้วหน้าเปลี่ยนตาม",
            "preview in the browser; edits reload the page",
            (DATA, BUILDER, ADDRESS, BROWSER),
        ),
        Verb(
            "check",
            "สร้างแบบเข้มงวด (มีคำเตือนหรือรายการ OIT ไม่มีหลักฐาน = ไม่ผ่าน)",
            "build strictly (a warning or an OIT item without evidence fails)",
            (DATA, OUT, BUILDER),
            script="build_site.py",
        ),
        Verb(
            "pdf",
            "เอกสารทั้งปีเป็น PDF (หลัง site)",
            "each fiscal year as one PDF (after site)",
            (OUT,),
            script="make_pdf.py",
        ),
        Verb(
            "publish",
            "ตรวจ แล้วส่งสิ่งที่เปลี่ยนขึ้นโฮสต์ใน site.yml",
            "check, then upload what changed to the host in site.yml",
            (DATA, OUT, DRY_RUN, TRUST_HOST),
            script="publish_site.py",
        ),
        Verb(
            "check-live",
            "ตรวจทุกหน้าและลิงก์ของเว็บไซต์ที่เผยแพร่แล้ว",
            "check every page and link of the published site",
            (URL, OUT, SITE_ONLY),
            script="check_live.py",
        ),
        Verb(
            "new-year",
            "เริ่มปีงบประมาณใหม่จากปีล่าสุด",
            "start a fiscal year from the last one",
            (DATA, YEAR),
            script="new_year.py",
        ),
        Verb(
            "import",
            "นำเข้าข้อมูลจากไฟล์ Excel ที่กรอกแล้ว",
            "import the data of a filled workbook",
            (XLSX, DATA, FORCE),
            script="import_xlsx.py",
        ),
        Verb(
            "import-docx",
            "นำเข้าข้อมูลจากไฟล์ Word",
            "import the data of a Word document",
            (DOCX, DATA, FORCE),
            script="import_docx.py",
        ),
        Verb(
            "export-xlsx",
            "ส่งออกข้อมูลเป็นไฟล์ Excel",
            "the data as a workbook to edit",
            (XLSX, DATA, FORCE),
            script="export_xlsx.py",
        ),
        Verb(
            "xlsx-template",
            "แบบฟอร์ม Excel เปล่า",
            "the empty workbook to fill in",
            (XLSX, FORCE),
            script="export_xlsx.py",
        ),
        Verb(
            "markdown",
            "เขียนหน้าที่สร้างเป็น Markdown ให้ MkDocs ธรรมดา",
            "the generated pages as Markdown for plain MkDocs",
            (DATA, MARKDOWN_OUT),
            script="write_markdown.py",
        ),
        Verb("schemas", "เขียน JSON Schema ของไฟล์ข้อมูล", "write the data files' JSON Schemas", script="write_schemas.py"),
        Verb("test", "ตรวจโค้ดและรันชุดทดสอบทั้งหมด", "lint, type-check and run the tests", lock=DEV_LOCK, passes_on=True),
        Verb(
            "lock",
            "ล็อกแพ็กเกจใหม่ (หลังแก้ requirements*.in)",
            "pin the packages again (after editing requirements*.in)",
            lock=DEV_LOCK,
        ),
        Verb("setup", "เตรียม .venv เท่านั้น", "set up .venv only", (DEV,), lock=None),
        Verb("clean", "ลบสิ่งที่การสร้างและการทดสอบทิ้งไว้", "remove what builds and tests leave behind", (ALL,), lock=None),
    )
}


def yes_or_no(option: str, value: str | None) -> bool:
    """``--force`` (no value), 1, yes, true: on; empty, 0, no, false: off (any case, spaces ignored)."""
    if value is None:
        return True
    word = value.strip().lower()
    if word in ON or word in OFF:
        return word in ON
    raise Misuse(
        f"{option}={value} ใช้ไม่ได้ ต้องเป็น 1, yes, true (เปิด) หรือ 0, no, false หรือเว้นว่าง (ปิด)",
        f'{option}={value} is not a yes or no: expected 1, yes, true (on) or 0, no, false or empty (off), found "{value}"',
    )


def entry_argv(verb: Verb, values: dict[str, str | bool]) -> list[str]:
    """The arguments of the verb's entry script, from the options as read (paths as typed)."""
    data, out = str(values.get("--data", "")), str(values.get("--out", ""))
    switch = {name: flag for name, flag in values.items() if isinstance(flag, bool)}
    builder = ["--builder", str(values.get("--builder", "mkdocs"))]
    force = ["--force"] if switch.get("--force") else []
    match verb.name:
        case "site":
            return ["--data", data, "--out", out, *builder, *(["--strict"] if switch["--strict"] else [])]
        case "check":
            return ["--data", data, "--out", out, *builder, "--strict", "--oit-strict"]
        case "pdf":
            return ["--site", out]
        case "publish":
            dry_run = ["--dry-run"] if switch["--dry-run"] else []
            return ["--data", data, "--out", out, *dry_run, *(["--trust-host"] if switch["--trust-host"] else [])]
        case "check-live":
            return ["--url", str(values["--url"]), "--site", out, *(["--site-only"] if switch["--site-only"] else [])]
        case "new-year":
            return ["--data", data, *(["--year", str(values["--year"])] if values.get("--year") else [])]
        case "import" | "export-xlsx":
            return ["--xlsx", str(values["--xlsx"]), "--data", data, *force]
        case "import-docx":
            return ["--docx", str(values["--docx"]), "--data", data, *force]
        case "xlsx-template":
            return ["--xlsx", str(values["--xlsx"]), "--template", *force]
        case "markdown":
            return ["--data", data, "--out", out]
        case _:
            return []
