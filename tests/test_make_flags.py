"""Every yes/no flag reads ``0``, ``no`` and ``false`` as off, as a person means them, with or without make.

Make itself takes any non-empty value as true; ``make import FORCE=0`` once replaced the data files.
The Makefile now passes each flag through as typed (``--force="$(FORCE)"``) and the front door reads
it. Each case takes the real command ``make -n`` prints and reads it with the front door's own
reading, down to the arguments the entry script would get.
"""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT
from frontdoor.cli import read_options
from frontdoor.verbs import VERBS, entry_argv

pytestmark = pytest.mark.posix  # make

# flag → (target and its other arguments, the option the entry script gets when the flag is on)
FLAGS = {
    "FORCE": (["import", "XLSX=ข้อมูล.xlsx"], "--force"),
    "DRY_RUN": (["publish"], "--dry-run"),
    "TRUST_HOST": (["publish"], "--trust-host"),
    "STRICT": (["site"], "--strict"),
}
OFF = ["", "0", "no", "false", "No", "FALSE", " 0 "]
ON = ["1", "yes", "true", "Yes", "TRUE"]


def _entry_arguments(target: list[str], flag: str, value: str) -> list[str]:
    """What the entry script would be given by ``make TARGET FLAG=value``."""
    dry_run = subprocess.run(
        ["make", "-n", *target, f"{flag}={value}"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )
    assert dry_run.returncode == 0, dry_run.stderr
    line = next(line for line in dry_run.stdout.splitlines() if "hooks/ita.py" in line)
    words = shlex.split(line)
    verb = VERBS[words[2]]
    values, _ = read_options(verb, words[3:])
    return entry_argv(verb, values)


@pytest.mark.parametrize("flag", FLAGS)
@pytest.mark.parametrize("value", OFF)
def test_a_flag_set_to_off_adds_nothing(flag: str, value: str) -> None:
    target, option = FLAGS[flag]
    assert option not in _entry_arguments(target, flag, value)


@pytest.mark.parametrize("flag", FLAGS)
@pytest.mark.parametrize("value", ON)
def test_a_flag_set_to_on_adds_its_option(flag: str, value: str) -> None:
    target, option = FLAGS[flag]
    assert option in _entry_arguments(target, flag, value)


@pytest.mark.parametrize("value", ["maybe", "2", "yes no"])
def test_a_flag_that_is_neither_stops_before_anything_runs(value: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    result = subprocess.run(
        ["make", "import", "XLSX=ข้อมูล.xlsx", f"DATA={data}", f"FORCE={value}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"--force={value} is not a yes or no" in result.stderr and f'found "{value}"' in result.stderr
    assert f"--force={value} ใช้ไม่ได้" in result.stderr and "Traceback" not in result.stderr
    assert "ข้อมูล.xlsx" not in result.stderr.replace(f"--force={value}", "")  # the import never started
    assert list(data.iterdir()) == []


def test_the_front_door_reads_a_bare_flag_as_on_without_make() -> None:
    values, _ = read_options(VERBS["import"], ["--xlsx", "a.xlsx", "--force"])
    assert values["--force"] is True
    values, _ = read_options(VERBS["import"], ["--xlsx", "a.xlsx", "--force=0"])
    assert values["--force"] is False
    values, _ = read_options(VERBS["import"], ["--xlsx", "a.xlsx"])
    assert values["--force"] is False
