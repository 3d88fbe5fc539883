"""The front door, ``python3 hooks/ita.py VERB``: the one way in, with or without make, on any console.

Run for real with the machine's ``python3`` where it can be (the build, the help, the mistakes, the
preview opening the browser); what only Windows has (its venv layout) is checked as the functions
that hold it, in test_bootstrap.py.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DEMO_DATA, PROJECT_ROOT
from frontdoor.cli import read_options
from frontdoor.verbs import VERBS
from test_bootstrap import _project

PYTHON = (shutil.which("python3") if os.name != "nt" else None) or sys.executable
"""The Python a webmaster types (``python3 hooks/ita.py``), not the test's .venv one; on Windows the
tests' own, since ``python3`` there may be Microsoft Store's stand-in that only opens the Store."""
ITA = str(PROJECT_ROOT / "hooks" / "ita.py")
THAI = re.compile("[\u0e00-\u0e7f]")


def _ita(
    *arguments: str, environment: dict[str, str] | None = None, cwd: Path = PROJECT_ROOT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, ITA, *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ | (environment or {}),
        timeout=600,
        check=False,
    )


def test_the_help_lists_every_verb_in_thai_and_english() -> None:
    run = _ita("--help")
    assert run.returncode == 0, run.stderr
    for name, verb in VERBS.items():
        line = next(line for line in run.stdout.splitlines() if line.split()[:1] == [name])
        assert verb.thai in line and THAI.search(line), name
        assert verb.english in run.stdout
    assert "import-docx" in VERBS and {"site", "serve", "check", "pdf", "publish", "check-live"} <= set(VERBS)


def test_a_verbs_help_names_its_options_in_thai_and_english() -> None:
    run = _ita("import", "--help")
    assert run.returncode == 0, run.stderr
    for option in VERBS["import"].options:
        assert option.name in run.stdout and option.thai in run.stdout and option.english in run.stdout


def test_thai_reaches_a_console_whose_code_page_has_no_thai() -> None:
    # A Windows console left at code page 437, or output redirected to a file: Python would write in
    # that encoding and fail on the first Thai letter. The front door writes UTF-8 whatever it is.
    run = subprocess.run([PYTHON, ITA, "--help"], capture_output=True, env=os.environ | {"PYTHONIOENCODING": "cp437"})
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    assert "สร้างเว็บไซต์จากข้อมูล" in run.stdout.decode("utf-8")


def test_site_builds_without_make(tmp_path: Path) -> None:
    out = tmp_path / "เว็บ ไซต์"
    run = _ita("site", "--data", str(DEMO_DATA), "--out", str(out), cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (out / "index.html").is_file() and (out / "ita" / "2569" / "index.html").is_file()
    assert "สร้างเว็บไซต์เรียบร้อย" in run.stdout


def test_left_out_folders_are_the_projects_own_wherever_the_command_is_typed() -> None:
    values, _ = read_options(VERBS["site"], [])
    assert values["--data"] == str(PROJECT_ROOT / "data") and values["--out"] == str(PROJECT_ROOT / "site")
    values, _ = read_options(VERBS["site"], ["--data", r"D:\งาน ITA\data"])
    assert values["--data"] == r"D:\งาน ITA\data"  # as typed, backslashes and all: the script resolves it


@pytest.mark.posix
def test_every_makefile_target_is_one_call_of_the_front_door() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    recipes = dict(re.findall(r"^([a-z-]+):\n((?:\t.*\n)+)", makefile, flags=re.MULTILINE))
    phony = set(re.search(r"^\.PHONY: (.*)$", makefile, flags=re.MULTILINE).group(1).split())  # type: ignore[union-attr]
    assert set(recipes) == phony
    for target, recipe in recipes.items():
        lines = recipe.splitlines()
        assert len(lines) == 1 and lines[0].startswith("\t$(ITA) "), target
        verb = lines[0].split()[1]
        assert verb == target.removesuffix("-all").removesuffix("-dev"), target
    assert set(VERBS) <= set(recipes)
    assert "ITA = $(firstword $(wildcard .venv/bin/python .venv/Scripts/python.exe) $(PYTHON)) hooks/ita.py" in makefile


def test_a_mistyped_command_is_said_in_thai_and_english() -> None:
    unknown = _ita("biuld")
    assert unknown.returncode == 2 and "ไม่มีคำสั่ง “biuld”" in unknown.stderr and "no verb “biuld”" in unknown.stderr
    missing = _ita("import", "--data", "data")
    assert missing.returncode == 2
    assert "ต้องมี --xlsx" in missing.stderr and "needs --xlsx" in missing.stderr
    wrong = _ita("new-year", "--year", "70")
    assert wrong.returncode == 2 and 'found "70"' in wrong.stderr and "ปี พ.ศ. สี่หลัก" in wrong.stderr
    stray = _ita("site", "--dara", "data")
    assert stray.returncode == 2 and "--dara" in stray.stderr and "ไม่รู้จัก" in stray.stderr
    for run in (unknown, missing, wrong, stray):
        assert "Traceback" not in run.stderr


def test_the_word_import_runs_through_the_front_door(tmp_path: Path) -> None:
    run = _ita("import-docx", "--docx", str(tmp_path / "มาตรการ.docx"), "--data", str(DEMO_DATA))
    assert run.returncode == 1, run.stderr
    assert "no such file" in run.stderr and "มาตรการ.docx" in run.stderr and "Traceback" not in run.stderr


def test_a_verb_whose_script_is_missing_says_so_before_setting_anything_up(tmp_path: Path) -> None:
    project = _project(tmp_path)  # the front door alone: no hooks/import_docx.py
    run = subprocess.run(
        [PYTHON, str(project / "hooks" / "ita.py"), "import-docx", "--docx", "รายงาน.docx"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode == 2
    assert "import_docx.py ของโครงการ" in run.stderr and "import_docx.py of the project is missing" in run.stderr
    assert not (project / ".venv").exists()  # nothing was set up for a verb that cannot run


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.posix
def test_serve_opens_the_preview_in_the_browser(tmp_path: Path) -> None:
    # Python's webbrowser module runs the command in $BROWSER: a script that notes the address.
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    address = f"127.0.0.1:{_free_port()}"
    preview = subprocess.Popen(
        [PYTHON, ITA, "serve", "--data", str(DEMO_DATA), "--address", address],
        cwd=PROJECT_ROOT,
        env=os.environ | {"BROWSER": f"{browser} %s"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not (opened.exists() and opened.read_text(encoding="utf-8").strip()):
            assert preview.poll() is None, preview.communicate()[1]
            assert time.monotonic() < deadline, "the browser was never opened"
            time.sleep(0.3)
        assert opened.read_text(encoding="utf-8").strip() == f"http://{address}/"
    finally:
        os.killpg(preview.pid, signal.SIGINT)  # Ctrl+C, as a webmaster stops it
        preview.wait(timeout=60)


def test_ita_cmd_runs_the_front_door_and_says_how_to_get_python() -> None:
    # cmd.exe cannot run here: what it depends on is checked in the file itself (the workflow runs it
    # on windows-latest).
    raw = (PROJECT_ROOT / "ita.cmd").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n"), "cmd.exe needs CRLF line endings"
    text = raw.decode("utf-8")
    before_utf8 = text[: text.index("chcp 65001")]
    assert before_utf8.isascii(), "lines before chcp 65001 are read in the old code page"
    assert '"%~dp0hooks\\ita.py" %*' in text and "py -3" in text
    assert "Add python.exe to PATH" in text and "https://www.python.org/downloads/" in text
    assert "ติ๊ก" in text and "ไม่พบ Python" in text


def test_the_workflow_runs_site_check_and_tests_on_windows_and_linux() -> None:
    import yaml

    workflow = yaml.safe_load((PROJECT_ROOT / ".github" / "workflows" / "front-door.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["front-door"]
    assert set(job["strategy"]["matrix"]["os"]) == {"windows-latest", "ubuntu-latest"}
    commands = " ".join(step.get("run", "") for step in job["steps"])
    for verb in ("site", "check", "test"):
        assert f"python hooks/ita.py {verb} " in commands, verb
    assert "ita site " in commands  # ita.cmd itself
    for needs_debian in ("test_browser_search.py", "test_publish.py", "test_print_document.py", "test_qr_images.py"):
        assert f"--ignore=tests/{needs_debian}" in commands


def test_the_windows_keyring_backend_comes_from_the_lock() -> None:
    # publish reads its password from the keyring; on Windows that is the Credential Manager, which
    # keyring reaches through pywin32-ctypes: installed from the hashed lock on Windows only.
    lock = (PROJECT_ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "pywin32-ctypes==" in lock and "pywin32-ctypes==0.2.3 ; sys_platform == 'win32'" in lock
    assert "\nkeyring==" in lock
