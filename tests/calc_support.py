"""What the workbook tests share: Debian's LibreOffice Calc, the program an office opens the workbook in.

``Calc.convert`` saves files as another type on the command line (``soffice --convert-to``), as
"Save As" does, many files in one start of the program; ``Calc.uno`` runs ``calc_uno.py`` under
Debian's own Python (python3-uno) to type into cells as a person does in a Thai-locale Calc and to
ask Calc how tall each row must be. Each ``Calc`` has profiles of its own, made fresh, so that test
sessions never share one (two programs on one profile refuse or wait for each other).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

SOFFICE = "/usr/bin/soffice"
UNO_PYTHON = "/usr/bin/python3"
"""Debian's Python, which python3-uno is built for (the project's .venv cannot import uno)."""
UNO_SCRIPT = Path(__file__).resolve().parent / "calc_uno.py"
FILTERS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods", "pdf": "pdf:calc_pdf_Export"}


class Calc:
    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self._runs = 0

    def _profile(self, purpose: str) -> Path:
        self._runs += 1
        return self.workspace / f"profile-{purpose}-{self._runs}"

    def convert(self, files: list[Path], to: str) -> list[Path]:
        """``files`` saved as ``to`` (xlsx, ods, pdf) into a folder of their own, in the same order."""
        out = self.workspace / f"{to}-{self._runs + 1}"
        profile = self._profile("convert")
        command = [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            FILTERS[to],
            "--outdir",
            str(out),
            *(str(f) for f in files),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        converted = [out / f"{f.stem}.{to}" for f in files]
        missing = [p.name for p in converted if not p.is_file()]
        assert result.returncode == 0 and not missing, f"soffice did not write {missing}: {result.stderr[-2000:]}"
        return converted

    def uno(self, tasks: list[dict[str, Any]]) -> list[Any]:
        """The answers of ``calc_uno.py`` to ``tasks`` (see its docstring), one Calc for all of them."""
        job = self.workspace / f"job-{self._runs + 1}.json"
        job.write_text(json.dumps({"profile": str(self._profile("uno")), "tasks": tasks}), encoding="utf-8")
        result = subprocess.run(
            [UNO_PYTHON, str(UNO_SCRIPT), str(job)], capture_output=True, text=True, timeout=300, check=False
        )
        assert result.returncode == 0, f"calc_uno.py failed: {result.stderr[-3000:]}"
        answers: list[Any] = json.loads(result.stdout)
        return answers


def pdf_pages(pdf: Path) -> list[str]:
    """Each page's text, in the order it was drawn (``-raw`` keeps Thai marks with their letters)."""
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def pdf_page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "100000", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and " size:" in line:
            width, _, height = line.split(":", 1)[1].split()[:3]
            sizes.append((float(width), float(height)))
    return sizes
