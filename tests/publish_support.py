"""What the publishing tests share: one test's target on a real server (``Publisher``), and reading
the server's files. The servers themselves are in ``publish_servers.py``, their fixtures in
``conftest.py`` (started once per session for both test files).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ftp_daemons import FtpDaemon
from publish_servers import FtpsServer, SshServer

from itagen.publish.remote.manifest import JOURNAL_NAME, MANIFEST_NAME, TEMP_SUFFIX

PUBLISH_COMMAND = Path(__file__).resolve().parent.parent / "hooks" / "publish_site.py"
"""``make publish``'s command (conftest imports this module, so it cannot import conftest's paths)."""
PROTOCOLS = ["sftp", "ftps", "vsftpd", "pure-ftpd", "proftpd"]
"""OpenSSH's SFTP; FTPS on pyftpdlib, on Debian's vsftpd, on pure-ftpd (cPanel's) and ProFTPD (DirectAdmin's, Plesk's)."""


MARKER = ".ita-built-site"


CHANGED_YEAR, OLD_SCORE, NEW_SCORE = "2567", "{number: 3, score: 92.40}", "{number: 3, score: 92.45}"


def files(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` by its relative POSIX path (the build's marker left out)."""
    found = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    found.pop(MARKER, None)
    return found


def identities(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and change time: a file renamed into place gets a new inode."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_ctime_ns) for p in folder.rglob("*")}


@dataclass
class Publisher:
    """One test's target: a data folder whose site.yml points at a fresh folder on the server."""

    protocol: str
    data: Path
    folder: Path
    """The server's folder as the server's own disk holds it."""
    env: dict[str, str]
    block: dict[str, object]
    ssh: SshServer | None = None
    ftps: FtpsServer | FtpDaemon | None = None
    owner: str | None = None
    """The system account the server writes as (OpenSSH, vsftpd); pyftpdlib writes as the tests do."""

    def set_target(self, **changes: object) -> None:
        block = self.block | changes
        lines = [f"  {key}: {value}" for key, value in block.items() if value is not None]
        settings = "digits: arabic\nsite_url: https://www.bansathit.example.go.th/\npublish:\n" + "\n".join(lines)
        (self.data / "site.yml").write_text(settings + "\n", encoding="utf-8")

    def run(self, site: Path, *options: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(PUBLISH_COMMAND), "--data", str(self.data)]
        command += ["--out", str(site), *options]
        if "--check" not in options:
            command.append("--checked")
        else:
            command.remove("--check")
        environment = {k: v for k, v in os.environ.items() if not k.startswith("ITA_PUBLISH")} | (env or self.env)
        return subprocess.run(
            command, capture_output=True, text=True, env=environment, cwd=PUBLISH_COMMAND.parents[1], check=False
        )

    def put_foreign(self, path: str, content: bytes) -> None:
        """A file someone else put on the server (owned by the server's user, as an upload of theirs would be)."""
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        if self.owner is not None:
            for made in [target, *target.relative_to(self.folder).parents]:
                shutil.chown(self.folder / made, self.owner, self.owner)

    def server_site(self) -> dict[str, bytes]:
        found = files(self.folder)
        assert not [p for p in found if p.endswith(TEMP_SUFFIX)], "temporary files left"
        assert JOURNAL_NAME not in found
        found.pop(MANIFEST_NAME)
        return found


def site_copy(site: Path, tmp_path: Path, name: str) -> Path:
    copy = tmp_path / name
    shutil.copytree(site, copy)
    return copy


def free_closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def small_disk(publisher: Publisher, size: int) -> Iterator[Callable[[int], None]]:
    """The server's folder on a disk of its own that holds ``size`` bytes (a tmpfs: the tests run as root);
    yields a function that makes the disk bigger, as a host raising the quota does."""
    options = f"size={size},mode=755"
    if publisher.owner is not None:
        account = pwd.getpwnam(publisher.owner)
        options += f",uid={account.pw_uid},gid={account.pw_gid}"
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "ita-small-disk", str(publisher.folder)], check=True)

    def grow(new_size: int) -> None:
        subprocess.run(["mount", "-o", f"remount,size={new_size}", str(publisher.folder)], check=True)

    try:
        yield grow
    finally:
        subprocess.run(["umount", str(publisher.folder)], check=True)
