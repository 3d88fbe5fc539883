"""What the front door costs: its setup check when the lock has not changed, and ``make site`` as a whole.

    .venv/bin/python tests/bench/front_door_speed.py              # 9 interleaved rounds
    .venv/bin/python tests/bench/front_door_speed.py --runs 15

1. The bootstrap's check with an unchanged lock (limit 30 ms): ``ensure_venv`` timed inside one
   process, and ``python3 hooks/ita.py setup`` as a command against ``python3 -c pass`` (the same
   interpreter starting and doing nothing), so the difference is the front door's own start and check.
2. A second ``make site`` of the demo against plain ``python -m mkdocs build`` of the Markdown that
   ``make markdown`` exports from the same data (limit 1.15×): wall-clock seconds, the two run in
   turns (interleaved) so that a busy moment of the machine falls on both. The first ``make site``
   (the one that may set up ``.venv``) is run before and not counted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_ROOT / "hooks"))

from frontdoor.bootstrap import BUILD_LOCK, ensure_venv  # noqa: E402 - after the path above

VENV = PROJECT_ROOT / ".venv"
SYSTEM_PYTHON = str(getattr(sys, "_base_executable", sys.executable))
"""The Python ``.venv`` was made from, called by its real path: a launcher in between (pyenv's shim, a
shell script) would add its own start to both sides of the comparison and blur it."""


def _wall(command: list[str], cwd: Path = PROJECT_ROOT, environment: dict[str, str] | None = None) -> float:
    return _timed(command, cwd, environment)[0]


def _timed(command: list[str], cwd: Path, environment: dict[str, str] | None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and every process it waited for) of one run.

    The CPU figure is printed beside the judged wall-clock one because this machine is shared: other
    work lengthens the wall time of whichever side it falls on, but hardly the CPU time.
    """
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}\n{errors.decode('utf-8', 'replace')}")
    return elapsed, usage.ru_utime + usage.ru_stime


def bootstrap_check(repeats: int) -> None:
    lock = PROJECT_ROOT / BUILD_LOCK
    ensure_venv(VENV, lock)  # set up first: only the unchanged-lock case is measured
    inside = []
    for _ in range(repeats * 20):
        started = time.perf_counter()
        ensure_venv(VENV, lock)
        inside.append(time.perf_counter() - started)
    command, empty = [], []
    for _ in range(repeats * 4):  # interleaved, as below
        command.append(_wall([SYSTEM_PYTHON, str(PROJECT_ROOT / "hooks" / "ita.py"), "setup"]))
        empty.append(_wall([SYSTEM_PYTHON, "-c", "pass"]))
    own = statistics.median(command) - statistics.median(empty)
    print(f"bootstrap, lock unchanged: ensure_venv {statistics.median(inside) * 1000:.2f} ms median in-process")
    print(
        f"  {SYSTEM_PYTHON} hooks/ita.py setup {statistics.median(command) * 1000:.1f} ms vs -c pass "
        f"{statistics.median(empty) * 1000:.1f} ms (median of {len(command)}): the front door's own part "
        f"{own * 1000:.1f} ms (limit 30 ms)"
    )


def second_make_site(runs: int, work: Path) -> None:
    export = work / "markdown"
    python = str(VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python"))
    subprocess.run(
        [python, "hooks/write_markdown.py", "--data", "data", "--out", str(export)], cwd=PROJECT_ROOT, check=True
    )
    # Plain MkDocs' side gets its modules compiled beforehand too, as the front door compiles hooks/.
    subprocess.run([python, "-m", "compileall", "-q", str(export)], check=True, capture_output=True)
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1", "ITA_DATA": str(PROJECT_ROOT / "data")}
    build = [python, "-m", "mkdocs", "build", "-q", "-d"]
    sides = {
        # what is judged, and two steps down to see where the difference goes
        "make site": (["make", "site", f"OUT={work / 'site'}"], PROJECT_ROOT),
        "build_site.py": ([python, "hooks/build_site.py", "--out", str(work / "built")], PROJECT_ROOT),
        "mkdocs with the hooks": ([*build, str(work / "hooked"), "-f", "mkdocs.yml"], PROJECT_ROOT),
        "plain mkdocs": ([*build, str(work / "plain"), "-f", str(export / "mkdocs.yml")], export),
    }
    for command, cwd in sides.values():  # the first make site, which may set .venv up: not counted
        _wall(command, cwd, environment)
    times: dict[str, list[float]] = {name: [] for name in sides}
    cpu: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(runs):
        for name, (command, cwd) in sides.items():
            wall, used = _timed(command, cwd, environment)
            times[name].append(wall)
            cpu[name].append(used)
    for name in sides:
        ratio = statistics.median(times[name]) / statistics.median(times["plain mkdocs"])
        cpu_ratio = statistics.median(cpu[name]) / statistics.median(cpu["plain mkdocs"])
        print(
            f"{name:>22}: wall {statistics.median(times[name]):.3f} s median ({min(times[name]):.3f} min), "
            f"{ratio:.2f}x | CPU {statistics.median(cpu[name]):.3f} s, {cpu_ratio:.2f}x of plain mkdocs"
        )
    print(f"(limit for make site: 1.15x wall; {runs} interleaved rounds, medians, demo data)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="interleaved rounds of builds")
    args = parser.parse_args()
    bootstrap_check(args.runs)
    with tempfile.TemporaryDirectory(prefix="front-door-speed-") as work:
        second_make_site(args.runs, Path(work))
    return 0


if __name__ == "__main__":
    sys.exit(main())
