"""``.venv`` holding exactly the packages of a hashed lock, made with Python's standard library only.

Every verb that needs the installed packages comes through here first, because a machine that is "not
quite right" otherwise leaves a ``.venv`` that each later build trips over with a traceback: Debian
without python3-venv (the venv is made without pip), a ``.venv`` made by a Python that has since been
removed or upgraded, an install cut short. Each is said plainly in Thai and English with what to
install; a broken ``.venv`` is rebuilt on its own (nothing in it is the webmaster's work).

The common case must cost almost nothing (every ``make site`` pays it): when ``.venv`` has its
interpreter and a stamp holding the SHA-256 of the lock it was installed from, and the lock still has
that hash, nothing is started. Only a changed lock, a missing stamp or a damaged ``.venv`` runs pip.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from frontdoor.console import CHILD_ENVIRONMENT, say

# subprocess, shutil and compileall are imported by the slow path only, where they are used: the
# unchanged-lock check that every command pays stays at a few standard modules.

WINDOWS = os.name == "nt"
BUILD_LOCK = "requirements.txt"
DEV_LOCK = "requirements-dev.txt"


class SetupFailed(Exception):
    """Setting up cannot go on; ``thai`` and ``english`` say why and what to do."""

    def __init__(self, thai: str, english: str) -> None:
        super().__init__(english)
        self.thai, self.english = thai, english


def venv_python(venv: Path, *, windows: bool = WINDOWS) -> Path:
    """The interpreter of a venv: ``Scripts\\python.exe`` on Windows, ``bin/python`` elsewhere."""
    return venv / "Scripts" / "python.exe" if windows else venv / "bin" / "python"


def base_home(venv: Path) -> Path | None:
    """The folder of the Python the venv was made from (``home`` in pyvenv.cfg), or None."""
    try:
        config = (venv / "pyvenv.cfg").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in config.splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "home":
            return Path(value.strip())
    return None


def looks_whole(venv: Path, *, windows: bool = WINDOWS) -> bool:
    """Whether the venv's interpreter is there and the Python it was made from still exists.

    Checked from the files alone, without starting anything: on Linux ``bin/python`` is a link that
    dangles once its Python is removed; on Windows ``Scripts\\python.exe`` is a small launcher that
    starts the Python in ``home``, so that folder must still be there.
    """
    home = base_home(venv)
    return home is not None and home.is_dir() and venv_python(venv, windows=windows).exists()


def stamp_of(venv: Path, lock: Path) -> Path:
    """Where the hash of the lock that ``venv`` was installed from is kept (one stamp per lock)."""
    return venv / f".installed-{lock.name}.sha256"


def lock_digest(lock: Path) -> str:
    try:
        return hashlib.sha256(lock.read_bytes()).hexdigest()
    except OSError as exc:
        raise SetupFailed(
            f"อ่านรายการแพ็กเกจ {lock} ไม่ได้ ({exc.strerror}) ดาวน์โหลดโครงการมาใหม่ให้ครบ",
            f"Cannot read the package lock {lock} ({exc.strerror}); download the project again, whole.",
        ) from exc


def is_current(venv: Path, lock: Path, digest: str, *, windows: bool = WINDOWS) -> bool:
    """The fast path: a whole venv whose stamp holds the lock's present hash, ``digest``."""
    try:
        stamp = stamp_of(venv, lock).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return stamp == digest and looks_whole(venv, windows=windows)


def ensure_venv(venv: Path, lock: Path, *, creator: str | None = None) -> Path:
    """``venv`` with the packages of ``lock`` installed, made or repaired as needed; its interpreter.

    ``creator`` is the Python that makes a new venv (this one's base Python when not given).
    Raises :class:`SetupFailed` with what to do when it cannot.
    """
    digest = lock_digest(lock)
    python = venv_python(venv)
    if is_current(venv, lock, digest):
        return python
    if (venv.exists() or venv.is_symlink()) and not _runs_with_pip(python):
        say(
            f"สภาพแวดล้อม {venv} เสียหรือสร้างไม่เสร็จ: กำลังสร้างใหม่",
            f"The environment {venv} is broken or unfinished: rebuilding it.",
        )
        _remove(venv)
    if not venv.exists():
        _create(venv, creator or _base_python())
    stamp = stamp_of(venv, lock)
    stamp.unlink(missing_ok=True)  # a cut-short install must not look finished
    _install(python, lock)
    written = stamp.with_suffix(".partial")
    written.write_text(digest + "\n", encoding="ascii")
    os.replace(written, stamp)
    import compileall

    # The front door's and engine's modules compiled once, as pip compiled the packages, so that a
    # shell with PYTHONDONTWRITEBYTECODE does not compile them from source on every build.
    compileall.compile_dir(str(Path(__file__).resolve().parent.parent), quiet=2)
    return python


