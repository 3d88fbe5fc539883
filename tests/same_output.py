"""Does a change of the engine leave the published sites byte for byte as they were?

Builds the demo and every example twice, once with the working tree and once with an earlier
commit checked out into a temporary worktree, and compares every file of every site:

    .venv/bin/python tests/same_output.py            # against HEAD
    .venv/bin/python tests/same_output.py main~3     # against any commit

Prints one line per site and every file that differs, is missing or is new; exits 1 on any
difference. Both builds run on the same day, so the home page's survey notice (the one output
that depends on today's date) is the same in both.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dirs(project: Path) -> list[Path]:
    examples = sorted(p for p in (project / "examples").iterdir() if (p / "agency.yml").is_file())
    return [project / "data", *examples]


def build(project: Path, data_dir: Path, out: Path) -> None:
    command = [sys.executable, str(project / "hooks" / "build_site.py"), "--data", str(data_dir), "--out", str(out)]
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"build of {data_dir} with {project} failed:\n{result.stdout}\n{result.stderr}")


def fingerprint(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def compare(name: str, before: dict[str, str], after: dict[str, str]) -> list[str]:
    lines = [f"  changed: {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    lines += [f"  missing now: {p}" for p in sorted(before.keys() - after.keys())]
    lines += [f"  new: {p}" for p in sorted(after.keys() - before.keys())]
    print(f"{name}: {len(after)} files, {'identical' if not lines else f'{len(lines)} differences'}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit", nargs="?", default="HEAD", help="the commit to compare with (default HEAD)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="same-output-") as temporary:
        work = Path(temporary)
        earlier = work / "earlier"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "-q", str(earlier), args.commit], cwd=PROJECT_ROOT, check=True
        )
        try:
            differences = 0
            for data_dir in data_dirs(PROJECT_ROOT):
                name = data_dir.relative_to(PROJECT_ROOT).as_posix()
                build(earlier, earlier / name, work / "before" / name / "site")
                build(PROJECT_ROOT, data_dir, work / "after" / name / "site")
                lines = compare(
                    name, fingerprint(work / "before" / name / "site"), fingerprint(work / "after" / name / "site")
                )
                differences += len(lines)
                for line in lines:
                    print(line)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(earlier)], cwd=PROJECT_ROOT, check=False)
    print("byte-identical" if differences == 0 else f"{differences} differences")
    return 0 if differences == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
