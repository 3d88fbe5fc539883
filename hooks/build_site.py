"""Build the site without ever losing the last good one: ``python hooks/build_site.py``.

MkDocs builds into a fresh directory beside the output; only when the build succeeds does that
directory replace the output. A failed build leaves the previous site whole, ready to upload.

    python hooks/build_site.py [--data data] [--out site] [--strict]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="สร้างเว็บไซต์จากข้อมูล / build the site from data")
    parser.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล / data directory (default: data)")
    parser.add_argument("--out", default="site", help="โฟลเดอร์ผลลัพธ์ / output directory (default: site)")
    parser.add_argument("--strict", action="store_true", help="คำเตือนถือเป็นข้อผิดพลาด / treat warnings as errors")
    parser.add_argument("--config", default=str(PROJECT_ROOT / "mkdocs.yml"), help="mkdocs.yml to use")
    return parser.parse_args(argv)


def _replace(output: Path, fresh: Path) -> None:
    """Swap the fresh build in; the old site is removed only once the new one is in place."""
    previous = output.with_name(f".{output.name}.previous")
    if previous.exists():
        shutil.rmtree(previous)
    if output.exists():
        output.rename(previous)
    fresh.rename(output)
    if previous.exists():
        shutil.rmtree(previous)


def build(data: Path, output: Path, *, strict: bool, config: Path) -> int:
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    fresh = output.with_name(f".{output.name}.building-{os.getpid()}")
    environment = os.environ | {"ITA_DATA": str(data.resolve()), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config), "--site-dir", str(fresh)]
    if strict:
        command.append("--strict")
    try:
        result = subprocess.run(command, env=environment, check=False)
        if result.returncode != 0:
            kept = "เว็บไซต์เดิมยังอยู่ครบ" if output.exists() else "ยังไม่มีเว็บไซต์เดิม"
            print(
                f"\nสร้างเว็บไซต์ไม่สำเร็จ: {kept} ที่ {output} (ไม่มีการเปลี่ยนแปลง)\nBuild failed: {output} was left unchanged.",
                file=sys.stderr,
            )
            return result.returncode
        _replace(output, fresh)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)
    print(f"สร้างเว็บไซต์เรียบร้อย / site built: {output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    return build(Path(args.data), Path(args.out), strict=args.strict, config=Path(args.config))


if __name__ == "__main__":
    sys.exit(main())
