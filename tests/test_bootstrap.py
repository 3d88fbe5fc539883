"""A machine that is not quite right gets a plain answer from the front door, not a broken ``.venv``.

The front door (``hooks/ita.py`` and ``hooks/frontdoor/``) is copied into a project of its own here,
whose lock is a real hashed lock of one small wheel made here: ``ita setup`` then really makes the
venv, pip really checks the hash, and no network is needed. The damaged ``.venv`` cases are real venvs
damaged the way a removed Python, Debian without python3-venv or a cut-short setup leave them.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import ita
import pytest
from conftest import PROJECT_ROOT
from frontdoor import bootstrap

PYTHON = sys.executable


def _project(folder: Path, lock_text: str | None = None) -> Path:
    """A project holding only the front door, with ``requirements.txt`` as given."""
    project = folder / "project with ชื่อไทย"
    shutil.copytree(
        PROJECT_ROOT / "hooks" / "frontdoor",
        project / "hooks" / "frontdoor",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(PROJECT_ROOT / "hooks" / "ita.py", project / "hooks" / "ita.py")
    if lock_text is not None:
        (project / "requirements.txt").write_text(lock_text, encoding="utf-8")
    return project


def _setup(
    project: Path, *, python: str = PYTHON, environment: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    # PIP_NO_INDEX: the wheel is a local file; nothing may be fetched from elsewhere.
    return subprocess.run(
        [python, str(project / "hooks" / "ita.py"), "setup"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ | {"PIP_NO_INDEX": "1"} | (environment or {}),
        timeout=300,
    )


def _wheel(folder: Path, version: str = "1.0", answer: int = 42) -> Path:
    """A minimal installable wheel ``itasetupprobe`` (one module), written by hand."""
    path = folder / f"itasetupprobe-{version}-py3-none-any.whl"
    info = f"itasetupprobe-{version}.dist-info"
    files = {
        "itasetupprobe.py": f"ANSWER = {answer}\n",
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: itasetupprobe\nVersion: {version}\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    for name, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(text.encode())}")
    record.append(f"{info}/RECORD,,")
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
        archive.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return path


def _lock_text(wheel: Path, digest: str | None = None) -> str:
    digest = digest or hashlib.sha256(wheel.read_bytes()).hexdigest()
    return f"itasetupprobe @ {wheel.as_uri()} --hash=sha256:{digest}\n"


def _probe(venv: Path) -> str:
    run = subprocess.run(
        [str(bootstrap.venv_python(venv)), "-c", "import itasetupprobe; print(itasetupprobe.ANSWER)"],
        capture_output=True,
        text=True,
    )
    return run.stdout.strip()


def test_a_fresh_setup_installs_the_lock_once(tmp_path: Path) -> None:
    project = _project(tmp_path, _lock_text(_wheel(tmp_path)))
    venv = project / ".venv"
    first = _setup(project)
    assert first.returncode == 0, first.stderr
    assert _probe(venv) == "42"
    stamp = venv / ".installed-requirements.txt.sha256"
    assert (
        stamp.read_text(encoding="ascii").strip()
        == hashlib.sha256((project / "requirements.txt").read_bytes()).hexdigest()
    )
    before = stamp.stat().st_mtime_ns
    again = _setup(project)
    assert again.returncode == 0, again.stderr
    assert stamp.stat().st_mtime_ns == before, "an unchanged lock must not be installed again"


def test_a_changed_lock_is_installed_again(tmp_path: Path) -> None:
    project = _project(tmp_path, _lock_text(_wheel(tmp_path)))
    assert _setup(project).returncode == 0
    newer = tmp_path / "newer"
    newer.mkdir()
    (project / "requirements.txt").write_text(_lock_text(_wheel(newer, "2.0", answer=43)), encoding="utf-8")
    run = _setup(project)
    assert run.returncode == 0, run.stderr
    assert _probe(project / ".venv") == "43"


def test_a_file_that_does_not_match_the_lock_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path, _lock_text(_wheel(tmp_path), digest="0" * 64))
    run = _setup(project)
    assert run.returncode == 1
    assert "ติดตั้งแพ็กเกจ" in run.stderr and "failed" in run.stderr
    assert "hash" in run.stderr.lower()  # pip's own words about the mismatch
    assert "Traceback" not in run.stderr
    assert not (project / ".venv" / ".installed-requirements.txt.sha256").exists()
    assert _probe(project / ".venv") == ""


def test_python_older_than_3_11_is_named_with_what_to_install() -> None:
    # No Python older than 3.11 is on this machine: the words ita.py says with one are checked here,
    # and that it is said at all by the version check under ``__main__``.
    message = ita.too_old("/usr/bin/python3", (3, 10, 12, "final", 0))
    assert "3.10.12" in message and "ต้องใช้ Python 3.11" in message
    assert "Python 3.11 or newer is needed" in message and "python3.11-venv" in message
    assert "Add python.exe to PATH" in message and "https://www.python.org/downloads/" in message
    assert "sys.version_info[:2] < NEEDED" in (PROJECT_ROOT / "hooks" / "ita.py").read_text(encoding="utf-8")


@pytest.mark.posix
def test_an_old_python_hands_over_to_a_newer_one_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "python3.12").write_text("#!/bin/sh\n", encoding="utf-8")
    (tmp_path / "python3.12").chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert ita.newer_python() == str(tmp_path / "python3.12")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    assert ita.newer_python() is None


def test_ita_py_parses_on_old_pythons() -> None:
    # The version check must be reached: the file may not use syntax newer than Python 3.6 can read.
    import ast

    ast.parse((PROJECT_ROOT / "hooks" / "ita.py").read_text(encoding="utf-8"), feature_version=(3, 6))


@pytest.mark.posix
def test_a_missing_python_is_named_by_make() -> None:
    run = subprocess.run(
        ["make", "-n", "site", "PYTHON=python3-that-is-not-there"], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert run.returncode != 0
    assert "ไม่พบโปรแกรม python3-that-is-not-there" in run.stderr and "was not found" in run.stderr


def test_a_python_without_venv_is_told_what_to_install(tmp_path: Path) -> None:
    # Debian without python3-venv has no ensurepip: a module of that name that cannot be imported,
    # found first on the path, is what such a Python meets.
    shadow = tmp_path / "shadow" / "ensurepip"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ModuleNotFoundError('No module named ensurepip')\n", encoding="utf-8")
    project = _project(tmp_path, _lock_text(_wheel(tmp_path)))
    run = _setup(project, environment={"PYTHONPATH": str(shadow.parent)})
    assert run.returncode == 1
    assert "python3-venv" in run.stderr and "cannot create a virtual environment" in run.stderr
    assert "สร้างสภาพแวดล้อม (venv) ไม่ได้" in run.stderr and "Traceback" not in run.stderr
    assert not (project / ".venv").exists()


@pytest.mark.parametrize("damage", [pytest.param("python removed", marks=pytest.mark.posix), "no pip", "empty folder"])
def test_a_broken_venv_is_rebuilt_by_itself(tmp_path: Path, damage: str) -> None:
    project = _project(tmp_path, _lock_text(_wheel(tmp_path)))
    venv = project / ".venv"
    if damage == "python removed":  # made by a Python that was since uninstalled or upgraded
        assert _setup(project).returncode == 0  # stamped: only the files can tell it is broken
        for python in (venv / "bin").glob("python*"):
            python.unlink()
            python.symlink_to(tmp_path / "gone" / "python3")
    elif damage == "no pip":  # what `python3 -m venv` leaves on Debian without python3-venv
        subprocess.run([PYTHON, "-m", "venv", "--without-pip", str(venv)], check=True)
    else:  # a setup cut short before anything was written
        venv.mkdir()
    run = _setup(project)
    assert run.returncode == 0, run.stderr
    assert "กำลังสร้างใหม่" in run.stderr and "rebuilding it" in run.stderr
    assert _probe(venv) == "42"


def test_a_venv_whose_python_was_uninstalled_on_windows_is_not_whole(tmp_path: Path) -> None:
    # Windows' layout, made by hand: Scripts\python.exe is a launcher that starts the Python in
    # pyvenv.cfg's home, so a removed home folder means a broken venv even though python.exe is there.
    venv, home = tmp_path / ".venv", tmp_path / "Python311"
    (venv / "Scripts").mkdir(parents=True)
    (venv / "Scripts" / "python.exe").write_bytes(b"MZ")
    (venv / "pyvenv.cfg").write_text(f"home = {home}\nversion = 3.11.9\n", encoding="utf-8")
    assert bootstrap.venv_python(venv, windows=True) == venv / "Scripts" / "python.exe"
    assert not bootstrap.looks_whole(venv, windows=True)
    home.mkdir()
    assert bootstrap.looks_whole(venv, windows=True)
    assert not bootstrap.looks_whole(venv, windows=False)  # no bin/python there


def test_a_stamp_that_cannot_be_replaced_is_said_without_a_traceback(tmp_path: Path) -> None:
    project = _project(tmp_path, _lock_text(_wheel(tmp_path)))
    assert _setup(project).returncode == 0
    stamp = project / ".venv" / ".installed-requirements.txt.sha256"
    stamp.unlink()
    stamp.mkdir()  # something in the way that is not a file: the stamp can be neither read nor removed
    run = _setup(project)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert f"ทำงานต่อไม่ได้: {stamp}" in run.stderr and f"Cannot go on: {stamp}" in run.stderr
