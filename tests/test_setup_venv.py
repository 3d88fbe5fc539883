"""A machine that is not quite right gets a plain answer from ``make``, not a broken ``.venv``.

``tools/setup_venv.sh`` runs before every make target. These tests run it for real against Pythons
that are too old, lack ``venv``/``ensurepip`` (Debian without python3-venv), or are missing, and against
a ``.venv`` that a removed Python or a cut-short setup left behind. The lock it installs from is a real
hashed lock of one small wheel made here, so pip really checks the hash and no network is needed.
"""

from __future__ import annotations

import base64
import hashlib
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "tools" / "setup_venv.sh"


def _setup(python: str, venv: Path, lock: Path) -> subprocess.CompletedProcess[str]:
    # PIP_NO_INDEX: the wheel is a local file; nothing may be fetched from elsewhere.
    environment = os.environ | {"PIP_NO_INDEX": "1"}
    return subprocess.run(
        ["sh", str(SCRIPT), python, str(venv), str(lock)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


def _wheel(folder: Path) -> Path:
    """A minimal installable wheel ``itasetupprobe`` (one module), written by hand."""
    path = folder / "itasetupprobe-1.0-py3-none-any.whl"
    files = {
        "itasetupprobe.py": "ANSWER = 42\n",
        "itasetupprobe-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: itasetupprobe\nVersion: 1.0\n",
        "itasetupprobe-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    for name, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(text.encode())}")
    record.append("itasetupprobe-1.0.dist-info/RECORD,,")
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
        archive.writestr("itasetupprobe-1.0.dist-info/RECORD", "\n".join(record) + "\n")
    return path


def _lock(folder: Path, wheel: Path, digest: str | None = None) -> Path:
    digest = digest or hashlib.sha256(wheel.read_bytes()).hexdigest()
    lock = folder / "requirements.txt"
    lock.write_text(f"itasetupprobe @ {wheel.as_uri()} --hash=sha256:{digest}\n", encoding="utf-8")
    return lock


def _fake_python(folder: Path, body: str) -> Path:
    """A stand-in for a system Python that answers the script's questions as ``body`` says."""
    path = folder / "fake-python"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def _probe(venv: Path) -> str:
    run = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import itasetupprobe; print(itasetupprobe.ANSWER)"],
        capture_output=True,
        text=True,
    )
    return run.stdout.strip()


def test_a_fresh_setup_installs_the_lock_once(tmp_path: Path) -> None:
    venv, lock = tmp_path / ".venv", _lock(tmp_path, _wheel(tmp_path))
    first = _setup(sys.executable, venv, lock)
    assert first.returncode == 0, first.stderr
    assert _probe(venv) == "42"
    stamp = venv / ".installed-requirements.txt"
    before = stamp.stat().st_mtime_ns
    again = _setup(sys.executable, venv, lock)
    assert again.returncode == 0, again.stderr
    assert stamp.stat().st_mtime_ns == before, "an unchanged lock must not be installed again"


def test_a_file_that_does_not_match_the_lock_is_refused(tmp_path: Path) -> None:
    venv = tmp_path / ".venv"
    lock = _lock(tmp_path, _wheel(tmp_path), digest="0" * 64)
    run = _setup(sys.executable, venv, lock)
    assert run.returncode == 1
    assert "ติดตั้งแพ็กเกจ" in run.stderr and "failed" in run.stderr
    assert "hash" in run.stderr.lower()  # pip's own words about the mismatch
    assert not (venv / ".installed-requirements.txt").exists()
    assert _probe(venv) == ""


def test_python_older_than_3_11_is_named_with_what_to_install(tmp_path: Path) -> None:
    old = _fake_python(tmp_path, 'case "$2" in *">= (3, 11)"*) exit 1;; *) echo 3.10.12;; esac')
    venv = tmp_path / ".venv"
    run = _setup(str(old), venv, tmp_path / "requirements.txt")
    assert run.returncode == 1
    assert "3.10.12" in run.stderr and "ต้องใช้ Python 3.11" in run.stderr
    assert "Python 3.11 or newer is needed" in run.stderr and "python3.11-venv" in run.stderr
    assert not venv.exists()


def test_a_missing_python_is_named(tmp_path: Path) -> None:
    run = _setup("python3-that-is-not-there", tmp_path / ".venv", tmp_path / "requirements.txt")
    assert run.returncode == 1
    assert "ไม่พบโปรแกรม python3-that-is-not-there" in run.stderr and "was not found" in run.stderr


def test_debian_without_python3_venv_is_told_what_to_install(tmp_path: Path) -> None:
    # The real interpreter for every question but one: "import venv, ensurepip" fails, as on Debian.
    no_venv = _fake_python(tmp_path, f'case "$2" in *ensurepip*) exit 1;; *) exec "{sys.executable}" "$@";; esac')
    venv = tmp_path / ".venv"
    run = _setup(str(no_venv), venv, tmp_path / "requirements.txt")
    assert run.returncode == 1
    assert "python3-venv" in run.stderr and "cannot create a virtual environment" in run.stderr
    assert not venv.exists()


@pytest.mark.parametrize("damage", ["python removed", "no pip", "empty folder"])
def test_a_broken_venv_is_rebuilt_by_itself(tmp_path: Path, damage: str) -> None:
    venv, lock = tmp_path / ".venv", _lock(tmp_path, _wheel(tmp_path))
    if damage == "python removed":  # made by a Python that was since uninstalled or upgraded
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        for python in (venv / "bin").glob("python*"):
            python.unlink()
            python.symlink_to(tmp_path / "gone" / "python3")
    elif damage == "no pip":  # what `python3 -m venv` leaves on Debian without python3-venv
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    else:  # a setup cut short before anything was written
        venv.mkdir()
    run = _setup(sys.executable, venv, lock)
    assert run.returncode == 0, run.stderr
    assert "กำลังสร้างใหม่" in run.stderr and "rebuilding it" in run.stderr
    assert _probe(venv) == "42"


def test_every_make_target_that_runs_python_sets_up_first() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    for target in [
        "site",
        "serve",
        "check",
        "pdf",
        "check-live",
        "new-year",
        "markdown",
        "schemas",
        "import",
        "export-xlsx",
        "xlsx-template",
        "publish",
    ]:
        assert f"\n{target}: setup\n" in makefile, target
    assert "\ntest: setup-dev\n" in makefile
    assert 'setup_venv.sh "$(PYTHON)" "$(VENV)" requirements.txt' in makefile
    assert 'setup_venv.sh "$(PYTHON)" "$(VENV)" requirements-dev.txt' in makefile
    assert "\nclean-all: clean\n\trm -rf $(VENV)\n" in makefile
