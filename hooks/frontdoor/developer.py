"""The developers' verbs: ``test`` (what CI runs), ``lock`` (pin the packages) and ``clean``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from frontdoor.console import say

LEFT_BEHIND = ("site", ".cache", ".pytest_cache", ".mypy_cache", ".ruff_cache")
"""What builds and tests leave in the project; ``clean --all`` removes ``.venv`` too."""


def test(project: Path, passed_on: list[str]) -> int:
    """Lint, format check, strict type check, then the tests; the first that fails stops the rest."""
    python = sys.executable
    steps = [
        [python, "-m", "ruff", "check", "hooks", "tests"],
        [python, "-m", "ruff", "format", "--check", "hooks", "tests"],
        [python, "-m", "mypy", "hooks"],
        [python, "-m", "pytest", "-q", *passed_on],
    ]
    for step in steps:
        finished = subprocess.run(step, cwd=project, check=False)
        if finished.returncode != 0:
            return finished.returncode
    return 0


def lock(project: Path) -> int:
    """requirements*.in → requirements*.txt, every package pinned with the hashes of its files."""
    uv = [sys.executable, "-m", "uv", "pip", "compile", "--quiet", "--universal", "--python-version", "3.11"]
    for source, locked in (("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")):
        finished = subprocess.run([*uv, "--generate-hashes", source, "-o", locked], cwd=project, check=False)
        if finished.returncode != 0:
            return finished.returncode
    return 0


def clean(project: Path, *, everything: bool) -> int:
    names = [*LEFT_BEHIND, ".venv"] if everything else list(LEFT_BEHIND)
    for name in names:
        path = project / name
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            elif path.exists() or path.is_symlink():
                path.unlink()
        except OSError as exc:
            say(
                f"ลบ {path} ไม่ได้ ({exc.strerror}) ปิดโปรแกรมที่เปิดไฟล์ในนั้นอยู่ แล้วสั่งอีกครั้ง",
                f"Cannot remove {path} ({exc.strerror}); close any program using a file in it and run it again.",
            )
            return 1
    if not everything:
        print("(.venv ยังอยู่ ใช้ clean --all เพื่อลบด้วย / .venv is kept; clean --all removes it too)")
    return 0
