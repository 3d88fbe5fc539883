"""Build the site without ever losing the last good one: ``python hooks/build_site.py``.

MkDocs builds into a fresh directory beside the output; only when the build succeeds does that
directory replace the output. A failed build leaves the previous site whole, ready to upload.

    python hooks/build_site.py [--data data] [--out site] [--strict] [--builder properdocs]

The builder is MkDocs 1.6, or ProperDocs, its maintained drop-in fork (the same hooks, theme and pages;
only the generator tag differs): see docs-dev/builders.md for why and what a later move would take.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import signal
import sys
from pathlib import Path
from types import FrameType

from itagen.publish.build_output import explain
from itagen.publish.output_dir import building_dir, clean_leftovers, mark_as_built, refusal, swap_in

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUILDERS = ("mkdocs", "properdocs")
PAGES_DIR = PROJECT_ROOT / "docs"
"""mkdocs.yml's docs_dir: the hand-written pages, never a place for the output."""
PROJECT_SOURCES = [PROJECT_ROOT / name for name in ("docs", "hooks", "overrides", "tests", "examples", ".git")]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="สร้างเว็บไซต์จากข้อมูล / build the site from data")
    parser.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล / data directory (default: data)")
    parser.add_argument("--out", default="site", help="โฟลเดอร์ผลลัพธ์ / output directory (default: site)")
    parser.add_argument("--strict", action="store_true", help="คำเตือนถือเป็นข้อผิดพลาด / treat warnings as errors")
    parser.add_argument(
        "--oit-strict",
        action="store_true",
        help="รายการ OIT ที่ยังไม่มีหลักฐานถือเป็นข้อผิดพลาด / fail when an OIT checklist item has no evidence",
    )
    parser.add_argument("--config", default=str(PROJECT_ROOT / "mkdocs.yml"), help="mkdocs.yml to use")
    parser.add_argument(
        "--builder",
        choices=BUILDERS,
        default="mkdocs",
        help="โปรแกรมสร้างเว็บไซต์ / the site builder: mkdocs (default) or properdocs, its maintained fork",
    )
    return parser.parse_args(argv)


def _interrupted(signum: int, frame: FrameType | None) -> None:
    # A closed terminal or a killed job must still run the clean-up below, as Ctrl+C does.
    raise KeyboardInterrupt


def _run_builder(builder: str, arguments: list[str], environment: dict[str, str]) -> int:
    """Run MkDocs' own command line in this process, its failures said in plain words.

    In this process rather than a child: a second Python starting and importing the engine again cost
    about 5 % of a demo build. MkDocs' messages reach the terminal as they do from ``mkdocs build``.
    """
    import click  # MkDocs' command line; imported here, after the checks above found the builder

    os.environ.update(environment)  # the MkDocs hook reads the data folder from ITA_DATA
    command_line = importlib.import_module(f"{builder}.__main__").cli
    try:
        command_line.main(args=arguments, prog_name=builder, standalone_mode=False)
    except click.exceptions.Abort as aborted:  # how click passes Ctrl+C on
        raise KeyboardInterrupt from aborted
    except click.ClickException as refused:  # MkDocs' own "Aborted with a BuildError!", a wrong option
        refused.show()
        return refused.exit_code
    except Exception as error:  # whatever failed deep inside MkDocs is said in one sentence
        print(explain(f"{type(error).__name__}: {error}"), file=sys.stderr)
        return 1
    return 0


def build(data: Path, output: Path, *, strict: bool, config: Path, builder: str = "mkdocs") -> int:
    if importlib.util.find_spec(builder) is None:
        print(
            f"ไม่ได้สร้างเว็บไซต์: ไม่พบโปรแกรม {builder} ในสภาพแวดล้อมนี้ (สั่ง make site เพื่อติดตั้งแพ็กเกจที่ล็อกไว้)\n"
            f"Nothing was built: {builder} is not installed here (make site installs the locked packages)",
            file=sys.stderr,
        )
        return 2
    output = output.resolve()
    refused = refusal(output, [PROJECT_ROOT, data.resolve(), *PROJECT_SOURCES], pages=PAGES_DIR)
    if refused is not None:
        print(f"ไม่ได้สร้างเว็บไซต์: {refused[0]}\nNothing was built: {refused[1]}", file=sys.stderr)
        return 2
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(output)
    except OSError as exc:
        print(
            f"ไม่ได้สร้างเว็บไซต์: สร้างหรือเขียนโฟลเดอร์ {output.parent} ไม่ได้ ({exc.strerror}) เลือกโฟลเดอร์อื่น\n"
            f"Nothing was built: cannot create or write {output.parent} ({exc.strerror}); choose another folder",
            file=sys.stderr,
        )
        return 2
    fresh = building_dir(output)
    # The build dates itself from the data it loads (SOURCE_DATE_EPOCH, set by the MkDocs hook).
    environment = {"ITA_DATA": str(data.resolve()), "NO_MKDOCS_2_WARNING": "1"}
    arguments = ["build", "--config-file", str(config), "--site-dir", str(fresh)]
    if strict:
        arguments.append("--strict")
    try:
        returncode = _run_builder(builder, arguments, environment)
        if returncode != 0:
            kept = "เว็บไซต์เดิมยังอยู่ครบ" if output.exists() else "ยังไม่มีเว็บไซต์เดิม"
            print(
                f"\nสร้างเว็บไซต์ไม่สำเร็จ: {kept} ที่ {output} (ไม่มีการเปลี่ยนแปลง)\nBuild failed: {output} was left unchanged.",
                file=sys.stderr,
            )
            return returncode
        mark_as_built(fresh)
        swap_in(output, fresh)
    except KeyboardInterrupt:
        print(
            f"\nหยุดการสร้างเว็บไซต์: {output} ไม่มีการเปลี่ยนแปลง\nBuild interrupted: {output} was left unchanged.",
            file=sys.stderr,
        )
        return 130
    except OSError as exc:
        print(
            f"\nแทนที่ {output} ไม่ได้ ({exc.strerror}) อาจมีไฟล์ในโฟลเดอร์นั้นเปิดค้างอยู่ เว็บไซต์เดิมยังอยู่ครบ\n"
            f"Could not replace {output} ({exc.strerror}); is a file in it open? The previous site is intact.",
            file=sys.stderr,
        )
        return 1
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)
    print(f"สร้างเว็บไซต์เรียบร้อย / site built: {output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.oit_strict:
        os.environ["ITA_OIT_STRICT"] = "1"  # read by the MkDocs hook in the build's own process
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupted)
    return build(Path(args.data), Path(args.out), strict=args.strict, config=Path(args.config), builder=args.builder)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # before the build began: nothing was touched
        print("\nหยุดการสร้างเว็บไซต์ / Build interrupted: nothing was changed.", file=sys.stderr)
        sys.exit(130)
