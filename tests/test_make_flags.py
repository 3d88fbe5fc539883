"""Every yes/no flag of the Makefile reads ``0``, ``no`` and ``false`` as off, as a person means them.

Make itself takes any non-empty value as true; ``make import FORCE=0`` once replaced the data files.
Each case runs the real ``make -n``, which prints the command a target would run without running it.
"""

from __future__ import annotations

import subprocess

import pytest
from conftest import PROJECT_ROOT

# flag → (target and its other arguments, the option the flag adds to the command)
FLAGS = {
    "FORCE": (["import", "XLSX=ข้อมูล.xlsx"], "--force"),
    "DRY_RUN": (["publish"], "--dry-run"),
    "TRUST_HOST": (["publish"], "--trust-host"),
    "STRICT": (["site"], "--strict"),
}
OFF = ["", "0", "no", "false", "No", "FALSE", " 0 "]
ON = ["1", "yes", "true", "Yes", "TRUE"]


def _dry_run(target: list[str], flag: str, value: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-n", *target, f"{flag}={value}"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )


def _command(result: subprocess.CompletedProcess[str], script: str) -> str:
    assert result.returncode == 0, result.stderr
    return next(line for line in result.stdout.splitlines() if script in line)


@pytest.mark.parametrize("flag", FLAGS)
@pytest.mark.parametrize("value", OFF)
def test_a_flag_set_to_off_adds_nothing(flag: str, value: str) -> None:
    target, option = FLAGS[flag]
    assert option not in _command(_dry_run(target, flag, value), "hooks/")


@pytest.mark.parametrize("flag", FLAGS)
@pytest.mark.parametrize("value", ON)
def test_a_flag_set_to_on_adds_its_option(flag: str, value: str) -> None:
    target, option = FLAGS[flag]
    assert option in _command(_dry_run(target, flag, value), "hooks/").split()


@pytest.mark.parametrize("value", ["maybe", "2", "yes no"])
def test_a_flag_that_is_neither_stops_make_before_anything_runs(value: str) -> None:
    result = _dry_run(["import", "XLSX=ข้อมูล.xlsx"], "FORCE", value)
    assert result.returncode != 0
    assert "hooks/import_xlsx.py" not in result.stdout
    assert f"FORCE={value} is not a yes or no" in result.stderr and f'found "{value}"' in result.stderr
    assert f"FORCE={value} ใช้ไม่ได้" in result.stderr
