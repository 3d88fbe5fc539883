"""The engine's part of a ``make serve`` rebuild at about 35, 300 and 1,000 pages, after no change and
after a one-score edit, against its first build (MkDocs' own rebuild of every page is not counted).

    .venv/bin/python tests/bench/serve_rebuild.py [--sizes 35,300,1000]

Drives the adapter's ``_engine`` as ``mkdocs serve`` runs it, on the synthetic agency of
``build_speed.py``; prints CPU seconds and what was parsed, validated and rendered again.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
import ita_hooks
from build_speed import DEMO, SHAPES, synthetic_agency


def _timed(data: Path) -> float:
    started = time.process_time()
    ita_hooks._engine(data)
    return time.process_time() - started


def _edit_one_score(data: Path) -> None:
    newest = max((data / "years").glob("*.yml"))
    text = newest.read_text(encoding="utf-8")
    found = re.search(r"score: \d+\.\d*(\d)", text)
    assert found is not None, newest
    other = "7" if found[1] != "7" else "3"
    newest.write_text(text[: found.end() - 1] + other + text[found.end() :], "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="35,300,1000")
    args = parser.parse_args()
    ita_hooks._PROCESS["command"] = "serve"
    with tempfile.TemporaryDirectory(prefix="serve-rebuild-") as temporary:
        for size in (int(s) for s in args.sizes.split(",")):
            years, measures = SHAPES[size]
            data = Path(temporary) / f"data-{size}"
            if years == 0:
                shutil.copytree(DEMO, data)
            else:
                synthetic_agency(data, years, measures)
            memo = ita_hooks._SERVE_MEMO = ita_hooks._ServeMemo()
            first = _timed(data)
            unchanged = _timed(data)
            _edit_one_score(data)
            edited = _timed(data)
            pages = len(memo.last[2].pages) if memo.last else 0
            print(
                f"{pages:>5} engine pages | first build {first:5.2f} s | no change {unchanged:6.3f} s "
                f"({unchanged / first:.3f}x) | one score {edited:5.2f} s ({edited / first:.2f}x): "
                f"{memo.load.parses} file parsed, {memo.render.renders} year pages rendered again"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
