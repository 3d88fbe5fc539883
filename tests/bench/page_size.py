"""Page size and build time with and without Material's ``navigation.prune``, measured in one run.

    .venv/bin/python tests/bench/page_size.py [--data DIR]

Builds the data (the demo by default) twice: with the project's mkdocs.yml, and with a copy of it
that drops ``navigation.prune``. Prints the mean HTML page size and the build time of each, and their
ratios. Figures are ratios from one run on one machine, not targets.
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


def _build(config: Path, data: Path, out: Path) -> float:
    environment = os.environ | {"ITA_DATA": str(data.resolve()), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(out)]
    subprocess.run(command, env=environment, check=True)
    return time.perf_counter() - started


def _mean_page_bytes(site: Path) -> float:
    return statistics.mean(page.stat().st_size for page in site.rglob("*.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PROJECT_ROOT / "data")
    data = parser.parse_args().data
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        pruned_config = PROJECT_ROOT / "mkdocs.yml"
        # Same directory as the original, so that docs/, overrides/ and hooks/ resolve the same way.
        unpruned_config = PROJECT_ROOT / f".mkdocs-unpruned-{os.getpid()}.yml"
        text = pruned_config.read_text(encoding="utf-8")
        unpruned_config.write_text(text.replace("    - navigation.prune", "", 1), encoding="utf-8")
        try:
            pruned_time = _build(pruned_config, data, scratch / "pruned")
            unpruned_time = _build(unpruned_config, data, scratch / "unpruned")
        finally:
            unpruned_config.unlink()
        pruned = _mean_page_bytes(scratch / "pruned")
        unpruned = _mean_page_bytes(scratch / "unpruned")
        pages = len(list((scratch / "pruned").rglob("*.html")))
    print(f"data: {data} ({pages} pages)")
    print(
        f"mean page size   pruned {pruned / 1024:7.1f} KiB   unpruned {unpruned / 1024:7.1f} KiB   ratio {unpruned / pruned:.2f}x"
    )
    print(
        f"build time       pruned {pruned_time:7.2f} s     unpruned {unpruned_time:7.2f} s     ratio {unpruned_time / pruned_time:.2f}x"
    )


if __name__ == "__main__":
    main()
