"""The output directory a webmaster uploads: never lost, never confused with anything else.

A build goes into ``.<out>.building-<pid>`` beside the output and is swapped in only when it
succeeded. What an interrupted build leaves behind is cleaned up by the next one, a swap cut short
between its two renames is completed backwards (the old site comes back), and a mistyped ``OUT``
that points at the data, the project or a folder of someone's files is refused before anything
in it is touched.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

STALE_AFTER_SECONDS = 3600
"""On Windows a process cannot be probed safely, so a leftover older than this is taken as dead."""
SITE_MARKERS = ("index.html", "sitemap.xml", "404.html")
"""Files that show a directory holds a built site that may be replaced."""


def building_dir(output: Path) -> Path:
    return output.with_name(f".{output.name}.building-{os.getpid()}")


def previous_dir(output: Path) -> Path:
    return output.with_name(f".{output.name}.previous")


def refusal(output: Path, protected: list[Path]) -> tuple[str, str] | None:
    """Why ``output`` must not be replaced by a build, in Thai and English; None when it may be."""
    for place in protected:
        if output == place or output in place.parents:
            return (
                f"โฟลเดอร์ผลลัพธ์ {output} คือหรือครอบโฟลเดอร์ {place} การสร้างเว็บไซต์จะลบข้อมูลนั้น เลือกโฟลเดอร์อื่น เช่น site",
                f"the output {output} is or contains {place}, which a build would delete; choose another, such as site",
            )
    if output.exists() and not output.is_dir():
        return (f"{output} เป็นไฟล์ ไม่ใช่โฟลเดอร์", f"{output} is a file, not a directory")
    if output.is_dir() and any(output.iterdir()) and not any((output / m).is_file() for m in SITE_MARKERS):
        return (
            f"โฟลเดอร์ {output} มีไฟล์อื่นที่ไม่ใช่เว็บไซต์ที่สร้างไว้ การสร้างจะลบไฟล์เหล่านั้น เลือกโฟลเดอร์ว่างหรือโฟลเดอร์เว็บไซต์เดิม",
            f"{output} holds files that are not a built site and would be deleted; choose an empty folder or a previous site",
        )
    return None


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
