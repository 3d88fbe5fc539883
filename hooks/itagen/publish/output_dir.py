"""The output directory a webmaster uploads: never lost, never confused with anything else.

A build goes into ``.<out>.building-<pid>`` beside the output and is swapped in only when it
succeeded. What an interrupted build leaves behind is cleaned up by the next one, a swap cut short
between its two renames is completed backwards (the old site comes back), and a mistyped ``OUT``
that points at the data, the project, into the pages folder or at a folder of someone's files is
refused before anything in it is touched.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

STALE_AFTER_SECONDS = 3600
"""On Windows a process cannot be probed safely, so a leftover older than this is taken as dead."""
BUILT_SITE_MARKER = ".ita-built-site"
"""Written into every site this tool builds: only a folder holding it may be replaced by a build.
An ``index.html`` proves nothing; a web root holds one beside uploads and mail."""
MARKER_TEXT = (
    "โฟลเดอร์นี้สร้างโดยโปรแกรมสร้างเว็บไซต์ ITA การสร้างครั้งถัดไปจะแทนที่ทั้งโฟลเดอร์ อย่าเก็บไฟล์อื่นไว้ที่นี่\n"
    "This folder was built by the ITA site generator; the next build replaces it whole. Keep no other files here.\n"
)
SHOWN_FILES = 5


def building_dir(output: Path) -> Path:
    return output.with_name(f".{output.name}.building-{os.getpid()}")


def previous_dir(output: Path) -> Path:
    return output.with_name(f".{output.name}.previous")


def refusal(output: Path, protected: list[Path], pages: Path | None = None) -> tuple[str, str] | None:
    """Why ``output`` must not be replaced by a build, in Thai and English; None when it may be.

    ``pages`` is the builder's folder of hand-written pages: a site built inside it would be read back
    as pages by the next build, so MkDocs refuses it, but only in English and after starting.
    """
    if pages is not None and pages in output.parents:
        return (
            f"โฟลเดอร์ผลลัพธ์ {output} อยู่ในโฟลเดอร์หน้าเว็บ {pages} ซึ่ง MkDocs อ่านทุกไฟล์เป็นหน้าเว็บ "
            "เลือกโฟลเดอร์นอกโฟลเดอร์นั้น เช่น site",
            f"the output {output} is inside the pages folder {pages}, every file of which MkDocs reads as a page; "
            "choose a folder outside it, such as site",
        )
    for place in protected:
        if output == place or output in place.parents:
            return (
                f"โฟลเดอร์ผลลัพธ์ {output} คือหรือครอบโฟลเดอร์ {place} การสร้างเว็บไซต์จะลบข้อมูลนั้น เลือกโฟลเดอร์อื่น เช่น site",
                f"the output {output} is or contains {place}, which a build would delete; choose another, such as site",
            )
    if output.exists() and not output.is_dir():
        return (f"{output} เป็นไฟล์ ไม่ใช่โฟลเดอร์", f"{output} is a file, not a directory")
    if output.is_dir() and not (output / BUILT_SITE_MARKER).is_file() and (files := _some_files(output)):
        shown = ", ".join(files)
        return (
            f"โฟลเดอร์ {output} ไม่ใช่เว็บไซต์ที่โปรแกรมนี้สร้าง การสร้างจะลบไฟล์ในนั้น เช่น {shown} "
            "เลือกโฟลเดอร์ว่างหรือโฟลเดอร์ใหม่ เช่น site แล้วคัดลอกไฟล์ขึ้นเว็บโฮสต์ (ดู README.md)",
            f"{output} is not a site this tool built, and a build would delete what it holds, such as {shown}; "
            "build into an empty or new folder such as site, then upload its files (see README.md)",
        )
    return None


def _some_files(folder: Path) -> list[str]:
    """The first few names in ``folder``, sorted, with a count of the rest; [] when it is empty."""
    names = sorted(entry.name + ("/" if entry.is_dir() else "") for entry in folder.iterdir())
    if len(names) > SHOWN_FILES:
        return [*names[:SHOWN_FILES], f"… (+{len(names) - SHOWN_FILES})"]
    return names


def mark_as_built(site: Path) -> None:
    """Sign a fresh build as ours, so that the next build may replace it."""
    (site / BUILT_SITE_MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def clean_leftovers(output: Path) -> None:
    """Remove what interrupted builds left beside ``output``; bring the old site back if a swap was cut."""
    previous = previous_dir(output)
    if previous.is_dir():
        if output.exists():
            shutil.rmtree(previous)
        else:
            previous.rename(output)
    if not output.parent.is_dir():
        return
    prefix = f".{output.name}.building-"
    for leftover in output.parent.iterdir():
        if leftover.name.startswith(prefix) and not _still_running(leftover, leftover.name[len(prefix) :]):
            shutil.rmtree(leftover, ignore_errors=True)


def _still_running(leftover: Path, pid_text: str) -> bool:
    if not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would send Ctrl+C there
        return time.time() - leftover.stat().st_mtime < STALE_AFTER_SECONDS
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def swap_in(output: Path, fresh: Path) -> None:
    """Put the fresh build in place; the old site is deleted only once the new one is there."""
    previous = previous_dir(output)
    if previous.exists():
        shutil.rmtree(previous)
    if output.exists():
        output.rename(previous)
    try:
        fresh.rename(output)
    except OSError:
        if previous.exists() and not output.exists():
            previous.rename(output)  # put the old site back before reporting
        raise
    if previous.exists():
        shutil.rmtree(previous)
