"""``make import`` checks the workbook as ``make site`` would, and changes the data folder all at once
or not at all: a read-only folder, a full disk and a killed import each leave the folder as it was,
and a build refuses a folder an interrupted import left half-swapped."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from workbook_support import demo_with_workbook, edited, run_import, snapshot

from itagen.author.workbook.layout import OIT_EVIDENCE
from itagen.load.site import load_site
from itagen.problems import DataError


def _evidence_row(book: openpyxl.Workbook, target: str) -> int:
    sheet = book[OIT_EVIDENCE.name]
    column = OIT_EVIDENCE.index("target") + 1
    return next(r for r in range(3, sheet.max_row + 1) if sheet.cell(r, column).value == target)


def _mistyped(workbook: Path, target: Path, typos: dict[str, str]) -> dict[str, int]:
    """The workbook with evidence targets retyped (old → new); each new target's row."""
    rows = {}

    def mistype(book: openpyxl.Workbook) -> None:
        column = OIT_EVIDENCE.index("target") + 1
        for old, new in typos.items():
            rows[new] = _evidence_row(book, old)
            book[OIT_EVIDENCE.name].cell(rows[new], column).value = new

    edited(workbook, target, mistype)
    return rows


@pytest.mark.parametrize(
    ("typos", "english"),
    [
        ({"work-manual": "work-manul"}, ["no document with id 'work-manul' in documents.yml"]),
        (
            {"structure": "structur", "contact#qa": "contact#q-and-a"},
            ["there is no page 'structur' on the site; did you mean 'structure'?", "has no section #q-and-a"],
        ),
    ],
)
def test_a_wrong_page_section_or_document_fails_the_import_at_its_cell(
    tmp_path: Path, typos: dict[str, str], english: list[str]
) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    rows = _mistyped(workbook, tmp_path / "typo.xlsx", typos)
    before = snapshot(data)
    result = run_import(tmp_path / "typo.xlsx", data, "--force")
    assert result.returncode == 1, result.stdout
    letter = OIT_EVIDENCE.letter("target")
    for row in rows.values():
        cell = f"แผ่นงาน/sheet '{OIT_EVIDENCE.name}', แถว/row {row}, คอลัมน์/column {letter}"
        assert cell in result.stderr, result.stderr
    assert all(text in result.stderr for text in english), result.stderr
    assert "ไม่มีหน้า 'structur' ในเว็บไซต์" in result.stderr or "structur" not in str(typos)
    assert "line" not in result.stderr  # told by cell, never by a line of a YAML file
    assert snapshot(data) == before


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """A read-only bind mount: root writes through a chmod, not through this."""
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_oit_folder_changes_no_file(tmp_path: Path) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    before = snapshot(data)
    with _read_only(data / "oit"):
        result = run_import(workbook, data, "--force")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no file in the data folder was changed, because data/oit/2569.yml could not be written" in result.stderr
    assert "(the folder is read-only)" in result.stderr and "โฟลเดอร์เป็นแบบอ่านอย่างเดียว" in result.stderr
    assert snapshot(data) == before


@contextlib.contextmanager
def _small_disk(folder: Path, spare_bytes: int) -> Iterator[Path]:
    """``folder`` copied onto a disk of its own, then the disk filled up to ``spare_bytes``."""
    disk = folder.parent / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(disk)], check=True)
    try:
        shutil.copytree(folder, disk / folder.name)
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        with (disk / "filler").open("wb") as filler:
            filler.write(b"\0" * (free - spare_bytes))
        yield disk / folder.name
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_changes_no_file(tmp_path: Path) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    with _small_disk(data, spare_bytes=8192) as full:
        before = snapshot(full)
        result = run_import(workbook, full, "--force")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "no file in the data folder was changed" in result.stderr and "(the disk is full)" in result.stderr
        assert "ดิสก์เต็ม" in result.stderr
        assert snapshot(full) == before


# Loaded by the import's Python before the script (PYTHONPATH): an audit hook sees every rename
# (os.replace raises the "os.rename" event before it acts) and kills the process as a power cut would
# when the staged files are being put in place, once as many as ITA_TEST_KILL_AFTER are.
_KILL_WHILE_SWAPPING = """
import os, signal, sys

_renamed = []

def _kill_while_swapping(event, arguments):
    if event == "os.rename" and str(arguments[0]).endswith(".importing"):
        if len(_renamed) == int(os.environ["ITA_TEST_KILL_AFTER"]):
            os.kill(os.getpid(), signal.SIGKILL)
        _renamed.append(arguments[0])

sys.addaudithook(_kill_while_swapping)
"""


def test_an_import_killed_while_swapping_is_refused_by_the_build_and_undone_by_the_next_import(
    tmp_path: Path,
) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    before = snapshot(data)
    startup = tmp_path / "startup"
    startup.mkdir()
    (startup / "sitecustomize.py").write_text(_KILL_WHILE_SWAPPING, encoding="utf-8")
    killed = run_import(workbook, data, "--force", environment={"PYTHONPATH": str(startup), "ITA_TEST_KILL_AFTER": "2"})
    assert killed.returncode == -9  # killed as a power cut would, two files in
    assert snapshot(data) != before
    with pytest.raises(DataError) as refused:
        load_site(data)
    report = refused.value.report(data)
    assert "stopped half-way" in report and "run make import again" in report and "make import อีกครั้ง" in report
    again = run_import(workbook, data)  # without --force: the old files are back, so they exist
    assert again.returncode == 2, again.stderr
    assert "an import that stopped half-way was undone" in again.stdout
    assert snapshot(data) == before
    load_site(data)


def test_a_read_only_data_folder_is_said_so_with_what_to_do(tmp_path: Path) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    shutil.rmtree(data / "years")  # the import would have to make the folder
    before = snapshot(data)
    with _read_only(data):
        result = run_import(workbook, data, "--force")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "because data/years could not be written (the folder is read-only)" in result.stderr
    assert "make the data folder writable, then import again" in result.stderr
    assert "ทำให้โฟลเดอร์ข้อมูลเขียนได้" in result.stderr
    assert snapshot(data) == before and not (data / "years").exists()
