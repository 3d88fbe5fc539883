"""Publish the built site to shared hosting over SFTP or FTPS: ``python hooks/publish_site.py`` (``make publish``).

The target is the ``publish:`` block of ``site.yml``; the password or key comes from the environment
(``ITA_PUBLISH_PASSWORD``, ``ITA_PUBLISH_KEY``) or the system keyring. The strict build (``make check``)
runs first and a failing check publishes nothing. Only files whose bytes changed are sent; files the
new build no longer has are removed; files this tool did not publish are never touched.

    python hooks/publish_site.py [--data data] [--out site] [--dry-run] [--trust-host]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from itagen.load.site import load_site
from itagen.problems import DataError
from itagen.publish.output_dir import BUILT_SITE_MARKER
from itagen.publish.remote.credentials import find_credentials
from itagen.publish.remote.ftps import FtpsRemote
from itagen.publish.remote.manifest import built_files
from itagen.publish.remote.plan import describe
from itagen.publish.remote.progress import Progress
from itagen.publish.remote.sftp import SftpRemote
from itagen.publish.remote.transport import PublishError, Remote
from itagen.publish.remote.upload import carry_out, plan_for, read_state
from itagen.records.publish import PublishTarget

PROJECT_ROOT = Path(__file__).resolve().parent.parent

NO_TARGET = (
    "site.yml ยังไม่มีส่วน publish: บอกว่าจะเผยแพร่ไปที่ใด เพิ่มเช่น\n"
    "Nothing was published: site.yml has no publish: block saying where to. Add, for example:\n"
    "publish:\n  protocol: sftp        # หรือ ftps / or ftps\n  host: ftp.example.go.th\n"
    "  user: webmaster\n  path: public_html\n"
    "(ดู data/README.md / see data/README.md)"
)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="เผยแพร่เว็บไซต์ขึ้นโฮสติ้ง / publish the site to the host")
    parser.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล / data directory (default: data)")
    parser.add_argument("--out", default="site", help="เว็บไซต์ที่สร้าง / the built site (default: site)")
    parser.add_argument("--dry-run", action="store_true", help="บอกสิ่งที่จะเปลี่ยนโดยไม่เปลี่ยน / list, change nothing")
    parser.add_argument(
        "--trust-host", action="store_true", help="ยอมรับกุญแจของเซิร์ฟเวอร์ใหม่ (SFTP) / trust a new SFTP host key"
    )
    parser.add_argument(
        "--checked", action="store_true", help="ข้ามการตรวจ (ตรวจแล้ว) / skip make check: --out was just checked"
    )
    return parser.parse_args(argv)


def _target(data: Path) -> PublishTarget | None:
    settings = load_site(data).site.settings
    return settings.publish


def _check(data: Path, out: Path) -> int:
    """``make check``: the strict build; the site is published only when it passes."""
    command = [sys.executable, str(PROJECT_ROOT / "hooks" / "build_site.py"), "--data", str(data), "--out", str(out)]
    return subprocess.run([*command, "--strict", "--oit-strict"], check=False).returncode


def connect(target: PublishTarget, data: Path, *, trust_host: bool) -> Remote:
    credentials = find_credentials(target, os.environ, shared=(PROJECT_ROOT, data))
    if target.protocol == "sftp":
        known_hosts = Path(os.environ.get("ITA_PUBLISH_KNOWN_HOSTS") or Path.home() / ".ssh" / "known_hosts")
        return SftpRemote(target, credentials, known_hosts, trust_new_host=trust_host)
    return FtpsRemote(target, credentials, os.environ.get("ITA_PUBLISH_CA_FILE") or None)


def publish(target: PublishTarget, data: Path, site: Path, *, dry_run: bool, trust_host: bool) -> int:
    built = built_files(site)
    remote = connect(target, data, trust_host=trust_host)
    try:
        state = read_state(remote)
        plan = plan_for(remote, built, state)
        print("\n".join(describe(plan, every_file=dry_run)))
        if dry_run:
            print("ทดลองเท่านั้น ไม่มีการเปลี่ยนแปลงบนเซิร์ฟเวอร์ / dry run: nothing on the server was changed")
            return 0
        if plan.empty and not state.unfinished:
            return 0
        progress = Progress(len(plan.uploads), plan.upload_bytes, sys.stdout, terminal=sys.stdout.isatty())
        carry_out(remote, site, built, state, plan, progress)
    finally:
        remote.close()
    print(f"เผยแพร่เรียบร้อย / published to {target.host}:{target.path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    data, out = Path(args.data), Path(args.out)
    try:
        target = _target(data)
    except DataError as exc:
        print(exc.report(data.resolve()), file=sys.stderr)
        return 1
    if target is None:
        print(NO_TARGET, file=sys.stderr)
        return 2
    if not args.checked and (code := _check(data, out)) != 0:
        print("ตรวจไม่ผ่าน จึงไม่ได้เผยแพร่ / the check failed, so nothing was published", file=sys.stderr)
        return code
    if not (out / BUILT_SITE_MARKER).is_file():
        print(f"ไม่พบเว็บไซต์ที่สร้างไว้ใน {out} / no built site in {out}: run make check first", file=sys.stderr)
        return 2
    try:
        return publish(target, data, out, dry_run=args.dry_run, trust_host=args.trust_host)
    except PublishError as exc:
        print(f"\nไม่สำเร็จ / failed:\n    {exc.thai}\n    {exc.english}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "\nหยุดการเผยแพร่: เว็บไซต์บนเซิร์ฟเวอร์ยังเปิดอ่านได้ทุกหน้า สั่งอีกครั้งเพื่อส่งให้ครบ\n"
            "Publishing interrupted: every page on the server is still readable; run again to finish.",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":
    sys.exit(main())
