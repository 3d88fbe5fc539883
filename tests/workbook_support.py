"""Running ``make import``'s script as a webmaster would, and measuring what it cost.

The import runs in a child process of its own, so its peak memory is its own (``os.wait4`` gives the
resources of that one child, as ``getrusage(RUSAGE_CHILDREN)`` would in a process with no other
children) and a workbook that got past the guards can be stopped by a time limit.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from conftest import DEMO_DATA, PROJECT_ROOT

IMPORT_SCRIPT = PROJECT_ROOT / "hooks" / "import_xlsx.py"
EXPORT_SCRIPT = PROJECT_ROOT / "hooks" / "export_xlsx.py"
MEMORY_CAP = 1_500_000_000
"""Address space a runaway import may take before it fails the test instead of the machine."""


@dataclass
class ImportRun:
    returncode: int
    stdout: str
    stderr: str
    peak_megabytes: float
    seconds: float


def run_import(
    workbook: Path,
    data: Path,
    *extra: str,
    environment: dict[str, str] | None = None,
    before: Callable[[], None] | None = None,
    time_limit: float = 120,
) -> ImportRun:
    """``import_xlsx.py --xlsx workbook --data data``; ``before`` runs in the child before the script."""

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        if before is not None:
            before()

    command = [sys.executable, str(IMPORT_SCRIPT), "--xlsx", str(workbook), "--data", str(data), *extra]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen(
            command,
            stdout=out,
            stderr=err,
            cwd=PROJECT_ROOT,
            env={**os.environ, **(environment or {})},
            preexec_fn=limited,
        )
        timer = threading.Timer(time_limit, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        seconds = time.monotonic() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ImportRun(
            child.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            usage.ru_maxrss / 1024,
            seconds,
        )


def demo_with_workbook(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the demo data and the workbook ``make export-xlsx`` makes of it."""
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    workbook = tmp_path / "demo.xlsx"
    command = [sys.executable, str(EXPORT_SCRIPT), "--xlsx", str(workbook), "--data", str(data)]
    subprocess.run(command, check=True, capture_output=True, cwd=PROJECT_ROOT, timeout=120)
    return data, workbook


def edited(workbook: Path, target: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    book = openpyxl.load_workbook(workbook)
    edit(book)
    book.save(target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) → its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