def _base_python() -> str:
    """The Python to make venvs with: this one, or the one this venv's Python was made from."""
    if sys.prefix != sys.base_prefix:
        return str(getattr(sys, "_base_executable", sys.executable))
    return sys.executable


def _runs_with_pip(python: Path) -> bool:
    """Whether the venv's Python starts, is 3.11 or newer and has pip: the slow check, a few tenths of a second."""
    import subprocess

    probe = "import sys, pip; sys.exit(0 if sys.version_info >= (3, 11) else 1)"
    try:
        run = subprocess.run([str(python), "-c", probe], capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return run.returncode == 0


def _remove(venv: Path) -> None:
    import shutil

    try:
        if venv.is_symlink() or venv.is_file():
            venv.unlink()
        else:
            shutil.rmtree(venv)
    except OSError as exc:
        raise SetupFailed(
            f"ลบ {venv} ที่เสียไม่ได้ ({exc.strerror}) ปิดโปรแกรมที่ใช้โฟลเดอร์นั้นอยู่ แล้วสั่งอีกครั้ง",
            f"Cannot remove the broken {venv} ({exc.strerror}); close any program using it and run the command again.",
        ) from exc


def _create(venv: Path, creator: str) -> None:
    import shutil
    import subprocess

    # Debian and Ubuntu ship venv's pip bootstrap (ensurepip) in a package of its own.
    probe = subprocess.run([creator, "-c", "import venv, ensurepip"], capture_output=True, check=False)
    if probe.returncode != 0:
        raise SetupFailed(*_no_venv_message(creator))
    made = subprocess.run([creator, "-m", "venv", str(venv)], env=os.environ | CHILD_ENVIRONMENT, check=False)
    if made.returncode != 0:
        shutil.rmtree(venv, ignore_errors=True)
        raise SetupFailed(f"สร้าง {venv} ไม่สำเร็จ (ดูข้อความด้านบน)", f"Could not create {venv} (see the messages above).")


def _no_venv_message(creator: str) -> tuple[str, str]:
    if WINDOWS:
        return (
            f"{creator} สร้างสภาพแวดล้อม (venv) ไม่ได้: ติดตั้ง Python ใหม่จาก https://www.python.org/downloads/"
            " (ตัวติดตั้ง Windows installer 64-bit ติ๊ก “Add python.exe to PATH”)",
            f"{creator} cannot create a virtual environment: reinstall Python from https://www.python.org/downloads/"
            " (the Windows installer, 64-bit; tick “Add python.exe to PATH”).",
        )
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return (
        f"{creator} สร้างสภาพแวดล้อม (venv) ไม่ได้: ติดตั้งแพ็กเกจ python3-venv ก่อน"
        f" (sudo apt install python3-venv python{version}-venv)",
        f"{creator} cannot create a virtual environment: install python3-venv first"
        f" (sudo apt install python3-venv python{version}-venv).",
    )


def _install(python: Path, lock: Path) -> None:
    import subprocess

    # --require-hashes: a file that does not match the hash in the lock (a tampered mirror, a
    # re-uploaded release) is refused.
    command = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--require-hashes"]
    installed = subprocess.run([*command, "-r", str(lock)], env=os.environ | CHILD_ENVIRONMENT, check=False)
    if installed.returncode != 0:
        raise SetupFailed(
            f"ติดตั้งแพ็กเกจจาก {lock} ไม่สำเร็จ (ดูข้อความด้านบน ต้องต่ออินเทอร์เน็ต) แล้วสั่งอีกครั้ง",
            f"Installing the packages of {lock} failed (see above; it needs the internet); run the command again.",
        )
