"""Built sites of the synthetic agency at about 35, 300 and 1,000 pages, shared by the visitor benchmarks.

The agency is build_speed.py's (the demo data, its fiscal year repeated and its measures multiplied);
each size is built once with ``hooks/build_site.py`` into a work folder and reused while that folder
is kept (``--work DIR`` in the benchmarks that import this).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from build_speed import DEMO, PROJECT_ROOT, SHAPES, synthetic_agency

SIZES = sorted(SHAPES)


def built_site(size: int, work: Path) -> Path:
    """The site of the synthetic agency of about ``size`` pages, built into ``work`` unless it is there."""
    site = work / f"site-{size}"
    if (site / "index.html").is_file():
        return site
    years, measures = SHAPES[size]
    shutil.rmtree(work / f"data-{size}", ignore_errors=True)  # what an interrupted run left
    data = DEMO if years == 0 else synthetic_agency(work / f"data-{size}", years, measures)
    command = [sys.executable, str(PROJECT_ROOT / "hooks" / "build_site.py"), "--data", str(data), "--out", str(site)]
    print(f"building {size} pages …", file=sys.stderr)
    subprocess.run(command, check=True, capture_output=True, cwd=PROJECT_ROOT)
    return site


def pages_of(site: Path) -> list[Path]:
    """Every HTML page of a built site (the 404 page too)."""
    return sorted(site.rglob("*.html"))
