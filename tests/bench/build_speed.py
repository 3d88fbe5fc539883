"""Build time and peak memory of this project against plain MkDocs + Material on the same pages.

    .venv/bin/python tests/bench/build_speed.py                 # about 35, 300 and 1,000 pages, 5 runs each
    .venv/bin/python tests/bench/build_speed.py --sizes 35,300 --runs 3

A synthetic agency is made from the demo data: its fiscal-year file repeated for many years, its
measures multiplied. Each size is built interleaved, run for run, by ``mkdocs build`` with the
project's hooks (the engine reads the YAML) and by plain ``mkdocs build`` on the folder that
``make markdown`` writes from the same data (no hooks: the fair baseline). Prints CPU seconds
(min and median) and peak memory of each side, and their ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEMO = PROJECT_ROOT / "data"
NEWEST = 2569
FIRST = 2501
"""Synthetic years run from here: dates must stay within B.E. 2500–2700."""
SHAPES = {35: (0, 0), 300: (47, 20), 1000: (163, 100)}
"""Pages → (fiscal years, measures per year) of the synthetic agency; (0, 0) is the demo itself."""


def synthetic_agency(target: Path, years: int, measures: int) -> Path:
    """The demo agency with ``years`` fiscal years from 2501, each with ``measures`` measures."""
    shutil.copytree(DEMO, target, ignore=shutil.ignore_patterns("years", "oit"))
    (target / "years").mkdir()
    template = (DEMO / "years" / f"{NEWEST}.yml").read_text(encoding="utf-8")
    for fiscal_year in range(FIRST, FIRST + years):
        text = template.replace(str(NEWEST - 1), "@PREVIOUS@").replace(str(NEWEST), str(fiscal_year))
        year: dict[str, Any] = yaml.safe_load(text.replace("@PREVIOUS@", str(fiscal_year - 1)))
        _multiply_measures(year, measures)
        text = yaml.dump(year, Dumper=_AsTyped, allow_unicode=True)
        (target / "years" / f"{fiscal_year}.yml").write_text(text, "utf-8")
    return target


class _AsTyped(yaml.SafeDumper):
    """Writes every value out, as a webmaster types it: no anchors and aliases (``&id001``/``*id001``)
    for the measures that were copied, which no one writes by hand."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _multiply_measures(year: dict[str, Any], count: int) -> None:
    originals = year["measures"]["items"]
    renamed = {m["id"]: f"{m['id']}-{i}" for i, m in enumerate(originals)}
    year["measures"]["items"] = [
        {**originals[k % len(originals)], "id": f"{originals[k % len(originals)]['id']}-{k}"} for k in range(count)
    ]
    for report in year.get("progress_reports", []):
        for item in report["items"]:
            item["measure"] = renamed[item["measure"]]


def _run(command: list[str], cwd: Path, environment: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, peak memory in MB) of one build, from the kernel's own accounting."""
    child = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit(f"build failed: {' '.join(command)}\n{child.stderr.read().decode() if child.stderr else ''}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(size: int, runs: int, work: Path) -> dict[str, Any]:
    years, measures = SHAPES[size]
    data = DEMO if years == 0 else synthetic_agency(work / f"data-{size}", years, measures)
    export = work / f"markdown-{size}"
    subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "hooks" / "write_markdown.py"), "--data", str(data), "--out", str(export)],
        check=True,
        capture_output=True,
    )
    # Both sides' own modules compiled beforehand, as pip compiled the packages (make's setup compiles
    # hooks/): with PYTHONDONTWRITEBYTECODE set, each build would otherwise compile them from source.
    for code in (PROJECT_ROOT / "hooks", export):
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(code)], check=True, capture_output=True)
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1", "ITA_DATA": str(data)}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    ours = [*mkdocs, "-f", str(PROJECT_ROOT / "mkdocs.yml"), "-d", str(work / f"ours-{size}")]
    plain = [*mkdocs, "-f", str(export / "mkdocs.yml"), "-d", str(work / f"plain-{size}")]
    results: dict[str, list[tuple[float, float]]] = {"ours": [], "plain": []}
    for _ in range(runs):
        results["ours"].append(_run(ours, PROJECT_ROOT, environment))
        results["plain"].append(_run(plain, export, environment))
    pages = len(list((work / f"plain-{size}").rglob("*.html")))
    return {"pages": pages, **results}


def report(row: dict[str, Any]) -> str:
    ours, plain = ([cpu for cpu, _ in row[side]] for side in ("ours", "plain"))
    memory = [max(mb for _, mb in row[side]) for side in ("ours", "plain")]
    median = statistics.median(ours) / statistics.median(plain)
    return (
        f"{row['pages']:>6} pages | ours {min(ours):6.2f} s min, {statistics.median(ours):6.2f} s median | "
        f"plain {min(plain):6.2f} s min, {statistics.median(plain):6.2f} s median | "
        f"ratio {min(ours) / min(plain):.2f}x min, {median:.2f}x median | "
        f"memory {memory[0]:.0f} MB vs {memory[1]:.0f} MB ({memory[0] / memory[1]:.2f}x)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="35,300,1000", help="pages, from " + ", ".join(map(str, SHAPES)))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="build-speed-") as temporary:
        for size in (int(s) for s in args.sizes.split(",")):
            print(report(measure(size, args.runs, Path(temporary))), flush=True)
    print(
        f"({args.runs} interleaved runs per side, CPU seconds of each build, {time.monotonic() - started:.0f} s in all)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
