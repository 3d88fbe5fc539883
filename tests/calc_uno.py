"""LibreOffice Calc driven through its own API (UNO), as an office uses it: typing into cells and
looking at what every row shows. Run by Debian's /usr/bin/python3 (python3-uno), never imported by
the tests: ``/usr/bin/python3 tests/calc_uno.py JOB.json`` prints the answers as JSON.

The job names a fresh profile, set to the Thai locale as a Thai office's Calc is (Tools › Options ›
Languages › Locale setting), and a list of tasks:

- ``type``: open ``source``, type each text into its cell as a person types it (``FormulaLocal``
  parses as the keyboard does; ``setFormula`` would parse as English), save as .xlsx to ``target``;
  answers what each cell became (text or a number) and what it shows.
- ``rows``: open ``source``; answers, for every row of every sheet that Calc would draw taller to
  show all its lines, the height it has and the height Calc's optimal height gives.
- ``merged``: open ``source``; for each of the cell ranges merged down several rows (``ranges``),
  whose lines Calc's optimal height does not measure, unmerge it and answers those whose rows
  together are lower than Calc makes the first row when it holds the text alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]  # Debian's python3-uno
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

THAI_LOCALE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>th-TH</value></prop></item>
</oor:items>
"""
XLSX_FILTER = "Calc MS Excel 2007 XML"
ROW_SLACK = 30
"""Hundredths of a millimetre a row may lack before a line counts as cut (Calc rounds heights)."""
PIPE = "ita-calc-{}"


def _property(name: str, value: Any) -> Any:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _connect(profile: Path) -> tuple[subprocess.Popen[bytes], Any]:
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(THAI_LOCALE, encoding="utf-8")
    pipe = PIPE.format(os.getpid())
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 60
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:  # the office is still starting (UNO's own error types)
            if time.monotonic() > deadline or office.poll() is not None:
                office.kill()
                raise
            time.sleep(0.2)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    return office, desktop


def _open(desktop: Any, path: str) -> Any:
    return desktop.loadComponentFromURL(Path(path).as_uri(), "_blank", 0, (_property("Hidden", True),))


def _type(desktop: Any, task: dict[str, Any]) -> list[dict[str, Any]]:
    document = _open(desktop, task["source"])
    answers = []
    try:
        for typed in task["cells"]:
            cell = document.Sheets.getByName(typed["sheet"]).getCellRangeByName(typed["cell"])
            cell.FormulaLocal = typed["text"]
            answers.append({"kind": cell.Type.value, "shows": cell.getString(), "number": cell.getValue()})
        document.storeToURL(Path(task["target"]).as_uri(), (_property("FilterName", XLSX_FILTER),))
    finally:
        document.close(True)
    return answers


def _rows(desktop: Any, task: dict[str, Any]) -> list[dict[str, Any]]:
    document = _open(desktop, task["source"])
    short = []
    try:
        for sheet in document.Sheets:
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            last_row = cursor.RangeAddress.EndRow
            for index in range(last_row + 1):
                row = sheet.Rows.getByIndex(index)
                height = row.Height
                row.OptimalHeight = True
                if row.Height > height + ROW_SLACK:
                    short.append({"sheet": sheet.Name, "row": index + 1, "height": height, "needs": row.Height})
    finally:
        document.close(True)
    return short


def _merged(desktop: Any, task: dict[str, Any]) -> list[dict[str, Any]]:
    document = _open(desktop, task["source"])
    short = []
    try:
        for merged in task["ranges"]:
            sheet = document.Sheets.getByName(merged["sheet"])
            area = sheet.getCellRangeByName(merged["range"]).RangeAddress
            rows = [sheet.Rows.getByIndex(index) for index in range(area.StartRow, area.EndRow + 1)]
            height = sum(row.Height for row in rows)
            sheet.getCellRangeByName(merged["range"]).merge(False)
            rows[0].OptimalHeight = True
            if rows[0].Height > height + ROW_SLACK:
                short.append({**merged, "height": height, "needs": rows[0].Height})
    finally:
        document.close(True)
    return short


TASKS = {"type": _type, "rows": _rows, "merged": _merged}


def main() -> None:
    job = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    office, desktop = _connect(Path(job["profile"]))
    try:
        answers = [TASKS[task["task"]](desktop, task) for task in job["tasks"]]
    finally:
        with contextlib.suppress(Exception):  # the office closes its end of the pipe as it quits
            desktop.terminate()
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
    print(json.dumps(answers, ensure_ascii=False))


if __name__ == "__main__":
    main()
